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
}
