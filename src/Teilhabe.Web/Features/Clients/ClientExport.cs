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
/// too, because it is personal data about the person —, contacts with notes and their earlier versions, contact
/// exceptions, LEKs, document metadata, report versions and requests, goals, extension requests, Inklusionsbetrieb
/// applications, transfer requests, incident accesses, the IFD tasks, programme participations with bookings and
/// plan, network candidacies, and the audit rows of who read or changed the person's data), the document files under
/// documents/, and a readable summary.pdf. Allowed for the caseworker/deputy of one of the client's cases and the IFD
/// lead of the client's IFD (others 403, foreign 404). The export holds only what the caller may see, with the checks of
/// the case page (<see cref="CaseAccess"/>): cases the caller does not see are left out (only counted), contact notes
/// and keywords only where the caller sees them, contact-level documents only for the responsible caseworkers (ACC-10).
/// The export itself is audited (action "export").
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

        // Only what the caller may see (ACC-06, ACC-10), with the checks of the case page: the cases the caller sees at
        // all, contact notes and keywords of those whose notes the caller sees, and the documents the caller may open.
        var visibleCases = cases.Where(access.CanSee).ToList();
        var caseById = visibleCases.ToDictionary(c => c.Id);
        var caseIds = visibleCases.Select(c => c.Id).ToList();
        bool SeesNotes(Guid caseId) => caseById.TryGetValue(caseId, out var c) && access.SeesContactNotes(c);

        var contacts = await db.Contacts.AsNoTracking().Where(c => c.ClientId == clientId && caseIds.Contains(c.CaseId)).OrderBy(c => c.OccurredAt).ToListAsync(ct);
        var contactIds = contacts.Select(c => c.Id).ToList();
        var contactVersions = await db.ContactVersions.AsNoTracking().Where(v => contactIds.Contains(v.ContactId)).OrderBy(v => v.ChangedAt).ToListAsync(ct);
        var contactCase = contacts.ToDictionary(c => c.Id, c => c.CaseId);
        var outcomes = await db.Outcomes.AsNoTracking().Where(o => o.ClientId == clientId && caseIds.Contains(o.CaseId)).ToListAsync(ct);
        var allDocuments = await db.Documents.AsNoTracking().Where(d => d.ClientId == clientId).OrderBy(d => d.UploadedAt).ToListAsync(ct);
        var documents = allDocuments.Where(d => d.CaseId is not { } caseId
            ? d.ContactId is null
            : caseById.TryGetValue(caseId, out var c) && access.CanSee(c, d)).ToList();
        var reports = await db.ReportVersions.AsNoTracking().Where(r => r.ClientId == clientId && caseIds.Contains(r.CaseId)).ToListAsync(ct);
        var reportRequests = await db.ReportRequests.AsNoTracking().Where(r => caseIds.Contains(r.CaseId)).ToListAsync(ct);
        var goals = await db.CaseGoals.AsNoTracking().Where(g => g.ClientId == clientId && caseIds.Contains(g.CaseId)).ToListAsync(ct);
        var abilityProfiles = await db.AbilityProfiles.AsNoTracking().Include(p => p.Revisions).Where(p => p.ClientId == clientId && caseIds.Contains(p.CaseId)).ToListAsync(ct);
        var schoolOrientations = await db.SchoolOrientations.AsNoTracking().Include(o => o.Activities).Where(o => o.ClientId == clientId && caseIds.Contains(o.CaseId)).ToListAsync(ct);
        var apprenticeships = await db.Apprenticeships.AsNoTracking().Where(a => a.ClientId == clientId && caseIds.Contains(a.CaseId)).ToListAsync(ct);
        var colleagueConsents = await db.ColleagueConsents.AsNoTracking().Where(c => c.ClientId == clientId && caseIds.Contains(c.CaseId)).ToListAsync(ct);
        var extensionRequests = await db.ExtensionRequests.AsNoTracking().Where(e => caseIds.Contains(e.CaseId)).OrderBy(e => e.RequestedOn).ToListAsync(ct);
        var inclusionCompany = await db.InclusionCompanyApplications.AsNoTracking().Where(e => caseIds.Contains(e.CaseId)).OrderBy(e => e.AppliedOn).ToListAsync(ct);
        var contactExceptions = await db.ContactExceptions.AsNoTracking().Where(e => caseIds.Contains(e.CaseId)).OrderBy(e => e.From).ToListAsync(ct);
        var incidentAccesses = await db.IncidentAccesses.AsNoTracking().Where(e => caseIds.Contains(e.CaseId)).OrderBy(e => e.OpenedAt).ToListAsync(ct);

        // Transfers and network profiles are read across IFDs by design (TR-02, NET-03): the case or client id bounds them.
        var transfers = await db.CaseTransferRequests.IgnoreQueryFilters().AsNoTracking().Where(t => caseIds.Contains(t.CaseId)).OrderBy(t => t.RequestedAt).ToListAsync(ct);
        var candidates = await db.NetworkCandidates.AsNoTracking().Where(c => c.ClientId == clientId).OrderBy(c => c.OfferedOn).ToListAsync(ct);
        var potentialIds = candidates.Select(c => c.PotentialId).Distinct().ToList();
        var potentials = await db.JobPotentials.IgnoreQueryFilters().AsNoTracking().Where(p => potentialIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        var participations = await db.Participations.AsNoTracking().Include(p => p.Bookings).Where(p => p.ClientId == clientId).OrderBy(p => p.ReferredOn).ToListAsync(ct);
        var programmeIds = participations.Select(p => p.ProgrammeId).Distinct().ToList();
        var programmes = await db.Programmes.AsNoTracking().Where(p => programmeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);

        var recordChanges = await db.ClientRecordChanges.AsNoTracking().Where(c => c.ClientId == clientId).OrderBy(c => c.ChangedAt).ToListAsync(ct);
        var auditRows = await db.AuditEntries.AsNoTracking()
            .Where(a => (a.ClientId == clientId && a.CaseId == null) || (a.CaseId != null && caseIds.Contains(a.CaseId.Value)))
            .OrderBy(a => a.Id).ToListAsync(ct);

        var person = new
        {
            exportedAt = clock.GetUtcNow(),
            client,
            cases = visibleCases,
            casesNotVisible = cases.Count - visibleCases.Count,
            contacts = contacts.Select(k =>
            {
                var notes = SeesNotes(k.CaseId);
                return new
                {
                    k.Id,
                    k.CaseId,
                    k.Phase,
                    k.OccurredAt,
                    k.Form,
                    keywords = notes ? k.Keywords : null,
                    note = notes ? k.Note : null,
                    notesWithheld = !notes,
                    k.PassesProtectedData,
                    k.DurationMinutes,
                    k.Late,
                    k.RecordedAt,
                    k.RecordedBy,
                    k.Participants,
                    k.Topics,
                    k.Outcomes,
                    k.Revision,
                    k.CorrectedAt,
                    k.CorrectedBy,
                    k.CancelledAt,
                    k.CancelledBy,
                    cancellationReason = notes ? k.CancellationReason : null,
                };
            }),
            contactVersions = contactVersions.Select(v =>
            {
                var notes = SeesNotes(contactCase[v.ContactId]);
                return new
                {
                    v.Id,
                    v.ContactId,
                    v.Version,
                    v.ChangedAt,
                    v.ChangedBy,
                    v.SupersededAt,
                    v.SupersededBy,
                    v.OccurredAt,
                    v.Form,
                    keywords = notes ? v.Keywords : null,
                    note = notes ? v.Note : null,
                    notesWithheld = !notes,
                    v.Participants,
                    v.TopicCodes,
                    v.OutcomeIds,
                };
            }),
            contactExceptions,
            outcomes,
            documents = documents.Select(d => new { d.Id, d.CaseId, d.ContactId, d.Kind, d.FileName, d.ContentType, d.Size, d.Sha256, d.UploadedAt, d.UploadedBy, file = FilePath(d.Id, d.FileName) }),
            reportVersions = reports.Select(r => new { r.Id, r.CaseId, r.Kind, r.Number, r.Title, r.Sha256, r.Size, r.CreatedAt, r.CreatedBy }),
            reportRequests,
            goals,
            extensionRequests,
            inclusionCompanyApplications = inclusionCompany,
            transfers,
            incidentAccesses,
            ifdTasks = new { abilityProfiles, schoolOrientations, apprenticeships, colleagueConsents },
            programmeParticipations = participations.Select(p => new { programme = programmes.GetValueOrDefault(p.ProgrammeId), participation = p }),
            networkCandidacies = candidates.Select(c => new { potential = potentials.GetValueOrDefault(c.PotentialId), candidate = c }),
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

            var summary = new SummaryData(
                client, visibleCases, cases.Count - visibleCases.Count, contacts, SeesNotes, documents, participations, programmes, candidates, potentials,
                transfers, extensionRequests, inclusionCompany, abilityProfiles.Count, schoolOrientations.Count, apprenticeships.Count, colleagueConsents.Count);
            var pdf = PdfLayout.Render(Summary(summary), user.UserId ?? "Teilhabe");
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

    private sealed record SummaryData(
        Core.Clients.Client Client, List<Core.Cases.Case> Cases, int CasesNotVisible, List<Core.Contacts.Contact> Contacts, Func<Guid, bool> SeesNotes,
        List<Core.Cases.CaseDocument> Documents, List<Core.Programmes.Participation> Participations, Dictionary<Guid, string> Programmes,
        List<Core.Network.NetworkCandidate> Candidates, Dictionary<Guid, string> Potentials, List<Core.Cases.CaseTransferRequest> Transfers,
        List<Core.Cases.ExtensionRequest> Extensions, List<Core.Cases.InclusionCompanyApplication> InclusionCompany,
        int AbilityProfiles, int SchoolOrientations, int Apprenticeships, int ColleagueConsents);

    private ReportDocument Summary(SummaryData s)
    {
        var german = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
        string D(DateOnly? d) => d?.ToString("dd.MM.yyyy", german) ?? "–";
        string Decision(bool? approved) => approved switch { true => "bewilligt", false => "abgelehnt", null => "offen" };
        var client = s.Client;
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
        foreach (var c in s.Cases)
        {
            blocks.Add(new ReportTable([
                ("Auftrag", c.CaseNumber),
                ("Phase", c.Phase.ToString()),
                ("Beginn", D(c.StartDate)),
                ("Abgemeldet am", D(c.ClosedOn)),
                ("Anliegen", c.Texts.Concern ?? "–"),
            ]));
        }

        if (s.CasesNotVisible > 0)
        {
            blocks.Add(new ReportParagraph($"Weitere Aufträge ({s.CasesNotVisible}) betreut eine andere Fachkraft; sie sind in dieser Auskunft nicht enthalten (ACC-06)."));
        }

        blocks.Add(new ReportHeading("Kontakte"));
        foreach (var k in s.Contacts)
        {
            blocks.Add(new ReportParagraph(s.SeesNotes(k.CaseId)
                ? string.Create(german, $"{k.OccurredAt:dd.MM.yyyy} ({k.Form}): {k.Keywords} {k.Note}")
                : string.Create(german, $"{k.OccurredAt:dd.MM.yyyy} ({k.Form})")));
        }

        blocks.Add(new ReportHeading("Dokumente"));
        blocks.Add(new ReportParagraph(s.Documents.Count == 0 ? "keine" : string.Join("\n", s.Documents.Select(d => $"{d.FileName} ({d.Kind})"))));

        blocks.Add(new ReportHeading("Programmteilnahmen"));
        blocks.Add(new ReportParagraph(s.Participations.Count == 0 ? "keine" : string.Join("\n", s.Participations.Select(p =>
            string.Create(german, $"{s.Programmes.GetValueOrDefault(p.ProgrammeId, "Programm")}: zugewiesen am {D(p.ReferredOn)}, {p.Status}, beendet {D(p.EndedOn)}, {p.Bookings.Count} Buchungen ({p.Bookings.Sum(b => b.Hours)} Stunden)")))));

        blocks.Add(new ReportHeading("Jobnetzwerk"));
        blocks.Add(new ReportParagraph(s.Candidates.Count == 0 ? "keine" : string.Join("\n", s.Candidates.Select(c =>
            $"{s.Potentials.GetValueOrDefault(c.PotentialId, "Potenzial")}: angeboten am {D(c.OfferedOn)} als {c.Pseudonym}, Einwilligung {D(c.ConsentGivenOn)}"))));

        blocks.Add(new ReportHeading("Übergaben an einen anderen IFD"));
        blocks.Add(new ReportParagraph(s.Transfers.Count == 0 ? "keine" : string.Join("\n", s.Transfers.Select(t =>
            string.Create(german, $"Auftrag {t.CaseNumber}: beantragt am {t.RequestedAt:dd.MM.yyyy}, abgeschlossen {(t.CompletedAt is { } done ? done.ToString("dd.MM.yyyy", german) : "–")}")))));

        blocks.Add(new ReportHeading("Verlängerungsanträge und Anträge Inklusionsbetrieb"));
        var requests = s.Extensions.Select(e => $"Verlängerung bis {D(e.RequestedEndDate)}, beantragt am {D(e.RequestedOn)}: {Decision(e.Approved)}")
            .Concat(s.InclusionCompany.Select(a => $"Begleitung im Inklusionsbetrieb, beantragt am {D(a.AppliedOn)}: {Decision(a.Approved)}")).ToList();
        blocks.Add(new ReportParagraph(requests.Count == 0 ? "keine" : string.Join("\n", requests)));

        blocks.Add(new ReportHeading("IFD-Aufgaben"));
        blocks.Add(new ReportTable([
            ("Fähigkeitsprofile", s.AbilityProfiles.ToString(german)),
            ("Berufsorientierung Schule", s.SchoolOrientations.ToString(german)),
            ("Ausbildungsbegleitung", s.Apprenticeships.ToString(german)),
            ("Einwilligungen Kollegium", s.ColleagueConsents.ToString(german)),
        ]));
        return new ReportDocument("Auskunft nach Art. 15 DSGVO", string.Empty, client.FullName, clock.GetUtcNow(), blocks);
    }
}
