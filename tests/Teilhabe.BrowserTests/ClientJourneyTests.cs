using Microsoft.Playwright;
using Teilhabe.Core.Accounts;
using Xunit.Abstractions;

namespace Teilhabe.BrowserTests;

/// <summary>
/// A caseworker creates a client, is warned of a duplicate (CL-02), records a Feststellungsbescheid (DIS-01/02),
/// two disabilities (DIS-03) and a future employment situation (EMP-01); every state is scanned with axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClientJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    [Trait("Rule", "CL-02")]
    [Trait("Rule", "DIS-03")]
    [Trait("Rule", "EMP-01")]
    public async Task Caseworker_creates_a_client_sees_the_duplicate_warning_and_records_notice_disabilities_and_future_job()
    {
        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, browser.User(Roles.Caseworker));
        var lastName = "Müller" + Guid.NewGuid().ToString("N")[..6];

        await FillClientAsync(page, lastName, "Jürgen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Prüfen und anlegen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(lastName);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Jürgen {lastName} ist angelegt.");

        // The same person again, spelled without umlauts: the duplicate warning comes before anything is saved.
        await FillClientAsync(page, lastName.Replace("ü", "ue", StringComparison.Ordinal), "Jurgen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Prüfen und anlegen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#dubletten")).ToContainTextAsync("Mögliche Dubletten");
        await Assertions.Expect(page.Locator("#dubletten")).ToContainTextAsync(lastName);
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        // Open the existing record from the warning instead of creating a second one.
        await page.Locator("#dubletten").GetByRole(AriaRole.Link, new() { Name = lastName, Exact = false }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(lastName);

        await page.GetByText("Bescheid erfassen").ClickAsync();
        await page.GetByLabel("Art des Bescheids").SelectOptionAsync("Feststellungsbescheid");
        await page.GetByLabel("Datum des Bescheids").FillAsync("2025-03-01");
        await page.GetByLabel("„Mit Wirkung ab“ (falls im Bescheid vermerkt)").FillAsync("2025-01-01");
        await page.GetByLabel("Grad der Behinderung (GdB, 20–100)").FillAsync("50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bescheid speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator("#nachweis")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("schwerbehindert", new() { Exact = true })).ToBeVisibleAsync();

        await AddDisabilityAsync(page, "mental", "Depressive Störung");
        await AddDisabilityAsync(page, "physical-orthopaedic", "Funktionsbehinderung der Wirbelsäule");
        var rows = page.Locator("section[aria-labelledby='behinderungen'] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("ja");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Als betreuungsrelevant markieren");

        await page.GetByText("Beschäftigungssituation hinzufügen").ClickAsync();
        await page.GetByLabel("Situation", new() { Exact = true }).SelectOptionAsync("employed");
        await page.GetByLabel("Ab (auch künftig: „voraussichtlich“)").FillAsync(BrowserFixture.Today.AddMonths(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Situation speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby='beschaeftigung'] tbody tr").First).ToContainTextAsync("voraussichtlich");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        await page.GetByRole(AriaRole.Link, new() { Name = "Stammdaten bearbeiten" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Stammdaten bearbeiten");
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Bad_input_is_named_at_the_field_and_nothing_is_saved()
    {
        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, browser.User(Roles.Caseworker));
        await page.GotoAsync("/klienten/neu");
        await page.GetByLabel("Vorname (Pflicht)").FillAsync("Ohne");
        await page.GetByLabel("Geburtsdatum (Pflicht)").FillAsync("2099-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Prüfen und anlegen" }).ClickAsync();

        await Assertions.Expect(page.Locator("#fehler")).ToContainTextAsync("Bitte den Nachnamen angeben.");
        await Assertions.Expect(page.Locator("#fehler")).ToContainTextAsync("Zukunft");
        await Assertions.Expect(page.GetByLabel("Vorname (Pflicht)")).ToHaveValueAsync("Ohne");
        await Assertions.Expect(page.Locator("#Form_LastName")).ToHaveAttributeAsync("aria-invalid", "true");
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        await page.Context.CloseAsync();
    }

    private static async Task FillClientAsync(IPage page, string lastName, string firstName)
    {
        await page.GotoAsync("/klienten/neu");
        await page.GetByLabel("Nachname (Pflicht)").FillAsync(lastName);
        await page.GetByLabel("Vorname (Pflicht)").FillAsync(firstName);
        await page.GetByLabel("Geburtsdatum (Pflicht)").FillAsync("1968-05-01");
        await page.GetByLabel("Geschlecht (Pflicht)").SelectOptionAsync("Male");
    }

    private static async Task AddDisabilityAsync(IPage page, string category, string description)
    {
        await page.GetByText("Behinderung hinzufügen").ClickAsync();
        await page.GetByLabel("Art der Beeinträchtigung").SelectOptionAsync(category);
        await page.GetByLabel("Beschreibung wie im Bescheid").FillAsync(description);
        await page.GetByRole(AriaRole.Button, new() { Name = "Behinderung speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = description, Exact = true })).ToBeVisibleAsync();
    }
}
