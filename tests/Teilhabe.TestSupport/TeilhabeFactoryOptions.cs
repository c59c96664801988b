namespace Teilhabe.TestSupport;

/// <summary>How a <see cref="TeilhabeFactory"/> starts the app; the defaults suit almost every test.</summary>
public sealed record TeilhabeFactoryOptions
{
    /// <summary>ASPNETCORE_ENVIRONMENT of the app under test.</summary>
    public string Environment { get; init; } = "Testing";

    /// <summary>High by default so that setting up users never trips the login limiter.</summary>
    public int LoginPermitsPerMinute { get; init; } = 10_000;

    /// <summary>Replace the app's TimeProvider with <see cref="TeilhabeFactory.Clock"/>; off to test the app's own clock setup.</summary>
    public bool FakeClock { get; init; } = true;

    /// <summary>Listen on a real 127.0.0.1 port (Kestrel) instead of the in-memory test server, for the browser.</summary>
    public bool RealServer { get; init; }

    /// <summary>Receives every log event of the app (the product logs through Serilog, which forwards to it).</summary>
    public Microsoft.Extensions.Logging.ILoggerProvider? Logs { get; init; }

    /// <summary>Replaces app services for this factory (e.g. a recording IMailSender), applied after the app's own.</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Services { get; init; }

    /// <summary>Further configuration keys, e.g. "Teilhabe:Clock:FixedDate".</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
}
