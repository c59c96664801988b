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
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

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
