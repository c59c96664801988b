using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Accounts;

namespace Teilhabe.Web.Features.Deadlines;

/// <summary>
/// "Meine Wiedervorlagen": one table per group — the caller's own list for caseworkers and deputies, one per
/// caseworker for the IFD lead, one per IFD for InA-Koordination (DOMAIN.md section 10).
/// </summary>
[Authorize(Roles = Roles)]
internal sealed class IndexModel(DeadlineService deadlines) : PageModel
{
    public const string Roles = Core.Accounts.Roles.Caseworker + "," + Core.Accounts.Roles.Deputy + "," + Core.Accounts.Roles.ServiceLead + ","
        + Core.Accounts.Roles.IntegrationOfficeCoordinator + "," + Core.Accounts.Roles.Trainer + "," + Core.Accounts.Roles.ProgrammeLead;

    public sealed record Group(string? Heading, IReadOnlyList<DeadlineItem> Items);

    [BindProperty(SupportsGet = true, Name = "ueberfaellig")]
    public bool OverdueOnly { get; set; }

    public IReadOnlyList<Group> Groups { get; private set; } = [];
    public int Total { get; private set; }
    public bool IsCoordinator => deadlines.IsCoordinator;
    public bool IsLead => deadlines.IsLead;
    public DateOnly Today => deadlines.Today;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var items = await deadlines.ListAsync(new DeadlineService.Filter(OverdueOnly), ct);
        Total = items.Count;
        Groups = GroupFor(items, IsCoordinator, IsLead);
    }

    /// <summary>Per IFD for InA-Koordination, per caseworker for the lead, one list otherwise; personal items come first.</summary>
    public static IReadOnlyList<Group> GroupFor(IReadOnlyList<DeadlineItem> items, bool coordinator, bool lead)
    {
        if (!coordinator && !lead)
        {
            return [new Group(null, items)];
        }

        var personal = items.Where(i => i.CaseId is null).ToList();
        var groups = items.Where(i => i.CaseId is not null)
            .GroupBy(i => coordinator ? i.ServiceName ?? "–" : i.CaseworkerName ?? "–")
            .OrderBy(g => g.Key, StringComparer.CurrentCulture)
            .Select(g => new Group(g.Key, [.. g]))
            .ToList();
        if (personal.Count > 0)
        {
            groups.Insert(0, new Group("Persönlich", personal));
        }

        return groups;
    }
}
