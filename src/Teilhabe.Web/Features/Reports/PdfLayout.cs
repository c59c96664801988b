using System.Globalization;
using SkiaSharp;
using Teilhabe.Core.Time;

namespace Teilhabe.Web.Features.Reports;

/// <summary>
/// A small layout engine for the reports (REP-03): A4 pages with margins, greedy hyphen-free line breaking on measured
/// widths, headings kept with what follows, two-column key/value tables, page breaks, a header (IFD, case number,
/// title) and a footer ("Seite x von y", generation time in Berlin time). It lays out first and draws second,
/// so the page count is known for the footer. Output is PDF/A with the embedded DejaVu Sans fonts (see <see cref="PdfFonts"/>).
/// </summary>
internal sealed class PdfLayout
{
    private const float PageWidth = 595.28f;
    private const float PageHeight = 841.89f;
    private const float Left = 62f;
    private const float Right = PageWidth - 56f;
    private const float Top = 100f;
    private const float Bottom = PageHeight - 64f;
    private const float BodySize = 10.5f;
    private const float LineHeight = BodySize * 1.4f;
    private const float KeyColumn = 0.36f;
    private const float ColumnGap = 10f;

    private readonly List<List<Run>> _pages = [];
    private float _y;

    private sealed record Run(string Text, float X, float Y, bool Bold, float Size);

    /// <summary>Lays out and renders the document as a PDF/A file.</summary>
    public static byte[] Render(ReportDocument document, string author)
    {
        var layout = new PdfLayout();
        layout.Lay(document);
        return layout.Draw(document, author);
    }

    private void Lay(ReportDocument document)
    {
        NewPage();
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case ReportHeading h:
                    {
                        var size = h.Level == 1 ? 13f : 11.5f;
                        var lines = Wrap(h.Text, true, size, Right - Left);
                        // Keep the heading with at least two lines of what follows.
                        Need((lines.Count * size * 1.35f) + (LineHeight * 2) + 10f);
                        _y += h.Level == 1 ? 10f : 6f;
                        foreach (var line in lines)
                        {
                            _y += size * 1.35f;
                            Add(line, Left, _y, true, size);
                        }

                        _y += 4f;
                    }

                    break;
                case ReportParagraph p:
                    foreach (var line in Wrap(p.Text, false, BodySize, Right - Left))
                    {
                        Need(LineHeight);
                        _y += LineHeight;
                        Add(line, Left, _y, false, BodySize);
                    }

                    _y += LineHeight * 0.5f;
                    break;
                case ReportTable t:
                    LayTable(t);
                    break;
            }
        }
    }

    private void LayTable(ReportTable table)
    {
        var keyWidth = (Right - Left) * KeyColumn;
        var valueX = Left + keyWidth + ColumnGap;
        foreach (var (key, value) in table.Rows)
        {
            var keys = Wrap(key, true, BodySize, keyWidth);
            var values = Wrap(string.IsNullOrWhiteSpace(value) ? "—" : value, false, BodySize, Right - valueX);
            var rows = Math.Max(keys.Count, values.Count);

            // A short row stays together; a long value may continue on the next page.
            Need(Math.Min(rows, 3) * LineHeight);
            for (var i = 0; i < rows; i++)
            {
                Need(LineHeight);
                _y += LineHeight;
                if (i < keys.Count)
                {
                    Add(keys[i], Left, _y, true, BodySize);
                }

                if (i < values.Count)
                {
                    Add(values[i], valueX, _y, false, BodySize);
                }
            }

            _y += 3f;
        }

        _y += LineHeight * 0.5f;
    }

    /// <summary>Greedy line breaking without hyphenation: words fill a line while they fit; a word wider than a line is split.</summary>
    public static List<string> Wrap(string text, bool bold, float size, float width)
    {
        var lines = new List<string>();
        foreach (var hard in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in hard.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (PdfFonts.Measure(candidate, bold, size) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (PdfFonts.Measure(line, bold, size) > width && line.Length > 1)
                {
                    var take = line.Length - 1;
                    while (take > 1 && PdfFonts.Measure(line[..take], bold, size) > width)
                    {
                        take--;
                    }

                    lines.Add(line[..take]);
                    line = line[take..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    private void Need(float height)
    {
        if (_y + height > Bottom)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        _pages.Add([]);
        _y = Top;
    }

    private void Add(string text, float x, float y, bool bold, float size) => _pages[^1].Add(new Run(text, x, y, bold, size));

    private byte[] Draw(ReportDocument document, string author)
    {
        using var output = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = document.Title + " " + document.CaseNumber,
            Author = author,
            Subject = document.Title,
            Creator = "Teilhabe",
            Producer = "Teilhabe (SkiaSharp)",
            Creation = document.GeneratedAt.UtcDateTime,
            Modified = document.GeneratedAt.UtcDateTime,
            PdfA = true,
        };
        using (var pdf = SKDocument.CreatePdf(output, metadata))
        {
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var rule = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), StrokeWidth = 0.6f, IsStroke = true };
            var berlin = BerlinTime.ToBerlin(document.GeneratedAt);
            var generated = "Erstellt am " + berlin.ToString("dd.MM.yyyy 'um' HH:mm 'Uhr'", CultureInfo.GetCultureInfo("de-DE"));
            for (var i = 0; i < _pages.Count; i++)
            {
                var canvas = pdf.BeginPage(PageWidth, PageHeight);
                const float Small = 8.5f;
                PdfFonts.Draw(canvas, document.ServiceName, Left, 40f, false, Small, ink);
                PdfFonts.Draw(canvas, "Auftrag " + document.CaseNumber, Right, 40f, false, Small, ink, SKTextAlign.Right);
                PdfFonts.Draw(canvas, document.Title, Left, 62f, true, 12f, ink);
                canvas.DrawLine(Left, 72f, Right, 72f, rule);
                canvas.DrawLine(Left, Bottom + 16f, Right, Bottom + 16f, rule);
                PdfFonts.Draw(canvas, generated, Left, Bottom + 32f, false, Small, ink);
                PdfFonts.Draw(canvas, $"Seite {i + 1} von {_pages.Count}", Right, Bottom + 32f, false, Small, ink, SKTextAlign.Right);

                foreach (var run in _pages[i])
                {
                    PdfFonts.Draw(canvas, run.Text, run.X, run.Y, run.Bold, run.Size, ink);
                }

                pdf.EndPage();
            }

            pdf.Close();
        }

        return output.ToArray();
    }
}
