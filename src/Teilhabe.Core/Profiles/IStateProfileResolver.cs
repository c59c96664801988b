using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;

namespace Teilhabe.Core.Profiles;

/// <summary>
/// The profile that applies to a case, an IFD, an Integrationsamt or a user: each Integrationsamt works under the
/// profile of its <c>state</c>. An injected <see cref="StateProfile"/> is <see cref="ForCurrentUser"/>; use this
/// resolver where the record's Integrationsamt may differ from the caller's (administrator, background jobs).
/// </summary>
public interface IStateProfileResolver
{
    /// <summary>The deployment's default profile (<c>Teilhabe__Profile</c>), for callers without an Integrationsamt.</summary>
    StateProfile Default { get; }

    /// <summary>Every profile of the deployment.</summary>
    IReadOnlyList<StateProfile> All { get; }

    /// <summary>The profile of a state code; an unknown code gets the default.</summary>
    StateProfile ForState(string? code);

    /// <summary>The profile of an Integrationsamt (null: the default).</summary>
    StateProfile ForIntegrationOffice(Guid? integrationOfficeId);

    /// <summary>The profile of the signed-in user's Integrationsamt (administrator, anonymous, system: the default).</summary>
    StateProfile ForCurrentUser();

    /// <summary>The profile of a user's Integrationsamt (sign-in, password rules of a user created by the administrator).</summary>
    StateProfile ForUser(AppUser user);

    /// <summary>The profile of an IFD's Integrationsamt.</summary>
    Task<StateProfile> ForServiceAsync(Guid serviceId, CancellationToken ct = default);

    /// <summary>The profile of a case's Integrationsamt.</summary>
    Task<StateProfile> ForCaseAsync(Guid caseId, CancellationToken ct = default);
}

/// <summary>Looks the Integrationsamt's state up once per process (<see cref="StateProfileCatalog"/>).</summary>
public sealed class StateProfileResolver(StateProfileCatalog catalog, TeilhabeDbContext db, ICurrentUser currentUser) : IStateProfileResolver
{
    public StateProfile Default => catalog.Default;

    public IReadOnlyList<StateProfile> All => catalog.All;

    public StateProfile ForState(string? code) => catalog.ForState(code);

    public StateProfile ForIntegrationOffice(Guid? integrationOfficeId)
        => integrationOfficeId is { } id
            ? catalog.ForState(catalog.OfficeState(id, office => db.Organisations.IgnoreQueryFilters().AsNoTracking()
                .Where(o => o.Id == office).Select(o => o.State).FirstOrDefault()))
            : catalog.Default;

    public StateProfile ForCurrentUser() => currentUser.IsSystem ? catalog.Default : ForIntegrationOffice(currentUser.IntegrationOfficeId);

    public StateProfile ForUser(AppUser user)
    {
        if (user.IntegrationOfficeId is { } office)
        {
            return ForIntegrationOffice(office);
        }

        var viaService = user.ServiceId is { } service
            ? db.Services.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == service).Select(s => (Guid?)s.IntegrationOfficeId).FirstOrDefault()
            : null;
        return ForIntegrationOffice(viaService);
    }

    public async Task<StateProfile> ForServiceAsync(Guid serviceId, CancellationToken ct = default)
        => ForIntegrationOffice(await db.Services.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Id == serviceId).Select(s => (Guid?)s.IntegrationOfficeId).FirstOrDefaultAsync(ct));

    public async Task<StateProfile> ForCaseAsync(Guid caseId, CancellationToken ct = default)
        => ForIntegrationOffice(await db.Cases.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Id == caseId).Select(c => (Guid?)c.IntegrationOfficeId).FirstOrDefaultAsync(ct));
}
