using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Teilhabe.Core.Programmes;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Documents;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Programmes;

/// <summary>
/// PRG-TR-07 aftercare contacts, PRG-TR-08 placement prospect, the end of a participation (PRG-TR-05), moving up from
/// the waiting list (PRG-TR-01) and the participation contract (PRG-TR-04), beside the participation endpoints of API.md.
/// </summary>
internal static class ParticipationActionsApi
{
    public sealed record AftercareContactRequest(DateOnly? On, string? With, string? Form, string? Note);

    public sealed record AftercareContactDto(Guid Id, DateOnly On, string With, string Form, string? Note);

    public sealed record ProspectRequest(bool? Prospect, DateOnly? On);

    public sealed record EndRequest(DateOnly? On, string? Reason, string? Note);

    public sealed record MovedUp(Guid ParticipationId);

    public sealed record ContractDto(DateOnly SignedOn, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt);

    public static List<AftercareContactDto> Aftercare(Participation p)
        => [.. p.Aftercare.OrderBy(c => c.On).ThenBy(c => c.RecordedAt)
            .Select(c => new AftercareContactDto(c.Id, c.On, ParticipationActionRules.PartyCode(c.With), ParticipationActionRules.FormCode(c.Form), c.Note))];

    public static ContractDto? Contract(Participation p) => p.ContractSignedOn is { } signed && p.ContractFileName is not null
        ? new(signed, p.ContractFileName, p.ContractContentType!, p.ContractSize ?? 0, p.ContractSha256!, p.ContractUploadedAt!.Value)
        : null;

    public static RouteGroupBuilder MapParticipationActionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Programmes")
            .RequireAuthorization(PlatformSetup.ApiPolicy).RequireAuthorization(p => p.RequireRole(ProgrammeService.StaffRoles));
        group.MapPost("/participations/{id:guid}/aftercare-contacts", AddAftercareAsync);
        group.MapGet("/participations/{id:guid}/aftercare-contacts", async (Guid id, ProgrammeService programmes, CancellationToken ct)
            => await programmes.GetParticipationAsync(id, ct) is { } v ? Results.Ok(Aftercare(v.Participation)) : Results.NotFound())
            .Produces<List<AftercareContactDto>>();
        group.MapPost("/participations/{id:guid}/prospect", async (Guid id, ProspectRequest r, ProgrammeService programmes, CancellationToken ct)
            => Answer(await programmes.SetProspectAsync(id, r.Prospect, r.On, ct)));
        group.MapPost("/participations/{id:guid}/end", EndAsync);
        group.MapPost("/programmes/{id:guid}/move-up", MoveUpAsync);
        group.MapPost("/participations/{id:guid}/contract", UploadContractAsync).DisableAntiforgery();
        group.MapGet("/participations/{id:guid}/contract", DownloadContractAsync)
            .ProducesFile("application/pdf", "image/png", "image/jpeg", "image/tiff",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.oasis.opendocument.text");
        return group;
    }

    private static Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult> Answer<T>(Result<T> result) => result.Status switch
    {
        ResultStatus.Ok => TypedResults.NoContent(),
        ResultStatus.NotFound => TypedResults.NotFound(),
        ResultStatus.Forbidden => TypedResults.Forbid(),
        _ => ApiResults.Violations(result.Violations),
    };

    private static async Task<Results<Created<ProgrammesApi.CreatedId>, NotFound, ProblemHttpResult>> AddAftercareAsync(
        Guid id, AftercareContactRequest r, ProgrammeService programmes, CancellationToken ct)
    {
        if (r.With is not null && ParticipationActionRules.ParseParty(r.With) is null)
        {
            return ApiResults.Input("with", "Mit wem ist participant (teilnehmende Person) oder employer (Betrieb).");
        }

        if (r.Form is not null && ParticipationActionRules.ParseForm(r.Form) is null)
        {
            return ApiResults.Input("form", "Die Form ist personal, phone, written oder electronic.");
        }

        var result = await programmes.AddAftercareContactAsync(id, r.On, r.With, r.Form, r.Note, ct);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Created($"/api/v1/participations/{id}/aftercare-contacts", new ProgrammesApi.CreatedId(result.Value!.Id)),
            ResultStatus.NotFound => TypedResults.NotFound(),
            _ => ApiResults.Violations(result.Violations),
        };
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult>> EndAsync(Guid id, EndRequest r, ProgrammeService programmes, CancellationToken ct)
    {
        if (r.Reason is not null && ParticipationActionRules.ParseEndReason(r.Reason) is null)
        {
            return ApiResults.Input("reason", $"Der Grund ist {ProgrammeRules.Alternatives(ParticipationActionRules.EndReasons.Select(e => e.Code))}.");
        }

        return Answer(await programmes.EndAsync(id, r.On, r.Reason, r.Note, ct));
    }

    private static async Task<Results<Ok<MovedUp>, NotFound, ForbidHttpResult, ProblemHttpResult>> MoveUpAsync(Guid id, ProgrammeService programmes, CancellationToken ct)
    {
        var result = await programmes.MoveUpAsync(id, ct);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Ok(new MovedUp(result.Value!.Id)),
            ResultStatus.NotFound => TypedResults.NotFound(),
            ResultStatus.Forbidden => TypedResults.Forbid(),
            _ => ApiResults.Violations(result.Violations),
        };
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult>> UploadContractAsync(
        Guid id, HttpRequest request, ProgrammeService programmes, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return ApiResults.Input("file", "Der Teilnahmevertrag wird als multipart/form-data mit den Feldern „file“ und „signedOn“ hochgeladen.");
        }

        // Access before the body is read (its size was checked before it came in: UploadLimits).
        if (!await programmes.IsVisibleAsync(id, ct))
        {
            return TypedResults.NotFound();
        }

        if (await UploadLimits.ReadFormAsync(request, ct) is not { } form)
        {
            return ApiResults.Input("file", UploadLimits.MalformedForm);
        }

        DateOnly? signedOn = DateOnly.TryParseExact(form["signedOn"].ToString(), "yyyy-MM-dd", out var d) ? d : null;
        var file = form.Files.GetFile("file");
        await using var stream = file?.OpenReadStream();
        var upload = file is null ? null : new ProgrammeService.ContractUpload(file.FileName, stream!, file.Length);
        return Answer(await programmes.UploadContractAsync(id, signedOn, upload, ct));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadContractAsync(Guid id, ProgrammeService programmes, CancellationToken ct)
        => await programmes.OpenContractAsync(id, ct) is { } f ? TypedResults.File(f.Content, f.ContentType, f.FileName) : TypedResults.NotFound();
}
