using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Network;
using Teilhabe.Core.Rules;

namespace Teilhabe.Web.Features.Network;

/// <summary>
/// /potenziale/{id}: details, stage history (NET-02), the candidates as anonymised profiles and, for the owning IFD,
/// offering an own client, recording consent and revealing the person (NET-03).
/// </summary>
[Authorize(Roles = NetworkAccess.ReaderRolesAttribute)]
internal sealed class PotentialModel(NetworkService networks, NetworkAccess access) : PageModel
{
    private static readonly Dictionary<string, string> OfferFields = new(StringComparer.Ordinal)
    {
        ["clientId"] = nameof(ClientId),
        ["skills"] = nameof(Skills),
        ["wishes"] = nameof(Wishes),
        ["supportNeeds"] = nameof(SupportNeeds),
        ["region"] = nameof(ProfileRegion),
    };

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Stage { get; set; }

    [BindProperty]
    public Guid? ClientId { get; set; }

    [BindProperty]
    public string? Skills { get; set; }

    [BindProperty]
    public string? Wishes { get; set; }

    [BindProperty]
    public string? SupportNeeds { get; set; }

    [BindProperty]
    public string? ProfileRegion { get; set; }

    [BindProperty]
    public Guid? CandidateId { get; set; }

    [BindProperty]
    public DateOnly? GivenOn { get; set; }

    public NetworkDtos.PotentialDetails Details { get; private set; } = null!;
    public JobNetwork Network { get; private set; } = null!;
    public List<Client> OwnClients { get; private set; } = [];
    public bool IsMember { get; private set; }
    public NetworkService.Person? Person { get; private set; }
    public Guid? PersonOf { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? person, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (person is { } candidate && Details.Candidates.Any(c => c.Id == candidate))
        {
            Person = await networks.RevealedPersonAsync(candidate, ct);
            PersonOf = Person is null ? null : candidate;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(CancellationToken ct)
    {
        if (PotentialPipeline.Parse(Stage) is not { } stage)
        {
            ModelState.AddModelError(nameof(Stage), "Bitte wählen Sie die neue Stufe.");
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        return await AfterAsync(await networks.MoveAsync(Id, stage, ct), $"Das Potenzial steht jetzt auf „{PotentialPipeline.Label(stage)}“.",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["stage"] = nameof(Stage) }, ct);
    }

    public async Task<IActionResult> OnPostOfferAsync(CancellationToken ct)
    {
        var result = await networks.OfferAsync(Id, ClientId, new CandidateProfileInput(Skills, Wishes, SupportNeeds, ProfileRegion), ct);
        return await AfterAsync(result, result.Value is { } c ? $"Das Profil {c.Pseudonym} ist angeboten." : string.Empty, OfferFields, ct);
    }

    public async Task<IActionResult> OnPostConsentAsync(CancellationToken ct)
    {
        var result = await networks.RecordConsentAsync(CandidateId ?? Guid.Empty, GivenOn, ct);
        return await AfterAsync(result, "Die Einwilligung ist erfasst.", new Dictionary<string, string>(StringComparer.Ordinal) { ["givenOn"] = $"consent-{CandidateId}" }, ct);
    }

    public async Task<IActionResult> OnPostRevealAsync(CancellationToken ct)
    {
        var result = await networks.RevealAsync(CandidateId ?? Guid.Empty, ct);
        return await AfterAsync(result, "Die Person ist dem verantwortlichen Mitglied bekannt gegeben.", null, ct);
    }

    private async Task<IActionResult> AfterAsync<T>(Result<T> result, string message, IReadOnlyDictionary<string, string>? fields, CancellationToken ct)
    {
        if (result.Status == ResultStatus.Ok)
        {
            TempData[NetworkPages.MessageKey] = message;
            return Redirect($"/potenziale/{Id}");
        }

        if (result.Status is ResultStatus.NotFound or ResultStatus.Forbidden)
        {
            return result.Status == ResultStatus.NotFound ? NotFound() : Forbid();
        }

        ModelState.AddErrors(result, fields);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await NetworksApi.PotentialDetailsAsync(Id, networks, access, ct) is not { } details || await networks.GetAsync(details.NetworkId, ct) is not { } network)
        {
            return false;
        }

        Details = details;
        Network = network;
        IsMember = await access.MemberOrganisationAsync(network, ct) is not null;
        GivenOn ??= networks.Today;
        if (IsMember && access.IsClientWorker && PotentialPipeline.NextStages(PotentialPipeline.Parse(details.Stage)!.Value).Count > 0)
        {
            OwnClients = await networks.OwnClientsAsync(ct);
        }

        return true;
    }
}
