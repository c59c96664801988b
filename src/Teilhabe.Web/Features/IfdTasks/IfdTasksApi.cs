using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Teilhabe.Core.Cases;
using Teilhabe.Core.IfdTasks;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.IfdTasks;

/// <summary>API.md "IFD tasks" (IFD-01): ability profile, school career orientation, apprenticeships, consent to inform colleagues.</summary>
internal static class IfdTasksApi
{

    public sealed record ConsentBody(DateOnly? GivenOn, string? Form, string? Colleagues, string? Information);

    public sealed record RevokeBody(DateOnly? RevokedOn);

    public sealed record ConsentDto(Guid Id, DateOnly GivenOn, string Form, string Colleagues, string Information, DateOnly? RevokedOn, DateTimeOffset CreatedAt, bool ValidToday)
    {
        public static ConsentDto From(ColleagueConsent c, DateOnly today)
            => new(c.Id, c.GivenOn, ConsentForms.Code(c.Form), c.Colleagues, c.Information, c.RevokedOn, c.CreatedAt, c.IsValidOn(today));
    }

    public sealed record ProfileBody(
        DateOnly? ProfileDate,
        string? Abilities,
        string? Resilience,
        string? WorkPace,
        string? Endurance,
        string? Performance,
        string? Interests,
        string? Limitations,
        string? Recommendation,
        bool? ClientParticipated,
        bool? FunderParticipated,
        string? FunderName,
        Guid? InstitutionId,
        string? InstitutionContact,
        DateOnly? AgreedOn)
    {
        public AbilityProfileDraft Draft() => new(ProfileDate, Abilities, Resilience, WorkPace, Endurance, Performance, Interests, Limitations, Recommendation,
            ClientParticipated ?? false, FunderParticipated ?? false, FunderName, InstitutionId, InstitutionContact);
    }

    public sealed record RevisionDto(int Edition, int Version, DateOnly? AgreedOn, DateTimeOffset SavedAt, string? SavedBy);

    public sealed record ProfileDto(
        Guid Id,
        DateOnly? ProfileDate,
        string? Abilities,
        string? Resilience,
        string? WorkPace,
        string? Endurance,
        string? Performance,
        string? Interests,
        string? Limitations,
        string? Recommendation,
        bool ClientParticipated,
        bool FunderParticipated,
        string? FunderName,
        Guid? InstitutionId,
        string? InstitutionContact,
        string Status,
        DateOnly? AgreedOn,
        int Edition,
        int Version,
        DateTimeOffset? UpdatedAt,
        IReadOnlyList<RevisionDto> Revisions)
    {
        public static ProfileDto From(AbilityProfile p) => new(p.Id, p.ProfileDate, p.Abilities, p.Resilience, p.WorkPace, p.Endurance, p.Performance, p.Interests,
            p.Limitations, p.Recommendation, p.ClientParticipated, p.FunderParticipated, p.FunderName, p.InstitutionId, p.InstitutionContact,
            p.IsAgreed ? "agreed" : "draft", p.AgreedOn, p.Edition, p.Version, p.UpdatedAt,
            [.. p.Revisions.OrderBy(r => r.Version).Select(r => new RevisionDto(r.Edition, r.Version, r.AgreedOn, r.SavedAt, r.SavedBy))]);
    }

    public sealed record OrientationBody(DateOnly? RequestedOn, Guid? RequestingFunderId, Guid? SchoolId, string? SchoolYear, string? SchoolClass, string? Summary)
    {
        public SchoolOrientationDraft Draft() => new(RequestedOn, RequestingFunderId, SchoolId, SchoolYear, SchoolClass, Summary);
    }

    public sealed record ActivityBody(string? Kind, DateOnly? Date, string? Result);

    public sealed record ActivityDto(Guid Id, string Kind, DateOnly Date, string? Result);

    public sealed record OrientationDto(Guid Id, DateOnly? RequestedOn, Guid? RequestingFunderId, Guid? SchoolId, string? SchoolYear, string? SchoolClass, string? Summary,
        IReadOnlyList<ActivityDto> Activities, int Version)
    {
        public static OrientationDto From(SchoolOrientation s) => new(s.Id, s.RequestedOn, s.RequestingFunderId, s.SchoolId, s.SchoolYear, s.SchoolClass, s.Summary,
            [.. s.Activities.OrderBy(a => a.Date).Select(a => new ActivityDto(a.Id, OrientationActivityKinds.Code(a.Kind), a.Date, a.Result))], s.Version);
    }

    public sealed record ApprenticeshipBody(
        Guid? EmployerId,
        string? Occupation,
        string? Chamber,
        string? ChamberName,
        Guid? VocationalSchoolId,
        DateOnly? StartDate,
        DateOnly? PlannedEndDate,
        DateOnly? IntermediateExamOn,
        DateOnly? FinalExamOn,
        string? Status,
        DateOnly? EndedOn,
        string? AbortReason)
    {
        public ApprenticeshipDraft Draft() => new(EmployerId, Occupation, ApprenticeshipLabels.ParseChamber(Chamber), ChamberName, VocationalSchoolId, StartDate,
            PlannedEndDate, IntermediateExamOn, FinalExamOn, ApprenticeshipLabels.ParseStatus(Status ?? "running"), EndedOn, AbortReason);
    }

    public sealed record ApprenticeshipDto(Guid Id, Guid? EmployerId, string Occupation, string Chamber, string? ChamberName, Guid? VocationalSchoolId, DateOnly StartDate,
        DateOnly? PlannedEndDate, DateOnly? IntermediateExamOn, DateOnly? FinalExamOn, string Status, DateOnly? EndedOn, string? AbortReason, Guid? EmploymentSituationId, int Version)
    {
        public static ApprenticeshipDto From(Apprenticeship a) => new(a.Id, a.EmployerId, a.Occupation, ApprenticeshipLabels.ChamberCode(a.Chamber), a.ChamberName,
            a.VocationalSchoolId, a.StartDate, a.PlannedEndDate, a.IntermediateExamOn, a.FinalExamOn, ApprenticeshipLabels.StatusCode(a.Status), a.EndedOn, a.AbortReason,
            a.EmploymentSituationId, a.Version);
    }

    public static void MapIfdTasksApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/cases/{id:guid}").WithTags("IFD tasks").RequireAuthorization(PlatformSetup.ApiPolicy);
        cases.MapGet("/colleague-consents", ListConsentsAsync);
        cases.MapPost("/colleague-consents", RecordConsentAsync);
        cases.MapPost("/colleague-consents/{cid:guid}/revoke", RevokeConsentAsync);
        cases.MapGet("/ability-profile", GetProfileAsync);
        cases.MapPut("/ability-profile", PutProfileAsync);
        cases.MapGet("/school-orientation", GetOrientationAsync);
        cases.MapPut("/school-orientation", PutOrientationAsync);
        cases.MapPost("/school-orientation/activities", AddActivityAsync);
        cases.MapGet("/apprenticeships", ListApprenticeshipsAsync);
        cases.MapPost("/apprenticeships", AddApprenticeshipAsync);
        cases.MapPut("/apprenticeships/{aid:guid}", PutApprenticeshipAsync);
    }

    private static ProblemHttpResult? Denied(Result<Case> gate) => gate.Status switch
    {
        ResultStatus.NotFound => ApiResults.Status(StatusCodes.Status404NotFound, "Den Auftrag gibt es nicht."),
        ResultStatus.Forbidden => ApiResults.Status(StatusCodes.Status403Forbidden,
            "Profil, Berufsorientierung, Ausbildungsbegleitung und Einwilligungen sieht und bearbeitet die zuständige Fachkraft, ihre Vertretung oder die IFD-Leitung.", RuleIds.Roles),
        _ => null,
    };

    private static ProblemHttpResult Conflict() => ApiResults.Conflict();

    // ---- consents

    private static async Task<Results<Ok<List<ConsentDto>>, ProblemHttpResult>> ListConsentsAsync(Guid id, IfdTasksService tasks, TimeProvider clock, CancellationToken ct)
    {
        var gate = await tasks.CaseAsync(id, ct);
        var c = gate.Value;
        if (Denied(gate) is { } denied)
        {
            return denied;
        }

        var today = Teilhabe.Core.Time.BerlinTime.Today(clock);
        return TypedResults.Ok((await tasks.ConsentsAsync(c!, ct)).Select(x => ConsentDto.From(x, today)).ToList());
    }

    private static async Task<Results<Created<ConsentDto>, ProblemHttpResult>> RecordConsentAsync(Guid id, ConsentBody body, IfdTasksService tasks, TimeProvider clock, CancellationToken ct)
    {
        var gate = await tasks.CaseAsync(id, ct);
        var c = gate.Value;
        if (Denied(gate) is { } denied)
        {
            return denied;
        }

        var form = ConsentForms.Parse(body.Form);
        if (form is null && body.Form is not null)
        {
            return ApiResults.Input("form", "Form der Einwilligung: written (schriftlich) oder oral (mündlich).");
        }

        var (consent, errors) = await tasks.RecordConsentAsync(c!, new ConsentDraft(body.GivenOn, form, body.Colleagues, body.Information), ct);
        return consent is null
            ? ApiResults.Violations(errors)
            : TypedResults.Created($"/api/v1/cases/{id}/colleague-consents", ConsentDto.From(consent, Teilhabe.Core.Time.BerlinTime.Today(clock)));
    }

    private static async Task<Results<Ok<ConsentDto>, ProblemHttpResult>> RevokeConsentAsync(Guid id, Guid cid, RevokeBody body, IfdTasksService tasks, TimeProvider clock, CancellationToken ct)
    {
        var gate = await tasks.CaseAsync(id, ct);
        var c = gate.Value;
        if (Denied(gate) is { } denied)
        {
            return denied;
        }

        var (consent, errors) = await tasks.RevokeConsentAsync(c!, cid, body.RevokedOn, ct);
        if (consent is null && errors.Count == 0)
        {
            return ApiResults.Status(StatusCodes.Status404NotFound, "Die Einwilligung gibt es in diesem Auftrag nicht.");
        }

        return errors.Count > 0 ? ApiResults.Violations(errors) : TypedResults.Ok(ConsentDto.From(consent!, Teilhabe.Core.Time.BerlinTime.Today(clock)));
    }

    // ---- ability profile

    private static async Task<Results<Ok<ProfileDto>, ProblemHttpResult>> GetProfileAsync(Guid id, IfdTasksService tasks, HttpContext http, CancellationToken ct)
    {
        var gate = await tasks.CaseAsync(id, ct);
        var c = gate.Value;
        if (Denied(gate) is { } denied)
        {
            return denied;
        }

        var profile = await tasks.ProfileAsync(c!, ct);
        if (profile is null)
        {
            return ApiResults.Status(StatusCodes.Status404NotFound, "Für diesen Auftrag ist noch kein Fähigkeits-, Leistungs- und Interessenprofil erfasst.");
        }

        http.Response.Headers.ETag = ETags.Of(profile.Version);
        return TypedResults.Ok(ProfileDto.From(profile));
    }

    private static async Task<Results<Ok<ProfileDto>, ProblemHttpResult>> PutProfileAsync(
        Guid id, ProfileBody body, [FromHeader(Name = "If-Match")] string? ifMatch, IfdTasksService tasks, HttpContext http, CancellationToken ct)
    {
        var gate = await tasks.CaseAsync(id, ct);
        var c = gate.Value;
        if (Denied(gate) is { } denied)
        {
            return denied;
        }

        if (!ETags.TryParseIfMatch(ifMatch, out var expected))
        {
            return ApiResults.Input("If-Match", "If-Match muss das ETag des Profils enthalten.");
        }

        var saved = await tasks.SaveProfileAsync(c!, expected, body.Draft(), body.AgreedOn, ct);
        var (profile, errors) = saved;
        var conflict = saved.Status == ResultStatus.Conflict;
        if (conflict)
        {
            return Conflict();
        }

        if (profile is null)
        {
            return ApiResults.Violations(errors);
        }

        http.Response.Headers.ETag = ETags.Of(profile.Version);
        return TypedResults.Ok(ProfileDto.From(profile));
    }

    // ---- school career orientation

    private static async Task<Results<Ok<OrientationDto>, ProblemHttpResult>> GetOrientationAsync(Guid id, IfdTasksService tasks, HttpContext http, CancellationToken ct)
    {
        var gate = await tasks.CaseAsync(id, ct);
        var c = gate.Value;
        if (Denied(gate) is { } denied)
        {
            return denied;
        }

        var orientation = await tasks.OrientationAsync(c!, ct);
        if (orientation is null)
        {
            return ApiResults.Status(StatusCodes.Status404NotFound, "Für diesen Auftrag ist keine Berufsorientierung in der Schule erfasst.");
        }

        http.Response.Headers.ETag = ETags.Of(orientation.Version);
        return TypedResults.Ok(OrientationDto.From(orientation));
    }

    private static async Task<Results<Ok<OrientationDto>, ProblemHttpResult>> PutOrientationAsync(
        Guid id, OrientationBody body, [FromHeader(Name = "If-Match")] string? ifMatch, IfdTasksService tasks, HttpContext http, CancellationToken ct)
    {
        var gate = await tasks.CaseAsync(id, ct);
        var c = gate.Value;
        if (Denied(gate) is { } denied)
        {
            return denied;
        }

        if (!ETags.TryParseIfMatch(ifMatch, out var expected))
        {
            return ApiResults.Input("If-Match", "If-Match muss das ETag der Berufsorientierung enthalten.");
        }

        var saved = await tasks.SaveOrientationAsync(c!, expected, body.Draft(), ct);
        var (orientation, errors) = saved;
        var conflict = saved.Status == ResultStatus.Conflict;
        if (conflict)
        {
            return Conflict();
        }

        if (orientation is null)
        {
            return ApiResults.Violations(errors);
        }

        http.Response.Headers.ETag = ETags.Of(orientation.Version);
        return TypedResults.Ok(OrientationDto.From(orientation));
    }

    private static async Task<Results<Created<OrientationDto>, ProblemHttpResult>> AddActivityAsync(Guid id, ActivityBody body, IfdTasksService tasks, HttpContext http, CancellationToken ct)
    {
        var gate = await tasks.CaseAsync(id, ct);
        var c = gate.Value;
        if (Denied(gate) is { } denied)
        {
            return denied;
        }

        var kind = OrientationActivityKinds.Parse(body.Kind);
        if (kind is null && body.Kind is not null)
        {
            return ApiResults.Input("kind", "Art der Aktivität: potential-analysis, internship, career-conference, counselling oder other.");
        }

        var (orientation, errors) = await tasks.AddActivityAsync(c!, kind, body.Date, body.Result, ct);
        if (orientation is null)
        {
            return ApiResults.Violations(errors);
        }

        http.Response.Headers.ETag = ETags.Of(orientation.Version);
        return TypedResults.Created($"/api/v1/cases/{id}/school-orientation", OrientationDto.From(orientation));
    }

    // ---- apprenticeships

    private static async Task<Results<Ok<List<ApprenticeshipDto>>, ProblemHttpResult>> ListApprenticeshipsAsync(Guid id, IfdTasksService tasks, CancellationToken ct)
    {
        var gate = await tasks.CaseAsync(id, ct);
        var c = gate.Value;
        if (Denied(gate) is { } denied)
        {
            return denied;
        }

        return TypedResults.Ok((await tasks.ApprenticeshipsAsync(c!, ct)).Select(ApprenticeshipDto.From).ToList());
    }

    private static async Task<Results<Created<ApprenticeshipDto>, ProblemHttpResult>> AddApprenticeshipAsync(Guid id, ApprenticeshipBody body, IfdTasksService tasks, HttpContext http, CancellationToken ct)
    {
        var gate = await tasks.CaseAsync(id, ct);
        var c = gate.Value;
        if (Denied(gate) is { } denied)
        {
            return denied;
        }

        if (BadCodes(body) is { } bad)
        {
            return bad;
        }

        var outcome = await tasks.SaveApprenticeshipAsync(c!, null, null, body.Draft(), ct);
        var (a, errors) = outcome;
        if (a is null)
        {
            return ApiResults.Violations(errors);
        }

        http.Response.Headers.ETag = ETags.Of(a.Version);
        return TypedResults.Created($"/api/v1/cases/{id}/apprenticeships/{a.Id}", ApprenticeshipDto.From(a));
    }

    private static async Task<Results<Ok<ApprenticeshipDto>, ProblemHttpResult>> PutApprenticeshipAsync(
        Guid id, Guid aid, ApprenticeshipBody body, [FromHeader(Name = "If-Match")] string? ifMatch, IfdTasksService tasks, HttpContext http, CancellationToken ct)
    {
        var gate = await tasks.CaseAsync(id, ct);
        var c = gate.Value;
        if (Denied(gate) is { } denied)
        {
            return denied;
        }

        if (BadCodes(body) is { } bad)
        {
            return bad;
        }

        if (!ETags.TryParseIfMatch(ifMatch, out var expected))
        {
            return ApiResults.Input("If-Match", "If-Match muss das ETag der Ausbildungsbegleitung enthalten.");
        }

        var saved = await tasks.SaveApprenticeshipAsync(c!, aid, expected, body.Draft(), ct);
        var (a, errors) = saved;
        var conflict = saved.Status == ResultStatus.Conflict;
        if (conflict)
        {
            return Conflict();
        }

        if (a is null)
        {
            return errors.Count == 0 ? ApiResults.Status(StatusCodes.Status404NotFound, "Die Ausbildungsbegleitung gibt es in diesem Auftrag nicht.") : ApiResults.Violations(errors);
        }

        http.Response.Headers.ETag = ETags.Of(a.Version);
        return TypedResults.Ok(ApprenticeshipDto.From(a));
    }

    private static ProblemHttpResult? BadCodes(ApprenticeshipBody body)
    {
        if (body.Chamber is not null && ApprenticeshipLabels.ParseChamber(body.Chamber) is null)
        {
            return ApiResults.Input("chamber", "Kammer: ihk, hwk oder other.");
        }

        return body.Status is not null && ApprenticeshipLabels.ParseStatus(body.Status) is null
            ? ApiResults.Input("status", "Stand: running (läuft), passed (bestanden) oder aborted (abgebrochen).")
            : null;
    }
}
