using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;
using Xunit.Abstractions;

namespace Teilhabe.BrowserTests;

/// <summary>
/// Issue 10: member A records a potential, member B (another Träger) moves it to "Lösung entwickelt", the coordinating
/// Integrationsamt sees it on the report. Every network page on the way is scanned with axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NetworkJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    [Trait("Rule", "NET-02")]
    public async Task Member_records_a_potential_another_member_moves_it_and_the_coordinator_sees_it_on_the_report()
    {
        var factory = browser.Factory;
        var coordinator = browser.User(Roles.IntegrationOfficeCoordinator);
        var memberA = browser.User(Roles.Caseworker);
        var providerB = await factory.CreateOrganisationAsync("Provider", factory.Unique("Werkstatt B"));
        var serviceB = await factory.CreateServiceAsync(providerB, coordinator.IntegrationOfficeId!, factory.Unique("IFD B"));
        var memberB = await factory.CreateUserAsync(Roles.Caseworker, serviceB);
        string networkId;
        using (var api = await factory.LoginAsync(coordinator))
        {
            using var created = await api.PostAsJsonAsync("/api/v1/networks", new { name = factory.Unique("Virtuelles Büro"), region = "Mittelthüringen", coordinatorOrganisationId = coordinator.IntegrationOfficeId });
            networkId = await created.ReadCreatedIdAsync();
            var providerA = await ProviderOfAsync(factory, memberA);
            foreach (var org in new[] { providerA, providerB })
            {
                using var added = await api.PostAsJsonAsync($"/api/v1/networks/{networkId}/members", new { organisationId = org });
                await added.ExpectAsync(HttpStatusCode.Created);
            }
        }

        var title = factory.Unique("Hausmeisterdienst");
        var pageA = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(pageA, memberA);
        await pageA.GotoAsync("/netzwerke");
        await AccessibilityTests.AssertAccessibleAsync(pageA, output);
        await pageA.GotoAsync($"/netzwerke/{networkId}/potenziale/neu");
        await AccessibilityTests.AssertAccessibleAsync(pageA, output);
        await pageA.GetByLabel("Titel").FillAsync(title);
        await pageA.GetByLabel("Arbeitgeber").FillAsync("Wohnungsbau Weimar eG");
        await pageA.GetByLabel("Zahl der Arbeitsplätze").FillAsync("2");
        await pageA.GetByLabel("Finanzierung").FillAsync("Ausgleichsabgabe");
        await pageA.GetByRole(AriaRole.Button, new() { Name = "Potenzial speichern" }).ClickAsync();
        await Assertions.Expect(pageA.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(pageA.Locator("dl.facts")).ToContainTextAsync("Potenzial erkannt");
        await AccessibilityTests.AssertAccessibleAsync(pageA, output);
        await pageA.Context.CloseAsync();

        var pageB = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(pageB, memberB);
        await pageB.GotoAsync($"/netzwerke/{networkId}");
        await AccessibilityTests.AssertAccessibleAsync(pageB, output);
        await pageB.GetByLabel($"Neue Stufe für „{title}“").SelectOptionAsync("solution");
        await pageB.GetByRole(AriaRole.Button, new() { Name = "Stufe ändern" }).ClickAsync();
        await Assertions.Expect(pageB.GetByRole(AriaRole.Status)).ToContainTextAsync("Lösung entwickelt");
        await Assertions.Expect(pageB.Locator("section[aria-labelledby='stufe-solution']")).ToContainTextAsync(title);
        await pageB.Context.CloseAsync();

        var pageC = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(pageC, coordinator);
        await pageC.GotoAsync($"/netzwerke/{networkId}/bericht");
        var total = pageC.Locator("section[aria-labelledby='bericht-0']");
        await Assertions.Expect(total.GetByRole(AriaRole.Row, new() { Name = "Lösung entwickelt" })).ToContainTextAsync("1");
        await Assertions.Expect(total.GetByRole(AriaRole.Row, new() { Name = "Potenzial erkannt" })).ToContainTextAsync("0");
        await AccessibilityTests.AssertAccessibleAsync(pageC, output);
        await pageC.Context.CloseAsync();
    }

    private static async Task<string> ProviderOfAsync(TeilhabeFactory factory, TestUser user)
    {
        using var admin = await factory.AdminClientAsync();
        using var response = await admin.GetAsync("/api/v1/admin/services");
        await response.ExpectAsync(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var items = body.ValueKind == System.Text.Json.JsonValueKind.Array ? body : body.GetProperty("items");
        return items.EnumerateArray().First(s => s.GetProperty("id").GetString() == user.ServiceId).GetProperty("providerId").GetString()!;
    }
}
