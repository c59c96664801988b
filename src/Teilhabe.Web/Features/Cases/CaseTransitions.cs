using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Catalogues;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Data;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Rules;
using Teilhabe.Core.Time;
using Teilhabe.Web.Features.Documents;

namespace Teilhabe.Web.Features.Cases;

/// <summary>Gathers the facts for the phase machine from the database, checks and performs transitions (PH-GEN-01).</summary>
internal sealed partial class CaseTransitions(
    TeilhabeDbContext db,
    ICurrentUser user,
    CaseAccess access,
    TimeProvider clock,
    StateProfile profile,
    AuditLog audit,
    IDocumentStore store,
    IEnumerable<IContactFacts> contactFacts,
    IEnumerable<ITransitionEffects> effects)
{
    public sealed record Request(Phase To, DateOnly? Date, string? ReasonCode, string? OutcomeCategoryCode, bool ConfirmPurge = false, bool AllowFutureDate = false);

    public async Task<TransitionCheck> CheckAsync(Case @case, Request request, CancellationToken ct)
    {
        var facts = await FactsAsync(@case, await ClientAsync(@case, ct), request, ct);
        return await CheckAsync(@case, facts, ct);
    }

    /// <summary>
    /// <see cref="CheckAsync(Case, Request, CancellationToken)"/> for several targets on one date without reason or outcome
    /// (the next steps of the case page): the facts do not depend on the target, so they are gathered once, not per target.
    /// </summary>
    public async Task<IReadOnlyList<TransitionCheck>> CheckAllAsync(Case @case, IReadOnlyList<Phase> targets, DateOnly date, CancellationToken ct)
    {
        if (targets.Count == 0)
        {
            return [];
        }

        var facts = await FactsAsync(@case, await ClientAsync(@case, ct), new Request(targets[0], date, null, null), ct);
        var checks = new List<TransitionCheck>(targets.Count);
        foreach (var to in targets)
        {
            checks.Add(await CheckAsync(@case, facts with { To = to }, ct));
        }

        return checks;
    }

    private Task<Client> ClientAsync(Case @case, CancellationToken ct)
        => db.Clients.Include(c => c.Evidence).Include(c => c.Disabilities).Include(c => c.Employment)
            .AsSplitQuery().AsNoTracking().FirstAsync(c => c.Id == @case.ClientId, ct);

    private async Task<TransitionCheck> CheckAsync(Case @case, TransitionFacts facts, CancellationToken ct)
    {
        var check = PhaseMachine.Check(facts);
        foreach (var effect in effects)
        {
            var more = await effect.CheckTransitionAsync(@case, facts.To, ct);
            if (more.Count > 0)
            {
                check = check with { Violations = [.. check.Violations, .. more] };
            }
        }

        if (!access.CanEdit(@case))
        {
            return check with { Violations = [RoleRefusals.MovePhase, .. check.Violations] };
        }

        return check;
    }

    /// <summary>Performs the transition when nothing refuses it; all or nothing.</summary>
    public Task<TransitionCheck> MoveAsync(Case @case, Request request, CancellationToken ct) => MoveAsync(@case, request, ownTransaction: true, ct);

    internal async Task<TransitionCheck> MoveAsync(Case @case, Request request, bool ownTransaction, CancellationToken ct)
    {
        var check = await CheckAsync(@case, request, ct);
        if (!check.Allowed)
        {
            return check;
        }

        var date = request.Date ?? clock.Today();
        var removedFiles = new List<string>();
        await using var tx = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
        @case.MoveTo(request.To, date, user.UserId, clock.GetUtcNow(), request.ReasonCode, request.OutcomeCategoryCode, await PlannedEndAsync(@case, request.To, date, ct));
        db.PhaseChanges.Add(@case.History[^1]);
        foreach (var effect in effects)
        {
            await effect.AfterMoveAsync(@case, @case.History[^1].From, request.To, ct);
        }

        if (request.To == Phase.FP5 && request.ReasonCode == PhaseMachine.ClientRefuses)
        {
            removedFiles = await PurgeAsync(@case, ct);
        }

        // PH-FDS-05: a finished Zusatzauftrag of an InA case is notified to InA-Koordination electronically
        // (other funders get the printable cover letter /faelle/{id}/anschreiben).
        if (request.To == Phase.FP4 && @case.IsAdditionalStatement
            && await db.Funders.AnyAsync(f => f.Id == @case.FunderId && f.Kind == FunderKind.IntegrationOffice, ct))
        {
            var kind = @case.LegalBasisCode == "fds-27-schwbav" ? "Fachdienstliche Empfehlung Leistungen nach § 27 SchwbAV" : "Fachdienstliche Einschätzung Jobcoaching";
            db.CoordinationNotifications.Add(new CoordinationNotification(@case, CoordinationNotification.AdditionalStatementFinished, kind + " abgegeben", clock.GetUtcNow()));
        }

        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.Transition, nameof(Case), @case.Id.ToString(), ct, serviceId: @case.ServiceId, clientId: @case.ClientId, caseId: @case.Id,
            reason: $"{@case.History[^1].From} → {request.To}" + (request.ReasonCode is null ? string.Empty : $" ({request.ReasonCode})"));
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        foreach (var key in removedFiles)
        {
            await store.DeleteAsync(key, ct);
        }

        return check;
    }

    public sealed record FunderChange(Guid? FunderId, string? LegalBasisCode, DateOnly? Date, string? OutcomeCategoryCode);

    /// <summary>
    /// PH-P3-02: a change of funder or legal basis after P3 closes the case on the date of the change (reason
    /// funder-changed / legal-basis-changed) and opens a new case for the same client — one action, all or nothing.
    /// </summary>
    public async Task<(Case? Successor, TransitionCheck Check)> ChangeFunderAsync(Case @case, FunderChange change, CaseService cases, CancellationToken ct)
    {
        var funderChanged = change.FunderId is not null && change.FunderId != @case.FunderId;
        var basisChanged = change.LegalBasisCode is not null && change.LegalBasisCode != @case.LegalBasisCode;
        var errors = CaseRules.CheckFunderChange(@case, funderChanged, basisChanged);

        if (errors.Count > 0)
        {
            return (null, new TransitionCheck(errors, []));
        }

        var reason = funderChanged ? "funder-changed" : "legal-basis-changed";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var check = await MoveAsync(@case, new Request(Phase.P4, change.Date, reason, change.OutcomeCategoryCode), ownTransaction: false, ct);
        if (!check.Allowed)
        {
            return (null, check);
        }

        var (successor, createErrors) = await cases.CreateAsync(new CaseService.CreateInput(
            @case.ClientId, @case.CareTypeCode, change.FunderId ?? @case.FunderId, change.LegalBasisCode ?? @case.LegalBasisCode,
            @case.CaseGroupCode, @case.ReferringBodyCode, null, @case.CaseworkerId, change.Date ?? clock.Today(), Successor: true), ct);
        if (successor is null)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return (null, new TransitionCheck(createErrors, []));
        }

        await tx.CommitAsync(ct);
        return (successor, check);
    }

    private async Task<TransitionFacts> FactsAsync(Case @case, Client client, Request request, CancellationToken ct)
    {
        var date = request.Date ?? clock.Today();
        var funderKind = @case.FunderId is null ? null : await db.Funders.Where(f => f.Id == @case.FunderId).Select(f => (FunderKind?)f.Kind).FirstOrDefaultAsync(ct);
        var group = @case.LegalBasisCode is null ? null : await db.CatalogueEntries
            .Where(e => e.Catalogue == CatalogueNames.LegalBases && e.Code == @case.LegalBasisCode).Select(e => e.Group).FirstOrDefaultAsync(ct);
        var documents = (await db.Documents.AsNoTracking()
            .Where(d => d.ContactId == null && (d.CaseId == @case.Id || (d.CaseId == null && d.ClientId == @case.ClientId)))
            .Select(d => d.Kind).Distinct().ToListAsync(ct)).ToHashSet();
        var validVersions = await db.CatalogueEntries.AsNoTracking()
            .Where(e => e.Catalogue == CatalogueNames.FormVersions && e.Active && e.ValidFrom <= date)
            .ToListAsync(ct);
        var others = await db.Cases.AsNoTracking().Include(c => c.History)
            .Where(c => c.ClientId == @case.ClientId && c.Id != @case.Id).ToListAsync(ct);
        var inaFunders = await db.Funders.AsNoTracking().Where(f => f.Kind == FunderKind.IntegrationOffice).Select(f => f.Id).ToListAsync(ct);

        // PH-P2-04, PH-P3-03, PH-P3-04 look across every IFD of the Integrationsamt (one funder): the same person's
        // records there, past the tenant filter. Only the facts leave this method; the caseworker sees nothing of them.
        var elsewhere = await SamePersonAtOtherServicesAsync(@case, client, ct);
        var parent = @case.ParentCaseId is null ? null : await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == @case.ParentCaseId, ct);
        var reasonPhase = request.ReasonCode is null ? null : await db.CatalogueEntries
            .Where(e => e.Catalogue == CatalogueNames.ClosingReasons && e.Code == request.ReasonCode && e.Active).Select(e => e.Parent).FirstOrDefaultAsync(ct);
        var outcomeEntry = request.OutcomeCategoryCode is null ? null : await db.CatalogueEntries.AsNoTracking()
            .Where(e => e.Catalogue == CatalogueNames.OutcomeCategories && e.Code == request.OutcomeCategoryCode && e.Active)
            .Select(e => new { e.Code, e.Parent }).FirstOrDefaultAsync(ct);
        var outcome = outcomeEntry?.Code;

        // BA-IB-01: the employer of the employment situation current on the phase date, and an approved application.
        var atInclusionCompany = client.EmploymentOn(date)?.InstitutionId is { } employerId && await db.Institutions.AsNoTracking().IgnoreQueryFilters()
            .AnyAsync(i => i.Id == employerId && i.Kind == InstitutionKind.InclusionCompany, ct);
        var inclusionApproved = atInclusionCompany && await db.InclusionCompanyApplications.AsNoTracking()
            .AnyAsync(a => a.CaseId == @case.Id && a.Approved == true, ct);

        // BA-SI-04: a stufenweise Wiedereingliederung recorded as topic or LEK, and whether a health insurer pays Krankengeld.
        var reintegrationOutcomes = await db.Outcomes.AsNoTracking()
            .Where(o => o.CaseId == @case.Id && o.OutcomeCode == CommissionKinds.ReintegrationCode && o.InvalidatedAt == null)
            .Select(o => o.ServiceFunderId).ToListAsync(ct);
        var reintegrationTopic = await db.Contacts.AsNoTracking()
            .AnyAsync(k => k.CaseId == @case.Id && k.CancelledAt == null && k.Topics.Any(t => t.Code == CommissionKinds.ReintegrationCode), ct);
        var sickPay = reintegrationOutcomes.Count > 0 && await db.Funders.AsNoTracking()
            .AnyAsync(x => reintegrationOutcomes.Contains(x.Id) && x.Kind == FunderKind.HealthInsurance, ct);

        var personal = 0;
        foreach (var source in contactFacts)
        {
            personal += await source.PersonalContactsInPhaseAsync(@case, Phase.P2, ct);
        }

        return new TransitionFacts
        {
            Case = @case,
            Client = client,
            To = request.To,
            Date = date,
            Today = clock.Today(),
            Profile = profile,
            FunderKind = funderKind,
            LegalBasisGroup = group,
            Documents = documents,
            ValidFormVersions = ValidVersions(validVersions, date),
            PersonalContactsInP2 = personal,
            ClientHadEarlierCounselling = others.Any(c => c.History.Any(h => h.To == Phase.P2)),
            LatestOtherInaCommission = others.Where(c => c.FunderId is { } f && inaFunders.Contains(f))
                .SelectMany(c => c.History.Where(h => h.To == Phase.P3)).Select(h => (DateOnly?)h.On).Max(),
            EarlierCounsellingAtOtherService = elsewhere.Any(c => c.History.Any(h => h.To == Phase.P2)),
            LatestInaCommissionAtOtherService = elsewhere.Where(c => c.FunderId is { } f && inaFunders.Contains(f))
                .SelectMany(c => c.History.Where(h => h.To == Phase.P3)).Select(h => (DateOnly?)h.On).Max(),
            ReasonCode = request.ReasonCode,
            ReasonPhase = reasonPhase,
            OutcomeCategoryCode = outcome,
            OutcomeCareType = outcomeEntry?.Parent,
            EmployedAtInclusionCompany = atInclusionCompany,
            InclusionCompanyApproved = inclusionApproved,
            ParentCareTypeCode = parent?.CareTypeCode,
            ParentLegalBasisCode = parent?.LegalBasisCode,
            ConfirmPurge = request.ConfirmPurge,
            AllowFutureDate = request.AllowFutureDate,
            ReintegrationRecorded = reintegrationTopic || reintegrationOutcomes.Count > 0,
            SickPayReceived = sickPay,
        };
    }

    /// <summary>
    /// The cases of the same person (same name and birth date, record not anonymised — DEL-01) at the other IFDs of the
    /// case's Integrationsamt. Read past the tenant filter for the re-registration rules only.
    /// </summary>
    private async Task<List<Case>> SamePersonAtOtherServicesAsync(Case @case, Client client, CancellationToken ct)
    {
        var records = await db.Clients.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.IntegrationOfficeId == @case.IntegrationOfficeId && c.ServiceId != @case.ServiceId && c.AnonymisedOn == null
                        && c.BirthDate == client.BirthDate && c.SearchLastName == client.SearchLastName && c.SearchFirstName == client.SearchFirstName)
            .Select(c => c.Id).ToListAsync(ct);
        return records.Count == 0 ? [] : await db.Cases.IgnoreQueryFilters().AsNoTracking().Include(c => c.History)
            .Where(c => records.Contains(c.ClientId) && c.IntegrationOfficeId == @case.IntegrationOfficeId && c.ServiceId != @case.ServiceId)
            .ToListAsync(ct);
    }

    /// <summary>BA-SI-02, BA-UB-02, BA-ST-02: the planned end of an InA commission from its P3 date.</summary>
    private async Task<DateOnly?> PlannedEndAsync(Case @case, Phase to, DateOnly date, CancellationToken ct)
    {
        if (to != Phase.P3)
        {
            return null;
        }

        var isIna = @case.FunderId is not null && await db.Funders.AnyAsync(f => f.Id == @case.FunderId && f.Kind == FunderKind.IntegrationOffice, ct);
        return CommissionKinds.PlannedEnd(@case, isIna, date, profile);
    }

    /// <summary>DOC-04: per form the valid version on the day, the state's own versions before the shared ones.</summary>
    private Dictionary<string, string> ValidVersions(List<CatalogueEntry> shared, DateOnly date)
    {
        var valid = new Dictionary<string, string>();
        foreach (var form in shared.Select(e => e.Form).Concat(profile.FormVersions.Select(f => f.Form)).Distinct())
        {
            var sharedValid = shared.Where(e => e.Form == form).OrderByDescending(e => e.ValidFrom).Select(e => e.Code).FirstOrDefault();
            if (profile.ValidFormVersion(form, date, sharedValid) is { } code)
            {
                valid[form] = code;
            }
        }

        return valid;
    }
}

/// <summary>What the contacts feature tells the phase machine (PH-P2-05) and removes on PH-FDS-04.</summary>
internal interface IContactFacts
{
    Task<int> PersonalContactsInPhaseAsync(Case @case, Phase phase, CancellationToken ct);

    Task<IReadOnlyList<string>> RemoveAllAsync(Case @case, CancellationToken ct);

    /// <summary>What <see cref="RemoveAllAsync"/> would remove, unchanged (the review step of PH-FDS-04).</summary>
    Task<IReadOnlyList<string>> DescribeAllAsync(Case @case, CancellationToken ct);
}

/// <summary>What other features add to a transition: more refusals, and work done in the same transaction (PH-P4-02 Endbericht).</summary>
internal interface ITransitionEffects
{
    Task<IReadOnlyList<RuleViolation>> CheckTransitionAsync(Case @case, Phase to, CancellationToken ct);

    Task AfterMoveAsync(Case @case, Phase from, Phase to, CancellationToken ct);
}
