namespace Teilhabe.Bench;

/// <summary>A target of issue 11 (PostgreSQL, 2 cores): a p95 bound, checked at the given numbers of users.</summary>
public sealed record Target(double P95Ms, int[] CheckedAt, string Text);

public static class Targets
{
    public const double WorkingSetMb = 400;
    public const double StatisticsRatio = 2;

    /// <summary>
    /// The issues name 16 users for the case overview and sections only; the other bounds carry no number of users, so they are checked
    /// both for a single user and at 16 users (64 users is shown as the overload case, unmarked).
    /// </summary>
    public static Target? For(string scenario) => scenario switch
    {
        "case-overview" => new(50, [16], "p95 ≤ 50 ms"),
        _ when scenario.StartsWith("case-", StringComparison.Ordinal) => new(100, [16], "p95 ≤ 100 ms"),
        "client-search-api" or "client-search-page" => new(100, [1, 16], "p95 ≤ 100 ms"),
        "contact-create" => new(100, [1, 16], "p95 ≤ 100 ms"),
        "deadlines-api" or "deadlines-page" => new(150, [1, 16], "p95 ≤ 150 ms"),
        "statistics" => new(2000, [1, 16], "p95 ≤ 2 s"),
        "report-pdf" => new(300, [1, 16], "p95 ≤ 300 ms"),
        _ => null,
    };
}
