using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Teilhabe.Web.Features.Documents;

namespace Teilhabe.Web.Infrastructure;

/// <summary>
/// Structured logs (Serilog), traces and metrics (OpenTelemetry) and the storage health check.
/// Log messages carry identifiers (case, user, request path) but never personal data: request logging writes the
/// path without its query string (a client search puts names there), and the product logs no field values.
/// OTLP export starts only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
/// </summary>
internal static class Observability
{
    public const string ServiceName = "teilhabe";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var json = config.GetValue($"{TeilhabeOptions.Section}:Logging:Json", false);
        // Serilog is the one pipeline (no second console provider).
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(
            (services, logger) =>
            {
                // Defaults first; the "Serilog" configuration section may override them.
                logger.MinimumLevel.Information()
                    .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                    .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                    .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                    .ReadFrom.Configuration(config)
                    .Enrich.FromLogContext()
                    .WriteTo.Providers(ForwardedProviders(services))
                    .Enrich.WithProperty("Application", ServiceName);
                if (json)
                {
                    logger.WriteTo.Console(new RenderedCompactJsonFormatter());
                }
                else
                {
                    logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
                }
            },
            preserveStaticLogger: true);

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: typeof(Observability).Assembly.GetName().Version?.ToString()))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql"));
        if (!string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }

        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
        return builder;
    }

    /// <summary>Logger providers registered as services (e.g. by tests or hosting environments) receive every Serilog event too.</summary>
    private static Serilog.Extensions.Logging.LoggerProviderCollection ForwardedProviders(IServiceProvider services)
    {
        var collection = new Serilog.Extensions.Logging.LoggerProviderCollection();
        var others = services.GetServices<Microsoft.Extensions.Logging.ILoggerProvider>()
            .Where(p => p.GetType().Namespace?.StartsWith("Serilog", StringComparison.Ordinal) != true);
        foreach (var provider in others)
        {
            collection.AddProvider(provider);
        }

        return collection;
    }

    /// <summary>One log line per request with method, path (never the query string: a client search puts names there), status and duration.</summary>
    public static WebApplication UseObservability(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Teilhabe.Requests");
        app.Use(async (http, next) =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                await next(http);
            }
            finally
            {
                if (!http.Request.Path.StartsWithSegments("/health"))
                {
                    var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    var level = http.Response.StatusCode >= 500 ? LogLevel.Error : LogLevel.Information;
                    RequestLog(log, level, http.Request.Method, http.Request.Path.Value ?? "/", http.Response.StatusCode, elapsed);
                }
            }
        });
        return app;
    }

    private static void RequestLog(Microsoft.Extensions.Logging.ILogger log, LogLevel level, string method, string path, int status, double elapsedMs)
        => log.Log(level, "HTTP {RequestMethod} {RequestPath} answered {StatusCode} in {ElapsedMs:0.0} ms", method, path, status, elapsedMs);
}

/// <summary>Ready only when the document store accepts, returns and deletes a probe (file system or S3, through the encryption layer).</summary>
internal sealed class StorageHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var key = $"health/probe-{Guid.NewGuid():N}";
        byte[] probe = [0x54, 0x48];
        try
        {
            // Resolved here: a store that cannot even be opened (missing folder, unreadable key) is "not ready", not a 500.
            var store = services.GetRequiredService<IDocumentStore>();
            await store.SaveAsync(key, probe, cancellationToken);
            var read = await store.ReadAsync(key, cancellationToken);
            await store.DeleteAsync(key, cancellationToken);
            return read is not null && read.AsSpan().SequenceEqual(probe)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Dokumentenspeicher liefert den Prüfinhalt nicht zurück.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or Amazon.Runtime.AmazonServiceException)
        {
            return HealthCheckResult.Unhealthy("Dokumentenspeicher nicht erreichbar.", ex);
        }
    }
}
