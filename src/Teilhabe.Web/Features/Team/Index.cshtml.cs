using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Accounts;

namespace Teilhabe.Web.Features.Team;

/// <summary>"Team": the IFD lead's overview per caseworker; every figure links to the filtered list behind it.</summary>
[Authorize(Roles = Roles.ServiceLead)]
internal sealed class IndexModel(TeamService team) : PageModel
{
    public IReadOnlyList<TeamService.Member> Members { get; private set; } = [];

    public int ContactGapWeeks => team.ContactGapWeeks;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!team.IsLead)
        {
            return Forbid();
        }

        Members = await team.ListAsync(ct);
        return Page();
    }

    public static string CasesLink(string userId, string? phase = null, bool withoutContact = false)
    {
        var query = new Dictionary<string, string?>
        {
            ["fachkraft"] = userId,
            ["phase"] = phase,
            ["ohneKontakt"] = withoutContact ? "true" : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/faelle", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    public static string OverdueLink(string userId)
        => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/wiedervorlagen", new Dictionary<string, string?> { ["fachkraft"] = userId, ["ueberfaellig"] = "true" });
}
