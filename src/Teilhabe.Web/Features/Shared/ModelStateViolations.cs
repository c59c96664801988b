using Microsoft.AspNetCore.Mvc.ModelBinding;
using Teilhabe.Core.Rules;

namespace Teilhabe.Web.Features.Shared;

/// <summary>The page side of the one violation mapper: rule violations become field errors, with their rule ID.</summary>
public static class ModelStateViolations
{
    public static void AddViolations(this ModelStateDictionary state, IEnumerable<RuleViolation> violations, IReadOnlyDictionary<string, string>? fieldMap = null)
    {
        foreach (var v in violations)
        {
            var key = v.Field is null ? string.Empty : fieldMap?.GetValueOrDefault(v.Field) ?? v.Field;
            var message = v.Rule == RuleIds.Input ? v.Message : $"{v.Message} ({v.Rule})";
            state.AddModelError(key, message);
        }
    }
}
