using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Teilhabe.Core.Accounts;

/// <summary>How a session was opened: the cookie login of the pages or a bearer token of the API.</summary>
public enum SessionKind
{
    Page,
    Api,
}

/// <summary>
/// One login (page session or bearer token). Every request carries its id and is checked against this row, so a
/// logout, a password change or a deactivation ends the session at once on every node that shares the database.
/// </summary>
public sealed class UserSession
{
    private UserSession()
    {
        UserId = string.Empty;
    }

    public UserSession(string userId, SessionKind kind, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        Kind = kind;
        CreatedAt = now;
        LastSeenAt = now;
    }

    public Guid Id { get; private set; }
    public string UserId { get; private set; }
    public SessionKind Kind { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The last request of the session, kept to the minute (idle timeout of page sessions).</summary>
    public DateTimeOffset LastSeenAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }
    public string? EndReason { get; private set; }

    /// <summary>
    /// Whether the session may go on at <paramref name="now"/>: not ended, within the absolute lifetime and — for
    /// page sessions — within the idle timeout (profile numbers <c>sessionHours</c>, <c>sessionIdleMinutes</c>).
    /// </summary>
    public bool IsValidAt(DateTimeOffset now, Profiles.StateProfile profile)
        => EndedAt is null
           && now <= CreatedAt.AddHours(profile.SessionHours)
           && (Kind == SessionKind.Api || now <= LastSeenAt.AddMinutes(profile.SessionIdleMinutes));

    /// <summary>Moves the last request forward; true when the row changed (written at most once a minute).</summary>
    public bool Touch(DateTimeOffset now)
    {
        if (now - LastSeenAt < TimeSpan.FromMinutes(1))
        {
            return false;
        }

        LastSeenAt = now;
        return true;
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("UserSessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.UserId).HasMaxLength(450);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(8);
        b.Property(s => s.EndReason).HasMaxLength(100);
        b.HasIndex(s => new { s.UserId, s.EndedAt });
    }
}
