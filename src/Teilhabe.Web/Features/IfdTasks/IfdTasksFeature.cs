namespace Teilhabe.Web.Features.IfdTasks;

/// <summary>IFD-01 records: ability profile, school orientation, apprenticeship, consents. Program.cs registers the feature through these methods only.</summary>
internal static class IfdTasksFeature
{
    public static IServiceCollection AddIfdTasks(this IServiceCollection services)
    {
        services.AddScoped<IfdTasksService>();
        return services;
    }

    public static IEndpointRouteBuilder MapIfdTasks(this IEndpointRouteBuilder app)
    {
        app.MapIfdTasksApi();
        return app;
    }
}
