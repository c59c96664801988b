namespace Teilhabe.Core.Rules;

/// <summary>One broken domain rule: its ID from DOMAIN.md, a German message for the user and the field to fix.</summary>
public sealed record RuleViolation(string Rule, string Message, string? Field = null);

/// <summary>Raised only where a rule failure must abort a unit of work (the API maps it to 422 once).</summary>
public sealed class RuleViolationException(IReadOnlyList<RuleViolation> violations)
    : Exception(string.Join("; ", violations.Select(v => $"{v.Rule}: {v.Message}")))
{
    public IReadOnlyList<RuleViolation> Violations { get; } = violations;
}
