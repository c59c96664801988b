namespace Teilhabe.Core.Rules;

/// <summary>How a service action ended; the API answers 2xx, 422/400, 404, 403 or 409 from it, pages a field error.</summary>
public enum ResultStatus
{
    Ok,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>
/// The one result of a service action: the value on success (with the warnings a rule gives, which the user may
/// pass), otherwise the rule violations (422, or 400 when only plain input is wrong), not found, forbidden or
/// conflict (someone else changed the record). Rule failures are values, not exceptions.
/// </summary>
public sealed record Result<T>
{
    private Result(T? value, ResultStatus status, IReadOnlyList<RuleViolation> violations, IReadOnlyList<RuleViolation> warnings)
    {
        Value = value;
        Status = status;
        Violations = violations;
        Warnings = warnings;
    }

    public T? Value { get; }

    public ResultStatus Status { get; }

    public IReadOnlyList<RuleViolation> Violations { get; }

    public IReadOnlyList<RuleViolation> Warnings { get; }

    public bool Succeeded => Status == ResultStatus.Ok;

    public static Result<T> Ok(T value, IReadOnlyList<RuleViolation>? warnings = null) => new(value, ResultStatus.Ok, [], warnings ?? []);

    /// <summary>Refused by rules (422) or by plain input checks only (400); never empty.</summary>
    public static Result<T> Invalid(IReadOnlyList<RuleViolation> violations)
        => violations.Count == 0
            ? throw new ArgumentException("A refusal names at least one violation.", nameof(violations))
            : new(default, ResultStatus.Invalid, violations, []);

    public static Result<T> Invalid(RuleViolation violation) => Invalid([violation]);

    public static Result<T> NotFound() => new(default, ResultStatus.NotFound, [], []);

    public static Result<T> Forbidden() => new(default, ResultStatus.Forbidden, [], []);

    /// <summary>403 with the refusal that says why (e.g. ACC-05: no reset of an account of the same role).</summary>
    public static Result<T> Forbidden(RuleViolation refusal) => new(default, ResultStatus.Forbidden, [refusal], []);

    /// <summary>409: someone else changed the record (the one wording), or a named clash such as a duplicate entry.</summary>
    public static Result<T> Conflict(RuleViolation? clash = null) => new(default, ResultStatus.Conflict, clash is null ? [] : [clash], []);

    /// <summary>The German text of a conflict: the named clash, else the one "someone else changed this" wording.</summary>
    public string ConflictMessage => Violations.Count > 0 ? Violations[0].Message : ResultMessages.Conflict;

    /// <summary>Succeeds with <paramref name="value"/> when there are no violations, otherwise refuses with them.</summary>
    public static Result<T> From(T value, IReadOnlyList<RuleViolation> violations, IReadOnlyList<RuleViolation>? warnings = null)
        => violations.Count == 0 ? Ok(value, warnings) : Invalid(violations);

    /// <summary>The same failure for a result of another value type (a failed result only).</summary>
    public Result<TOther> Fail<TOther>()
        => Succeeded
            ? throw new InvalidOperationException("A successful result carries no failure.")
            : new Result<TOther>(default, Status, Violations, Warnings);

    /// <summary>The value and the violations, for callers that only tell success from refusal.</summary>
    public void Deconstruct(out T? value, out IReadOnlyList<RuleViolation> violations)
    {
        value = Value;
        violations = Violations;
    }
}

/// <summary>The one German wording of the failures that are not rule violations.</summary>
public static class ResultMessages
{
    /// <summary>409: the record changed since the caller read it (ETag / If-Match, or a concurrency token).</summary>
    public const string Conflict = "Der Eintrag wurde inzwischen von jemand anderem geändert. Bitte neu laden und die Änderung erneut eintragen.";

    /// <summary>403: the caller sees the record but may not do this with it.</summary>
    public const string Forbidden = "Für diese Aktion fehlt Ihrer Rolle die Berechtigung.";
}
