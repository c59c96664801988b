using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Bench.Data;
using Teilhabe.Core.Data;
using Teilhabe.Core.Profiles;
using Teilhabe.Web.Features.Catalogues;
using Teilhabe.Web.Infrastructure;

// Reproducible state-scale data for the benchmark (issue 11). Usage:
//   Teilhabe.Bench.Data --provider Postgres|Sqlite --connection "<cs>" [--scale 1.0] [--seed 42] [--today 2026-11-23] [--results bench/results]
// The target database is dropped and created again with the product's migrations.
var options = ParseArgs(args);
if (options is null)
{
    Console.Error.WriteLine("Aufruf: Teilhabe.Bench.Data --provider Postgres|Sqlite --connection \"<Verbindung>\" [--scale 1.0] [--seed 42] [--today JJJJ-MM-TT] [--results Ordner]");
    return 2;
}

var (provider, connection, scale, seed, today, results) = options.Value;
var total = Stopwatch.StartNew();
var log = Console.Out;
log.WriteLine($"Teilhabe.Bench.Data: {provider}, scale {scale.ToString(CultureInfo.InvariantCulture)}, seed {seed}, today {today:yyyy-MM-dd}");

var dbOptions = new DbContextOptionsBuilder<TeilhabeDbContext>();
DatabaseSetup.Configure(dbOptions, new DatabaseOptions { Provider = provider, ConnectionString = connection }, Directory.GetCurrentDirectory());
var now = new DateTimeOffset(today.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc));
var step = Stopwatch.StartNew();

State state;
Microsoft.EntityFrameworkCore.Metadata.IModel model;
await using (var db = new TeilhabeDbContext(dbOptions.Options, SystemUser.Instance))
{
    db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
    await db.Database.EnsureDeletedAsync();
    await db.Database.MigrateAsync();
    log.WriteLine($"  schema (EF migrations)  {step.Elapsed.TotalSeconds,19:F1} s");
    step.Restart();

    // What the app does at start (DatabaseInitializer): catalogues and roles; then the state's organisations, directory and users.
    await CatalogueSeeder.SeedAsync(db);
    state = await State.CreateAsync(db, seed, now);
    model = db.Model;
    log.WriteLine($"  catalogues, IFDs, users {state.Users,10:N0} users {step.Elapsed.TotalSeconds,5:F1} s");
}

step.Restart();
var plan = Plan.Build(state, seed, scale, today, StateProfiles.Thuringia);
log.WriteLine($"  plan                    {plan.Cases.Length,10:N0} cases {step.Elapsed.TotalSeconds,6:F1} s (bench.fachkraft: {plan.FachkraftOpenCases} open cases)");

ILoadTarget target = provider == DatabaseProvider.Postgres ? new PostgresTarget(connection) : await SqliteTarget.OpenAsync(connection);
var loader = new Loader(plan, model, target, log);
await using (target)
{
    await loader.LoadAsync();
    step.Restart();
    await target.AnalyzeAsync();
    log.WriteLine($"  ANALYZE                 {step.Elapsed.TotalSeconds,19:F1} s");
}

var seconds = Math.Round(total.Elapsed.TotalSeconds, 1);
log.WriteLine($"  total {loader.Rows.Values.Sum(),26:N0} rows {seconds,8:F1} s");

Directory.CreateDirectory(results);
var file = Path.Combine(results, $"load-{provider.ToString().ToLowerInvariant()}.json");
var report = new
{
    provider = provider.ToString(),
    scale,
    seed,
    today = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    rows = loader.Rows,
    tableSeconds = loader.Seconds.ToDictionary(p => p.Key, p => Math.Round(p.Value, 2)),
    seconds,
};
await File.WriteAllTextAsync(file, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
log.WriteLine($"  written {file}");
return 0;

static (DatabaseProvider Provider, string Connection, double Scale, int Seed, DateOnly Today, string Results)? ParseArgs(string[] args)
{
    string? Value(string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    if (!Enum.TryParse<DatabaseProvider>(Value("--provider"), ignoreCase: true, out var provider) || Value("--connection") is not { } connection)
    {
        return null;
    }

    var scale = double.Parse(Value("--scale") ?? "1.0", CultureInfo.InvariantCulture);
    var seed = int.Parse(Value("--seed") ?? "42", CultureInfo.InvariantCulture);
    var today = Value("--today") is { } t ? DateOnly.ParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture) : DateOnly.FromDateTime(DateTime.UtcNow);
    var results = Value("--results") ?? Path.Combine(RepositoryRoot(), "bench", "results");
    return (provider, connection, scale, seed, today, results);
}

// bench/results of the repository this runs in (found from the working directory, else from the binary's folder).
static string RepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Teilhabe.slnx")))
            {
                return dir.FullName;
            }
        }
    }

    return Directory.GetCurrentDirectory();
}
