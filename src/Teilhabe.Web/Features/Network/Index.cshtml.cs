using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Network;
using Teilhabe.Core.Organisations;

namespace Teilhabe.Web.Features.Network;

/// <summary>/netzwerke: the networks of the own organisation; leads and administrators found new ones (NET-01).</summary>
[Authorize(Roles = NetworkAccess.ReaderRolesAttribute)]
internal sealed class IndexModel(NetworkService networks, NetworkAccess access) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["name"] = nameof(Name),
        ["region"] = nameof(Region),
        ["coordinatorOrganisationId"] = nameof(CoordinatorId),
    };

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Region { get; set; }

    [BindProperty]
    public Guid? CoordinatorId { get; set; }

    public List<JobNetwork> Networks { get; private set; } = [];
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public List<Organisation> Organisations { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await networks.CreateAsync(Name, Region, CoordinatorId, ct);
        if (result.Value is { } n)
        {
            TempData[NetworkPages.MessageKey] = $"Das Netzwerk „{n.Name}“ ist angelegt.";
            return Redirect($"/netzwerke/{n.Id}");
        }

        if (!ModelState.AddErrors(result, Fields))
        {
            return Forbid();
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Networks = await networks.ListAsync(ct);
        Names = await networks.OrganisationNamesAsync(Networks.Select(n => n.CoordinatorOrganisationId), ct);
        CanCreate = access.IsAdministrator || access.IsLead;
        if (CanCreate)
        {
            var own = await access.OrganisationsAsync(ct);
            Organisations = (await networks.OrganisationsAsync(ct))
                .Where(o => access.IsAdministrator || access.IsInIntegrationOffice || own.Contains(o.Id)).ToList();
        }
    }
}
