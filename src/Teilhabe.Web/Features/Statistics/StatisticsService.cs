using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Catalogues;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Data;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Statistics;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Statistics;

/// <summary>
/// STAT-01 / STAT-02: the annual statistics. Every figure is counted in the database (GROUP BY / COUNT) with the
/// definitions of <see cref="StatisticsDefinitions"/>; no case is loaded into memory and nothing personal leaves.
/// Scope: the own IFD (IFD-Leitung) or the IFDs of the own Integrationsamt (InA-Koordination), narrowed by serviceId.
/// The figures are read from the read replica when one is configured (<see cref="ReadReplica"/>): they may lag the
/// primary by moments, which annual figures can bear; nothing here writes.
/// </summary>
internal sealed class StatisticsService(
    [FromKeyedServices(ReadReplica.Key)] TeilhabeDbContext db, ICurrentUser user, StateProfile profile)
{
    public const string SecuredOutcome = "job-secured";
    public const string Unspecified = "unspecified";

    /// <summary>Roles that may see statistics (a lead task; caseworkers and administrators get 403).</summary>
    public static readonly string[] Readers = [Roles.ServiceLead, Roles.IntegrationOfficeCoordinator];

    public bool IsCoordinator => user.IsInRole(Roles.IntegrationOfficeCoordinator) && user.ServiceId is null;

    /// <summary>The IFDs the caller may choose from (one for a lead, all of the state for InA-Koordination).</summary>
    public async Task<List<(Guid Id, string Name)>> ServicesInScopeAsync(CancellationToken ct)
    {
        var query = db.Services.AsNoTracking();
        if (IsCoordinator)
        {
            query = query.Where(s => s.IntegrationOfficeId == user.IntegrationOfficeId);
        }
        else
        {
            query = query.Where(s => s.Id == user.ServiceId);
        }

        var rows = await query.OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.Name))];
    }

    /// <summary>False when <paramref name="serviceId"/> is not in the caller's scope (answer 404).</summary>
    public async Task<bool> InScopeAsync(Guid? serviceId, CancellationToken ct)
        => serviceId is null || (await ServicesInScopeAsync(ct)).Any(s => s.Id == serviceId);

    /// <summary>The German name of the scope, for headings and export files (no personal data).</summary>
    public async Task<string> ScopeNameAsync(Guid? serviceId, CancellationToken ct)
    {
        var services = await ServicesInScopeAsync(ct);
        if (serviceId is { } id)
        {
            return services.FirstOrDefault(s => s.Id == id).Name ?? string.Empty;
        }

        return IsCoordinator ? $"alle IFD des Landes ({services.Count})" : services.FirstOrDefault().Name ?? string.Empty;
    }

    private IQueryable<Case> CasesIn(Guid? serviceId)
    {
        IQueryable<Case> cases = db.Cases.AsNoTracking();
        if (!IsCoordinator)
        {
            cases = cases.Where(c => c.ServiceId == user.ServiceId);
        }

        return serviceId is { } id ? cases.Where(c => c.ServiceId == id) : cases;
    }

    private IQueryable<CaseSpan> Spans(Guid? serviceId, Phase entryPhase)
        => StatisticsDefinitions.Spans(CasesIn(serviceId), db.Clients.AsNoTracking(), db.PhaseChanges.AsNoTracking(), entryPhase);

    public async Task<AnnualStatistics> ComputeAsync(DateOnly from, DateOnly to, Guid? serviceId, bool publication, CancellationToken ct)
    {
        var min = profile.PublicationMinimumCell;
        Count C(Tally t) => Count.Of(t, publication, min);

        // STAT-02: lists are counted exactly and suppressed as whole tables (their columns add up too).
        Count Exact(Tally t) => Count.Of(t, false, min);
        List<CountRow> Published(List<CountRow> rows) => CountRow.Publish(rows, publication, min);
        var labels = await LabelsAsync(ct);

        var groups = new Dictionary<string, GroupFigures>();
        foreach (var g in StatisticsDefinitions.Groups)
        {
            var perService = await GroupTalliesAsync(serviceId, g.EntryPhase, from, to, ct);
            var sum = Sum(perService.Values);
            groups[g.Code] = GroupFigures.Of(sum.Start, sum.Entries, sum.Exits, sum.End, publication, min);
        }

        // Closed P3 cases by outcome category (with the ways a job ended), and the Sicherung share.
        var cases = CasesIn(serviceId);
        var closed = await (
            from h in db.PhaseChanges.AsNoTracking().Where(StatisticsDefinitions.ClosedFromP3Within(@from, to))
            join c in cases on h.CaseId equals c.Id
            join cl in db.Clients.AsNoTracking() on c.ClientId equals cl.Id
            group h by new { c.OutcomeCategoryCode, c.CareTypeCode, cl.Gender } into grp
            select new { grp.Key.OutcomeCategoryCode, grp.Key.CareTypeCode, grp.Key.Gender, N = grp.Count() }).ToListAsync(ct);
        var outcomes = Published(Rows(labels, CatalogueNames.OutcomeCategories, closed.Select(r => ((string?)r.OutcomeCategoryCode, r.Gender, r.N)), Exact));

        var securedTally = new Tally();
        var retentionTally = new Tally();
        foreach (var r in closed.Where(r => r.CareTypeCode == CareTypes.Retention))
        {
            retentionTally.Add(r.Gender, r.N);
            if (r.OutcomeCategoryCode == SecuredOutcome)
            {
                securedTally.Add(r.Gender, r.N);
            }
        }

        var securedCount = C(securedTally);
        var closedCount = C(retentionTally);
        double? percent = securedCount.Total is { } s && closedCount.Total is { } n && n > 0 ? Math.Round(100.0 * s / n, 1) : null;

        var breakdowns = await BreakdownsAsync(serviceId, from, to, labels, Exact, ct);

        // LEK counts by catalogue entry (valid, with start date in the period, of counted cases only).
        var counted = db.PhaseChanges.AsNoTracking().Where(StatisticsDefinitions.IsCountedEntry).Select(h => h.CaseId);
        var leks = from o in db.Outcomes.AsNoTracking().Where(StatisticsDefinitions.LekCountsWithin(@from, to))
                   join c in cases on o.CaseId equals c.Id
                   join cl in db.Clients.AsNoTracking() on c.ClientId equals cl.Id
                   where counted.Contains(o.CaseId)
                   select new { o.OutcomeCode, o.ServiceFunderId, cl.Gender };
        var byCode = await leks.GroupBy(l => new { l.OutcomeCode, l.Gender })
            .Select(g => new { g.Key.OutcomeCode, g.Key.Gender, N = g.Count() }).ToListAsync(ct);
        var byFunder = await leks.GroupBy(l => new { l.ServiceFunderId, l.Gender })
            .Select(g => new { g.Key.ServiceFunderId, g.Key.Gender, N = g.Count() }).ToListAsync(ct);
        var funderIds = byFunder.Where(f => f.ServiceFunderId != null).Select(f => f.ServiceFunderId!.Value).Distinct().ToList();
        var funderNames = await db.Funders.AsNoTracking().IgnoreQueryFilters().Where(f => funderIds.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        breakdowns[BreakdownNames.LekFunder] = [.. byFunder
            .GroupBy(f => f.ServiceFunderId)
            .Select(g =>
            {
                var t = new Tally();
                foreach (var r in g)
                {
                    t.Add(r.Gender, r.N);
                }

                return (Code: g.Key?.ToString() ?? "none", Label: g.Key is { } id ? funderNames.GetValueOrDefault(id, "Leistungsträger") : "ohne Leistungsträger", Tally: t);
            })
            .OrderByDescending(x => x.Tally.Total).ThenBy(x => x.Label, StringComparer.Ordinal)
            .Select(x => new CountRow(x.Code, x.Label, Exact(x.Tally)))];
        breakdowns = breakdowns.ToDictionary(b => b.Key, b => Published(b.Value), StringComparer.Ordinal);

        return new AnnualStatistics(from, to, serviceId, publication, groups, outcomes, breakdowns,
            Published(Rows(labels, CatalogueNames.Outcomes, byCode.Select(r => ((string?)r.OutcomeCode, r.Gender, r.N)), Exact)),
            new SecuredShare(securedCount, closedCount, percent));
    }

    /// <summary>InA-Koordination: the group figures of every IFD in scope, side by side.</summary>
    public async Task<ServiceComparisonResult> CompareAsync(DateOnly from, DateOnly to, bool publication, CancellationToken ct)
    {
        var min = profile.PublicationMinimumCell;
        var services = await ServicesInScopeAsync(ct);
        var perGroup = new Dictionary<string, Dictionary<Guid, GroupTally>>();
        foreach (var g in StatisticsDefinitions.Groups)
        {
            perGroup[g.Code] = await GroupTalliesAsync(null, g.EntryPhase, from, to, ct);
        }

        var list = services.Select(s => new ServiceComparison(s.Id, s.Name, StatisticsDefinitions.Groups.ToDictionary(
            g => g.Code,
            g =>
            {
                var t = perGroup[g.Code].GetValueOrDefault(s.Id) ?? new GroupTally();
                return GroupFigures.Of(t.Start, t.Entries, t.Exits, t.End, publication, min);
            }))).ToList();
        return new ServiceComparisonResult(from, to, publication, list);
    }

    private sealed class GroupTally
    {
        public Tally Start { get; } = new();
        public Tally Entries { get; } = new();
        public Tally Exits { get; } = new();
        public Tally End { get; } = new();
    }

    private static GroupTally Sum(IEnumerable<GroupTally> tallies)
    {
        var sum = new GroupTally();
        foreach (var t in tallies)
        {
            sum.Start.Add(t.Start);
            sum.Entries.Add(t.Entries);
            sum.Exits.Add(t.Exits);
            sum.End.Add(t.End);
        }

        return sum;
    }

    /// <summary>Start stock, entries, exits and end stock of one group, per IFD and gender: one GROUP BY query whose four
    /// conditional counts are the four definitions.</summary>
    private async Task<Dictionary<Guid, GroupTally>> GroupTalliesAsync(Guid? serviceId, Phase entryPhase, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var result = new Dictionary<Guid, GroupTally>();
        var rows = await Spans(serviceId, entryPhase)
            .GroupBy(s => new SpanKey { ServiceId = s.ServiceId, Gender = s.Gender })
            .Select(GroupCounts(
                StatisticsDefinitions.InStockOn(StatisticsDefinitions.StartStockDay(from)),
                StatisticsDefinitions.EntersWithin(from, to),
                StatisticsDefinitions.ExitsWithin(from, to),
                StatisticsDefinitions.InStockOn(to)))
            .ToListAsync(ct);
        foreach (var r in rows)
        {
            if (!result.TryGetValue(r.ServiceId, out var t))
            {
                result[r.ServiceId] = t = new GroupTally();
            }

            t.Start.Add(r.Gender, r.Start);
            t.Entries.Add(r.Gender, r.Entries);
            t.Exits.Add(r.Gender, r.Exits);
            t.End.Add(r.Gender, r.End);
        }

        return result;
    }

    private sealed class SpanKey
    {
        public Guid ServiceId { get; init; }
        public Gender Gender { get; init; }
    }

    private sealed class SpanCounts
    {
        public Guid ServiceId { get; init; }
        public Gender Gender { get; init; }
        public int Start { get; init; }
        public int Entries { get; init; }
        public int Exits { get; init; }
        public int End { get; init; }
    }

    /// <summary>g => new SpanCounts { …, Start = g.Count(start), Entries = g.Count(entries), … } built from the definitions.</summary>
    private static Expression<Func<IGrouping<SpanKey, CaseSpan>, SpanCounts>> GroupCounts(
        Expression<Func<CaseSpan, bool>> start, Expression<Func<CaseSpan, bool>> entries, Expression<Func<CaseSpan, bool>> exits, Expression<Func<CaseSpan, bool>> end)
    {
        var g = Expression.Parameter(typeof(IGrouping<SpanKey, CaseSpan>), "g");
        var key = Expression.Property(g, nameof(IGrouping<SpanKey, CaseSpan>.Key));
        Expression Count(Expression<Func<CaseSpan, bool>> definition)
            => Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(CaseSpan)], g, definition);
        MemberBinding Bind(string name, Expression value) => Expression.Bind(typeof(SpanCounts).GetProperty(name)!, value);
        var body = Expression.MemberInit(
            Expression.New(typeof(SpanCounts)),
            Bind(nameof(SpanCounts.ServiceId), Expression.Property(key, nameof(SpanKey.ServiceId))),
            Bind(nameof(SpanCounts.Gender), Expression.Property(key, nameof(SpanKey.Gender))),
            Bind(nameof(SpanCounts.Start), Count(start)),
            Bind(nameof(SpanCounts.Entries), Count(entries)),
            Bind(nameof(SpanCounts.Exits), Count(exits)),
            Bind(nameof(SpanCounts.End), Count(end)));
        return Expression.Lambda<Func<IGrouping<SpanKey, CaseSpan>, SpanCounts>>(body, g);
    }

    /// <summary>The source row of the BIH breakdowns: one P3 case served in the period (start stock + entries).</summary>
    private sealed class BreakdownSource
    {
        public Gender Gender { get; init; }
        public string? PersonGroup { get; init; }
        public string? DisabilityType { get; init; }
        public string? DisabilityStatus { get; init; }
        public string? FunderGroup { get; init; }
        public string? ReferringBody { get; init; }
        public string? CareType { get; init; }
        public DateOnly BirthDate { get; init; }
    }

    private async Task<Dictionary<string, List<CountRow>>> BreakdownsAsync(
        Guid? serviceId, DateOnly from, DateOnly to, Labels labels, Func<Tally, Count> c, CancellationToken ct)
    {
        var p3 = StatisticsDefinitions.Groups.Single(g => g.Code == "P3").EntryPhase;
        var active = Spans(serviceId, p3).Where(StatisticsDefinitions.ActiveWithin(from, to));
        var legalBases = db.CatalogueEntries.AsNoTracking().Where(e => e.Catalogue == CatalogueNames.LegalBases);
        var source =
            from s in active
            join ca in db.Cases.AsNoTracking() on s.CaseId equals ca.Id
            join cl in db.Clients.AsNoTracking() on s.ClientId equals cl.Id
            select new BreakdownSource
            {
                Gender = s.Gender,
                PersonGroup = cl.WorkingLifePosition,
                DisabilityType = db.Disabilities.Where(d => d.ClientId == cl.Id && d.CareRelevant).Select(d => d.CategoryCode).FirstOrDefault(),
                DisabilityStatus = db.DisabilityEvidence.Any(e => e.ClientId == cl.Id && e.Kind == EvidenceKind.Feststellungsbescheid && e.Degree >= 50)
                    ? "severely-disabled"
                    : db.DisabilityEvidence.Any(e => e.ClientId == cl.Id && e.Kind == EvidenceKind.Gleichstellungsbescheid) ? "equated" : "other",
                FunderGroup = legalBases.Where(e => e.Code == ca.LegalBasisCode).Select(e => e.Group).FirstOrDefault(),
                ReferringBody = ca.ReferringBodyCode,
                CareType = ca.CareTypeCode,
                BirthDate = cl.BirthDate,
            };

        async Task<List<CountRow>> ByAsync(Expression<Func<BreakdownSource, KeyedRow>> key, string? catalogue, IReadOnlyList<(string Code, string Label)>? fixedCodes)
        {
            var rows = await source.Select(key).GroupBy(k => new { k.Code, k.Gender })
                .Select(g => new { g.Key.Code, g.Key.Gender, N = g.Count() }).ToListAsync(ct);
            return fixedCodes is null
                ? Rows(labels, catalogue!, rows.Select(r => (r.Code, r.Gender, r.N)), c)
                : Rows(fixedCodes, rows.Select(r => (r.Code, r.Gender, r.N)), c);
        }

        var result = new Dictionary<string, List<CountRow>>
        {
            [BreakdownNames.PersonGroup] = await ByAsync(r => new KeyedRow { Code = r.PersonGroup, Gender = r.Gender }, CatalogueNames.WorkingLifePositions, null),
            [BreakdownNames.DisabilityType] = await ByAsync(r => new KeyedRow { Code = r.DisabilityType, Gender = r.Gender }, CatalogueNames.DisabilityCategories, null),
            [BreakdownNames.DisabilityStatus] = await ByAsync(r => new KeyedRow { Code = r.DisabilityStatus, Gender = r.Gender }, null,
                [("severely-disabled", "schwerbehindert"), ("equated", "gleichgestellt"), ("other", "sonstiges")]),
            [BreakdownNames.FunderGroup] = await ByAsync(r => new KeyedRow { Code = r.FunderGroup, Gender = r.Gender }, null,
                [(CatalogueSeed.GroupIntegrationOffice, "Integrationsamt"), (CatalogueSeed.GroupRehabilitation, "Rehabilitationsträger"),
                 (CatalogueSeed.GroupJobPlacement, "Träger der Arbeitsvermittlung")]),
            [BreakdownNames.ReferringBody] = await ByAsync(r => new KeyedRow { Code = r.ReferringBody, Gender = r.Gender }, CatalogueNames.ReferringBodies, null),
            [BreakdownNames.CareType] = await ByAsync(r => new KeyedRow { Code = r.CareType, Gender = r.Gender }, CatalogueNames.CareTypes, null),
        };

        var bounds = profile.AgeBandLowerBounds;
        var ages = await source.Select(StatisticsDefinitions.AgeBandRow<BreakdownSource>(r => r.BirthDate, r => r.Gender, from, bounds))
            .GroupBy(k => new { k.Index, k.Gender }).Select(g => new { g.Key.Index, g.Key.Gender, N = g.Count() }).ToListAsync(ct);
        var bandCodes = bounds.Select((_, i) => StatisticsDefinitions.AgeBandCode(i, bounds)).ToList();
        result[BreakdownNames.AgeGroup] = Rows(
            [.. bandCodes.Select(code => (code, code.EndsWith('+') ? $"{code[..^1]} Jahre und älter" : $"{code} Jahre"))],
            ages.Select(a => ((string?)StatisticsDefinitions.AgeBandCode(a.Index, bounds), a.Gender, a.N)), c);

        // The measures that secured a job: LEKs (valid, with start date) of the Sicherungen closed as "job-secured".
        var securedCases = from h in db.PhaseChanges.AsNoTracking().Where(StatisticsDefinitions.ClosedFromP3Within(@from, to))
                           join ca in CasesIn(serviceId) on h.CaseId equals ca.Id
                           where ca.OutcomeCategoryCode == SecuredOutcome
                           select ca.Id;
        var measures = await (
            from o in db.Outcomes.AsNoTracking()
            where o.InvalidatedAt == null && o.StartDate != null && securedCases.Contains(o.CaseId)
            join cl in db.Clients.AsNoTracking() on o.ClientId equals cl.Id
            group o by new { o.OutcomeCode, cl.Gender } into g
            select new { g.Key.OutcomeCode, g.Key.Gender, N = g.Count() }).ToListAsync(ct);
        result[BreakdownNames.SecuredMeasures] = [.. Rows(labels, CatalogueNames.Outcomes, measures.Select(m => ((string?)m.OutcomeCode, m.Gender, m.N)), c)
            .Where(r => measures.Any(m => m.OutcomeCode == r.Code))];
        return result;
    }

    private sealed class Labels(List<CatalogueEntry> entries)
    {
        public IEnumerable<(string Code, string Label)> Of(string catalogue)
            => entries.Where(e => e.Catalogue == catalogue).OrderBy(e => e.SortOrder).ThenBy(e => e.Code, StringComparer.Ordinal)
                .Select(e => (e.Code, e.Label)).DistinctBy(e => e.Code);
    }

    private async Task<Labels> LabelsAsync(CancellationToken ct)
    {
        string[] names = [CatalogueNames.OutcomeCategories, CatalogueNames.Outcomes, CatalogueNames.WorkingLifePositions,
            CatalogueNames.DisabilityCategories, CatalogueNames.ReferringBodies, CatalogueNames.CareTypes];
        var shared = await db.CatalogueEntries.AsNoTracking().Where(e => names.Contains(e.Catalogue)).ToListAsync(ct);

        // TOP-01: the entries of the state's own (e.g. a Land's referring bodies) are counted under their label.
        return new Labels([.. shared, .. profile.CatalogueAdditions.Where(a => names.Contains(a.Catalogue))
            .Select((a, i) => new CatalogueEntry(a.Catalogue, a.Code, a.Label, 10_000 + i))]);
    }

    private static List<CountRow> Rows(Labels labels, string catalogue, IEnumerable<(string? Code, Gender Gender, int N)> counts, Func<Tally, Count> c)
        => Rows([.. labels.Of(catalogue)], counts, c);

    /// <summary>Every known code in catalogue order (zero where nothing was counted), then codes not in the list, then "unspecified".</summary>
    private static List<CountRow> Rows(IReadOnlyList<(string Code, string Label)> known, IEnumerable<(string? Code, Gender Gender, int N)> counts, Func<Tally, Count> c)
    {
        var tallies = new Dictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var (code, gender, n) in counts)
        {
            var key = code ?? Unspecified;
            if (!tallies.TryGetValue(key, out var t))
            {
                tallies[key] = t = new Tally();
            }

            t.Add(gender, n);
        }

        var rows = known.Select(k => new CountRow(k.Code, k.Label, c(tallies.GetValueOrDefault(k.Code) ?? new Tally()))).ToList();
        var knownCodes = known.Select(k => k.Code).ToHashSet(StringComparer.Ordinal);
        rows.AddRange(tallies.Where(t => !knownCodes.Contains(t.Key) && t.Key != Unspecified).OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new CountRow(t.Key, t.Key, c(t.Value))));
        if (tallies.TryGetValue(Unspecified, out var none))
        {
            rows.Add(new CountRow(Unspecified, "nicht angegeben", c(none)));
        }

        return rows;
    }
}
