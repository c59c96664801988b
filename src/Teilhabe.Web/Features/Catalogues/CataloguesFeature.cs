namespace Teilhabe.Web.Features.Catalogues;

/// <summary>Catalogues (code lists) and their cache. Program.cs registers the feature through these methods only.</summary>
internal static class CataloguesFeature
{
    public static IServiceCollection AddCatalogues(this IServiceCollection services)
    {
        services.AddScoped<CatalogueService>();
        services.AddSingleton<CatalogueCache>();
        return services;
    }

    public static IEndpointRouteBuilder MapCatalogues(this IEndpointRouteBuilder app)
    {
        app.MapCataloguesApi();
        return app;
    }
}
