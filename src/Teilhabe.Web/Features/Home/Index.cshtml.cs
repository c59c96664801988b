using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.Web.Features.Deadlines;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Home;

internal sealed class IndexModel(ICurrentUser current, DeadlineService deadlines) : PageModel
{
    public sealed record Count(string Name, int Due, int Overdue);

    public string DisplayName => User.FindFirst("name")?.Value ?? User.Identity?.Name ?? string.Empty;

    public IReadOnlyList<LayoutModel.NavLink> Links { get; private set; } = [];

    /// <summary>Caseworker and deputy: what is due today or overdue (top 10).</summary>
    public IReadOnlyList<DeadlineItem>? DueToday { get; private set; }

    public int DueTodayTotal { get; private set; }

    /// <summary>Lead: per caseworker; InA-Koordination: per IFD.</summary>
    public IReadOnlyList<Count>? Counts { get; private set; }

    public bool IsCoordinator => deadlines.IsCoordinator;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Links = [.. NavigationRegistry.For(current)];
        if (deadlines.IsCoordinator || deadlines.IsLead)
        {
            var items = (await deadlines.ListAsync(new DeadlineService.Filter(), ct)).Where(i => i.CaseId is not null);
            Counts = [.. items.GroupBy(i => (deadlines.IsCoordinator ? i.ServiceName : i.CaseworkerName) ?? "–")
                .OrderBy(g => g.Key, StringComparer.CurrentCulture)
                .Select(g => new Count(g.Key, g.Count(), g.Count(i => i.Overdue)))];
        }
        else if (current.IsInRole(Roles.Caseworker) || current.IsInRole(Roles.Deputy))
        {
            var today = deadlines.Today;
            var due = (await deadlines.ListAsync(new DeadlineService.Filter(), ct)).Where(i => i.DueDate <= today).ToList();
            DueTodayTotal = due.Count;
            DueToday = [.. due.Take(10)];
        }
    }
}
