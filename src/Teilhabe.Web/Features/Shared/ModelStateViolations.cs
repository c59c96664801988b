using Microsoft.AspNetCore.Mvc.ModelBinding;
using Teilhabe.Core.Rules;

namespace Teilhabe.Web.Features.Shared;

/// <summary>The page side of the one violation mapper: rule violations become field errors, with their rule ID.</summary>
internal static class ModelStateViolations
{
    public static void AddViolations(this ModelStateDictionary state, IEnumerable<RuleViolation> violations, IReadOnlyDictionary<string, string>? fieldMap = null)
    {
        foreach (var v in violations)
        {
            var key = Key(v.Field, fieldMap);
            var message = v.Rule == RuleIds.Input ? v.Message : $"{v.Message} ({v.Rule})";
            state.AddModelError(key, message);
        }
    }

    /// <summary>
    /// The page side of the one result mapper: violations at their fields, a conflict or a refusal as a form-wide
    /// error in the one wording. Not found is no form error: the page answers 404 itself.
    /// </summary>
    public static void AddResult<T>(this ModelStateDictionary state, Result<T> result, IReadOnlyDictionary<string, string>? fieldMap = null)
    {
        switch (result.Status)
        {
            case ResultStatus.Invalid:
                state.AddViolations(result.Violations, fieldMap);
                break;
            case ResultStatus.Conflict:
                state.AddModelError(Key(result.Violations.Count > 0 ? result.Violations[0].Field : null, fieldMap), result.ConflictMessage);
                break;
            case ResultStatus.Forbidden:
                state.AddModelError(string.Empty, result.Violations is [var refusal] ? refusal.Message : ResultMessages.Forbidden);
                break;
            case ResultStatus.NotFound:
                state.AddModelError(string.Empty, "Der Eintrag wurde nicht gefunden.");
                break;
        }
    }

    private static string Key(string? field, IReadOnlyDictionary<string, string>? fieldMap)
        => field is null ? string.Empty : fieldMap?.GetValueOrDefault(field) ?? field;
}
