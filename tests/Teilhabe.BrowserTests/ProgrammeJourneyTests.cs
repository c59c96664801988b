using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;
using Xunit.Abstractions;

namespace Teilhabe.BrowserTests;

/// <summary>
/// Programmes (issue 9): a trainer refers a client to an individual coaching programme, sees the information-talk
/// deadline overdue (PRG-TR-04) and sets the appointment; in a modular programme books hours and is refused beyond
/// the Einstiegsphase (PRG-LO-01). Every state is scanned with axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgrammeJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static async Task<string> CreatedIdAsync(HttpResponseMessage response, string property = "id")
    {
        await response.ExpectAsync(System.Net.HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty(property).GetString()!;
    }

    private async Task<(string ProgrammeId, string LastName, string ClientId, HttpClient Lead)> ProgrammeAsync(string template, string bodyKind)
    {
        var lead = await browser.Factory.LoginAsync(browser.User(Roles.ProgrammeLead));
        var body = await CreatedIdAsync(await lead.PostAsJsonAsync("/api/v1/funders", new { name = browser.Factory.Unique("Zuweisende Stelle"), kind = bodyKind }));
        var programmeId = await CreatedIdAsync(await lead.PostAsJsonAsync("/api/v1/programmes", new
        {
            name = browser.Factory.Unique(template == "coaching" ? "Einzelcoaching" : "Qualifizierung"),
            template,
            providerId = browser.Tenant.ProviderId,
            yearlyPlaces = 150,
            sites = new[] { new { name = "Innenstadt", places = 40 } },
            referringBodyIds = new[] { body },
        }));
        var lastName = "Becker" + Guid.NewGuid().ToString("N")[..6];
        var clientId = await CreatedIdAsync(await lead.PostAsJsonAsync("/api/v1/clients", new
        {
            lastName,
            firstName = "Laura",
            birthDate = "1999-06-14",
            gender = "female",
            address = new { street = "Domplatz 3", postalCode = "99084", city = "Erfurt" },
        }));
        return (programmeId, lastName, clientId, lead);
    }

    [Fact]
    [Trait("Rule", "PRG-TR-04")]
    [Trait("Rule", "PRG-TR-02")]
    public async Task Trainer_refers_a_client_to_coaching_sees_the_overdue_information_talk_and_sets_it()
    {
        var (programmeId, lastName, _, lead) = await ProgrammeAsync("coaching", "EmploymentAgency");
        using var _l = lead;
        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, browser.User(Roles.Trainer));

        await page.GotoAsync("/programme");
        await page.GetByRole(AriaRole.Link, new() { Name = "Einzelcoaching", Exact = false }).Last.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Einzelcoaching");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        await page.GetByLabel("Person").SelectOptionAsync(new SelectOptionValue { Label = $"{lastName}, Laura (14.06.1999)" });
        await page.GetByLabel("Rechtskreis").SelectOptionAsync("SGB3");
        await page.GetByLabel("Erstkontakt am").FillAsync(BrowserFixture.IsoDay(-8));
        await page.GetByRole(AriaRole.Button, new() { Name = "Zuweisung anlegen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(lastName);
        await Assertions.Expect(page.GetByText("PRG-TR-04", new() { Exact = false }).First).ToContainTextAsync("überfällig");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        await page.GetByLabel("Termin am").FillAsync(BrowserFixture.IsoDay(1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Termin speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Informationsgespräch ist eingetragen");
        await Assertions.Expect(page.GetByText("Keine Frist fällig.")).ToBeVisibleAsync();
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Rule", "PRG-LO-01")]
    public async Task Trainer_books_module_hours_and_is_refused_a_module_before_the_Einstiegsphase()
    {
        var (programmeId, _, clientId, lead) = await ProgrammeAsync("modular-qualification", "IntegrationAssistance");
        using var _l = lead;
        var programme = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programmeId}");
        var body = programme.GetProperty("referringBodyIds")[0].GetString();
        var participationId = await CreatedIdAsync(
            await lead.PostAsJsonAsync($"/api/v1/programmes/{programmeId}/referrals", new { clientId, referringBodyId = body, legalSphere = "SGB9", firstContactOn = BrowserFixture.IsoDay(-10) }),
            "participationId");
        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, browser.User(Roles.Trainer));
        await page.GotoAsync($"/teilnahmen/{participationId}");
        var booking = page.GetByRole(AriaRole.Form, new() { Name = "Stunden buchen" });

        await booking.GetByLabel("Modul", new() { Exact = true }).SelectOptionAsync("entry");
        await booking.GetByLabel("Stunden", new() { Exact = true }).FillAsync("8");
        await booking.GetByRole(AriaRole.Button, new() { Name = "Buchen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Die Stunden sind gebucht.");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        await booking.GetByLabel("Modul", new() { Exact = true }).SelectOptionAsync("qualification");
        await booking.GetByLabel("Datum", new() { Exact = true }).FillAsync(BrowserFixture.IsoDay(-20));
        await booking.GetByLabel("Stunden", new() { Exact = true }).FillAsync("4");
        await booking.GetByRole(AriaRole.Button, new() { Name = "Buchen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("PRG-LO-01");
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        await page.Context.CloseAsync();
    }
}
