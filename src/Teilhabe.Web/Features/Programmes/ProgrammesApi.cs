using Microsoft.AspNetCore.Http.HttpResults;
using Teilhabe.Core.Programmes;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Programmes;

/// <summary>API.md "Programmes (section 9)".</summary>
internal static class ProgrammesApi
{
    public sealed record SiteRequest(string? Name, int? Places, string? AccessibilityNote);

    public sealed record ProgrammeRequest(string? Name, string? Template, Guid? ProviderId, int? YearlyPlaces, List<SiteRequest>? Sites, List<Guid>? ReferringBodyIds, Guid? ServiceId);

    public sealed record CreatedId(Guid Id);

    public sealed record SiteDto(string Name, int Places, string? AccessibilityNote);

    public sealed record ModuleDto(string Code, string Label, int MinDuration, int MaxDuration, string DurationUnit, decimal? HourCap, decimal? HoursPerMonthCap, bool Bookable);

    public sealed record ProgrammeDto(
        Guid Id, string Name, string Template, Guid ProviderId, int YearlyPlaces, int PlacesUsed, List<SiteDto> Sites, List<Guid> ReferringBodyIds, List<ModuleDto> Modules);

    public sealed record ReferralRequest(Guid? ClientId, Guid? ReferringBodyId, string? LegalSphere, DateOnly? FirstContactOn);

    public sealed record ReferralCreated(Guid ParticipationId, string Status);

    public sealed record ReasonRequest(string? Reason);

    public sealed record DateRequest(DateOnly? On);

    public sealed record ExtensionRequest(DateOnly? Until, string? Reason);

    public sealed record EligibilityRequest(bool? SeekingWorkOrApprenticeship, bool? SeverelyDisabledOrEquivalent, string? AdditionalBarriers);

    public sealed record PlanEntryRequest(string? Challenge, string? Goal, string? Steps, DateOnly? ReviewOn);

    public sealed record JobStartRequest(DateOnly? On, string? Kind);

    public sealed record BookingRequest(string? ModuleCode, DateOnly? Date, decimal? Hours);

    public sealed record WarningDto(string Rule, string Message);

    public sealed record BookingCreated(Guid Id, List<WarningDto> Warnings);

    public sealed record DeadlineDto(string Rule, string Label, DateOnly DueOn, bool Overdue);

    public sealed record BookingDto(Guid Id, string ModuleCode, DateOnly Date, decimal Hours);

    public sealed record ModuleUsageDto(string Code, string Label, decimal HoursUsed, decimal? HourCap, DateOnly? StartedOn, DateOnly? LatestDay, bool BelowMinimumDuration);

    public sealed record PlanEntryDto(Guid Id, string Challenge, string Goal, string? Steps, DateOnly ReviewOn, DateOnly? ReviewedOn);

    public sealed record ParticipationDto(
        Guid Id, Guid ProgrammeId, Guid ClientId, Guid ReferringBodyId, string LegalSphere, string Status, DateOnly FirstContactOn, DateOnly ReferredOn,
        DateOnly? InformationTalkOn, DateOnly ReferralEndsOn, string? ExtensionReason, string? OverCapacityReason,
        DateOnly? EligibilityCheckedOn, bool? Eligible, DateOnly? JobStartOn, string? PlacementKind,
        List<DeadlineDto> Deadlines, List<ModuleUsageDto> Modules, List<BookingDto> Bookings, List<PlanEntryDto> Plan,
        List<ParticipationRecordsApi.ReflectionDto> Reflections, List<ParticipationRecordsApi.ModuleGoalDto> ModuleGoals, List<ParticipationRecordsApi.IcfItemDto> IcfItems,
        DateOnly? AftercareEndsOn, List<ParticipationActionsApi.AftercareContactDto> AftercareContacts, bool PlacementProspect, DateOnly? ProspectAssessedOn,
        DateOnly? EndedOn, string? EndReason, string? EndNote, ParticipationActionsApi.ContractDto? Contract);

    public sealed record ParticipationListItem(Guid Id, Guid ClientId, string ClientName, string Status, DateOnly FirstContactOn, DateOnly ReferredOn, DateOnly? InformationTalkOn, List<DeadlineDto> Deadlines);

    public sealed record OutcomeReportDto(int Year, List<ProgrammeService.OutcomeRow> Rows);

    public static RouteGroupBuilder MapProgrammesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Programmes").RequireAuthorization(PlatformSetup.ApiPolicy);
        group.MapPost("/programmes", CreateAsync).RequireAuthorization(p => p.RequireRole(ProgrammeService.SetupRoles));
        var staff = group.MapGroup(string.Empty).RequireAuthorization(p => p.RequireRole(ProgrammeService.StaffRoles));
        staff.MapGet("/programmes", ListAsync);
        staff.MapGet("/programmes/{id:guid}", GetAsync);
        staff.MapGet("/programmes/{id:guid}/participations", ParticipationsAsync);
        staff.MapGet("/programmes/{id:guid}/outcome-report", OutcomeReportAsync);
        staff.MapPost("/programmes/{id:guid}/referrals", ReferAsync);
        staff.MapGet("/participations/{id:guid}", GetParticipationAsync);
        staff.MapPost("/participations/{id:guid}/admit", async (Guid id, ReasonRequest r, ProgrammeService programmes, CancellationToken ct)
            => Answer(await programmes.AdmitAsync(id, r.Reason, ct)));
        staff.MapPost("/participations/{id:guid}/information-talk", async (Guid id, DateRequest r, ProgrammeService programmes, CancellationToken ct)
            => Answer(await programmes.SetInformationTalkAsync(id, r.On, ct)));
        staff.MapPost("/participations/{id:guid}/extension", async (Guid id, ExtensionRequest r, ProgrammeService programmes, CancellationToken ct)
            => Answer(await programmes.ExtendAsync(id, r.Until, r.Reason, ct)));
        staff.MapPost("/participations/{id:guid}/eligibility", async (Guid id, EligibilityRequest r, ProgrammeService programmes, CancellationToken ct)
            => Answer(await programmes.RecordEligibilityAsync(id, r.SeekingWorkOrApprenticeship ?? false, r.SeverelyDisabledOrEquivalent ?? false, r.AdditionalBarriers, ct)));
        staff.MapPost("/participations/{id:guid}/plan", async (Guid id, PlanEntryRequest r, ProgrammeService programmes, CancellationToken ct)
            => Answer(await programmes.AddPlanEntryAsync(id, r.Challenge, r.Goal, r.Steps, r.ReviewOn, ct)));
        staff.MapPost("/participations/{id:guid}/job-start", async (Guid id, JobStartRequest r, ProgrammeService programmes, CancellationToken ct)
            => Answer(await programmes.RecordJobStartAsync(id, r.On, r.Kind, ct)));
        staff.MapPost("/participations/{id:guid}/bookings", BookAsync);
        staff.MapGet("/participations/{id:guid}/invoice", InvoiceAsync).ProducesFile("application/pdf");
        group.MapProgrammeConfigurationApi();
        return group;
    }

    public static string TemplateCode(ProgrammeTemplate t) => t == ProgrammeTemplate.Coaching ? "coaching" : "modular-qualification";

    public static ProgrammeTemplate? ParseTemplate(string? code) => code switch
    {
        "coaching" => ProgrammeTemplate.Coaching,
        "modular-qualification" => ProgrammeTemplate.ModularQualification,
        _ => null,
    };

    public static string SphereCode(LegalSphere s) => s switch
    {
        LegalSphere.Sgb2 => "SGB2",
        LegalSphere.Sgb3 => "SGB3",
        _ => "SGB9",
    };

    public static LegalSphere? ParseSphere(string? code) => code switch
    {
        "SGB2" => LegalSphere.Sgb2,
        "SGB3" => LegalSphere.Sgb3,
        "SGB9" => LegalSphere.Sgb9,
        _ => null,
    };

    public static string StatusCode(ParticipationStatus s) => s switch
    {
        ParticipationStatus.Active => "active",
        ParticipationStatus.Waiting => "waiting",
        _ => "ended",
    };

    private static Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult> Answer<T>(Result<T> result) => result.Status switch
    {
        ResultStatus.Ok => TypedResults.NoContent(),
        ResultStatus.NotFound => TypedResults.NotFound(),
        ResultStatus.Forbidden => TypedResults.Forbid(),
        _ => ApiResults.Violations(result.Violations),
    };

    private static async Task<Results<Created<CreatedId>, NotFound, ProblemHttpResult>> CreateAsync(ProgrammeRequest r, ProgrammeService programmes, CancellationToken ct)
    {
        var template = ParseTemplate(r.Template);
        if (template is null)
        {
            return ApiResults.Input("template", "Die Vorlage ist coaching oder modular-qualification.");
        }

        var input = new ProgrammeService.ProgrammeInput(r.Name, template, r.ProviderId, r.YearlyPlaces,
            [.. (r.Sites ?? []).Select(s => new ProgrammeService.SiteInput(s.Name, s.Places, s.AccessibilityNote))], r.ReferringBodyIds ?? [], r.ServiceId);
        var result = await programmes.CreateAsync(input, ct);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Created($"/api/v1/programmes/{result.Value!.Id}", new CreatedId(result.Value.Id)),
            ResultStatus.NotFound => TypedResults.NotFound(),
            _ => ApiResults.Violations(result.Violations),
        };
    }

    private static ProgrammeDto ToDto(Programme p, int used) => new(p.Id, p.Name, TemplateCode(p.Template), p.ProviderId, p.YearlyPlaces, used,
        [.. p.Sites.Select(s => new SiteDto(s.Name, s.Places, s.AccessibilityNote))], [.. p.ReferringBodies.Select(r => r.FunderId)],
        [.. p.Modules.Select(m => new ModuleDto(m.Code, m.Label, m.MinDuration, m.MaxDuration, m.Unit == DurationUnit.Weeks ? "weeks" : "months", m.HourCap, m.HoursPerMonthCap, m.Bookable))]);

    private static async Task<Ok<List<ProgrammeDto>>> ListAsync(ProgrammeService programmes, CancellationToken ct)
    {
        var all = await programmes.ListAsync(ct);
        var used = await programmes.PlacesUsedAsync(all.Select(p => p.Id), ct);
        return TypedResults.Ok(all.Select(p => ToDto(p, used[p.Id])).ToList());
    }

    private static async Task<Results<Ok<ProgrammeDto>, NotFound>> GetAsync(Guid id, ProgrammeService programmes, CancellationToken ct)
        => await programmes.GetAsync(id, ct) is { } p ? TypedResults.Ok(ToDto(p, await programmes.PlacesUsedAsync(id, ct))) : TypedResults.NotFound();

    public static List<DeadlineDto> Deadlines(Participation p, DateOnly today)
        => [.. ProgrammeDeadlines.For(p, today).Select(d => new DeadlineDto(d.Rule, d.Label, d.DueOn, d.Overdue))];

    private static async Task<Results<Ok<List<ParticipationListItem>>, NotFound>> ParticipationsAsync(Guid id, ProgrammeService programmes, CancellationToken ct)
    {
        if (await programmes.GetAsync(id, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var rows = await programmes.ParticipationsAsync(id, ct);
        return TypedResults.Ok(rows.Select(r => new ParticipationListItem(r.Participation.Id, r.Participation.ClientId, r.ClientName, StatusCode(r.Participation.Status),
            r.Participation.FirstContactOn, r.Participation.ReferredOn, r.Participation.InformationTalkOn, Deadlines(r.Participation, programmes.Today))).ToList());
    }

    private static async Task<Results<Ok<OutcomeReportDto>, NotFound>> OutcomeReportAsync(Guid id, int? year, ProgrammeService programmes, CancellationToken ct)
    {
        if (await programmes.GetAsync(id, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var y = year ?? programmes.Today.Year;
        return TypedResults.Ok(new OutcomeReportDto(y, await programmes.OutcomeReportAsync(id, y, ct)));
    }

    private static async Task<Results<Created<ReferralCreated>, NotFound, ProblemHttpResult>> ReferAsync(Guid id, ReferralRequest r, ProgrammeService programmes, CancellationToken ct)
    {
        var sphere = ParseSphere(r.LegalSphere);
        if (r.LegalSphere is not null && sphere is null)
        {
            return ApiResults.Input("legalSphere", "Der Rechtskreis ist SGB2, SGB3 oder SGB9.");
        }

        var result = await programmes.ReferAsync(id, new(r.ClientId, r.ReferringBodyId, sphere, r.FirstContactOn), ct);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Created($"/api/v1/participations/{result.Value!.Id}", new ReferralCreated(result.Value.Id, StatusCode(result.Value.Status))),
            ResultStatus.NotFound => TypedResults.NotFound(),
            _ => ApiResults.Violations(result.Violations),
        };
    }

    public static List<ModuleUsageDto> ModuleUsage(Programme programme, Participation p)
        => [.. programme.Modules.Where(m => m.Bookable).Select(m =>
        {
            var bookings = p.Bookings.Where(b => b.ModuleCode == m.Code).ToList();
            DateOnly? start = bookings.Count > 0 ? bookings.Min(b => b.Date) : null;
            return new ModuleUsageDto(m.Code, m.Label, bookings.Sum(b => b.Hours), m.HourCap, start, start is { } s ? m.LatestDay(s) : null,
                ProgrammeRules.BelowMinimumDuration(m, p.Bookings));
        })];

    private static async Task<Results<Ok<ParticipationDto>, NotFound>> GetParticipationAsync(Guid id, ProgrammeService programmes, CancellationToken ct)
    {
        var view = await programmes.GetParticipationAsync(id, ct);
        if (view is null)
        {
            return TypedResults.NotFound();
        }

        var p = view.Participation;
        return TypedResults.Ok(new ParticipationDto(p.Id, p.ProgrammeId, p.ClientId, p.ReferringBodyId, SphereCode(p.LegalSphere), StatusCode(p.Status),
            p.FirstContactOn, p.ReferredOn, p.InformationTalkOn, p.ReferralEndsOn, p.ExtensionReason, p.OverCapacityReason,
            p.EligibilityCheckedOn, p.EligibilityCheckedOn is null ? null : p.IsEligible, p.JobStartOn, p.PlacementKind,
            Deadlines(p, programmes.Today), ModuleUsage(view.Programme, p),
            [.. p.Bookings.OrderBy(b => b.Date).Select(b => new BookingDto(b.Id, b.ModuleCode, b.Date, b.Hours))],
            [.. p.Plan.OrderBy(e => e.ReviewOn).Select(e => new PlanEntryDto(e.Id, e.Challenge, e.Goal, e.Steps, e.ReviewOn, e.ReviewedOn))],
            ParticipationRecordsApi.Reflections(p), ParticipationRecordsApi.ModuleGoals(p), ParticipationRecordsApi.IcfItems(p),
            p.AftercareEndsOn, ParticipationActionsApi.Aftercare(p), p.PlacementProspect, p.ProspectAssessedOn,
            p.EndedOn, p.EndReason is { } reason ? ParticipationActionRules.EndReasonCode(reason) : null, p.EndNote, ParticipationActionsApi.Contract(p)));
    }

    private static async Task<Results<Created<BookingCreated>, NotFound, ProblemHttpResult>> BookAsync(Guid id, BookingRequest r, ProgrammeService programmes, CancellationToken ct)
    {
        var result = await programmes.BookAsync(id, r.ModuleCode, r.Date, r.Hours, ct);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Created($"/api/v1/participations/{id}",
                new BookingCreated(result.Value!.Id, [.. (result.Warnings ?? []).Select(w => new WarningDto(w.Rule, w.Message))])),
            ResultStatus.NotFound => TypedResults.NotFound(),
            _ => ApiResults.Violations(result.Violations),
        };
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> InvoiceAsync(Guid id, DateOnly? from, DateOnly? to, ProgrammeService programmes, CancellationToken ct)
    {
        if (from is null || to is null || to < from)
        {
            return ApiResults.InputErrors([new(RuleIds.Input, "Der Zeitraum braucht from und to (YYYY-MM-DD), to nicht vor from.", "from")]);
        }

        var result = await programmes.InvoiceAsync(id, from.Value, to.Value, ct);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.File(result.Value!, "application/pdf", $"rechnung-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.pdf"),
            ResultStatus.NotFound => TypedResults.NotFound(),
            _ => ApiResults.Violations(result.Violations),
        };
    }
}
