using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Teilhabe.Web.Features.Shared;

/// <summary>The field errors of a page's forms: keys like "Fields.Concern", element ids like "Fields_Concern".</summary>
internal sealed class FormErrors(ModelStateDictionary state)
{
    public static string Id(string key) => key.Replace('.', '_');

    public string? Message(string key)
        => state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    public bool Any(params string[] keys) => keys.Any(k => Message(k) is not null);

    public FormField Field(string key, string label) => new(key, label, this);
}

/// <summary>One labelled form control with its hint and error, rendered by _Field.cshtml.</summary>
internal sealed record FormField(string Key, string Label, FormErrors Errors)
{
    public const string Text = "text";
    public const string Date = "date";
    public const string Number = "number";
    public const string TextArea = "textarea";
    public const string Select = "select";
    public const string Checkbox = "checkbox";
    public const string File = "file";

    public string Kind { get; init; } = Text;
    public string? Value { get; init; }
    public string? Hint { get; init; }
    public IReadOnlyList<Option> Options { get; init; } = [];

    /// <summary>The label of the empty choice of a select; null when a choice is required.</summary>
    public string? Empty { get; init; } = "– bitte wählen –";

    public int? MaxLength { get; init; }
    public int Rows { get; init; } = 4;
    public bool Checked { get; init; }
    public bool Multiple { get; init; }
    public string? Accept { get; init; }

    /// <summary>An extra CSS class of the wrapper, e.g. "wide" for a text area across the grid.</summary>
    public string? Css { get; init; }

    public string Id => FormErrors.Id(Key);
    public string? Error => Errors.Message(Key);
    public string? HintId => Hint is null ? null : Id + "-hinweis";
    public string? ErrorId => Error is null ? null : Id + "-fehler";

    public string? DescribedBy
    {
        get
        {
            var ids = string.Join(" ", new[] { HintId, ErrorId }.Where(i => i is not null));
            return ids.Length == 0 ? null : ids;
        }
    }
}

/// <summary>One choice of a select field: the submitted value and its German label.</summary>
internal sealed record Option(string Value, string Label);
