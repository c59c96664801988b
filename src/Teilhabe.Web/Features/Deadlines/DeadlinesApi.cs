using Microsoft.AspNetCore.Http.HttpResults;
using Teilhabe.Core.Time;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Deadlines;

/// <summary>API.md "Reports, deadlines, statistics": GET /api/v1/deadlines; "Cases": contact exceptions (CT-06).</summary>
internal static class DeadlinesApi
{
    public sealed record DeadlineDto(
        Guid? CaseId, string? CaseNumber, string? ClientName, string? CaseworkerId, string? CaseworkerName, Guid? ServiceId, string? ServiceName,
        string Rule, string Label, DateOnly DueDate, bool Overdue, string Status, string Link)
    {
        public static DeadlineDto From(DeadlineItem i) => new(
            i.CaseId, i.CaseNumber, i.ClientName, i.CaseworkerId, i.CaseworkerName, i.ServiceId, i.ServiceName, i.Rule, i.Label, i.DueDate, i.Overdue,
            i.Status.ApiValue(), i.Link);
    }

    public sealed record ExceptionRequest(string? Reason, DateOnly? From, DateOnly? To);

    public sealed record CreatedException(Guid Id);

    public sealed record ExceptionDto(Guid Id, string Reason, DateOnly From, DateOnly To, DateTimeOffset RecordedAt, string RecordedBy);

    public static RouteGroupBuilder MapDeadlinesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Deadlines").RequireAuthorization(PlatformSetup.ApiPolicy);
        group.MapGet("/deadlines", ListAsync);
        group.MapPost("/cases/{id:guid}/contact-exceptions", AddExceptionAsync);
        group.MapGet("/cases/{id:guid}/contact-exceptions", ListExceptionsAsync);
        return group;
    }

    private static async Task<Ok<List<DeadlineDto>>> ListAsync(
        DeadlineService deadlines, bool? overdue, string? caseworkerId, Guid? serviceId, CancellationToken ct)
    {
        var items = await deadlines.ListAsync(new DeadlineService.Filter(overdue == true, caseworkerId, serviceId), ct);
        return TypedResults.Ok(items.Select(DeadlineDto.From).ToList());
    }

    /// <summary>CT-06: InA-Koordination of the case's Integrationsamt only (others 403, unknown or foreign 404).</summary>
    private static async Task<Results<Created<CreatedException>, NotFound, ForbidHttpResult, ProblemHttpResult>> AddExceptionAsync(
        Guid id, ExceptionRequest r, CaseService cases, ContinuityService continuity, CancellationToken ct)
    {
        var @case = await cases.GetAsync(id, ct);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        if (!continuity.CanRecordException(@case))
        {
            return TypedResults.Forbid();
        }

        var (created, errors) = await continuity.AddExceptionAsync(@case, r.Reason, r.From, r.To, ct);
        return created is null
            ? ApiResults.Violations(errors)
            : TypedResults.Created($"/api/v1/cases/{id}/contact-exceptions", new CreatedException(created.Id));
    }

    private static async Task<Results<Ok<List<ExceptionDto>>, NotFound>> ListExceptionsAsync(
        Guid id, CaseService cases, ContinuityService continuity, CancellationToken ct)
    {
        var @case = await cases.GetAsync(id, ct);
        return @case is null
            ? TypedResults.NotFound()
            : TypedResults.Ok((await continuity.ListExceptionsAsync(@case, ct))
                .Select(e => new ExceptionDto(e.Id, e.Reason, e.From, e.To, e.RecordedAt, e.RecordedBy)).ToList());
    }
}
