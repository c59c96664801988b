using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Catalogues;
using Teilhabe.Core.Data;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Catalogues;

namespace Teilhabe.Web.Features.Contacts;

/// <summary>
/// LEK-03: valid LEK without start date — for a caseworker those of their own cases and of the cases they deputise,
/// for the IFD lead all of the IFD, grouped by caseworker.
/// </summary>
[Authorize(Roles = CaseForms.IfdRoles)]
internal sealed class WithoutStartDateModel(TeilhabeDbContext db, CaseAccess access, ICurrentUser user, CatalogueService catalogues, AuditLog audit) : PageModel
{
    public sealed record Item(Guid CaseId, string CaseNumber, string ClientName, string Outcome, DateTimeOffset CreatedAt, bool Deputy);

    public sealed record Group(string Caseworker, IReadOnlyList<Item> Items);

    public IReadOnlyList<Group> Groups { get; private set; } = [];
    public bool IsLead => user.IsInRole(Roles.ServiceLead);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var visible = access.Visible(db.Cases.AsNoTracking());
        var rows = await (from o in db.Outcomes.AsNoTracking()
                          join c in visible on o.CaseId equals c.Id
                          join cl in db.Clients.AsNoTracking() on c.ClientId equals cl.Id
                          where o.StartDate == null && o.InvalidatedAt == null
                          select new { c.Id, c.CaseNumber, c.CaseworkerId, Client = cl.LastName + ", " + cl.FirstName, o.OutcomeCode, o.CreatedAt })
                         .ToListAsync(ct);
        var labels = await catalogues.LabelsAsync(CatalogueNames.Outcomes, ct);
        var ids = rows.Select(r => r.CaseworkerId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Groups = [.. rows.GroupBy(r => r.CaseworkerId)
            .OrderBy(g => g.Key == user.UserId ? 0 : 1).ThenBy(g => names.GetValueOrDefault(g.Key, "–"), StringComparer.CurrentCulture)
            .Select(g => new Group(names.GetValueOrDefault(g.Key, "–"),
                [.. g.OrderBy(r => r.CaseNumber, StringComparer.Ordinal).ThenBy(r => r.CreatedAt)
                    .Select(r => new Item(r.Id, r.CaseNumber, r.Client, labels.Or(r.OutcomeCode), r.CreatedAt, !IsLead && r.CaseworkerId != user.UserId))]))];
        await audit.RecordAsync(AuditActions.Read, "OutcomesWithoutStartDate", rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), ct, serviceId: user.ServiceId);
    }
}
