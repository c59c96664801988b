using System.Globalization;

using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Deadlines;

/// <summary>One table of deadline items (list page, start page, case page).</summary>
internal sealed record DeadlineTable(string? Heading, IReadOnlyList<DeadlineItem> Items, string Id, bool ShowCase)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

}
