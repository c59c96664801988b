using System.Globalization;

namespace Teilhabe.Bench;

/// <summary>Command line of the runner (bench/run.sh passes all of it; see bench/README.md).</summary>
public sealed class BenchOptions
{
    public string Mode { get; private set; } = "run";
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1:5080");
    public string Provider { get; private set; } = "Sqlite";
    public string? Connection { get; private set; }
    public int? AppPid { get; private set; }
    public double Scale { get; private set; } = 1.0;
    public string ResultsDir { get; private set; } = "bench/results";
    public string Logins { get; private set; } = "bench";
    public double WarmupSeconds { get; private set; } = 2;
    public double DurationSeconds { get; private set; } = 10;
    public int[] Users { get; private set; } = [1, 16, 64];
    public string Date { get; private set; } = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public string? Only { get; private set; }
    public string? TrustedCertificate { get; private set; }

    /// <summary>User levels of the state statistics (seconds per request: 64 concurrent ones would take minutes).</summary>
    public int[]? StatisticsUsers { get; private set; }

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        var i = 0;
        if (args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal))
        {
            o.Mode = args[0];
            i = 1;
        }

        for (; i < args.Length; i++)
        {
            var key = args[i];
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"Missing value for {key}");
            i++;
            switch (key)
            {
                case "--url": o.BaseUrl = new Uri(value); break;
                case "--provider": o.Provider = value; break;
                case "--connection": o.Connection = value; break;
                case "--pid": o.AppPid = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--scale": o.Scale = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--results": o.ResultsDir = value; break;
                case "--logins": o.Logins = value; break;
                case "--warmup": o.WarmupSeconds = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--duration": o.DurationSeconds = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--users": o.Users = [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))]; break;
                case "--date": o.Date = value; break;
                case "--only": o.Only = value; break;
                case "--trust-cert": o.TrustedCertificate = value; break;
                case "--statistics-users": o.StatisticsUsers = [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))]; break;
                default: throw new ArgumentException($"Unknown option {key}");
            }
        }

        return o;
    }

    /// <summary>The logins of the contract (bench data) or of the demo database (scripts/demo.sh).</summary>
    public (string Caseworker, string Coordinator, string Password) Accounts => Logins switch
    {
        "demo" => ("fachkraft.erfurt", "ina.koordination", "Demo#Teilhabe1"),
        _ => ("bench.fachkraft", "bench.ina", "Bench#Teilhabe1"),
    };
}
