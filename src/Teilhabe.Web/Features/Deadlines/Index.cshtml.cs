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

    /// <summary>The lead narrows the IFD's list to one caseworker (the team overview links here).</summary>
    [BindProperty(SupportsGet = true, Name = "fachkraft")]
    public string? CaseworkerFilter { get; set; }

    public IReadOnlyList<Group> Groups { get; private set; } = [];
    public IReadOnlyList<DeadlineItem> Items { get; private set; } = [];
    public string? ServiceName { get; private set; }
    public int Total { get; private set; }
    public bool IsCoordinator => deadlines.IsCoordinator;
    public bool IsLead => deadlines.IsLead;
    public DateOnly Today => deadlines.Today;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var items = await deadlines.ListAsync(new DeadlineService.Filter(OverdueOnly, IsLead ? CaseworkerFilter : null), ct);
        Total = items.Count;
        Items = items;
        ServiceName = IsLead ? await deadlines.ServiceNameAsync(ct) : null;
        Groups = GroupFor(items, IsCoordinator, IsLead);
    }

    /// <summary>The page title: the caller's own list, the IFD's for the lead, the Integrationsamt's for InA-Koordination.</summary>
    public static string Title(bool coordinator, bool lead, string? serviceName)
        => coordinator ? "Wiedervorlagen der IFD Ihres Integrationsamts"
            : lead ? (serviceName is null ? "Wiedervorlagen Ihres IFD" : $"Wiedervorlagen des IFD {serviceName}")
            : "Meine Wiedervorlagen";

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
