using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;

namespace Teilhabe.Web.Features.Accounts;

/// <summary>
/// ACC-11 (ASVS 2.8.4): Identity's authenticator check, but each code is accepted once. The time step a code matches
/// (RFC 6238, 30 s, up to 2 steps either side like Identity) must lie after the last one accepted for the user; it is
/// claimed with one conditional UPDATE in the database, so a replayed code is refused on every node and of two
/// simultaneous uses of one code only one wins. Used for the login (pages and API) and the setup alike.
/// </summary>
internal sealed class OneTimeAuthenticatorTokenProvider(TeilhabeDbContext db) : AuthenticatorTokenProvider<AppUser>
{
    private static readonly VerificationWindow Window = new(previous: 2, future: 2);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        // The real clock, as the user's authenticator app keeps it (not the app's TimeProvider, which tests move).
        if (!new Totp(Base32Encoding.ToBytes(key)).VerifyTotp(DateTime.UtcNow, token, out var step, Window))
        {
            return false;
        }

        var claimed = await db.Users
            .Where(u => u.Id == user.Id && (u.LastAuthenticatorTimeStep == null || u.LastAuthenticatorTimeStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastAuthenticatorTimeStep, step));
        return claimed == 1;
    }
}
