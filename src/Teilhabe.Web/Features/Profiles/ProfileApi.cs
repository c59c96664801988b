using Microsoft.AspNetCore.Http.HttpResults;
using Teilhabe.Core.Profiles;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Profiles;

/// <summary>API.md "State profiles": the profile in force for the caller's Integrationsamt.</summary>
internal static class ProfileApi
{
    /// <summary><c>{ "code", "name", "numbers": { … }, "rules": { "REP-06": … } }</c>.</summary>
    public sealed record ProfileDto(string Code, string Name, IReadOnlyDictionary<string, long?> Numbers, IReadOnlyDictionary<string, bool> Rules)
    {
        public static ProfileDto Of(StateProfile profile)
            => new(profile.Code, profile.Name, StateProfileNumbers.Numbers(profile), StateProfileNumbers.Rules(profile));
    }

    public static RouteGroupBuilder MapProfileApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Profile").RequireAuthorization(PlatformSetup.ApiPolicy);
        group.MapGet("/profile", Get);
        return group;
    }

    private static Ok<ProfileDto> Get(StateProfile profile) => TypedResults.Ok(ProfileDto.Of(profile));
}
