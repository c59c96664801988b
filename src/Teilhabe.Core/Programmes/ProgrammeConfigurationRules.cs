using System.Text.RegularExpressions;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Programmes;

/// <summary>
/// Issue 9: a programme is configured, not coded per customer. Checks of the configuration a ProgrammeLead
/// enters (modules PRG-LO-01/02, places and sites PRG-TR-01, coaching numbers PRG-TR-04/05/07), each
/// violation with its rule and a German message.
/// </summary>
public static partial class ProgrammeConfigurationRules
{
    public const int MaxModules = 30;

    /// <summary>PRG-LO-01 / PRG-LO-02: the module table; <paramref name="bookedCodes"/> are codes with bookings (not deletable, only retired).</summary>
    public static List<RuleViolation> CheckModules(IReadOnlyList<ModuleDefinition> modules, IReadOnlyList<ModuleDefinition> current, IReadOnlySet<string> bookedCodes)
    {
        var errors = new List<RuleViolation>();
        if (modules.Count > MaxModules)
        {
            errors.Add(new(ProgrammeRules.Modules, $"Ein Programm hat höchstens {MaxModules} Module.", "modules"));
        }

        for (var i = 0; i < modules.Count; i++)
        {
            var m = modules[i];
            var field = $"modules[{i}]";
            var name = string.IsNullOrWhiteSpace(m.Label) ? $"Modul {i + 1}" : $"Modul „{m.Label.Trim()}“";
            if (string.IsNullOrWhiteSpace(m.Code) || !CodePattern().IsMatch(m.Code))
            {
                errors.Add(new(ProgrammeRules.Modules, $"{name}: der Code besteht aus 1 bis 32 Kleinbuchstaben, Ziffern oder Bindestrichen (z. B. qualification).", $"{field}.code"));
            }

            if (string.IsNullOrWhiteSpace(m.Label) || m.Label.Trim().Length > 200)
            {
                errors.Add(new(ProgrammeRules.Modules, $"{name}: die Bezeichnung fehlt (höchstens 200 Zeichen).", $"{field}.label"));
            }

            var limit = m.Unit == DurationUnit.Weeks ? 260 : 60;
            if (m.MinDuration < 0 || m.MaxDuration < m.MinDuration || m.MaxDuration > limit)
            {
                errors.Add(new(ProgrammeRules.Modules, $"{name}: die Dauer braucht 0 ≤ Mindestdauer ≤ Höchstdauer ≤ {limit} {(m.Unit == DurationUnit.Weeks ? "Wochen" : "Monate")}.", $"{field}.maxDuration"));
            }
            else if (m.Bookable && m.MaxDuration == 0)
            {
                errors.Add(new(ProgrammeRules.Modules, $"{name}: ein buchbares Modul braucht eine Höchstdauer über 0.", $"{field}.maxDuration"));
            }

            if (m.HourCap is { } cap && (cap <= 0 || cap > 10000))
            {
                errors.Add(new(ProgrammeRules.HourCap, $"{name}: die Stundenobergrenze liegt über 0 und höchstens bei 10000 Stunden.", $"{field}.hourCap"));
            }

            if (m.HoursPerMonthCap is { } monthCap && (monthCap <= 0 || monthCap > 744))
            {
                errors.Add(new(ProgrammeRules.HourCap, $"{name}: die Obergrenze je Monat liegt über 0 und höchstens bei 744 Stunden.", $"{field}.hoursPerMonthCap"));
            }

            if (m.HourlyRate is { } rate && (rate <= 0 || rate > 10000))
            {
                errors.Add(new(ProgrammeRules.Billing, $"{name}: der Stundensatz liegt über 0 und höchstens bei 10000 Euro.", $"{field}.hourlyRate"));
            }

            if (m.IsEntry && !m.Bookable)
            {
                errors.Add(new(ProgrammeRules.Modules, $"{name}: das Einstiegsmodul muss buchbar sein.", $"{field}.entry"));
            }
        }

        foreach (var code in modules.GroupBy(m => m.Code, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add(new(ProgrammeRules.Modules, $"Der Modulcode „{code}“ kommt mehrfach vor.", "modules"));
        }

        if (modules.Count(m => m.IsEntry) > 1)
        {
            errors.Add(new(ProgrammeRules.Modules, "Höchstens ein Modul ist das Einstiegsmodul, das zuerst gebucht wird.", "modules"));
        }

        foreach (var gone in current.Where(c => bookedCodes.Contains(c.Code) && modules.All(m => m.Code != c.Code)))
        {
            errors.Add(new(ProgrammeRules.Modules, $"Das Modul „{gone.Label}“ hat Buchungen und kann nicht gelöscht, nur stillgelegt werden.", "modules"));
        }

        return errors;
    }

    /// <summary>PRG-TR-01 (places, sites), PRG-TR-04 (information talk days), PRG-TR-05 (referral, extension), PRG-TR-07 (aftercare).</summary>
    public static List<RuleViolation> CheckSettings(string? name, int? yearlyPlaces, IReadOnlyList<(string? Name, int? Places, string? AccessibilityNote)> sites, ProgrammeParameters parameters)
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
        {
            errors.Add(new(RuleIds.Input, "Der Name des Programms fehlt (höchstens 200 Zeichen).", "name"));
        }

        if (yearlyPlaces is not (> 0 and <= 100000))
        {
            errors.Add(new(ProgrammeRules.Capacity, "Die Plätze je Jahr sind eine positive Zahl.", "yearlyPlaces"));
        }

        if (sites.Count > 50)
        {
            errors.Add(new(ProgrammeRules.Capacity, "Ein Programm hat höchstens 50 Standorte.", "sites"));
        }

        for (var i = 0; i < sites.Count; i++)
        {
            var s = sites[i];
            if (string.IsNullOrWhiteSpace(s.Name) || s.Name.Trim().Length > 200 || s.Places is not (>= 0 and <= 100000))
            {
                errors.Add(new(ProgrammeRules.Capacity, $"Standort {i + 1}: braucht einen Namen (höchstens 200 Zeichen) und eine Zahl von Plätzen (0 oder mehr).", $"sites[{i}]"));
            }

            if (s.AccessibilityNote?.Length > 1000)
            {
                errors.Add(new(ProgrammeRules.Capacity, $"Standort {i + 1}: der Hinweis zur Barrierefreiheit hat höchstens 1000 Zeichen.", $"sites[{i}].accessibilityNote"));
            }
        }

        if (parameters.ReferralMonths is < 1 or > 60)
        {
            errors.Add(new(ProgrammeRules.ReferralPeriod, "Die Zuweisungsdauer liegt zwischen 1 und 60 Monaten.", "referralMonths"));
        }

        if (parameters.MaxExtensionMonths is < 1 or > 60)
        {
            errors.Add(new(ProgrammeRules.ReferralPeriod, "Die längste Verlängerung liegt zwischen 1 und 60 Monaten (leer: im Einzelfall ohne Grenze).", "maxExtensionMonths"));
        }

        if (parameters.InformationTalkDays is < 1 or > 90)
        {
            errors.Add(new(ProgrammeRules.InformationTalk, "Die Frist für den Termin zum Informationsgespräch liegt zwischen 1 und 90 Tagen.", "informationTalkDays"));
        }

        if (parameters.AftercareMonths is < 1 or > 60)
        {
            errors.Add(new(ProgrammeRules.Aftercare, "Die Nachbetreuung dauert zwischen 1 und 60 Monaten (leer: ohne Grenze).", "aftercareMonths"));
        }

        return errors;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex CodePattern();
}
