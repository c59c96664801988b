using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Data;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Documents;

namespace Teilhabe.Web.Features.Coordination;

/// <summary>
/// ACC-08 incident access, TR-01 / TR-02 transfers and the InA notifications of PH-FDS-05. Pages and API call the
/// same methods; refusals are rule violations (422), unknown or foreign cases null (404).
/// </summary>
internal sealed class CoordinationService(
    TeilhabeDbContext db,
    ICurrentUser user,
    CaseAccess access,
    TimeProvider clock,
    StateProfile profile,
    AuditLog audit,
    DocumentService documents)
{
    public sealed record IncidentView(Guid Id, string UserId, string UserName, string Reason, DateTimeOffset OpenedAt, DateTimeOffset ExpiresAt, bool Active);

    public sealed record TransferView(CaseTransferRequest Request, string FromServiceName, string ToServiceName);

    public sealed record Choice(string Value, string Label);

    // ---------------------------------------------------------------- ACC-08

    /// <summary>Whether the case's funder is the Integrationsamt (FU-06 "InA case"): only then ACC-08 may open it.</summary>
    public Task<bool> IsFundedByIntegrationOfficeAsync(Case @case, CancellationToken ct)
        => @case.FunderId is { } funder
            ? db.Funders.AnyAsync(f => f.Id == funder && f.Kind == FunderKind.IntegrationOffice, ct)
            : Task.FromResult(false);

    /// <summary>ACC-08: InA-Koordination opens all data of a case it funds for a recorded occasion, for the profile's days.</summary>
    public async Task<(IncidentAccess? Access, IReadOnlyList<RuleViolation> Errors)> OpenIncidentAccessAsync(Case @case, string? reason, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(CoordinationRules.IncidentOccasionMissing());
        }

        InputCheck.MaxLength(errors, "reason", reason, 2000, "Der Anlass");
        if (!await IsFundedByIntegrationOfficeAsync(@case, ct))
        {
            errors.Add(CoordinationRules.IncidentOnlyForOwnFunding());
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var incident = new IncidentAccess(@case, user.UserId!, reason!, clock.GetUtcNow(), profile.IncidentAccessDays);
        db.IncidentAccesses.Add(incident);
        await db.SaveChangesAsync(ct);
        return (incident, []);
    }

    /// <summary>ACC-08: the incident accesses of a case, shown to the IFD and to InA-Koordination.</summary>
    public async Task<IReadOnlyList<IncidentView>> IncidentAccessesAsync(Case @case, CancellationToken ct)
    {
        var rows = await db.IncidentAccesses.AsNoTracking().Where(a => a.CaseId == @case.Id).ToListAsync(ct);
        var ids = rows.Select(r => r.UserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var now = clock.GetUtcNow();
        return [.. rows.OrderByDescending(r => r.OpenedAt)
            .Select(r => new IncidentView(r.Id, r.UserId, names.GetValueOrDefault(r.UserId, "InA-Koordination"), r.Reason, r.OpenedAt, r.ExpiresAt, r.IsActiveAt(now)))];
    }

    // ---------------------------------------------------------------- TR-01

    /// <summary>TR-01 may start the responsible caseworker or the IFD lead (not a deputy, not InA).</summary>
    public bool MayHandOver(Case @case) => (user.UserId == @case.CaseworkerId && user.ServiceId == @case.ServiceId) || access.IsLead(@case);

    /// <summary>TR-01: the active caseworkers of the case's IFD (possible new responsible caseworkers).</summary>
    public async Task<IReadOnlyList<Choice>> CaseworkersAsync(Guid serviceId, CancellationToken ct)
    {
        var roleId = await db.Roles.Where(r => r.Name == Roles.Caseworker).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var withRole = db.UserRoles.Where(ur => ur.RoleId == roleId).Select(ur => ur.UserId);
        return await db.Users.AsNoTracking()
            .Where(u => u.ServiceId == serviceId && u.IsActive && withRole.Contains(u.Id))
            .OrderBy(u => u.DisplayName).Select(u => new Choice(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    /// <summary>TR-01: change of caseworker within the IFD — no closing, no new Merkblatt, phase unchanged.</summary>
    public async Task<IReadOnlyList<RuleViolation>> HandOverAsync(Case @case, string? caseworkerId, bool keepDeputies, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(caseworkerId))
        {
            return [new(RuleIds.Input, "Bitte die Fachkraft wählen, die den Auftrag übernimmt.", "caseworkerId")];
        }

        var candidates = await CaseworkersAsync(@case.ServiceId, ct);
        if (candidates.All(c => c.Value != caseworkerId))
        {
            return [CoordinationRules.WithinOnlyToActiveCaseworker()];
        }

        if (caseworkerId == @case.CaseworkerId)
        {
            return [CoordinationRules.WithinAlreadyResponsible()];
        }

        var previous = @case.CaseworkerId;
        @case.TransferWithinService(caseworkerId, keepDeputies);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("transfer", nameof(Case), @case.Id.ToString(), ct, serviceId: @case.ServiceId, clientId: @case.ClientId, caseId: @case.Id,
            reason: $"TR-01 Übergabe von {previous} an {caseworkerId}" + (keepDeputies ? string.Empty : ", Vertretungen entfernt"));
        return [];
    }

    // ---------------------------------------------------------------- TR-02

    /// <summary>The other IFDs of the same state (same Integrationsamt) a case may move to.</summary>
    /// <remarks>The id is formatted in C#, not in SQL (SQLite would give it in capitals, unlike everywhere else).</remarks>
    public async Task<IReadOnlyList<Choice>> OtherServicesAsync(Case @case, CancellationToken ct)
        => [.. (await db.Services.AsNoTracking()
            .Where(s => s.IntegrationOfficeId == @case.IntegrationOfficeId && s.Id != @case.ServiceId)
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct))
            .Select(s => new Choice(s.Id.ToString(), s.Name))];

    /// <summary>TR-02 (a): the sending IFD names the receiving IFD of the same state; the receiving IFD then sees a stub.</summary>
    public async Task<(CaseTransferRequest? Request, IReadOnlyList<RuleViolation> Errors)> RequestTransferAsync(Case @case, Guid? serviceId, CancellationToken ct)
    {
        if (serviceId is null)
        {
            return (null, [new(RuleIds.Input, "Bitte den aufnehmenden IFD wählen.", "serviceId")]);
        }

        var errors = new List<RuleViolation>();
        var target = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId, ct);
        if (target is null || target.IntegrationOfficeId != @case.IntegrationOfficeId || target.Id == @case.ServiceId)
        {
            errors.Add(CoordinationRules.BetweenOnlyWithinState());
        }

        if (PhaseLabels.IsClosed(@case.Phase))
        {
            errors.Add(CoordinationRules.BetweenClosedCase());
        }

        // The person's other open cases move under the same request; none of them may be on its way already.
        var moving = (await TransferScopeAsync(@case, ct)).MovingAlong.Select(c => c.Id).Append(@case.Id).ToList();
        if (await db.CaseTransferRequests.AnyAsync(r => moving.Contains(r.CaseId) && r.CompletedAt == null, ct))
        {
            errors.Add(CoordinationRules.BetweenAlreadyRunning());
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var client = await db.Clients.AsNoTracking().Where(c => c.Id == @case.ClientId)
            .Select(c => new { Name = c.LastName + ", " + c.FirstName, c.BirthDate }).FirstAsync(ct);
        var request = new CaseTransferRequest(@case, target!.Id, client.Name, client.BirthDate, user.UserId!, clock.GetUtcNow());
        db.CaseTransferRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return (request, []);
    }

    /// <summary>
    /// TR-02: the person's other open cases at the sending IFD, which move together with <paramref name="case"/> under
    /// the same release and confirmation, and how many closed cases stay with the sending IFD.
    /// </summary>
    public async Task<(IReadOnlyList<Case> MovingAlong, int ClosedStaying)> TransferScopeAsync(Case @case, CancellationToken ct)
    {
        var others = await db.Cases.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.ClientId == @case.ClientId && c.ServiceId == @case.ServiceId && c.Id != @case.Id).ToListAsync(ct);
        var moving = others.Where(c => !PhaseLabels.IsClosed(c.Phase)).OrderBy(c => c.CaseNumber).ToList();
        return (moving, others.Count - moving.Count);
    }

    /// <summary>The transfer requests the caller is involved in: sending or receiving IFD, or InA-Koordination of the office.</summary>
    public async Task<IReadOnlyList<TransferView>> TransferRequestsAsync(bool openOnly, CancellationToken ct)
    {
        var query = db.CaseTransferRequests.AsNoTracking();
        if (access.IsCoordinator)
        {
            var office = user.IntegrationOfficeId;
            query = query.Where(r => r.IntegrationOfficeId == office);
        }
        else if (user.ServiceId is { } service && (user.IsInRole(Roles.ServiceLead) || user.IsInRole(Roles.Caseworker)))
        {
            query = query.Where(r => r.FromServiceId == service || r.ToServiceId == service);
        }
        else
        {
            return [];
        }

        if (openOnly)
        {
            query = query.Where(r => r.CompletedAt == null);
        }

        var rows = await query.ToListAsync(ct);
        var serviceIds = rows.SelectMany(r => new[] { r.FromServiceId, r.ToServiceId }).Distinct().ToList();
        var names = await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        if (rows.Count > 0)
        {
            await audit.RecordAsync(AuditActions.Read, nameof(CaseTransferRequest), rows.Count.ToString(CultureInfo.InvariantCulture), ct,
                serviceId: user.ServiceId, reason: $"TR-02 Übergabeanfragen, {rows.Count} Einträge angezeigt");
        }

        return [.. rows.OrderByDescending(r => r.RequestedAt)
            .Select(r => new TransferView(r, names.GetValueOrDefault(r.FromServiceId, "–"), names.GetValueOrDefault(r.ToServiceId, "–")))];
    }

    /// <summary>An open request the caller's IFD receives (null: unknown or foreign, 404).</summary>
    public async Task<CaseTransferRequest?> IncomingAsync(Guid requestId, CancellationToken ct)
    {
        if (user.ServiceId is not { } service || !(user.IsInRole(Roles.ServiceLead) || user.IsInRole(Roles.Caseworker)))
        {
            return null;
        }

        return await db.CaseTransferRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.ToServiceId == service && r.CompletedAt == null, ct);
    }

    /// <summary>TR-02 (b): the receiving IFD uploads the Schweigepflichtentbindung towards the sending IFD (DOC-01 checks).</summary>
    public async Task<IReadOnlyList<RuleViolation>> UploadReleaseAsync(CaseTransferRequest request, DocumentService.Upload file, CancellationToken ct)
    {
        var @case = await db.Cases.IgnoreQueryFilters().Include(c => c.Deputies).FirstAsync(c => c.Id == request.CaseId, ct);
        var (stored, errors) = await documents.UploadAllAsync(@case, DocumentKind.ConfidentialityRelease, null, [file], ct, receivingService: true);
        if (errors.Count > 0)
        {
            return errors;
        }

        request.AttachRelease(stored![0].Id, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>TR-02 (c): InA-Koordination confirms the receipt of the Schweigepflichtentbindung.</summary>
    public async Task<(CaseTransferRequest? Request, IReadOnlyList<RuleViolation> Errors)> ConfirmAsync(Case @case, CancellationToken ct)
    {
        var request = await db.CaseTransferRequests.Where(r => r.CaseId == @case.Id && r.CompletedAt == null).OrderByDescending(r => r.RequestedAt).FirstOrDefaultAsync(ct);
        if (request is null)
        {
            return (null, [CoordinationRules.BetweenNoRequest()]);
        }

        if (request.ReleaseDocumentId is null)
        {
            return (null, [CoordinationRules.BetweenReleaseMissing()]);
        }

        if (request.ConfirmedAt is null)
        {
            request.Confirm(user.UserId!, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }

        return (request, []);
    }

    /// <summary>
    /// TR-02 (d): the receiving IFD takes the case over after InA-Koordination confirmed — no closing; the case, its
    /// contacts, LEK, documents and the person's record move; deputies are cleared; a new Merkblatt is required (DOC-02).
    /// Returns null when the caller's IFD receives no request for this case (404).
    /// </summary>
    public async Task<(Case? Case, IReadOnlyList<RuleViolation> Errors)> TakeOverAsync(Guid caseId, Guid? serviceId, string? caseworkerId, CancellationToken ct)
    {
        if (user.ServiceId is not { } own || !(user.IsInRole(Roles.ServiceLead) || user.IsInRole(Roles.Caseworker)))
        {
            return (null, []);
        }

        var request = await db.CaseTransferRequests.Where(r => r.CaseId == caseId && r.ToServiceId == own && r.CompletedAt == null)
            .OrderByDescending(r => r.RequestedAt).FirstOrDefaultAsync(ct);
        if (request is null)
        {
            return (null, []);
        }

        if (serviceId is not null && serviceId != own)
        {
            return (null, [CoordinationRules.BetweenReceiverTakesOver()]);
        }

        if (request.ConfirmedAt is null)
        {
            return (null, [CoordinationRules.BetweenNotConfirmed()]);
        }

        var newCaseworker = string.IsNullOrWhiteSpace(caseworkerId) ? user.UserId! : caseworkerId;
        if (newCaseworker != user.UserId || !user.IsInRole(Roles.Caseworker))
        {
            var candidates = await CaseworkersAsync(own, ct);
            if (candidates.All(c => c.Value != newCaseworker))
            {
                return (null, [CoordinationRules.BetweenCaseworkerOfReceiver()]);
            }
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var @case = await db.Cases.IgnoreQueryFilters().Include(c => c.Deputies).FirstAsync(c => c.Id == caseId, ct);
        var from = @case.ServiceId;
        var clientId = @case.ClientId;
        var others = await db.Cases.IgnoreQueryFilters().Include(c => c.Deputies)
            .Where(c => c.ClientId == clientId && c.ServiceId == from && c.Id != caseId).ToListAsync(ct);
        var moving = others.Where(c => !PhaseLabels.IsClosed(c.Phase)).OrderBy(c => c.CaseNumber).Prepend(@case).ToList();
        var staying = others.Count - (moving.Count - 1);
        foreach (var moved in moving)
        {
            moved.TransferToService(own, newCaseworker, await NextNumberAsync(own, ct, moving.IndexOf(moved)));
        }

        request.Complete(user.UserId!, clock.GetUtcNow());

        // The person's record: without closed cases at the sending IFD it moves (one record, now read by the receiving
        // IFD). With closed cases it stays where they are, so the sending IFD still reads them with the person's data
        // (retention, statistics, re-registration checks), and the receiving IFD gets a copy for the moved cases —
        // a client belongs to exactly one IFD, and the tenant filter (IServiceScoped) reads nothing else.
        var targetClientId = clientId;
        if (staying > 0)
        {
            var original = await db.Clients.IgnoreQueryFilters().AsNoTracking()
                .Include(c => c.Evidence).Include(c => c.Disabilities).Include(c => c.Employment)
                .AsSplitQuery().FirstAsync(c => c.Id == clientId, ct);
            var copy = original.CopyForService(own);
            db.Clients.Add(copy);
            targetClientId = copy.Id;
            await documents.CopyClientDocumentsAsync(clientId, copy, ct);
        }

        await db.SaveChangesAsync(ct);
        if (staying == 0)
        {
            await db.Clients.IgnoreQueryFilters().Where(c => c.Id == clientId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ServiceId, own), ct);
            await db.DisabilityEvidence.IgnoreQueryFilters().Where(c => c.ClientId == clientId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ServiceId, own), ct);
            await db.Disabilities.IgnoreQueryFilters().Where(c => c.ClientId == clientId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ServiceId, own), ct);
            await db.EmploymentSituations.IgnoreQueryFilters().Where(c => c.ClientId == clientId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ServiceId, own), ct);
            await db.Documents.IgnoreQueryFilters().Where(d => d.CaseId == null && d.ClientId == clientId).ExecuteUpdateAsync(s => s.SetProperty(d => d.ServiceId, own), ct);
        }

        // Everything of the moved cases follows them (and, with a copied record, points to the copy).
        var ids = moving.Select(c => c.Id).ToList();
        await db.Cases.IgnoreQueryFilters().Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ClientId, targetClientId), ct);
        await db.Documents.IgnoreQueryFilters().Where(d => d.CaseId != null && ids.Contains(d.CaseId.Value)).ExecuteUpdateAsync(s => s.SetProperty(d => d.ServiceId, own).SetProperty(d => d.ClientId, targetClientId), ct);
        await db.RemovedDocuments.IgnoreQueryFilters().Where(d => d.CaseId != null && ids.Contains(d.CaseId.Value)).ExecuteUpdateAsync(s => s.SetProperty(d => d.ServiceId, own).SetProperty(d => d.ClientId, targetClientId), ct);
        await db.Contacts.IgnoreQueryFilters().Where(c => ids.Contains(c.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ServiceId, own).SetProperty(c => c.ClientId, targetClientId), ct);
        var contactIds = db.Contacts.IgnoreQueryFilters().Where(c => ids.Contains(c.CaseId)).Select(c => c.Id);
        await db.ContactVersions.IgnoreQueryFilters().Where(v => contactIds.Contains(v.ContactId)).ExecuteUpdateAsync(s => s.SetProperty(v => v.ServiceId, own), ct);
        await db.Outcomes.IgnoreQueryFilters().Where(c => ids.Contains(c.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ServiceId, own).SetProperty(c => c.ClientId, targetClientId), ct);
        await db.IncidentAccesses.IgnoreQueryFilters().Where(c => ids.Contains(c.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ServiceId, own), ct);
        await db.CoordinationNotifications.IgnoreQueryFilters().Where(c => ids.Contains(c.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ServiceId, own), ct);
        await db.ContactExceptions.IgnoreQueryFilters().Where(c => ids.Contains(c.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ServiceId, own).SetProperty(c => c.ClientId, targetClientId), ct);
        await db.ExtensionRequests.IgnoreQueryFilters().Where(c => ids.Contains(c.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ServiceId, own).SetProperty(c => c.ClientId, targetClientId), ct);
        await db.InclusionCompanyApplications.IgnoreQueryFilters().Where(c => ids.Contains(c.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ServiceId, own).SetProperty(c => c.ClientId, targetClientId), ct);
        await db.ReportVersions.IgnoreQueryFilters().Where(c => ids.Contains(c.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ServiceId, own).SetProperty(c => c.ClientId, targetClientId), ct);
        await db.ReportRequests.IgnoreQueryFilters().Where(c => ids.Contains(c.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ServiceId, own).SetProperty(c => c.ClientId, targetClientId), ct);
        await db.CaseGoals.IgnoreQueryFilters().Where(c => ids.Contains(c.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ServiceId, own).SetProperty(c => c.ClientId, targetClientId), ct);
        await db.ColleagueConsents.IgnoreQueryFilters().Where(c => ids.Contains(c.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ServiceId, own).SetProperty(c => c.ClientId, targetClientId), ct);
        await db.AbilityProfiles.IgnoreQueryFilters().Where(c => ids.Contains(c.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ServiceId, own).SetProperty(c => c.ClientId, targetClientId), ct);
        await db.SchoolOrientations.IgnoreQueryFilters().Where(c => ids.Contains(c.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ServiceId, own).SetProperty(c => c.ClientId, targetClientId), ct);
        await db.Apprenticeships.IgnoreQueryFilters().Where(c => ids.Contains(c.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ServiceId, own).SetProperty(c => c.ClientId, targetClientId), ct);

        // Unsent contact drafts belong to the previous IFD's staff: they are dropped, not handed over.
        await db.ContactEntryDrafts.IgnoreQueryFilters().Where(c => ids.Contains(c.CaseId)).ExecuteDeleteAsync(ct);
        foreach (var moved in moving)
        {
            var along = moved.Id == caseId ? string.Empty : $" zusammen mit Auftrag {@case.CaseNumber}";
            await audit.RecordAsync("transfer", nameof(Case), moved.Id.ToString(), ct, serviceId: own, clientId: targetClientId, caseId: moved.Id,
                reason: $"TR-02 Übernahme vom IFD {from}{along} (Kontakte, LEK, Dokumente und Berichte mitgeführt; "
                    + (staying > 0 ? $"{staying} abgeschlossene Aufträge bleiben beim abgebenden IFD, die Akte der Person ist kopiert" : "Akte der Person mitgeführt")
                    + "); neues Merkblatt erforderlich");
        }

        await tx.CommitAsync(ct);
        return (@case, []);
    }

    // ---------------------------------------------------------------- PH-FDS-05

    /// <summary>PH-FDS-05: the InA inbox (electronic notifications) of the caller's Integrationsamt.</summary>
    public async Task<IReadOnlyList<CoordinationNotification>> NotificationsAsync(CancellationToken ct)
    {
        if (!access.IsCoordinator)
        {
            return [];
        }

        var office = user.IntegrationOfficeId;
        return await db.CoordinationNotifications.AsNoTracking().Where(n => n.IntegrationOfficeId == office)
            .OrderByDescending(n => n.CreatedAt).Take(200).ToListAsync(ct);
    }

    /// <summary>The next case number of the IFD; <paramref name="pending"/> numbers given in this step are not saved yet.</summary>
    private async Task<string> NextNumberAsync(Guid serviceId, CancellationToken ct, int pending = 0)
    {
        var year = clock.GetUtcNow().Year.ToString(CultureInfo.InvariantCulture);
        var prefix = year + "-";
        var count = await db.Cases.IgnoreQueryFilters().CountAsync(c => c.ServiceId == serviceId && c.CaseNumber.StartsWith(prefix), ct);
        return prefix + (count + pending + 1).ToString("D4", CultureInfo.InvariantCulture);
    }
}
