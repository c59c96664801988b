namespace Teilhabe.Web.Features.Coordination;

/// <summary>InA-Koordination: transfers and incidents. Program.cs registers the feature through these methods only.</summary>
internal static class CoordinationFeature
{
    public static IServiceCollection AddCoordination(this IServiceCollection services)
    {
        services.AddScoped<CoordinationService>();
        return services;
    }

    public static IEndpointRouteBuilder MapCoordination(this IEndpointRouteBuilder app)
    {
        app.MapCoordinationApi();
        return app;
    }
}
