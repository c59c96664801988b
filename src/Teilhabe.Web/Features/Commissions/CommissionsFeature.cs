namespace Teilhabe.Web.Features.Commissions;

/// <summary>Kinds of commission (BA-SI-01, BA-EXT-01, BA-IB-01/02, BA-ST-01). Program.cs registers the feature through these methods only.</summary>
internal static class CommissionsFeature
{
    public static IServiceCollection AddCommissions(this IServiceCollection services)
    {
        services.AddScoped<CommissionService>();
        return services;
    }

    public static IEndpointRouteBuilder MapCommissions(this IEndpointRouteBuilder app)
    {
        app.MapCommissionsApi();
        return app;
    }
}
