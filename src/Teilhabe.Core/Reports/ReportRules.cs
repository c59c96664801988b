using Teilhabe.Core.Cases;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Reports;

/// <summary>What the report rules need to know about a case, gathered by the caller.</summary>
public sealed record ReportFacts
{
    public required Case Case { get; init; }
    public required IReadOnlyList<CaseGoal> Goals { get; init; }

    /// <summary>PH-P3-01 / STAT-01: the statistically required fields still missing (<see cref="StatisticalFields"/>).</summary>
    public IReadOnlyList<StatisticalFields.Field> MissingStatistics { get; init; } = [];

    /// <summary>LEK-03: valid LEKs of the case without start date (catalogue labels).</summary>
    public IReadOnlyList<string> OutcomesWithoutStartDate { get; init; } = [];

    /// <summary>CT-01: contacts of the case not linked to any LEK (their dates).</summary>
    public IReadOnlyList<DateOnly> ContactsWithoutOutcome { get; init; } = [];

    /// <summary>CT-01: contacts of the case without topic (their dates).</summary>
    public IReadOnlyList<DateOnly> ContactsWithoutTopic { get; init; } = [];
}

/// <summary>REP-01, REP-05, REP-06 and REP-07 as pure functions; pages, API and the P4 move ask them the same way.</summary>
public static class ReportRules
{
    /// <summary>REP-01 / REP-05: what refuses the report (every violation at once, field = API field name).</summary>
    public static IReadOnlyList<RuleViolation> Violations(ReportKind kind, ReportFacts facts)
    {
        var t = facts.Case.Texts;
        var v = new List<RuleViolation>();
        void Require(string? value, string field, string label)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                v.Add(new("REP-01", $"Für den {ReportKinds.Title(kind)} ist das Feld „{label}“ auszufüllen.", field));
            }
        }

        switch (kind)
        {
            case ReportKind.InitialCounselling:
                Require(t.PlannedContents, "plannedContents", "Geplante Inhalte und Maßnahmen");
                break;
            case ReportKind.InitialCare:
                Require(t.DisabilityImpact, "disabilityImpact", "Auswirkung der Behinderung auf die Teilhabe am Arbeitsleben");
                if (string.IsNullOrWhiteSpace(t.GoalAgreement) && facts.Goals.Count == 0)
                {
                    v.Add(new("REP-01", "Für den Anfangsbericht Betreuung ist die Zielvereinbarung anzugeben (Ziele und Teilziele, Aktivitäten, Zeitrahmen, Ressourcen, wer was tut).", "goalAgreement"));
                }

                Require(t.Supplements, "supplements", "Ergänzungen (auch „keine Ergänzungen“)");
                break;
            case ReportKind.Progress:
                Require(t.Progress, "progress", "Sachstand / Begründung zur Verlängerung");
                break;
            case ReportKind.Final:
                Require(t.ClosingResult, "closingResult", "Sachstand zur Abmeldung / Ergebnis");
                v.AddRange(UnratedGoals(facts.Goals));
                break;
        }

        return v;
    }

    /// <summary>REP-05: for a case with goals, the Endbericht needs every goal rated.</summary>
    public static IReadOnlyList<RuleViolation> UnratedGoals(IReadOnlyList<CaseGoal> goals)
        => [.. goals.Where(g => !g.IsRated).Select(g => new RuleViolation("REP-05", $"Das Ziel „{g.Goal}“ ist noch nicht bewertet (erreicht / teilweise erreicht / nicht erreicht mit kurzer Begründung).", $"goals/{g.Id}"))];

    /// <summary>REP-07: the open corrections listed before any report (they do not refuse it; corrections first, then the report).</summary>
    public static IReadOnlyList<RuleViolation> Corrections(ReportFacts facts)
    {
        var v = new List<RuleViolation>();
        v.AddRange(facts.MissingStatistics.Select(f => new RuleViolation("REP-07", $"Statistische Angabe fehlt: {f.Label}.", f.Key)));
        v.AddRange(facts.OutcomesWithoutStartDate.Select(o => new RuleViolation("REP-07", $"LEK ohne Startdatum: {o} (LEK-03).", "outcomes")));
        v.AddRange(facts.ContactsWithoutOutcome.Select(d => new RuleViolation("REP-07", $"Kontakt vom {d:dd.MM.yyyy} ist noch keiner LEK zugeordnet.", "contacts")));
        v.AddRange(facts.ContactsWithoutTopic.Select(d => new RuleViolation("REP-07", $"Kontakt vom {d:dd.MM.yyyy} hat noch kein Thema.", "contacts")));
        return v;
    }

    /// <summary>
    /// REP-06 (profile rule, off in TH): a Zwischenbericht is due once a Beauftragung runs longer than
    /// <see cref="StateProfile.InterimReportMonths"/> months, then yearly after the last one. Null when the
    /// rule is off, the case has no commission start, or it is closed.
    /// </summary>
    public static DateOnly? NextInterimReportDue(StateProfile profile, DateOnly? commissionStart, DateOnly? closedOn, IEnumerable<DateOnly> interimReportDays)
    {
        if (profile.InterimReportMonths is not { } months || commissionStart is not { } start || closedOn is not null)
        {
            return null;
        }

        var first = start.AddMonths(months);

        // A report counts for a due date when it was produced at most one month before it.
        var last = interimReportDays.Where(d => d >= first.AddMonths(-1)).Select(d => (DateOnly?)d).Max();
        if (last is null)
        {
            return first;
        }

        // Then yearly: the next due date after the last report's period.
        var due = first;
        while (due.AddMonths(-1) <= last)
        {
            due = due.AddMonths(12);
        }

        return due;
    }
}
