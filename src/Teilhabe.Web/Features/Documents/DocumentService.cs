using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Data;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Cases;

namespace Teilhabe.Web.Features.Documents;

/// <summary>
/// Uploads and downloads (DOC-01, ACC-07, ACC-10). A refused or failed upload leaves neither a row nor a file:
/// the file is written first and removed again if the row cannot be saved.
/// </summary>
internal sealed class DocumentService(TeilhabeDbContext db, IDocumentStore store, CaseAccess access, ICurrentUser user, TimeProvider clock, StateProfile profile, AuditLog audit)
{
    public sealed record Upload(string FileName, Stream Content, long Length);

    public long MaxBytes => profile.MaxUploadBytes;

    /// <summary>DOC-01: the German refusal for a file above the profile's size.</summary>
    public RuleViolation TooLarge(string fileName, long length, string field = "file")
        => UploadRules.TooLarge(fileName, length, profile.MaxUploadText, field);

    public async Task<Result<CaseDocument>> UploadAsync(
        Case @case, DocumentKind? kind, Guid? contactId, Upload file, CancellationToken ct)
    {
        var uploaded = await UploadAllAsync(@case, kind, contactId, [file], ct);
        return uploaded.Value is { Count: > 0 } documents ? Result<CaseDocument>.Ok(documents[0]) : uploaded.Fail<CaseDocument>();
    }

    /// <summary>
    /// DOC-01 for one or more files: every file is read and checked (size, real content type) before any is
    /// stored, so one refused file stores nothing; a failed save removes the files already written.
    /// </summary>
    public async Task<Result<IReadOnlyList<CaseDocument>>> UploadAllAsync(
        Case @case, DocumentKind? kind, Guid? contactId, IReadOnlyList<Upload> files, CancellationToken ct, bool receivingService = false, string? formVersion = null,
        bool validVersionWhenMissing = false)
    {
        // TR-02: the receiving IFD uploads the Schweigepflichtentbindung before it may see the case (checked by the caller).
        if (!receivingService && !access.CanEdit(@case))
        {
            return Result<IReadOnlyList<CaseDocument>>.Invalid(RoleRefusals.UploadDocument);
        }

        if (CaseRules.CheckDocumentAllowed(@case) is { } refused)
        {
            return Result<IReadOnlyList<CaseDocument>>.Invalid(refused);
        }

        var errors = new List<RuleViolation>();
        if (kind is null)
        {
            errors.Add(new(RuleIds.Input, "Bitte die Art des Dokuments angeben.", "kind"));
        }

        if (contactId is not null && kind is DocumentKind.DisabilityProof or DocumentKind.DisabilityCard)
        {
            errors.Add(new(RuleIds.Input, "Ein Nachweis der Behinderung gehört zur Person, nicht zu einem Kontakt.", "contactId"));
        }

        if (contactId is not null && !await db.Contacts.AnyAsync(c => c.Id == contactId && c.CaseId == @case.Id, ct))
        {
            errors.Add(new(RuleIds.Input, "Der Kontakt gehört nicht zu diesem Auftrag.", "contactId"));
        }

        if (files.Count == 0)
        {
            errors.Add(new(RuleIds.Input, "Es wurde keine Datei übertragen.", "file"));
        }

        // DOC-04: a Merkblatt, Zielvereinbarung or Schweigepflichtentbindung signed on an outdated form version is refused;
        // the page leaves the field at "the valid one", which is then recorded.
        var named = !string.IsNullOrWhiteSpace(formVersion);
        if (kind is { } versioned && (named || (validVersionWhenMissing && FormVersionRules.IsVersioned(versioned))))
        {
            var valid = FormVersionRules.IsVersioned(versioned)
                ? await Forms.FormVersions.ValidAsync(db, profile, FormVersionRules.Form(versioned), Core.Time.BerlinTime.Today(clock), ct)
                : null;
            formVersion = named ? formVersion : valid;
            if (FormVersionRules.CheckUpload(versioned, formVersion, valid, DocumentLabels.German(versioned)) is { } outdated)
            {
                errors.Add(outdated);
            }
        }

        var prepared = new List<(Upload File, byte[] Bytes, string ContentType)>();
        foreach (var file in files)
        {
            if (file.Length > profile.MaxUploadBytes)
            {
                errors.Add(TooLarge(file.FileName, file.Length));
                continue;
            }

            if (file.Length == 0)
            {
                errors.Add(UploadRules.Empty(file.FileName));
                continue;
            }

            var bytes = new byte[file.Length];
            await file.Content.ReadExactlyAsync(bytes, ct);
            var (contentType, rejected) = ContentSniffer.Inspect(bytes, file.FileName);
            if (contentType is null)
            {
                errors.Add(rejected!);
                continue;
            }

            prepared.Add((file, bytes, contentType));
        }

        if (errors.Count > 0)
        {
            return Result<IReadOnlyList<CaseDocument>>.Invalid(errors);
        }

        var documents = new List<CaseDocument>();
        var written = new List<string>();
        try
        {
            foreach (var (file, bytes, contentType) in prepared)
            {
                var key = $"{clock.GetUtcNow().Year}/{Guid.CreateVersion7():N}";
                await store.SaveAsync(key, bytes, ct);
                written.Add(key);
                var document = new CaseDocument(@case.ServiceId, @case.IntegrationOfficeId, @case.ClientId, @case.Id, contactId, kind!.Value,
                    SafeName(file.FileName), contentType, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), key, clock.GetUtcNow(), user.UserId);
                if (FormVersionRules.IsVersioned(kind.Value))
                {
                    document.RecordFormVersion(formVersion);
                }

                db.Documents.Add(document);
                documents.Add(document);
            }

            await db.SaveChangesAsync(ct);
        }
        catch
        {
            foreach (var document in documents)
            {
                db.Entry(document).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
            }

            foreach (var key in written)
            {
                await store.DeleteAsync(key, CancellationToken.None);
            }

            throw;
        }

        return Result<IReadOnlyList<CaseDocument>>.Ok(documents);
    }

    /// <summary>Removes stored files of documents whose database rows were rolled back (a unit of work that failed after the upload).</summary>
    public async Task DiscardAsync(IEnumerable<CaseDocument> documents)
    {
        foreach (var document in documents)
        {
            db.Entry(document).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
            await store.DeleteAsync(document.StorageKey, CancellationToken.None);
        }
    }

    /// <summary>The case's documents and the client's proofs, as far as the caller may see them.</summary>
    public async Task<List<CaseDocument>> ListAsync(Case @case, CancellationToken ct)
    {
        var all = await db.Documents.AsNoTracking()
            .Where(d => d.CaseId == @case.Id || (d.CaseId == null && d.ClientId == @case.ClientId))
            .OrderBy(d => d.UploadedAt).ToListAsync(ct);
        return [.. all.Where(d => access.CanSee(@case, d))];
    }

    /// <summary>Opens a file for download when the caller may see it (404 otherwise); the read is audited.</summary>
    public async Task<(CaseDocument Document, byte[] Content)?> OpenAsync(Guid id, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (document is null)
        {
            return null;
        }

        var @case = document.CaseId is { } caseId
            ? await db.Cases.AsNoTracking().Include(c => c.Deputies).FirstOrDefaultAsync(c => c.Id == caseId, ct)
            : await VisibleCaseOfClientAsync(document.ClientId, ct);
        if (@case is not null)
        {
            await access.LoadIncidentAsync(@case, ct);
        }

        if (@case is null || !access.CanSee(@case, document))
        {
            return null;
        }

        var content = await store.ReadAsync(document.StorageKey, ct);
        if (content is null)
        {
            return null;
        }

        await audit.ReadAsync(nameof(CaseDocument), document.Id, document.ServiceId, ct, clientId: document.ClientId, caseId: document.CaseId, reason: access.AuditReason(@case));
        return (document, content);
    }

    /// <summary>
    /// DOC-06: a document the caller may see, with the case it is seen through (<paramref name="caseId"/> picks the case
    /// for a client-level proof). Null when either is not visible: a removal by someone without access answers 404.
    /// </summary>
    public async Task<(CaseDocument Document, Case Case)?> FindAsync(Guid id, Guid? caseId, CancellationToken ct)
    {
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (document is null)
        {
            return null;
        }

        Case? @case;
        if (document.CaseId is { } own)
        {
            @case = await db.Cases.AsNoTracking().Include(c => c.Deputies).Include(c => c.History).FirstOrDefaultAsync(c => c.Id == own, ct);
        }
        else if (caseId is { } chosen)
        {
            @case = await db.Cases.AsNoTracking().Include(c => c.Deputies).Include(c => c.History).FirstOrDefaultAsync(c => c.Id == chosen && c.ClientId == document.ClientId, ct);
        }
        else
        {
            @case = await VisibleCaseOfClientAsync(document.ClientId, ct);
        }

        return @case is not null && access.CanSee(@case) && access.CanSee(@case, document) ? (document, @case) : null;
    }

    /// <summary>DOC-06: the responsible caseworker, a deputy (of the case or of an absence) or the IFD lead.</summary>
    public bool MayRemove(Case @case) => access.IsResponsible(@case) || access.IsLead(@case);

    /// <summary>
    /// DOC-06: removes a wrong upload. The row goes and a <see cref="RemovedDocument"/> keeps kind, name, size and
    /// SHA-256 with who, when and why (audited with the reason); then the stored file is destroyed at once.
    /// </summary>
    public async Task<IReadOnlyList<RuleViolation>> RemoveAsync(CaseDocument document, Case @case, string? reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (removed, errors) = RemovedDocument.Remove(document, @case.Id, reason, now, user.UserId ?? string.Empty);
        if (removed is null)
        {
            return errors;
        }

        db.Documents.Remove(document);
        db.RemovedDocuments.Add(removed);
        audit.Stage(AuditActions.Delete, nameof(CaseDocument), document.Id.ToString(), now, serviceId: document.ServiceId, clientId: document.ClientId, caseId: removed.CaseId,
            // File name and reason stay in the RemovedDocument row (deleted with the case, DEL-01); the trail keeps ids only.
            reason: $"DOC-06 entfernt: {document.Kind}, {document.Size} Bytes, SHA-256 {document.Sha256}; Nachweis {removed.Id}");
        await db.SaveChangesAsync(ct);

        // A document of the wrong person is a data-protection incident: the bytes go now, not with the retention job.
        await store.DeleteAsync(document.StorageKey, CancellationToken.None);
        return [];
    }

    /// <summary>DOC-06 with DOC-REQ: removed documents that a past phase change of the case needed and that were not replaced.</summary>
    public async Task<IReadOnlyList<(RemovedDocument Removed, PhaseChange Change)>> MissingAfterRemovalAsync(Case @case, IEnumerable<CaseDocument> present, CancellationToken ct)
    {
        var removed = await db.RemovedDocuments.AsNoTracking()
            .Where(r => r.CaseId == @case.Id || (r.ClientId == @case.ClientId && (r.Kind == DocumentKind.DisabilityProof || r.Kind == DocumentKind.DisabilityCard)))
            .ToListAsync(ct);
        return removed.Count == 0 ? [] : RemovedDocument.MissingForPastChanges(removed, @case.History, present.Select(d => d.Kind));
    }

    /// <summary>A client-level proof is visible through any case of the client the caller may see.</summary>
    private async Task<Case?> VisibleCaseOfClientAsync(Guid clientId, CancellationToken ct)
    {
        var cases = await db.Cases.AsNoTracking().Include(c => c.Deputies).Where(c => c.ClientId == clientId).ToListAsync(ct);
        return cases.FirstOrDefault(access.CanSee);
    }

    private static string SafeName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var cleaned = new string([.. file.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))]).Trim();
        if (cleaned.Length == 0)
        {
            cleaned = "dokument";
        }

        return cleaned.Length > 200 ? cleaned[^200..] : cleaned;
    }

    /// <summary>
    /// TR-02: the client-level documents (proof of disability) for the receiving IFD's copy of the person's record; the
    /// bytes are stored once more, so each IFD's copy is kept and removed on its own. Added to the context, saved by the caller.
    /// </summary>
    public async Task CopyClientDocumentsAsync(Guid fromClientId, Teilhabe.Core.Clients.Client copy, CancellationToken ct)
    {
        var originals = await db.Documents.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.CaseId == null && d.ClientId == fromClientId).ToListAsync(ct);
        foreach (var original in originals)
        {
            var bytes = await store.ReadAsync(original.StorageKey, ct)
                ?? throw new InvalidOperationException($"Dokument {original.Id} fehlt im Dokumentenspeicher.");
            var key = $"{clock.GetUtcNow().Year}/{Guid.CreateVersion7():N}";
            await store.SaveAsync(key, bytes, ct);
            db.Documents.Add(original.CopyForClient(copy.ServiceId, copy.Id, key));
        }
    }
}
