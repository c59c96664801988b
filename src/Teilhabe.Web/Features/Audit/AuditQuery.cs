using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Data;

namespace Teilhabe.Web.Features.Audit;

/// <summary>The audit trail as the caller may see it: administrators all of it, an IFD lead the own IFD's rows.</summary>
internal sealed class AuditQuery(TeilhabeDbContext db, ICurrentUser current, AuditLog audit)
{
    public const int MaxRows = 5000;

    public sealed record Filter(Guid? ClientId, Guid? CaseId, string? UserId, DateOnly? From, DateOnly? To);

    public sealed record Row(DateTimeOffset At, string? UserId, string Action, string Entity, string EntityId, Guid? ClientId, Guid? CaseId, string? Reason, string? Fields);

    /// <summary>The newest rows first, up to <see cref="MaxRows"/>.</summary>
    public async Task<List<Row>> RunAsync(Filter filter, CancellationToken ct)
    {
        var rows = await Query(filter, null).OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(MaxRows)
            .Select(a => new Row(a.At, a.UserId, a.Action, a.Entity, a.EntityId, a.ClientId, a.CaseId, a.Reason, a.Fields))
            .ToListAsync(ct);
        await RecordReadAsync(filter, null, rows.Count, ct);
        return rows;
    }

    /// <summary>One page of the trail for the page, newest first, with the number of all matching rows.</summary>
    public async Task<(List<Row> Rows, int Total)> PageAsync(Filter filter, string? action, int page, int pageSize, CancellationToken ct)
    {
        var rows = Query(filter, action);
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize)
            .Select(a => new Row(a.At, a.UserId, a.Action, a.Entity, a.EntityId, a.ClientId, a.CaseId, a.Reason, a.Fields))
            .ToListAsync(ct);
        await RecordReadAsync(filter, action, items.Count, ct);
        return (items, total);
    }

    /// <summary>ACC-09: the trail names who did what to whose data, so reading it is written down too: filter and number of rows shown.</summary>
    private Task RecordReadAsync(Filter filter, string? action, int count, CancellationToken ct)
    {
        var inv = CultureInfo.InvariantCulture;
        var parts = new[]
        {
            filter.UserId is null ? null : "userId=" + filter.UserId,
            filter.From is { } from ? "from=" + from.ToString("yyyy-MM-dd", inv) : null,
            filter.To is { } to ? "to=" + to.ToString("yyyy-MM-dd", inv) : null,
            action is null ? null : "action=" + action,
        }.Where(p => p is not null);
        var reason = string.Join(", ", parts);
        return audit.RecordAsync(AuditActions.Read, "AuditTrail", count.ToString(inv), ct,
            serviceId: current.ServiceId, clientId: filter.ClientId, caseId: filter.CaseId, reason: reason.Length == 0 ? null : "Filter: " + reason);
    }

    private IQueryable<Teilhabe.Core.Audit.AuditEntry> Query(Filter filter, string? action)
    {
        var rows = db.AuditEntries.AsNoTracking();
        if (!current.IsInRole(Roles.Administrator))
        {
            var service = current.ServiceId;
            rows = rows.Where(a => service != null && a.ServiceId == service);
        }

        if (filter.ClientId is { } clientId)
        {
            rows = rows.Where(a => a.ClientId == clientId);
        }

        if (filter.CaseId is { } caseId)
        {
            rows = rows.Where(a => a.CaseId == caseId);
        }

        if (!string.IsNullOrEmpty(filter.UserId))
        {
            rows = rows.Where(a => a.UserId == filter.UserId);
        }

        if (filter.From is { } from)
        {
            var start = Core.Time.BerlinTime.StartOfDayUtc(from);
            rows = rows.Where(a => a.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = Core.Time.BerlinTime.StartOfDayUtc(to.AddDays(1));
            rows = rows.Where(a => a.At < end);
        }

        if (!string.IsNullOrEmpty(action))
        {
            rows = rows.Where(a => a.Action == action);
        }

        return rows;
    }
}
