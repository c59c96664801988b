using Teilhabe.Core.Cases;

namespace Teilhabe.Web.Features.Shared;

/// <summary>
/// PH-P3-01: form fields that the declared list of statistically required fields (StatisticalFields) names are
/// marked in every form, so the user sees before P3 what the statistics need.
/// </summary>
internal static class StatisticalMarkers
{
    public const string Text = "(für Statistik und P3 nötig)";

    private static readonly HashSet<string> Keys = [.. StatisticalFields.All.Select(f => f.Key)];

    /// <summary>"Fields.FunderId" → case.funderId, "Form.WorkingLifePosition" → client.workingLifePosition.</summary>
    public static bool IsRequired(string formKey)
    {
        var dot = formKey.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || dot == formKey.Length - 1)
        {
            return false;
        }

        var prefix = formKey[..dot];
        var name = char.ToLowerInvariant(formKey[dot + 1]) + formKey[(dot + 2)..];
        var scope = prefix is "Form" ? "client" : prefix is "Fields" or "NewCase" ? "case" : null;
        return scope is not null && Keys.Contains($"{scope}.{name}");
    }
}
