using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.Core.Network;

namespace Teilhabe.Web.Features.Network;

/// <summary>
/// Who acts for which organisation in a network (NET-01). A user of an IFD acts for the IFD's Träger (the Provider
/// organisation); InA-Koordination acts for its Integrationsamt. Networks are not tenant data: a network is visible to
/// the users of its member organisations and to administrators.
/// </summary>
internal sealed class NetworkAccess(TeilhabeDbContext db, ICurrentUser current)
{
    /// <summary>Roles that see networks at all.</summary>
    public static readonly string[] ReaderRoles = [Roles.Caseworker, Roles.Deputy, Roles.ServiceLead, Roles.IntegrationOfficeCoordinator, Roles.Administrator];

    /// <summary>Roles that work on potentials for their member organisation.</summary>
    public static readonly string[] WorkerRoles = [Roles.Caseworker, Roles.Deputy, Roles.ServiceLead, Roles.IntegrationOfficeCoordinator];

    /// <summary>Roles that speak for their organisation: create networks, invite and remove members.</summary>
    public static readonly string[] LeadRoles = [Roles.ServiceLead, Roles.IntegrationOfficeCoordinator];

    /// <summary>Roles of the owning IFD that offer clients and reveal them (NET-03).</summary>
    public static readonly string[] ClientRoles = [Roles.Caseworker, Roles.Deputy, Roles.ServiceLead];

    public const string ReaderRolesAttribute = Roles.Caseworker + "," + Roles.Deputy + "," + Roles.ServiceLead + "," + Roles.IntegrationOfficeCoordinator + "," + Roles.Administrator;

    private List<Guid>? _organisations;

    public bool IsAdministrator => current.IsInRole(Roles.Administrator);

    public bool IsWorker => WorkerRoles.Any(current.IsInRole);

    public bool IsLead => LeadRoles.Any(current.IsInRole);

    public bool IsInIntegrationOffice => current.IsInRole(Roles.IntegrationOfficeCoordinator);

    public bool IsClientWorker => ClientRoles.Any(current.IsInRole) && current.ServiceId is not null;

    public Guid? ServiceId => current.ServiceId;

    public string? UserId => current.UserId;

    /// <summary>The organisations the current user acts for.</summary>
    public async Task<IReadOnlyList<Guid>> OrganisationsAsync(CancellationToken ct)
    {
        if (_organisations is null)
        {
            var list = new List<Guid>();
            if (current.ServiceId is { } serviceId)
            {
                var provider = await db.Services.AsNoTracking().Where(s => s.Id == serviceId).Select(s => (Guid?)s.ProviderId).FirstOrDefaultAsync(ct);
                if (provider is { } p)
                {
                    list.Add(p);
                }
            }

            if (current.IsInRole(Roles.IntegrationOfficeCoordinator) && current.IntegrationOfficeId is { } office)
            {
                list.Add(office);
            }

            _organisations = list;
        }

        return _organisations;
    }

    public async Task<bool> CanSeeAsync(JobNetwork network, CancellationToken ct)
        => IsAdministrator || (ReaderRoles.Any(current.IsInRole) && network.HasAnyMember(await OrganisationsAsync(ct)));

    /// <summary>The member organisation the user acts for in this network, if any.</summary>
    public async Task<Guid?> MemberOrganisationAsync(JobNetwork network, CancellationToken ct)
        => IsWorker ? (await OrganisationsAsync(ct)).Where(network.HasMember).Select(o => (Guid?)o).FirstOrDefault() : null;

    public async Task<bool> IsCoordinatorAsync(JobNetwork network, CancellationToken ct)
        => IsLead && (await OrganisationsAsync(ct)).Contains(network.CoordinatorOrganisationId);

    /// <summary>NET-01: members invite members (a lead of any member organisation, or an administrator).</summary>
    public async Task<bool> CanInviteAsync(JobNetwork network, CancellationToken ct)
        => IsAdministrator || (IsLead && network.HasAnyMember(await OrganisationsAsync(ct)));

    /// <summary>NET-01: the coordinator removes members; a member's lead may take the own organisation out.</summary>
    public async Task<bool> CanRemoveAsync(JobNetwork network, Guid organisationId, CancellationToken ct)
        => IsAdministrator || await IsCoordinatorAsync(network, ct) || (IsLead && (await OrganisationsAsync(ct)).Contains(organisationId));
}
