using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Teilhabe.Web.Features.Statistics;

/// <summary>
/// STAT-03: a server-rendered, accessible horizontal bar chart (no JavaScript). The SVG carries a &lt;title&gt; and a
/// &lt;desc&gt; listing every value; each bar is labelled with its text and number, so colour is never the only
/// carrier of meaning; the data table next to it holds the same figures. A suppressed value (STAT-02) is drawn as no
/// bar with the text "unterdrückt".
/// </summary>
internal static class SvgBarChart
{
    private const int LabelWidth = 260;
    private const int BarArea = 360;
    private const int RowHeight = 26;

    public static IHtmlContent Render(string id, string title, IReadOnlyList<(string Label, int? Value)> bars)
    {
        var enc = HtmlEncoder.Default;
        var max = Math.Max(1, bars.Select(b => b.Value ?? 0).DefaultIfEmpty(0).Max());
        var height = (bars.Count * RowHeight) + 10;
        var width = LabelWidth + BarArea + 60;
        var desc = string.Join("; ", bars.Select(b => $"{b.Label}: {Text(b.Value)}"));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"bar-chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{enc.Encode(title)}</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{enc.Encode(desc)}</desc>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = 5 + (i * RowHeight);
            var w = value is { } v ? (int)Math.Round((double)v / max * BarArea) : 0;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\" class=\"bar-label\" fill=\"#1b1f24\" font-size=\"13\">{enc.Encode(Shorten(label))}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{w}\" height=\"{RowHeight - 8}\" fill=\"#0b4f71\"></rect>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + w + 6}\" y=\"{y + 17}\" class=\"bar-value\" fill=\"#1b1f24\" font-size=\"13\">{enc.Encode(Text(value))}</text>");
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    private static string Text(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "unterdrückt";

    private static string Shorten(string s) => s.Length <= 38 ? s : s[..36] + "…";
}
