using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Rules;

namespace Teilhabe.Web.Features.Accounts;

/// <summary>
/// ACC-01, ACC-02 (via <see cref="PasswordPolicy"/>) and ACC-03: the last passwords of the user, compared
/// against their stored hashes. The error code of each IdentityError is the rule ID.
/// </summary>
internal sealed class ProfilePasswordValidator(StateProfile profile, TeilhabeDbContext db) : IPasswordValidator<AppUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        password ??= string.Empty;
        var errors = PasswordPolicy.Check(password, profile)
            .Select(v => new IdentityError { Code = v.Rule, Description = v.Message })
            .ToList();

        if (await WasUsedRecentlyAsync(manager, user, password))
        {
            errors.Add(new IdentityError
            {
                Code = RuleIds.PasswordHistory,
                Description = $"Dieses Passwort wurde unter den letzten {profile.PasswordHistoryCount} Passwörtern schon verwendet. Bitte ein neues wählen.",
            });
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    private async Task<bool> WasUsedRecentlyAsync(UserManager<AppUser> manager, AppUser user, string password)
    {
        if (string.IsNullOrEmpty(user.Id))
        {
            return false;
        }

        var recent = await db.PasswordHistory.AsNoTracking()
            .Where(p => p.UserId == user.Id)
            .OrderByDescending(p => p.SetAt).ThenByDescending(p => p.Id)
            .Take(profile.PasswordHistoryCount)
            .Select(p => p.PasswordHash)
            .ToListAsync();

        return recent.Any(hash => manager.PasswordHasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed);
    }
}
