using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.Core.Programmes;

namespace Teilhabe.Web.Features.Deadlines;

/// <summary>
/// Requests that wait for someone: REP-04 (a Sachstandsbericht requested by InA or a Reha-Träger, on the caseworker's
/// list) and BA-EXT-01 (an extension request awaiting InA-Koordination's decision, on the coordinator's list).
/// </summary>
internal sealed class RequestDeadlines(TeilhabeDbContext db) : IDeadlineSource
{
    public async Task<IReadOnlyList<DeadlineEntry>> CollectAsync(DeadlineContext context, CancellationToken ct)
    {
        var cases = context.Cases.ToDictionary(c => c.Id);
        var ids = cases.Keys.ToList();
        var entries = new List<DeadlineEntry>();
        if (!context.ForCoordinator)
        {
            var reports = await db.ReportRequests.AsNoTracking().Where(r => ids.Contains(r.CaseId) && r.FulfilledByReportId == null)
                .Select(r => new { r.CaseId, r.RequestedBy, r.DueDate }).ToListAsync(ct);
            entries.AddRange(reports.Select(r => new DeadlineEntry(cases[r.CaseId], "REP-04", $"Sachstandsbericht angefordert von {r.RequestedBy}", r.DueDate)
            {
                Link = $"/faelle/{r.CaseId}/berichte",
            }));
        }

        if (context.ForCoordinator || context.SingleCase)
        {
            var pending = await db.ExtensionRequests.AsNoTracking().Where(r => ids.Contains(r.CaseId) && r.Approved == null)
                .Select(r => new { r.CaseId, r.RequestedOn, r.CurrentEndDate, r.RequestedEndDate }).ToListAsync(ct);
            entries.AddRange(pending.Select(r => new DeadlineEntry(cases[r.CaseId], "BA-EXT-01",
                $"Verlängerungsantrag vom {r.RequestedOn:dd.MM.yyyy} bis {r.RequestedEndDate:dd.MM.yyyy} entscheiden",
                r.CurrentEndDate ?? cases[r.CaseId].PlannedEndDate ?? r.RequestedOn.AddDays(14))
            {
                Link = context.ForCoordinator ? "/ina" : null,
            }));
        }

        return entries;
    }
}

/// <summary>PRG-TR-04/05/06 of the participations a Trainer or ProgrammeLead works with (their provider's service).</summary>
internal sealed class ProgrammeDeadlineSource(TeilhabeDbContext db, ICurrentUser user) : IDeadlineSource
{
    public async Task<IReadOnlyList<DeadlineEntry>> CollectAsync(DeadlineContext context, CancellationToken ct)
    {
        if (context.SingleCase || !(user.IsInRole(Roles.Trainer) || user.IsInRole(Roles.ProgrammeLead)))
        {
            return [];
        }

        var participations = await db.Participations.AsNoTracking().Include(p => p.Plan)
            .Where(p => p.Status != ParticipationStatus.Ended).ToListAsync(ct);
        var clientIds = participations.Select(p => p.ClientId).Distinct().ToList();
        var names = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.LastName + ", " + c.FirstName, ct);
        return
        [
            .. participations.SelectMany(p => ProgrammeDeadlines.For(p, context.Today).Select(d =>
                new DeadlineEntry(null, d.Rule, $"{names.GetValueOrDefault(p.ClientId)}: {d.Label}", d.DueOn) { Link = $"/teilnahmen/{p.Id}" })),
        ];
    }
}
