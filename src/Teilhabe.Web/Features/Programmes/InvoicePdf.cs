using System.Globalization;
using SkiaSharp;
using Teilhabe.Core.Programmes;

using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Programmes;

/// <summary>
/// PRG-LO-03: the invoice of one period for one Budgetnehmer as a PDF (hours × rate per module), drawn with
/// SkiaSharp and DejaVu Sans embedded. Self-contained so that it can later move into a shared document layout.
/// </summary>
internal static class InvoicePdf
{
    public sealed record Invoice(
        string Number,
        DateOnly IssuedOn,
        string Provider,
        string Programme,
        string Budgetnehmer,
        string BudgetGiver,
        DateOnly From,
        DateOnly To,
        IReadOnlyList<ProgrammeRules.InvoiceLine> Lines)
    {
        public decimal Total => Lines.Sum(l => l.Amount);
    }

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private const float PageWidth = 595f;
    private const float PageHeight = 842f;
    private const float Margin = 56f;


    public static string Number(decimal value) => value.ToString("0.##", German);

    public static byte[] Render(Invoice invoice)
    {
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"Rechnung {invoice.Number}",
            Author = invoice.Provider,
            Subject = "Rechnung Persönliches Budget",
            Creator = "Teilhabe",
            Producer = "Teilhabe",
            Creation = DateTime.SpecifyKind(invoice.IssuedOn.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc),
            Modified = DateTime.SpecifyKind(invoice.IssuedOn.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc),
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var canvas = document.BeginPage(PageWidth, PageHeight);
            Draw(canvas, invoice);
            document.EndPage();
            document.Close();
        }

        return stream.ToArray();
    }

    private static void Draw(SKCanvas canvas, Invoice invoice)
    {
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var line = new SKPaint { Color = SKColors.Black, StrokeWidth = 0.8f, IsStroke = true };

        var y = Margin + 10;
        Reports.PdfFonts.Draw(canvas, invoice.Provider, Margin, y, false, 10f, paint);
        y += 40;
        Reports.PdfFonts.Draw(canvas, $"Rechnung {invoice.Number}", Margin, y, true, 18f, paint);
        y += 28;
        foreach (var (label, value) in new[]
        {
            ("Rechnungsdatum", invoice.IssuedOn.ToString("dd.MM.yyyy", German)),
            ("Leistungszeitraum", $"{invoice.From.ToString("dd.MM.yyyy", German)} – {invoice.To.ToString("dd.MM.yyyy", German)}"),
            ("Budgetnehmer/in", invoice.Budgetnehmer),
            ("Leistungsträger", invoice.BudgetGiver),
            ("Maßnahme", invoice.Programme),
        })
        {
            Reports.PdfFonts.Draw(canvas, label + ":", Margin, y, true, 10f, paint);
            Reports.PdfFonts.Draw(canvas, value, Margin + 120, y, false, 10f, paint);
            y += 16;
        }

        y += 20;
        float[] columns = [Margin, Margin + 230, Margin + 320, PageWidth - Margin];
        Reports.PdfFonts.Draw(canvas, "Modul", columns[0], y, true, 10f, paint);
        Reports.PdfFonts.Draw(canvas, "Stunden", columns[1] + 50, y, true, 10f, paint, SKTextAlign.Right);
        Reports.PdfFonts.Draw(canvas, "Satz je Stunde", columns[2] + 60, y, true, 10f, paint, SKTextAlign.Right);
        Reports.PdfFonts.Draw(canvas, "Betrag", columns[3], y, true, 10f, paint, SKTextAlign.Right);
        y += 6;
        canvas.DrawLine(Margin, y, PageWidth - Margin, y, line);
        y += 16;
        foreach (var l in invoice.Lines)
        {
            Reports.PdfFonts.Draw(canvas, l.Label, columns[0], y, false, 10f, paint);
            Reports.PdfFonts.Draw(canvas, Number(l.Hours), columns[1] + 50, y, false, 10f, paint, SKTextAlign.Right);
            Reports.PdfFonts.Draw(canvas, GermanFormat.Euro(l.Rate), columns[2] + 60, y, false, 10f, paint, SKTextAlign.Right);
            Reports.PdfFonts.Draw(canvas, GermanFormat.Euro(l.Amount), columns[3], y, false, 10f, paint, SKTextAlign.Right);
            y += 16;
        }

        if (invoice.Lines.Count == 0)
        {
            Reports.PdfFonts.Draw(canvas, "Im Zeitraum wurden keine Fachleistungsstunden erbracht.", columns[0], y, false, 10f, paint);
            y += 16;
        }

        canvas.DrawLine(Margin, y - 8, PageWidth - Margin, y - 8, line);
        y += 6;
        Reports.PdfFonts.Draw(canvas, "Gesamtbetrag", columns[0], y, true, 10f, paint);
        Reports.PdfFonts.Draw(canvas, GermanFormat.Euro(invoice.Total), columns[3], y, true, 10f, paint, SKTextAlign.Right);
        y += 36;
        Reports.PdfFonts.Draw(canvas, "Abrechnung der Fachleistungsstunden je Modul (Stunden × Satz) aus dem Persönlichen Budget.", Margin, y, false, 10f, paint);
    }
}
