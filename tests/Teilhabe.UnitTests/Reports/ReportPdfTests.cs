using System.Text;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Reports;
using Teilhabe.UnitTests.Cases;
using Teilhabe.Web.Features.Reports;
using UglyToad.PdfPig;

namespace Teilhabe.UnitTests.Reports;

/// <summary>REP-01 / REP-02 / REP-03: the generated PDF/A, read back with PdfPig.</summary>
public sealed class ReportPdfTests
{
    private const string Secret = "GEHEIMEARBEITSLISTE";

    internal static ReportInput Input(ReportKind kind, Action<CaseTexts>? _ = null, string closing = "Arbeitsplatz in passender Größe gesichert; Kosten 1.200 €.")
    {
        var (c, _) = new CaseBuilder().ForIntegrationOffice().InPhase(Phase.P3).Build();
        c.UpdateTexts(new CaseTexts
        {
            Concern = "Anliegen: Größe des Arbeitsplatzes",
            PlannedContents = "Beratung zur Arbeitsplatzgröße und Gespräch mit dem Arbeitgeber.",
            DisabilityImpact = "Die Beeinträchtigung erschwert längeres Stehen; Pausen sind nötig.",
            GoalAgreement = "Erhalt des Arbeitsplatzes.",
            Supplements = "keine Ergänzungen",
            Progress = "Gespräch geführt; weitere Schritte geplant.",
            ClosingResult = closing,
            Todo = Secret,
        });
        var goal = new CaseGoal(c, new GoalDraft("Arbeitsplatz sichern", "Stehhilfe beantragen", "Antrag stellen", CaseBuilder.Today.AddMonths(2), "Technische Beratung", "Fachkraft und Arbeitgeber"), DateTimeOffset.UtcNow);
        goal.Rate(GoalRating.PartlyAchieved, "Stehhilfe bewilligt, Einarbeitung läuft.", DateTimeOffset.UtcNow, "cw");
        return new ReportInput
        {
            Kind = kind,
            Case = c,
            ClientName = "Jürgen Müller",
            ClientBirthDate = new DateOnly(1980, 5, 17),
            ServiceName = "IFD Erfurt",
            CaseworkerName = "Frau Weiß",
            GeneratedAt = new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero),
            FunderName = "Integrationsamt Thüringen",
            Evidence = ["Feststellungsbescheid vom 01.01.2024, GdB 50"],
            Disabilities = [("seelisch", "Depression", true)],
            Goals = [goal],
            Topics = [("Arbeitsplatzgestaltung", CaseBuilder.Today.AddDays(-10), CaseBuilder.Today.AddDays(-2))],
            Outcomes = [("Arbeitgeber beraten", CaseBuilder.Today.AddDays(-10), CaseBuilder.Today.AddDays(-2))],
            History = [(Phase.P1, Phase.P3, CaseBuilder.Today.AddDays(-5), null)],
        };
    }

    internal static (string Text, int Pages, string Xmp) Read(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        var text = new StringBuilder();
        foreach (var page in doc.GetPages())
        {
            text.Append(string.Concat(page.Letters.Select(l => l.Value))).Append('\n');
        }

        var xmp = doc.TryGetXmpMetadata(out var metadata) ? Encoding.UTF8.GetString(metadata.GetXmlBytes().ToArray()) : string.Empty;
        return (text.ToString(), doc.NumberOfPages, xmp);
    }

    private static string NoSpaces(string s) => s.Replace(" ", string.Empty, StringComparison.Ordinal);

    [Fact]
    [Trait("Rule", "REP-03")]
    public void REP03_the_report_is_a_PDF_A_with_embedded_fonts_umlauts_header_and_footer()
    {
        var pdf = PdfLayout.Render(ReportComposer.Compose(Input(ReportKind.Final)), "Frau Weiß");
        var (text, pages, xmp) = Read(pdf);
        var flat = NoSpaces(text);

        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.Contains("pdfaid:part", xmp);
        Assert.Contains("Müller", flat);
        Assert.Contains("Größe", flat);
        Assert.Contains("1.200€", flat);
        Assert.Contains("IFDErfurt", flat);
        Assert.Contains("Auftrag2026-0001", flat);
        Assert.Contains($"Seite1von{pages}", flat);
        Assert.Contains("Erstelltam23.11.2026um10:30Uhr", flat);
    }

    [Fact]
    [Trait("Rule", "REP-01")]
    public void REP01_the_Endbericht_contains_its_mandatory_sections_topics_LEK_and_goal_ratings()
    {
        var (text, _, _) = Read(PdfLayout.Render(ReportComposer.Compose(Input(ReportKind.Final)), "cw"));
        var flat = NoSpaces(text);
        Assert.Contains("Endbericht", flat);
        Assert.Contains("SachstandzurAbmeldung/Ergebnis", flat);
        Assert.Contains("BearbeiteteThemen", flat);
        Assert.Contains("Arbeitsplatzgestaltung", flat);
        Assert.Contains("Arbeitgeberberaten", flat);
        Assert.Contains("teilweiseerreicht", flat);
        Assert.Contains("VerlaufderPhasen", flat);
    }

    [Fact]
    [Trait("Rule", "REP-01")]
    public void REP01_the_Anfangsbericht_Betreuung_shows_impact_goal_agreement_and_supplements()
    {
        var flat = NoSpaces(Read(PdfLayout.Render(ReportComposer.Compose(Input(ReportKind.InitialCare)), "cw")).Text);
        Assert.Contains("AuswirkungderBehinderungaufdieTeilhabeamArbeitsleben", flat);
        Assert.Contains("Zielvereinbarung", flat);
        Assert.Contains("Ziel1:Arbeitsplatzsichern", flat);
        Assert.Contains("keineErgänzungen", flat);
    }

    [Theory]
    [InlineData(ReportKind.InitialCounselling)]
    [InlineData(ReportKind.InitialCare)]
    [InlineData(ReportKind.Progress)]
    [InlineData(ReportKind.Final)]
    [Trait("Rule", "REP-02")]
    public void REP02_the_ToDo_field_never_appears_in_any_report(ReportKind kind)
    {
        var document = ReportComposer.Compose(Input(kind));
        Assert.DoesNotContain(document.AllText(), t => t.Contains(Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, NoSpaces(Read(PdfLayout.Render(document, "cw")).Text));
    }

    [Fact]
    [Trait("Rule", "REP-03")]
    public void REP03_long_text_breaks_into_lines_and_pages_with_page_x_of_y()
    {
        var longText = string.Join(" ", Enumerable.Repeat("Außergewöhnlich lange Schilderung des Sachstands mit Maßnahmen.", 400));
        var pdf = PdfLayout.Render(ReportComposer.Compose(Input(ReportKind.Final, closing: longText)), "cw");
        var (text, pages, _) = Read(pdf);
        Assert.True(pages >= 3, $"expected several pages, got {pages}");
        Assert.Contains($"Seite{pages}von{pages}", NoSpaces(text));

        using var doc = PdfDocument.Open(pdf);
        foreach (var page in doc.GetPages())
        {
            Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Right, 0, page.Width - 50));
        }
    }
}
