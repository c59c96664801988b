using Teilhabe.Core.Accounts;
using Teilhabe.Core.Programmes;

namespace Teilhabe.Web.Features.Programmes;

/// <summary>Shared labels of the programme pages.</summary>
internal static class ProgrammePages
{
    public const string Staff = Roles.Trainer + "," + Roles.ProgrammeLead;

    public static string Date(DateOnly? d) => d?.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.GetCultureInfo("de-DE")) ?? "—";

    public static string TemplateLabel(ProgrammeTemplate t) => t == ProgrammeTemplate.Coaching ? "Einzelcoaching" : "Modulare Qualifizierung (Persönliches Budget)";

    public static string StatusLabel(ParticipationStatus s) => s switch
    {
        ParticipationStatus.Active => "aktiv",
        ParticipationStatus.Waiting => "Warteliste",
        _ => "beendet",
    };

    public static string SphereLabel(LegalSphere s) => s switch
    {
        LegalSphere.Sgb2 => "SGB II",
        LegalSphere.Sgb3 => "SGB III",
        _ => "SGB IX",
    };

    public static string Hours(decimal h) => h.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("de-DE"));
}
