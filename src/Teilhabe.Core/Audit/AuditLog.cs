using Teilhabe.Core.Data;

namespace Teilhabe.Core.Audit;

/// <summary>ACC-09: explicit audit rows for what the interceptor cannot see — reads, logins, lockouts.</summary>
public sealed class AuditLog(TeilhabeDbContext db, TimeProvider clock)
{
    public async Task RecordAsync(
        string action,
        string entity,
        string entityId,
        CancellationToken ct,
        string? userId = null,
        Guid? serviceId = null,
        Guid? clientId = null,
        Guid? caseId = null,
        string? reason = null)
    {
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), userId ?? db.CurrentUser.UserId, action, entity, entityId)
        {
            ServiceId = serviceId,
            ClientId = clientId,
            CaseId = caseId,
            Reason = reason,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An explicit audit row that is saved with the caller's next SaveChanges (same transaction as the change).</summary>
    public void Stage(string action, string entity, string entityId, DateTimeOffset at, Guid? serviceId = null, Guid? clientId = null, Guid? caseId = null, string? reason = null)
        => db.AuditEntries.Add(new AuditEntry(at, db.CurrentUser.UserId, action, entity, entityId)
        {
            ServiceId = serviceId,
            ClientId = clientId,
            CaseId = caseId,
            Reason = reason,
        });

    /// <summary>Every read of personal data is written down (ACC-09).</summary>
    public Task ReadAsync(string entity, Guid id, Guid serviceId, CancellationToken ct, Guid? clientId = null, Guid? caseId = null, string? reason = null)
        => RecordAsync(AuditActions.Read, entity, id.ToString(), ct, serviceId: serviceId, clientId: clientId, caseId: caseId, reason: reason);
}
