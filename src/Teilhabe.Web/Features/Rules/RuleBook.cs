using System.Globalization;
using System.Text.RegularExpressions;

namespace Teilhabe.Web.Features.Rules;

/// <summary>
/// The German text of every rule of DOMAIN.md, read from the embedded Regeln.md: pages show rule IDs as small links
/// to /regeln#ID, and this is the text behind them. The resource is parsed once; a malformed line fails loudly.
/// </summary>
internal sealed partial record RuleBook(IReadOnlyList<string> Intro, IReadOnlyList<RuleSection> Sections)
{
    public const string ResourceName = "Teilhabe.Web.Rules.Regeln.md";

    private static readonly Lazy<RuleBook> Embedded = new(LoadEmbedded);

    /// <summary>The rule book of the product (Features/Rules/Regeln.md).</summary>
    public static RuleBook Current => Embedded.Value;

    public IEnumerable<RuleEntry> AllRules => Sections.SelectMany(s => s.Groups).SelectMany(g => g.Rules);

    public RuleEntry? Find(string id) => AllRules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// The rules whose ID or text contains every word of <paramref name="query"/> (case-insensitive); sections and
    /// groups left without a rule are dropped. An empty query keeps everything.
    /// </summary>
    public RuleBook Filter(string? query)
    {
        var words = (query ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return this;
        }

        bool Matches(RuleEntry r) => words.All(w => r.Id.Contains(w, StringComparison.OrdinalIgnoreCase)
            || r.PlainText.Contains(w, StringComparison.OrdinalIgnoreCase));

        var sections = Sections
            .Select(s => s with { Groups = [.. s.Groups.Select(g => g with { Rules = [.. g.Rules.Where(Matches)] }).Where(g => g.Rules.Count > 0)] })
            .Where(s => s.Groups.Count > 0)
            .ToList();
        return this with { Sections = sections };
    }

    /// <summary>
    /// Reads the rule book format: optional intro paragraphs, then <c>## Section</c>, optional <c>### Group</c>, and
    /// one rule a line as <c>- **ID** Text</c>. Blank lines and the <c># Title</c> are skipped; anything else, a
    /// malformed ID or an ID given twice is a <see cref="FormatException"/> naming the line.
    /// </summary>
    public static RuleBook Parse(string markdown)
    {
        var intro = new List<string>();
        var sections = new List<RuleSection>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        List<RuleGroup>? groups = null;
        string? sectionTitle = null;
        string? groupTitle = null;
        List<RuleEntry>? rules = null;

        void CloseGroup()
        {
            if (rules is { Count: > 0 } || groupTitle is not null)
            {
                groups!.Add(new RuleGroup(groupTitle, rules ?? []));
            }

            rules = [];
            groupTitle = null;
        }

        void CloseSection()
        {
            if (sectionTitle is null)
            {
                return;
            }

            CloseGroup();
            sections.Add(new RuleSection("bereich-" + (sections.Count + 1).ToString(CultureInfo.InvariantCulture), sectionTitle, groups!));
        }

        var lineNumber = 0;
        foreach (var raw in markdown.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r', ' ', '\t');
            if (line.Length == 0 || (line.StartsWith("# ", StringComparison.Ordinal) && sectionTitle is null))
            {
                continue;
            }

            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                CloseSection();
                sectionTitle = line[3..].Trim();
                groups = [];
                rules = [];
                continue;
            }

            if (sectionTitle is null)
            {
                if (line.StartsWith('-') || line.StartsWith('#'))
                {
                    throw new FormatException($"Regeln.md, Zeile {lineNumber}: eine Regel oder Überschrift vor dem ersten Abschnitt (## …).");
                }

                intro.Add(line.Trim());
                continue;
            }

            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                CloseGroup();
                groupTitle = line[4..].Trim();
                continue;
            }

            var match = RuleLine().Match(line);
            if (!match.Success)
            {
                throw new FormatException($"Regeln.md, Zeile {lineNumber}: keine Regelzeile der Form „- **ID** Text“: {line}");
            }

            var id = match.Groups["id"].Value;
            if (!seen.Add(id))
            {
                throw new FormatException($"Regeln.md, Zeile {lineNumber}: die Regel {id} steht zweimal im Text.");
            }

            rules!.Add(RuleEntry.Create(id, match.Groups["text"].Value.Trim()));
        }

        CloseSection();
        return new RuleBook(intro, sections);
    }

    private static RuleBook LoadEmbedded()
    {
        using var stream = typeof(RuleBook).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    [GeneratedRegex(@"^- \*\*(?<id>[A-Z]{2,5}(?:-[A-Z0-9]{1,5}){1,3})\*\* (?<text>\S.*)$")]
    private static partial Regex RuleLine();
}

/// <summary>A top-level part of the rule book (## heading) with its anchor on /regeln.</summary>
internal sealed record RuleSection(string Anchor, string Title, IReadOnlyList<RuleGroup> Groups);

/// <summary>Rules under one ### heading, or directly under the section (<see cref="Title"/> null).</summary>
internal sealed record RuleGroup(string? Title, IReadOnlyList<RuleEntry> Rules);

/// <summary>One rule: its ID exactly as DOMAIN.md spells it and its German text as plain and inline parts.</summary>
internal sealed record RuleEntry(string Id, IReadOnlyList<RuleInline> Inlines)
{
    public string PlainText => string.Concat(Inlines.Select(i => i.Text));

    public static RuleEntry Create(string id, string text) => new(id, RuleInline.Parse(text));
}

internal enum RuleInlineKind
{
    Text,
    Strong,
    Code,
}

/// <summary>
/// A run of rule text: plain, <c>**strong**</c> or <c>`code`</c>. The text is never HTML: views encode it, so
/// markup in the resource shows as characters. An unclosed marker stays literal.
/// </summary>
internal sealed record RuleInline(RuleInlineKind Kind, string Text)
{
    public static IReadOnlyList<RuleInline> Parse(string text)
    {
        var parts = new List<RuleInline>();
        var plain = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var (marker, kind) = text[i] == '`' ? ("`", RuleInlineKind.Code)
                : text.AsSpan(i).StartsWith("**", StringComparison.Ordinal) ? ("**", RuleInlineKind.Strong)
                : (null, RuleInlineKind.Text);
            var end = marker is null ? -1 : text.IndexOf(marker, i + marker.Length, StringComparison.Ordinal);
            if (marker is null || end <= i + marker.Length)
            {
                plain.Append(text[i]);
                i++;
                continue;
            }

            if (plain.Length > 0)
            {
                parts.Add(new RuleInline(RuleInlineKind.Text, plain.ToString()));
                plain.Clear();
            }

            parts.Add(new RuleInline(kind, text[(i + marker.Length)..end]));
            i = end + marker.Length;
        }

        if (plain.Length > 0)
        {
            parts.Add(new RuleInline(RuleInlineKind.Text, plain.ToString()));
        }

        return parts;
    }
}
