namespace Teilhabe.Core.Rules;

/// <summary>Plain input checks shared by the services: over-long text is named at its field instead of failing in the database.</summary>
public static class InputCheck
{
    public static void MaxLength(List<RuleViolation> errors, string field, string? value, int max, string label)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(new RuleViolation(RuleIds.Input, $"{label} ist zu lang (höchstens {max} Zeichen, jetzt {value.Trim().Length}).", field));
        }
    }

    public static void Email(List<RuleViolation> errors, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && (!value.Contains('@', StringComparison.Ordinal) || value.Trim().Contains(' ', StringComparison.Ordinal)))
        {
            errors.Add(new RuleViolation(RuleIds.Input, "Die E-Mail-Adresse ist ungültig.", field));
        }
    }
}
