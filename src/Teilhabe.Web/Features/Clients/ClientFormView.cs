using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Teilhabe.Core.Catalogues;

namespace Teilhabe.Web.Features.Clients;

/// <summary>What the shared client fields partial needs: the values, the field errors and the catalogue of positions.</summary>
internal sealed class ClientFormView(ClientForm form, ModelStateDictionary state, IReadOnlyList<CatalogueEntry> positions)
{
    public ClientForm Form { get; } = form;
    public IReadOnlyList<CatalogueEntry> Positions { get; } = positions;

    public string? Invalid(string key) => state.TryGetValue(key, out var e) && e.Errors.Count > 0 ? "true" : null;

    public string? ErrorId(string key) => Invalid(key) is null ? null : key.Replace('.', '_') + "_error";

    public IHtmlContent Error(string key)
    {
        if (!state.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
        {
            return HtmlString.Empty;
        }

        var text = System.Net.WebUtility.HtmlEncode(string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)));
        return new HtmlString($"<span class=\"field-error\" id=\"{ErrorId(key)}\">{text}</span>");
    }
}
