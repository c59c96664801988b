using Microsoft.AspNetCore.Html;

namespace Teilhabe.Web.Features.Rules;

/// <summary>
/// Renders a rule's text: plain parts HTML-encoded, <c>**…**</c> as &lt;strong&gt; and <c>`…`</c> as &lt;code&gt;,
/// with no whitespace added between the parts. Only these two tags are ever written; the text itself is always encoded.
/// </summary>
internal static class RuleHtml
{
    public static IHtmlContent Render(RuleEntry rule)
    {
        var html = new HtmlContentBuilder();
        foreach (var part in rule.Inlines)
        {
            var tag = part.Kind switch
            {
                RuleInlineKind.Strong => "strong",
                RuleInlineKind.Code => "code",
                _ => null,
            };
            if (tag is not null)
            {
                html.AppendHtml("<" + tag + ">");
            }

            html.Append(part.Text);
            if (tag is not null)
            {
                html.AppendHtml("</" + tag + ">");
            }
        }

        return html;
    }
}
