using Microsoft.AspNetCore.Identity;

namespace Teilhabe.Core.Accounts;

/// <summary>A person who signs in. IFD staff belong to one service; InA-Koordination to one Integrationsamt.</summary>
public sealed class AppUser : IdentityUser
{
    public AppUser()
    {
        DisplayName = string.Empty;
    }

    public AppUser(string userName, string displayName)
        : base(userName)
    {
        DisplayName = displayName.Trim();
    }

    public string DisplayName { get; set; }

    /// <summary>The IFD the user works in (tenant); null for InA-Koordination and administrators.</summary>
    public Guid? ServiceId { get; set; }

    /// <summary>The Integrationsamt of an InA-Koordination user, or of the user's IFD.</summary>
    public Guid? IntegrationOfficeId { get; set; }

    /// <summary>ACC-05: an initial password must be changed at the next login.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>ACC-04: when the password was last set.</summary>
    public DateTimeOffset PasswordChangedAt { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>ACC-05: when InA-Koordination or an administrator last set an initial password, and who (told at the next login).</summary>
    public DateTimeOffset? PasswordResetAt { get; private set; }

    public string? PasswordResetBy { get; private set; }

    /// <summary>Counts the administrative changes (name, e-mail, roles, active): the ETag of PATCH /api/v1/admin/users/{id}.</summary>
    public int Version { get; private set; }

    public void Changed() => Version++;

    public void RecordReset(DateTimeOffset at, string byDisplayName)
    {
        PasswordResetAt = at;
        PasswordResetBy = byDisplayName;
    }

    /// <summary>
    /// ACC-05: carried in every session (cookie and bearer token); a lock or a reset by InA-Koordination
    /// renews it and so ends every open session. The user's own password change keeps the session.
    /// </summary>
    public string SessionStamp { get; private set; } = Guid.NewGuid().ToString("N");

    /// <summary>
    /// ACC-11 (ASVS 2.8.4): the RFC 6238 time step of the last authenticator code accepted; a code of this or an
    /// earlier step is refused. Written only by one conditional UPDATE (OneTimeAuthenticatorTokenProvider), never by saving the entity,
    /// so that a stale copy of the user cannot set it back and two requests with one code cannot both win.
    /// </summary>
    public long? LastAuthenticatorTimeStep { get; private set; }

    public void RevokeSessions() => SessionStamp = Guid.NewGuid().ToString("N");
}
