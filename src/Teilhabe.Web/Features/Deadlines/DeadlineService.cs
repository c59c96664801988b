using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Data;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Time;
using Teilhabe.Web.Features.Cases;

namespace Teilhabe.Web.Features.Deadlines;

/// <summary>
/// The deadline list ("Wiedervorlage", DOMAIN.md section 10) for the caller's scope: own and deputised cases for
/// caseworkers and deputies, the IFD for the lead, the Integrationsamt's IFDs for InA-Koordination (InA cases only,
/// released metadata). Every <see cref="IDeadlineSource"/> contributes; items are ordered by urgency
/// (<see cref="DeadlineStatus"/>: überfällig, heute, diese Woche, später), then by due date.
/// </summary>
internal sealed class DeadlineService(
    TeilhabeDbContext db, CaseAccess access, ICurrentUser user, TimeProvider clock, AuditLog audit, IEnumerable<IDeadlineSource> sources)
{
    public sealed record Filter(bool OverdueOnly = false, string? CaseworkerId = null, Guid? ServiceId = null);

    public DateOnly Today => clock.Today();

    public bool IsCoordinator => access.IsCoordinator;

    public bool IsLead => user.IsInRole(Roles.ServiceLead) && user.ServiceId is not null;

    /// <summary>The caller's IFD (lead, caseworker), for the list's title.</summary>
    public async Task<string?> ServiceNameAsync(CancellationToken ct)
        => user.ServiceId is { } id ? await db.Services.AsNoTracking().Where(s => s.Id == id).Select(s => s.Name).FirstOrDefaultAsync(ct) : null;

    /// <summary>Every item in the caller's scope, ordered by urgency, then due date.</summary>
    public Task<IReadOnlyList<DeadlineItem>> ListAsync(Filter filter, CancellationToken ct) => ListAsync(filter, audited: true, ct);

    /// <summary>The same items for figures that show no case numbers or names (the lead's team overview): not audited.</summary>
    public Task<IReadOnlyList<DeadlineItem>> ListForCountsAsync(Filter filter, CancellationToken ct) => ListAsync(filter, audited: false, ct);

    private async Task<IReadOnlyList<DeadlineItem>> ListAsync(Filter filter, bool audited, CancellationToken ct)
    {
        var query = access.Visible(db.Cases.AsNoTracking()).Include(c => c.History).Where(c => c.ClosedOn == null);
        if (!string.IsNullOrEmpty(filter.CaseworkerId))
        {
            query = query.Where(c => c.CaseworkerId == filter.CaseworkerId);
        }

        if (filter.ServiceId is { } service)
        {
            query = query.Where(c => c.ServiceId == service);
        }

        var cases = await query.AsSplitQuery().ToListAsync(ct);
        var context = await ContextAsync(cases, single: false, ct);
        var caseFiltered = !string.IsNullOrEmpty(filter.CaseworkerId) || filter.ServiceId is not null;
        var entries = (await CollectAsync(context, ct))
            .Where(e => e.IsVisibleOn(context.Today) && (e.Case is not null || !caseFiltered))
            .ToList();
        var items = await ItemsAsync(entries, context.Today, ct);
        if (filter.OverdueOnly)
        {
            items = [.. items.Where(i => i.Overdue)];
        }

        var withCase = items.Count(i => i.CaseId is not null);
        if (withCase > 0 && audited)
        {
            // ACC-09: the list shows case numbers and client names.
            await audit.RecordAsync(AuditActions.Read, "DeadlineList", withCase.ToString(CultureInfo.InvariantCulture), ct,
                serviceId: user.ServiceId, reason: $"Wiedervorlage, {withCase} Einträge angezeigt");
        }

        return items;
    }

    /// <summary>The case page's "Fristen": every item of this case, also those not yet shown in the list.</summary>
    public async Task<IReadOnlyList<DeadlineItem>> ForCaseAsync(Case @case, CancellationToken ct)
    {
        if (@case.ClosedOn is not null)
        {
            return [];
        }

        var context = await ContextAsync([@case], single: true, ct);
        return await ItemsAsync([.. await CollectAsync(context, ct)], context.Today, ct);
    }

    private async Task<DeadlineContext> ContextAsync(IReadOnlyList<Case> cases, bool single, CancellationToken ct)
    {
        var ids = cases.Select(c => c.Id).ToList();

        // One statement: the InA funders the user sees and the open extension requests of the cases.
        var rows = await db.Funders.Where(f => f.Kind == FunderKind.IntegrationOffice)
            .Select(f => new { Funder = (Guid?)f.Id, CaseId = (Guid?)null, CurrentEndDate = (DateOnly?)null })
            .Concat(db.ExtensionRequests.Where(r => ids.Contains(r.CaseId) && r.Approved != true)
                .Select(r => new { Funder = (Guid?)null, CaseId = (Guid?)r.CaseId, r.CurrentEndDate }))
            .ToListAsync(ct);
        var ina = rows.Where(r => r.Funder is not null).Select(r => r.Funder!.Value).ToHashSet();
        var requests = rows.Where(r => r.CaseId is not null).Select(r => new { CaseId = r.CaseId!.Value, r.CurrentEndDate }).ToList();
        var coordinator = access.IsCoordinator;
        var byCase = cases.ToDictionary(c => c.Id);
        return new DeadlineContext
        {
            ExtensionRequested = requests.Where(r => r.CurrentEndDate is null || r.CurrentEndDate == byCase[r.CaseId].PlannedEndDate).Select(r => r.CaseId).ToHashSet(),
            // InA-Koordination follows the cases it funds; cases of other funders stay with the IFD (ACC-07, ACC-08).
            Cases = coordinator ? [.. cases.Where(c => c.FunderId is { } f && ina.Contains(f))] : cases,
            Today = Today,
            ForCoordinator = coordinator,
            UserId = user.UserId,
            IntegrationOfficeFunders = ina,
            SingleCase = single,
        };
    }

    private async Task<List<DeadlineEntry>> CollectAsync(DeadlineContext context, CancellationToken ct)
    {
        var entries = new List<DeadlineEntry>();
        foreach (var source in sources)
        {
            entries.AddRange(await source.CollectAsync(context, ct));
        }

        return entries;
    }

    private async Task<List<DeadlineItem>> ItemsAsync(List<DeadlineEntry> entries, DateOnly today, CancellationToken ct)
    {
        var cases = entries.Where(e => e.Case is not null).Select(e => e.Case!).DistinctBy(c => c.Id).ToList();
        var clientIds = cases.Select(c => c.ClientId).Distinct().ToList();
        var userIds = cases.Select(c => c.CaseworkerId).Distinct().ToList();
        var serviceIds = cases.Select(c => c.ServiceId).Distinct().ToList();

        // One statement for the names of the cases' clients (0), caseworkers (1) and IFDs (2).
        var names = await db.Clients.Where(c => clientIds.Contains(c.Id))
            .Select(c => new { Of = 0, Id = (Guid?)c.Id, UserId = (string?)null, Name = c.LastName + ", " + c.FirstName })
            .Concat(db.Users.Where(u => userIds.Contains(u.Id)).Select(u => new { Of = 1, Id = (Guid?)null, UserId = (string?)u.Id, Name = u.DisplayName }))
            .Concat(db.Services.Where(s => serviceIds.Contains(s.Id)).Select(s => new { Of = 2, Id = (Guid?)s.Id, UserId = (string?)null, Name = s.Name }))
            .ToListAsync(ct);
        var clients = names.Where(n => n.Of == 0).ToDictionary(n => n.Id!.Value, n => n.Name);
        var users = names.Where(n => n.Of == 1).ToDictionary(n => n.UserId!, n => n.Name);
        var services = names.Where(n => n.Of == 2).ToDictionary(n => n.Id!.Value, n => n.Name);
        return
        [
            .. entries.Select(e => e.Case is { } c
                ? new DeadlineItem(c.Id, c.CaseNumber, c.ClientId, clients.GetValueOrDefault(c.ClientId), c.CaseworkerId, users.GetValueOrDefault(c.CaseworkerId),
                    c.ServiceId, services.GetValueOrDefault(c.ServiceId), e.Rule, e.Label, e.DueDate, e.DueDate < today, e.Link ?? $"/faelle/{c.Id}", DeadlineUrgency.Of(e.DueDate, today))
                : new DeadlineItem(null, null, null, null, user.UserId, null, null, null, e.Rule, e.Label, e.DueDate, e.DueDate < today, e.Link ?? "/", DeadlineUrgency.Of(e.DueDate, today)))
                .OrderBy(i => i.Status).ThenBy(i => i.DueDate).ThenBy(i => i.CaseNumber, StringComparer.Ordinal).ThenBy(i => i.Rule, StringComparer.Ordinal),
        ];
    }
}
