using System.Text.RegularExpressions;

namespace Teilhabe.UnitTests.Web;

/// <summary>
/// The form tag helper adds the antiforgery token to a POST form only when it writes the action itself: a form with
/// a literal action="…" posts without the token and every submission answers 400. This scans the pages for one.
/// </summary>
public sealed partial class AntiforgeryFormTests
{
    [Fact]
    public void No_post_form_of_the_pages_has_a_literal_action_without_an_antiforgery_token()
    {
        var web = Path.Combine(VendoredAssetTests.RepositoryRoot(), "src", "Teilhabe.Web");
        var pages = System.IO.Directory.EnumerateFiles(web, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var forms = pages.SelectMany(p => FormTag().Matches(File.ReadAllText(p)).Select(m => (Page: Path.GetRelativePath(web, p), Tag: m.Value))).ToList();
        var offenders = forms
            .Where(f => PostMethod().IsMatch(f.Tag) && LiteralAction().IsMatch(f.Tag) && !f.Tag.Contains("asp-antiforgery=\"true\"", StringComparison.Ordinal))
            .Select(f => $"{f.Page}: {f.Tag}")
            .ToList();

        Assert.Contains(forms, f => PostMethod().IsMatch(f.Tag));
        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"<form\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex FormTag();

    [GeneratedRegex(@"\bmethod\s*=\s*""post""", RegexOptions.IgnoreCase)]
    private static partial Regex PostMethod();

    [GeneratedRegex(@"(?<![-\w])action\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex LiteralAction();
}
