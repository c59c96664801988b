namespace Teilhabe.Web.Features.Audit;

/// <summary>The audit trail (ACC-09). Program.cs registers the feature through these methods only.</summary>
internal static class AuditFeature
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditQuery>();
        return services;
    }

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        app.MapAuditApi();
        return app;
    }
}
