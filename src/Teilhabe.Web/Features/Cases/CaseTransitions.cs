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
using Teilhabe.Web.Features.Catalogues;
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
    IEnumerable<ITransitionEffects> effects,
    CatalogueCache catalogues)
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
            .AsSingleQuery().AsNoTracking().FirstAsync(c => c.Id == @case.ClientId, ct);

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

        // Catalogue lookups from the cached catalogue (the shared entries, as the database holds them).
        var catalogue = await catalogues.AllAsync(db, ct);
        var group = @case.LegalBasisCode is null ? null : catalogue
            .Where(e => e.Catalogue == CatalogueNames.LegalBases && e.Code == @case.LegalBasisCode).Select(e => e.Group).FirstOrDefault();
        var validVersions = catalogue.Where(e => e.Catalogue == CatalogueNames.FormVersions && e.Active && e.ValidFrom <= date).ToList();
        var reasonPhase = request.ReasonCode is null ? null : catalogue
            .Where(e => e.Catalogue == CatalogueNames.ClosingReasons && e.Code == request.ReasonCode && e.Active).Select(e => e.Parent).FirstOrDefault();
        var outcomeEntry = request.OutcomeCategoryCode is null ? null : catalogue
            .FirstOrDefault(e => e.Catalogue == CatalogueNames.OutcomeCategories && e.Code == request.OutcomeCategoryCode && e.Active);

        var (documents, inaFunders) = await ListsAsync(@case, ct);
        var known = await KnownFactsAsync(@case, client, inaFunders, ct);

        // PH-P2-04, PH-P3-03, PH-P3-04 look across every IFD of the Integrationsamt (one funder): the same person's
        // records there, past the tenant filter. Only the facts leave this method; the caseworker sees nothing of them.
        var elsewhere = await PastTheTenantFilterAsync(@case, client, inaFunders, date, ct);

        return new TransitionFacts
        {
            Case = @case,
            Client = client,
            To = request.To,
            Date = date,
            Today = clock.Today(),
            Profile = profile,
            FunderKind = known.FunderKind,
            LegalBasisGroup = group,
            Documents = documents,
            ValidFormVersions = ValidVersions(validVersions, date),
            PersonalContactsInP2 = known.PersonalContactsInP2,
            ClientHadEarlierCounselling = known.EarlierCounselling,
            LatestOtherInaCommission = known.LatestOtherInaCommission,
            EarlierCounsellingAtOtherService = elsewhere.EarlierCounselling,
            LatestInaCommissionAtOtherService = elsewhere.LatestInaCommission,
            ReasonCode = request.ReasonCode,
            ReasonPhase = reasonPhase,
            OutcomeCategoryCode = outcomeEntry?.Code,
            OutcomeCareType = outcomeEntry?.Parent,
            EmployedAtInclusionCompany = elsewhere.EmployedAtInclusionCompany,
            InclusionCompanyApproved = elsewhere.EmployedAtInclusionCompany && known.InclusionCompanyApproved,
            ParentCareTypeCode = known.ParentCareTypeCode,
            ParentLegalBasisCode = known.ParentLegalBasisCode,
            ConfirmPurge = request.ConfirmPurge,
            AllowFutureDate = request.AllowFutureDate,
            ReintegrationRecorded = known.ReintegrationTopic || known.ReintegrationOutcome,
            SickPayReceived = known.SickPay,
        };
    }

    /// <summary>
    /// One statement for the two lists among the facts: the kinds of the case's documents and the client's proofs (a
    /// document of a contact does not count), and the InA funders of the directory the user sees.
    /// </summary>
    private async Task<(HashSet<DocumentKind> Documents, List<Guid> InaFunders)> ListsAsync(Case @case, CancellationToken ct)
    {
        var caseId = @case.Id;
        var clientId = @case.ClientId;
        var rows = await db.Documents
            .Where(d => d.ContactId == null && (d.CaseId == caseId || (d.CaseId == null && d.ClientId == clientId)))
            .GroupBy(d => d.Kind)
            .Select(g => new { Kind = (DocumentKind?)g.Key, Funder = (Guid?)null })
            .Concat(db.Funders.Where(f => f.Kind == FunderKind.IntegrationOffice).Select(f => new { Kind = (DocumentKind?)null, Funder = (Guid?)f.Id }))
            .ToListAsync(ct);
        return ([.. rows.Where(r => r.Kind is not null).Select(r => r.Kind!.Value)], [.. rows.Where(r => r.Funder is not null).Select(r => r.Funder!.Value)]);
    }

    private sealed record KnownFacts(
        FunderKind? FunderKind,
        bool EarlierCounselling,
        DateOnly? LatestOtherInaCommission,
        string? ParentCareTypeCode,
        string? ParentLegalBasisCode,
        bool InclusionCompanyApproved,
        bool ReintegrationOutcome,
        bool ReintegrationTopic,
        bool SickPay,
        int PersonalContactsInP2);

    /// <summary>
    /// The scalar facts the user's scope shows, in one statement of correlated subqueries over the client's row (read
    /// by <see cref="ClientAsync"/> just before, so it is there): funder kind, the client's other cases (PH-P2-04,
    /// PH-P3-03/04), the main case (PH-FDS-05), an approved Inklusionsbetrieb application (BA-IB-01), a stufenweise
    /// Wiedereingliederung and Krankengeld (BA-SI-04) and the personal contacts in P2 (PH-P2-05, from the contacts feature).
    /// </summary>
    private Task<KnownFacts> KnownFactsAsync(Case @case, Client client, List<Guid> inaFunders, CancellationToken ct)
    {
        var caseId = @case.Id;
        var clientId = client.Id;
        var funderId = @case.FunderId;
        var parentId = @case.ParentCaseId;
        var others = db.Cases.Where(o => o.ClientId == clientId && o.Id != caseId);
        var reintegration = db.Outcomes.Where(o => o.CaseId == caseId && o.OutcomeCode == CommissionKinds.ReintegrationCode && o.InvalidatedAt == null);
        var personal = contactFacts.Select(source => source.PersonalContactsInPhase(caseId, Phase.P2)).Aggregate((IQueryable<Guid>?)null, (all, next) => all is null ? next : all.Concat(next))
            ?? db.Contacts.Where(_ => false).Select(k => k.Id);
        return db.Clients.Where(c => c.Id == clientId).Select(_ => new KnownFacts(
            db.Funders.Where(f => f.Id == funderId).Select(f => (FunderKind?)f.Kind).FirstOrDefault(),
            others.Any(o => o.History.Any(h => h.To == Phase.P2)),
            others.Where(o => o.FunderId != null && inaFunders.Contains(o.FunderId.Value)).SelectMany(o => o.History).Where(h => h.To == Phase.P3).Max(h => (DateOnly?)h.On),
            db.Cases.Where(p => p.Id == parentId).Select(p => p.CareTypeCode).FirstOrDefault(),
            db.Cases.Where(p => p.Id == parentId).Select(p => p.LegalBasisCode).FirstOrDefault(),
            db.InclusionCompanyApplications.Any(a => a.CaseId == caseId && a.Approved == true),
            reintegration.Any(),
            db.Contacts.Any(k => k.CaseId == caseId && k.CancelledAt == null && k.Topics.Any(t => t.Code == CommissionKinds.ReintegrationCode)),
            reintegration.Any(o => db.Funders.Any(f => f.Id == o.ServiceFunderId && f.Kind == FunderKind.HealthInsurance)),
            personal.Count()))
            .FirstAsync(ct);
    }

    private sealed record ElsewhereFacts(bool EarlierCounselling, DateOnly? LatestInaCommission, bool EmployedAtInclusionCompany);

    /// <summary>
    /// The two lookups that read past the tenant filter, in one statement and for these facts only:
    /// the cases of the same person (same name and birth date, record not anonymised — DEL-01) at the other IFDs of the
    /// case's Integrationsamt (whether one had a Qualifizierte Beratung, the latest P3 of an InA one, with the InA funders
    /// the user sees), and whether the employer of the employment situation current on the phase date is an
    /// Inklusionsbetrieb (BA-IB-01). Nothing else is read in this statement.
    /// </summary>
    private Task<ElsewhereFacts> PastTheTenantFilterAsync(Case @case, Client client, List<Guid> inaFunders, DateOnly date, CancellationToken ct)
    {
        var clientId = client.Id;
        var officeId = @case.IntegrationOfficeId;
        var serviceId = @case.ServiceId;
        var birthDate = client.BirthDate;
        var lastName = client.SearchLastName;
        var firstName = client.SearchFirstName;
        var employerId = client.EmploymentOn(date)?.InstitutionId;
        var records = db.Clients.IgnoreQueryFilters()
            .Where(c => c.IntegrationOfficeId == officeId && c.ServiceId != serviceId && c.AnonymisedOn == null
                        && c.BirthDate == birthDate && c.SearchLastName == lastName && c.SearchFirstName == firstName)
            .Select(c => c.Id);
        var cases = db.Cases.IgnoreQueryFilters()
            .Where(c => records.Contains(c.ClientId) && c.IntegrationOfficeId == officeId && c.ServiceId != serviceId);
        return db.Clients.IgnoreQueryFilters().Where(c => c.Id == clientId).Select(_ => new ElsewhereFacts(
            cases.Any(c => c.History.Any(h => h.To == Phase.P2)),
            cases.Where(c => c.FunderId != null && inaFunders.Contains(c.FunderId.Value)).SelectMany(c => c.History).Where(h => h.To == Phase.P3).Max(h => (DateOnly?)h.On),
            employerId != null && db.Institutions.IgnoreQueryFilters().Any(i => i.Id == employerId && i.Kind == InstitutionKind.InclusionCompany)))
            .FirstAsync(ct);
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
    /// <summary>
    /// The personal contacts with the client in the phase (one id each), as a query: the phase facts count it within
    /// their own statement instead of asking in one of their own.
    /// </summary>
    IQueryable<Guid> PersonalContactsInPhase(Guid caseId, Phase phase);

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
