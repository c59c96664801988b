namespace Teilhabe.Core.Audit;

public static class AuditActions
{
    public const string Read = "read";
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Transition = "transition";
    public const string Login = "login";
    public const string LoginFailed = "login-failed";
    public const string Logout = "logout";
    public const string Lock = "lock";
    public const string Unlock = "unlock";
    public const string PasswordChange = "password-change";
    public const string PasswordReset = "password-reset";
    public const string RolesChange = "roles-change";
    public const string Deactivate = "deactivate";
    public const string Activate = "activate";
    public const string SecondFactorEnable = "mfa-enable";
    public const string SecondFactorFailed = "mfa-failed";
    public const string SecondFactorDisable = "mfa-disable";
}

/// <summary>
/// ACC-09: one row of the append-only audit trail. There is no update or delete path: the DbContext
/// refuses to save a modified or deleted entry.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Action = string.Empty;
        Entity = string.Empty;
        EntityId = string.Empty;
    }

    public AuditEntry(DateTimeOffset at, string? userId, string action, string entity, string entityId)
    {
        At = at;
        UserId = userId;
        Action = action;
        Entity = entity;
        EntityId = entityId;
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? UserId { get; private set; }
    public string Action { get; private set; }
    public string Entity { get; private set; }
    public string EntityId { get; private set; }
    public Guid? ClientId { get; init; }
    public Guid? CaseId { get; init; }

    /// <summary>The IFD whose data was touched: lets an IFD lead read the trail of the own IFD.</summary>
    public Guid? ServiceId { get; init; }

    public string? Reason { get; init; }

    /// <summary>Names of the changed fields (never their values: the trail must not copy personal data).</summary>
    public string? Fields { get; init; }

    /// <summary>Place in the hash chain (1, 2, 3 …); empty for rows written before the chain existed.</summary>
    public long? Sequence { get; private set; }

    /// <summary>The <see cref="Hash"/> of the row before this one in the chain (<see cref="AuditChain.Genesis"/> for the first).</summary>
    public string? PreviousHash { get; private set; }

    /// <summary>SHA-256 (hex) over this row's content and <see cref="PreviousHash"/>: an altered or removed row breaks the chain.</summary>
    public string? Hash { get; private set; }

    /// <summary>Links the new row to the chain; called once, just before it is inserted.</summary>
    internal void Chain(long sequence, string previousHash)
    {
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = AuditChain.HashOf(this);
    }
}
