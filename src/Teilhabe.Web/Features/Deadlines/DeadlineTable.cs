using System.Globalization;

namespace Teilhabe.Web.Features.Deadlines;

/// <summary>One table of deadline items (list page, start page, case page).</summary>
public sealed record DeadlineTable(string? Heading, IReadOnlyList<DeadlineItem> Items, string Id, bool ShowCase)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string Date(DateOnly d) => d.ToString("dd.MM.yyyy", German);
}
