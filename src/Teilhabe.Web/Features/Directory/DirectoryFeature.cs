namespace Teilhabe.Web.Features.Directory;

/// <summary>Institutions and funders. Program.cs registers the feature through these methods only.</summary>
internal static class DirectoryFeature
{
    public static IServiceCollection AddDirectory(this IServiceCollection services)
    {
        services.AddScoped<DirectoryService>();
        return services;
    }

    public static IEndpointRouteBuilder MapDirectory(this IEndpointRouteBuilder app)
    {
        app.MapDirectoryApi();
        return app;
    }
}
