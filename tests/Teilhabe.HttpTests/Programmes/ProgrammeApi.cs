using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.Core.Accounts;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Programmes;

/// <summary>Intent methods for programme tests: a provider's programme staff, referring bodies, programmes, referrals.</summary>
public static class ProgrammeApi
{
    public sealed record Staff(TestTenant Tenant, HttpClient Lead, HttpClient Trainer) : IDisposable
    {
        public void Dispose()
        {
            Lead.Dispose();
            Trainer.Dispose();
        }
    }

    public static async Task<Staff> ProgrammeStaffAsync(this TeilhabeFactory factory)
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var lead = await factory.LoginAsync(await factory.CreateUserAsync(Roles.ProgrammeLead, tenant.ServiceA));
        var trainer = await factory.LoginAsync(await factory.CreateUserAsync(Roles.Trainer, tenant.ServiceA));
        return new Staff(tenant, lead, trainer);
    }

    public static async Task<string> CreateFunderAsync(this HttpClient client, string kind, string name)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/funders", new { name, kind });
        return await response.ReadCreatedIdAsync();
    }

    public static async Task<string> CreateProgrammeAsync(this Staff staff, string template, int yearlyPlaces, params string[] referringBodyIds)
    {
        using var response = await staff.Lead.PostAsJsonAsync("/api/v1/programmes", new
        {
            name = template == "coaching" ? "Inklusionsinitiative" : "pass(t)genau",
            template,
            providerId = staff.Tenant.ProviderId,
            yearlyPlaces,
            sites = new[] { new { name = "Trier Innenstadt", places = 40 }, new { name = "Saarburg", places = 30 } },
            referringBodyIds,
        });
        return await response.ReadCreatedIdAsync();
    }

    public static Task<HttpResponseMessage> ReferAsync(this HttpClient client, string programmeId, string clientId, string referringBodyId, string legalSphere, DateOnly firstContactOn)
        => client.PostAsJsonAsync($"/api/v1/programmes/{programmeId}/referrals", new
        {
            clientId,
            referringBodyId,
            legalSphere,
            firstContactOn = firstContactOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });

    public static async Task<(string Id, string Status)> ReferOkAsync(this HttpClient client, string programmeId, string referringBodyId, string legalSphere, DateOnly firstContactOn)
    {
        var clientId = await client.CreateClientAsync();
        using var response = await client.ReferAsync(programmeId, clientId, referringBodyId, legalSphere, firstContactOn);
        await response.ExpectAsync(System.Net.HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("participationId").GetString()!, body.GetProperty("status").GetString()!);
    }

    public static Task<HttpResponseMessage> BookAsync(this HttpClient client, string participationId, string moduleCode, DateOnly date, decimal hours)
        => client.PostAsJsonAsync($"/api/v1/participations/{participationId}/bookings", new
        {
            moduleCode,
            date = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            hours,
        });
}
