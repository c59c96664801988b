using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;
using Xunit.Abstractions;

namespace Teilhabe.BrowserTests;

/// <summary>
/// BA-SI-01 in the browser: InA-Koordination sees the pending request of a P3 InA Sicherung on /ina, objects with a
/// reason through the form, confirms on the review step that names the case and the consequence, and the caseworker
/// then reads the objection on the case page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ObjectionJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    [Trait("Rule", "BA-SI-01")]
    public async Task BASI01_coordinator_objects_on_ina_page_confirms_the_review_step_and_caseworker_sees_the_reason_on_the_case_page()
    {
        var caseworker = browser.User(Roles.Caseworker);
        using var api = await browser.Factory.LoginAsync(caseworker);
        var clientId = await CaseJourneyTests.CreateCompleteClientAsync(api);
        var ina = await FunderChangeJourneyTests.CreateFunderAsync(api, "Integrationsamt", "IntegrationOffice");
        var caseId = await FunderChangeJourneyTests.CaseInP3Async(api, clientId, ina);
        using var created = await api.GetAsync($"/api/v1/cases/{caseId}");
        var caseNumber = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString()!;
        var reason = "Keine Zuständigkeit des Integrationsamtes " + Guid.NewGuid().ToString("N")[..6];

        var coordinatorPage = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(coordinatorPage, browser.User(Roles.IntegrationOfficeCoordinator));
        await coordinatorPage.GotoAsync("/ina");
        var requests = coordinatorPage.Locator("section[aria-labelledby='antraege']");
        await Assertions.Expect(requests).ToContainTextAsync(caseNumber);
        await AccessibilityTests.AssertAccessibleAsync(coordinatorPage, output);
        await coordinatorPage.Locator($"#reason-{caseId}").FillAsync(reason);
        await coordinatorPage.Locator($"form:has(#reason-{caseId}) button[type=submit]").ClickAsync();

        // The review step: the case, the reason and the consequence; nothing is recorded before the confirmation.
        var review = coordinatorPage.Locator("section[aria-labelledby='bestaetigen']");
        await Assertions.Expect(review).ToContainTextAsync(caseNumber);
        await Assertions.Expect(review).ToContainTextAsync(reason);
        await Assertions.Expect(review).ToContainTextAsync("abmelden");
        await AccessibilityTests.AssertAccessibleAsync(coordinatorPage, output);
        using (var pending = await api.GetAsync($"/api/v1/cases/{caseId}"))
        {
            Assert.NotEqual("objected", (await pending.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("commissionStatus").GetString());
        }

        await coordinatorPage.GetByRole(AriaRole.Button, new() { Name = "Widerspruch endgültig erfassen" }).ClickAsync();
        await Assertions.Expect(coordinatorPage.GetByRole(AriaRole.Status).First).ToContainTextAsync("Widerspruch zu Auftrag");
        await Assertions.Expect(coordinatorPage.Locator($"#reason-{caseId}")).ToHaveCountAsync(0);
        await coordinatorPage.Context.CloseAsync();

        using var after = await api.GetAsync($"/api/v1/cases/{caseId}");
        Assert.Equal("objected", (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("commissionStatus").GetString());

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, caseworker);
        await page.GotoAsync($"/faelle/{caseId}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Widerspruch des Integrationsamtes");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(reason);
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        await page.Context.CloseAsync();
    }
}
