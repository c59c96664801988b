using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Directory;

/// <summary>CL-01 data set and the shared directory of funders (FU-03) and institutions.</summary>
public sealed class DirectoryApiTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    [Trait("Rule", "CL-01")]
    public async Task CL01_the_client_data_set_is_stored_and_read_back_complete()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        using var created = await caseworker.PostAsJsonAsync("/api/v1/clients", new
        {
            lastName = "Öztürk",
            firstName = "Deniz",
            birthDate = "1990-07-14",
            gender = "diverse",
            nationality = "türkisch",
            address = new { street = "Juri-Gagarin-Ring 12", postalCode = "99084", city = "Erfurt" },
            phone = "0361 123456",
            email = "deniz@example.org",
            workingLifePosition = "unemployed",
            hearingImpaired = true,
        });
        var id = await created.ReadCreatedIdAsync();
        var client = await caseworker.GetJsonAsync($"/api/v1/clients/{id}");
        Assert.Equal("Öztürk", client.GetProperty("lastName").GetString());
        Assert.Equal("diverse", client.GetProperty("gender").GetString());
        Assert.Equal("türkisch", client.GetProperty("nationality").GetString());
        Assert.Equal("99084", client.GetProperty("address").GetProperty("postalCode").GetString());
        Assert.Equal("unemployed", client.GetProperty("workingLifePosition").GetString());
        Assert.True(client.GetProperty("hearingImpaired").GetBoolean());
    }

    [Fact]
    [Trait("Rule", "FU-03")]
    public async Task FU03_LEK_funders_are_kept_in_the_funder_directory_with_their_contact_persons()
    {
        var tenant = await TestTenant.CreateAsync(factory);
        using var a = await factory.LoginAsync(tenant.CaseworkerA);
        using var b = await factory.LoginAsync(tenant.CaseworkerB!);
        using var created = await a.PostAsJsonAsync("/api/v1/funders", new { name = factory.Unique("IKK classic"), kind = "HealthInsurance" });
        var id = await created.ReadCreatedIdAsync();
        using (var contact = await a.PostAsJsonAsync($"/api/v1/funders/{id}/contacts", new { name = "Frau Lindner", role = "Krankengeldfallmanagement", phone = "0361 999" }))
        {
            await contact.ExpectAsync(HttpStatusCode.Created);
        }

        // One directory per Integrationsamt: the other IFD of the state sees the same funder and its contacts.
        var seen = await b.GetJsonAsync($"/api/v1/funders/{id}");
        Assert.Equal("HealthInsurance", seen.GetProperty("kind").GetString());
        Assert.Equal("Frau Lindner", seen.GetProperty("contacts")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Institutions_are_shared_within_the_state_and_kinds_use_the_contract_names()
    {
        var tenant = await TestTenant.CreateAsync(factory);
        var other = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var a = await factory.LoginAsync(tenant.CaseworkerA);
        using var b = await factory.LoginAsync(tenant.CaseworkerB!);
        using var foreign = await factory.LoginAsync(other.CaseworkerA);
        var name = factory.Unique("Stadtwerke");
        using var created = await a.PostAsJsonAsync("/api/v1/institutions", new { name, kind = "employer", address = new { city = "Erfurt" } });
        var id = await created.ReadCreatedIdAsync();

        Assert.Equal("employer", (await b.GetJsonAsync($"/api/v1/institutions/{id}")).GetProperty("kind").GetString());
        using var hidden = await foreign.GetAsync($"/api/v1/institutions/{id}");
        await hidden.ExpectAsync(HttpStatusCode.NotFound);
        var duplicates = await b.GetJsonAsync($"/api/v1/institutions/duplicates?name={Uri.EscapeDataString(name)}");
        Assert.Contains(duplicates.EnumerateArray(), d => d.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Over_long_input_is_named_at_the_field_not_a_server_error()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        using var response = await caseworker.PostAsJsonAsync("/api/v1/institutions", new { name = new string('x', 500), kind = "employer" });
        await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True((await response.ReadProblemAsync()).GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    [Trait("Rule", "BA-IB-02")]
    public async Task BAIB02_a_Traeger_is_recorded_only_for_an_Inklusionsbetrieb()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        using (var employer = await caseworker.PostAsJsonAsync("/api/v1/institutions", new { name = factory.Unique("Bäckerei"), kind = "employer", providerId = tenant.ProviderId }))
        {
            await employer.ExpectAsync(HttpStatusCode.BadRequest);
            Assert.True((await employer.ReadProblemAsync()).GetProperty("errors").TryGetProperty("providerId", out _));
        }

        using var company = await caseworker.PostAsJsonAsync("/api/v1/institutions", new { name = factory.Unique("Inklusionsbetrieb"), kind = "inclusion-company", providerId = tenant.ProviderId });
        var id = await company.ReadCreatedIdAsync();
        Assert.Equal(tenant.ProviderId, (await caseworker.GetJsonAsync($"/api/v1/institutions/{id}")).GetProperty("providerId").GetString());
    }
}
