using System.Text.Json.Serialization;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Statistics;

namespace Teilhabe.Web.Features.Statistics;

/// <summary>Exact counts by gender, as the database returned them (never leaves the service unpublished).</summary>
internal sealed class Tally
{
    public int Female { get; set; }
    public int Male { get; set; }
    public int Diverse { get; set; }
    public int Unknown { get; set; }
    public int Total => Female + Male + Diverse + Unknown;

    public void Add(Gender gender, int n)
    {
        switch (gender)
        {
            case Gender.Female: Female += n; break;
            case Gender.Male: Male += n; break;
            case Gender.Diverse: Diverse += n; break;
            default: Unknown += n; break;
        }
    }

    public void Add(Tally other)
    {
        Female += other.Female;
        Male += other.Male;
        Diverse += other.Diverse;
        Unknown += other.Unknown;
    }
}

/// <summary>API.md <c>C = { total, female, male, diverse, unknown }</c>; a suppressed cell (STAT-02) is written as null.</summary>
internal sealed record Count(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Total,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Female,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Male,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Diverse,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Unknown)
{
    /// <summary>STAT-02: in a publication small cells are suppressed, and with them whatever would let the total give them away.</summary>
    public static Count Of(Tally t, bool publication, int minimumCell)
        => publication ? From(CellSuppression.Publish([Row(t)], minimumCell, balance: false)[0]) : From([.. Row(t).Select(v => (int?)v)]);

    public static int[] Row(Tally t) => [t.Total, t.Female, t.Male, t.Diverse, t.Unknown];

    public static Count From(int?[] cells) => new(cells[0], cells[1], cells[2], cells[3], cells[4]);

    /// <summary>The cells in the column order of the tables and exports.</summary>
    public IEnumerable<int?> Cells() => [Total, Female, Male, Diverse, Unknown];
}

/// <summary>API.md <c>G</c>: start stock, entries, exits, end stock of one group.</summary>
internal sealed record GroupFigures(Count StartStock, Count Entries, Count Exits, Count EndStock)
{
    /// <summary>
    /// STAT-02 with STAT-01's balance: in a publication neither a gender's total nor the balance
    /// (start + entries − exits = end) may give a suppressed cell away.
    /// </summary>
    public static GroupFigures Of(Tally start, Tally entries, Tally exits, Tally end, bool publication, int minimumCell)
    {
        if (!publication)
        {
            return new(Count.Of(start, false, minimumCell), Count.Of(entries, false, minimumCell), Count.Of(exits, false, minimumCell), Count.Of(end, false, minimumCell));
        }

        var cells = CellSuppression.Publish([Count.Row(start), Count.Row(entries), Count.Row(exits), Count.Row(end)], minimumCell, balance: true);
        return new(Count.From(cells[0]), Count.From(cells[1]), Count.From(cells[2]), Count.From(cells[3]));
    }
}

/// <summary>One counted row of a list: a stable code, its German label, the counts.</summary>
internal sealed record CountRow(string Code, string Label, Count Count)
{
    /// <summary>
    /// STAT-02 for a whole list of exact rows: in a publication small cells are suppressed, and with them whatever the
    /// row totals or the column totals (the cases or LEKs the list divides) would give away.
    /// </summary>
    public static List<CountRow> Publish(List<CountRow> exact, bool publication, int minimumCell)
    {
        if (!publication || exact.Count == 0)
        {
            return exact;
        }

        var cells = CellSuppression.PublishTable([.. exact.Select(r => r.Count.Cells().Select(v => v!.Value).ToArray())], minimumCell);
        return [.. exact.Select((r, i) => r with { Count = Count.From(cells[i]) })];
    }
}

/// <summary>STAT-01: share of closed Sicherungen (care type retention, P3 → P4 in the period) with the job secured.</summary>
internal sealed record SecuredShare(
    Count Secured,
    Count Closed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Percent);

/// <summary>The annual statistics of API.md (STAT-01) for one scope and period.</summary>
internal sealed record AnnualStatistics(
    DateOnly From,
    DateOnly To,
    Guid? ServiceId,
    bool Public,
    Dictionary<string, GroupFigures> Groups,
    List<CountRow> Outcomes,
    Dictionary<string, List<CountRow>> Breakdowns,
    List<CountRow> Leks,
    SecuredShare SecuredShare);

/// <summary>One IFD's group figures in the per-IFD comparison of InA-Koordination.</summary>
internal sealed record ServiceComparison(Guid ServiceId, string Name, Dictionary<string, GroupFigures> Groups);

internal sealed record ServiceComparisonResult(DateOnly From, DateOnly To, bool Public, List<ServiceComparison> Services);

/// <summary>The names and German titles of the breakdowns (API.md <c>breakdowns</c>).</summary>
internal static class BreakdownNames
{
    public const string PersonGroup = "personGroup";
    public const string DisabilityType = "disabilityType";
    public const string DisabilityStatus = "disabilityStatus";
    public const string FunderGroup = "funderGroup";
    public const string ReferringBody = "referringBody";
    public const string CareType = "careType";
    public const string AgeGroup = "ageGroup";
    public const string SecuredMeasures = "securedMeasures";
    public const string LekFunder = "lekFunder";

    public static readonly IReadOnlyList<string> All =
        [PersonGroup, DisabilityType, DisabilityStatus, FunderGroup, ReferringBody, CareType, AgeGroup, SecuredMeasures, LekFunder];

    public static string German(string name) => name switch
    {
        PersonGroup => "Personengruppe (Stellung im Erwerbsleben)",
        DisabilityType => "Art der Beeinträchtigung (betreuungsrelevante Behinderung)",
        DisabilityStatus => "Status der Behinderung",
        FunderGroup => "Auftraggebergruppe (nach gesetzlicher Grundlage)",
        ReferringBody => "Einleitende Stelle",
        CareType => "Betreuungsart",
        AgeGroup => "Altersgruppe (Alter am ersten Tag des Zeitraums)",
        SecuredMeasures => "Maßnahmen gesicherter Arbeitsverhältnisse (LEK der gesicherten Fälle)",
        LekFunder => "LEK nach Leistungsträger",
        _ => name,
    };

    public static string GroupGerman(string code) => code switch
    {
        "P2" => "Qualifizierte Beratung (P2)",
        "P3" => "Beauftragung (P3)",
        _ => "Fachdienstliche Stellungnahmen (FDS)",
    };
}

/// <summary>The model of the partial _CountTable: one figure table with its caption.</summary>
internal sealed record CountTable(string Caption, string RowHeader, IReadOnlyList<(string Label, Count Count)> Rows);
