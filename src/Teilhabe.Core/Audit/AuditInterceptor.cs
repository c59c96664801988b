using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Teilhabe.Core.Data;
using Teilhabe.Core.Organisations;

namespace Teilhabe.Core.Audit;

/// <summary>
/// ACC-09: writes an audit row for every change of an audited entity in the same transaction as the
/// change, and refuses any change to existing audit rows (append-only).
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        if (eventData.Context is TeilhabeDbContext db && NewRows(db) is { Count: > 0 } rows)
        {
            if (db.Database.CurrentTransaction is null)
            {
                db.AuditChainTransaction = db.Database.BeginTransaction();
            }

            AuditChain.Append(db, rows);
        }

        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        if (eventData.Context is TeilhabeDbContext db && NewRows(db) is { Count: > 0 } rows)
        {
            // The chain's last row must be read in the transaction that appends to it.
            if (db.Database.CurrentTransaction is null)
            {
                db.AuditChainTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
            }

            await AuditChain.AppendAsync(db, rows, cancellationToken);
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is TeilhabeDbContext { AuditChainTransaction: { } tx } db)
        {
            db.AuditChainTransaction = null;
            using (tx)
            {
                tx.Commit();
            }
        }

        return base.SavedChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is TeilhabeDbContext { AuditChainTransaction: { } tx } db)
        {
            db.AuditChainTransaction = null;
            await using (tx)
            {
                await tx.CommitAsync(cancellationToken);
            }
        }

        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        EndFailed(eventData.Context);
        base.SaveChangesFailed(eventData);
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        EndFailed(eventData.Context);
        await base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    public override void SaveChangesCanceled(DbContextEventData eventData)
    {
        EndFailed(eventData.Context);
        base.SaveChangesCanceled(eventData);
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        EndFailed(eventData.Context);
        await base.SaveChangesCanceledAsync(eventData, cancellationToken);
    }

    // Disposing rolls back: nothing of a failed save stays, neither the change nor its audit rows.
    private static void EndFailed(DbContext? context)
    {
        if (context is TeilhabeDbContext { AuditChainTransaction: { } tx } db)
        {
            db.AuditChainTransaction = null;
            tx.Dispose();
        }
    }

    private static List<AuditEntry> NewRows(TeilhabeDbContext db)
        => db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();

    private void Stamp(DbContext? context)
    {
        if (context is not TeilhabeDbContext db)
        {
            return;
        }

        var tracker = db.ChangeTracker;
        tracker.DetectChanges();

        if (tracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("ACC-09: Einträge des Protokolls können nicht geändert oder gelöscht werden.");
        }

        if (tracker.Entries<Reports.ReportVersion>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("REP-03: Berichtsversionen sind unveränderlich; eine Neuerstellung legt eine neue Version an.");
        }

        var now = clock.GetUtcNow();
        var rows = new List<AuditEntry>();
        foreach (var entry in tracker.Entries().Where(e => e.Entity is IAuditedEntity or Accounts.AppUser))
        {
            var action = entry.State switch
            {
                EntityState.Added => AuditActions.Create,
                EntityState.Modified => AuditActions.Update,
                EntityState.Deleted => AuditActions.Delete,
                _ => null,
            };
            if (action is null)
            {
                continue;
            }

            var fields = entry.State == EntityState.Modified
                ? string.Join(",", entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name))
                : null;
            if (entry.State == EntityState.Modified && string.IsNullOrEmpty(fields))
            {
                continue;
            }

            rows.Add(new AuditEntry(now, db.CurrentUser.UserId, action, entry.Metadata.ClrType.Name, KeyOf(entry))
            {
                Fields = fields,
                ServiceId = (entry.Entity as IServiceScoped)?.ServiceId ?? (entry.Entity as Accounts.AppUser)?.ServiceId,
                ClientId = (entry.Entity as IClientRelated)?.ClientId,
                CaseId = (entry.Entity as ICaseRelated)?.CaseId,
            });
        }

        db.AuditEntries.AddRange(rows);
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? string.Empty
            : string.Join("/", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }
}

/// <summary>An entity that belongs to one client; its audit rows carry the client (ACC-09 queries by client).</summary>
public interface IClientRelated
{
    Guid? ClientId { get; }
}

/// <summary>An entity that belongs to one case; its audit rows carry the case.</summary>
public interface ICaseRelated
{
    Guid? CaseId { get; }
}
