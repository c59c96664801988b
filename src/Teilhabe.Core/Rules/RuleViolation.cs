namespace Teilhabe.Core.Rules;

/// <summary>One broken domain rule: its ID from DOMAIN.md, a German message for the user and the field to fix.</summary>
public sealed record RuleViolation(string Rule, string Message, string? Field = null)
{
    /// <summary>Not a domain rule: plain input that is missing or malformed (rule INPUT, answered 400 at the field).</summary>
    public static RuleViolation Input(string message, string? field = null) => new(RuleIds.Input, message, field);
}

/// <summary>Raised only where a rule failure must abort a unit of work (the API maps it to 422 once).</summary>
public sealed class RuleViolationException(IReadOnlyList<RuleViolation> violations)
    : Exception(string.Join("; ", violations.Select(v => $"{v.Rule}: {v.Message}")))
{
    public IReadOnlyList<RuleViolation> Violations { get; } = violations;
}
