using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Cases;

/// <summary>ACC-08 (incident access) and TR-01/TR-02 (transfers): every refusal worded once, here.</summary>
public static class CoordinationRules
{
    public const string IncidentRule = "ACC-08";
    public const string WithinRule = "TR-01";
    public const string BetweenRule = "TR-02";

    public static RuleViolation IncidentOccasionMissing() => new(IncidentRule, "Bitte den Anlass der Einsicht angeben (zum Beispiel Beschwerde oder Widerspruch).", "reason");

    public static RuleViolation IncidentOnlyForOwnFunding() => new(IncidentRule, "Eine anlassbezogene Einsicht ist nur in Aufträge möglich, die das Integrationsamt finanziert; Aufträge anderer Auftraggeber werden so nie geöffnet.", "funderId");

    public static RuleViolation WithinOnlyToActiveCaseworker() => new(WithinRule, "Übergeben wird nur an eine aktive Fachkraft desselben IFD; für einen anderen IFD gilt das Verfahren nach TR-02.", "caseworkerId");

    public static RuleViolation WithinAlreadyResponsible() => new(WithinRule, "Diese Fachkraft ist bereits zuständig.", "caseworkerId");

    public static RuleViolation BetweenOnlyWithinState() => new(BetweenRule, "Ein Auftrag wechselt nur zu einem anderen IFD desselben Bundeslandes (desselben Integrationsamtes).", "serviceId");

    public static RuleViolation BetweenClosedCase() => new(BetweenRule, "Ein abgeschlossener Auftrag wird nicht mehr übergeben.", "phase");

    public static RuleViolation BetweenAlreadyRunning() => new(BetweenRule, "Für diesen Auftrag läuft bereits eine Übergabe an einen anderen IFD.", "serviceId");

    public static RuleViolation BetweenNoRequest() => new(BetweenRule, "Für diesen Auftrag liegt keine Übergabe an einen anderen IFD vor.", null);

    public static RuleViolation BetweenReleaseMissing() => new(BetweenRule, "Der aufnehmende IFD hat die Entbindung von der Schweigepflicht gegenüber dem abgebenden IFD noch nicht hochgeladen.", "confidentialityRelease");

    public static RuleViolation BetweenReceiverTakesOver() => new(BetweenRule, "Den Auftrag übernimmt der aufnehmende IFD selbst.", "serviceId");

    public static RuleViolation BetweenNotConfirmed() => new(BetweenRule, "Der Auftrag kann erst übernommen werden, wenn die InA-Koordination den Eingang der Entbindung von der Schweigepflicht bestätigt hat.", "transferConfirmation");

    public static RuleViolation BetweenCaseworkerOfReceiver() => new(BetweenRule, "Zuständig wird eine aktive Fachkraft des aufnehmenden IFD.", "caseworkerId");

    public static RuleViolation BetweenSenderCannotMove() => new(BetweenRule, "Den Auftrag übernimmt der aufnehmende IFD, nachdem die InA-Koordination den Eingang der Entbindung von der Schweigepflicht bestätigt hat.", "serviceId");

    // TR-01 for many: the lead's reassignment of a caseworker's open cases.
    public static RuleViolation BulkFromOtherService() => new(WithinRule, "Umverteilt werden nur Aufträge einer Fachkraft des eigenen IFD.", "fromCaseworkerId");

    public static RuleViolation BulkToInactiveOrOtherService() => new(WithinRule, "Übernehmen kann nur eine aktive Fachkraft desselben IFD; für einen anderen IFD gilt TR-02.", "toCaseworkerId");

    public static RuleViolation BulkSameCaseworker() => new(WithinRule, "Abgebende und übernehmende Fachkraft sind dieselbe.", "toCaseworkerId");

    public static RuleViolation BulkForeignCases(int count) => new(WithinRule, $"{count} der gewählten Aufträge sind keine offenen Aufträge dieser Fachkraft; es wurde nichts umverteilt.", "caseIds");

    public static RuleViolation BulkNothingOpen() => new(WithinRule, "Diese Fachkraft hat keine offenen Aufträge.", "caseIds");
}
