using Microsoft.AspNetCore.Http.HttpResults;
using Teilhabe.Core.Programmes;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Programmes;

/// <summary>PRG-LO-04 reflection talks, PRG-LO-05 module goals, PRG-LO-06 ICF items and the final report of a participation.</summary>
internal static class ParticipationRecordsApi
{
    public sealed record ReflectionRequest(DateOnly? On, int? SelfRating, string? Criticism, string? Notes);

    public sealed record ReflectionDto(Guid Id, DateOnly On, int SelfRating, string? Criticism, string? Notes);

    public sealed record ModuleGoalRequest(string? ModuleCode, string? Goal, string? Achievement, string? Note);

    public sealed record ModuleGoalDto(Guid Id, string ModuleCode, string Goal, string Achievement, string? Note, DateOnly RecordedOn);

    public sealed record IcfItemRequest(string? Component, string? Code, string? Description, int? Qualifier);

    public sealed record IcfItemDto(Guid Id, string Component, string Code, string Description, int Qualifier);

    public static List<ReflectionDto> Reflections(Participation p)
        => [.. p.Reflections.OrderBy(r => r.On).Select(r => new ReflectionDto(r.Id, r.On, r.SelfRating, r.Criticism, r.Notes))];

    public static List<ModuleGoalDto> ModuleGoals(Participation p)
        => [.. p.ModuleGoals.OrderBy(g => g.RecordedOn).Select(g => new ModuleGoalDto(g.Id, g.ModuleCode, g.Goal, ParticipationRecordRules.AchievementCode(g.Achievement), g.Note, g.RecordedOn))];

    public static List<IcfItemDto> IcfItems(Participation p)
        => [.. p.IcfItems.OrderBy(i => i.Component).ThenBy(i => i.Code, StringComparer.Ordinal)
            .Select(i => new IcfItemDto(i.Id, ParticipationRecordRules.ComponentCode(i.Component), i.Code, i.Description, i.Qualifier))];

    public static RouteGroupBuilder MapParticipationRecordsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/participations/{id:guid}").WithTags("Programmes")
            .RequireAuthorization(PlatformSetup.ApiPolicy).RequireAuthorization(p => p.RequireRole(ProgrammeService.StaffRoles));
        group.MapPost("/reflections", async (Guid id, ReflectionRequest r, ProgrammeService programmes, CancellationToken ct)
            => Created(id, "reflections", await programmes.AddReflectionAsync(id, r.On, r.SelfRating, r.Criticism, r.Notes, ct), p => p.Reflections[^1].Id));
        group.MapGet("/reflections", async (Guid id, ProgrammeService programmes, CancellationToken ct)
            => await programmes.GetParticipationAsync(id, ct) is { } v ? Results.Ok(Reflections(v.Participation)) : Results.NotFound());
        group.MapPost("/module-goals", async (Guid id, ModuleGoalRequest r, ProgrammeService programmes, CancellationToken ct)
            => Created(id, "module-goals", await programmes.AddModuleGoalAsync(id, r.ModuleCode, r.Goal, r.Achievement, r.Note, ct), p => p.ModuleGoals[^1].Id));
        group.MapGet("/module-goals", async (Guid id, ProgrammeService programmes, CancellationToken ct)
            => await programmes.GetParticipationAsync(id, ct) is { } v ? Results.Ok(ModuleGoals(v.Participation)) : Results.NotFound());
        group.MapPost("/icf-items", async (Guid id, IcfItemRequest r, ProgrammeService programmes, CancellationToken ct)
            => Created(id, "icf-items", await programmes.AddIcfItemAsync(id, r.Component, r.Code, r.Description, r.Qualifier, ct), p => p.IcfItems[^1].Id));
        group.MapGet("/icf-items", async (Guid id, ProgrammeService programmes, CancellationToken ct)
            => await programmes.GetParticipationAsync(id, ct) is { } v ? Results.Ok(IcfItems(v.Participation)) : Results.NotFound());
        group.MapGet("/final-report", FinalReportAsync);
        return group;
    }

    private static Results<Created<ProgrammesApi.CreatedId>, NotFound, ForbidHttpResult, ProblemHttpResult> Created(
        Guid id, string list, Result<Participation> result, Func<Participation, Guid> newId) => result.Status switch
        {
            ResultStatus.Ok => TypedResults.Created($"/api/v1/participations/{id}/{list}", new ProgrammesApi.CreatedId(newId(result.Value!))),
            ResultStatus.NotFound => TypedResults.NotFound(),
            ResultStatus.Forbidden => TypedResults.Forbid(),
            _ => ApiResults.Violations(result.Violations),
        };

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> FinalReportAsync(Guid id, ProgrammeService programmes, CancellationToken ct)
    {
        var result = await programmes.FinalReportAsync(id, ct);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.File(result.Value!, "application/pdf", "abschlussbericht-icf.pdf"),
            ResultStatus.NotFound => TypedResults.NotFound(),
            _ => ApiResults.Violations(result.Violations),
        };
    }
}
