using System.Globalization;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Reports;

namespace Teilhabe.Web.Features.Reports;

/// <summary>Everything a report shows, gathered by <see cref="ReportService"/> (labels already resolved).</summary>
internal sealed record ReportInput
{
    public required ReportKind Kind { get; init; }
    public required Case Case { get; init; }
    public required string ClientName { get; init; }
    public required DateOnly ClientBirthDate { get; init; }
    public required string ServiceName { get; init; }
    public required string CaseworkerName { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
    public string? FunderName { get; init; }
    public string? LegalBasis { get; init; }
    public string? CareType { get; init; }
    public string? ClosingReason { get; init; }
    public string? OutcomeCategory { get; init; }

    /// <summary>Proof of disability: "Feststellungsbescheid vom …, GdB 50".</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>Disabilities: (category, description, care-relevant).</summary>
    public IReadOnlyList<(string Category, string Description, bool CareRelevant)> Disabilities { get; init; } = [];

    public IReadOnlyList<CaseGoal> Goals { get; init; } = [];

    /// <summary>Topics worked on with the dates of their first and last contact.</summary>
    public IReadOnlyList<(string Label, DateOnly From, DateOnly To)> Topics { get; init; } = [];

    /// <summary>Valid LEKs with their dates (LEK-02).</summary>
    public IReadOnlyList<(string Label, DateOnly? Start, DateOnly? End)> Outcomes { get; init; } = [];

    /// <summary>Phase history: (from, to, on, reason label).</summary>
    public IReadOnlyList<(Phase From, Phase To, DateOnly On, string? Reason)> History { get; init; } = [];

    /// <summary>A Qualifizierte Beratung: the case never reached a commission (REP-01 Endbericht for a QB).</summary>
    public bool IsCounselling => Case.CommissionStart is null && History.Any(h => h.To == Phase.P2);
}

/// <summary>
/// REP-01: composes the content of each kind of report from the case. The ToDo field is never read here (REP-02).
/// </summary>
internal static class ReportComposer
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static ReportDocument Compose(ReportInput input)
    {
        var c = input.Case;
        var t = c.Texts;
        var blocks = new List<ReportBlock>
        {
            new ReportHeading("Angaben zur Person und zum Auftrag"),
            new ReportTable(
            [
                ("Klientin / Klient", input.ClientName),
                ("Geburtsdatum", Date(input.ClientBirthDate)),
                ("Aktenzeichen", c.CaseNumber),
                ("Auftraggeber", input.FunderName ?? "–"),
                ("Gesetzliche Grundlage", input.LegalBasis ?? "–"),
                ("Betreuungsart", input.CareType ?? "–"),
                ("Zuständige Fachkraft", input.CaseworkerName),
                ("Beginn", Date(c.StartDate)),
                ("Beauftragt seit", Date(c.CommissionStart)),
                ("Aktuelle Phase", PhaseLabels.German(c.Phase) + " seit " + Date(c.PhaseSince)),
            ]),
            new ReportHeading("Behinderung"),
        };

        var disability = new List<(string, string)>();
        disability.AddRange(input.Evidence.Select(e => ("Nachweis", e)));
        disability.AddRange(input.Disabilities.Select(d => (d.Category + (d.CareRelevant ? " (betreuungsrelevant)" : string.Empty), d.Description)));
        blocks.Add(disability.Count == 0 ? new ReportParagraph("Keine Angaben.") : new ReportTable(disability));

        switch (input.Kind)
        {
            case ReportKind.InitialCounselling:
                if (!string.IsNullOrWhiteSpace(t.Concern))
                {
                    Section(blocks, "Anliegen", t.Concern);
                }

                Section(blocks, "Geplante Inhalte und Maßnahmen", t.PlannedContents);
                break;
            case ReportKind.InitialCare:
                Section(blocks, "Auswirkung der Behinderung auf die Teilhabe am Arbeitsleben", t.DisabilityImpact);
                GoalAgreement(blocks, input, rated: false);
                Section(blocks, "Ergänzungen", t.Supplements);
                break;
            case ReportKind.Progress:
                Section(blocks, "Sachstand / Begründung zur Verlängerung", t.Progress);
                GoalAgreement(blocks, input, rated: false);
                Work(blocks, input);
                break;
            case ReportKind.Final:
                Section(blocks, "Sachstand zur Abmeldung / Ergebnis", t.ClosingResult);
                if (input.ClosingReason is not null || input.OutcomeCategory is not null)
                {
                    blocks.Add(new ReportTable(
                    [
                        ("Grund der Abmeldung", input.ClosingReason ?? "–"),
                        ("Ergebnis (Statistik)", input.OutcomeCategory ?? "–"),
                        ("Abgemeldet am", Date(c.ClosedOn)),
                    ]));
                }

                if (input.Goals.Count > 0)
                {
                    GoalAgreement(blocks, input, rated: true);
                }

                Work(blocks, input);
                break;
        }

        blocks.Add(new ReportHeading("Verlauf der Phasen"));
        blocks.Add(input.History.Count == 0
            ? new ReportParagraph("Seit Beginn in " + PhaseLabels.German(c.Phase) + ".")
            : new ReportTable([.. input.History.Select(h => (Date(h.On), $"{PhaseLabels.German(h.From)} → {PhaseLabels.German(h.To)}" + (h.Reason is null ? string.Empty : $" ({h.Reason})")))]));

        return new ReportDocument(ReportKinds.Title(input.Kind), input.ServiceName, c.CaseNumber, input.GeneratedAt, blocks);
    }

    private static void Section(List<ReportBlock> blocks, string heading, string? text)
    {
        blocks.Add(new ReportHeading(heading));
        blocks.Add(new ReportParagraph(string.IsNullOrWhiteSpace(text) ? "–" : text.Trim()));
    }

    /// <summary>REP-01 Zielvereinbarung; in the Endbericht every goal with its rating (REP-05).</summary>
    private static void GoalAgreement(List<ReportBlock> blocks, ReportInput input, bool rated)
    {
        blocks.Add(new ReportHeading(rated ? "Zielerreichung" : "Zielvereinbarung"));
        if (!string.IsNullOrWhiteSpace(input.Case.Texts.GoalAgreement))
        {
            blocks.Add(new ReportParagraph(input.Case.Texts.GoalAgreement.Trim()));
        }

        var n = 0;
        foreach (var g in input.Goals)
        {
            n++;
            blocks.Add(new ReportHeading($"Ziel {n}: {g.Goal}", 2));
            var rows = new List<(string, string)>
            {
                ("Teilziele", g.SubGoals ?? "–"),
                ("Aktivitäten", g.Activities ?? "–"),
                ("Zeitrahmen", g.DueDate is null ? "–" : "bis " + Date(g.DueDate)),
                ("Ressourcen", g.Resources ?? "–"),
                ("Wer macht was", g.Responsible ?? "–"),
            };
            if (rated && g.Rating is { } rating)
            {
                rows.Add(("Bewertung", GoalRatings.Label(rating)));
                rows.Add(("Begründung", g.RatingExplanation ?? "–"));
            }

            blocks.Add(new ReportTable(rows));
        }

        if (n == 0 && string.IsNullOrWhiteSpace(input.Case.Texts.GoalAgreement))
        {
            blocks.Add(new ReportParagraph("Keine Ziele erfasst."));
        }
    }

    /// <summary>REP-01: topics worked on and LEKs delivered, listed automatically from the contacts.</summary>
    private static void Work(List<ReportBlock> blocks, ReportInput input)
    {
        blocks.Add(new ReportHeading("Bearbeitete Themen"));
        blocks.Add(input.Topics.Count == 0
            ? new ReportParagraph("Keine Themen dokumentiert.")
            : new ReportTable([.. input.Topics.Select(x => (x.Label, x.From == x.To ? Date(x.From) : $"{Date(x.From)} bis {Date(x.To)}"))]));
        blocks.Add(new ReportHeading("Erbrachte Leistungen und Ergebnisse (LEK)"));
        blocks.Add(input.Outcomes.Count == 0
            ? new ReportParagraph("Keine LEK dokumentiert.")
            : new ReportTable([.. input.Outcomes.Select(o => (o.Label, o.Start is null ? "ohne Startdatum" : $"{Date(o.Start)} bis {Date(o.End)}"))]));
    }

    private static string Date(DateOnly? d) => d?.ToString("dd.MM.yyyy", German) ?? "–";
}
