using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Teilhabe.Core.Reports;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Infrastructure;
using ViolationDto = Teilhabe.Web.Infrastructure.ApiResults.ViolationDto;

namespace Teilhabe.Web.Features.Reports;

/// <summary>API.md "Reports" (REP-01 … REP-07), report requests (REP-04) and goals (REP-05).</summary>
internal static class ReportsApi
{
    public sealed record GenerateRequest(string? Kind);

    public sealed record Generated(Guid Id, string Kind, int Version, string Sha256);

    public sealed record VersionDto(Guid Id, string Kind, int Version, DateTimeOffset CreatedAt, string? CreatedBy, string Sha256, long Size)
    {
        public static VersionDto From(ReportVersion v) => new(v.Id, v.Kind.ToString(), v.Number, v.CreatedAt, v.CreatedBy, v.Sha256, v.Size);
    }

    public sealed record ReportCheckDto(bool Allowed, IReadOnlyList<ViolationDto> Violations, IReadOnlyList<ViolationDto> Corrections);

    public sealed record RequestBody(string? Kind, string? RequestedBy, DateOnly? DueDate);

    public sealed record RequestDto(Guid Id, string Kind, string RequestedBy, DateOnly DueDate, DateTimeOffset CreatedAt, bool Fulfilled, Guid? FulfilledByReportId)
    {
        public static RequestDto From(ReportRequest r) => new(r.Id, r.Kind.ToString(), r.RequestedBy, r.DueDate, r.CreatedAt, !r.IsOpen, r.FulfilledByReportId);
    }

    public sealed record GoalBody(string? Goal, string? SubGoals, string? Activities, DateOnly? DueDate, string? Resources, string? Responsible)
    {
        public GoalDraft Draft() => new(Goal, SubGoals, Activities, DueDate, Resources, Responsible);
    }

    public sealed record RatingBody(string? Rating, string? Explanation);

    public sealed record GoalDto(Guid Id, string Goal, string? SubGoals, string? Activities, DateOnly? DueDate, string? Resources, string? Responsible, string? Rating, string? Explanation, DateTimeOffset? RatedAt, int Version)
    {
        public static GoalDto From(CaseGoal g) => new(g.Id, g.Goal, g.SubGoals, g.Activities, g.DueDate, g.Resources, g.Responsible,
            g.Rating is { } r ? GoalRatings.Code(r) : null, g.RatingExplanation, g.RatedAt, g.Version);
    }

    public static void MapReportsApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/cases/{id:guid}").WithTags("Reports").RequireAuthorization(PlatformSetup.ApiPolicy);
        cases.MapPost("/reports", GenerateAsync);
        cases.MapGet("/reports", ListAsync);
        cases.MapGet("/reports/check", CheckAsync);
        cases.MapPost("/report-requests", AddRequestAsync);
        cases.MapGet("/report-requests", ListRequestsAsync);
        cases.MapGet("/goals", ListGoalsAsync);
        cases.MapPost("/goals", AddGoalAsync);
        cases.MapPut("/goals/{gid:guid}", UpdateGoalAsync);
        cases.MapPost("/goals/{gid:guid}/rating", RateGoalAsync);
        app.MapGet("/api/v1/reports/{id:guid}", DownloadAsync).WithTags("Reports").RequireAuthorization(PlatformSetup.ApiPolicy)
            .ProducesFile("application/pdf");
    }

    public static ReportKind? ParseKind(string? kind)
        => Enum.TryParse<ReportKind>(kind, ignoreCase: false, out var k) && Enum.IsDefined(k) && !int.TryParse(kind, out _) ? k : null;

    private const string KindMessage = "Bitte die Art des Berichts angeben: InitialCounselling, InitialCare, Progress oder Final.";

    private static async Task<Results<Created<Generated>, NotFound, ForbidHttpResult, ProblemHttpResult>> GenerateAsync(
        Guid id, GenerateRequest r, ReportService reports, CaseAccess access, CancellationToken ct)
    {
        if (ParseKind(r.Kind) is not { } kind)
        {
            return ApiResults.Input("kind", KindMessage);
        }

        var @case = await reports.FindCaseAsync(id, ct);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        if (!access.CanEdit(@case))
        {
            return TypedResults.Forbid();
        }

        var (version, violations) = await reports.GenerateAsync(@case, kind, ct);
        return version is null
            ? ApiResults.Violations(violations)
            : TypedResults.Created($"/api/v1/reports/{version.Id}", new Generated(version.Id, version.Kind.ToString(), version.Number, version.Sha256));
    }

    private static async Task<Results<Ok<List<VersionDto>>, NotFound>> ListAsync(Guid id, ReportService reports, CancellationToken ct)
    {
        var @case = await reports.FindCaseAsync(id, ct);
        return @case is null ? TypedResults.NotFound() : TypedResults.Ok((await reports.VersionsAsync(id, ct)).Select(VersionDto.From).ToList());
    }

    private static async Task<Results<Ok<ReportCheckDto>, NotFound, ProblemHttpResult>> CheckAsync(Guid id, string? kind, ReportService reports, CancellationToken ct)
    {
        if (ParseKind(kind) is not { } k)
        {
            return ApiResults.Input("kind", KindMessage);
        }

        var @case = await reports.FindCaseAsync(id, ct);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        var check = await reports.CheckAsync(@case, k, ct);
        return TypedResults.Ok(new ReportCheckDto(check.Allowed, Dto(check.Violations), Dto(check.Corrections)));
    }

    private static List<ViolationDto> Dto(IEnumerable<RuleViolation> v) => [.. v.Select(x => new ViolationDto(x.Rule, x.Message, x.Field))];

    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(Guid id, ReportService reports, CancellationToken ct)
    {
        var opened = await reports.OpenAsync(id, ct);
        return opened is { } o
            ? TypedResults.File(o.Content, "application/pdf", ReportService.FileName(o.Version, o.Case))
            : TypedResults.NotFound();
    }

    /// <summary>REP-04: InA-Koordination asks itself; a Reha-Träger's request is recorded by the caseworker.</summary>
    private static async Task<Results<Created<RequestDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> AddRequestAsync(
        Guid id, RequestBody r, ReportService reports, CaseAccess access, CancellationToken ct)
    {
        var @case = await reports.FindCaseAsync(id, ct);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        if (!access.CanEdit(@case) && !access.IsCoordinator)
        {
            return TypedResults.Forbid();
        }

        var (request, errors) = await reports.AddRequestAsync(@case, ParseKind(r.Kind), r.RequestedBy, r.DueDate, ct);
        return request is null
            ? ApiResults.Violations(errors)
            : TypedResults.Created($"/api/v1/cases/{id}/report-requests", RequestDto.From(request));
    }

    private static async Task<Results<Ok<List<RequestDto>>, NotFound>> ListRequestsAsync(Guid id, ReportService reports, CancellationToken ct)
    {
        var @case = await reports.FindCaseAsync(id, ct);
        return @case is null ? TypedResults.NotFound() : TypedResults.Ok((await reports.RequestsAsync(id, ct)).Select(RequestDto.From).ToList());
    }

    private static async Task<Results<Ok<List<GoalDto>>, NotFound>> ListGoalsAsync(Guid id, ReportService reports, CancellationToken ct)
    {
        var @case = await reports.FindCaseAsync(id, ct);
        return @case is null ? TypedResults.NotFound() : TypedResults.Ok((await reports.ReadGoalsAsync(@case, ct)).Select(GoalDto.From).ToList());
    }

    private static async Task<Results<Created<GoalDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> AddGoalAsync(
        Guid id, GoalBody body, ReportService reports, CaseAccess access, HttpContext http, CancellationToken ct)
    {
        var @case = await reports.FindCaseAsync(id, ct);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        if (!access.CanEdit(@case))
        {
            return TypedResults.Forbid();
        }

        var (goal, errors) = await reports.AddGoalAsync(@case, body.Draft(), ct);
        if (goal is null)
        {
            return ApiResults.Violations(errors);
        }

        http.Response.Headers.ETag = ETags.Of(goal.Version);
        return TypedResults.Created($"/api/v1/cases/{id}/goals/{goal.Id}", GoalDto.From(goal));
    }

    private static async Task<Results<Ok<GoalDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> UpdateGoalAsync(
        Guid id, Guid gid, GoalBody body, [FromHeader(Name = "If-Match")] string? ifMatch, ReportService reports, CaseAccess access, HttpContext http, CancellationToken ct)
    {
        var (goal, denied) = await TrackedGoalAsync(id, gid, reports, access, ct);
        if (denied is not null)
        {
            return denied;
        }

        if (!ETags.TryParseIfMatch(ifMatch, out var expected))
        {
            return ApiResults.Input("If-Match", "If-Match muss das ETag des Ziels enthalten.");
        }

        var outcome = await reports.UpdateGoalAsync(goal!, expected, body.Draft(), ct);
        var (updated, errors) = outcome;
        var conflict = outcome.Status == ResultStatus.Conflict;
        if (conflict)
        {
            return ApiResults.Status(StatusCodes.Status409Conflict, "Das Ziel wurde inzwischen von jemand anderem geändert. Bitte neu laden und die Änderung erneut eintragen.");
        }

        if (updated is null)
        {
            return ApiResults.Violations(errors);
        }

        http.Response.Headers.ETag = ETags.Of(updated.Version);
        return TypedResults.Ok(GoalDto.From(updated));
    }

    private static async Task<Results<Ok<GoalDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> RateGoalAsync(
        Guid id, Guid gid, RatingBody body, ReportService reports, CaseAccess access, HttpContext http, CancellationToken ct)
    {
        var (goal, denied) = await TrackedGoalAsync(id, gid, reports, access, ct);
        if (denied is not null)
        {
            return denied;
        }

        var rating = GoalRatings.Parse(body.Rating);
        if (rating is null && body.Rating is not null)
        {
            return ApiResults.Input("rating", "Bewertung: achieved, partly-achieved oder not-achieved.");
        }

        var errors = await reports.RateGoalAsync(goal!, rating, body.Explanation, ct);
        if (errors.Count > 0)
        {
            return ApiResults.Violations(errors);
        }

        http.Response.Headers.ETag = ETags.Of(goal!.Version);
        return TypedResults.Ok(GoalDto.From(goal));
    }

    private static async Task<(CaseGoal? Goal, Results<Ok<GoalDto>, NotFound, ForbidHttpResult, ProblemHttpResult>? Denied)> TrackedGoalAsync(
        Guid id, Guid gid, ReportService reports, CaseAccess access, CancellationToken ct)
    {
        var @case = await reports.FindCaseAsync(id, ct);
        if (@case is null)
        {
            return (null, TypedResults.NotFound());
        }

        if (!access.CanEdit(@case))
        {
            return (null, TypedResults.Forbid());
        }

        var goal = (await reports.GoalsAsync(id, ct, tracked: true)).FirstOrDefault(g => g.Id == gid);
        return goal is null ? (null, TypedResults.NotFound()) : (goal, null);
    }
}
