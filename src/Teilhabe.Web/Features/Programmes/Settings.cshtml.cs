using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Programmes;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Programmes;

/// <summary>
/// Issue 9: the ProgrammeLead configures the programme — sites, places, referring bodies, coaching numbers and the
/// module table. Changes apply to future referrals and bookings; a module with bookings is retired, not deleted.
/// </summary>
[Authorize(Roles = Roles.ProgrammeLead)]
internal sealed class SettingsModel(ProgrammeService programmes) : PageModel
{
    public sealed class SiteForm
    {
        public string? Name { get; set; }
        public int? Places { get; set; }
        public string? AccessibilityNote { get; set; }
        public bool Remove { get; set; }
    }

    public sealed class ModuleForm
    {
        public string? Code { get; set; }
        public string? Label { get; set; }
        public int? MinDuration { get; set; }
        public int? MaxDuration { get; set; }
        public string Unit { get; set; } = "months";
        public decimal? HourCap { get; set; }
        public decimal? HoursPerMonthCap { get; set; }
        public decimal? HourlyRate { get; set; }
        public bool Bookable { get; set; } = true;
        public bool Entry { get; set; }
        public bool Retired { get; set; }
        public bool Remove { get; set; }
        public bool HasBookings { get; set; }
    }

    public Programme Programme { get; private set; } = null!;
    public List<Funder> Candidates { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public int? YearlyPlaces { get; set; }

    [BindProperty]
    public List<SiteForm> Sites { get; set; } = [];

    [BindProperty]
    public List<Guid> ReferringBodyIds { get; set; } = [];

    [BindProperty]
    public int? ReferralMonths { get; set; }

    [BindProperty]
    public int? InformationTalkDays { get; set; }

    [BindProperty]
    public int? MaxExtensionMonths { get; set; }

    [BindProperty]
    public int? AftercareMonths { get; set; }

    [BindProperty]
    public List<ModuleForm> Modules { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
        => await LoadAsync(id, settings: true, modules: true, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSettingsAsync(Guid id, CancellationToken ct)
    {
        var sites = Sites.Where(s => !s.Remove && !(string.IsNullOrWhiteSpace(s.Name) && s.Places is null && string.IsNullOrWhiteSpace(s.AccessibilityNote)))
            .Select(s => new ProgrammeService.SiteInput(s.Name, s.Places, s.AccessibilityNote)).ToList();
        var input = new ProgrammeService.SettingsInput(Name, YearlyPlaces, sites, ReferringBodyIds, ReferralMonths, InformationTalkDays, MaxExtensionMonths, AftercareMonths);
        return await AnswerAsync(id, await programmes.ConfigureAsync(id, Version, input, ct), "Die Einstellungen sind gespeichert. Sie gelten für künftige Zuweisungen.", modulesForm: false, ct);
    }

    public async Task<IActionResult> OnPostModulesAsync(Guid id, CancellationToken ct)
    {
        var modules = Modules.Where(m => !m.Remove && !(string.IsNullOrWhiteSpace(m.Code) && string.IsNullOrWhiteSpace(m.Label)))
            .Select(m => new ModuleDefinition((m.Code ?? string.Empty).Trim(), m.Label ?? string.Empty, m.MinDuration ?? 0, m.MaxDuration ?? -1,
                m.Unit == "weeks" ? DurationUnit.Weeks : DurationUnit.Months, m.HourCap, m.HoursPerMonthCap, m.Bookable, m.Entry, m.Retired, m.HourlyRate))
            .ToList();
        return await AnswerAsync(id, await programmes.ConfigureModulesAsync(id, Version, modules, ct), "Die Module sind gespeichert. Sie gelten für künftige Buchungen.", modulesForm: true, ct);
    }

    private async Task<IActionResult> AnswerAsync(Guid id, Result<Programme> result, string notice, bool modulesForm, CancellationToken ct)
    {
        switch (result.Status)
        {
            case ResultStatus.NotFound:
                return NotFound();
            case ResultStatus.Forbidden:
                return Forbid();
            case ResultStatus.Conflict:
                ModelState.AddModelError(string.Empty, "Die Einstellungen wurden inzwischen von jemand anderem geändert. Die Seite zeigt den neuen Stand; bitte tragen Sie Ihre Änderung erneut ein.");
                ModelState.Remove(nameof(Version));
                return await LoadAsync(id, settings: true, modules: true, ct) ? Page() : NotFound();
            case ResultStatus.Invalid:
                ModelState.AddViolations(result.Violations.Select(e => e with { Field = FieldId(e.Field) }));
                return await LoadAsync(id, settings: modulesForm, modules: !modulesForm, ct) ? Page() : NotFound();
            default:
                Notice = notice;
                return Redirect($"/programme/{id}/einstellungen");
        }
    }

    /// <summary>API field names (modules[0].hourCap) to the ids of this page's inputs (Modules_0__HourCap).</summary>
    private static string? FieldId(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return field;
        }

        var id = new StringBuilder();
        foreach (var part in field.Split('.'))
        {
            if (id.Length > 0)
            {
                id.Append('_');
            }

            id.Append(char.ToUpperInvariant(part[0])).Append(part[1..].Replace('[', '_').Replace(']', '_'));
        }

        var result = id.ToString();
        return result.EndsWith('_') ? result + "_Name" : result;
    }

    private async Task<bool> LoadAsync(Guid id, bool settings, bool modules, CancellationToken ct)
    {
        var programme = await programmes.GetForConfigurationAsync(id, ct);
        if (programme is null)
        {
            return false;
        }

        Programme = programme;
        Version = programme.Version;
        Candidates = await programmes.ReferringBodyCandidatesAsync(programme, ct);
        if (settings)
        {
            Name = programme.Name;
            YearlyPlaces = programme.YearlyPlaces;
            Sites = [.. programme.Sites.Select(s => new SiteForm { Name = s.Name, Places = s.Places, AccessibilityNote = s.AccessibilityNote }), new SiteForm()];
            ReferringBodyIds = [.. programme.ReferringBodies.Select(r => r.FunderId)];
            ReferralMonths = programme.ReferralMonths;
            InformationTalkDays = programme.InformationTalkDays;
            MaxExtensionMonths = programme.MaxExtensionMonths;
            AftercareMonths = programme.AftercareMonths;
        }

        var booked = await programmes.BookedModuleCodesAsync(id, ct);
        if (modules)
        {
            Modules =
            [
                .. programme.Modules.Select(m => new ModuleForm
                {
                    Code = m.Code, Label = m.Label, MinDuration = m.MinDuration, MaxDuration = m.MaxDuration, Unit = m.Unit == DurationUnit.Weeks ? "weeks" : "months",
                    HourCap = m.HourCap, HoursPerMonthCap = m.HoursPerMonthCap, HourlyRate = m.HourlyRate, Bookable = m.Bookable, Entry = m.IsEntry, Retired = m.Retired,
                }),
                new ModuleForm(),
            ];
        }

        foreach (var m in Modules)
        {
            m.HasBookings = m.Code is not null && booked.Contains(m.Code);
        }

        return true;
    }
}
