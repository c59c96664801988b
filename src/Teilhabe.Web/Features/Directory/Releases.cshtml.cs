using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Directory;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Directory;

/// <summary>InA-Koordination: the open FU-04 release requests of the IFDs of its state, each released with one click.</summary>
[Authorize(Roles = Roles.IntegrationOfficeCoordinator)]
internal sealed class ReleasesModel(DirectoryService directory) : PageModel
{
    public const string Path = "/ina/freischaltungen";

    public sealed record Row(Guid FunderId, string FunderName, FunderKind Kind, Guid ServiceId, string ServiceName, DateTimeOffset RequestedAt);

    public List<Row> Requests { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = TempData[DirectoryPages.MessageKey] as string;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostReleaseAsync(Guid funderId, Guid serviceId, CancellationToken ct)
    {
        if (await directory.FunderAsync(funderId, ct) is not { } funder)
        {
            return NotFound();
        }

        var (release, errors) = await directory.ReleaseAsync(funder, serviceId, ct);
        if (release is null)
        {
            ModelState.AddViolations(errors.Select(e => e with { Field = null }));
            await LoadAsync(ct);
            return Page();
        }

        TempData[DirectoryPages.MessageKey] = $"„{funder.Name}“ ist freigeschaltet.";
        return Redirect(Path);
    }

    private async Task LoadAsync(CancellationToken ct)
        => Requests = [.. (await directory.PendingReleasesAsync(ct))
            .Select(p => new Row(p.Funder.Id, p.Funder.Name, p.Funder.Kind, p.Request.ServiceId, p.ServiceName, p.Request.RequestedAt))
            .OrderBy(r => r.RequestedAt)];
}
