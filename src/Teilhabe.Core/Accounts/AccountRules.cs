using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Accounts;

/// <summary>
/// ACC-12 (resets) and ACC-06 (roles, deactivation) for changes to another person's account: who may reset a password, change roles or deactivate.
/// No one acts on the own account this way, and no one on a holder of the same or a higher role (InA-Koordination
/// below Administration, every other role below InA-Koordination) — otherwise a reset would be an account takeover.
/// </summary>
public static class AccountRules
{
    /// <summary>Administration 3, InA-Koordination 2, every role of an IFD or a programme 1.</summary>
    public static int Rank(IEnumerable<string> roles)
        => roles.Select(r => r switch
        {
            Roles.Administrator => 3,
            Roles.IntegrationOfficeCoordinator => 2,
            _ => 1,
        }).DefaultIfEmpty(0).Max();

    /// <summary>The refusal (answered 403) when <paramref name="actor"/> may not act on <paramref name="target"/>; null when allowed.</summary>
    public static RuleViolation? MayNotActOn(string actorId, IEnumerable<string> actorRoles, string targetId, IEnumerable<string> targetRoles, string rule)
    {
        if (actorId == targetId)
        {
            return new RuleViolation(rule, "Das eigene Konto lässt sich so nicht ändern: das eigene Passwort unter „Passwort ändern“, Rollen und Sperre nur durch eine andere Administration.");
        }

        return Rank(targetRoles) >= Rank(actorRoles)
            ? new RuleViolation(rule, "Konten mit derselben oder einer höheren Rolle (InA-Koordination, Administration) kann nur eine höhere Rolle zurücksetzen oder ändern.")
            : null;
    }

    /// <summary>A reset of an account that is not locked needs a recorded reason (checked after <see cref="MayNotActOn"/>).</summary>
    public static RuleViolation? ResetNeedsReason(bool targetLocked, string? reason)
        => targetLocked || !string.IsNullOrWhiteSpace(reason)
            ? null
            : new RuleViolation(RuleIds.PasswordReset, "Das Konto ist nicht gesperrt: ein neues Initialpasswort nur mit Begründung (z. B. „Passwort vergessen, telefonisch bestätigt“).", "reason");

    /// <summary>Roles may be given only below the own rank (InA-Koordination gives no InA-Koordination or Administration); Administration gives every role.</summary>
    public static RuleViolation? MayNotGrant(IEnumerable<string> actorRoles, IEnumerable<string> newRoles)
        => !actorRoles.Contains(Roles.Administrator) && Rank(newRoles) >= Rank(actorRoles)
            ? new RuleViolation(RuleIds.Roles, "Diese Rolle kann nur eine höhere Rolle vergeben.", "roles")
            : null;
}
