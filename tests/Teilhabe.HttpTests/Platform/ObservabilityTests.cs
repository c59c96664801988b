using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Platform;

/// <summary>Structured logs without personal data, and the storage part of the readiness check.</summary>
public sealed class ObservabilityTests
{
    [Fact]
    public async Task Logs_name_the_requests_but_never_the_personal_data_in_them()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = TeilhabeFactory.With(new TeilhabeFactoryOptions { Logs = logs });
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        const string name = "Zwetschgenbaum";

        using var created = await caseworker.PostAsync("/api/v1/clients", System.Net.Http.Json.JsonContent.Create(new
        {
            lastName = name,
            firstName = "Kunigunde",
            birthDate = "1971-03-09",
            gender = "female",
            nationality = "deutsch",
            address = new { street = "Lindenweg 7", postalCode = "99084", city = "Erfurt" },
        }));
        await created.ExpectAsync(HttpStatusCode.Created);
        using var search = await caseworker.GetAsync($"/api/v1/clients?q={name}");
        await search.ExpectAsync(HttpStatusCode.OK);

        var lines = logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("/api/v1/clients", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(name, StringComparison.OrdinalIgnoreCase)
            || l.Contains("Kunigunde", StringComparison.Ordinal) || l.Contains("Lindenweg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ready_reports_unhealthy_when_the_document_store_cannot_be_written()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("teilhabe-storage-");
        var notAFolder = Path.Combine(folder.FullName, "plain-file");
        await File.WriteAllTextAsync(notAFolder, "not a folder");
        using var factory = TeilhabeFactory.With(new TeilhabeFactoryOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["Teilhabe:Storage:Path"] = notAFolder,
                ["Teilhabe:Storage:KeyFile"] = Path.Combine(folder.FullName, "key.b64"),
            },
        });
        using var client = factory.AnonymousClient();

        using var ready = await client.GetAsync("/health/ready");
        using var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        folder.Delete(recursive: true);
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IEnumerable<string> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => new Capture(this);

        public void Dispose()
        {
        }

        private sealed class Capture(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                    ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}"))
                    : string.Empty;
                owner._lines.Enqueue($"{formatter(state, exception)} {properties} {exception}");
            }
        }
    }
}
