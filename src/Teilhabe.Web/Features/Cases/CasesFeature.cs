namespace Teilhabe.Web.Features.Cases;

/// <summary>Cases, their phases and the access to them. Program.cs registers the feature through these methods only.</summary>
internal static class CasesFeature
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddScoped<CaseAccess>();
        services.AddScoped<CaseService>();
        services.AddScoped<CaseTransitions>();
        return services;
    }

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        app.MapCasesApi();
        return app;
    }
}
