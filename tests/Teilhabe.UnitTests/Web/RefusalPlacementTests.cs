using System.Text.RegularExpressions;

namespace Teilhabe.UnitTests.Web;

/// <summary>
/// Every rule refusal is built in Teilhabe.Core (entities and rule classes); the web project only orchestrates and
/// maps results. This scans the web sources for a RuleViolation constructed there with a rule ID.
/// </summary>
public sealed partial class RefusalPlacementTests
{
    [Fact]
    public void No_rule_refusal_is_constructed_in_the_web_project()
    {
        var web = Path.Combine(VendoredAssetTests.RepositoryRoot(), "src", "Teilhabe.Web");
        var offenders = System.IO.Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(web, f), Line: i + 1, Text: line)))
            .Where(l => RuleIdRefusal().IsMatch(l.Text) || RuleConstantRefusal().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }

    /// <summary>new("PH-P3-02", …), new RuleViolation("ACC-05", …), a call ending in …, "LEK-01").</summary>
    [GeneratedRegex("""(new(\s+RuleViolation)?\(\s*"[A-Z]{2,5}(-[A-Z0-9]+)+"\s*,)|(,\s*"[A-Z]{2,5}(-[A-Z0-9]+)+"\s*\)\s*(\.ExecuteAsync|;))""")]
    private static partial Regex RuleIdRefusal();

    /// <summary>new(SomeRules.Capacity, …), new(DocumentService.Rule, …), new(BetweenRule, …).</summary>
    [GeneratedRegex("""new(\s+RuleViolation)?\(\s*(?!RuleIds\.Input\b)(\w+\.)*\w*Rule\w*(\.\w+)?\s*,""")]
    private static partial Regex RuleConstantRefusal();
}
