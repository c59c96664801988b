using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Teilhabe.Web.Features.Statistics;

/// <summary>
/// STAT-03: CSV (German Excel: <c>;</c>, UTF-8 with BOM) and XLSX (Open XML SDK) of the very same figures as the JSON.
/// One table: section code, section, row code, label, total, female, male, diverse, unknown. A suppressed cell of a
/// publication export (STAT-02) is written as "–" (never as 0).
/// </summary>
internal static class StatisticsExport
{
    public const string Suppressed = "–";

    public static readonly string[] Header =
        ["Abschnittskennung", "Abschnitt", "Kennung", "Bezeichnung", "Gesamt", "weiblich", "männlich", "divers", "unbekannt"];

    public sealed record Line(string SectionCode, string Section, string Code, string Label, Count Count);

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Every figure of the statistics as table lines, in a fixed order.</summary>
    public static List<Line> Lines(AnnualStatistics s)
    {
        var lines = new List<Line>();
        foreach (var (code, g) in s.Groups)
        {
            var section = BreakdownNames.GroupGerman(code);
            var sectionCode = $"groups.{code}";
            lines.Add(new(sectionCode, section, "startStock", $"Bestand am {s.From.AddDays(-1).ToString("dd.MM.yyyy", German)}", g.StartStock));
            lines.Add(new(sectionCode, section, "entries", "Zugänge", g.Entries));
            lines.Add(new(sectionCode, section, "exits", "Abgänge", g.Exits));
            lines.Add(new(sectionCode, section, "endStock", $"Bestand am {s.To.ToString("dd.MM.yyyy", German)}", g.EndStock));
        }

        lines.AddRange(s.Outcomes.Select(r => new Line("outcomes", "Abgeschlossene Beauftragungen nach Ergebnis", r.Code, r.Label, r.Count)));
        lines.Add(new("securedShare", "Anteil gesicherter Arbeitsverhältnisse", "secured", "Sicherungen mit gesichertem Arbeitsverhältnis", s.SecuredShare.Secured));
        lines.Add(new("securedShare", "Anteil gesicherter Arbeitsverhältnisse", "closed", "abgeschlossene Sicherungen", s.SecuredShare.Closed));
        foreach (var (name, rows) in s.Breakdowns)
        {
            lines.AddRange(rows.Select(r => new Line($"breakdowns.{name}", BreakdownNames.German(name), r.Code, r.Label, r.Count)));
        }

        lines.AddRange(s.Leks.Select(r => new Line("leks", "Leistungen und Ergebnisse (LEK)", r.Code, r.Label, r.Count)));
        return lines;
    }

    public static string PercentText(AnnualStatistics s)
        => s.SecuredShare.Percent is { } p ? p.ToString("0.0", German) : Suppressed;

    private static string[][] Meta(AnnualStatistics s, string scope) =>
    [
        ["Statistik nach § 197 SGB IX", scope],
        ["Zeitraum", s.From.ToString("dd.MM.yyyy", German), s.To.ToString("dd.MM.yyyy", German)],
        ["Veröffentlichung (kleine Werte unterdrückt)", s.Public ? "ja" : "nein"],
        ["Anteil gesicherter Arbeitsverhältnisse in %", PercentText(s)],
    ];

    /// <summary>
    /// A text that a spreadsheet would run as a formula (=, +, -, @, or a leading tab or line break: a name or label
    /// such as "=HYPERLINK(…)") is written with a leading apostrophe, so it stays text. Numbers are never texts here.
    /// </summary>
    public static string Neutralise(string s)
        => s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : s;

    public static byte[] Csv(AnnualStatistics s, string scope)
    {
        var sb = new StringBuilder();
        foreach (var m in Meta(s, scope))
        {
            sb.Append(string.Join(';', m.Select(CsvText))).Append("\r\n");
        }

        sb.Append("\r\n");
        sb.Append(string.Join(';', Header)).Append("\r\n");
        foreach (var l in Lines(s))
        {
            IEnumerable<string> cells = [.. new[] { l.SectionCode, l.Section, l.Code, l.Label }.Select(CsvText), .. l.Count.Cells().Select(Cell)];
            sb.Append(string.Join(';', cells)).Append("\r\n");
        }

        var preamble = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(sb.ToString());
        return [.. preamble, .. body];
    }

    private static string Cell(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? Suppressed;

    private static string CsvText(string s) => Escape(Neutralise(s));

    private static string Escape(string s)
        => s.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;

    public static byte[] Xlsx(AnnualStatistics s, string scope)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            sheetPart.Worksheet = new Worksheet(data);
            uint index = 1;
            foreach (var m in Meta(s, scope))
            {
                data.Append(Row(index++, m.Select(Text)));
            }

            index++;
            data.Append(Row(index++, Header.Select(Text)));
            foreach (var l in Lines(s))
            {
                data.Append(Row(index++, [Text(l.SectionCode), Text(l.Section), Text(l.Code), Text(l.Label), .. l.Count.Cells().Select(Number)]));
            }

            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Statistik" });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(uint index, IEnumerable<Cell> cells)
    {
        var row = new Row { RowIndex = index };
        foreach (var c in cells)
        {
            row.Append(c);
        }

        return row;
    }

    private static Cell Text(string s) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Neutralise(s))) };

    private static Cell Number(int? v) => v is { } n
        ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(n) }
        : Text(Suppressed);
}
