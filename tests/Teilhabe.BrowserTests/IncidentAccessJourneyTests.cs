using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;
using Xunit.Abstractions;

namespace Teilhabe.BrowserTests;

/// <summary>
/// ACC-08 through the pages: InA-Koordination sees no contact note on the timeline, opens an incident access with
/// its occasion on the case page, and then sees the note on the timeline.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IncidentAccessJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly string[] Topics = ["clarify-eligibility"];

    [Fact]
    [Trait("Rule", "ACC-08")]
    public async Task ACC08_coordinator_opens_an_incident_access_on_the_case_page_and_then_sees_the_note_on_the_timeline()
    {
        using var api = await browser.Factory.LoginAsync(browser.User(Roles.Caseworker));
        var clientId = await CaseJourneyTests.CreateCompleteClientAsync(api);
        var ina = await FunderChangeJourneyTests.CreateFunderAsync(api, "Integrationsamt", "IntegrationOffice");
        using var created = await api.PostAsJsonAsync("/api/v1/cases", new { clientId, careTypeCode = "retention", funderId = ina });
        var caseId = await created.ReadCreatedIdAsync();
        using var lek = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/outcomes", new { outcomeCode = "qb-done" });
        var outcomeId = await lek.ReadCreatedIdAsync();
        var note = "Arbeitgeber beschwert sich über Fehlzeiten " + Guid.NewGuid().ToString("N")[..6];
        using (var contact = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", new
        {
            occurredAt = DateTimeOffset.UtcNow.AddHours(-2),
            form = "personal",
            keywords = "Erstgespräch",
            participants = new[] { new { kind = "client", name = "Frau Beispiel" } },
            note,
            topicCodes = Topics,
            outcomeIds = new[] { outcomeId },
        }))
        {
            await contact.ExpectAsync(HttpStatusCode.Created);
        }

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, browser.User(Roles.IntegrationOfficeCoordinator));
        await page.GotoAsync($"/faelle/{caseId}/verlauf");
        await Assertions.Expect(page.Locator("#verlauf-liste")).ToContainTextAsync("Kontakt (persönlich)");
        await Assertions.Expect(page.Locator("#verlauf-liste")).Not.ToContainTextAsync(note);

        await page.GotoAsync($"/faelle/{caseId}");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Bereiche des Auftrags" }).GetByRole(AriaRole.Link, new() { Name = "Koordination" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/faelle/{caseId}/koordination$"));
        await Assertions.Expect(page.Locator("#einsicht-oeffnen")).ToHaveTextAsync("Anlassbezogene Einsicht öffnen");
        await page.GetByLabel("Anlass der Einsicht").FillAsync("Beschwerde des Arbeitgebers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Einsicht öffnen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("anlassbezogene Einsicht ist bis");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        await page.Locator($"a[href=\"/faelle/{caseId}/verlauf\"]").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/faelle/{caseId}/verlauf$"));
        await Assertions.Expect(page.Locator(".timeline-note")).ToContainTextAsync(note);
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        await page.Context.CloseAsync();
    }
}
