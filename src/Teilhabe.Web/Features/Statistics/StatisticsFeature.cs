namespace Teilhabe.Web.Features.Statistics;

/// <summary>The statistics of § 197 SGB IX. Program.cs registers the feature through these methods only.</summary>
internal static class StatisticsFeature
{
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddScoped<StatisticsService>();
        return services;
    }

    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app)
    {
        app.MapStatisticsApi();
        return app;
    }
}
