using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Catalogues;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Data;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Reports;
using Teilhabe.Core.Rules;
using Teilhabe.Core.Time;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Catalogues;
using Teilhabe.Web.Features.Documents;

using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Reports;

/// <summary>
/// Reports for pages and API: check (REP-01, REP-05, REP-07), compose, generate immutable PDF/A versions
/// (REP-03) in the encrypted document store, lock LEKs of an Anfangsbericht (LEK-04), fulfil requests (REP-04),
/// goals and their ratings (REP-05), and the Endbericht of the move to P4 (PH-P4-02).
/// </summary>
internal sealed class ReportService(
    TeilhabeDbContext db,
    ICurrentUser user,
    CaseAccess access,
    TimeProvider clock,
    StateProfile profile,
    AuditLog audit,
    IDocumentStore store,
    CatalogueService catalogues) : ITransitionEffects
{
    public sealed record Check(IReadOnlyList<RuleViolation> Violations, IReadOnlyList<RuleViolation> Corrections)
    {
        public bool Allowed => Violations.Count == 0;
    }

    public async Task<Case?> FindCaseAsync(Guid id, CancellationToken ct, bool tracked = false)
    {
        var query = db.Cases.Include(c => c.Deputies).Include(c => c.History).AsSplitQuery();
        var @case = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, ct);
        return @case is not null && access.CanSee(@case) ? @case : null;
    }

    /// <summary>The goals of a case for someone to read (goals page, API): the read is written to the audit trail (ACC-09).</summary>
    public async Task<List<CaseGoal>> ReadGoalsAsync(Case @case, CancellationToken ct)
    {
        var goals = await GoalsAsync(@case.Id, ct);
        await audit.ReadAsync("Goals", @case.Id, @case.ServiceId, ct, clientId: @case.ClientId, caseId: @case.Id, reason: access.AuditReason(@case));
        return goals;
    }

    public async Task<List<CaseGoal>> GoalsAsync(Guid caseId, CancellationToken ct, bool tracked = false)
    {
        var query = db.CaseGoals.Where(g => g.CaseId == caseId).OrderBy(g => g.CreatedAt);
        return await (tracked ? query : query.AsNoTracking()).ToListAsync(ct);
    }

    public async Task<Check> CheckAsync(Case @case, ReportKind kind, CancellationToken ct)
    {
        var facts = await FactsAsync(@case, ct);
        var violations = ReportRules.Violations(kind, facts).ToList();
        if (!access.CanEdit(@case))
        {
            violations.Insert(0, RoleRefusals.CreateReport);
        }

        return new Check(violations, ReportRules.Corrections(facts));
    }

    /// <summary>The plausibility list of the case page: REP-07 corrections once, and the REP-01 / REP-05 findings per kind.</summary>
    public async Task<(IReadOnlyList<RuleViolation> Corrections, IReadOnlyDictionary<ReportKind, IReadOnlyList<RuleViolation>> Missing)> PlausibilityAsync(Case @case, CancellationToken ct)
    {
        var facts = await FactsAsync(@case, ct);
        return (ReportRules.Corrections(facts), Enum.GetValues<ReportKind>().ToDictionary(k => k, k => ReportRules.Violations(k, facts)));
    }

    /// <summary>The content of the report as it would be generated now (preview; the read is audited).</summary>
    public async Task<ReportDocument> PreviewAsync(Case @case, ReportKind kind, CancellationToken ct)
    {
        var document = ReportComposer.Compose(await InputAsync(@case, kind, ct));
        await audit.ReadAsync(nameof(Case), @case.Id, @case.ServiceId, ct, clientId: @case.ClientId, caseId: @case.Id, reason: "Berichtsvorschau " + ReportKinds.Title(kind));
        return document;
    }

    /// <summary>REP-03: generates and stores a new immutable version; refused with every REP-01 / REP-05 violation.</summary>
    public async Task<Result<ReportVersion>> GenerateAsync(Case @case, ReportKind kind, CancellationToken ct)
    {
        var check = await CheckAsync(@case, kind, ct);
        if (!check.Allowed)
        {
            return Result<ReportVersion>.Invalid(check.Violations);
        }

        var version = await CreateVersionAsync(@case, kind, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Two generations of the same kind at the same moment drew the same number: the later one is answered as a
            // conflict (409) and leaves no stored file behind.
            await store.DeleteAsync(version.StorageKey, CancellationToken.None);
            throw;
        }

        return Result<ReportVersion>.Ok(version);
    }

    /// <summary>Demo data and system jobs: a version without the caller's role check (the content rules still hold).</summary>
    public async Task<ReportVersion?> GenerateUncheckedAsync(Case @case, ReportKind kind, CancellationToken ct)
    {
        if (ReportRules.Violations(kind, await FactsAsync(@case, ct)).Count > 0)
        {
            return null;
        }

        var version = await CreateVersionAsync(@case, kind, ct);
        await db.SaveChangesAsync(ct);
        return version;
    }

    private async Task<ReportVersion> CreateVersionAsync(Case @case, ReportKind kind, CancellationToken ct)
    {
        var input = await InputAsync(@case, kind, ct);
        var pdf = PdfLayout.Render(ReportComposer.Compose(input), input.CaseworkerName);
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var now = clock.GetUtcNow();
        var key = $"{now.Year}/{Guid.CreateVersion7():N}";
        await store.SaveAsync(key, pdf, ct);
        var number = 1 + (await db.ReportVersions.Where(r => r.CaseId == @case.Id && r.Kind == kind).Select(r => (int?)r.Number).MaxAsync(ct) ?? 0);
        var version = new ReportVersion(@case, kind, number, ReportKinds.Title(kind), sha, key, pdf.Length, now, user.UserId);
        db.ReportVersions.Add(version);

        // LEK-04: an LEK that got its start date on the day of an Anfangsbericht is part of it and locked.
        if (ReportKinds.IsInitial(kind))
        {
            var today = clock.Today();
            foreach (var outcome in await db.Outcomes.Where(o => o.CaseId == @case.Id && o.StartDateEnteredOn == today && o.InvalidatedAt == null).ToListAsync(ct))
            {
                outcome.LockForReport(today);
            }
        }

        // REP-04: a report of the requested kind generated after the request fulfils it.
        foreach (var request in await db.ReportRequests.Where(r => r.CaseId == @case.Id && r.FulfilledByReportId == null).ToListAsync(ct))
        {
            request.FulfilWith(version);
        }

        return version;
    }

    public async Task<List<ReportVersion>> VersionsAsync(Guid caseId, CancellationToken ct)
        => (await db.ReportVersions.AsNoTracking().Where(r => r.CaseId == caseId).ToListAsync(ct))
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Number).ToList();

    /// <summary>REP-03: re-download of a version; the case's IFD and InA-Koordination (ACC-07); the read is audited.</summary>
    public async Task<(ReportVersion Version, Case Case, byte[] Content)?> OpenAsync(Guid id, CancellationToken ct)
    {
        var version = await db.ReportVersions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (version is null)
        {
            return null;
        }

        var @case = await FindCaseAsync(version.CaseId, ct);
        if (@case is null)
        {
            return null;
        }

        var content = await store.ReadAsync(version.StorageKey, ct);
        if (content is null)
        {
            return null;
        }

        await audit.ReadAsync(nameof(ReportVersion), version.Id, version.ServiceId, ct, clientId: version.ClientId, caseId: version.CaseId);
        return (version, @case, content);
    }

    public static string FileName(ReportVersion v, Case c)
        => $"{v.Kind switch { ReportKind.InitialCounselling => "Anfangsbericht-QB", ReportKind.InitialCare => "Anfangsbericht-Betreuung", ReportKind.Progress => "Sachstandsbericht", _ => "Endbericht" }}-{c.CaseNumber}-v{v.Number}.pdf";

    /// <summary>REP-06 (profile rule): the next Zwischenbericht due, from the Sachstandsberichte produced so far; null when off.</summary>
    public async Task<DateOnly?> NextInterimReportDueAsync(Case @case, CancellationToken ct)
    {
        if (profile.InterimReportMonths is null)
        {
            return null;
        }

        var produced = await db.ReportVersions.AsNoTracking().Where(r => r.CaseId == @case.Id && r.Kind == ReportKind.Progress).Select(r => r.CreatedAt).ToListAsync(ct);
        return ReportRules.NextInterimReportDue(profile, @case.CommissionStart, @case.ClosedOn, produced.Select(Day));
    }

    // ---- REP-04: requests for a Sachstandsbericht ----
    public async Task<Result<ReportRequest>> AddRequestAsync(Case @case, ReportKind? kind, string? requestedBy, DateOnly? dueDate, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        if (kind != ReportKind.Progress)
        {
            errors.Add(new(RuleIds.Input, "Angefordert werden kann ein Sachstandsbericht (kind: Progress).", "kind"));
        }

        if (string.IsNullOrWhiteSpace(requestedBy) || requestedBy.Length > 200)
        {
            errors.Add(new(RuleIds.Input, "Bitte angeben, wer den Bericht anfordert (höchstens 200 Zeichen).", "requestedBy"));
        }

        if (dueDate is null)
        {
            errors.Add(new(RuleIds.Input, "Bitte das Datum angeben, bis zu dem der Bericht vorliegen soll.", "dueDate"));
        }

        if (errors.Count > 0)
        {
            return Result<ReportRequest>.Invalid(errors);
        }

        var request = new ReportRequest(@case, ReportKind.Progress, requestedBy!.Trim(), dueDate!.Value, clock.GetUtcNow(), user.UserId);
        db.ReportRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return Result<ReportRequest>.Ok(request);
    }

    public Task<List<ReportRequest>> RequestsAsync(Guid caseId, CancellationToken ct)
        => db.ReportRequests.AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.DueDate).ToListAsync(ct);

    // ---- REP-05: goals ----
    public async Task<Result<CaseGoal>> AddGoalAsync(Case @case, GoalDraft draft, CancellationToken ct)
    {
        var errors = draft.Validate();
        if (errors.Count > 0)
        {
            return Result<CaseGoal>.Invalid(errors);
        }

        var goal = new CaseGoal(@case, draft, clock.GetUtcNow());
        db.CaseGoals.Add(goal);
        await db.SaveChangesAsync(ct);
        return Result<CaseGoal>.Ok(goal);
    }

    /// <summary>Edits a goal; <paramref name="expectedVersion"/> from If-Match (null: no check). Conflict when stale.</summary>
    public async Task<Result<CaseGoal>> UpdateGoalAsync(CaseGoal goal, int? expectedVersion, GoalDraft draft, CancellationToken ct)
    {
        if (expectedVersion is { } v && v != goal.Version)
        {
            return Result<CaseGoal>.Conflict();
        }

        var errors = draft.Validate();
        if (errors.Count > 0)
        {
            return Result<CaseGoal>.Invalid(errors);
        }

        goal.Update(draft);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<CaseGoal>.Conflict();
        }

        return Result<CaseGoal>.Ok(goal);
    }

    public async Task<IReadOnlyList<RuleViolation>> RateGoalAsync(CaseGoal goal, GoalRating? rating, string? explanation, CancellationToken ct)
    {
        var errors = goal.Rate(rating, explanation, clock.GetUtcNow(), user.UserId);
        if (errors.Count == 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }

    /// <summary>REP-05: a follow-up case starts from the ratings of the client's earlier cases.</summary>
    public async Task<List<(Case Case, CaseGoal Goal)>> PreviousRatingsAsync(Case @case, CancellationToken ct)
    {
        var earlier = await db.Cases.AsNoTracking().Include(c => c.Deputies)
            .Where(c => c.ClientId == @case.ClientId && c.Id != @case.Id && c.StartDate <= @case.StartDate).ToListAsync(ct);
        var visible = earlier.Where(access.CanSee).ToDictionary(c => c.Id);
        if (visible.Count == 0)
        {
            return [];
        }

        var ids = visible.Keys.ToList();
        var goals = await db.CaseGoals.AsNoTracking().Where(g => ids.Contains(g.CaseId) && g.Rating != null).ToListAsync(ct);
        return [.. goals.OrderBy(g => g.CreatedAt).Select(g => (visible[g.CaseId], g))];
    }

    // ---- PH-P4-02: the Endbericht of the move to P4 ----
    private static bool ProducesFinalReport(Case @case, Phase to) => to == Phase.P4 && @case.Phase is Phase.P2 or Phase.P3;

    public async Task<IReadOnlyList<RuleViolation>> CheckTransitionAsync(Case @case, Phase to, CancellationToken ct)
        => ProducesFinalReport(@case, to) ? ReportRules.UnratedGoals(await GoalsAsync(@case.Id, ct)) : [];

    public async Task AfterMoveAsync(Case @case, Phase from, Phase to, CancellationToken ct)
    {
        if (to == Phase.P4 && from is Phase.P2 or Phase.P3)
        {
            await CreateVersionAsync(@case, ReportKind.Final, ct);
        }
    }

    // ---- gathering ----
    private async Task<ReportFacts> FactsAsync(Case @case, CancellationToken ct)
    {
        var client = await LoadClientAsync(@case.ClientId, ct);
        var outcomeLabels = await catalogues.LabelsAsync(CatalogueNames.Outcomes, ct);
        var outcomes = await db.Outcomes.AsNoTracking().Where(o => o.CaseId == @case.Id && o.InvalidatedAt == null && o.StartDate == null).ToListAsync(ct);
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.CaseId == @case.Id && c.CancelledAt == null).ToListAsync(ct);
        return new ReportFacts
        {
            Case = @case,
            Goals = await GoalsAsync(@case.Id, ct),
            MissingStatistics = @case.Phase is Phase.P1 ? [] : StatisticalFields.Missing(client, @case, clock.Today()),
            OutcomesWithoutStartDate = [.. outcomes.Select(o => outcomeLabels.GetValueOrDefault(o.OutcomeCode, o.OutcomeCode))],
            ContactsWithoutOutcome = [.. contacts.Where(c => c.Outcomes.Count == 0).Select(c => Day(c.OccurredAt)).Order()],
            ContactsWithoutTopic = [.. contacts.Where(c => c.Topics.Count == 0).Select(c => Day(c.OccurredAt)).Order()],
        };
    }

    private Task<Client> LoadClientAsync(Guid clientId, CancellationToken ct)
        => db.Clients.Include(c => c.Evidence).Include(c => c.Disabilities).Include(c => c.Employment)
            .AsSplitQuery().AsNoTracking().FirstAsync(c => c.Id == clientId, ct);

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(BerlinTime.ToBerlin(at).DateTime);

    private async Task<ReportInput> InputAsync(Case @case, ReportKind kind, CancellationToken ct)
    {
        var client = await LoadClientAsync(@case.ClientId, ct);
        var service = await db.Services.AsNoTracking().Where(s => s.Id == @case.ServiceId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        var caseworker = await db.Users.AsNoTracking().Where(u => u.Id == @case.CaseworkerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var funder = @case.FunderId is null ? null : await db.Funders.AsNoTracking().Where(f => f.Id == @case.FunderId).Select(f => f.Name).FirstOrDefaultAsync(ct);
        var legal = await catalogues.LabelsAsync(CatalogueNames.LegalBases, ct);
        var care = await catalogues.LabelsAsync(CatalogueNames.CareTypes, ct);
        var reasons = await catalogues.LabelsAsync(CatalogueNames.ClosingReasons, ct);
        var categories = await catalogues.LabelsAsync(CatalogueNames.OutcomeCategories, ct);
        var disabilityLabels = await catalogues.LabelsAsync(CatalogueNames.DisabilityCategories, ct);
        var topicLabels = await catalogues.LabelsAsync(CatalogueNames.Topics, ct);
        var outcomeLabels = await catalogues.LabelsAsync(CatalogueNames.Outcomes, ct);
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.CaseId == @case.Id && c.CancelledAt == null).ToListAsync(ct);
        var topics = contacts.SelectMany(c => c.Topics.Select(t => (t.Code, Day: Day(c.OccurredAt))))
            .GroupBy(x => x.Code)
            .Select(g => (Label: topicLabels.GetValueOrDefault(g.Key, g.Key), From: g.Min(x => x.Day), To: g.Max(x => x.Day)))
            .OrderBy(x => x.From).ThenBy(x => x.Label, StringComparer.Ordinal).ToList();
        var outcomes = (await db.Outcomes.AsNoTracking().Where(o => o.CaseId == @case.Id && o.InvalidatedAt == null).ToListAsync(ct))
            .OrderBy(o => o.StartDate ?? DateOnly.MaxValue).ThenBy(o => o.CreatedAt)
            .Select(o => (outcomeLabels.GetValueOrDefault(o.OutcomeCode, o.OutcomeCode), o.StartDate, o.EndDate)).ToList();
        return new ReportInput
        {
            Kind = kind,
            Case = @case,
            ClientName = $"{client.FirstName} {client.LastName}",
            ClientBirthDate = client.BirthDate,
            ServiceName = service ?? "Integrationsfachdienst",
            CaseworkerName = caseworker ?? "–",
            GeneratedAt = clock.GetUtcNow(),
            FunderName = funder,
            LegalBasis = @case.LegalBasisCode is null ? null : legal.GetValueOrDefault(@case.LegalBasisCode, @case.LegalBasisCode),
            CareType = @case.CareTypeCode is null ? null : care.GetValueOrDefault(@case.CareTypeCode, @case.CareTypeCode),
            ClosingReason = @case.ClosingReasonCode is null ? null : reasons.GetValueOrDefault(@case.ClosingReasonCode, @case.ClosingReasonCode),
            OutcomeCategory = @case.OutcomeCategoryCode is null ? null : categories.GetValueOrDefault(@case.OutcomeCategoryCode, @case.OutcomeCategoryCode),
            Evidence = [.. client.Evidence.OrderBy(e => e.NoticeDate).Select(e => $"{e.Kind} vom {e.NoticeDate:dd.MM.yyyy}" + (e.Degree is { } d ? $", GdB {d}" : string.Empty))],
            Disabilities = [.. client.Disabilities.OrderBy(d => d.Order).Select(d => (disabilityLabels.GetValueOrDefault(d.CategoryCode, d.CategoryCode), d.Description, d.CareRelevant))],
            Goals = await GoalsAsync(@case.Id, ct),
            Topics = topics,
            Outcomes = outcomes,
            History = [.. @case.History.OrderBy(h => h.At).Select(h => (h.From, h.To, h.On, h.ReasonCode is null ? null : reasons.GetValueOrDefault(h.ReasonCode, h.ReasonCode)))],
        };
    }
}
