using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Network;

/// <summary>What the network pages share: German formatting and the mapping of service results to the form.</summary>
internal static class NetworkPages
{
    public const string MessageKey = "NetworkMessage";

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Adds the errors of a failed result; false when the result is "not found" or "forbidden" (the page answers 404/403).</summary>
    public static bool AddErrors<T>(this ModelStateDictionary state, Result<T> result, IReadOnlyDictionary<string, string>? fields = null)
    {
        if (result.Status is ResultStatus.NotFound or ResultStatus.Forbidden)
        {
            return false;
        }

        state.AddViolations(result.Violations.Count > 0 ? result.Violations : [RuleViolation.Input("Die Aktion ist nicht möglich.")], fields);
        return true;
    }
}
