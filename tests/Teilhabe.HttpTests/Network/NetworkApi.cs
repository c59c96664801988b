using System.Net.Http.Json;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Network;

/// <summary>
/// A network with two member organisations (Träger A with IFD A, Träger B with IFD B) and an outsider
/// (Träger C), plus a client of IFD A whose personal data must never reach a network answer for B or C.
/// </summary>
public sealed class NetworkWorld
{
    public const string LastName = "Wunderlich";
    public const string FirstName = "Annegret";
    public const string BirthDate = "1981-03-17";
    public const string Street = "Kastanienallee 12";
    public const string Phone = "0361 5557788";

    public required TestTenant Tenant { get; init; }
    public required string ProviderB { get; init; }
    public required string ProviderC { get; init; }
    public required TestUser CaseworkerB { get; init; }
    public required TestUser LeadB { get; init; }
    public required TestUser CaseworkerC { get; init; }
    public required string NetworkId { get; init; }
    public required string ClientId { get; init; }

    public static async Task<NetworkWorld> CreateAsync(TeilhabeFactory factory)
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var providerB = await factory.CreateOrganisationAsync("Provider", factory.Unique("Träger B"));
        var serviceB = await factory.CreateServiceAsync(providerB, tenant.IntegrationOfficeId, factory.Unique("IFD B"));
        var providerC = await factory.CreateOrganisationAsync("Provider", factory.Unique("Träger C"));
        var serviceC = await factory.CreateServiceAsync(providerC, tenant.IntegrationOfficeId, factory.Unique("IFD C"));

        using var leadA = await factory.LoginAsync(tenant.LeadA);
        var networkId = await leadA.CreateNetworkAsync(tenant.ProviderId);
        using (var added = await leadA.PostAsJsonAsync($"/api/v1/networks/{networkId}/members", new { organisationId = providerB }))
        {
            await added.ExpectAsync(System.Net.HttpStatusCode.Created);
        }

        using var caseworkerA = await factory.LoginAsync(tenant.CaseworkerA);
        using var created = await caseworkerA.PostAsJsonAsync("/api/v1/clients", new
        {
            lastName = LastName,
            firstName = FirstName,
            birthDate = BirthDate,
            gender = "female",
            nationality = "deutsch",
            address = new { street = Street, postalCode = "99428", city = "Nohra" },
            phone = Phone,
            workingLifePosition = "unemployed",
        });
        return new NetworkWorld
        {
            Tenant = tenant,
            ProviderB = providerB,
            ProviderC = providerC,
            CaseworkerB = await factory.CreateUserAsync(Roles.Caseworker, serviceB),
            LeadB = await factory.CreateUserAsync(Roles.ServiceLead, serviceB),
            CaseworkerC = await factory.CreateUserAsync(Roles.Caseworker, serviceC),
            NetworkId = networkId,
            ClientId = await created.ReadCreatedIdAsync(),
        };
    }
}

public static class NetworkApi
{
    public static async Task<string> CreateNetworkAsync(this HttpClient client, string coordinatorOrganisationId, string name = "Virtuelles Büro Test")
    {
        using var response = await client.PostAsJsonAsync("/api/v1/networks", new { name, region = "Mittelthüringen", coordinatorOrganisationId });
        return await response.ReadCreatedIdAsync();
    }

    public static async Task<string> CreatePotentialAsync(this HttpClient client, string networkId, int jobs = 2, string title = "Küchenhilfen Kantine")
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/networks/{networkId}/potentials",
            new { title, employerName = "Stadtwerke Erfurt", jobs, fundingSource = "Ausgleichsabgabe" });
        return await response.ReadCreatedIdAsync();
    }

    public static async Task<string> OfferAsync(this HttpClient client, string potentialId, string clientId)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/potentials/{potentialId}/candidates", new
        {
            clientId,
            skills = "Gastronomie, Lagerarbeit",
            wishes = "Vollzeit, Frühschicht",
            supportNeeds = "Einarbeitung mit Jobcoaching",
        });
        return await response.ReadCreatedIdAsync();
    }

    public static Task<HttpResponseMessage> MoveAsync(this HttpClient client, string potentialId, string stage)
        => client.PostAsJsonAsync($"/api/v1/potentials/{potentialId}/stage", new { stage });
}
