namespace Teilhabe.Bench;

/// <summary>The targets of issue 11 (PostgreSQL, 2 cores): a p95 bound at a number of users.</summary>
public sealed record Target(double P95Ms, int AtUsers, string Text);

public static class Targets
{
    public const double WorkingSetMb = 400;
    public const double StatisticsRatio = 2;

    /// <summary>The case page's 16 users are given by the issue; the other page targets are checked at the same 16 users,
    /// the state statistics (one InA coordination per state) at 1 user.</summary>
    public static Target? For(string scenario) => scenario switch
    {
        "case-page" => new(50, 16, "p95 ≤ 50 ms @16"),
        "client-search-api" or "client-search-page" => new(100, 16, "p95 ≤ 100 ms @16"),
        "contact-create" => new(100, 16, "p95 ≤ 100 ms @16"),
        "deadlines-api" or "deadlines-page" => new(150, 16, "p95 ≤ 150 ms @16"),
        "statistics" => new(2000, 1, "p95 ≤ 2 s @1, ≤ 2× SQL"),
        "report-pdf" => new(300, 16, "p95 ≤ 300 ms @16"),
        _ => null,
    };
}
