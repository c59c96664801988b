using System.Text;
using System.Text.RegularExpressions;
using Teilhabe.Core.Reports;
using Teilhabe.Web.Features.Reports;

namespace Teilhabe.UnitTests.Reports;

/// <summary>
/// REP-03 (issue 22): reports embed the core DejaVu faces instead of the whole fonts, and a character outside the core
/// is still printed — by the full face, or as U+FFFD when no face has it — never dropped.
/// </summary>
public sealed partial class ReportFontTests
{
    /// <summary>The uncompressed sizes of the embedded font programs (/Length1 of each FontFile2).</summary>
    private static List<int> EmbeddedFontSizes(byte[] pdf)
        => [.. FontFileLength().Matches(Encoding.Latin1.GetString(pdf)).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"/Length1 (\d+)")]
    private static partial Regex FontFileLength();

    private static byte[] Render(params string[] paragraphs)
        => PdfLayout.Render(new ReportDocument("Endbericht", "IFD Erfurt", "2026-0001", new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero), [new ReportHeading("Sachstand"), .. paragraphs.Select(p => new ReportParagraph(p))]), "cw");

    private static string Text(byte[] pdf) => ReportPdfTests.Read(pdf).Text.Replace(" ", string.Empty, StringComparison.Ordinal);

    [Fact]
    [Trait("Rule", "REP-03")]
    public void REP03_a_German_three_page_report_embeds_only_the_core_faces_and_stays_under_150_KB()
    {
        var longText = string.Join(" ", Enumerable.Repeat("Außergewöhnlich lange Schilderung „des Sachstands“ – Maßnahmen für 1.200 € → § 185 SGB IX; Größe: ≤ 3 m².", 45));
        var pdf = PdfLayout.Render(ReportComposer.Compose(ReportPdfTests.Input(ReportKind.Final, closing: longText)), "Frau Weiß");

        var (text, pages, _) = ReportPdfTests.Read(pdf);
        Assert.Equal(3, pages);
        Assert.True(pdf.Length <= 150 * 1024, $"{pdf.Length} Bytes");
        Assert.All(EmbeddedFontSizes(pdf), size => Assert.InRange(size, 1, 100_000));
        Assert.Equal(2, EmbeddedFontSizes(pdf).Count);
        var flat = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("Außergewöhnlich", flat);
        Assert.Contains("„desSachstands“–Maßnahmenfür1.200€→§185SGBIX;Größe:≤3m².", flat);
        Assert.DoesNotContain(PdfFonts.Replacement, flat);
    }

    [Fact]
    [Trait("Rule", "REP-03")]
    public void REP03_Cyrillic_and_Greek_outside_the_core_are_printed_from_the_full_face_as_real_text()
    {
        var pdf = Render("Klientin Юлія Шевченко, Ansprechpartner Γιώργος Παπαδόπουλος, Herr Müller.");

        Assert.Contains("KlientinЮліяШевченко,AnsprechpartnerΓιώργοςΠαπαδόπουλος,HerrMüller.", Text(pdf));
        Assert.Contains(EmbeddedFontSizes(pdf), size => size > 700_000);
    }

    [Fact]
    [Trait("Rule", "REP-03")]
    public void REP03_a_character_no_face_has_is_printed_as_the_replacement_character_not_dropped()
    {
        var pdf = Render("Name laut Pass: 王秀英 🙂 Ende");

        Assert.Contains("NamelautPass:\uFFFD\uFFFD\uFFFD\uFFFDEnde", Text(pdf));
    }

    [Fact]
    [Trait("Rule", "REP-03")]
    public void REP03_decomposed_umlauts_and_tabs_print_like_typed_ones()
    {
        var pdf = Render("Herr Mu\u0308ller\tund Frau Go\u0308rg");

        Assert.Contains("HerrMüllerundFrauGörg", Text(pdf));
        Assert.All(EmbeddedFontSizes(pdf), size => Assert.InRange(size, 1, 100_000));
    }
}
