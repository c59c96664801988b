using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Data;
using Teilhabe.Core.Time;

namespace Teilhabe.Web.Features.Cases;

/// <summary>
/// "May this user see this case?" — one place, used by pages and API (ACC-06, ACC-07, ACC-10). The tenant
/// filter already hides other IFDs; this decides within the IFD and for InA-Koordination.
/// </summary>
internal sealed class CaseAccess(ICurrentUser user, TeilhabeDbContext db, TimeProvider clock)
{
    private readonly Dictionary<Guid, IncidentAccess?> _incidents = [];
    private HashSet<string>? _standingInFor;

    public bool IsCoordinator => user.IsInRole(Roles.IntegrationOfficeCoordinator) && user.ServiceId is null;

    public bool IsLead(Case c) => user.IsInRole(Roles.ServiceLead) && user.ServiceId == c.ServiceId;

    /// <summary>The responsible caseworker, the case's deputies and, during an absence, the absent caseworker's deputies (TR-03).</summary>
    public bool IsResponsible(Case c)
        => user.UserId is { } id && user.ServiceId == c.ServiceId
            && (c.CaseworkerId == id || c.Deputies.Any(d => d.UserId == id) || StandingInFor.Contains(c.CaseworkerId));

    /// <summary>TR-03: the caseworkers whose absence the user covers today (loaded once per request).</summary>
    public IReadOnlySet<string> StandingInFor => _standingInFor ??= LoadStandingInFor();

    private HashSet<string> LoadStandingInFor()
    {
        if (user.UserId is not { } id || user.ServiceId is not { } service)
        {
            return [];
        }

        var today = clock.Today();
        return db.Absences.AsNoTracking().CoveredBy(id, today).Where(a => a.ServiceId == service)
            .Select(a => a.UserId).ToHashSet(StringComparer.Ordinal);
    }

    public bool CanSee(Case c)
        => user.IsSystem || IsResponsible(c) || IsLead(c) || (IsCoordinator && user.IntegrationOfficeId == c.IntegrationOfficeId);

    /// <summary>Documenting on a case: the responsible caseworkers and the IFD lead; never InA or administrators.</summary>
    public bool CanEdit(Case c) => IsResponsible(c) || IsLead(c);

    /// <summary>ACC-07 / ACC-10: contact-level documents only for the responsible caseworkers; InA only released kinds.</summary>
    public bool CanSee(Case c, CaseDocument d)
    {
        if (HasIncidentAccess(c))
        {
            return true;
        }

        if (d.ContactId is not null)
        {
            return IsResponsible(c);
        }

        return IsResponsible(c) || IsLead(c) || (IsCoordinator && d.IsReleasedToIntegrationOffice && user.IntegrationOfficeId == c.IntegrationOfficeId);
    }

    /// <summary>ACC-07: InA-Koordination sees released fields only — no free-text notes beyond the reports.</summary>
    public bool SeesInternalTexts(Case c) => CanEdit(c);

    /// <summary>Contact notes and keywords: the editors, and InA-Koordination during an ACC-08 incident access.</summary>
    public bool SeesContactNotes(Case c) => CanEdit(c) || HasIncidentAccess(c);

    /// <summary>
    /// ACC-08: an active occasion-based access of this coordinator to this case. Loaded by
    /// <see cref="LoadIncidentAsync"/> (CaseService.GetAsync and the document download do it).
    /// </summary>
    public bool HasIncidentAccess(Case c) => ActiveIncident(c) is not null;

    public IncidentAccess? ActiveIncident(Case c)
        => IsCoordinator && _incidents.TryGetValue(c.Id, out var incident) && incident is not null && incident.IsActiveAt(clock.GetUtcNow()) ? incident : null;

    /// <summary>ACC-08 / ACC-09: the reason written with every read during an incident access — the access by id, its
    /// free-text reason stays in the access row (deleted with the case, DEL-01).</summary>
    public string? AuditReason(Case c) => ActiveIncident(c) is { } i ? $"ACC-08 Anlassbezogene Einsicht {i.Id}" : null;

    public async Task LoadIncidentAsync(Case c, CancellationToken ct)
    {
        if (!IsCoordinator || user.IntegrationOfficeId != c.IntegrationOfficeId)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var userId = user.UserId;
        var active = await db.IncidentAccesses.AsNoTracking()
            .Where(a => a.CaseId == c.Id && a.UserId == userId)
            .ToListAsync(ct);
        _incidents[c.Id] = active.Where(a => a.IsActiveAt(now)).OrderByDescending(a => a.ExpiresAt).FirstOrDefault();
    }

    /// <summary>Filter for lists: what the user may see of the cases the tenant filter lets through.</summary>
    public IQueryable<Case> Visible(IQueryable<Case> cases)
    {
        if (user.IsSystem)
        {
            return cases;
        }

        var id = user.UserId;
        var service = user.ServiceId;
        if (user.IsInRole(Roles.ServiceLead) && service is not null)
        {
            return cases.Where(c => c.ServiceId == service);
        }

        if (IsCoordinator)
        {
            var office = user.IntegrationOfficeId;
            return cases.Where(c => c.IntegrationOfficeId == office);
        }

        if (service is null)
        {
            return cases.Where(_ => false);
        }

        var absent = StandingInFor.ToList();
        return absent.Count == 0
            ? cases.Where(c => c.ServiceId == service && (c.CaseworkerId == id || c.Deputies.Any(d => d.UserId == id)))
            : cases.Where(c => c.ServiceId == service && (c.CaseworkerId == id || c.Deputies.Any(d => d.UserId == id) || absent.Contains(c.CaseworkerId)));
    }
}
