using Teilhabe.Core.Accounts;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Data;

namespace Teilhabe.Web.Features.Cases;

/// <summary>
/// "May this user see this case?" — one place, used by pages and API (ACC-06, ACC-07, ACC-10). The tenant
/// filter already hides other IFDs; this decides within the IFD and for InA-Koordination.
/// </summary>
public sealed class CaseAccess(ICurrentUser user)
{
    public bool IsCoordinator => user.IsInRole(Roles.IntegrationOfficeCoordinator) && user.ServiceId is null;

    public bool IsLead(Case c) => user.IsInRole(Roles.ServiceLead) && user.ServiceId == c.ServiceId;

    /// <summary>The responsible caseworker and the case's deputies.</summary>
    public bool IsResponsible(Case c)
        => user.UserId is { } id && user.ServiceId == c.ServiceId && (c.CaseworkerId == id || c.Deputies.Any(d => d.UserId == id));

    public bool CanSee(Case c)
        => user.IsSystem || IsResponsible(c) || IsLead(c) || (IsCoordinator && user.IntegrationOfficeId == c.IntegrationOfficeId);

    /// <summary>Documenting on a case: the responsible caseworkers and the IFD lead; never InA or administrators.</summary>
    public bool CanEdit(Case c) => IsResponsible(c) || IsLead(c);

    /// <summary>ACC-07 / ACC-10: contact-level documents only for the responsible caseworkers; InA only released kinds.</summary>
    public bool CanSee(Case c, CaseDocument d)
    {
        if (d.ContactId is not null)
        {
            return IsResponsible(c);
        }

        return IsResponsible(c) || IsLead(c) || (IsCoordinator && d.IsReleasedToIntegrationOffice && user.IntegrationOfficeId == c.IntegrationOfficeId);
    }

    /// <summary>ACC-07: InA-Koordination sees released fields only — no free-text notes beyond the reports.</summary>
    public bool SeesInternalTexts(Case c) => CanEdit(c);

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

        return service is null
            ? cases.Where(_ => false)
            : cases.Where(c => c.ServiceId == service && (c.CaseworkerId == id || c.Deputies.Any(d => d.UserId == id)));
    }
}
