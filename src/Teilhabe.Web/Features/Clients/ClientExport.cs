using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Data;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Documents;
using Teilhabe.Web.Features.Reports;

namespace Teilhabe.Web.Features.Clients;

/// <summary>
/// GDPR Art. 15 (API.md "Data protection"): everything stored about one person as a ZIP — person.json (client data,
/// disability evidence and disabilities, employment, cases with phase history and all texts — the caseworker's ToDo
/// too, because it is personal data about the person —, contacts with notes, LEKs, document metadata, report versions,
/// goals, and the audit rows of who read or changed the person's data), the document files under documents/, and a
/// readable summary.pdf. Allowed for the caseworker/deputy of one of the client's cases and the IFD lead of the
/// client's IFD (others 403, foreign 404). The export itself is audited (action "export").
/// </summary>
internal sealed class ClientExport(TeilhabeDbContext db, ICurrentUser user, CaseAccess access, IDocumentStore store, AuditLog audit, TimeProvider clock)
{
    public const string ExportAction = "export";

    public enum Outcome { Ok, NotFound, Forbidden }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // readable umlauts; the file is never embedded in HTML
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<(Outcome Outcome, byte[]? Zip, string? FileName)> BuildAsync(Guid clientId, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().Include(c => c.Evidence).Include(c => c.Disabilities).Include(c => c.Employment)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == clientId, ct);
        if (client is null)
        {
            return (Outcome.NotFound, null, null);
        }

        var cases = await db.Cases.AsNoTracking().Include(c => c.History).Include(c => c.Agreements).Include(c => c.Deputies)
            .AsSplitQuery().Where(c => c.ClientId == clientId).ToListAsync(ct);
        var lead = user.IsInRole(Roles.ServiceLead) && user.ServiceId == client.ServiceId;
        if (!lead && !cases.Any(access.IsResponsible))
        {
            return (Outcome.Forbidden, null, null);
        }

        var caseIds = cases.Select(c => c.Id).ToList();
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.ClientId == clientId).OrderBy(c => c.OccurredAt).ToListAsync(ct);
        var outcomes = await db.Outcomes.AsNoTracking().Where(o => o.ClientId == clientId).ToListAsync(ct);
        var documents = await db.Documents.AsNoTracking().Where(d => d.ClientId == clientId).OrderBy(d => d.UploadedAt).ToListAsync(ct);
        var reports = await db.ReportVersions.AsNoTracking().Where(r => r.ClientId == clientId).ToListAsync(ct);
        var goals = await db.CaseGoals.AsNoTracking().Where(g => g.ClientId == clientId).ToListAsync(ct);
        var abilityProfiles = await db.AbilityProfiles.AsNoTracking().Include(p => p.Revisions).Where(p => p.ClientId == clientId).ToListAsync(ct);
        var schoolOrientations = await db.SchoolOrientations.AsNoTracking().Include(o => o.Activities).Where(o => o.ClientId == clientId).ToListAsync(ct);
        var apprenticeships = await db.Apprenticeships.AsNoTracking().Where(a => a.ClientId == clientId).ToListAsync(ct);
        var colleagueConsents = await db.ColleagueConsents.AsNoTracking().Where(c => c.ClientId == clientId).ToListAsync(ct);
        var recordChanges = await db.ClientRecordChanges.AsNoTracking().Where(c => c.ClientId == clientId).OrderBy(c => c.ChangedAt).ToListAsync(ct);
        var auditRows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ClientId == clientId || (a.CaseId != null && caseIds.Contains(a.CaseId.Value)))
            .OrderBy(a => a.Id).ToListAsync(ct);

        var person = new
        {
            exportedAt = clock.GetUtcNow(),
            client,
            cases,
            contacts,
            outcomes,
            documents = documents.Select(d => new { d.Id, d.CaseId, d.ContactId, d.Kind, d.FileName, d.ContentType, d.Size, d.Sha256, d.UploadedAt, d.UploadedBy, file = FilePath(d.Id, d.FileName) }),
            reportVersions = reports.Select(r => new { r.Id, r.CaseId, r.Kind, r.Number, r.Title, r.Sha256, r.Size, r.CreatedAt, r.CreatedBy }),
            goals,
            abilityProfiles,
            schoolOrientations,
            apprenticeships,
            colleagueConsents,
            recordChanges = recordChanges.Select(c => new { c.Id, c.RecordKind, c.RecordId, c.ChangedAt, c.ChangedBy, earlier = c.EarlierValues, c.Reason }),
            audit = auditRows.Select(a => new { a.At, a.UserId, a.Action, a.Entity, a.EntityId, a.CaseId, a.Reason }),
        };

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var entry = await zip.CreateEntry("person.json").OpenAsync(ct))
            {
                await JsonSerializer.SerializeAsync(entry, person, Json, ct);
            }

            foreach (var d in documents)
            {
                if (await store.ReadAsync(d.StorageKey, ct) is { } bytes)
                {
                    await using var entry = await zip.CreateEntry(FilePath(d.Id, d.FileName)).OpenAsync(ct);
                    await entry.WriteAsync(bytes, ct);
                }
            }

            var pdf = PdfLayout.Render(Summary(client, cases, contacts, documents), user.UserId ?? "Teilhabe");
            await using (var entry = await zip.CreateEntry("summary.pdf").OpenAsync(ct))
            {
                await entry.WriteAsync(pdf, ct);
            }
        }

        await audit.RecordAsync(ExportAction, "Client", clientId.ToString(), ct, serviceId: client.ServiceId, clientId: clientId, reason: "Auskunft nach Art. 15 DSGVO");
        return (Outcome.Ok, buffer.ToArray(), $"auskunft-{clientId}.zip");
    }

    private static string FilePath(Guid id, string fileName)
        => $"documents/{id}-{string.Concat(fileName.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-' or '_' ? ch : '_'))}";

    private ReportDocument Summary(Core.Clients.Client client, List<Core.Cases.Case> cases, List<Core.Contacts.Contact> contacts, List<Core.Cases.CaseDocument> documents)
    {
        static string D(DateOnly? d) => d?.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.GetCultureInfo("de-DE")) ?? "–";
        var blocks = new List<ReportBlock>
        {
            new ReportHeading("Person"),
            new ReportTable([
                ("Name", client.FullName),
                ("Geburtsdatum", D(client.BirthDate)),
                ("Anschrift", client.Address.ToString()),
                ("Telefon", client.Phone ?? "–"),
                ("E-Mail", client.Email ?? "–"),
            ]),
            new ReportHeading("Aufträge"),
        };
        foreach (var c in cases)
        {
            blocks.Add(new ReportTable([
                ("Auftrag", c.CaseNumber),
                ("Phase", c.Phase.ToString()),
                ("Beginn", D(c.StartDate)),
                ("Abgemeldet am", D(c.ClosedOn)),
                ("Anliegen", c.Texts.Concern ?? "–"),
            ]));
        }

        blocks.Add(new ReportHeading("Kontakte"));
        foreach (var k in contacts)
        {
            blocks.Add(new ReportParagraph($"{k.OccurredAt:dd.MM.yyyy} ({k.Form}): {k.Keywords} {k.Note}"));
        }

        blocks.Add(new ReportHeading("Dokumente"));
        blocks.Add(new ReportParagraph(documents.Count == 0 ? "keine" : string.Join("\n", documents.Select(d => $"{d.FileName} ({d.Kind})"))));
        return new ReportDocument("Auskunft nach Art. 15 DSGVO", string.Empty, client.FullName, clock.GetUtcNow(), blocks);
    }
}
