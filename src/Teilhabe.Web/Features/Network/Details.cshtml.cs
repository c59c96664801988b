using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Network;
using Teilhabe.Core.Organisations;
using Teilhabe.Core.Rules;

namespace Teilhabe.Web.Features.Network;

/// <summary>/netzwerke/{id}: members (NET-01) and the board of potentials, one list per stage (NET-02).</summary>
[Authorize(Roles = NetworkAccess.ReaderRolesAttribute)]
internal sealed class DetailsModel(NetworkService networks, NetworkAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid? OrganisationId { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public Guid? PotentialId { get; set; }

    [BindProperty]
    public string? Stage { get; set; }

    public JobNetwork Network { get; private set; } = null!;
    public List<JobPotential> Potentials { get; private set; } = [];
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public List<Organisation> Candidates { get; private set; } = [];
    public bool IsMember { get; private set; }
    public bool CanInvite { get; private set; }
    public bool IsCoordinator { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var result = await networks.AddMemberAsync(Id, OrganisationId, string.IsNullOrEmpty(Kind) ? null : Kind, ct);
        return await AfterAsync(result, "Das Mitglied ist aufgenommen.", new Dictionary<string, string>(StringComparer.Ordinal) { ["organisationId"] = nameof(OrganisationId), ["kind"] = nameof(Kind) }, ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        var result = await networks.RemoveMemberAsync(Id, OrganisationId ?? Guid.Empty, ct);
        return await AfterAsync(result, "Das Mitglied ist ausgetreten.", null, ct);
    }

    public async Task<IActionResult> OnPostMoveAsync(CancellationToken ct)
    {
        if (PotentialPipeline.Parse(Stage) is not { } stage)
        {
            ModelState.AddModelError($"stage-{PotentialId}", "Bitte wählen Sie die neue Stufe.");
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        var result = await networks.MoveAsync(PotentialId ?? Guid.Empty, stage, ct);
        return await AfterAsync(result, $"Das Potenzial steht jetzt auf „{PotentialPipeline.Label(stage)}“.", new Dictionary<string, string>(StringComparer.Ordinal) { ["stage"] = $"stage-{PotentialId}" }, ct);
    }

    private async Task<IActionResult> AfterAsync<T>(Result<T> result, string message, IReadOnlyDictionary<string, string>? fields, CancellationToken ct)
    {
        if (result.Status == ResultStatus.Ok)
        {
            TempData[NetworkPages.MessageKey] = message;
            return Redirect($"/netzwerke/{Id}");
        }

        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (result.Status == ResultStatus.Forbidden)
        {
            return Forbid();
        }

        ModelState.AddErrors(result, fields);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await networks.GetAsync(Id, ct) is not { } network)
        {
            return false;
        }

        Network = network;
        Potentials = await networks.PotentialsAsync(Id, ct);
        Names = await networks.OrganisationNamesAsync(network.Members.Select(m => m.OrganisationId).Concat(Potentials.Select(p => p.ResponsibleOrganisationId)), ct);
        IsMember = await access.MemberOrganisationAsync(network, ct) is not null;
        CanInvite = await access.CanInviteAsync(network, ct);
        IsCoordinator = access.IsAdministrator || await access.IsCoordinatorAsync(network, ct);
        if (CanInvite)
        {
            Candidates = (await networks.OrganisationsAsync(ct)).Where(o => !network.HasMember(o.Id)).ToList();
        }

        return true;
    }
}
