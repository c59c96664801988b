using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Data;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Time;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Deadlines;

namespace Teilhabe.Web.Features.Team;

/// <summary>
/// The IFD lead's team overview: per caseworker of the lead's IFD the open cases by phase, the overdue items of
/// the deadline list, the cases without a contact for the CT-05 gap and a current absence. The figures come from the
/// same queries as the case list and the deadline list they link to.
/// </summary>
internal sealed class TeamService(TeilhabeDbContext db, ICurrentUser user, CaseAccess access, DeadlineService deadlines, StateProfile profile, TimeProvider clock)
{
    public sealed record OpenCases(int P1, int P2, int P3, int Fds);

    public sealed record Member(string UserId, string DisplayName, OpenCases OpenCases, int Overdue, int WithoutContactFourWeeks, DateOnly? AbsentUntil);

    public bool IsLead => user.IsInRole(Roles.ServiceLead) && user.ServiceId is not null;

    public int ContactGapWeeks => profile.ContactGapWeeks;

    public async Task<IReadOnlyList<Member>> ListAsync(CancellationToken ct)
    {
        if (!IsLead)
        {
            return [];
        }

        var service = user.ServiceId!.Value;
        var caseworkerRole = await db.Roles.Where(r => r.Name == Roles.Caseworker).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var withRole = db.UserRoles.Where(ur => ur.RoleId == caseworkerRole).Select(ur => ur.UserId);
        var caseworkers = await db.Users.AsNoTracking()
            .Where(u => u.ServiceId == service && withRole.Contains(u.Id))
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);

        var visible = access.Visible(db.Cases.AsNoTracking()).Where(c => c.ServiceId == service);
        var byPhase = await visible.Where(c => c.ClosedOn == null)
            .GroupBy(c => new { c.CaseworkerId, c.Phase })
            .Select(g => new { g.Key.CaseworkerId, g.Key.Phase, Count = g.Count() })
            .ToListAsync(ct);
        var fds = await visible.OpenExpertStatements().GroupBy(c => c.CaseworkerId)
            .Select(g => new { CaseworkerId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.CaseworkerId, x => x.Count, ct);
        var cutoff = CaseQueries.ContactCutoff(clock.Today(), profile);
        var withoutContact = await visible.WithoutContactSince(db, cutoff).GroupBy(c => c.CaseworkerId)
            .Select(g => new { CaseworkerId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.CaseworkerId, x => x.Count, ct);
        var overdue = (await deadlines.ListForCountsAsync(new DeadlineService.Filter(ServiceId: service), ct))
            .Where(i => i.CaseId is not null && i.Status == DeadlineStatus.Overdue && i.CaseworkerId is not null)
            .GroupBy(i => i.CaseworkerId!).ToDictionary(g => g.Key, g => g.Count());

        var today = clock.Today();
        var absentUntil = (await db.Absences.AsNoTracking().Where(a => a.ServiceId == service && a.From <= today && a.To >= today)
                .Select(a => new { a.UserId, a.To }).ToListAsync(ct))
            .GroupBy(a => a.UserId).ToDictionary(g => g.Key, g => g.Max(a => a.To));

        int Phase(string id, Phase phase) => byPhase.Where(x => x.CaseworkerId == id && x.Phase == phase).Sum(x => x.Count);

        return
        [
            .. caseworkers.Select(c => new Member(
                c.Id,
                c.DisplayName,
                new OpenCases(Phase(c.Id, Core.Cases.Phase.P1), Phase(c.Id, Core.Cases.Phase.P2), Phase(c.Id, Core.Cases.Phase.P3), fds.GetValueOrDefault(c.Id)),
                overdue.GetValueOrDefault(c.Id),
                withoutContact.GetValueOrDefault(c.Id),
                absentUntil.TryGetValue(c.Id, out var until) ? until : null)),
        ];
    }
}
