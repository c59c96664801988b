using Teilhabe.Core.Accounts;

namespace Teilhabe.TestSupport;

/// <summary>
/// One Integrationsamt with a Träger, IFD A (and optionally IFD B), and a user for each role of ACC-06.
/// Every tenant has unique names, so tests can share a factory.
/// </summary>
public sealed class TestTenant
{
    private TestTenant()
    {
    }

    public required string IntegrationOfficeId { get; init; }
    public required string ProviderId { get; init; }
    public required string ServiceA { get; init; }
    public string? ServiceB { get; init; }

    public required TestUser Coordinator { get; init; }
    public required TestUser LeadA { get; init; }
    public required TestUser CaseworkerA { get; init; }
    public required TestUser DeputyA { get; init; }
    public TestUser? LeadB { get; init; }
    public TestUser? CaseworkerB { get; init; }

    /// <summary>A tenant whose Integrationsamt lies in <paramref name="state"/> and so works under that state's profile.</summary>
    public static async Task<TestTenant> CreateAsync(TeilhabeFactory factory, bool withSecondService = true, string state = "TH")
    {
        var office = await factory.CreateOrganisationAsync("IntegrationOffice", factory.Unique("Integrationsamt"), state);
        var provider = await factory.CreateOrganisationAsync("Provider", factory.Unique("Träger"));
        var serviceA = await factory.CreateServiceAsync(provider, office, factory.Unique("IFD A"));
        var serviceB = withSecondService ? await factory.CreateServiceAsync(provider, office, factory.Unique("IFD B")) : null;
        return new TestTenant
        {
            IntegrationOfficeId = office,
            ProviderId = provider,
            ServiceA = serviceA,
            ServiceB = serviceB,
            Coordinator = await factory.CreateUserAsync(Roles.IntegrationOfficeCoordinator, officeId: office),
            LeadA = await factory.CreateUserAsync(Roles.ServiceLead, serviceA),
            CaseworkerA = await factory.CreateUserAsync(Roles.Caseworker, serviceA),
            DeputyA = await factory.CreateUserAsync(Roles.Deputy, serviceA),
            LeadB = serviceB is null ? null : await factory.CreateUserAsync(Roles.ServiceLead, serviceB),
            CaseworkerB = serviceB is null ? null : await factory.CreateUserAsync(Roles.Caseworker, serviceB),
        };
    }
}
