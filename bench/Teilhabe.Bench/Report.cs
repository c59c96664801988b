using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Teilhabe.Bench;

public sealed record ScenarioInfo(string Key, string Title, string How);

public sealed record SetupInfo(int OpenCases, int ContactTargets, int ReportCases, string? ReportKind, int SearchHitsMueller, int StatisticsYear);

public sealed record RunResult(
    string Provider, double Scale, string Date, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, int Cores, string? LoadAverageAtEnd,
    double WarmupSeconds, double DurationSeconds, List<ScenarioInfo> Scenarios, SetupInfo Setup, List<LevelResult> Results,
    double? MemoryMaxMb, double? MemoryEndMb, double? HandSqlMedianMs, IReadOnlyList<double>? HandSqlRunsMs, string? HandSqlCheck);

/// <summary>Writes bench/results/&lt;date&gt;-&lt;provider&gt;.json and .md, and latest.md from the newest run of each provider.</summary>
public static class Report
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static void Write(BenchOptions o, RunResult run)
    {
        Directory.CreateDirectory(o.ResultsDir);
        var stem = Path.Combine(o.ResultsDir, $"{o.Date}-{run.Provider.ToLowerInvariant()}");
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(run, Json));
        File.WriteAllText(stem + ".md", $"# Teilhabe bench, {run.Provider}, {run.Date}\n\n" + Table(run));
        Console.WriteLine($"wrote {stem}.json and .md");
    }

    public static void WriteLatest(BenchOptions o)
    {
        var runs = new List<RunResult>();
        foreach (var provider in new[] { "postgres", "sqlite" })
        {
            // The newest run of the provider up to this date: a run of one provider keeps the other's last table.
            var file = Directory.Exists(o.ResultsDir)
                ? Directory.GetFiles(o.ResultsDir, $"????-??-??-{provider}.json")
                    .Where(f => string.CompareOrdinal(Path.GetFileName(f)[..10], o.Date) <= 0)
                    .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
                    .LastOrDefault()
                : null;
            if (file is not null)
            {
                runs.Add(JsonSerializer.Deserialize<RunResult>(File.ReadAllText(file), Json)!);
            }
        }

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Teilhabe bench — latest run per provider ({string.Join(", ", runs.Select(r => $"{r.Provider} {r.Date}"))})\n\n");
        sb.Append("Targets of issue 11 apply to PostgreSQL on 2 cores; SQLite is shown for comparison with the same marks. ");
        sb.Append("The machine is shared with other builds, so absolute numbers are noisy (load average at the end of each run is given).\n\n");
        if (runs.FirstOrDefault(r => r.Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase)) is { } pg)
        {
            sb.Append("## Targets (PostgreSQL)\n\n").Append(TargetSummary(pg)).Append('\n');
        }

        foreach (var run in runs)
        {
            sb.Append(CultureInfo.InvariantCulture, $"## {run.Provider}\n\n").Append(Table(run)).Append('\n');
        }

        Directory.CreateDirectory(o.ResultsDir);
        File.WriteAllText(Path.Combine(o.ResultsDir, "latest.md"), sb.ToString());
        Console.WriteLine($"wrote {Path.Combine(o.ResultsDir, "latest.md")}");
    }

    private static string F(double v) => double.IsNaN(v) ? "–" : v.ToString(v >= 100 ? "F0" : "F1", CultureInfo.InvariantCulture);

    private static string Mark(bool ok) => ok ? "✓" : "✗";

    private static double TrivialThroughput(RunResult run, int users)
        => run.Results.FirstOrDefault(r => r.Scenario == "health" && r.Users == users)?.Throughput ?? double.NaN;

    private static string Title(RunResult run, string key) => run.Scenarios.FirstOrDefault(s => s.Key == key)?.Title ?? key;

    /// <summary>The row of a scenario at a number of users and whether it meets the target (no errors allowed either).</summary>
    private static (LevelResult? Row, bool Ok) Check(RunResult run, string key, int users)
    {
        var target = Targets.For(key);
        var row = target is null ? null : run.Results.FirstOrDefault(r => r.Scenario == key && r.Users == users);
        return (row, row is not null && target is not null && row.P95 <= target.P95Ms && row.Errors == 0);
    }

    private static double? StatisticsRatio(RunResult run)
    {
        var one = run.Results.FirstOrDefault(r => r.Scenario == "statistics" && r.Users == 1);
        return one is null || run.HandSqlMedianMs is not { } sql || sql <= 0 ? null : one.P50 / sql;
    }

    public static string TargetSummary(RunResult run)
    {
        var sb = new StringBuilder("| target | 1 user | 16 users |\n|---|---|---|\n");
        string Cell(string key, int users)
        {
            if (!Targets.For(key)!.CheckedAt.Contains(users))
            {
                return "(not a target)";
            }

            var (row, ok) = Check(run, key, users);
            return row is null ? "–" : $"p95 {F(row.P95)} ms{(row.Errors > 0 ? $", {row.Errors} errors" : string.Empty)} {Mark(ok)}";
        }

        foreach (var key in run.Scenarios.Select(s => s.Key).Where(k => Targets.For(k) is not null))
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {Title(run, key)}: {Targets.For(key)!.Text} | {Cell(key, 1)} | {Cell(key, 16)} |\n");
        }

        if (StatisticsRatio(run) is { } ratio)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"| Jahresstatistik Land ≤ 2× hand-written SQL | app p50 / SQL median {F(run.HandSqlMedianMs!.Value)} ms = {ratio.ToString("F1", CultureInfo.InvariantCulture)}× {Mark(ratio <= Targets.StatisticsRatio)} | |\n");
        }

        if (run.MemoryMaxMb is { } max)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| Working set ≤ 400 MB (whole run, up to 64 users) | max {F(max)} MB, at end {F(run.MemoryEndMb ?? double.NaN)} MB {Mark(max <= Targets.WorkingSetMb)} | |\n");
        }

        return sb.ToString();
    }

    public static string Table(RunResult run)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"Scale {run.Scale.ToString(CultureInfo.InvariantCulture)}, {run.StartedAt:yyyy-MM-dd HH:mm}–{run.FinishedAt:HH:mm} UTC, {run.Cores} cores, load average at end {run.LoadAverageAtEnd ?? "?"}; ");
        sb.Append(CultureInfo.InvariantCulture,
            $"each level {run.WarmupSeconds.ToString(CultureInfo.InvariantCulture)} s warm-up + {run.DurationSeconds.ToString(CultureInfo.InvariantCulture)} s measured, closed loop. ");
        sb.Append(CultureInfo.InvariantCulture,
            $"Setup: {run.Setup.OpenCases} open cases visible to the caseworker, {run.Setup.ContactTargets} cases for contacts, report kind {run.Setup.ReportKind ?? "–"} on {run.Setup.ReportCases} cases, search \"Müller\" {run.Setup.SearchHitsMueller} hits, statistics year {run.Setup.StatisticsYear}.\n\n");
        sb.Append("| scenario | users | p50 ms | p95 ms | p99 ms | req/s | × trivial | errors | RSS max MB | target | |\n");
        sb.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        foreach (var r in run.Results)
        {
            var target = Targets.For(r.Scenario);
            var marked = target is not null && target.CheckedAt.Contains(r.Users);
            var check = marked ? Mark(r.P95 <= target!.P95Ms && r.Errors == 0) : string.Empty;
            var trivial = TrivialThroughput(run, r.Users);
            var ratio = r.Scenario == "health" || double.IsNaN(trivial) || trivial <= 0 ? "1" : (r.Throughput / trivial).ToString("0.000", CultureInfo.InvariantCulture);
            sb.Append(CultureInfo.InvariantCulture,
                $"| {Title(run, r.Scenario)} | {r.Users} | {F(r.P50)} | {F(r.P95)} | {F(r.P99)} | {F(r.Throughput)} | {ratio} | {r.Errors}/{r.Requests} | {(r.MemoryMaxMb is { } m ? F(m) : "–")} | {(marked ? target!.Text : string.Empty)} | {check} |\n");
        }

        sb.Append('\n');
        if (run.HandSqlMedianMs is { } sql)
        {
            var ratio = StatisticsRatio(run);
            sb.Append(CultureInfo.InvariantCulture,
                $"Hand-written statistics SQL (one statement, all sections): median {F(sql)} ms of {run.HandSqlRunsMs?.Count ?? 0} runs; app p50 at 1 user / SQL = {(ratio is { } x ? x.ToString("F1", CultureInfo.InvariantCulture) : "–")}× (target ≤ 2×) {(ratio is { } y ? Mark(y <= Targets.StatisticsRatio) : string.Empty)}. {run.HandSqlCheck}\n\n");
        }

        if (run.MemoryMaxMb is { } max)
        {
            sb.Append(CultureInfo.InvariantCulture, $"App working set (VmRSS): max {F(max)} MB during the run, {F(run.MemoryEndMb ?? double.NaN)} MB at the end (target ≤ 400 MB) {Mark(max <= Targets.WorkingSetMb)}.\n\n");
        }

        sb.Append("How each scenario is measured:\n\n");
        foreach (var s in run.Scenarios)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- {s.Title}: `{s.How}`\n");
        }

        var errors = run.Results.Where(r => r.ErrorSamples.Count > 0).ToList();
        if (errors.Count > 0)
        {
            sb.Append("\nError samples:\n\n");
            foreach (var r in errors)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- {r.Scenario} @{r.Users}: {string.Join("; ", r.ErrorSamples.Take(2))}\n");
            }
        }

        return sb.ToString();
    }
}
