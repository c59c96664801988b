using System.Text.Json;
using Teilhabe.Core.Rules;

namespace Teilhabe.Web.Features.Cases;

/// <summary>Reads a JSON merge-patch body: a property that is present changes the field (null clears it), an absent one keeps it.</summary>
internal sealed class CasePatch(JsonElement body)
{
    private const int MaxText = 8000;

    public List<RuleViolation> Errors { get; } = [];

    public string? Text(string name, string? current)
    {
        if (!body.TryGetProperty(name, out var value))
        {
            return current;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (text.Length > MaxText)
                {
                    Errors.Add(new(RuleIds.Input, $"Das Feld ist zu lang (höchstens {MaxText} Zeichen).", name));
                    return current;
                }

                return string.IsNullOrWhiteSpace(text) ? null : text;
            default:
                Errors.Add(new(RuleIds.Input, "Erwartet wird Text oder null.", name));
                return current;
        }
    }

    public Guid? Id(string name, Guid? current)
    {
        if (!body.TryGetProperty(name, out var value))
        {
            return current;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && System.Guid.TryParse(value.GetString(), out var id))
        {
            return id;
        }

        Errors.Add(new(RuleIds.Input, "Erwartet wird eine gültige ID oder null.", name));
        return current;
    }

    public int? Number(string name, int? current)
    {
        if (!body.TryGetProperty(name, out var value))
        {
            return current;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n))
        {
            return n;
        }

        Errors.Add(new(RuleIds.Input, "Erwartet wird eine ganze Zahl oder null.", name));
        return current;
    }

    /// <summary>A date property (YYYY-MM-DD or null); <paramref name="given"/> tells whether the body had it at all.</summary>
    public DateOnly? Date(string name, DateOnly? current, out bool given)
    {
        given = body.TryGetProperty(name, out var value);
        if (!given || value.ValueKind == JsonValueKind.Null)
        {
            return given ? null : current;
        }

        if (value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        Errors.Add(new(RuleIds.Input, "Erwartet wird ein Datum (JJJJ-MM-TT) oder null.", name));
        return current;
    }

    public bool Flag(string name, bool current)
    {
        if (!body.TryGetProperty(name, out var value))
        {
            return current;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Errors.Add(new(RuleIds.Input, "Erwartet wird true oder false.", name));
        return current;
    }
}
