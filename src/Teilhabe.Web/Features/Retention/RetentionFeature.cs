namespace Teilhabe.Web.Features.Retention;

/// <summary>Retention and deletion (DEL-01), with its daily job. Program.cs registers the feature through these methods only.</summary>
internal static class RetentionFeature
{
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddScoped<RetentionService>();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        return services;
    }

    public static IEndpointRouteBuilder MapRetention(this IEndpointRouteBuilder app)
    {
        app.MapRetentionApi();
        return app;
    }
}
