using System.Globalization;
using Teilhabe.Core.Audit;

namespace Teilhabe.Web.Features.Audit;

/// <summary>The audit trail (ACC-09). Program.cs registers the feature through these methods only.</summary>
internal static class AuditFeature
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditQuery>();
        services.AddScoped<AuditChainVerifier>();
        return services;
    }

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        app.MapAuditApi();
        return app;
    }

    /// <summary>The command <c>audit-verify</c>: checks the hash chain of the audit trail; exit code 0 intact, 1 broken.</summary>
    public static async Task<int> VerifyCommandAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(CancellationToken.None);
        if (result.Intact)
        {
            await Console.Out.WriteLineAsync(string.Format(CultureInfo.GetCultureInfo("de-DE"),
                "Protokollkette unversehrt: {0:N0} Einträge geprüft.", result.Checked));
            return 0;
        }

        await Console.Error.WriteLineAsync(string.Format(CultureInfo.GetCultureInfo("de-DE"),
            "Protokollkette beschädigt nach {0:N0} geprüften Einträgen. {1}", result.Checked, result.Problem));
        return 1;
    }
}
