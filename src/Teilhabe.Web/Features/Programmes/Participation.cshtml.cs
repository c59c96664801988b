using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Programmes;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Programmes;

[Authorize(Roles = ProgrammePages.Staff)]
internal sealed partial class ParticipationModel(ProgrammeService programmes) : PageModel
{
    public ProgrammeService.ParticipationView View { get; private set; } = null!;
    public IReadOnlyList<ProgrammeDeadline> Deadlines { get; private set; } = [];
    public List<ProgrammesApi.ModuleUsageDto> Modules { get; private set; } = [];
    public DateOnly Today => programmes.Today;
    public bool IsModular => View.Programme.Modules.Any(m => m.Bookable);

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public DateOnly? InformationTalkOn { get; set; }

    [BindProperty]
    public string? ModuleCode { get; set; }

    [BindProperty]
    public DateOnly? BookingDate { get; set; }

    [BindProperty]
    public decimal? Hours { get; set; }

    [BindProperty]
    public DateOnly? ExtendUntil { get; set; }

    [BindProperty]
    public string? ExtensionReason { get; set; }

    public DateOnly InvoiceFrom { get; private set; }
    public DateOnly InvoiceTo { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
        => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await programmes.GetParticipationAsync(id, ct);
        if (view is null)
        {
            return false;
        }

        View = view;
        Deadlines = ProgrammeDeadlines.For(view.Participation, Today);
        Modules = ProgrammesApi.ModuleUsage(view.Programme, view.Participation);
        InformationTalkOn ??= view.Participation.InformationTalkOn;
        FillActionDefaults();
        BookingDate ??= Today;
        var previousMonth = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-1);
        InvoiceFrom = previousMonth;
        InvoiceTo = previousMonth.AddMonths(1).AddDays(-1);
        return true;
    }

    private async Task<IActionResult> AfterAsync<T>(Guid id, Result<T> result, string notice, CancellationToken ct, IReadOnlyDictionary<string, string>? fields = null)
    {
        switch (result.Status)
        {
            case ResultStatus.NotFound:
                return NotFound();
            case ResultStatus.Forbidden:
                return Forbid();
            case ResultStatus.Invalid:
                ModelState.AddViolations(result.Violations, fields);
                return await LoadAsync(id, ct) ? Page() : NotFound();
            default:
                var warnings = result.Warnings ?? [];
                Notice = warnings.Count == 0 ? notice : $"{notice} Hinweis: {string.Join(" ", warnings.Select(w => $"{w.Message} ({w.Rule})"))}";
                return Redirect($"/teilnahmen/{id}");
        }
    }

    public async Task<IActionResult> OnPostInformationTalkAsync(Guid id, CancellationToken ct)
        => await AfterAsync(id, await programmes.SetInformationTalkAsync(id, InformationTalkOn, ct), "Der Termin für das Informationsgespräch ist eingetragen.", ct,
            new Dictionary<string, string> { ["on"] = nameof(InformationTalkOn) });

    public async Task<IActionResult> OnPostBookAsync(Guid id, CancellationToken ct)
        => await AfterAsync(id, await programmes.BookAsync(id, ModuleCode, BookingDate, Hours, ct), "Die Stunden sind gebucht.", ct,
            new Dictionary<string, string> { ["moduleCode"] = nameof(ModuleCode), ["date"] = nameof(BookingDate), ["hours"] = nameof(Hours) });

    public async Task<IActionResult> OnPostExtendAsync(Guid id, CancellationToken ct)
        => await AfterAsync(id, await programmes.ExtendAsync(id, ExtendUntil, ExtensionReason, ct), "Die Zuweisung ist verlängert.", ct,
            new Dictionary<string, string> { ["until"] = nameof(ExtendUntil), ["reason"] = nameof(ExtensionReason) });

    public async Task<IActionResult> OnGetInvoiceAsync(Guid id, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (from is null || to is null || to < from)
        {
            ModelState.AddViolations([RuleViolation.Input("Der Zeitraum braucht ein Von- und ein Bis-Datum, das Bis-Datum nicht vor dem Von-Datum.", "invoice-from")]);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        var result = await programmes.InvoiceAsync(id, from.Value, to.Value, ct);
        if (result.Status == ResultStatus.Ok)
        {
            return File(result.Value!, "application/pdf", $"rechnung-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.pdf");
        }

        return await AfterAsync(id, result, string.Empty, ct);
    }
}
