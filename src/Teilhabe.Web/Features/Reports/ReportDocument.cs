namespace Teilhabe.Web.Features.Reports;

/// <summary>The content of one report, independent of its rendering (PDF for the version, HTML for the preview).</summary>
internal sealed record ReportDocument(string Title, string ServiceName, string CaseNumber, DateTimeOffset GeneratedAt, IReadOnlyList<ReportBlock> Blocks)
{
    /// <summary>All text of the report (for tests and the preview's search).</summary>
    public IEnumerable<string> AllText()
    {
        foreach (var block in Blocks)
        {
            switch (block)
            {
                case ReportHeading h:
                    yield return h.Text;
                    break;
                case ReportParagraph p:
                    yield return p.Text;
                    break;
                case ReportTable t:
                    foreach (var (key, value) in t.Rows)
                    {
                        yield return key;
                        yield return value;
                    }

                    break;
            }
        }
    }
}

internal abstract record ReportBlock;

/// <summary>A section heading (level 1 = section, 2 = subsection).</summary>
internal sealed record ReportHeading(string Text, int Level = 1) : ReportBlock;

/// <summary>Running text; line feeds start new lines.</summary>
internal sealed record ReportParagraph(string Text) : ReportBlock;

/// <summary>A two-column key/value table.</summary>
internal sealed record ReportTable(IReadOnlyList<(string Key, string Value)> Rows) : ReportBlock;
