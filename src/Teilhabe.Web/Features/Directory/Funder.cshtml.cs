using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Time;
using Teilhabe.Web.Features.Clients;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Directory;

/// <summary>
/// One funder with its contact persons and its FU-04 releases: the IFD asks for the release, InA-Koordination
/// releases it for an IFD of its state. Funders of another Integrationsamt are not found (404).
/// </summary>
[Authorize(Roles = DirectoryPages.Editors)]
internal sealed class FunderModel(DirectoryService directory, TeilhabeDbContext db, ICurrentUser current) : PageModel, IContactForm
{
    /// <summary>RequestedAt is null where InA-Koordination released without a request of the IFD.</summary>
    public sealed record ReleaseRow(string ServiceName, DateTimeOffset? RequestedAt, DateTimeOffset? ReleasedAt);

    public sealed record ServiceOption(Guid Id, string Name);

    [BindProperty]
    public string? ContactName { get; set; }

    [BindProperty]
    public string? ContactRole { get; set; }

    [BindProperty]
    public string? ContactPhone { get; set; }

    [BindProperty]
    public string? ContactEmail { get; set; }

    /// <summary>The IFD InA-Koordination releases the funder for.</summary>
    [BindProperty]
    public string? ReleaseServiceId { get; set; }

    public Funder Funder { get; private set; } = null!;
    public string? Message { get; private set; }

    /// <summary>A user of an IFD: sees and requests the release for the own IFD (FU-04 step 1).</summary>
    public bool IsServiceUser => current.ServiceId is not null && ClientService.EditorRoles.Any(User.IsInRole);

    /// <summary>InA-Koordination: sees the releases of all IFD of its state and releases (FU-04 step 2).</summary>
    public bool IsCoordinator => User.IsInRole(Roles.IntegrationOfficeCoordinator);

    public FunderRelease? OwnRelease => Funder.Releases.FirstOrDefault(r => r.ServiceId == current.ServiceId);
    public List<ReleaseRow> Releases { get; private set; } = [];
    public List<ServiceOption> ReleasableServices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Message = TempData[DirectoryPages.MessageKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostContactAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var errors = this.Check();
        if (errors.Count > 0)
        {
            ModelState.AddViolations(errors, DirectoryFormMapping.ContactFields);
            return Page();
        }

        var contact = await directory.AddContactAsync(Funder, this.ToInput(), ct);
        return Done(id, $"{contact.Name} ist als Ansprechperson gespeichert.");
    }

    public async Task<IActionResult> OnPostRequestReleaseAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!IsServiceUser)
        {
            return Forbid();
        }

        var (release, errors) = await directory.RequestReleaseAsync(Funder, ct);
        if (release is null)
        {
            ModelState.AddViolations(errors);
            return Page();
        }

        return Done(id, release.ReleasedAt is null
            ? "Die Freischaltung ist beantragt. Die InA-Koordination entscheidet darüber."
            : "Der Leistungsträger ist für Ihren IFD bereits freigeschaltet.");
    }

    public async Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!IsCoordinator)
        {
            return Forbid();
        }

        var (release, errors) = await directory.ReleaseAsync(Funder, DirectoryPages.ParseId(ReleaseServiceId), ct);
        if (release is null)
        {
            ModelState.AddViolations(errors, new Dictionary<string, string> { ["serviceId"] = nameof(ReleaseServiceId) });
            return Page();
        }

        var serviceName = await db.Services.AsNoTracking().Where(s => s.Id == release.ServiceId).Select(s => s.Name).FirstAsync(ct);
        return Done(id, $"Der Leistungsträger ist für {serviceName} freigeschaltet.");
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData[DirectoryPages.MessageKey] = message;
        return Redirect($"{FundersModel.Path}/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await directory.FunderAsync(id, ct) is not { } funder)
        {
            return false;
        }

        Funder = funder;
        if (IsCoordinator)
        {
            var services = await db.Services.AsNoTracking()
                .Where(s => s.IntegrationOfficeId == current.IntegrationOfficeId)
                .OrderBy(s => s.Name).Select(s => new ServiceOption(s.Id, s.Name)).ToListAsync(ct);
            var names = services.ToDictionary(s => s.Id, s => s.Name);
            Releases = [.. funder.Releases
                .Select(r => new ReleaseRow(names.GetValueOrDefault(r.ServiceId, "unbekannter IFD"), r.RequestedBy is null ? null : r.RequestedAt, r.ReleasedAt))
                .OrderBy(r => r.ServiceName, StringComparer.CurrentCulture)];
            ReleasableServices = [.. services.Where(s => !funder.IsReleasedFor(s.Id))];
        }

        return true;
    }
}
