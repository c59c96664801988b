using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Infrastructure;
using static Teilhabe.Web.Features.Clients.ClientsApi;

namespace Teilhabe.Web.Features.Clients;

/// <summary>
/// API.md "Corrections of the client's records" (CL-03): PUT with the body of the POST → 200 with the corrected record,
/// POST …/removal with a reason → 204. An If-Match, when sent, must be the client's ETag (409 when stale).
/// </summary>
internal static class ClientCorrectionsApi
{
    public sealed record RemovalRequest(string? Reason);

    public static RouteGroupBuilder MapClientCorrectionsApi(this RouteGroupBuilder editors)
    {
        editors.MapPut("/{id:guid}/disability-evidence/{evidenceId:guid}", CorrectEvidenceAsync);
        editors.MapPut("/{id:guid}/disabilities/{disabilityId:guid}", CorrectDisabilityAsync);
        editors.MapPut("/{id:guid}/employment-situations/{situationId:guid}", CorrectEmploymentAsync);
        editors.MapPost("/{id:guid}/disability-evidence/{evidenceId:guid}/removal",
            (Guid id, Guid evidenceId, RemovalRequest r, [FromHeader(Name = "If-Match")] string? ifMatch, ClientCorrectionService corrections, CancellationToken ct)
                => RemoveAsync(id, ClientRecordKind.DisabilityEvidence, evidenceId, r, ifMatch, corrections, ct));
        editors.MapPost("/{id:guid}/disabilities/{disabilityId:guid}/removal",
            (Guid id, Guid disabilityId, RemovalRequest r, [FromHeader(Name = "If-Match")] string? ifMatch, ClientCorrectionService corrections, CancellationToken ct)
                => RemoveAsync(id, ClientRecordKind.Disability, disabilityId, r, ifMatch, corrections, ct));
        editors.MapPost("/{id:guid}/employment-situations/{situationId:guid}/removal",
            (Guid id, Guid situationId, RemovalRequest r, [FromHeader(Name = "If-Match")] string? ifMatch, ClientCorrectionService corrections, CancellationToken ct)
                => RemoveAsync(id, ClientRecordKind.EmploymentSituation, situationId, r, ifMatch, corrections, ct));
        return editors;
    }

    private static async Task<Results<Ok<EvidenceDto>, NotFound, ProblemHttpResult>> CorrectEvidenceAsync(
        Guid id, Guid evidenceId, EvidenceRequest r, [FromHeader(Name = "If-Match")] string? ifMatch, ClientCorrectionService corrections, HttpContext http, CancellationToken ct)
    {
        if (!ETags.TryParseIfMatch(ifMatch, out var expected))
        {
            return IfMatchRefused();
        }

        var outcome = await corrections.CorrectEvidenceAsync(id, evidenceId, expected, new(r.Kind, r.NoticeDate, r.EffectiveFrom, r.Degree, r.ValidUntil), ct);
        return Answer(outcome, http, c => ToDto(c.Evidence.Single(e => e.Id == evidenceId)));
    }

    private static async Task<Results<Ok<DisabilityDto>, NotFound, ProblemHttpResult>> CorrectDisabilityAsync(
        Guid id, Guid disabilityId, DisabilityRequest r, [FromHeader(Name = "If-Match")] string? ifMatch, ClientCorrectionService corrections, HttpContext http, CancellationToken ct)
    {
        if (!ETags.TryParseIfMatch(ifMatch, out var expected))
        {
            return IfMatchRefused();
        }

        var outcome = await corrections.CorrectDisabilityAsync(id, disabilityId, expected, new(r.CategoryCode, r.Description, r.Recognised ?? true, r.CareRelevant ?? false), ct);
        return Answer(outcome, http, c => ToDto(c.Disabilities.Single(d => d.Id == disabilityId)));
    }

    private static async Task<Results<Ok<EmploymentDto>, NotFound, ProblemHttpResult>> CorrectEmploymentAsync(
        Guid id, Guid situationId, EmploymentRequest r, [FromHeader(Name = "If-Match")] string? ifMatch, ClientCorrectionService corrections, ClientService clients, HttpContext http, CancellationToken ct)
    {
        if (!ETags.TryParseIfMatch(ifMatch, out var expected))
        {
            return IfMatchRefused();
        }

        var outcome = await corrections.CorrectEmploymentAsync(id, situationId, expected, new(r.KindCode, r.From, r.InstitutionId), ct);
        return Answer(outcome, http, c => ToDto(c.Employment.Single(e => e.Id == situationId), clients.Today));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RemoveAsync(
        Guid id, ClientRecordKind kind, Guid recordId, RemovalRequest r, string? ifMatch, ClientCorrectionService corrections, CancellationToken ct)
    {
        if (!ETags.TryParseIfMatch(ifMatch, out var expected))
        {
            return IfMatchRefused();
        }

        var outcome = await corrections.RemoveAsync(id, kind, recordId, expected, r.Reason, ct);
        return outcome.Status switch
        {
            ResultStatus.Ok => TypedResults.NoContent(),
            ResultStatus.NotFound => TypedResults.NotFound(),
            _ => ApiResults.Problem(outcome),
        };
    }

    private static Results<Ok<T>, NotFound, ProblemHttpResult> Answer<T>(Result<Client> outcome, HttpContext http, Func<Client, T> dto)
    {
        switch (outcome.Status)
        {
            case ResultStatus.Ok:
                http.Response.Headers.ETag = ETags.Of(outcome.Value!.Version);
                return TypedResults.Ok(dto(outcome.Value));
            case ResultStatus.NotFound:
                return TypedResults.NotFound();
            default:
                return ApiResults.Problem(outcome);
        }
    }

    private static ProblemHttpResult IfMatchRefused() => ApiResults.Input("If-Match", "If-Match muss das ETag aus GET /api/v1/clients/{id} enthalten.");
}
