using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.Core.Time;
using Teilhabe.Web.Features.Deadlines;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Home;

internal sealed class IndexModel(ICurrentUser current, DeadlineService deadlines) : PageModel
{
    /// <summary>One group of the list (caseworker, IFD, or "Persönlich") with its items per status.</summary>
    public sealed record Count(string Name, int Overdue, int Today, int Week, int Later)
    {
        public int Total => Overdue + Today + Week + Later;
    }

    public string DisplayName => User.FindFirst("name")?.Value ?? User.Identity?.Name ?? string.Empty;

    public IReadOnlyList<LayoutModel.NavLink> Links { get; private set; } = [];

    /// <summary>Every item of the caller's scope: the same the list shows and counts.</summary>
    public IReadOnlyList<DeadlineItem> All { get; private set; } = [];

    /// <summary>Caseworker and deputy: the most urgent items (overdue, today, this week; top 10).</summary>
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
            All = await deadlines.ListAsync(new DeadlineService.Filter(), ct);
            Counts = [.. Deadlines.IndexModel.GroupFor(All, deadlines.IsCoordinator, deadlines.IsLead)
                .Where(g => g.Items.Count > 0)
                .Select(g => new Count(g.Heading ?? "–",
                    g.Items.Count(i => i.Status == DeadlineStatus.Overdue), g.Items.Count(i => i.Status == DeadlineStatus.Today),
                    g.Items.Count(i => i.Status == DeadlineStatus.Week), g.Items.Count(i => i.Status == DeadlineStatus.Later)))];
        }
        else if (current.IsInRole(Roles.Caseworker) || current.IsInRole(Roles.Deputy))
        {
            All = await deadlines.ListAsync(new DeadlineService.Filter(), ct);
            var urgent = All.Where(i => i.Status != DeadlineStatus.Later).ToList();
            DueTodayTotal = urgent.Count;
            DueToday = [.. urgent.Take(10)];
        }
    }
}
