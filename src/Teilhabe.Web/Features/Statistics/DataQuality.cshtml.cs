using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Data;
using Teilhabe.Core.Time;

namespace Teilhabe.Web.Features.Statistics;

/// <summary>
/// Data quality for IFD-Leitung and InA-Koordination, per caseworker: open cases with missing statistical fields
/// (the one declared list <see cref="StatisticalFields"/>, PH-P3-01), LEK without start date (LEK-03) and late entries
/// (CT-02) in the chosen year. Shows counts and case numbers only, no personal data.
/// </summary>
[Authorize(Roles = Roles.ServiceLead + "," + Roles.IntegrationOfficeCoordinator)]
internal sealed class DataQualityModel(TeilhabeDbContext db, StatisticsService statistics, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "serviceId")]
    public Guid? ServiceId { get; set; }

    public List<(Guid Id, string Name)> Services { get; private set; } = [];
    public bool IsCoordinator => statistics.IsCoordinator;

    public sealed record CaseworkerRow(string CaseworkerId, string Name, List<(Guid CaseId, string CaseNumber, List<string> Missing)> IncompleteCases, int LeksWithoutStart, int LateContacts);

    public List<CaseworkerRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Services = await statistics.ServicesInScopeAsync(ct);
        if (!await statistics.InScopeAsync(ServiceId, ct))
        {
            return NotFound();
        }

        var today = clock.Today();
        Year ??= today.Year;
        if (Year is < 1990 or > 2999)
        {
            ModelState.AddModelError("year", "Das Jahr ist ungültig.");
            return Page();
        }

        var scopeIds = ServiceId is { } sid ? [sid] : Services.Select(s => s.Id).ToList();
        var cases = db.Cases.AsNoTracking().Where(c => scopeIds.Contains(c.ServiceId));

        // Open cases in P2, P3, FP1 or FP3, checked against the declared statistical fields.
        var open = await cases.Where(c => c.Phase == Phase.P2 || c.Phase == Phase.P3 || c.Phase == Phase.FP1 || c.Phase == Phase.FP3).ToListAsync(ct);
        var clientIds = open.Select(c => c.ClientId).Distinct().ToList();
        var clients = await db.Clients.AsNoTracking().AsSplitQuery()
            .Include(c => c.Evidence).Include(c => c.Disabilities).Include(c => c.Employment)
            .Where(c => clientIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var incomplete = open
            .Select(c => (Case: c, Missing: clients.TryGetValue(c.ClientId, out var cl) ? StatisticalFields.Missing(cl, c, today).Select(f => f.Label).ToList() : []))
            .Where(x => x.Missing.Count > 0)
            .ToList();

        var withoutStart = await (from o in db.Outcomes.AsNoTracking()
                                  join c in cases on o.CaseId equals c.Id
                                  where o.InvalidatedAt == null && o.StartDate == null
                                  group o by c.CaseworkerId into g
                                  select new { CaseworkerId = g.Key, N = g.Count() }).ToDictionaryAsync(x => x.CaseworkerId, x => x.N, ct);

        var start = new DateTimeOffset(Year.Value, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var end = start.AddYears(1);
        var late = await (from k in db.Contacts.AsNoTracking()
                          join c in cases on k.CaseId equals c.Id
                          where k.Late && k.CancelledAt == null && k.OccurredAt >= start && k.OccurredAt < end
                          group k by k.RecordedBy into g
                          select new { RecordedBy = g.Key, N = g.Count() }).ToDictionaryAsync(x => x.RecordedBy, x => x.N, ct);

        var ids = incomplete.Select(x => x.Case.CaseworkerId).Concat(withoutStart.Keys).Concat(late.Keys).Distinct().ToList();
        var names = await users.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Rows = [.. ids.Select(id => new CaseworkerRow(
                id,
                names.GetValueOrDefault(id) ?? "unbekannt",
                [.. incomplete.Where(x => x.Case.CaseworkerId == id).OrderBy(x => x.Case.CaseNumber, StringComparer.Ordinal).Select(x => (x.Case.Id, x.Case.CaseNumber, x.Missing))],
                withoutStart.GetValueOrDefault(id),
                late.GetValueOrDefault(id)))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture)];
        return Page();
    }
}
