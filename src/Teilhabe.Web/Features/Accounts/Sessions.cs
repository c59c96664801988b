using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.Core.Profiles;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Accounts;

/// <summary>
/// The open logins of the users (ACC-13): opened at sign-in, checked on every request, ended by logout,
/// password change, lock, reset or deactivation. Rows live in the database, so every node sees the end at once.
/// </summary>
internal sealed class Sessions(TeilhabeDbContext db, TimeProvider clock, IStateProfileResolver profiles)
{
    public const string LoggedOut = "Abmeldung";
    public const string PasswordChanged = "Passwortwechsel";
    public const string PasswordReset = "Passwort zurückgesetzt";
    public const string Deactivated = "Konto deaktiviert";
    public const string RolesChanged = "Rollen geändert";

    /// <summary>Opens a session and returns the claim that names it (added to the cookie or token).</summary>
    public async Task<Claim> OpenAsync(AppUser user, SessionKind kind, CancellationToken ct)
    {
        var session = new UserSession(user.Id, kind, clock.GetUtcNow());
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return new Claim(HttpCurrentUser.SessionIdClaim, session.Id.ToString());
    }

    /// <summary>
    /// The user of the session named by <paramref name="principal"/> when the session may go on (one query for session
    /// and account; the account stays tracked, so a later <c>UserManager.GetUserAsync</c> of the request costs nothing);
    /// moves the session's last request forward. Null: no such session, ended, expired or idle too long.
    /// </summary>
    public async Task<AppUser?> ContinueAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (IdOf(principal) is not { } id)
        {
            return null;
        }

        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var found = await (from s in db.UserSessions
                           join u in db.Users on s.UserId equals u.Id
                           where s.Id == id && s.UserId == userId
                           select new { Session = s, User = u }).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        if (found is null || !found.Session.IsValidAt(now, profiles.ForUser(found.User)))
        {
            return null;
        }

        if (found.Session.Touch(now))
        {
            await db.SaveChangesAsync(ct);
        }

        return found.User;
    }

    /// <summary>Ends the session of this request (logout).</summary>
    public Task EndAsync(ClaimsPrincipal principal, string reason, CancellationToken ct)
        => IdOf(principal) is { } id ? EndWhereAsync(db.UserSessions.Where(s => s.Id == id), reason, ct) : Task.CompletedTask;

    /// <summary>Ends every open session of the user, except the one of <paramref name="keep"/> when given.</summary>
    public Task EndAllAsync(string userId, string reason, ClaimsPrincipal? keep, CancellationToken ct)
    {
        var except = keep is null ? null : IdOf(keep);
        return EndWhereAsync(db.UserSessions.Where(s => s.UserId == userId && (except == null || s.Id != except)), reason, ct);
    }

    private Task<int> EndWhereAsync(IQueryable<UserSession> sessions, string reason, CancellationToken ct)
        => sessions.Where(s => s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, clock.GetUtcNow()).SetProperty(s => s.EndReason, reason), ct);

    /// <summary>The session claim of a principal, to keep the session when the cookie is issued anew.</summary>
    public static IReadOnlyList<Claim> ClaimsOf(ClaimsPrincipal principal)
        => [.. principal.FindAll(HttpCurrentUser.SessionIdClaim)];

    private static Guid? IdOf(ClaimsPrincipal principal)
        => Guid.TryParse(principal.FindFirstValue(HttpCurrentUser.SessionIdClaim), out var id) ? id : null;
}
