using Microsoft.AspNetCore.Http.HttpResults;
using Teilhabe.Core.Rules;

namespace Teilhabe.Web.Infrastructure;

/// <summary>The one mapper from rule violations to RFC 9457 problem details (API.md "Conventions").</summary>
public static class ApiResults
{
    /// <summary>
    /// 422 with every violated rule; when only plain input errors are present (rule INPUT) it is a 400
    /// validation problem instead, with the German message at the field.
    /// </summary>
    public static ProblemHttpResult Violations(IReadOnlyList<RuleViolation> violations)
    {
        if (violations.All(v => v.Rule == RuleIds.Input))
        {
            return InputErrors(violations);
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Die Aktion verletzt fachliche Regeln.",
            detail: string.Join(" ", violations.Select(v => $"{v.Rule}: {v.Message}")),
            extensions: new Dictionary<string, object?>
            {
                ["violations"] = violations.Select(v => new ViolationDto(v.Rule, v.Message, v.Field)).ToList(),
            });
    }

    public static ProblemHttpResult InputErrors(IReadOnlyList<RuleViolation> errors)
        => TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Die Eingabe ist unvollständig oder fehlerhaft.",
            detail: string.Join(" ", errors.Select(e => e.Message)),
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors.GroupBy(e => e.Field ?? string.Empty)
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            });

    public static ProblemHttpResult Input(string field, string message) => InputErrors([new RuleViolation(RuleIds.Input, message, field)]);

    public static ProblemHttpResult Status(int status, string title, string? rule = null)
        => TypedResults.Problem(
            statusCode: status,
            title: title,
            extensions: rule is null
                ? null
                : new Dictionary<string, object?> { ["violations"] = new[] { new ViolationDto(rule, title, null) } });

    public sealed record ViolationDto(string Rule, string Message, string? Field);
}
