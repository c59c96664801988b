using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Accounts;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Coordination;

/// <summary>TR-02 for InA-Koordination: transfer requests of its state; confirm the receipt of an uploaded Schweigepflichtentbindung.</summary>
[Authorize(Roles = Roles.IntegrationOfficeCoordinator)]
internal sealed class ConfirmationsModel(CoordinationService coordination, CaseService cases) : PageModel
{
    public const string Path = "/ina/uebernahmen";
    private const string MessageKey = "ConfirmationMessage";

    public IReadOnlyList<CoordinationService.TransferView> Requests { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = TempData[MessageKey] as string;
        Requests = await coordination.TransferRequestsAsync(true, ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid caseId, CancellationToken ct)
    {
        if (await cases.GetAsync(caseId, ct) is not { } @case)
        {
            return NotFound();
        }

        var (request, errors) = await coordination.ConfirmAsync(@case, ct);
        if (request is null)
        {
            ModelState.AddViolations(errors.Select(e => e with { Field = null }));
            Requests = await coordination.TransferRequestsAsync(true, ct);
            return Page();
        }

        TempData[MessageKey] = $"Der Eingang der Entbindung zu Auftrag {request.CaseNumber} ist bestätigt; der aufnehmende IFD kann den Fall übernehmen.";
        return Redirect(Path);
    }
}
