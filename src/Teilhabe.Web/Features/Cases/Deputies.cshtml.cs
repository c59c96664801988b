using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Cases;
using Teilhabe.Web.Features.Shared;
using Teilhabe.Web.Features.Staffing;

namespace Teilhabe.Web.Features.Cases;

/// <summary>ACC-06 "Vertretung per case": the deputies of one case (PUT /api/v1/cases/{id}/deputies).</summary>
[Authorize(Roles = CaseForms.IfdRoles)]
internal sealed class DeputiesModel(CaseService cases, CaseAccess access, StaffingService staffing) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public List<string> UserIds { get; set; } = [];

    public Case Case { get; private set; } = null!;
    public IReadOnlyList<StaffingService.Person> Colleagues { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await cases.GetAsync(Id, ct) is not { } @case)
        {
            return NotFound();
        }

        if (!access.CanEdit(@case))
        {
            return Forbid();
        }

        UserIds = [.. @case.Deputies.Select(d => d.UserId)];
        return await PageAsync(@case, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await cases.GetAsync(Id, ct, tracked: true) is not { } @case)
        {
            return NotFound();
        }

        if (!access.CanEdit(@case))
        {
            return Forbid();
        }

        var errors = await cases.SetDeputiesAsync(@case, UserIds, ct);
        if (errors.Count > 0)
        {
            ModelState.AddViolations(errors.Select(e => e with { Field = "UserIds" }));
            return await PageAsync(@case, ct);
        }

        TempData[DetailsModel.MessageKey] = UserIds.Count == 0 ? "Der Auftrag hat keine Vertretung mehr." : "Die Vertretung des Auftrags ist gespeichert.";
        return Redirect($"/faelle/{Id}");
    }

    private async Task<IActionResult> PageAsync(Case @case, CancellationToken ct)
    {
        Case = @case;
        Colleagues = [.. (await staffing.ColleaguesAsync(ct, Roles.Caseworker, Roles.Deputy)).Where(p => p.Id != @case.CaseworkerId)];
        return Page();
    }
}
