namespace Teilhabe.Web.Features.Profiles;

/// <summary>
/// State profiles (API.md "State profiles"): <c>GET /api/v1/profile</c> and the administrator's page. The profiles
/// themselves, the resolver and the scoped profile of the caller are registered and checked at start-up by PlatformSetup
/// (the sign-in needs them); Program.cs maps the feature through this method only.
/// </summary>
internal static class ProfilesFeature
{
    public static IEndpointRouteBuilder MapProfiles(this IEndpointRouteBuilder app)
    {
        app.MapProfileApi();
        return app;
    }
}
