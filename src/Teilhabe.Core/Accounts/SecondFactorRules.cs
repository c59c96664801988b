using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Accounts;

/// <summary>ACC-11: the refusals around the second factor, worded once.</summary>
public static class SecondFactorRules
{
    public static RuleViolation AlreadyEnabled()
        => new(RuleIds.SecondFactor, "Der zweite Faktor ist schon eingerichtet.");

    public static RuleViolation NotStarted()
        => new(RuleIds.SecondFactor, "Zuerst die Einrichtung beginnen (Schlüssel erzeugen), dann den Code der App eingeben.", "code");

    public static RuleViolation WrongCode()
        => new(RuleIds.SecondFactor, "Der Code stimmt nicht. Bitte den aktuellen sechsstelligen Code aus der Authenticator-App eingeben (Uhrzeit des Telefons prüfen).", "code");

    public static RuleViolation RequiredForRole()
        => new(RuleIds.SecondFactor, "Für Ihre Rolle ist der zweite Faktor Pflicht (ACC-11) und kann nicht ausgeschaltet werden.");
}
