using System.Globalization;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Retention;

namespace Teilhabe.Bench.Data;

/// <summary>The compact skeleton of one case (80,000 at scale 1); its contacts, LEK, documents and audit rows are generated from it per pass.</summary>
public sealed class CasePlan
{
    public int Index { get; init; }
    public Guid Id { get; set; }
    public int Client { get; init; }
    public int Service { get; init; }
    public string Caseworker { get; set; } = string.Empty;
    public string CareType { get; set; } = CareTypes.Retention;
    public string LegalBasis { get; set; } = string.Empty;
    public Guid Funder { get; set; }
    public string CaseGroup { get; set; } = string.Empty;
    public string ReferringBody { get; set; } = string.Empty;
    public DateOnly Start { get; set; }
    public DateOnly? P2 { get; set; }

    /// <summary>P3 or FP3: the commission start.</summary>
    public DateOnly? P3 { get; set; }

    public DateOnly? Closed { get; set; }
    public Phase Phase { get; set; }
    public DateOnly? PlannedEnd { get; set; }
    public string? ClosingReason { get; set; }
    public string? OutcomeCategory { get; set; }
    public DateOnly? Anonymised { get; set; }
    public string CaseNumber { get; set; } = string.Empty;
    public int Contacts { get; set; }
    public int Leks { get; set; }
    public int Audits { get; set; }

    public bool IsOpen => Closed is null;

    public bool IsExpertStatement => CareType == CareTypes.ExpertStatement;

    /// <summary>The last day anything happens on the case.</summary>
    public DateOnly End(DateOnly today) => Closed ?? today;

    /// <summary>The phase the case was in on a day.</summary>
    public Phase PhaseOn(DateOnly day)
    {
        if (Closed is { } c && day >= c)
        {
            return Phase;
        }

        if (P3 is { } p3 && day >= p3)
        {
            return IsExpertStatement ? Phase.FP3 : Phase.P3;
        }

        if (P2 is { } p2 && day >= p2)
        {
            return Phase.P2;
        }

        return IsExpertStatement ? Phase.FP1 : Phase.P1;
    }
}

/// <summary>Builds the case skeletons of the whole state.</summary>
public sealed class Plan
{
    public required int Seed { get; init; }
    public required DateOnly Today { get; init; }
    public required State State { get; init; }
    public required int ClientCount { get; init; }
    public required CasePlan[] Cases { get; init; }

    /// <summary>Per client: the day its data was removed (DEL-01) when all its cases were; else null.</summary>
    public required DateOnly?[] ClientAnonymised { get; init; }

    /// <summary>Per client: the start of its first case.</summary>
    public required DateOnly[] ClientFirstSeen { get; init; }

    public int FachkraftOpenCases { get; private init; }

    public static Plan Build(State state, int seed, double scale, DateOnly today, StateProfile profile)
    {
        var clientCount = Math.Max(16, (int)Math.Round(50_000 * scale));
        var caseCount = Math.Max(clientCount, (int)Math.Round(80_000 * scale));
        var services = state.Services.Length;
        var cases = new CasePlan[caseCount];
        for (var i = 0; i < caseCount; i++)
        {
            var rng = new Rng(seed, 10, i);
            var client = i < clientCount ? i : rng.Next(clientCount);
            var plan = new CasePlan { Index = i, Client = client, Service = client % services };
            var daysBack = (int)(3650 * Math.Pow(rng.NextDouble(), 1.15));
            Shape(plan, rng, state, today.AddDays(-daysBack), today, allowClosing: true);
            cases[i] = plan;
        }

        // bench.fachkraft: exactly N open cases (P1–P3) in IFD 1 (400 from scale 0.05 on); other open cases go to the colleagues.
        var first = cases.Where(c => c.Service == 0 && !c.IsExpertStatement).ToList();
        var target = Math.Min(400, (int)(first.Count * 0.8));
        var chosen = first.Where(c => c.IsOpen).Take(target).ToList();
        foreach (var c in first.Where(c => !c.IsOpen).OrderByDescending(c => c.Start).Take(target - chosen.Count))
        {
            var rng = new Rng(seed, 11, c.Index);
            Shape(c, rng, state, today.AddDays(-rng.Next(14, 500)), today, allowClosing: false);
            chosen.Add(c);
        }

        var mine = chosen.Select(c => c.Index).ToHashSet();
        foreach (var c in cases)
        {
            var rng = new Rng(seed, 12, c.Index);
            var team = state.Caseworkers[c.Service];
            c.Caseworker = mine.Contains(c.Index) ? state.FachkraftId
                : c.IsOpen && c.Service == 0 ? team[rng.Next(1, team.Length)]
                : team[rng.Next(team.Length)];
            c.Id = rng.Guid7(c.Start.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc));
            if (c.Closed is { } closed)
            {
                var deletion = RetentionRules.DeletionDate(closed, c.P3 is not null, profile);
                c.Anonymised = deletion <= today ? deletion : null;
            }
        }

        // Case numbers per IFD and year in the order the cases started ("2024-0042").
        foreach (var group in cases.GroupBy(c => (c.Service, c.Start.Year)))
        {
            var n = 0;
            foreach (var c in group.OrderBy(c => c.Start).ThenBy(c => c.Index))
            {
                c.CaseNumber = group.Key.Year.ToString(CultureInfo.InvariantCulture) + "-" + (++n).ToString("D4", CultureInfo.InvariantCulture);
            }
        }

        Distribute(cases, seed, 20, (int)Math.Round(1_000_000 * scale),
            c => c.Anonymised is null ? Math.Pow(Math.Max(7, c.End(today).DayNumber - c.Start.DayNumber), 0.8) : 0, (c, n) => c.Contacts = Math.Max(n, c.Anonymised is null ? 1 : 0));
        Distribute(cases, seed, 21, (int)Math.Round(300_000 * scale),
            c => c.P3 is { } p3 ? 1 + ((c.End(today).DayNumber - p3.DayNumber) / 180.0) : c.P2 is not null ? 1 : 0.3,
            (c, n) => c.Leks = c.Anonymised is null ? Math.Min(n, c.Contacts) : n);
        Distribute(cases, seed, 22, (int)Math.Round(2_000_000 * scale),
            c => c.Anonymised is null ? c.Contacts + 4 : 3, (c, n) => c.Audits = n);

        var anonymised = new DateOnly?[clientCount];
        var firstSeen = new DateOnly[clientCount];
        var kept = new bool[clientCount];
        Array.Fill(firstSeen, DateOnly.MaxValue);
        foreach (var c in cases)
        {
            firstSeen[c.Client] = c.Start < firstSeen[c.Client] ? c.Start : firstSeen[c.Client];
            if (c.Anonymised is { } a)
            {
                anonymised[c.Client] = anonymised[c.Client] is { } b && b > a ? b : a;
            }
            else
            {
                kept[c.Client] = true;
            }
        }

        for (var i = 0; i < clientCount; i++)
        {
            if (kept[i])
            {
                anonymised[i] = null;
            }
        }

        return new Plan
        {
            Seed = seed,
            Today = today,
            State = state,
            ClientCount = clientCount,
            Cases = cases,
            ClientAnonymised = anonymised,
            ClientFirstSeen = firstSeen,
            FachkraftOpenCases = chosen.Count,
        };
    }

    /// <summary>Spreads <paramref name="total"/> over the cases by weight (rounded at random so the sum stays close to the total).</summary>
    private static void Distribute(CasePlan[] cases, int seed, int stream, int total, Func<CasePlan, double> weight, Action<CasePlan, int> set)
    {
        var sum = cases.Sum(weight);
        foreach (var c in cases)
        {
            var exact = sum <= 0 ? 0 : total * weight(c) / sum;
            var n = (int)exact;
            if (new Rng(seed, stream, c.Index).NextDouble() < exact - n)
            {
                n++;
            }

            set(c, n);
        }
    }

    private static readonly (string, double)[] CareTypeMix = [(CareTypes.Retention, 0.6), (CareTypes.Placement, 0.25), (CareTypes.ExpertStatement, 0.15)];
    private static readonly (string, double)[] RetentionBases = [("sgb9-185-2", 0.75), ("sgb9-55-3", 0.05), ("sgb9-196-3", 0.12), ("sgb9-196-3-analog", 0.08)];
    private static readonly (string, double)[] PlacementBases = [("placement-sgb3-sgb2", 0.7), ("reha-196", 0.3)];
    private static readonly (string, double)[] StatementBases = [("fds-ina", 0.6), ("fds-reha", 0.15), ("fds-27-schwbav", 0.15), ("fds-jobcoaching", 0.1)];

    private static readonly (string, double)[] CaseGroups =
        [("support-need", 0.45), ("mental-illness", 0.2), ("workshop-transition", 0.05), ("school-leaver", 0.1), ("not-severely-disabled", 0.12), ("other", 0.08)];

    private static readonly (string, double)[] ReferringBodies =
    [
        ("integration-office", 0.2), ("employment-agency", 0.15), ("jobcenter", 0.1), ("pension-insurance", 0.08), ("employer", 0.15),
        ("representative", 0.08), ("self", 0.1), ("school", 0.04), ("sheltered-workshop", 0.03), ("clinic", 0.04), ("counselling-service", 0.03),
    ];

    private static readonly (string, double)[] RetentionOutcomes =
    [
        ("job-secured", 0.7), ("job-ended-agreement", 0.06), ("job-ended-dismissal-employer", 0.08), ("job-ended-dismissal-employee", 0.04),
        ("job-ended-fixed-term", 0.04), ("job-ended-pension", 0.05), ("other", 0.03),
    ];

    private static readonly (string, double)[] PlacementOutcomes =
    [
        ("permanent-employment", 0.3), ("fixed-term-employment", 0.2), ("apprenticeship", 0.1), ("inclusion-company", 0.05),
        ("sheltered-workshop", 0.03), ("not-placed", 0.32),
    ];

    /// <summary>Care type, legal basis, funder and the phase path from <paramref name="start"/>; the case stays open where the path reaches today.</summary>
    private static void Shape(CasePlan c, Rng rng, State state, DateOnly start, DateOnly today, bool allowClosing)
    {
        c.CareType = allowClosing ? rng.Weighted(CareTypeMix) : rng.Chance(0.7) ? CareTypes.Retention : CareTypes.Placement;
        c.LegalBasis = rng.Weighted(c.CareType == CareTypes.Retention ? RetentionBases : c.CareType == CareTypes.Placement ? PlacementBases : StatementBases);
        c.Funder = c.LegalBasis switch
        {
            "sgb9-185-2" or "sgb9-55-3" or "fds-ina" or "fds-27-schwbav" or "fds-jobcoaching" => state.InaFunder,
            "sgb9-196-3" or "reha-196" or "fds-reha" => rng.Pick(state.RehaFunders),
            _ => rng.Chance(0.5) ? state.Agencies[c.Service] : state.Jobcenters[c.Service],
        };
        c.CaseGroup = rng.Weighted(CaseGroups);
        c.ReferringBody = rng.Weighted(ReferringBodies);
        c.Start = start;
        c.P2 = null;
        c.P3 = null;
        c.Closed = null;
        c.PlannedEnd = null;
        c.ClosingReason = null;
        c.OutcomeCategory = null;

        if (c.IsExpertStatement)
        {
            c.Phase = Phase.FP1;
            var fp3 = start.AddDays(rng.Next(7, 35));
            if (fp3 > today)
            {
                return;
            }

            c.P3 = fp3;
            c.Phase = Phase.FP3;
            var done = fp3.AddDays(rng.Next(20, 120));
            if (done > today)
            {
                return;
            }

            c.Closed = done;
            if (rng.Chance(0.85))
            {
                c.Phase = Phase.FP4;
            }
            else
            {
                c.Phase = Phase.FP5;
                c.ClosingReason = rng.Chance(0.5) ? "client-refuses" : "not-possible";
            }

            return;
        }

        c.Phase = Phase.P1;
        var day = start.AddDays(rng.Next(7, 60));
        var route = rng.NextDouble();
        if (allowClosing && route < 0.12)
        {
            Close(c, rng, day, today, fromCommission: false);
            return;
        }

        if (route < 0.75 || !allowClosing)
        {
            if (day > today)
            {
                return;
            }

            c.P2 = day;
            c.Phase = Phase.P2;
            day = day.AddDays(rng.Next(30, 180));
            if (allowClosing && rng.Chance(0.2))
            {
                Close(c, rng, day, today, fromCommission: false);
                return;
            }
        }

        if (day > today)
        {
            return;
        }

        c.P3 = day;
        c.Phase = Phase.P3;
        var months = c.CareType == CareTypes.Retention ? 12 : 6;
        var end = day.AddDays(c.CareType == CareTypes.Retention ? rng.Next(180, 1000) : rng.Next(90, 540));
        var plannedEnd = day.AddMonths(months);
        var horizon = end < today ? end : today;

        // BA-EXT-01: approved extensions; one case in five waits for its extension beyond the planned end.
        while (plannedEnd < horizon && (end < today || rng.Chance(0.8)))
        {
            plannedEnd = plannedEnd.AddMonths(months);
        }

        c.PlannedEnd = plannedEnd;
        if (allowClosing)
        {
            Close(c, rng, end, today, fromCommission: true);
        }
    }

    private static void Close(CasePlan c, Rng rng, DateOnly on, DateOnly today, bool fromCommission)
    {
        if (on > today)
        {
            return;
        }

        c.Closed = on;
        c.Phase = Phase.P4;
        if (!fromCommission)
        {
            c.ClosingReason = rng.Chance(0.6) ? "no-further-need" : "fulfilled";
            return;
        }

        if (c.CareType == CareTypes.Placement)
        {
            c.OutcomeCategory = rng.Weighted(PlacementOutcomes);
            c.ClosingReason = c.OutcomeCategory == "not-placed" ? "period-expired" : "placement-successful";
        }
        else
        {
            c.OutcomeCategory = rng.Weighted(RetentionOutcomes);
            c.ClosingReason = c.OutcomeCategory == "job-secured" ? rng.Chance(0.5) ? "fulfilled" : "no-further-need" : "retention-failed";
        }
    }
}
