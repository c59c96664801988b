using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Clients;
using Teilhabe.Web.Features.Documents;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Cases;

/// <summary>API.md "Cases" and "Documents".</summary>
internal static class CasesApi
{
    public sealed record CreateRequest(Guid? ClientId, DateOnly? StartDate, string? CareTypeCode, Guid? FunderId, string? LegalBasisCode, string? CaseGroupCode, string? ReferringBodyCode, Guid? ParentCaseId, string? CaseworkerId);

    public sealed record CreatedCase(Guid Id, Phase Phase, string CaseNumber);

    public sealed record NoticeRequest(DateOnly? SignedOn, string? Version, DateOnly? CommissionDate);

    public sealed record SecondSignatureRequest(DateOnly? ApplicationDate, DateOnly? SignedOn);

    public sealed record AgreementRequest(string? Kind, DateOnly? AgreedOn, string? AgreedWith);

    public sealed record TransitionRequest(Phase? To, DateOnly? Date, string? ReasonCode, string? OutcomeCategoryCode, bool? ConfirmPurge);

    public static RouteGroupBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/cases").WithTags("Cases").RequireAuthorization(PlatformSetup.ApiPolicy);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(p => p.RequireRole(ClientService.EditorRoles));
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPatch("/{id:guid}", PatchAsync);
        group.MapPost("/{id:guid}/data-protection-notice", SignNoticeAsync);
        group.MapPost("/{id:guid}/data-protection-notice/second-signature", SecondSignatureAsync);
        group.MapPost("/{id:guid}/agreements", AddAgreementAsync);
        group.MapGet("/{id:guid}/transitions/{phase}/check", CheckAsync);
        group.MapPost("/{id:guid}/transitions", TransitionAsync);
        group.MapPost("/{id:guid}/funder-change", ChangeFunderAsync);
        group.MapPut("/{id:guid}/deputies", SetDeputiesAsync);
        group.MapGet("/{id:guid}/documents", ListDocumentsAsync);
        group.MapPost("/{id:guid}/documents", UploadAsync).DisableAntiforgery();
        app.MapGet("/api/v1/documents/{id:guid}", DownloadAsync).WithTags("Documents").RequireAuthorization(PlatformSetup.ApiPolicy)
            .ProducesFile("application/pdf", "image/png", "image/jpeg", "image/tiff",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.oasis.opendocument.text");
        app.MapPost("/api/v1/documents/{id:guid}/removal", RemoveDocumentAsync).WithTags("Documents").RequireAuthorization(PlatformSetup.ApiPolicy);
        return group;
    }

    private static async Task<Ok<ClientsApi.Paged<CaseSummaryDto>>> ListAsync(
        Guid? clientId, string? phase, string? caseworkerId, string? careTypeCode, Guid? funderId, bool? overdue, bool? withoutContact, int? page, int? pageSize,
        CaseService cases, CancellationToken ct)
    {
        // "phase=FDS" asks for the open FDS cases (FP1, FP3), as the team overview counts them.
        var fds = string.Equals(phase, "FDS", StringComparison.OrdinalIgnoreCase);
        Phase? onePhase = !fds && Enum.TryParse<Phase>(phase, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var filter = new CaseService.Filter(clientId, onePhase, caseworkerId, careTypeCode, funderId, overdue, fds, withoutContact == true);
        var (items, total) = await cases.ListAsync(filter, page ?? 1, pageSize ?? 50, ct);
        return TypedResults.Ok(new ClientsApi.Paged<CaseSummaryDto>(
            [.. items.Select(c => new CaseSummaryDto(c.Id, c.CaseNumber, c.ClientId, c.Phase, c.CareTypeCode, c.FunderId, c.CaseworkerId, c.PhaseSince, c.PlannedEndDate))], total));
    }

    private static async Task<Results<Created<CreatedCase>, ProblemHttpResult>> CreateAsync(CreateRequest r, CaseService cases, CancellationToken ct)
    {
        var (created, errors) = await cases.CreateAsync(
            new CaseService.CreateInput(r.ClientId, r.CareTypeCode, r.FunderId, r.LegalBasisCode, r.CaseGroupCode, r.ReferringBodyCode, r.ParentCaseId, r.CaseworkerId, r.StartDate), ct);
        return created is null
            ? ApiResults.Violations(errors)
            : TypedResults.Created($"/api/v1/cases/{created.Id}", new CreatedCase(created.Id, created.Phase, created.CaseNumber));
    }

    private static async Task<Results<Ok<CaseDto>, NotFound>> GetAsync(
        Guid id, CaseService cases, CaseAccess access, Teilhabe.Web.Features.Commissions.CommissionService commissions, HttpContext http, CancellationToken ct)
    {
        var @case = await cases.GetAsync(id, ct);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = ETags.Of(@case.Version);
        return TypedResults.Ok(CaseDto.From(@case, access.SeesInternalTexts(@case), await commissions.StatusAsync(@case, ct), await commissions.ConflictOfInterestAsync(@case, ct)));
    }

    /// <summary>Case and report fields; only the properties present in the body change. If-Match guards against lost updates.</summary>
    private static async Task<Results<Ok<CaseDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> PatchAsync(
        Guid id, JsonElement body, [FromHeader(Name = "If-Match")] string? ifMatch, CaseService cases, CaseAccess access, HttpContext http, CancellationToken ct)
    {
        var @case = await cases.GetAsync(id, ct);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        if (!access.CanEdit(@case))
        {
            return TypedResults.Forbid();
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            return ApiResults.Input("body", "Erwartet wird ein JSON-Objekt mit den zu ändernden Feldern.");
        }

        if (!ETags.TryParseIfMatch(ifMatch, out var expected))
        {
            return ApiResults.Input("If-Match", "If-Match muss das ETag aus GET /api/v1/cases/{id} enthalten.");
        }

        var patch = new CasePatch(body);
        if (patch.Errors.Count > 0)
        {
            return ApiResults.InputErrors(patch.Errors);
        }

        var settings = new CaseSettings(
            patch.Id("funderId", @case.FunderId), patch.Text("careTypeCode", @case.CareTypeCode), patch.Text("legalBasisCode", @case.LegalBasisCode),
            patch.Text("caseGroupCode", @case.CaseGroupCode), patch.Text("referringBodyCode", @case.ReferringBodyCode));
        var t = @case.Texts;
        var texts = new CaseTexts
        {
            Concern = patch.Text("concern", t.Concern),
            PlannedContents = patch.Text("plannedContents", t.PlannedContents),
            DisabilityImpact = patch.Text("disabilityImpact", t.DisabilityImpact),
            GoalAgreement = patch.Text("goalAgreement", t.GoalAgreement),
            Supplements = patch.Text("supplements", t.Supplements),
            Progress = patch.Text("progress", t.Progress),
            ClosingResult = patch.Text("closingResult", t.ClosingResult),
            Todo = patch.Text("todo", t.Todo),
        };
        var frequency = patch.Number("contactFrequencyDays", @case.ContactFrequencyDays);
        var plannedEnd = patch.Date("plannedEndDate", @case.PlannedEndDate, out var plannedEndGiven);
        var confirmations = new CaseService.SchwbAv27Confirmations(
            patch.Flag("employerAppliedBeforeIfd", @case.EmployerAppliedBeforeIfd),
            patch.Flag("applicationWithIfdSupportConfirmed", @case.ApplicationWithIfdSupportConfirmed),
            patch.Flag("priorMeasuresExhaustedConfirmed", @case.PriorMeasuresExhaustedConfirmed));
        if (patch.Errors.Count > 0)
        {
            return ApiResults.InputErrors(patch.Errors);
        }

        var outcome = await cases.UpdateAsync(id, expected, settings, texts, frequency, ct, confirmations,
            plannedEndGiven ? new CaseService.PlannedEndChange(plannedEnd) : null);
        var (updated, errors) = outcome;
        var conflict = outcome.Status == ResultStatus.Conflict;
        if (conflict)
        {
            return ApiResults.Status(StatusCodes.Status409Conflict, "Der Auftrag wurde inzwischen von jemand anderem geändert. Bitte neu laden und die Änderung erneut eintragen.");
        }

        if (errors.Count > 0)
        {
            return ApiResults.Violations(errors);
        }

        http.Response.Headers.ETag = ETags.Of(updated!.Version);
        var fresh = await cases.GetAsync(id, ct);
        return TypedResults.Ok(CaseDto.From(fresh!, true));
    }

    private static async Task<Results<Ok<CaseDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> SignNoticeAsync(
        Guid id, NoticeRequest r, CaseService cases, CaseAccess access, CancellationToken ct)
    {
        var @case = await cases.GetAsync(id, ct, tracked: true);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        if (!access.CanEdit(@case))
        {
            return TypedResults.Forbid();
        }

        var errors = await cases.SignNoticeAsync(@case, r.SignedOn, r.Version, r.CommissionDate, ct);
        return errors.Count > 0 ? ApiResults.Violations(errors) : TypedResults.Ok(CaseDto.From(@case, true));
    }

    private static async Task<Results<Ok<CaseDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> SecondSignatureAsync(
        Guid id, SecondSignatureRequest r, CaseService cases, CaseAccess access, CancellationToken ct)
    {
        var @case = await cases.GetAsync(id, ct, tracked: true);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        if (!access.CanEdit(@case))
        {
            return TypedResults.Forbid();
        }

        var errors = await cases.SecondSignatureAsync(@case, r.ApplicationDate, r.SignedOn, ct);
        return errors.Count > 0 ? ApiResults.Violations(errors) : TypedResults.Ok(CaseDto.From(@case, true));
    }

    private static async Task<Results<Created<AgreementDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> AddAgreementAsync(
        Guid id, AgreementRequest r, CaseService cases, CaseAccess access, CancellationToken ct)
    {
        var @case = await cases.GetAsync(id, ct, tracked: true);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        if (!access.CanEdit(@case) && !access.IsCoordinator)
        {
            return TypedResults.Forbid();
        }

        var (agreement, errors) = await cases.AddAgreementAsync(@case, r.Kind, r.AgreedOn, r.AgreedWith, ct);
        return agreement is null
            ? ApiResults.Violations(errors)
            : TypedResults.Created($"/api/v1/cases/{id}", new AgreementDto(agreement.Id, agreement.Kind, agreement.AgreedOn, agreement.AgreedWith, agreement.ApprovedByUserId is not null));
    }

    private static async Task<Results<Ok<CheckDto>, NotFound, ProblemHttpResult>> CheckAsync(
        Guid id, string phase, DateOnly? date, string? reasonCode, string? outcomeCategoryCode, bool? confirmPurge, CaseService cases, CaseTransitions transitions, CancellationToken ct)
    {
        if (!Enum.TryParse<Phase>(phase, ignoreCase: false, out var to) || !Enum.IsDefined(to))
        {
            return ApiResults.Input("phase", "Unbekannte Phase: P1, P2, P3, P4, FP1, FP3, FP4 oder FP5.");
        }

        var @case = await cases.GetAsync(id, ct);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        var check = await transitions.CheckAsync(@case, new CaseTransitions.Request(to, date, reasonCode, outcomeCategoryCode, confirmPurge ?? false), ct);
        return TypedResults.Ok(CheckDto.From(check));
    }

    private static async Task<Results<Ok<CaseDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> TransitionAsync(
        Guid id, TransitionRequest r, CaseService cases, CaseAccess access, CaseTransitions transitions, CancellationToken ct)
    {
        if (r.To is null)
        {
            return ApiResults.Input("to", "Bitte die Zielphase angeben (P1 … FP5).");
        }

        var @case = await cases.GetAsync(id, ct, tracked: true);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        if (!access.CanEdit(@case))
        {
            return TypedResults.Forbid();
        }

        var check = await transitions.MoveAsync(@case, new CaseTransitions.Request(r.To.Value, r.Date, r.ReasonCode, r.OutcomeCategoryCode, r.ConfirmPurge ?? false), ct);
        if (!check.Allowed)
        {
            return ApiResults.Violations(check.Violations);
        }

        var fresh = await cases.GetAsync(id, ct);
        return TypedResults.Ok(CaseDto.From(fresh!, true));
    }

    public sealed record DeputiesRequest(string[]? UserIds);

    private static async Task<Results<Ok<CaseDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> SetDeputiesAsync(
        Guid id, DeputiesRequest r, CaseService cases, CaseAccess access, CancellationToken ct)
    {
        var @case = await cases.GetAsync(id, ct, tracked: true);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        if (!access.CanEdit(@case))
        {
            return TypedResults.Forbid();
        }

        if (r.UserIds is null)
        {
            // A missing list is malformed input, not "remove every deputy" ([] does that).
            return ApiResults.Input("userIds", "Die Liste der Vertretungen (userIds) fehlt; eine leere Liste entfernt alle Vertretungen.");
        }

        var errors = await cases.SetDeputiesAsync(@case, r.UserIds, ct);
        return errors.Count > 0 ? ApiResults.Violations(errors) : TypedResults.Ok(CaseDto.From(@case, true));
    }

    public sealed record FunderChangeRequest(Guid? FunderId, string? LegalBasisCode, DateOnly? Date, string? OutcomeCategoryCode);

    public sealed record FunderChangeResult(Guid ClosedCaseId, Guid NewCaseId);

    private static async Task<Results<Created<FunderChangeResult>, NotFound, ForbidHttpResult, ProblemHttpResult>> ChangeFunderAsync(
        Guid id, FunderChangeRequest r, CaseService cases, CaseAccess access, CaseTransitions transitions, CancellationToken ct)
    {
        var @case = await cases.GetAsync(id, ct, tracked: true);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        if (!access.CanEdit(@case))
        {
            return TypedResults.Forbid();
        }

        var (successor, check) = await transitions.ChangeFunderAsync(@case, new CaseTransitions.FunderChange(r.FunderId, r.LegalBasisCode, r.Date, r.OutcomeCategoryCode), cases, ct);
        return successor is null
            ? ApiResults.Violations(check.Violations)
            : TypedResults.Created($"/api/v1/cases/{successor.Id}", new FunderChangeResult(@case.Id, successor.Id));
    }

    private static async Task<Results<Ok<List<DocumentDto>>, NotFound>> ListDocumentsAsync(Guid id, CaseService cases, DocumentService documents, CancellationToken ct)
    {
        var @case = await cases.GetAsync(id, ct);
        return @case is null
            ? TypedResults.NotFound()
            : TypedResults.Ok((await documents.ListAsync(@case, ct)).Select(DocumentDto.From).ToList());
    }

    /// <summary>DOC-01: one or more files; all are checked before any is stored, so a refusal stores nothing.</summary>
    private static async Task<Results<Created<DocumentDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> UploadAsync(
        Guid id, HttpRequest request, CaseService cases, CaseAccess access, DocumentService documents, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return ApiResults.Input("file", "Dokumente werden als multipart/form-data mit dem Feld „file“ hochgeladen.");
        }

        // The caller's access is checked before the body is read (its size was checked before it came in: UploadLimits).
        var @case = await cases.GetAsync(id, ct);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        if (!access.CanEdit(@case))
        {
            return TypedResults.Forbid();
        }

        if (await UploadLimits.ReadFormAsync(request, ct) is not { } form)
        {
            return ApiResults.Input("file", UploadLimits.MalformedForm);
        }

        var files = form.Files.GetFiles("file");
        if (files.Count == 0)
        {
            return ApiResults.Input("file", "Es wurde keine Datei übertragen (Feld „file“).");
        }

        DocumentKind? kind = Enum.TryParse<DocumentKind>(form["kind"], ignoreCase: false, out var k) && Enum.IsDefined(k) ? k : null;
        if (kind is null)
        {
            return ApiResults.Input("kind", "Bitte die Art angeben: DisabilityProof, DisabilityCard, DataProtectionNotice, GoalAgreement, WrittenCommission, ExpertStatement, ConfidentialityRelease oder Other.");
        }

        Guid? contactId = null;
        if (!string.IsNullOrEmpty(form["contactId"]))
        {
            if (!Guid.TryParse(form["contactId"], out var cid))
            {
                return ApiResults.Input("contactId", "contactId ist keine gültige ID.");
            }

            contactId = cid;
        }

        // All files are checked (size and content) before any is stored: one refused file stores nothing.
        var streams = files.Select(f => f.OpenReadStream()).ToList();
        try
        {
            var uploads = files.Select((f, i) => new DocumentService.Upload(f.FileName, streams[i], f.Length)).ToList();
            // DOC-04: "formVersion" (optional) names the form version a Merkblatt, Zielvereinbarung or release was signed on.
            var (stored, errors) = await documents.UploadAllAsync(@case, kind, contactId, uploads, ct, formVersion: form["formVersion"].FirstOrDefault());
            if (errors.Count > 0)
            {
                return ApiResults.Violations(errors);
            }

            return TypedResults.Created($"/api/v1/documents/{stored![0].Id}", DocumentDto.From(stored[0]));
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    public sealed record RemovalRequest(string? Reason, Guid? CaseId);

    /// <summary>DOC-06: a wrong upload is removed with a reason; without access to it the answer is 404.</summary>
    private static async Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult>> RemoveDocumentAsync(
        Guid id, RemovalRequest r, DocumentService documents, CancellationToken ct)
    {
        if (await documents.FindAsync(id, r.CaseId, ct) is not var (document, @case))
        {
            return TypedResults.NotFound();
        }

        if (!documents.MayRemove(@case))
        {
            return TypedResults.Forbid();
        }

        var errors = await documents.RemoveAsync(document, @case, r.Reason, ct);
        return errors.Count > 0 ? ApiResults.Violations(errors) : TypedResults.NoContent();
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(Guid id, DocumentService documents, CancellationToken ct)
    {
        var opened = await documents.OpenAsync(id, ct);
        return opened is { } o
            ? TypedResults.File(o.Content, o.Document.ContentType, o.Document.FileName)
            : TypedResults.NotFound();
    }
}
