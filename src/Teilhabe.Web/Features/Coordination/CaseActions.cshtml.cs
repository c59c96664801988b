using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Coordination;

/// <summary>
/// The case page's forms for ACC-08 (open an incident access), TR-01 (hand over within the IFD) and TR-02 (ask another
/// IFD to take the case over). Success returns to the case page; a refusal shows the forms again with every violation.
/// </summary>
[Authorize(Roles = CaseForms.ListRoles)]
internal sealed class CaseActionsModel(CaseService cases, CaseAccess access, CoordinationService coordination) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public CasePanel Panel { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
        => await cases.GetAsync(Id, ct) is { } @case ? await ShowAsync(@case, ct) : NotFound();

    public async Task<IActionResult> OnPostIncidentAsync(string? reason, CancellationToken ct)
    {
        if (await cases.GetAsync(Id, ct) is not { } @case)
        {
            return NotFound();
        }

        if (!access.IsCoordinator)
        {
            return Forbid();
        }

        var (incident, errors) = await coordination.OpenIncidentAccessAsync(@case, reason, ct);
        return incident is null
            ? await RefusedAsync(@case, errors, ct)
            : Done($"Die anlassbezogene Einsicht ist bis {GermanFormat.DateTime(incident.ExpiresAt)} geöffnet; der IFD sieht sie am Auftrag.");
    }

    public async Task<IActionResult> OnPostWithinAsync(string? caseworkerId, bool keepDeputies, CancellationToken ct)
    {
        if (await cases.GetAsync(Id, ct, tracked: true) is not { } @case)
        {
            return NotFound();
        }

        if (!coordination.MayHandOver(@case))
        {
            return Forbid();
        }

        var errors = await coordination.HandOverAsync(@case, caseworkerId, keepDeputies, ct);
        return errors.Count > 0 ? await RefusedAsync(@case, errors, ct) : Done("Der Auftrag ist übergeben (TR-01).");
    }

    public async Task<IActionResult> OnPostRequestAsync(Guid? serviceId, CancellationToken ct)
    {
        if (await cases.GetAsync(Id, ct) is not { } @case)
        {
            return NotFound();
        }

        if (!coordination.MayHandOver(@case))
        {
            return Forbid();
        }

        var (request, errors) = await coordination.RequestTransferAsync(@case, serviceId, ct);
        return request is null
            ? await RefusedAsync(@case, errors, ct)
            : Done("Die Übergabe ist angefragt. Der aufnehmende IFD lädt die Entbindung von der Schweigepflicht hoch; nach Bestätigung durch die InA-Koordination übernimmt er den Fall (TR-02).");
    }

    private IActionResult Done(string message)
    {
        TempData[DetailsModel.MessageKey] = message;

        // After a handover the former caseworker may no longer see the case: back to the list then.
        return Redirect($"/faelle/{Id}");
    }

    private async Task<IActionResult> RefusedAsync(Case @case, IReadOnlyList<RuleViolation> errors, CancellationToken ct)
    {
        ModelState.AddViolations(errors.Select(e => e with { Field = null }));
        return await ShowAsync(@case, ct);
    }

    private async Task<IActionResult> ShowAsync(Case @case, CancellationToken ct)
    {
        Panel = await CasePanel.LoadAsync(@case, coordination, access, ct);
        return Page();
    }
}
