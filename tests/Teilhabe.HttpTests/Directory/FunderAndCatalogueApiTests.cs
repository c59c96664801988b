using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Directory;

/// <summary>Funder directory (FU-04, FU-06) and catalogue maintenance (TOP-01) over the API.</summary>
public sealed class FunderAndCatalogueApiTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private static readonly string[] Groups = ["IntegrationOffice", "Rehabilitation", "JobPlacement"];

    [Fact]
    [Trait("Rule", "FU-04")]
    public async Task FU04_duplicate_search_runs_before_a_funder_is_created()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        using var created = await caseworker.PostAsJsonAsync("/api/v1/funders", new { name = "AOK PLUS – Die Gesundheitskasse", kind = "HealthInsurance" });
        var id = await created.ReadCreatedIdAsync();

        var hits = await caseworker.GetJsonAsync("/api/v1/funders/duplicates?name=AOK%20Plus");
        Assert.Contains(hits.EnumerateArray(), h => h.GetProperty("id").GetString() == id);
    }

    [Fact]
    [Trait("Rule", "FU-04")]
    public async Task FU04_an_LEK_funder_is_released_per_IFD_after_request_by_InA_coordination()
    {
        var tenant = await TestTenant.CreateAsync(factory);
        using var a = await factory.LoginAsync(tenant.CaseworkerA);
        using var b = await factory.LoginAsync(tenant.CaseworkerB!);
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        using var created = await a.PostAsJsonAsync("/api/v1/funders", new { name = factory.Unique("Barmer Erfurt"), kind = "HealthInsurance" });
        var id = await created.ReadCreatedIdAsync();

        using (var request = await a.PostAsync($"/api/v1/funders/{id}/release-requests", null))
        {
            await request.ExpectAsync(HttpStatusCode.Created);
            Assert.Equal("requested", (await request.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }

        Assert.False((await a.GetJsonAsync($"/api/v1/funders/{id}")).GetProperty("releasedForMyService").GetBoolean());

        using (var caseworkerRelease = await a.PostAsJsonAsync($"/api/v1/funders/{id}/releases", new { serviceId = tenant.ServiceA }))
        {
            await caseworkerRelease.ExpectAsync(HttpStatusCode.Forbidden);
        }

        using (var release = await coordinator.PostAsJsonAsync($"/api/v1/funders/{id}/releases", new { serviceId = tenant.ServiceA }))
        {
            await release.ExpectAsync(HttpStatusCode.Created);
        }

        Assert.True((await a.GetJsonAsync($"/api/v1/funders/{id}")).GetProperty("releasedForMyService").GetBoolean());
        Assert.False((await b.GetJsonAsync($"/api/v1/funders/{id}")).GetProperty("releasedForMyService").GetBoolean());
    }

    [Fact]
    [Trait("Rule", "FU-04")]
    public async Task FU04_InA_coordination_cannot_release_for_an_IFD_of_another_state()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var other = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var a = await factory.LoginAsync(tenant.CaseworkerA);
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        using var created = await a.PostAsJsonAsync("/api/v1/funders", new { name = factory.Unique("DAK"), kind = "HealthInsurance" });
        var id = await created.ReadCreatedIdAsync();
        using var release = await coordinator.PostAsJsonAsync($"/api/v1/funders/{id}/releases", new { serviceId = other.ServiceA });
        await release.ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    [Trait("Rule", "FU-06")]
    public async Task FU06_every_legal_basis_carries_its_Auftraggeber_group()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var legalBases = await caseworker.GetJsonAsync("/api/v1/catalogues/legal-bases");
        Assert.All(legalBases.EnumerateArray(), e => Assert.Contains(e.GetProperty("group").GetString(), Groups));
        Assert.Equal("IntegrationOffice", legalBases.EnumerateArray().Single(e => e.GetProperty("code").GetString() == "sgb9-185-2").GetProperty("group").GetString());
        Assert.Equal("Rehabilitation", legalBases.EnumerateArray().Single(e => e.GetProperty("code").GetString() == "reha-196").GetProperty("group").GetString());
    }

    [Theory]
    [InlineData("legal-bases")]
    [InlineData("care-types")]
    [InlineData("case-groups")]
    [InlineData("referring-bodies")]
    [InlineData("topics")]
    [InlineData("outcomes")]
    [InlineData("disability-categories")]
    [InlineData("employment-kinds")]
    [InlineData("closing-reasons")]
    [InlineData("outcome-categories")]
    [InlineData("form-versions")]
    public async Task Every_catalogue_of_the_contract_is_served_with_code_label_and_active(string name)
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var entries = await caseworker.GetJsonAsync($"/api/v1/catalogues/{name}");
        Assert.NotEqual(0, entries.GetArrayLength());
        Assert.All(entries.EnumerateArray(), e =>
        {
            Assert.False(string.IsNullOrEmpty(e.GetProperty("code").GetString()));
            Assert.False(string.IsNullOrEmpty(e.GetProperty("label").GetString()));
            Assert.Contains(e.GetProperty("active").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        });
        Assert.Contains(entries.EnumerateArray(), e => e.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Form_versions_carry_their_form_and_valid_from_and_TH_ships_2026_01()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var entries = (await caseworker.GetJsonAsync("/api/v1/catalogues/form-versions")).EnumerateArray().ToList();
        foreach (var form in new[] { "DataProtectionNotice", "GoalAgreement", "ConfidentialityRelease" })
        {
            var entry = entries.Single(e => e.GetProperty("form").GetString() == form);
            Assert.Equal("2026-01", entry.GetProperty("code").GetString());
            Assert.Equal("2026-01-01", entry.GetProperty("validFrom").GetString());
        }
    }

    [Fact]
    [Trait("Rule", "TOP-01")]
    public async Task TOP01_an_entry_in_use_can_only_be_retired_an_unused_one_can_be_deleted()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        using var admin = await factory.AdminClientAsync();
        var code = factory.Unique("testkategorie").ToLowerInvariant();
        using (var added = await admin.PostAsJsonAsync("/api/v1/catalogues/disability-categories", new { code, label = "Testkategorie" }))
        {
            await added.ExpectAsync(HttpStatusCode.Created);
        }

        var client = await caseworker.CreateClientAsync();
        using (var used = await caseworker.PostAsJsonAsync($"/api/v1/clients/{client}/disabilities", new { categoryCode = code, description = "Test" }))
        {
            await used.ExpectAsync(HttpStatusCode.Created);
        }

        using (var delete = await admin.DeleteAsync($"/api/v1/catalogues/disability-categories/{code}"))
        {
            await delete.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["TOP-01"], await delete.ReadViolatedRulesAsync());
        }

        using (var retire = await admin.PatchAsJsonAsync($"/api/v1/catalogues/disability-categories/{code}", new { active = false, label = "Testkategorie (alt)" }))
        {
            await retire.ExpectAsync(HttpStatusCode.OK);
            var entry = await retire.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(entry.GetProperty("active").GetBoolean());
            Assert.Equal(2, entry.GetProperty("version").GetInt32());
        }

        using (var retiredUse = await caseworker.PostAsJsonAsync($"/api/v1/clients/{client}/disabilities", new { categoryCode = code, description = "Noch einmal" }))
        {
            await retiredUse.ExpectAsync(HttpStatusCode.BadRequest);
        }

        var unused = factory.Unique("ungenutzt").ToLowerInvariant();
        using (var added = await admin.PostAsJsonAsync("/api/v1/catalogues/topics", new { code = unused, label = "Ungenutzt" }))
        {
            await added.ExpectAsync(HttpStatusCode.Created);
        }

        using var deleteUnused = await admin.DeleteAsync($"/api/v1/catalogues/topics/{unused}");
        await deleteUnused.ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Caseworkers_cannot_maintain_catalogues()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        using var response = await caseworker.PostAsJsonAsync("/api/v1/catalogues/topics", new { code = "x", label = "X" });
        await response.ExpectAsync(HttpStatusCode.Forbidden);
    }
}
