namespace Teilhabe.Core.Profiles;

/// <summary>One number of a state profile: its name in JSON and API, its German label, its rule and its allowed range.</summary>
public sealed record ProfileNumber(
    string Name,
    string Label,
    string Rule,
    long Min,
    long Max,
    Func<StateProfile, long?> Get,
    Func<StateProfile, long?, StateProfile> With,
    bool Optional = false);

/// <summary>
/// Every number of the rules of DOMAIN.md as a parameter of <see cref="StateProfile"/>: the JSON files of
/// <c>Teilhabe__Profiles__Path</c>, <c>GET /api/v1/profile</c> and the administrator's profile page all use this list.
/// </summary>
public static class StateProfileNumbers
{
    public const string InterimReportRule = "REP-06";

    public static readonly IReadOnlyList<ProfileNumber> All =
    [
        new("passwordMinLength", "Mindestlänge des Passworts (Zeichen)", "ACC-01", 8, 128, p => p.PasswordMinLength, (p, v) => p with { PasswordMinLength = (int)v! }),
        new("passwordMaxLength", "Höchstlänge des Passworts (Zeichen)", "ACC-01", 8, 128, p => p.PasswordMaxLength, (p, v) => p with { PasswordMaxLength = (int)v! }),
        new("passwordSpecialCharOptionalAbove", "Sonderzeichen entbehrlich ab mehr als (Zeichen)", "ACC-02", 8, 128, p => p.PasswordSpecialCharOptionalAbove, (p, v) => p with { PasswordSpecialCharOptionalAbove = (int)v! }),
        new("passwordHistoryCount", "Gesperrte frühere Passwörter", "ACC-03", 0, 24, p => p.PasswordHistoryCount, (p, v) => p with { PasswordHistoryCount = (int)v! }),
        new("passwordReminderDays", "Erinnerung an Passwortwechsel nach (Tagen)", "ACC-04", 1, 3650, p => p.PasswordReminderDays, (p, v) => p with { PasswordReminderDays = (int)v! }),
        new("maxFailedLogins", "Sperre nach Fehlversuchen in Folge", "ACC-05", 1, 20, p => p.MaxFailedLogins, (p, v) => p with { MaxFailedLogins = (int)v! }),
        new("sessionHours", "Dauer einer Anmeldung (Stunden)", "ACC-13", 1, 24, p => p.SessionHours, (p, v) => p with { SessionHours = (int)v! }),
        new("sessionIdleMinutes", "Abmeldung der Seiten nach Untätigkeit (Minuten)", "ACC-13", 5, 480, p => p.SessionIdleMinutes, (p, v) => p with { SessionIdleMinutes = (int)v! }),
        new("incidentAccessDays", "Anlassbezogener Vollzugriff (Tage)", "ACC-08", 1, 90, p => p.IncidentAccessDays, (p, v) => p with { IncidentAccessDays = (int)v! }),
        new("counsellingMonths", "Höchstdauer Qualifizierte Beratung (Monate)", "PH-P2-02", 1, 24, p => p.CounsellingMaxMonths, (p, v) => p with { CounsellingMaxMonths = (int)v! }),
        new("duplicateRegistrationMonths", "Keine zweite InA-Anmeldung in P3 innerhalb von (Monaten)", "PH-P3-03", 0, 24, p => p.DuplicateRegistrationMonths, (p, v) => p with { DuplicateRegistrationMonths = (int)v! }),
        new("objectionWeeks", "Widerspruchsfrist des Integrationsamtes (Wochen)", "BA-SI-01", 1, 26, p => p.ObjectionWeeks, (p, v) => p with { ObjectionWeeks = (int)v! }),
        new("securingMonths", "Dauer einer InA-Sicherung (Monate)", "BA-SI-02", 1, 60, p => p.RetentionMonths, (p, v) => p with { RetentionMonths = (int)v! }),
        new("supportedEmploymentMonths", "Dauer einer InA-Berufsbegleitung UB (Monate)", "BA-UB-02", 1, 60, p => p.SupportedEmploymentMonths, (p, v) => p with { SupportedEmploymentMonths = (int)v! }),
        new("stabilisationMonths", "Dauer der Stabilisierungsphase (Monate)", "BA-ST-02", 1, 60, p => p.StabilisationMonths, (p, v) => p with { StabilisationMonths = (int)v! }),
        new("extensionLeadWeeks", "Verlängerung spätestens vor dem Ende (Wochen)", "BA-EXT-01", 0, 26, p => p.ExtensionLeadWeeks, (p, v) => p with { ExtensionLeadWeeks = (int)v! }),
        new("lateEntryWorkingDays", "Erfassung gilt als verspätet nach (Arbeitstagen)", "CT-02", 1, 60, p => p.LateEntryWorkingDays, (p, v) => p with { LateEntryWorkingDays = (int)v! }),
        new("contactBackdatingWeeks", "Dokumentation rückwirkend höchstens (Wochen)", "CT-03", 1, 52, p => p.BackdatingWeeks, (p, v) => p with { BackdatingWeeks = (int)v! }),
        new("personalContactWeeks", "Persönlicher Kontakt mindestens alle (Wochen)", "CT-04", 1, 52, p => p.PersonalContactWeeks, (p, v) => p with { PersonalContactWeeks = (int)v! }),
        new("contactGapWeeks", "Höchster Abstand zwischen zwei Kontakten (Wochen)", "CT-05", 1, 52, p => p.ContactGapWeeks, (p, v) => p with { ContactGapWeeks = (int)v! }),
        new("longPhoneCallMinutes", "Telefonat zählt als Kontakt ab (Minuten)", "CT-05", 1, 240, p => p.LongPhoneCallMinutes, (p, v) => p with { LongPhoneCallMinutes = (int)v! }),
        new("uploadMaxBytes", "Höchstgröße einer hochgeladenen Datei (Bytes)", "DOC-01", 64 * 1024, 100L * 1024 * 1024, p => p.MaxUploadBytes, (p, v) => p with { MaxUploadBytes = v!.Value }),
        new("interimReportMonths", "Zwischenbericht fällig nach (Monaten; nur mit REP-06)", "REP-06", 1, 60, p => p.InterimReportMonths, (p, v) => p with { InterimReportMonths = (int?)v }, Optional: true),
        new("retentionYears", "Löschung nach Abschluss (Kalenderjahre)", "DEL-01", 1, 30, p => p.RetentionYearsAfterClosing, (p, v) => p with { RetentionYearsAfterClosing = (int)v! }),
        new("retentionYearsCounsellingOnly", "Löschung nach reiner Qualifizierter Beratung (Kalenderjahre; leer: wie nach Abschluss)", "DEL-01", 1, 30, p => p.RetentionYearsCounsellingOnly, (p, v) => p with { RetentionYearsCounsellingOnly = (int?)v }, Optional: true),
        new("publicationMinimumCell", "Kleinste veröffentlichte Fallzahl je Zelle", "STAT-02", 1, 100, p => p.PublicationMinimumCell, (p, v) => p with { PublicationMinimumCell = (int)v! }),
    ];

    /// <summary>The switchable rules of a profile with their state (API.md: <c>"rules": { "REP-06": false }</c>).</summary>
    public static IReadOnlyDictionary<string, bool> Rules(StateProfile profile)
        => new Dictionary<string, bool> { [InterimReportRule] = profile.InterimReportsRequired };

    /// <summary>The numbers of a profile by name (null: an optional number not set).</summary>
    public static IReadOnlyDictionary<string, long?> Numbers(StateProfile profile)
        => All.ToDictionary(n => n.Name, n => n.Get(profile));

    /// <summary>What is wrong with a profile's numbers, each naming the number (empty: valid).</summary>
    public static IReadOnlyList<string> Check(StateProfile profile)
    {
        var errors = new List<string>();
        foreach (var n in All)
        {
            var value = n.Get(profile);
            if (value is null)
            {
                if (!n.Optional)
                {
                    errors.Add($"Die Zahl „{n.Name}“ ({n.Rule}) fehlt.");
                }
            }
            else if (value < n.Min || value > n.Max)
            {
                errors.Add($"Die Zahl „{n.Name}“ ({n.Rule}) ist {value}, erlaubt sind {n.Min} bis {n.Max}.");
            }
        }

        if (profile.PasswordMinLength > profile.PasswordMaxLength)
        {
            errors.Add($"Die Zahl „passwordMinLength“ ({profile.PasswordMinLength}) ist größer als „passwordMaxLength“ ({profile.PasswordMaxLength}).");
        }

        if (profile.AgeBandLowerBounds.Count == 0 || profile.AgeBandLowerBounds[0] != 0
            || profile.AgeBandLowerBounds.Zip(profile.AgeBandLowerBounds.Skip(1)).Any(p => p.First >= p.Second))
        {
            errors.Add("„ageBands“ (STAT-01) beginnt mit 0 und steigt an, z. B. [0, 25, 35, 45, 55].");
        }

        return errors;
    }
}
