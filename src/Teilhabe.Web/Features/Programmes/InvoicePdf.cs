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
        using var title = new SKFont(Reports.PdfLayout.Bold, 18f);
        using var bold = new SKFont(Reports.PdfLayout.Bold, 10f);
        using var text = new SKFont(Reports.PdfLayout.Regular, 10f);

        var y = Margin + 10;
        canvas.DrawText(invoice.Provider, Margin, y, SKTextAlign.Left, text, paint);
        y += 40;
        canvas.DrawText($"Rechnung {invoice.Number}", Margin, y, SKTextAlign.Left, title, paint);
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
            canvas.DrawText(label + ":", Margin, y, SKTextAlign.Left, bold, paint);
            canvas.DrawText(value, Margin + 120, y, SKTextAlign.Left, text, paint);
            y += 16;
        }

        y += 20;
        float[] columns = [Margin, Margin + 230, Margin + 320, PageWidth - Margin];
        canvas.DrawText("Modul", columns[0], y, SKTextAlign.Left, bold, paint);
        canvas.DrawText("Stunden", columns[1] + 50, y, SKTextAlign.Right, bold, paint);
        canvas.DrawText("Satz je Stunde", columns[2] + 60, y, SKTextAlign.Right, bold, paint);
        canvas.DrawText("Betrag", columns[3], y, SKTextAlign.Right, bold, paint);
        y += 6;
        canvas.DrawLine(Margin, y, PageWidth - Margin, y, line);
        y += 16;
        foreach (var l in invoice.Lines)
        {
            canvas.DrawText(l.Label, columns[0], y, SKTextAlign.Left, text, paint);
            canvas.DrawText(Number(l.Hours), columns[1] + 50, y, SKTextAlign.Right, text, paint);
            canvas.DrawText(GermanFormat.Euro(l.Rate), columns[2] + 60, y, SKTextAlign.Right, text, paint);
            canvas.DrawText(GermanFormat.Euro(l.Amount), columns[3], y, SKTextAlign.Right, text, paint);
            y += 16;
        }

        if (invoice.Lines.Count == 0)
        {
            canvas.DrawText("Im Zeitraum wurden keine Fachleistungsstunden erbracht.", columns[0], y, SKTextAlign.Left, text, paint);
            y += 16;
        }

        canvas.DrawLine(Margin, y - 8, PageWidth - Margin, y - 8, line);
        y += 6;
        canvas.DrawText("Gesamtbetrag", columns[0], y, SKTextAlign.Left, bold, paint);
        canvas.DrawText(GermanFormat.Euro(invoice.Total), columns[3], y, SKTextAlign.Right, bold, paint);
        y += 36;
        canvas.DrawText("Abrechnung der Fachleistungsstunden je Modul (Stunden × Satz) aus dem Persönlichen Budget.", Margin, y, SKTextAlign.Left, text, paint);
    }
}
