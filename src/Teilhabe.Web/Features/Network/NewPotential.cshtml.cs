using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Network;
using Teilhabe.Core.Rules;

namespace Teilhabe.Web.Features.Network;

/// <summary>/netzwerke/{id}/potenziale/neu: a member records a job potential (NET-02).</summary>
[Authorize(Roles = NetworkAccess.ReaderRolesAttribute)]
internal sealed class NewPotentialModel(NetworkService networks) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["title"] = nameof(Title),
        ["employerName"] = nameof(EmployerName),
        ["jobs"] = nameof(Jobs),
        ["fundingSource"] = nameof(FundingSource),
        ["region"] = nameof(Region),
    };

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? EmployerName { get; set; }

    [BindProperty]
    public int? Jobs { get; set; }

    [BindProperty]
    public string? FundingSource { get; set; }

    [BindProperty]
    public string? Region { get; set; }

    public JobNetwork Network { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await networks.GetAsync(Id, ct) is not { } network)
        {
            return NotFound();
        }

        Network = network;
        Jobs ??= 1;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var draft = new PotentialDraft(Title ?? string.Empty, EmployerName ?? string.Empty, Jobs ?? 0, FundingSource, Region);
        var result = await networks.CreatePotentialAsync(Id, draft, null, ct);
        if (result.Value is { } p)
        {
            TempData[NetworkPages.MessageKey] = $"Das Potenzial „{p.Title}“ ist erfasst.";
            return Redirect($"/potenziale/{p.Id}");
        }

        if (!ModelState.AddErrors(result, Fields))
        {
            return result.Status == ResultStatus.NotFound ? NotFound() : Forbid();
        }

        Network = (await networks.GetAsync(Id, ct))!;
        return Page();
    }
}
