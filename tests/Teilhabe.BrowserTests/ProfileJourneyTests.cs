using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Teilhabe.TestSupport;
using Xunit.Abstractions;

namespace Teilhabe.BrowserTests;

/// <summary>
/// State profiles in the browser: a caseworker of an Integrationsamt under the example profile XX (4-week
/// documentation window, phone calls from 15 minutes, 8 MB per file, late after 3 working days) opens the contact
/// form, reads XX's numbers in its hints and none of Thuringia's, and a contact 5 weeks back is refused with XX's window.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProfileJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    [Trait("Rule", "CT-03")]
    public async Task CT03_the_contact_form_of_a_user_under_the_example_profile_states_its_numbers_not_THs()
    {
        var tenant = await TestTenant.CreateAsync(browser.Factory, withSecondService: false, state: TeilhabeFactory.ExampleProfile);
        var user = tenant.CaseworkerA;
        using var api = await browser.Factory.LoginAsync(user);
        var clientId = await CaseJourneyTests.CreateCompleteClientAsync(api);
        string caseId;
        using (var created = await api.PostAsJsonAsync("/api/v1/cases", new { clientId }))
        {
            caseId = await created.ReadCreatedIdAsync();
        }

        using (var lek = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/outcomes", new { outcomeCode = "qb-done" }))
        {
            await lek.ReadCreatedIdAsync();
        }

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, user);
        await page.GotoAsync($"/faelle/{caseId}/kontakte/neu");

        var when = page.Locator("#zeitpunkt-hinweis");
        await Assertions.Expect(when).ToContainTextAsync("Höchstens 4 Wochen zurück (CT-03)");
        await Assertions.Expect(when).ToContainTextAsync("später als 3 Arbeitstage nach dem Ereignis");
        await Assertions.Expect(page.Locator("#dauer-hinweis")).ToContainTextAsync("Ein Telefonat ab 15 Minuten");
        await Assertions.Expect(page.Locator("#dateien-hinweis")).ToContainTextAsync("Höchstens 8 MB je Datei");
        var form = page.Locator("main");
        foreach (var th in new[] { "6 Wochen", "5 Arbeitstage", "20 Minuten", "4 MB" })
        {
            await Assertions.Expect(form).Not.ToContainTextAsync(th);
        }

        await AccessibilityTests.AssertAccessibleAsync(page, output);

        // Five weeks back is within TH's six weeks but outside XX's four: refused, nothing saved, the form keeps the input.
        var fiveWeeksBack = BrowserFixture.Today.AddDays(-35).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T10:00";
        await page.Locator("#Entry_OccurredAt").FillAsync(fiveWeeksBack);
        await page.Locator("#Entry_Keywords").FillAsync("Beispielprofil-Kontakt");
        await page.Locator("input[name='Entry.Topics'][value='counselling-job']").CheckAsync();
        await page.Locator("input[name='Entry.Outcomes']").First.CheckAsync();
        await page.Locator("#Entry_Note").FillAsync("Fünf Wochen zurück.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kontakt speichern" }).ClickAsync();

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("das mehr als 4 Wochen zurückliegt");
        await Assertions.Expect(page.Locator("#Entry_Keywords")).ToHaveValueAsync("Beispielprofil-Kontakt");
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        await page.Context.CloseAsync();

        using var contacts = await api.GetAsync($"/api/v1/cases/{caseId}/contacts");
        Assert.Equal("[]", (await contacts.Content.ReadAsStringAsync()).Trim());
    }
}
