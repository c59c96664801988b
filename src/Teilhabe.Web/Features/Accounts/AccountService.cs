using Microsoft.AspNetCore.Identity;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Data;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Rules;

namespace Teilhabe.Web.Features.Accounts;

internal enum SignInOutcome
{
    Succeeded,
    WrongCredentials,
    LockedOut,
}

/// <summary>
/// Password changes, resets and unlocks with the rules of ACC-01…05, used by pages and API alike.
/// Every password that is set goes into the history (ACC-03).
/// </summary>
internal sealed class AccountService(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    TeilhabeDbContext db,
    AuditLog audit,
    TimeProvider clock,
    IStateProfileResolver profiles,
    Sessions sessions)
{
    /// <summary>Checks the password; the profile's number of failures in a row locks the account (ACC-05).</summary>
    public async Task<(SignInOutcome Outcome, AppUser? User)> CheckCredentialsAsync(string userName, string password, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null || !user.IsActive)
        {
            await audit.RecordAsync(AuditActions.LoginFailed, "User", userName.Trim(), ct);
            return (SignInOutcome.WrongCredentials, null);
        }

        if (await users.IsLockedOutAsync(user))
        {
            await audit.RecordAsync(AuditActions.LoginFailed, "User", user.Id, ct, userId: user.Id, serviceId: user.ServiceId, reason: "gesperrt");
            return (SignInOutcome.LockedOut, user);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.Login, "User", user.Id, ct, userId: user.Id, serviceId: user.ServiceId);
            return (SignInOutcome.Succeeded, user);
        }

        return (await CountFailureAsync(user, AuditActions.LoginFailed, ct), user);
    }

    /// <summary>
    /// ACC-05 with the number of the profile of the user's Integrationsamt (Identity itself only counts): a wrong password
    /// or a wrong second-factor code counts as a failed login; the last one allowed locks the account.
    /// </summary>
    public async Task<SignInOutcome> CountFailureAsync(AppUser user, string auditAction, CancellationToken ct)
    {
        var profile = profiles.ForUser(user);

        // Failures at the same moment (parallel guesses, a replayed second-factor code) must each count and answer as a
        // wrong one: Identity refuses the second write of the counter (concurrency stamp), so it is read again and counted.
        var counted = await users.AccessFailedAsync(user);
        for (var retry = 0; !counted.Succeeded && retry < 5; retry++)
        {
            await db.Entry(user).ReloadAsync(ct);
            counted = await users.AccessFailedAsync(user);
        }

        if (await users.GetAccessFailedCountAsync(user) >= profile.MaxFailedLogins)
        {
            await users.SetLockoutEndDateAsync(user, clock.GetUtcNow().AddYears(100));
            // ACC-05: a lock ends every open session of the account (cookie and bearer token).
            user.RevokeSessions();
            await users.UpdateAsync(user);
            await audit.RecordAsync(AuditActions.Lock, "User", user.Id, ct, userId: user.Id, serviceId: user.ServiceId,
                reason: $"{profile.MaxFailedLogins} Fehlversuche in Folge");
            return SignInOutcome.LockedOut;
        }

        await audit.RecordAsync(auditAction, "User", user.Id, ct, userId: user.Id, serviceId: user.ServiceId);
        return SignInOutcome.WrongCredentials;
    }

    /// <summary>Creates a user with an initial password; it must be changed at first login unless told otherwise.</summary>
    public async Task<Result<AppUser>> CreateAsync(
        AppUser user, string initialPassword, IEnumerable<string> roles, bool mustChangePassword)
    {
        user.MustChangePassword = mustChangePassword;
        user.PasswordChangedAt = clock.GetUtcNow();
        var created = await users.CreateAsync(user, initialPassword);
        if (!created.Succeeded)
        {
            return Result<AppUser>.Invalid(ToViolations(created, "initialPassword"));
        }

        await users.AddToRolesAsync(user, roles);
        await RememberAsync(user);
        return Result<AppUser>.Ok(user);
    }

    /// <summary>
    /// The user changes the own password (ACC-01, ACC-02, ACC-03); clears a forced change. Every other session and
    /// token of the user ends; the session of <paramref name="current"/> goes on.
    /// </summary>
    public async Task<IReadOnlyList<RuleViolation>> ChangeAsync(AppUser user, string currentPassword, string newPassword, System.Security.Claims.ClaimsPrincipal current)
    {
        if (!await users.CheckPasswordAsync(user, currentPassword))
        {
            return [RuleViolation.Input("Das bisherige Passwort stimmt nicht.", "currentPassword")];
        }

        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            return ToViolations(result, "newPassword");
        }

        user.MustChangePassword = false;
        user.PasswordChangedAt = clock.GetUtcNow();
        await users.UpdateAsync(user);
        await RememberAsync(user);
        await sessions.EndAllAsync(user.Id, Sessions.PasswordChanged, current, CancellationToken.None);
        await audit.RecordAsync(AuditActions.PasswordChange, "User", user.Id, CancellationToken.None, serviceId: user.ServiceId);
        return [];
    }

    /// <summary>
    /// ACC-05: InA-Koordination or an administrator sets a new initial password; the account is unlocked and every
    /// session ends. Only for an account of a lower role than the actor's, never the own, and — unless it is locked —
    /// only with a reason; the user is told at the next login who reset it and when. Audited with the reason.
    /// </summary>
    public async Task<Result<AppUser>> ResetAsync(AppUser actor, AppUser user, string initialPassword, string? reason)
    {
        if (AccountRules.MayNotActOn(actor.Id, await users.GetRolesAsync(actor), user.Id, await users.GetRolesAsync(user), RuleIds.PasswordReset) is { } refusal)
        {
            return Result<AppUser>.Forbidden(refusal);
        }

        var locked = await users.IsLockedOutAsync(user);
        if (AccountRules.ResetNeedsReason(locked, reason) is { } missing)
        {
            return Result<AppUser>.Invalid(missing);
        }

        var violations = await ValidateNewAsync(user, initialPassword, "initialPassword");
        if (violations.Count > 0)
        {
            return Result<AppUser>.Invalid(violations);
        }

        await users.RemovePasswordAsync(user);
        var result = await users.AddPasswordAsync(user, initialPassword);
        if (!result.Succeeded)
        {
            return Result<AppUser>.Invalid(ToViolations(result, "initialPassword"));
        }

        var now = clock.GetUtcNow();
        user.MustChangePassword = true;
        user.PasswordChangedAt = now;
        user.RecordReset(now, actor.DisplayName);
        user.RevokeSessions();
        await users.UpdateAsync(user);
        await UnlockCoreAsync(user);
        await RememberAsync(user);
        await sessions.EndAllAsync(user.Id, Sessions.PasswordReset, null, CancellationToken.None);
        var why = string.IsNullOrWhiteSpace(reason) ? "Konto war gesperrt" : reason.Trim();
        await audit.RecordAsync(AuditActions.PasswordReset, "User", user.Id, CancellationToken.None, serviceId: user.ServiceId, reason: why);
        return Result<AppUser>.Ok(user);
    }

    /// <summary>ACC-05: lift a lock-out.</summary>
    public async Task UnlockAsync(AppUser user)
    {
        await UnlockCoreAsync(user);
        await audit.RecordAsync(AuditActions.Unlock, "User", user.Id, CancellationToken.None, serviceId: user.ServiceId);
    }

    public bool PasswordDueForChange(AppUser user) => PasswordPolicy.IsDueForChange(user.PasswordChangedAt, clock.GetUtcNow(), profiles.ForUser(user));

    private async Task UnlockCoreAsync(AppUser user)
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    private async Task<IReadOnlyList<RuleViolation>> ValidateNewAsync(AppUser user, string password, string field)
    {
        var violations = new List<RuleViolation>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            violations.AddRange(ToViolations(result, field));
        }

        return violations;
    }

    private async Task RememberAsync(AppUser user)
    {
        db.PasswordHistory.Add(new PasswordHistoryEntry(user.Id, user.PasswordHash!, clock.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    private static List<RuleViolation> ToViolations(IdentityResult result, string field)
        => [.. result.Errors.Select(e => new RuleViolation(
            e.Code.StartsWith("ACC-", StringComparison.Ordinal) ? e.Code : RuleIds.Input,
            e.Description,
            e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : field))];
}
