using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;
using Xunit.Abstractions;

namespace Teilhabe.BrowserTests;

/// <summary>
/// Issue 19: the participation actions done through the pages: job start and aftercare contact with the next aftercare
/// deadline (PRG-TR-07), the placement prospect counted in the outcome report (PRG-TR-08), the signed contract
/// (PRG-TR-04), the end of a participation (PRG-TR-05) and moving up from the waiting list (PRG-TR-01). Every state is
/// scanned with axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgrammeActionsJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    private static async Task<string> CreatedIdAsync(HttpResponseMessage response, string property = "id")
    {
        await response.ExpectAsync(System.Net.HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty(property).GetString()!;
    }

    private sealed record Setup(HttpClient Lead, string ProgrammeId, string ProgrammeName, string BodyId, string BodyName) : IDisposable
    {
        public void Dispose() => Lead.Dispose();
    }

    private async Task<Setup> CoachingAsync(int yearlyPlaces = 150)
    {
        var lead = await browser.Factory.LoginAsync(browser.User(Roles.ProgrammeLead));
        var bodyName = browser.Factory.Unique("Agentur für Arbeit");
        var body = await CreatedIdAsync(await lead.PostAsJsonAsync("/api/v1/funders", new { name = bodyName, kind = "EmploymentAgency" }));
        var name = browser.Factory.Unique("Einzelcoaching");
        var programmeId = await CreatedIdAsync(await lead.PostAsJsonAsync("/api/v1/programmes", new
        {
            name,
            template = "coaching",
            providerId = browser.Tenant.ProviderId,
            yearlyPlaces,
            sites = new[] { new { name = "Innenstadt", places = 40 } },
            referringBodyIds = new[] { body },
        }));
        return new(lead, programmeId, name, body, bodyName);
    }

    private static async Task<(string ParticipationId, string LastName)> ReferAsync(Setup s)
    {
        var lastName = "Krüger" + Guid.NewGuid().ToString("N")[..6];
        var clientId = await CreatedIdAsync(await s.Lead.PostAsJsonAsync("/api/v1/clients", new
        {
            lastName,
            firstName = "Jonas",
            birthDate = "1997-03-02",
            gender = "male",
            address = new { street = "Anger 1", postalCode = "99084", city = "Erfurt" },
        }));
        var id = await CreatedIdAsync(
            await s.Lead.PostAsJsonAsync($"/api/v1/programmes/{s.ProgrammeId}/referrals", new { clientId, referringBodyId = s.BodyId, legalSphere = "SGB3", firstContactOn = BrowserFixture.IsoDay(-2) }),
            "participationId");
        return (id, lastName);
    }

    [Fact]
    [Trait("Rule", "PRG-TR-07")]
    public async Task PRGTR07_trainer_records_a_job_start_and_an_aftercare_contact_and_sees_the_next_aftercare_deadline()
    {
        using var s = await CoachingAsync();
        var (participationId, _) = await ReferAsync(s);
        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, browser.User(Roles.Trainer));
        await page.GotoAsync($"/teilnahmen/{participationId}");
        await Assertions.Expect(page.GetByText("Die Nachbetreuung von teilnehmender Person und Betrieb beginnt mit dem Arbeitsbeginn", new() { Exact = false })).ToBeVisibleAsync();

        var job = page.GetByRole(AriaRole.Form, new() { Name = "Arbeitsbeginn" });
        await job.GetByLabel("Arbeitsbeginn am").FillAsync(BrowserFixture.IsoDay());
        await job.GetByLabel("Art").SelectOptionAsync("employment");
        await job.GetByRole(AriaRole.Button, new() { Name = "Arbeitsbeginn speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Arbeitsbeginn ist eingetragen");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        var aftercare = page.GetByRole(AriaRole.Form, new() { Name = "Kontakt der Nachbetreuung eintragen" });
        await aftercare.GetByLabel("Datum", new() { Exact = true }).FillAsync(BrowserFixture.IsoDay(-1));
        await aftercare.GetByLabel("Mit wem").SelectOptionAsync("employer");
        await aftercare.GetByRole(AriaRole.Button, new() { Name = "Kontakt eintragen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("PRG-TR-07");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        await aftercare.GetByLabel("Datum", new() { Exact = true }).FillAsync(BrowserFixture.IsoDay());
        await aftercare.GetByLabel("Mit wem").SelectOptionAsync("employer");
        await aftercare.GetByLabel("Form", new() { Exact = true }).SelectOptionAsync("personal");
        await aftercare.GetByLabel("Notiz").FillAsync("Gespräch mit dem Schichtleiter");
        await aftercare.GetByRole(AriaRole.Button, new() { Name = "Kontakt eintragen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Kontakt der Nachbetreuung ist eingetragen");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Kontakte der Nachbetreuung (PRG-TR-07)" })).ToContainTextAsync("Gespräch mit dem Schichtleiter");
        var nextEmployer = BrowserFixture.Today.AddMonths(1).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.GetByText("Nachbetreuung: nächster Kontakt (Betrieb)", new() { Exact = false })).ToContainTextAsync($"fällig am {nextEmployer}");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        await page.GetByRole(AriaRole.Link, new() { Name = $"Zurück zu {s.ProgrammeName}" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"PRG-TR-07: fällig am {nextEmployer}").First).ToBeVisibleAsync();
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Rule", "PRG-TR-08")]
    public async Task PRGTR08_trainer_sets_the_placement_prospect_and_the_outcome_report_on_the_programme_page_counts_it()
    {
        using var s = await CoachingAsync();
        var (participationId, _) = await ReferAsync(s);
        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, browser.User(Roles.Trainer));
        await page.GotoAsync($"/programme/{s.ProgrammeId}");
        var report = page.GetByRole(AriaRole.Table, new() { Name = "Eintritte, Vermittlungen und Vermittlungsperspektive (PRG-TR-08)" });
        var row = report.GetByRole(AriaRole.Row).Filter(new() { HasText = s.BodyName });
        await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("0");

        await page.GotoAsync($"/teilnahmen/{participationId}");
        var prospect = page.GetByRole(AriaRole.Form, new() { Name = "Vermittlungsperspektive" });
        await prospect.GetByLabel("Vermittlung innerhalb von 12 Monaten zu erwarten").CheckAsync();
        await prospect.GetByLabel("Eingeschätzt am").FillAsync(BrowserFixture.IsoDay());
        await prospect.GetByRole(AriaRole.Button, new() { Name = "Einschätzung speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Vermittlungsperspektive ist gespeichert");
        await Assertions.Expect(page.GetByText("Vermittlung innerhalb von 12 Monaten zu erwarten", new() { Exact = false }).First).ToBeVisibleAsync();
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        await page.GetByRole(AriaRole.Link, new() { Name = $"Zurück zu {s.ProgrammeName}" }).ClickAsync();
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("1");
        await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("1");
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Rule", "PRG-TR-04")]
    [Trait("Rule", "PRG-TR-05")]
    [Trait("Rule", "PRG-TR-01")]
    public async Task PRGTR05_PRGTR01_lead_uploads_the_contract_ends_a_participation_and_moves_the_first_of_the_waiting_list_up()
    {
        using var s = await CoachingAsync(yearlyPlaces: 1);
        var (active, _) = await ReferAsync(s);
        var (_, waitingName) = await ReferAsync(s);
        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, browser.User(Roles.ProgrammeLead));
        await page.GotoAsync($"/programme/{s.ProgrammeId}");
        await Assertions.Expect(page.GetByText("Kein Platz frei", new() { Exact = false })).ToBeVisibleAsync();

        await page.GotoAsync($"/teilnahmen/{active}");
        var contract = page.GetByRole(AriaRole.Form, new() { Name = "Teilnahmevertrag" });
        await contract.GetByLabel("Unterschrieben am").FillAsync(BrowserFixture.IsoDay(-1));
        await contract.GetByLabel("Datei des Vertrags").SetInputFilesAsync(new FilePayload { Name = "teilnahmevertrag.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await contract.GetByRole(AriaRole.Button, new() { Name = "Vertrag hochladen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Teilnahmevertrag ist gespeichert");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "teilnahmevertrag.pdf herunterladen" })).ToBeVisibleAsync();
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        var end = page.GetByRole(AriaRole.Form, new() { Name = "Teilnahme beenden" });
        await end.GetByLabel("Grund", new() { Exact = true }).SelectOptionAsync("other");
        await end.GetByRole(AriaRole.Button, new() { Name = "Teilnahme beenden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("PRG-TR-05");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        await end.GetByLabel("Grund", new() { Exact = true }).SelectOptionAsync("dropout");
        await end.GetByRole(AriaRole.Button, new() { Name = "Teilnahme beenden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Teilnahme ist beendet");
        await Assertions.Expect(page.GetByText("Abbruch durch die teilnehmende Person", new() { Exact = false })).ToBeVisibleAsync();
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        await page.GetByRole(AriaRole.Link, new() { Name = $"Zurück zu {s.ProgrammeName}" }).ClickAsync();
        await Assertions.Expect(page.GetByText(waitingName, new() { Exact = false }).First).ToBeVisibleAsync();
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        await page.GetByRole(AriaRole.Button, new() { Name = "Nachrücken lassen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("nachgerückt");
        await Assertions.Expect(page.GetByText("Niemand steht auf der Warteliste.")).ToBeVisibleAsync();
        var participations = page.GetByRole(AriaRole.Table, new() { Name = "Teilnahmen", Exact = false }).First;
        await Assertions.Expect(participations.GetByRole(AriaRole.Row).Filter(new() { HasText = waitingName })).ToContainTextAsync("aktiv");
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        await page.Context.CloseAsync();
    }
}
