using Teilhabe.Web.Features.Cases;

namespace Teilhabe.Web.Features.Reports;

/// <summary>Reports, goals and their PDF. Program.cs registers the feature through these methods only.</summary>
internal static class ReportsFeature
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<ReportService>();
        services.AddScoped<ITransitionEffects>(sp => sp.GetRequiredService<ReportService>());
        return services;
    }

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapReportsApi();
        return app;
    }
}
