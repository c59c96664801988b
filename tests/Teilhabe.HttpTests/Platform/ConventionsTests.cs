using System.Net;
using System.Text.Json;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Platform;

/// <summary>API.md "Conventions" beyond single features, and the BITV 2.0 accessibility statement.</summary>
public sealed class ConventionsTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    public async Task Fields_without_a_value_are_sent_as_null_not_left_out()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });

        var json = await caseworker.GetJsonAsync($"/api/v1/cases/{id}");

        Assert.True(json.TryGetProperty("funderId", out var funder), "funderId is missing");
        Assert.Equal(JsonValueKind.Null, funder.ValueKind);
        Assert.True(json.TryGetProperty("plannedEndDate", out var end), "plannedEndDate is missing");
        Assert.Equal(JsonValueKind.Null, end.ValueKind);
    }

    [Fact]
    public async Task The_accessibility_statement_is_public_and_offers_the_feedback_address()
    {
        using var client = factory.AnonymousClient();

        using var response = await client.GetAsync("/barrierefreiheit");

        await response.ExpectAsync(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Erklärung zur Barrierefreiheit", html);
        Assert.Contains("mailto:barrierefreiheit@teilhabe.invalid", html);
        Assert.Contains("Schlichtungsstelle", html);
    }
}
