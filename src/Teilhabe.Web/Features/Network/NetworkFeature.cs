namespace Teilhabe.Web.Features.Network;

/// <summary>Job development networks (NET-01…03). Program.cs registers the feature through these methods only.</summary>
internal static class NetworkFeature
{
    public static IServiceCollection AddNetwork(this IServiceCollection services)
    {
        services.AddScoped<NetworkAccess>();
        services.AddScoped<NetworkService>();
        return services;
    }

    public static IEndpointRouteBuilder MapNetwork(this IEndpointRouteBuilder app)
    {
        app.MapNetworksApi();
        return app;
    }
}
