using System.Globalization;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Time;

using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Cases;

/// <summary>German labels and formats of the case pages.</summary>
internal static class CaseLabels
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>PH-P2-04 / PH-P3-04: the kinds of prior agreement with InA-Koordination.</summary>
    public static readonly IReadOnlyList<string> AgreementKinds = [CaseAgreement.P2Renewal, CaseAgreement.P2ToP3, CaseAgreement.P3Renewal];

    public static string Agreement(string kind) => kind switch
    {
        CaseAgreement.P2Renewal => "Erneute Qualifizierte Beratung (P2, PH-P2-04)",
        CaseAgreement.P2ToP3 => "Wechsel von P2 nach P3 (PH-P2-04)",
        CaseAgreement.P3Renewal => "Erneute Beauftragung in Zuständigkeit des Integrationsamtes (P3, PH-P3-04)",
        _ => kind,
    };

    /// <summary>The value of an &lt;input type="date"&gt;.</summary>
    public static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(German) + " Byte",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", German) + " KB",
        _ => (bytes / 1024.0 / 1024.0).ToString("0.0", German) + " MB",
    };

    public static string Phase(Phase phase) => PhaseLabels.German(phase);

    public static string Document(DocumentKind kind) => DocumentLabels.German(kind);

    public static string Or(this IReadOnlyDictionary<string, string> labels, string? code)
        => code is null ? "–" : labels.GetValueOrDefault(code, code);
}
