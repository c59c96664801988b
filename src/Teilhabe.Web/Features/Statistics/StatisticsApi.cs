using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Teilhabe.Core.Rules;
using Teilhabe.Core.Time;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Statistics;

/// <summary>API.md "Reports, deadlines, statistics": STAT-01 annual statistics, STAT-02 publication, STAT-03 exports.</summary>
internal static class StatisticsApi
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The query of every statistics endpoint: a year, or a free range from/to; optional IFD; publication flag.</summary>
    public sealed class Query
    {
        [FromQuery(Name = "year")]
        public int? Year { get; set; }

        [FromQuery(Name = "from")]
        public DateOnly? From { get; set; }

        [FromQuery(Name = "to")]
        public DateOnly? To { get; set; }

        [FromQuery(Name = "serviceId")]
        public Guid? ServiceId { get; set; }

        [FromQuery(Name = "public")]
        public bool? Public { get; set; }

        /// <summary>The period, or the German input errors; no year and no range means the current year.</summary>
        public (DateOnly From, DateOnly To, List<RuleViolation> Errors) Period(TimeProvider clock)
        {
            var errors = new List<RuleViolation>();
            if (Year is not null && (From is not null || To is not null))
            {
                errors.Add(new(RuleIds.Input, "Bitte entweder ein Jahr oder einen Zeitraum (von/bis) angeben, nicht beides.", "year"));
            }

            if (Year is { } y)
            {
                if (y is < 1990 or > 2999)
                {
                    errors.Add(new(RuleIds.Input, "Das Jahr ist ungültig.", "year"));
                    return (default, default, errors);
                }

                return (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), errors);
            }

            if (From is null && To is null)
            {
                var year = clock.Today().Year;
                return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), errors);
            }

            if (From is null || To is null)
            {
                errors.Add(new(RuleIds.Input, "Für einen Zeitraum sind Beginn (from) und Ende (to) anzugeben.", From is null ? "from" : "to"));
            }
            else if (From > To)
            {
                errors.Add(new(RuleIds.Input, "Der Beginn des Zeitraums liegt nach seinem Ende.", "from"));
            }

            return (From ?? default, To ?? default, errors);
        }
    }

    public static RouteGroupBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/statistics").WithTags("Statistics")
            .RequireAuthorization(PlatformSetup.ApiPolicy)
            .RequireAuthorization(p => p.RequireRole(StatisticsService.Readers));
        group.MapGet("/annual", AnnualAsync);
        group.MapGet("/annual.csv", CsvAsync);
        group.MapGet("/annual.xlsx", XlsxAsync);
        group.MapGet("/annual/by-service", ByServiceAsync);
        return group;
    }

    private static async Task<Results<Ok<AnnualStatistics>, NotFound, ProblemHttpResult>> AnnualAsync(
        [AsParameters] Query q, StatisticsService statistics, TimeProvider clock, CancellationToken ct)
    {
        var (from, to, errors) = q.Period(clock);
        if (errors.Count > 0)
        {
            return ApiResults.InputErrors(errors);
        }

        if (!await statistics.InScopeAsync(q.ServiceId, ct))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await statistics.ComputeAsync(from, to, q.ServiceId, q.Public == true, ct));
    }

    private static Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> CsvAsync(
        [AsParameters] Query q, StatisticsService statistics, TimeProvider clock, CancellationToken ct)
        => FileAsync(q, statistics, clock, "csv", ct);

    private static Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> XlsxAsync(
        [AsParameters] Query q, StatisticsService statistics, TimeProvider clock, CancellationToken ct)
        => FileAsync(q, statistics, clock, "xlsx", ct);

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> FileAsync(
        Query q, StatisticsService statistics, TimeProvider clock, string format, CancellationToken ct)
    {
        var (from, to, errors) = q.Period(clock);
        if (errors.Count > 0)
        {
            return ApiResults.InputErrors(errors);
        }

        if (!await statistics.InScopeAsync(q.ServiceId, ct))
        {
            return TypedResults.NotFound();
        }

        var result = await statistics.ComputeAsync(from, to, q.ServiceId, q.Public == true, ct);
        var scope = await statistics.ScopeNameAsync(q.ServiceId, ct);
        var name = $"statistik-{from:yyyyMMdd}-{to:yyyyMMdd}{(q.Public == true ? "-veroeffentlichung" : string.Empty)}.{format}";
        return format == "csv"
            ? TypedResults.File(StatisticsExport.Csv(result, scope), CsvType, name)
            : TypedResults.File(StatisticsExport.Xlsx(result, scope), XlsxType, name);
    }

    private static async Task<Results<Ok<ServiceComparisonResult>, ProblemHttpResult>> ByServiceAsync(
        [AsParameters] Query q, StatisticsService statistics, TimeProvider clock, CancellationToken ct)
    {
        var (from, to, errors) = q.Period(clock);
        if (errors.Count > 0)
        {
            return ApiResults.InputErrors(errors);
        }

        return TypedResults.Ok(await statistics.CompareAsync(from, to, q.Public == true, ct));
    }
}
