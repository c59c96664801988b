using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Cases;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Staffing;

/// <summary>
/// "Aufträge umverteilen" (TR-03, TR-01 for many): the IFD lead picks the caseworker who leaves, sees their open cases
/// (all ticked), and moves them to a colleague in one all-or-nothing action. Works without JavaScript: choosing the
/// caseworker is a GET form.
/// </summary>
[Authorize(Roles = Roles.ServiceLead)]
internal sealed class ReassignmentModel(StaffingService staffing) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty]
    public string? To { get; set; }

    [BindProperty]
    public List<Guid> CaseIds { get; set; } = [];

    public IReadOnlyList<StaffingService.Person> Colleagues { get; private set; } = [];
    public IReadOnlyList<StaffingService.Person> Caseworkers { get; private set; } = [];
    public IReadOnlyList<Case> OpenCases { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Message = TempData["ReassignMessage"] as string;
        return await PageAsync(selectAll: true, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (CaseIds.Count == 0)
        {
            ModelState.AddModelError("CaseIds", "Bitte mindestens einen Auftrag auswählen.");
            return await PageAsync(selectAll: false, ct);
        }

        var (moved, errors) = await staffing.ReassignAsync(From, To, CaseIds, ct);
        if (errors.Count > 0)
        {
            ModelState.AddViolations(errors.Select(e => e with { Field = e.Field switch { "toCaseworkerId" => "To", "fromCaseworkerId" => "From", "caseIds" => "CaseIds", _ => null } }));
            return await PageAsync(selectAll: false, ct);
        }

        TempData["ReassignMessage"] = $"{moved} Aufträge sind übergeben (TR-01); Phase und Merkblatt bleiben unverändert.";
        return Redirect("/faelle/umverteilen?from=" + Uri.EscapeDataString(From!));
    }

    private async Task<IActionResult> PageAsync(bool selectAll, CancellationToken ct)
    {
        Colleagues = await staffing.ColleaguesAsync(ct);
        Caseworkers = await staffing.ColleaguesAsync(ct, Roles.Caseworker);
        if (!string.IsNullOrEmpty(From) && Colleagues.Any(c => c.Id == From))
        {
            OpenCases = await staffing.OpenCasesOfAsync(From, ct);
            if (selectAll)
            {
                CaseIds = [.. OpenCases.Select(c => c.Id)];
            }
        }

        return Page();
    }
}
