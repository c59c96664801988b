using Microsoft.AspNetCore.Http.HttpResults;
using Teilhabe.Core.Rules;

namespace Teilhabe.Web.Infrastructure;

/// <summary>The one mapper from rule violations to RFC 9457 problem details (API.md "Conventions").</summary>
internal static class ApiResults
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

    public static ProblemHttpResult Input(string field, string message) => InputErrors([RuleViolation.Input(message, field)]);

    /// <summary>A refusal of the core answered with another status than 422 (401, 403, 405), its rule in the violations.</summary>
    public static ProblemHttpResult Status(int status, RuleViolation refusal) => Status(status, refusal.Message, refusal.Rule);

    public static ProblemHttpResult Status(int status, string title, string? rule = null)
        => TypedResults.Problem(
            statusCode: status,
            title: title,
            extensions: rule is null
                ? null
                : new Dictionary<string, object?> { ["violations"] = new[] { new ViolationDto(rule, title, null) } });

    /// <summary>
    /// The one mapper from a failed service result to problem details: 422 (or 400) with the violations, 404, 403,
    /// or 409 with the one conflict wording. Titles of 403/404 come from the problem-details customisation.
    /// </summary>
    public static ProblemHttpResult Problem<T>(Result<T> result) => result.Status switch
    {
        ResultStatus.Invalid => Violations(result.Violations),
        ResultStatus.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound),
        ResultStatus.Forbidden when result.Violations is [var refusal] => Status(StatusCodes.Status403Forbidden, refusal),
        ResultStatus.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden),
        ResultStatus.Conflict => Status(StatusCodes.Status409Conflict, result.ConflictMessage),
        _ => throw new InvalidOperationException("A successful result is not a problem."),
    };

    /// <summary>409 with the one conflict wording (a stale If-Match or concurrency token).</summary>
    /// <summary>A refusal with one flag more for the client (e.g. <c>"mfaRequired": true</c>), its rule in the violations.</summary>
    public static ProblemHttpResult Flagged(int status, RuleViolation refusal, string flag)
        => TypedResults.Problem(
            statusCode: status,
            title: refusal.Message,
            extensions: new Dictionary<string, object?>
            {
                [flag] = true,
                ["violations"] = new[] { new ViolationDto(refusal.Rule, refusal.Message, refusal.Field) },
            });

    public static ProblemHttpResult Conflict() => Status(StatusCodes.Status409Conflict, ResultMessages.Conflict);

    public sealed record ViolationDto(string Rule, string Message, string? Field);
}
