namespace Teilhabe.Web.Features.Programmes;

/// <summary>Programmes beyond the IFD (DOMAIN.md section 9). Program.cs registers the feature through these methods only.</summary>
internal static class ProgrammesFeature
{
    public static IServiceCollection AddProgrammes(this IServiceCollection services)
    {
        services.AddScoped<ProgrammeService>();
        return services;
    }

    public static IEndpointRouteBuilder MapProgrammes(this IEndpointRouteBuilder app)
    {
        app.MapProgrammesApi();
        app.MapParticipationRecordsApi();
        app.MapParticipationActionsApi();
        return app;
    }
}
