using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Data;
using Teilhabe.Core.Rules;
using Teilhabe.Core.Time;
using Teilhabe.Web.Features.Cases;

namespace Teilhabe.Web.Features.Staffing;

/// <summary>
/// Who stands in and who takes over (TR-03): absences with deputies, recorded by the caseworker or their IFD lead,
/// and the lead's bulk reassignment of open cases (TR-01 for many, all or nothing).
/// </summary>
internal sealed class StaffingService(TeilhabeDbContext db, ICurrentUser user, TimeProvider clock, AuditLog audit)
{
    public enum Refusal
    {
        None,
        NotFound,
        Forbidden,
    }

    public sealed record Person(string Id, string DisplayName);

    public sealed record AbsenceView(Absence Absence, string UserName, IReadOnlyList<string> DeputyNames);

    public DateOnly Today => clock.Today();

    public bool IsLead => user.IsInRole(Roles.ServiceLead) && user.ServiceId is not null;

    /// <summary>The active users of the caller's IFD who may carry cases or stand in (caseworkers, deputies, the lead).</summary>
    public async Task<IReadOnlyList<Person>> ColleaguesAsync(CancellationToken ct, params string[] roles)
    {
        if (user.ServiceId is not { } service)
        {
            return [];
        }

        roles = roles.Length > 0 ? roles : [Roles.Caseworker, Roles.Deputy, Roles.ServiceLead];
        var roleIds = db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id);
        var withRole = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return await db.Users.AsNoTracking()
            .Where(u => u.ServiceId == service && u.IsActive && withRole.Contains(u.Id))
            .OrderBy(u => u.DisplayName).Select(u => new Person(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    /// <summary>TR-03: the caller may record absences for themselves; the IFD lead for every user of the IFD.</summary>
    public async Task<Refusal> MayManageAbsencesOfAsync(string userId, CancellationToken ct)
    {
        if (user.ServiceId is not { } service || !await db.Users.AnyAsync(u => u.Id == userId && u.ServiceId == service, ct))
        {
            return Refusal.NotFound;
        }

        return userId == user.UserId || IsLead ? Refusal.None : Refusal.Forbidden;
    }

    public async Task<(Absence? Absence, IReadOnlyList<RuleViolation> Errors)> RecordAbsenceAsync(
        string userId, DateOnly? from, DateOnly? to, IReadOnlyList<string>? deputyUserIds, CancellationToken ct)
    {
        var colleagues = (await ColleaguesAsync(ct)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var (absence, errors) = Absence.Record(user.ServiceId!.Value, user.IntegrationOfficeId!.Value, userId, from, to,
            deputyUserIds ?? [], colleagues, Today, clock.GetUtcNow(), user.UserId);
        if (absence is null)
        {
            return (null, errors);
        }

        db.Absences.Add(absence);
        await db.SaveChangesAsync(ct);
        return (absence, []);
    }

    public async Task<IReadOnlyList<AbsenceView>> AbsencesOfAsync(string userId, CancellationToken ct)
        => await ViewsAsync(db.Absences.AsNoTracking().Include(a => a.Deputies).Where(a => a.UserId == userId), ct);

    /// <summary>The lead's view: the absences of the IFD that are running or still to come.</summary>
    public async Task<IReadOnlyList<AbsenceView>> AbsencesOfServiceAsync(CancellationToken ct)
    {
        var today = Today;
        var service = user.ServiceId;
        return await ViewsAsync(db.Absences.AsNoTracking().Include(a => a.Deputies).Where(a => a.ServiceId == service && a.To >= today), ct);
    }

    private async Task<IReadOnlyList<AbsenceView>> ViewsAsync(IQueryable<Absence> query, CancellationToken ct)
    {
        var absences = await query.OrderBy(a => a.From).ThenBy(a => a.UserId).ToListAsync(ct);
        var ids = absences.Select(a => a.UserId).Concat(absences.SelectMany(a => a.Deputies.Select(d => d.UserId))).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return [.. absences.Select(a => new AbsenceView(a, names.GetValueOrDefault(a.UserId, a.UserId),
            [.. a.Deputies.Select(d => names.GetValueOrDefault(d.UserId, d.UserId)).Order(StringComparer.CurrentCulture)]))];
    }

    /// <summary>The open cases of a caseworker of the caller's IFD (the lead's reassignment list).</summary>
    public async Task<List<Case>> OpenCasesOfAsync(string caseworkerId, CancellationToken ct)
    {
        var service = user.ServiceId;
        return await db.Cases.Include(c => c.Deputies)
            .Where(c => c.ServiceId == service && c.CaseworkerId == caseworkerId && c.ClosedOn == null)
            .OrderBy(c => c.CaseNumber).ToListAsync(ct);
    }

    /// <summary>
    /// TR-03 / TR-01 for many: the lead moves all (or the selected) open cases of one caseworker to a colleague of the
    /// same IFD. Every case is checked first; one refusal moves nothing. One audit row per case.
    /// </summary>
    public async Task<(int Moved, IReadOnlyList<RuleViolation> Errors)> ReassignAsync(
        string? fromCaseworkerId, string? toCaseworkerId, IReadOnlyList<Guid>? caseIds, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var caseworkers = (await ColleaguesAsync(ct, Roles.Caseworker)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var everybody = (await ColleaguesAsync(ct)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var service = user.ServiceId;
        if (string.IsNullOrWhiteSpace(fromCaseworkerId))
        {
            errors.Add(new(RuleIds.Input, "Bitte die Fachkraft wählen, deren Aufträge umverteilt werden.", "fromCaseworkerId"));
        }
        else if (!await db.Users.AnyAsync(u => u.Id == fromCaseworkerId && u.ServiceId == service, ct))
        {
            errors.Add(CoordinationRules.BulkFromOtherService());
        }

        if (string.IsNullOrWhiteSpace(toCaseworkerId))
        {
            errors.Add(new(RuleIds.Input, "Bitte die Fachkraft wählen, die die Aufträge übernimmt.", "toCaseworkerId"));
        }
        else if (!caseworkers.Contains(toCaseworkerId) || !everybody.Contains(toCaseworkerId))
        {
            errors.Add(CoordinationRules.BulkToInactiveOrOtherService());
        }
        else if (toCaseworkerId == fromCaseworkerId)
        {
            errors.Add(CoordinationRules.BulkSameCaseworker());
        }

        if (errors.Count > 0)
        {
            return (0, errors);
        }

        var open = await OpenCasesOfAsync(fromCaseworkerId!, ct);
        var chosen = open;
        if (caseIds is { Count: > 0 })
        {
            var byId = open.ToDictionary(c => c.Id);
            var foreign = caseIds.Where(id => !byId.ContainsKey(id)).ToList();
            if (foreign.Count > 0)
            {
                return (0, [CoordinationRules.BulkForeignCases(foreign.Count)]);
            }

            chosen = [.. caseIds.Distinct().Select(id => byId[id])];
        }

        if (chosen.Count == 0)
        {
            return (0, [CoordinationRules.BulkNothingOpen()]);
        }

        var now = clock.GetUtcNow();
        foreach (var @case in chosen)
        {
            // TR-01: no closing, no new Merkblatt, the phase stays; per-case deputies stay.
            @case.TransferWithinService(toCaseworkerId!, keepDeputies: true);
            audit.Stage("transfer", nameof(Case), @case.Id.ToString(), now, serviceId: @case.ServiceId, clientId: @case.ClientId, caseId: @case.Id,
                reason: $"TR-01 Umverteilung durch die Leitung von {fromCaseworkerId} an {toCaseworkerId}");
        }

        // One SaveChanges: every case moves, or (on any failure) none does.
        await db.SaveChangesAsync(ct);
        return (chosen.Count, []);
    }
}
