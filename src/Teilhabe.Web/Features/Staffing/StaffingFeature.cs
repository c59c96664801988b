namespace Teilhabe.Web.Features.Staffing;

/// <summary>Absences with deputies and the lead's bulk reassignment. Program.cs registers the feature through these methods only.</summary>
internal static class StaffingFeature
{
    public static IServiceCollection AddStaffing(this IServiceCollection services)
    {
        services.AddScoped<StaffingService>();
        return services;
    }

    public static IEndpointRouteBuilder MapStaffing(this IEndpointRouteBuilder app)
    {
        app.MapStaffingApi();
        return app;
    }
}
