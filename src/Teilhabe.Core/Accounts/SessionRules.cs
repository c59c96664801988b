using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Accounts;

/// <summary>ACC-05 for a session or token that may not go on: the refusals, worded once.</summary>
public static class SessionRules
{
    public const string Rule = "ACC-05";

    public static RuleViolation InitialPasswordMustChange()
        => new(Rule, "Das Initialpasswort muss zuerst geändert werden (POST /api/v1/auth/password).");

    public static RuleViolation SessionEnded()
        => new(Rule, "Die Anmeldung ist nicht mehr gültig (Konto gesperrt oder Passwort zurückgesetzt). Bitte neu anmelden.");

    public static RuleViolation SecondFactorSetupRequired()
        => new(RuleIds.SecondFactor, "Für Ihre Rolle ist ein zweiter Faktor Pflicht (ACC-11). Bitte zuerst einrichten: POST /api/v1/auth/mfa/setup und /api/v1/auth/mfa/enable, oder auf der Seite /konto/zweiter-faktor.");

    public static RuleViolation SecondFactorRequired()
        => new(RuleIds.SecondFactor, "Der Code des zweiten Faktors fehlt oder stimmt nicht (ACC-11): Anmeldung mit userName, password und code.", "code");
}
