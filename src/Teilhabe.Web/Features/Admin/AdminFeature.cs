namespace Teilhabe.Web.Features.Admin;

/// <summary>User administration (ACC-06). Program.cs registers the feature through these methods only.</summary>
internal static class AdminFeature
{
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddScoped<UserAdministration>();
        return services;
    }

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapAdminApi();
        return app;
    }
}
