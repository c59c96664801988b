namespace Teilhabe.Web.Features.Team;

/// <summary>The lead's team overview (page /team, GET /api/v1/team). Program.cs registers the feature through these methods only.</summary>
internal static class TeamFeature
{
    public static IServiceCollection AddTeam(this IServiceCollection services) => services.AddScoped<TeamService>();

    public static IEndpointRouteBuilder MapTeam(this IEndpointRouteBuilder app)
    {
        app.MapTeamApi();
        return app;
    }
}
