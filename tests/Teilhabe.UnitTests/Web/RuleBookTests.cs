using System.Reflection;
using System.Text.RegularExpressions;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Rules;

namespace Teilhabe.UnitTests.Web;

/// <summary>The German rule book behind /regeln: complete, each ID once, and parsed without letting HTML through.</summary>
public sealed partial class RuleBookTests
{
    /// <summary>Every rule ID of DOMAIN.md, plus PH-00 (the refusal of any transition its diagram does not allow).</summary>
    private static readonly string[] DomainIds =
    [
        "ACC-01", "ACC-02", "ACC-03", "ACC-04", "ACC-05", "ACC-06", "ACC-07", "ACC-08", "ACC-09", "ACC-10", "ACC-11", "ACC-12", "ACC-13",
        "PH-00", "PH-P1-01", "PH-P2-01", "PH-P2-02", "PH-P2-03", "PH-P2-04", "PH-P2-05", "PH-P3-01", "PH-P3-02", "PH-P3-03", "PH-P3-04",
        "PH-P4-01", "PH-P4-02", "PH-FDS-01", "PH-FDS-02", "PH-FDS-03", "PH-FDS-04", "PH-FDS-05", "PH-FDS-06", "PH-GEN-01",
        "BA-SI-01", "BA-SI-02", "BA-SI-03", "BA-SI-04", "BA-SI-05", "BA-UB-01", "BA-UB-02", "BA-IB-01", "BA-IB-02", "BA-ST-01", "BA-ST-02", "BA-EXT-01",
        "FU-01", "FU-02", "FU-03", "FU-04", "FU-05", "FU-06",
        "CL-01", "CL-02", "CL-03", "DIS-01", "DIS-02", "DIS-03", "EMP-01", "TR-01", "TR-02", "TR-03",
        "CT-01", "CT-02", "CT-03", "CT-04", "CT-05", "CT-06", "CT-07", "CT-08", "LEK-01", "LEK-02", "LEK-03", "LEK-04", "TOP-01",
        "DOC-01", "DOC-REQ", "DOC-02", "DOC-03", "DOC-04", "DOC-05", "DOC-06", "REP-01", "REP-02", "REP-03", "REP-04", "REP-05", "REP-06", "REP-07",
        "STAT-01", "STAT-02", "STAT-03", "DEL-01",
        "PRG-TR-01", "PRG-TR-02", "PRG-TR-03", "PRG-TR-04", "PRG-TR-05", "PRG-TR-06", "PRG-TR-07", "PRG-TR-08",
        "PRG-LO-01", "PRG-LO-02", "PRG-LO-03", "PRG-LO-04", "PRG-LO-05", "PRG-LO-06", "NET-01", "NET-02", "NET-03", "IFD-01",
    ];

    [Fact]
    public void The_rule_book_holds_every_rule_of_the_domain_once_and_no_other()
    {
        var ids = RuleBook.Current.AllRules.Select(r => r.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(DomainIds.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.All(RuleBook.Current.AllRules, r => Assert.False(string.IsNullOrWhiteSpace(r.PlainText), r.Id));
    }

    [Fact]
    public void Every_rule_id_constant_of_RuleIds_has_its_text_in_the_rule_book()
    {
        var constants = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(id => id != RuleIds.Input)
            .ToList();

        Assert.NotEmpty(constants);
        Assert.All(constants, id => Assert.NotNull(RuleBook.Current.Find(id)));
    }

    [Fact]
    public void Every_rule_id_constant_in_core_and_web_has_its_text_in_the_rule_book()
    {
        var constants = new[] { typeof(RuleIds).Assembly, typeof(RuleBook).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (Field: $"{f.DeclaringType!.Name}.{f.Name}", Value: (string)f.GetRawConstantValue()!))
            .Where(c => RuleIdShape().IsMatch(c.Value))
            .ToList();

        Assert.NotEmpty(constants);
        Assert.All(constants, c => Assert.True(RuleBook.Current.Find(c.Value) is not null, $"{c.Field} = {c.Value} has no text in Regeln.md"));
    }

    [Fact]
    public void Every_rule_link_of_the_pages_points_at_a_rule_of_the_book()
    {
        var pages = System.IO.Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src", "Teilhabe.Web"), "*.cshtml", SearchOption.AllDirectories);
        var links = pages.SelectMany(p => RuleLinkHref().Matches(File.ReadAllText(p)).Select(m => (Page: Path.GetFileName(p), Id: m.Groups["id"].Value))).ToList();

        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.True(RuleBook.Current.Find(l.Id) is not null, $"{l.Page} links /regeln#{l.Id}, which is not in Regeln.md"));
    }

    [Fact]
    public void The_rule_book_is_in_sections_with_german_headings_and_the_programme_groups()
    {
        var book = RuleBook.Current;

        Assert.Equal("Konten, Rollen, Zugriff (HaGe 1.1, 1.3, 8)", book.Sections[0].Title);
        Assert.Equal("bereich-1", book.Sections[0].Anchor);
        Assert.Contains(book.Sections, s => s.Groups.Any(g => g.Rules.Any(r => r.Id == "TOP-01")) && s.Title.StartsWith("Kontakte, Aufgaben, LEK", StringComparison.Ordinal));
        var programmes = Assert.Single(book.Sections, s => s.Title.StartsWith("Programme", StringComparison.Ordinal));
        Assert.Equal(3, programmes.Groups.Count);
        Assert.All(programmes.Groups, g => Assert.NotNull(g.Title));
        Assert.NotEmpty(book.Intro);
    }

    [Fact]
    public void A_profile_number_is_kept_as_the_source_states_it()
    {
        var acc01 = RuleBook.Current.Find("ACC-01")!;

        Assert.Contains("Landesprofil TH: 128", acc01.PlainText, StringComparison.Ordinal);
        Assert.Contains(acc01.Inlines, i => i is { Kind: RuleInlineKind.Code, Text: "PasswordMaxLength" });
    }

    [Fact]
    public void Parse_reads_sections_groups_and_rules_with_their_inline_parts()
    {
        var book = RuleBook.Parse("""
            # Titel

            Einleitung.

            ## Erster Bereich

            - **AB-01** Ein **wichtiger** Satz mit `code` und Ende.

            ## Zweiter Bereich

            ### Gruppe

            - **AB-02** Noch einer.
            """);

        Assert.Equal(["Einleitung."], book.Intro);
        Assert.Equal(["Erster Bereich", "Zweiter Bereich"], book.Sections.Select(s => s.Title));
        Assert.Equal("Gruppe", Assert.Single(book.Sections[1].Groups).Title);
        var rule = book.Find("AB-01")!;
        Assert.Equal(
            [new(RuleInlineKind.Text, "Ein "), new(RuleInlineKind.Strong, "wichtiger"), new(RuleInlineKind.Text, " Satz mit "), new(RuleInlineKind.Code, "code"), new(RuleInlineKind.Text, " und Ende.")],
            rule.Inlines);
        Assert.Equal("Ein wichtiger Satz mit code und Ende.", rule.PlainText);
    }

    [Fact]
    public void Markup_in_a_rule_text_is_shown_as_characters_and_unclosed_markers_stay_literal()
    {
        var rule = RuleBook.Parse("## B\n- **AB-01** <script>alert(1)</script> am <Datum> mit **offen und `x\n").Find("AB-01")!;

        using var writer = new StringWriter();
        RuleHtml.Render(rule).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        var html = writer.ToString();

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;Datum&gt;", html, StringComparison.Ordinal);
        Assert.Equal("<script>alert(1)</script> am <Datum> mit **offen und `x", rule.PlainText);
    }

    [Fact]
    public void Render_writes_strong_and_code_without_added_whitespace()
    {
        var rule = RuleEntry.Create("AB-01", "„`a`“ und **b**.");

        using var writer = new StringWriter();
        RuleHtml.Render(rule).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);

        Assert.Equal("&#x201E;<code>a</code>&#x201C; und <strong>b</strong>.", writer.ToString());
    }

    [Theory]
    [InlineData("## B\n- **AB-01** Eins.\n- **AB-01** Zwei.\n", "zweimal")]
    [InlineData("## B\n- **ab-01** klein geschrieben.\n", "Zeile 2")]
    [InlineData("## B\nFreier Text im Bereich.\n", "Zeile 2")]
    [InlineData("- **AB-01** Vor dem ersten Bereich.\n", "vor dem ersten Abschnitt")]
    public void Parse_refuses_a_duplicate_or_malformed_line_naming_it(string markdown, string expected)
    {
        var error = Assert.Throws<FormatException>(() => RuleBook.Parse(markdown));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TOP-01", "TOP-01")]
    [InlineData("top-01", "TOP-01")]
    [InlineData("stillgelegt katalog", "TOP-01")]
    [InlineData("Schweigepflichtentbindung Eingang", "TR-02")]
    public void Filter_keeps_the_rules_whose_id_or_text_holds_every_word(string query, string expectedId)
    {
        var filtered = RuleBook.Current.Filter(query);

        Assert.Contains(filtered.AllRules, r => r.Id == expectedId);
        Assert.True(filtered.AllRules.Count() < RuleBook.Current.AllRules.Count());
        Assert.All(filtered.Sections, s => Assert.NotEmpty(s.Groups));
    }

    [Fact]
    public void Filter_with_no_match_leaves_no_section_and_an_empty_query_keeps_all()
    {
        Assert.Empty(RuleBook.Current.Filter("gibtesnichtxyz").Sections);
        Assert.Same(RuleBook.Current, RuleBook.Current.Filter("  "));
    }

    [GeneratedRegex(@"^[A-Z]{2,5}(?:-[A-Z0-9]{1,5}){1,3}$")]
    private static partial Regex RuleIdShape();

    [GeneratedRegex(@"href=""/regeln#(?<id>[^""]+)""")]
    private static partial Regex RuleLinkHref();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Teilhabe.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Teilhabe.slnx not found above the test binaries.");
    }
}
