using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Commissions;

/// <summary>
/// InA-Koordination's workspace: pending Sicherung requests with their 4-week clock (BA-SI-01), extension requests
/// (BA-EXT-01), Inklusionsbetrieb applications (BA-IB-01) and conflict-of-interest flags (BA-IB-02) of all IFDs of its state.
/// </summary>
[Authorize(Roles = Roles.IntegrationOfficeCoordinator)]
internal sealed class WorkspaceModel(CommissionService commissions, CaseService cases) : PageModel
{
    public const string Path = "/ina";
    private const string MessageKey = "InaMessage";

    public CommissionService.Workspace Data { get; private set; } = new([], [], [], [], []);
    public string? Message { get; private set; }

    /// <summary>Set while an objection or a refusal waits for its confirmation.</summary>
    public ConfirmStep? Pending { get; private set; }

    public DateOnly Today => commissions.Today;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = TempData[MessageKey] as string;
        Data = await commissions.WorkspaceAsync(ct);
    }

    /// <summary>BA-SI-01: object to one request, with its reason — after a review step (it cannot be undone).</summary>
    public async Task<IActionResult> OnPostObjectAsync(Guid caseId, string? reason, bool confirmed, CancellationToken ct)
    {
        var @case = await cases.GetAsync(caseId, ct, tracked: true);
        if (@case is null)
        {
            return NotFound();
        }

        if (!confirmed && !string.IsNullOrWhiteSpace(reason))
        {
            Pending = new ConfirmStep(
                $"Widerspruch zu Auftrag {@case.CaseNumber}",
                @case.CaseNumber,
                [("Grund des Widerspruchs", reason.Trim())],
                "Der Antrag auf Beauftragung gilt nicht als bewilligt; der IFD muss den Auftrag mit dem Abmeldegrund „Widerspruch des Integrationsamtes“ abmelden. Ein Widerspruch kann nicht zurückgenommen werden.",
                $"{Path}?handler=Object",
                new Dictionary<string, string?> { ["caseId"] = caseId.ToString(), ["reason"] = reason },
                "Widerspruch endgültig erfassen",
                Path);
            return Page();
        }

        var errors = await commissions.ObjectAsync(@case, reason, ct);
        return await DoneAsync(errors, $"Widerspruch zu Auftrag {@case.CaseNumber} erfasst; der IFD meldet den Auftrag mit „Widerspruch“ ab.", $"reason-{caseId}", ct);
    }

    /// <summary>BA-EXT-01: approve (with the new end) or refuse an extension; a refusal goes through a review step.</summary>
    public async Task<IActionResult> OnPostExtensionAsync(
        Guid caseId, Guid requestId, bool approved, DateOnly? newEndDate, string? note, bool confirmed, CancellationToken ct)
    {
        var @case = await cases.GetAsync(caseId, ct, tracked: true);
        if (@case is null)
        {
            return NotFound();
        }

        if (!approved && !confirmed)
        {
            var end = @case.PlannedEndDate is { } planned ? GermanFormat.Date(planned) : "–";
            Pending = new ConfirmStep(
                $"Verlängerung für Auftrag {@case.CaseNumber} ablehnen",
                @case.CaseNumber,
                string.IsNullOrWhiteSpace(note) ? [("Bisheriges Ende", end)] : [("Bisheriges Ende", end), ("Notiz", note.Trim())],
                $"Der Auftrag endet wie geplant am {end}; der IFD meldet ihn zum Ende ab. Die Ablehnung kann nicht zurückgenommen werden, ein neuer Antrag ist möglich.",
                $"{Path}?handler=Extension",
                new Dictionary<string, string?> { ["caseId"] = caseId.ToString(), ["requestId"] = requestId.ToString(), ["approved"] = "false", ["note"] = note },
                "Verlängerung endgültig ablehnen",
                Path);
            return Page();
        }

        var outcome = await commissions.DecideExtensionAsync(@case, requestId, approved, note, newEndDate, ct);
        var (_, errors) = outcome;
        var missing = outcome.Status == ResultStatus.NotFound;
        if (missing)
        {
            return NotFound();
        }

        return await DoneAsync(errors, approved ? $"Verlängerung für Auftrag {@case.CaseNumber} bewilligt." : $"Verlängerung für Auftrag {@case.CaseNumber} abgelehnt.", $"end-{requestId}", ct);
    }

    /// <summary>BA-IB-01: decide an Inklusionsbetrieb application.</summary>
    public async Task<IActionResult> OnPostApplicationAsync(Guid caseId, Guid applicationId, bool approved, string? note, CancellationToken ct)
    {
        var @case = await cases.GetAsync(caseId, ct);
        if (@case is null)
        {
            return NotFound();
        }

        var outcome = await commissions.DecideInclusionCompanyAsync(@case, applicationId, approved, note, ct);
        var (_, errors) = outcome;
        var missing = outcome.Status == ResultStatus.NotFound;
        if (missing)
        {
            return NotFound();
        }

        return await DoneAsync(errors, approved ? $"Antrag zu Auftrag {@case.CaseNumber} bewilligt." : $"Antrag zu Auftrag {@case.CaseNumber} abgelehnt.", $"note-{applicationId}", ct);
    }

    private async Task<IActionResult> DoneAsync(IReadOnlyList<RuleViolation> errors, string message, string field, CancellationToken ct)
    {
        if (errors.Count > 0)
        {
            ModelState.Clear();
            ModelState.AddViolations(errors.Select(e => e with { Field = field }));
            Data = await commissions.WorkspaceAsync(ct);
            return Page();
        }

        TempData[MessageKey] = message;
        return Redirect(Path);
    }
}
