using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.Web.Features.Documents;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Coordination;

/// <summary>
/// TR-02 for the IFD: incoming requests (stub only: case number, name, birth date) with the upload of the
/// Schweigepflichtentbindung and, once InA-Koordination confirmed, "Fall übernehmen"; outgoing requests with their status.
/// </summary>
[Authorize(Roles = Roles.Caseworker + "," + Roles.ServiceLead)]
internal sealed class IncomingModel(CoordinationService coordination, ICurrentUser user) : PageModel
{
    public const string Path = "/uebernahmen";
    private const string MessageKey = "TransferMessage";

    public IReadOnlyList<CoordinationService.TransferView> Incoming { get; private set; } = [];
    public IReadOnlyList<CoordinationService.TransferView> Outgoing { get; private set; } = [];
    public IReadOnlyList<CoordinationService.Choice> Caseworkers { get; private set; } = [];
    public bool IsLead => user.IsInRole(Roles.ServiceLead);
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = TempData[MessageKey] as string;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid requestId, IFormFile? file, CancellationToken ct)
    {
        if (await coordination.IncomingAsync(requestId, ct) is not { } request)
        {
            return NotFound();
        }

        if (file is null)
        {
            ModelState.AddModelError(string.Empty, "Bitte die unterschriebene Entbindung von der Schweigepflicht als Datei auswählen.");
            await LoadAsync(ct);
            return Page();
        }

        await using var stream = file.OpenReadStream();
        var errors = await coordination.UploadReleaseAsync(request, new DocumentService.Upload(file.FileName, stream, file.Length), ct);
        if (errors.Count > 0)
        {
            ModelState.AddViolations(errors.Select(e => e with { Field = null }));
            await LoadAsync(ct);
            return Page();
        }

        TempData[MessageKey] = $"Die Entbindung zu Auftrag {request.CaseNumber} ist hochgeladen; die InA-Koordination bestätigt den Eingang.";
        return Redirect(Path);
    }

    public async Task<IActionResult> OnPostTakeOverAsync(Guid caseId, string? caseworkerId, CancellationToken ct)
    {
        var (moved, errors) = await coordination.TakeOverAsync(caseId, null, caseworkerId, ct);
        if (errors.Count > 0)
        {
            ModelState.AddViolations(errors.Select(e => e with { Field = null }));
            await LoadAsync(ct);
            return Page();
        }

        if (moved is null)
        {
            return NotFound();
        }

        TempData[Cases.DetailsModel.MessageKey] = $"Der Auftrag ist übernommen (jetzt {moved.CaseNumber}). Bitte ein neues Merkblatt zum Sozialdatenschutz unterschreiben lassen (DOC-02).";
        return Redirect($"/faelle/{moved.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await coordination.TransferRequestsAsync(true, ct);
        Incoming = [.. all.Where(t => t.Request.ToServiceId == user.ServiceId)];
        Outgoing = [.. all.Where(t => t.Request.FromServiceId == user.ServiceId)];
        Caseworkers = IsLead && user.ServiceId is { } own ? await coordination.CaseworkersAsync(own, ct) : [];
    }
}
