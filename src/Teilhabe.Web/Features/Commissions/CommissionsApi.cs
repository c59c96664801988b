using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Documents;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Commissions;

/// <summary>API.md "Cases": objection (BA-SI-01), extensions (BA-EXT-01), Inklusionsbetrieb (BA-IB-01), successful placement (BA-ST-01).</summary>
internal static class CommissionsApi
{
    public sealed record ObjectionRequest(string? Reason);

    public sealed record ExtensionRequestBody(string? ProgressReport, DateOnly? RequestedEndDate);

    public sealed record ExtensionDecisionBody(bool? Approved, string? Note, DateOnly? NewEndDate);

    public sealed record ApplicationBody(string? Need);

    public sealed record ApplicationDecisionBody(bool? Approved, string? Note);

    public sealed record ExtensionDto(Guid Id, Guid CaseId, string ProgressReport, DateOnly RequestedEndDate, DateOnly? CurrentEndDate, DateOnly RequestedOn, string RequestedBy,
        bool? Approved, DateOnly? DecidedOn, string? DecidedBy, string? Note, DateOnly? NewEndDate)
    {
        public static ExtensionDto From(ExtensionRequest r) => new(r.Id, r.CaseId, r.ProgressReport, r.RequestedEndDate, r.CurrentEndDate, r.RequestedOn, r.RequestedBy,
            r.Approved, r.DecidedOn, r.DecidedBy, r.DecisionNote, r.NewEndDate);
    }

    public sealed record ApplicationDto(Guid Id, Guid CaseId, string Need, DateOnly AppliedOn, string AppliedBy, bool? Approved, DateOnly? DecidedOn, string? DecidedBy, string? Note)
    {
        public static ApplicationDto From(InclusionCompanyApplication a) => new(a.Id, a.CaseId, a.Need, a.AppliedOn, a.AppliedBy, a.Approved, a.DecidedOn, a.DecidedBy, a.DecisionNote);
    }

    public sealed record PlacementResult(Guid ClosedCaseId, Guid NewCaseId);

    public static RouteGroupBuilder MapCommissionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/cases").WithTags("Cases").RequireAuthorization(PlatformSetup.ApiPolicy);
        group.MapPost("/{id:guid}/objection", ObjectAsync);
        group.MapGet("/{id:guid}/extension-requests", ListExtensionsAsync);
        group.MapPost("/{id:guid}/extension-requests", RequestExtensionAsync);
        group.MapPost("/{id:guid}/extension-requests/{rid:guid}/decision", DecideExtensionAsync);
        group.MapGet("/{id:guid}/inclusion-company-applications", ListApplicationsAsync);
        group.MapPost("/{id:guid}/inclusion-company-applications", ApplyAsync);
        group.MapPost("/{id:guid}/inclusion-company-applications/{aid:guid}/decision", DecideApplicationAsync);
        group.MapPost("/{id:guid}/successful-placement", SuccessfulPlacementAsync).DisableAntiforgery();
        return group;
    }

    private static bool Forbidden(IReadOnlyList<RuleViolation> errors) => errors.Count == 1 && errors[0].Rule == RuleIds.Roles;

    private static async Task<Results<Ok<CaseDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> ObjectAsync(
        Guid id, ObjectionRequest? r, CaseService cases, CaseAccess access, CommissionService commissions, CancellationToken ct)
    {
        var @case = await cases.GetAsync(id, ct, tracked: true);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        if (!access.IsCoordinator)
        {
            return TypedResults.Forbid();
        }

        var errors = await commissions.ObjectAsync(@case, r?.Reason, ct);
        if (errors.Count > 0)
        {
            return Forbidden(errors) ? TypedResults.Forbid() : ApiResults.Violations(errors);
        }

        return TypedResults.Ok(CaseDto.From(@case, false, await commissions.StatusAsync(@case, ct)));
    }

    private static async Task<Results<Ok<List<ExtensionDto>>, NotFound>> ListExtensionsAsync(Guid id, CaseService cases, CommissionService commissions, CancellationToken ct)
    {
        var @case = await cases.GetAsync(id, ct);
        return @case is null ? TypedResults.NotFound() : TypedResults.Ok((await commissions.ExtensionsAsync(id, ct)).Select(ExtensionDto.From).ToList());
    }

    private static async Task<Results<Created<ExtensionDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> RequestExtensionAsync(
        Guid id, ExtensionRequestBody? r, CaseService cases, CaseAccess access, CommissionService commissions, CancellationToken ct)
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

        var (request, errors) = await commissions.RequestExtensionAsync(@case, r?.ProgressReport, r?.RequestedEndDate, ct);
        return request is null
            ? ApiResults.Violations(errors)
            : TypedResults.Created($"/api/v1/cases/{id}/extension-requests", ExtensionDto.From(request));
    }

    private static async Task<Results<Ok<ExtensionDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> DecideExtensionAsync(
        Guid id, Guid rid, ExtensionDecisionBody? r, CaseService cases, CaseAccess access, CommissionService commissions, CancellationToken ct)
    {
        var @case = await cases.GetAsync(id, ct, tracked: true);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        if (!access.IsCoordinator)
        {
            return TypedResults.Forbid();
        }

        var outcome = await commissions.DecideExtensionAsync(@case, rid, r?.Approved, r?.Note, r?.NewEndDate, ct);
        var (request, errors) = outcome;
        var missing = outcome.Status == ResultStatus.NotFound;
        if (missing)
        {
            return TypedResults.NotFound();
        }

        if (request is null)
        {
            return Forbidden(errors) ? TypedResults.Forbid() : ApiResults.Violations(errors);
        }

        return TypedResults.Ok(ExtensionDto.From(request));
    }

    private static async Task<Results<Ok<List<ApplicationDto>>, NotFound>> ListApplicationsAsync(Guid id, CaseService cases, CommissionService commissions, CancellationToken ct)
    {
        var @case = await cases.GetAsync(id, ct);
        return @case is null ? TypedResults.NotFound() : TypedResults.Ok((await commissions.ApplicationsAsync(id, ct)).Select(ApplicationDto.From).ToList());
    }

    private static async Task<Results<Created<ApplicationDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> ApplyAsync(
        Guid id, ApplicationBody? r, CaseService cases, CaseAccess access, CommissionService commissions, CancellationToken ct)
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

        var (application, errors) = await commissions.ApplyInclusionCompanyAsync(@case, r?.Need, ct);
        return application is null
            ? ApiResults.Violations(errors)
            : TypedResults.Created($"/api/v1/cases/{id}/inclusion-company-applications", ApplicationDto.From(application));
    }

    private static async Task<Results<Ok<ApplicationDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> DecideApplicationAsync(
        Guid id, Guid aid, ApplicationDecisionBody? r, CaseService cases, CaseAccess access, CommissionService commissions, CancellationToken ct)
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

        var outcome = await commissions.DecideInclusionCompanyAsync(@case, aid, r?.Approved, r?.Note, ct);
        var (application, errors) = outcome;
        var missing = outcome.Status == ResultStatus.NotFound;
        if (missing)
        {
            return TypedResults.NotFound();
        }

        if (application is null)
        {
            return Forbidden(errors) ? TypedResults.Forbid() : ApiResults.Violations(errors);
        }

        return TypedResults.Ok(ApplicationDto.From(application));
    }

    /// <summary>
    /// BA-ST-01: multipart with the fields and the two files of API.md; any refusal changes nothing. Optional beyond
    /// API.md: "outcomeCategoryCode" (default from the employment kind) and the file "writtenCommission", which a
    /// stabilisation under § 196 Abs. 3 (Reha group) needs for its P3 (PH-P3-01).
    /// </summary>
    private static async Task<Results<Created<PlacementResult>, NotFound, ForbidHttpResult, ProblemHttpResult>> SuccessfulPlacementAsync(
        Guid id, HttpRequest request, CaseService cases, CaseAccess access, CommissionService commissions, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return ApiResults.Input("jobStart", "Die erfolgreiche Vermittlung wird als multipart/form-data mit Feldern und den Dateien „dataProtectionNotice“ und „goalAgreement“ übertragen.");
        }

        // The caller's access is checked before the body is read (its size was checked before it came in: UploadLimits).
        var @case = await cases.GetAsync(id, ct, tracked: true);
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

        var input = new List<RuleViolation>();
        var jobStart = Date(form["jobStart"], "jobStart", input);
        var signedOn = Date(form["dataProtectionNoticeSignedOn"], "dataProtectionNoticeSignedOn", input);
        Guid? institution = null;
        if (!string.IsNullOrEmpty(form["institutionId"]))
        {
            if (Guid.TryParse(form["institutionId"], out var iid))
            {
                institution = iid;
            }
            else
            {
                input.Add(new(RuleIds.Input, "institutionId ist keine gültige ID.", "institutionId"));
            }
        }

        if (input.Count > 0)
        {
            return ApiResults.InputErrors(input);
        }

        var noticeFile = form.Files.GetFile("dataProtectionNotice");
        var goalFile = form.Files.GetFile("goalAgreement");
        var writtenFile = form.Files.GetFile("writtenCommission");
        await using var noticeStream = noticeFile?.OpenReadStream();
        await using var goalStream = goalFile?.OpenReadStream();
        await using var writtenStream = writtenFile?.OpenReadStream();
        var (created, errors) = await commissions.SuccessfulPlacementAsync(@case, new CommissionService.PlacementInput(
            jobStart, Text(form["employmentKindCode"]), institution, Text(form["legalBasisCode"]), signedOn, Text(form["dataProtectionNoticeVersion"]),
            noticeFile is null ? null : new DocumentService.Upload(noticeFile.FileName, noticeStream!, noticeFile.Length),
            goalFile is null ? null : new DocumentService.Upload(goalFile.FileName, goalStream!, goalFile.Length),
            Text(form["outcomeCategoryCode"]),
            writtenFile is null ? null : new DocumentService.Upload(writtenFile.FileName, writtenStream!, writtenFile.Length)), ct);
        if (created is null)
        {
            return Forbidden(errors) ? TypedResults.Forbid() : ApiResults.Violations(errors);
        }

        return TypedResults.Created($"/api/v1/cases/{created.Id}", new PlacementResult(id, created.Id));
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? Date(string? value, string field, List<RuleViolation> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new(RuleIds.Input, $"{field}: Datum im Format JJJJ-MM-TT erwartet.", field));
        return null;
    }
}
