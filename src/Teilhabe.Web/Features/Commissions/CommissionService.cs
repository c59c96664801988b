using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Data;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Rules;
using Teilhabe.Core.Time;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Clients;
using Teilhabe.Web.Features.Documents;

namespace Teilhabe.Web.Features.Commissions;

/// <summary>
/// Kinds of commission (DOMAIN.md section 4) for pages and API: the InA objection (BA-SI-01), extensions
/// (BA-EXT-01), Inklusionsbetrieb applications (BA-IB-01/02) and the guided successful placement (BA-ST-01).
/// </summary>
internal sealed partial class CommissionService(
    TeilhabeDbContext db,
    ICurrentUser user,
    CaseAccess access,
    TimeProvider clock,
    StateProfile profile,
    CaseService cases,
    CaseTransitions transitions,
    ClientService clients,
    DocumentService documents,
    IDocumentStore store)
{
    public DateOnly Today => clock.Today();

    public StateProfile Profile => profile;

    public async Task<FunderKind?> FunderKindAsync(Case c, CancellationToken ct)
        => c.FunderId is null ? null : await db.Funders.AsNoTracking().IgnoreQueryFilters()
            .Where(f => f.Id == c.FunderId).Select(f => (FunderKind?)f.Kind).FirstOrDefaultAsync(ct);

    /// <summary>BA-SI-01: "requested", "objected", "commissioned" or null (not an InA Sicherung in P3/P4).</summary>
    public async Task<string?> StatusAsync(Case c, CancellationToken ct)
        => CommissionKinds.StatusOf(c, CommissionKinds.IsInaRetention(c, await FunderKindAsync(c, ct)), Today, profile);

    /// <summary>BA-SI-01: InA-Koordination of the case's Integrationsamt objects within 4 weeks of the P3 date, with a reason.</summary>
    public async Task<IReadOnlyList<RuleViolation>> ObjectAsync(Case c, string? reason, CancellationToken ct)
    {
        if (!access.IsCoordinator || user.IntegrationOfficeId != c.IntegrationOfficeId)
        {
            return [RoleRefusals.ObjectToCommission];
        }

        var errors = CommissionRules.CheckObjection(c, CommissionKinds.IsInaRetention(c, await FunderKindAsync(c, ct)), reason, Today, profile);
        if (errors.Count > 0)
        {
            return errors;
        }

        c.RecordObjection(Today, reason!.Trim(), user.UserId!);
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task<List<ExtensionRequest>> ExtensionsAsync(Guid caseId, CancellationToken ct)
        => await db.ExtensionRequests.AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.RequestedOn).ThenBy(r => r.Id).ToListAsync(ct);

    public async Task<List<InclusionCompanyApplication>> ApplicationsAsync(Guid caseId, CancellationToken ct)
        => await db.InclusionCompanyApplications.AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.AppliedOn).ThenBy(r => r.Id).ToListAsync(ct);

    /// <summary>BA-EXT-01: the caseworker requests an extension with a Sachstandsbericht at least 2 weeks before the planned end.</summary>
    public async Task<Result<ExtensionRequest>> RequestExtensionAsync(Case c, string? progressReport, DateOnly? requestedEndDate, CancellationToken ct)
    {
        if (!access.CanEdit(c))
        {
            return Result<ExtensionRequest>.Invalid(RoleRefusals.RequestExtension);
        }

        var kind = await FunderKindAsync(c, ct);
        var extendable = kind == FunderKind.IntegrationOffice && (CommissionKinds.IsInaRetention(c, kind) || CommissionKinds.IsSupportedEmployment(c.LegalBasisCode));
        var pending = await db.ExtensionRequests.AnyAsync(r => r.CaseId == c.Id && r.Approved == null, ct);
        var errors = CommissionRules.CheckExtensionRequest(c, extendable, pending, progressReport, requestedEndDate, Today, profile);
        if (errors.Count > 0)
        {
            return Result<ExtensionRequest>.Invalid(errors);
        }

        var request = new ExtensionRequest(c, progressReport!.Trim(), requestedEndDate!.Value, Today, user.UserId!);
        db.ExtensionRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return Result<ExtensionRequest>.Ok(request);
    }

    /// <summary>BA-EXT-01: InA-Koordination approves (new end date) or refuses.</summary>
    public async Task<Result<ExtensionRequest>> DecideExtensionAsync(
        Case c, Guid requestId, bool? approved, string? note, DateOnly? newEndDate, CancellationToken ct)
    {
        var request = await db.ExtensionRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.CaseId == c.Id, ct);
        if (request is null)
        {
            return Result<ExtensionRequest>.NotFound();
        }

        if (!access.IsCoordinator || user.IntegrationOfficeId != c.IntegrationOfficeId)
        {
            return Result<ExtensionRequest>.Invalid(RoleRefusals.DecideExtension);
        }

        var end = newEndDate ?? request.RequestedEndDate;
        var errors = CommissionRules.CheckExtensionDecision(c, request, approved, note, end);
        if (errors.Count > 0)
        {
            return Result<ExtensionRequest>.Invalid(errors);
        }

        request.Decide(approved!.Value, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), end, Today, user.UserId!);
        if (approved == true)
        {
            c.SetPlannedEnd(end);
        }

        await db.SaveChangesAsync(ct);
        return Result<ExtensionRequest>.Ok(request);
    }

    /// <summary>BA-IB-01: the application to InA-Koordination describing the need beyond § 217 SGB IX.</summary>
    public async Task<Result<InclusionCompanyApplication>> ApplyInclusionCompanyAsync(Case c, string? need, CancellationToken ct)
    {
        if (!access.CanEdit(c))
        {
            return Result<InclusionCompanyApplication>.Invalid(RoleRefusals.ApplyInclusionCompany);
        }

        var errors = CommissionRules.CheckInclusionCompanyApplication(c, need);
        if (errors.Count > 0)
        {
            return Result<InclusionCompanyApplication>.Invalid(errors);
        }

        var application = new InclusionCompanyApplication(c, need!.Trim(), Today, user.UserId!);
        db.InclusionCompanyApplications.Add(application);
        await db.SaveChangesAsync(ct);
        return Result<InclusionCompanyApplication>.Ok(application);
    }

    public async Task<Result<InclusionCompanyApplication>> DecideInclusionCompanyAsync(
        Case c, Guid applicationId, bool? approved, string? note, CancellationToken ct)
    {
        var application = await db.InclusionCompanyApplications.FirstOrDefaultAsync(a => a.Id == applicationId && a.CaseId == c.Id, ct);
        if (application is null)
        {
            return Result<InclusionCompanyApplication>.NotFound();
        }

        if (!access.IsCoordinator || user.IntegrationOfficeId != c.IntegrationOfficeId)
        {
            return Result<InclusionCompanyApplication>.Invalid(RoleRefusals.DecideInclusionCompany);
        }

        var errors = CommissionRules.CheckInclusionCompanyDecision(application, approved, note);
        if (errors.Count > 0)
        {
            return Result<InclusionCompanyApplication>.Invalid(errors);
        }

        application.Decide(approved!.Value, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), Today, user.UserId!);
        await db.SaveChangesAsync(ct);
        return Result<InclusionCompanyApplication>.Ok(application);
    }

    /// <summary>
    /// BA-IB-02: the client's current employer is an Inklusionsbetrieb of the IFD's own Träger — a possible
    /// conflict of interest, shown on the case and to InA-Koordination.
    /// </summary>
    public async Task<bool> ConflictOfInterestAsync(Case c, CancellationToken ct)
        => (await ConflictsAsync([c], ct)).Contains(c.Id);

    public async Task<HashSet<Guid>> ConflictsAsync(IReadOnlyCollection<Case> list, CancellationToken ct)
    {
        var clientIds = list.Select(c => c.ClientId).Distinct().ToList();
        var serviceIds = list.Select(c => c.ServiceId).Distinct().ToList();
        var providers = await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.ProviderId, ct);
        var employment = await db.EmploymentSituations.AsNoTracking().Where(e => clientIds.Contains(e.ClientId)).ToListAsync(ct);
        var institutionIds = employment.Where(e => e.InstitutionId != null).Select(e => e.InstitutionId!.Value).Distinct().ToList();
        var inclusion = await db.Institutions.AsNoTracking().IgnoreQueryFilters()
            .Where(i => institutionIds.Contains(i.Id) && i.Kind == InstitutionKind.InclusionCompany && i.ProviderId != null)
            .ToDictionaryAsync(i => i.Id, i => i.ProviderId!.Value, ct);
        var today = Today;
        var result = new HashSet<Guid>();
        foreach (var c in list)
        {
            var current = employment.Where(e => e.ClientId == c.ClientId && e.From <= today).OrderByDescending(e => e.From).ThenByDescending(e => e.CreatedOn).FirstOrDefault();
            if (current?.InstitutionId is { } inst && inclusion.TryGetValue(inst, out var provider)
                && providers.TryGetValue(c.ServiceId, out var own) && provider == own)
            {
                result.Add(c.Id);
            }
        }

        return result;
    }

    public sealed record PlacementInput(
        DateOnly? JobStart,
        string? EmploymentKindCode,
        Guid? InstitutionId,
        string? LegalBasisCode,
        DateOnly? NoticeSignedOn,
        string? NoticeVersion,
        DocumentService.Upload? Notice,
        DocumentService.Upload? GoalAgreement,
        string? OutcomeCategoryCode = null,
        DocumentService.Upload? WrittenCommission = null);

    /// <summary>
    /// BA-ST-01: one guided action, all or nothing — (a) the new employment situation from the job start, (b) the
    /// Vermittlung closed in P4 "erfolgreiche Vermittlung" dated the day before the job starts, (c) a new Sicherung
    /// in P3 (stabilisation, § 196 Abs. 3) with the same funder from the job start, Merkblatt signed and uploaded,
    /// Zielvereinbarung uploaded, ending after 6 months (BA-ST-02). Any refusal changes nothing.
    /// </summary>
    public async Task<Result<Case>> SuccessfulPlacementAsync(Case c, PlacementInput input, CancellationToken ct)
    {
        if (!access.CanEdit(c))
        {
            return Result<Case>.Invalid(RoleRefusals.RecordPlacement);
        }

        var employerKnown = input.InstitutionId is not null && await db.Institutions.AnyAsync(i => i.Id == input.InstitutionId, ct);
        var validNotice = input.NoticeSignedOn is { } signedOn && signedOn <= Today ? await cases.ValidFormVersionAsync("DataProtectionNotice", signedOn, ct) : null;
        var errors = CommissionRules.CheckPlacement(c, new CommissionRules.PlacementFacts(
            input.JobStart, input.EmploymentKindCode, employerKnown, input.LegalBasisCode, input.NoticeSignedOn, input.NoticeVersion, validNotice,
            input.OutcomeCategoryCode), Today);
        var notice = await ReadFileAsync(input.Notice, "dataProtectionNotice", "Merkblatt zum Sozialdatenschutz", errors, ct);
        var goals = await ReadFileAsync(input.GoalAgreement, "goalAgreement", "Zielvereinbarung", errors, ct);
        var written = input.WrittenCommission is null ? null : await ReadFileAsync(input.WrittenCommission, "writtenCommission", "Schriftliche Beauftragung", errors, ct);
        if (errors.Count > 0)
        {
            return Result<Case>.Invalid(errors);
        }

        var jobStart = input.JobStart!.Value;
        var stored = new List<string>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var placed = await PlaceAsync(c, input, jobStart, [(DocumentKind.DataProtectionNotice, input.Notice!, notice!), (DocumentKind.GoalAgreement, input.GoalAgreement!, goals!),
                .. written is null ? Array.Empty<(DocumentKind, DocumentService.Upload, byte[])>() : [(DocumentKind.WrittenCommission, input.WrittenCommission!, written)]], stored, ct);
            if (!placed.Succeeded)
            {
                await RollbackAsync(tx, stored);
                return placed;
            }

            await tx.CommitAsync(ct);
            return placed;
        }
        catch
        {
            await RollbackAsync(tx, stored);
            throw;
        }
    }

    private async Task<Result<Case>> PlaceAsync(
        Case c, PlacementInput input, DateOnly jobStart, IReadOnlyList<(DocumentKind Kind, DocumentService.Upload Upload, byte[] Bytes)> files, List<string> stored, CancellationToken ct)
    {
        // (a) the new employment situation (EMP-01: "voraussichtlich" while it lies in the future).
        var employment = await clients.AddEmploymentAsync(c.ClientId, input.EmploymentKindCode, jobStart, input.InstitutionId, ct);
        if (employment.Value is null)
        {
            return Result<Case>.Invalid(employment.Violations.Count > 0 ? employment.Violations : [CommissionRules.EmploymentNotRecorded]);
        }

        // (b) the Vermittlung closes the day before the job starts.
        var outcome = input.OutcomeCategoryCode ?? CommissionKinds.PlacementOutcomeFor(input.EmploymentKindCode!);
        var closing = await transitions.MoveAsync(c, new CaseTransitions.Request(Phase.P4, jobStart.AddDays(-1), CommissionKinds.PlacementSuccessfulReason, outcome, AllowFutureDate: true), ownTransaction: false, ct);
        if (!closing.Allowed)
        {
            return Result<Case>.Invalid(closing.Violations);
        }

        // (c) the new Sicherung (stabilisation phase) with the same funder, from the first working day.
        var (created, createErrors) = await cases.CreateAsync(new CaseService.CreateInput(
            c.ClientId, CareTypes.Retention, c.FunderId, input.LegalBasisCode, c.CaseGroupCode, c.ReferringBodyCode, null, c.CaseworkerId, jobStart, Successor: true), ct);
        if (created is null)
        {
            return Result<Case>.Invalid(createErrors);
        }

        if (c.Deputies.Count > 0)
        {
            created.SetDeputies(c.Deputies.Select(d => d.UserId));
            await db.SaveChangesAsync(ct);
        }

        var signErrors = await cases.SignNoticeAsync(created, input.NoticeSignedOn, input.NoticeVersion, null, ct);
        if (signErrors.Count > 0)
        {
            return Result<Case>.Invalid(signErrors);
        }

        foreach (var (kind, upload, bytes) in files)
        {
            using var stream = new MemoryStream(bytes);
            var (docs, docErrors) = await documents.UploadAllAsync(created, kind, null, [new DocumentService.Upload(upload.FileName, stream, bytes.Length)], ct);
            stored.AddRange((docs ?? []).Select(d => d.StorageKey));
            if (docErrors.Count > 0)
            {
                return Result<Case>.Invalid(docErrors);
            }
        }

        var commission = await transitions.MoveAsync(created, new CaseTransitions.Request(Phase.P3, jobStart, null, null, AllowFutureDate: true), ownTransaction: false, ct);
        return commission.Allowed ? Result<Case>.Ok(created) : Result<Case>.Invalid(commission.Violations);
    }

    private async Task RollbackAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, List<string> stored)
    {
        await tx.RollbackAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        foreach (var key in stored)
        {
            await store.DeleteAsync(key, CancellationToken.None);
        }
    }

    /// <summary>DOC-01 before anything changes: the file is present, not too large and of an accepted content type.</summary>
    private async Task<byte[]?> ReadFileAsync(DocumentService.Upload? upload, string field, string label, List<RuleViolation> errors, CancellationToken ct)
    {
        if (upload is null)
        {
            errors.AddRange(CommissionRules.MissingPlacementFile(field, label));
            return null;
        }

        if (upload.Length > documents.MaxBytes)
        {
            errors.Add(documents.TooLarge(upload.FileName, upload.Length, field));
            return null;
        }

        if (upload.Length == 0)
        {
            errors.Add(UploadRules.Empty(upload.FileName, field));
            return null;
        }

        var bytes = new byte[upload.Length];
        await upload.Content.ReadExactlyAsync(bytes, ct);
        if (ContentSniffer.Inspect(bytes, upload.FileName, field) is (null, var refused))
        {
            errors.Add(refused!);
            return null;
        }

        return bytes;
    }
}
