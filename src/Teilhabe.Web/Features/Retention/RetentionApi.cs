using Microsoft.AspNetCore.Http.HttpResults;
using Teilhabe.Core.Time;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Retention;

/// <summary>
/// API.md "Data protection": DEL-01 cases due for deletion within the next month, and the cases never closed that are
/// open longer than the retention period (IFD lead own IFD, administrator all).
/// </summary>
internal static class RetentionApi
{
    public sealed record DueDto(Guid CaseId, string CaseNumber, Guid ServiceId, DateOnly ClosedOn, DateOnly DeletionDate);

    public sealed record OpenDto(Guid CaseId, string CaseNumber, Guid ServiceId, string CaseworkerId, string Phase, DateOnly StartDate, int RetentionYears);

    public static RouteGroupBuilder MapRetentionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/retention").WithTags("Data protection")
            .RequireAuthorization(PlatformSetup.ApiPolicy)
            .RequireAuthorization(p => p.RequireRole(RetentionService.DueReaders));
        group.MapGet("/due", DueAsync);
        group.MapGet("/open", OpenAsync);
        return group;
    }

    private static async Task<Ok<List<DueDto>>> DueAsync(RetentionService retention, TimeProvider clock, CancellationToken ct)
    {
        var items = await retention.DueAsync(clock.Today().AddMonths(1), ct);
        return TypedResults.Ok(items.Select(i => new DueDto(i.CaseId, i.CaseNumber, i.ServiceId, i.ClosedOn, i.DeletionDate)).ToList());
    }

    /// <summary>DEL-01: cases never closed and open longer than the retention period; they are not deleted, the lead decides.</summary>
    private static async Task<Ok<List<OpenDto>>> OpenAsync(RetentionService retention, TimeProvider clock, CancellationToken ct)
    {
        var items = await retention.OpenBeyondPeriodAsync(clock.Today(), ct);
        return TypedResults.Ok(items.Select(i => new OpenDto(i.CaseId, i.CaseNumber, i.ServiceId, i.CaseworkerId, i.Phase.ToString(), i.StartDate, i.Years)).ToList());
    }
}
