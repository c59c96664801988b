using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;
using Xunit.Abstractions;

namespace Teilhabe.BrowserTests;

/// <summary>
/// Correcting the record (CT-08) in the browser: a contact's note and topic are corrected and its history shows
/// both versions; a contact entered in the wrong case is cancelled and the LEK's end date moves back. Scanned with axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CorrectionJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly string[] Clarification = ["clarify-eligibility"];

    private static string German(DateOnly day) => day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static DateTimeOffset OnDay(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    private static async Task<(string CaseId, string OutcomeId)> CaseWithOutcomeAsync(HttpClient api)
    {
        var clientId = await CaseJourneyTests.CreateCompleteClientAsync(api);
        string caseId;
        using (var created = await api.PostAsJsonAsync("/api/v1/cases", new { clientId }))
        {
            caseId = await created.ReadCreatedIdAsync();
        }

        using var lek = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/outcomes", new { outcomeCode = "qb-done" });
        return (caseId, await lek.ReadCreatedIdAsync());
    }

    private static async Task<string> RecordAsync(HttpClient api, string caseId, DateTimeOffset at, string outcomeId, string note)
    {
        using var created = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", new
        {
            occurredAt = at,
            form = "personal",
            keywords = "Erstgespräch",
            participants = new[] { new { kind = "client", name = "Frau Beispiel" } },
            note,
            topicCodes = Clarification,
            outcomeIds = new[] { outcomeId },
        });
        return await created.ReadCreatedIdAsync();
    }

    [Fact]
    [Trait("Rule", "CT-08")]
    public async Task CT08_caseworker_corrects_note_and_topic_and_the_history_shows_both_versions()
    {
        var user = browser.User(Roles.Caseworker);
        using var api = await browser.Factory.LoginAsync(user);
        var (caseId, outcomeId) = await CaseWithOutcomeAsync(api);
        var contactId = await RecordAsync(api, caseId, DateTimeOffset.UtcNow.AddHours(-3), outcomeId, "Notiz mit Tippfehler");

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, user);
        await page.GotoAsync($"/faelle/{caseId}/verlauf");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Korrigieren, stornieren, Versionen") }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/kontakte/{contactId}$"));
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        await page.Locator("#Entry_Note").FillAsync("Notiz ohne Tippfehler");
        await page.Locator("input[name='Entry.Topics'][value='clarify-eligibility']").UncheckAsync();
        await page.Locator("input[name='Entry.Topics'][value='clarify-funder']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Korrektur speichern" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("ist korrigiert");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("korrigiert");
        var rows = page.Locator("table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Notiz mit Tippfehler");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Zielgruppe");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Notiz ohne Tippfehler");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("(aktuell)");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        await page.GotoAsync($"/faelle/{caseId}/verlauf");
        var list = page.Locator("#verlauf-liste");
        await Assertions.Expect(list).ToContainTextAsync("korrigiert");
        await Assertions.Expect(list).ToContainTextAsync("Notiz ohne Tippfehler");
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Rule", "CT-08")]
    [Trait("Rule", "LEK-02")]
    public async Task CT08_caseworker_cancels_a_contact_and_the_LEK_end_date_moves_back()
    {
        var user = browser.User(Roles.Caseworker);
        using var api = await browser.Factory.LoginAsync(user);
        var (caseId, outcomeId) = await CaseWithOutcomeAsync(api);
        var today = BrowserFixture.Today;
        await RecordAsync(api, caseId, OnDay(today.AddDays(-9)), outcomeId, "Erstes Gespräch");
        var wrong = await RecordAsync(api, caseId, OnDay(today.AddDays(-2)), outcomeId, "Gehört in einen anderen Auftrag");

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, user);
        await page.GotoAsync($"/faelle/{caseId}/lek");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync(German(today.AddDays(-2)));

        await page.GotoAsync($"/kontakte/{wrong}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kontakt stornieren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("CT-08");
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        await page.GetByLabel("Grund der Stornierung").FillAsync("im falschen Auftrag erfasst");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kontakt stornieren" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("ist storniert");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("storniert");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Kontakt stornieren" })).ToHaveCountAsync(0);
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        await page.GotoAsync($"/faelle/{caseId}/verlauf");
        await Assertions.Expect(page.Locator("#verlauf-liste")).ToContainTextAsync("storniert");
        await page.GotoAsync($"/faelle/{caseId}/lek");
        var table = page.Locator("table");
        await Assertions.Expect(table).ToContainTextAsync(German(today.AddDays(-9)));
        await Assertions.Expect(table).Not.ToContainTextAsync(German(today.AddDays(-2)));
        await page.Context.CloseAsync();
    }
}
