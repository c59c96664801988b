using Teilhabe.Core.Audit;

namespace Teilhabe.Web.Features.Audit;

/// <summary>German names of the audit trail's actions and objects (the stored values stay the English codes).</summary>
internal static class AuditLabels
{
    public static readonly IReadOnlyList<(string Code, string Label)> Actions =
    [
        (AuditActions.Read, "Lesen"),
        (AuditActions.Create, "Anlage"),
        (AuditActions.Update, "Änderung"),
        (AuditActions.Delete, "Löschung"),
        (AuditActions.Transition, "Phasenwechsel"),
        (AuditActions.Login, "Anmeldung"),
        (AuditActions.LoginFailed, "Anmeldung fehlgeschlagen"),
        (AuditActions.Logout, "Abmeldung"),
        (AuditActions.Lock, "Sperrung"),
        (AuditActions.Unlock, "Entsperrung"),
        (AuditActions.PasswordChange, "Passwortänderung"),
        (AuditActions.PasswordReset, "Passwort zurückgesetzt"),
        (AuditActions.RolesChange, "Rollen geändert"),
        (AuditActions.Deactivate, "Konto deaktiviert"),
        (AuditActions.Activate, "Konto wieder aktiviert"),
        (AuditActions.SecondFactorEnable, "Zweiter Faktor eingerichtet"),
        (AuditActions.SecondFactorFailed, "Zweiter Faktor falsch"),
        (AuditActions.SecondFactorDisable, "Zweiter Faktor ausgeschaltet"),
    ];

    public static string Action(string code) => Actions.FirstOrDefault(a => a.Code == code).Label ?? code;

    public static string Entity(string entity) => entity switch
    {
        "Client" => "Klient/in",
        "ClientSearch" => "Suche nach Klient/innen",
        "Case" => "Auftrag",
        "CaseList" => "Auftragsliste",
        "DeadlineList" => "Wiedervorlage",
        "Contact" => "Kontakt",
        "Outcome" => "LEK",
        "OutcomesWithoutStartDate" => "LEK ohne Startdatum",
        "ContactException" => "Ausnahme Kontaktrhythmus",
        "CaseDocument" => "Dokument",
        "Disability" => "Behinderung",
        "DisabilityEvidence" => "Bescheid",
        "EmploymentSituation" => "Beschäftigungssituation",
        "ReportVersion" => "Bericht",
        "ReportRequest" => "Berichtsanforderung",
        "CaseGoal" => "Ziel",
        "Goals" => "Ziele",
        "AuditTrail" => "Protokoll",
        "ExtensionRequest" => "Verlängerungsantrag",
        "InclusionCompanyApplication" => "Antrag Inklusionsbetrieb",
        "IncidentAccess" => "Anlassbezogene Einsicht",
        "CaseTransferRequest" => "Übernahme",
        "CoordinationNotification" => "Meldung",
        "Funder" => "Leistungsträger",
        "Institution" => "Institution",
        "CatalogueEntry" => "Katalogeintrag",
        "Service" => "IFD",
        "Organisation" => "Organisation",
        "User" => "Benutzerkonto",
        "Programme" => "Programm",
        "ProgrammeParticipations" => "Programmteilnahmen",
        "ParticipationInvoice" => "Rechnung",
        "ParticipationFinalReport" => "Abschlussbericht",
        "ModuleBooking" => "Modulbuchung",
        "JobNetwork" => "Netzwerk",
        "NetworkMember" => "Netzwerkmitglied",
        "JobPotential" => "Arbeitsplatzpotenzial",
        "NetworkCandidate" => "Netzwerk-Kandidat/in",
        "ColleagueConsent" => "Einwilligung Kolleg/in",
        "AbilityProfile" => "Fähigkeitsprofil",
        "Apprenticeship" => "Ausbildung",
        "SchoolOrientation" => "Berufsorientierung",
        _ => entity,
    };
}
