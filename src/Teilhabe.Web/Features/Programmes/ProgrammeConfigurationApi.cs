using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Teilhabe.Core.Programmes;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Programmes;

/// <summary>
/// Issue 9: programme configuration as data. The ProgrammeLead reads and changes sites, places, referring bodies,
/// coaching numbers and the module table; If-Match with the ETag of GET …/settings guards against lost updates (409).
/// </summary>
internal static class ProgrammeConfigurationApi
{
    public sealed record ParametersDto(int ReferralMonths, int InformationTalkDays, int? MaxExtensionMonths, int? AftercareMonths);

    public sealed record ConfigModuleDto(
        string Code, string Label, int Order, int MinDuration, int MaxDuration, string DurationUnit, decimal? HourCap, decimal? HoursPerMonthCap,
        bool Bookable, bool Entry, bool Retired, decimal? HourlyRate);

    public sealed record SettingsDto(
        Guid Id, string Name, string Template, int Version, int YearlyPlaces, List<ProgrammesApi.SiteDto> Sites, List<Guid> ReferringBodyIds,
        ParametersDto Parameters, List<ConfigModuleDto> Modules);

    public sealed record TemplateDto(string Code, string Label, ParametersDto Parameters, List<ConfigModuleDto> Modules);

    public sealed record SettingsRequest(
        string? Name, int? YearlyPlaces, List<ProgrammesApi.SiteRequest>? Sites, List<Guid>? ReferringBodyIds,
        int? ReferralMonths, int? InformationTalkDays, int? MaxExtensionMonths, int? AftercareMonths);

    public sealed record ModuleRequest(
        string? Code, string? Label, int? MinDuration, int? MaxDuration, string? DurationUnit, decimal? HourCap, decimal? HoursPerMonthCap,
        bool? Bookable, bool? Entry, bool? Retired, decimal? HourlyRate);

    public sealed record ModulesRequest(List<ModuleRequest>? Modules);

    public static void MapProgrammeConfigurationApi(this RouteGroupBuilder group)
    {
        group.MapGet("/programme-templates", Templates).RequireAuthorization(p => p.RequireRole([.. ProgrammeService.SetupRoles, .. ProgrammeService.StaffRoles]));
        var config = group.MapGroup(string.Empty).RequireAuthorization(p => p.RequireRole(ProgrammeService.ConfigurationRoles));
        config.MapGet("/programmes/{id:guid}/settings", GetAsync);
        config.MapPut("/programmes/{id:guid}/settings", PutSettingsAsync);
        config.MapPut("/programmes/{id:guid}/modules", PutModulesAsync);
    }

    public static string UnitCode(DurationUnit u) => u == DurationUnit.Weeks ? "weeks" : "months";

    public static DurationUnit? ParseUnit(string? code) => code switch
    {
        "weeks" => DurationUnit.Weeks,
        "months" => DurationUnit.Months,
        _ => null,
    };

    private static ParametersDto ToDto(ProgrammeParameters p) => new(p.ReferralMonths, p.InformationTalkDays, p.MaxExtensionMonths, p.AftercareMonths);

    private static List<ConfigModuleDto> ToDto(IReadOnlyList<ModuleDefinition> modules)
        => [.. modules.Select((m, i) => new ConfigModuleDto(m.Code, m.Label, i + 1, m.MinDuration, m.MaxDuration, UnitCode(m.Unit), m.HourCap, m.HoursPerMonthCap,
            m.Bookable, m.IsEntry, m.Retired, m.HourlyRate))];

    public static SettingsDto ToDto(Programme p) => new(p.Id, p.Name, ProgrammesApi.TemplateCode(p.Template), p.Version, p.YearlyPlaces,
        [.. p.Sites.Select(s => new ProgrammesApi.SiteDto(s.Name, s.Places, s.AccessibilityNote))], [.. p.ReferringBodies.Select(r => r.FunderId)],
        ToDto(p.Parameters), ToDto(p.Modules));

    private static Ok<List<TemplateDto>> Templates()
        => TypedResults.Ok(Enum.GetValues<ProgrammeTemplate>()
            .Select(t => new TemplateDto(ProgrammesApi.TemplateCode(t), ProgrammePages.TemplateLabel(t), ToDto(ProgrammeParameters.For(t)), ToDto(ProgrammeModules.For(t))))
            .ToList());

    private static async Task<Results<Ok<SettingsDto>, NotFound>> GetAsync(Guid id, ProgrammeService programmes, HttpContext http, CancellationToken ct)
    {
        var programme = await programmes.GetForConfigurationAsync(id, ct);
        if (programme is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = ETags.Of(programme.Version);
        return TypedResults.Ok(ToDto(programme));
    }

    private static async Task<Results<Ok<SettingsDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> PutSettingsAsync(
        Guid id, SettingsRequest r, [FromHeader(Name = "If-Match")] string? ifMatch, ProgrammeService programmes, HttpContext http, CancellationToken ct)
    {
        if (!ETags.TryParseIfMatch(ifMatch, out var expected))
        {
            return ApiResults.Input("If-Match", "If-Match muss das ETag aus GET /api/v1/programmes/{id}/settings enthalten.");
        }

        var input = new ProgrammeService.SettingsInput(r.Name, r.YearlyPlaces,
            [.. (r.Sites ?? []).Select(s => new ProgrammeService.SiteInput(s.Name, s.Places, s.AccessibilityNote))], r.ReferringBodyIds ?? [],
            r.ReferralMonths, r.InformationTalkDays, r.MaxExtensionMonths, r.AftercareMonths);
        return Answer(await programmes.ConfigureAsync(id, expected, input, ct), http);
    }

    private static async Task<Results<Ok<SettingsDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> PutModulesAsync(
        Guid id, ModulesRequest r, [FromHeader(Name = "If-Match")] string? ifMatch, ProgrammeService programmes, HttpContext http, CancellationToken ct)
    {
        if (!ETags.TryParseIfMatch(ifMatch, out var expected))
        {
            return ApiResults.Input("If-Match", "If-Match muss das ETag aus GET /api/v1/programmes/{id}/settings enthalten.");
        }

        if (r.Modules is null)
        {
            return ApiResults.Input("modules", "Die Liste der Module fehlt.");
        }

        var modules = new List<ModuleDefinition>();
        for (var i = 0; i < r.Modules.Count; i++)
        {
            var m = r.Modules[i];
            var unit = ParseUnit(m.DurationUnit);
            if (unit is null || m.MinDuration is null || m.MaxDuration is null)
            {
                return ApiResults.Input($"modules[{i}]", $"Modul {i + 1}: minDuration, maxDuration und durationUnit (weeks oder months) fehlen oder sind ungültig.");
            }

            modules.Add(new ModuleDefinition((m.Code ?? string.Empty).Trim(), m.Label ?? string.Empty, m.MinDuration.Value, m.MaxDuration.Value, unit.Value,
                m.HourCap, m.HoursPerMonthCap, m.Bookable ?? true, m.Entry ?? false, m.Retired ?? false, m.HourlyRate));
        }

        return Answer(await programmes.ConfigureModulesAsync(id, expected, modules, ct), http);
    }

    private static Results<Ok<SettingsDto>, NotFound, ForbidHttpResult, ProblemHttpResult> Answer(Result<Programme> result, HttpContext http)
    {
        switch (result.Status)
        {
            case ResultStatus.NotFound:
                return TypedResults.NotFound();
            case ResultStatus.Forbidden:
                return TypedResults.Forbid();
            case ResultStatus.Conflict:
                return ApiResults.Status(StatusCodes.Status409Conflict,
                    "Die Einstellungen des Programms wurden inzwischen von jemand anderem geändert. Bitte neu laden und die Änderung erneut eintragen.");
            case ResultStatus.Invalid:
                return ApiResults.Violations(result.Violations);
        }

        http.Response.Headers.ETag = ETags.Of(result.Value!.Version);
        return TypedResults.Ok(ToDto(result.Value));
    }
}
