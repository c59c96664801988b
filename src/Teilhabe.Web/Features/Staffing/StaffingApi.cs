using Microsoft.AspNetCore.Http.HttpResults;
using Teilhabe.Core.Accounts;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Staffing;

/// <summary>API.md "Cases": absences with deputies (TR-03, ACC-06) and the lead's bulk reassignment (TR-01 for many).</summary>
internal static class StaffingApi
{
    public sealed record AbsenceRequest(DateOnly? From, DateOnly? To, string[]? DeputyUserIds);

    public sealed record AbsenceCreated(Guid Id);

    public sealed record AbsenceDto(Guid Id, string UserId, DateOnly From, DateOnly To, IReadOnlyList<string> DeputyUserIds, bool Active);

    public sealed record ReassignmentRequest(string? FromCaseworkerId, string? ToCaseworkerId, Guid[]? CaseIds);

    public sealed record ReassignmentResult(int Moved);

    public static IEndpointRouteBuilder MapStaffingApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users").WithTags("Cases").RequireAuthorization(PlatformSetup.ApiPolicy)
            .RequireAuthorization(p => p.RequireRole(Roles.Caseworker, Roles.Deputy, Roles.ServiceLead));
        users.MapPost("/{id}/absences", RecordAsync);
        users.MapGet("/{id}/absences", ListAsync);
        app.MapPost("/api/v1/cases/reassignment", ReassignAsync).WithTags("Cases")
            .RequireAuthorization(PlatformSetup.ApiPolicy).RequireAuthorization(p => p.RequireRole(Roles.ServiceLead));
        return app;
    }

    private static async Task<Results<Created<AbsenceCreated>, NotFound, ForbidHttpResult, ProblemHttpResult>> RecordAsync(
        string id, AbsenceRequest r, StaffingService staffing, CancellationToken ct)
    {
        switch (await staffing.MayManageAbsencesOfAsync(id, ct))
        {
            case StaffingService.Refusal.NotFound:
                return TypedResults.NotFound();
            case StaffingService.Refusal.Forbidden:
                return TypedResults.Forbid();
        }

        var (absence, errors) = await staffing.RecordAbsenceAsync(id, r.From, r.To, r.DeputyUserIds, ct);
        return absence is null
            ? ApiResults.Violations(errors)
            : TypedResults.Created($"/api/v1/users/{id}/absences", new AbsenceCreated(absence.Id));
    }

    private static async Task<Results<Ok<List<AbsenceDto>>, NotFound, ForbidHttpResult>> ListAsync(string id, StaffingService staffing, CancellationToken ct)
    {
        switch (await staffing.MayManageAbsencesOfAsync(id, ct))
        {
            case StaffingService.Refusal.NotFound:
                return TypedResults.NotFound();
            case StaffingService.Refusal.Forbidden:
                return TypedResults.Forbid();
        }

        var today = staffing.Today;
        return TypedResults.Ok((await staffing.AbsencesOfAsync(id, ct))
            .Select(v => new AbsenceDto(v.Absence.Id, v.Absence.UserId, v.Absence.From, v.Absence.To, [.. v.Absence.Deputies.Select(d => d.UserId)], v.Absence.IsActiveOn(today)))
            .ToList());
    }

    private static async Task<Results<Ok<ReassignmentResult>, ProblemHttpResult>> ReassignAsync(ReassignmentRequest r, StaffingService staffing, CancellationToken ct)
    {
        var (moved, errors) = await staffing.ReassignAsync(r.FromCaseworkerId, r.ToCaseworkerId, r.CaseIds, ct);
        return errors.Count > 0 ? ApiResults.Violations(errors) : TypedResults.Ok(new ReassignmentResult(moved));
    }
}
