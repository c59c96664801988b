using Teilhabe.Core.Profiles;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Accounts;

/// <summary>ACC-01 and ACC-02: length and composition of a password. ACC-03 needs the history and lives in the validator.</summary>
public static class PasswordPolicy
{
    public static IReadOnlyList<RuleViolation> Check(string password, StateProfile profile)
    {
        var violations = new List<RuleViolation>();
        password ??= string.Empty;

        // ACC-01
        if (password.Length < profile.PasswordMinLength || password.Length > profile.PasswordMaxLength)
        {
            violations.Add(new RuleViolation(
                RuleIds.PasswordLength,
                $"Das Passwort muss zwischen {profile.PasswordMinLength} und {profile.PasswordMaxLength} Zeichen lang sein (jetzt: {password.Length}).",
                "password"));
        }

        // ACC-02: upper, lower, digit, special; above the profile's threshold the special character may be left out.
        var missing = new List<string>();
        if (!password.Any(char.IsUpper))
        {
            missing.Add("einen Großbuchstaben");
        }

        if (!password.Any(char.IsLower))
        {
            missing.Add("einen Kleinbuchstaben");
        }

        if (!password.Any(char.IsDigit))
        {
            missing.Add("eine Ziffer");
        }

        var hasSpecial = password.Any(c => !char.IsLetterOrDigit(c));
        if (!hasSpecial && password.Length <= profile.PasswordSpecialCharOptionalAbove)
        {
            missing.Add($"ein Sonderzeichen (bei mehr als {profile.PasswordSpecialCharOptionalAbove} Zeichen entbehrlich)");
        }

        if (missing.Count > 0)
        {
            violations.Add(new RuleViolation(
                RuleIds.PasswordComposition,
                "Das Passwort braucht noch " + string.Join(", ", missing) + ".",
                "password"));
        }

        // Only a password that meets the rules above is compared with the list: one thing to fix at a time.
        if (violations.Count == 0 && CommonPasswords.Check(password) is { } common)
        {
            violations.Add(common);
        }

        return violations;
    }

    /// <summary>ACC-04: a password older than the profile's days gets a reminder (not a forced change).</summary>
    public static bool IsDueForChange(DateTimeOffset changedAt, DateTimeOffset now, StateProfile profile)
        => now - changedAt > TimeSpan.FromDays(profile.PasswordReminderDays);
}
