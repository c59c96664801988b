namespace Teilhabe.Core.Accounts;

/// <summary>ACC-03: a hash of an earlier password of a user (never the password itself).</summary>
public sealed class PasswordHistoryEntry
{
    private PasswordHistoryEntry()
    {
        UserId = string.Empty;
        PasswordHash = string.Empty;
    }

    public PasswordHistoryEntry(string userId, string passwordHash, DateTimeOffset setAt)
    {
        UserId = userId;
        PasswordHash = passwordHash;
        SetAt = setAt;
    }

    public long Id { get; private set; }
    public string UserId { get; private set; }
    public string PasswordHash { get; private set; }
    public DateTimeOffset SetAt { get; private set; }
}
