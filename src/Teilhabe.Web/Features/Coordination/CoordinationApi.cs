using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Teilhabe.Core.Cases;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Documents;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Coordination;

/// <summary>API.md "Cases": incident access (ACC-08), transfers (TR-01, TR-02), InA notifications (PH-FDS-05).</summary>
internal static class CoordinationApi
{
    public sealed record IncidentRequest(string? Reason);

    public sealed record IncidentCreated(Guid Id, DateTimeOffset ExpiresAt);

    public sealed record IncidentDto(Guid Id, string UserId, string UserName, string Reason, DateTimeOffset OpenedAt, DateTimeOffset ExpiresAt, bool Active);

    public sealed record TransferBody(string? CaseworkerId, Guid? ServiceId, bool? KeepDeputies);

    public sealed record TransferRequestBody(Guid? ServiceId);

    public sealed record TransferRequestDto(
        Guid Id, Guid CaseId, string CaseNumber, string ClientName, DateOnly? ClientBirthDate, Guid FromServiceId, string FromServiceName,
        Guid ToServiceId, string ToServiceName, DateTimeOffset RequestedAt, DateTimeOffset? ReleaseUploadedAt, DateTimeOffset? ConfirmedAt,
        DateTimeOffset? CompletedAt, string Status)
    {
        public static TransferRequestDto From(CoordinationService.TransferView v) => new(
            v.Request.Id, v.Request.CaseId, v.Request.CaseNumber, v.Request.ClientName, v.Request.ClientBirthDate, v.Request.FromServiceId, v.FromServiceName,
            v.Request.ToServiceId, v.ToServiceName, v.Request.RequestedAt, v.Request.ReleaseUploadedAt, v.Request.ConfirmedAt, v.Request.CompletedAt, v.Request.Status);
    }

    public sealed record TransferCreated(Guid Id, string Status);

    public sealed record TransferDone(Guid Id, Guid ServiceId, string CaseworkerId, Phase Phase, string CaseNumber, bool NoticeRenewalRequired);

    public sealed record NotificationDto(Guid Id, Guid CaseId, string CaseNumber, string Kind, string Text, DateTimeOffset CreatedAt);

    public static void MapCoordinationApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/cases").WithTags("Cases").RequireAuthorization(PlatformSetup.ApiPolicy);
        cases.MapPost("/{id:guid}/incident-access", OpenIncidentAsync);
        cases.MapGet("/{id:guid}/incident-accesses", ListIncidentsAsync);
        cases.MapPost("/{id:guid}/transfer", TransferAsync);
        cases.MapPost("/{id:guid}/transfer-requests", RequestTransferAsync);
        cases.MapPost("/{id:guid}/transfer-confirmations", ConfirmAsync);

        var transfers = app.MapGroup("/api/v1/transfer-requests").WithTags("Cases").RequireAuthorization(PlatformSetup.ApiPolicy);
        transfers.MapGet("/", ListTransfersAsync);
        transfers.MapPost("/{rid:guid}/confidentiality-release", UploadReleaseAsync).DisableAntiforgery();

        app.MapGet("/api/v1/notifications", ListNotificationsAsync).WithTags("Cases").RequireAuthorization(PlatformSetup.ApiPolicy);
    }

    /// <summary>
    /// ACC-08: only InA-Koordination (403 otherwise). A case of another funder is visible to InA as metadata, so it is
    /// refused with 422 ACC-08 rather than hidden with 404.
    /// </summary>
    private static async Task<Results<Created<IncidentCreated>, NotFound, ForbidHttpResult, ProblemHttpResult>> OpenIncidentAsync(
        Guid id, IncidentRequest r, CaseService cases, CaseAccess access, CoordinationService coordination, CancellationToken ct)
    {
        var @case = await cases.GetAsync(id, ct);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        if (!access.IsCoordinator)
        {
            return TypedResults.Forbid();
        }

        var (incident, errors) = await coordination.OpenIncidentAccessAsync(@case, r.Reason, ct);
        return incident is null
            ? ApiResults.Violations(errors)
            : TypedResults.Created($"/api/v1/cases/{id}/incident-accesses", new IncidentCreated(incident.Id, incident.ExpiresAt));
    }

    private static async Task<Results<Ok<List<IncidentDto>>, NotFound>> ListIncidentsAsync(Guid id, CaseService cases, CoordinationService coordination, CancellationToken ct)
    {
        var @case = await cases.GetAsync(id, ct);
        return @case is null
            ? TypedResults.NotFound()
            : TypedResults.Ok((await coordination.IncidentAccessesAsync(@case, ct))
                .Select(i => new IncidentDto(i.Id, i.UserId, i.UserName, i.Reason, i.OpenedAt, i.ExpiresAt, i.Active)).ToList());
    }

    /// <summary>
    /// TR-01 with { caseworkerId }: the caseworker or the lead of the case's IFD hands it over within the IFD.
    /// TR-02 with { serviceId }: the receiving IFD takes the case over after InA-Koordination confirmed; the receiving
    /// IFD cannot see the case before, so an unknown request answers 404.
    /// </summary>
    private static async Task<Results<Ok<TransferDone>, NotFound, ForbidHttpResult, ProblemHttpResult>> TransferAsync(
        Guid id, TransferBody r, CaseService cases, CaseAccess access, CoordinationService coordination, CancellationToken ct)
    {
        if (r.ServiceId is not null)
        {
            var (moved, moveErrors) = await coordination.TakeOverAsync(id, r.ServiceId, r.CaseworkerId, ct);
            if (moveErrors.Count > 0)
            {
                return ApiResults.Violations(moveErrors);
            }

            return moved is null
                ? await SendingSideAsync(id, cases, ct)
                : TypedResults.Ok(new TransferDone(moved.Id, moved.ServiceId, moved.CaseworkerId, moved.Phase, moved.CaseNumber, moved.NoticeRenewalRequired));
        }

        var @case = await cases.GetAsync(id, ct, tracked: true);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        if (!coordination.MayHandOver(@case))
        {
            return TypedResults.Forbid();
        }

        var errors = await coordination.HandOverAsync(@case, r.CaseworkerId, r.KeepDeputies ?? true, ct);
        return errors.Count > 0
            ? ApiResults.Violations(errors)
            : TypedResults.Ok(new TransferDone(@case.Id, @case.ServiceId, @case.CaseworkerId, @case.Phase, @case.CaseNumber, @case.NoticeRenewalRequired));
    }

    /// <summary>TR-02: the sending IFD (or InA) asked to move it with { serviceId }: the move is the receiving IFD's step.</summary>
    private static async Task<Results<Ok<TransferDone>, NotFound, ForbidHttpResult, ProblemHttpResult>> SendingSideAsync(Guid id, CaseService cases, CancellationToken ct)
        => await cases.GetAsync(id, ct) is null
            ? TypedResults.NotFound()
            : ApiResults.Violations([CoordinationRules.BetweenSenderCannotMove()]);

    private static async Task<Results<Created<TransferCreated>, NotFound, ForbidHttpResult, ProblemHttpResult>> RequestTransferAsync(
        Guid id, TransferRequestBody r, CaseService cases, CoordinationService coordination, CancellationToken ct)
    {
        var @case = await cases.GetAsync(id, ct);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        if (!coordination.MayHandOver(@case))
        {
            return TypedResults.Forbid();
        }

        var (request, errors) = await coordination.RequestTransferAsync(@case, r.ServiceId, ct);
        return request is null
            ? ApiResults.Violations(errors)
            : TypedResults.Created($"/api/v1/transfer-requests/{request.Id}", new TransferCreated(request.Id, request.Status));
    }

    private static async Task<Results<Ok<TransferCreated>, NotFound, ForbidHttpResult, ProblemHttpResult>> ConfirmAsync(
        Guid id, CaseService cases, CaseAccess access, CoordinationService coordination, CancellationToken ct)
    {
        var @case = await cases.GetAsync(id, ct);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        if (!access.IsCoordinator)
        {
            return TypedResults.Forbid();
        }

        var (request, errors) = await coordination.ConfirmAsync(@case, ct);
        return request is null ? ApiResults.Violations(errors) : TypedResults.Ok(new TransferCreated(request.Id, request.Status));
    }

    private static async Task<Ok<List<TransferRequestDto>>> ListTransfersAsync(bool? open, CoordinationService coordination, CancellationToken ct)
        => TypedResults.Ok((await coordination.TransferRequestsAsync(open ?? false, ct)).Select(TransferRequestDto.From).ToList());

    /// <summary>TR-02 (b): multipart field "file"; DOC-01 checks as every upload.</summary>
    private static async Task<Results<Created<TransferCreated>, NotFound, ProblemHttpResult>> UploadReleaseAsync(
        Guid rid, HttpRequest http, CoordinationService coordination, CancellationToken ct)
    {
        if (!http.HasFormContentType)
        {
            return ApiResults.Input("file", "Die Entbindung von der Schweigepflicht wird als multipart/form-data mit dem Feld „file“ hochgeladen.");
        }

        // Only the receiving IFD may upload: checked before the body is read.
        var request = await coordination.IncomingAsync(rid, ct);
        if (request is null)
        {
            return TypedResults.NotFound();
        }

        if (await UploadLimits.ReadFormAsync(http, ct) is not { } form)
        {
            return ApiResults.Input("file", UploadLimits.MalformedForm);
        }

        var file = form.Files.GetFile("file");
        if (file is null)
        {
            return ApiResults.Input("file", "Es wurde keine Datei übertragen (Feld „file“).");
        }

        await using var stream = file.OpenReadStream();
        var errors = await coordination.UploadReleaseAsync(request, new DocumentService.Upload(file.FileName, stream, file.Length), ct);
        return errors.Count > 0
            ? ApiResults.Violations(errors)
            : TypedResults.Created($"/api/v1/transfer-requests/{rid}", new TransferCreated(request.Id, request.Status));
    }

    private static async Task<Results<Ok<List<NotificationDto>>, ForbidHttpResult>> ListNotificationsAsync(CaseAccess access, CoordinationService coordination, CancellationToken ct)
        => !access.IsCoordinator
            ? TypedResults.Forbid()
            : TypedResults.Ok((await coordination.NotificationsAsync(ct)).Select(n => new NotificationDto(n.Id, n.CaseId, n.CaseNumber, n.Kind, n.Text, n.CreatedAt)).ToList());
}
