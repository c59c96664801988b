using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Teilhabe.Core.Accounts;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Team;

/// <summary>API.md "Reports, deadlines, statistics": GET /api/v1/team (IFD lead).</summary>
internal static class TeamApi
{
    /// <summary>The phase keys stay as API.md spells them (not camel-cased).</summary>
    public sealed record OpenCasesDto(
        [property: JsonPropertyName("P1")] int P1,
        [property: JsonPropertyName("P2")] int P2,
        [property: JsonPropertyName("P3")] int P3,
        [property: JsonPropertyName("FDS")] int Fds);

    public sealed record MemberDto(
        string UserId, string DisplayName, OpenCasesDto OpenCases, int Overdue, int WithoutContactFourWeeks, DateOnly? AbsentUntil);

    public static RouteGroupBuilder MapTeamApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Team").RequireAuthorization(PlatformSetup.ApiPolicy);
        group.MapGet("/team", ListAsync).RequireAuthorization(p => p.RequireRole(Roles.ServiceLead));
        return group;
    }

    private static async Task<Results<Ok<List<MemberDto>>, ForbidHttpResult>> ListAsync(TeamService team, CancellationToken ct)
    {
        if (!team.IsLead)
        {
            return TypedResults.Forbid();
        }

        var members = await team.ListAsync(ct);
        return TypedResults.Ok(members.Select(m => new MemberDto(
            m.UserId, m.DisplayName, new OpenCasesDto(m.OpenCases.P1, m.OpenCases.P2, m.OpenCases.P3, m.OpenCases.Fds),
            m.Overdue, m.WithoutContactFourWeeks, m.AbsentUntil)).ToList());
    }
}
