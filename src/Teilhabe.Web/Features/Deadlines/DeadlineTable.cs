
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Deadlines;

/// <summary>One table of deadline items (list page, start page, case page).</summary>
internal sealed record DeadlineTable(string? Heading, IReadOnlyList<DeadlineItem> Items, string Id, bool ShowCase)
{
    /// <summary>Items per status, in the order of urgency (every status, also those with none).</summary>
    public static IReadOnlyList<(Teilhabe.Core.Time.DeadlineStatus Status, int Count)> CountByStatus(IEnumerable<DeadlineItem> items)
    {
        var list = items.ToList();
        return [.. Enum.GetValues<Teilhabe.Core.Time.DeadlineStatus>().Select(s => (s, list.Count(i => i.Status == s)))];
    }
}
