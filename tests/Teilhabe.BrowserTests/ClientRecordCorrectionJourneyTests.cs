using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;
using Xunit.Abstractions;

namespace Teilhabe.BrowserTests;

/// <summary>
/// CL-03 on the client page: a caseworker corrects a degree of disability and sees the new degree; removes a wrong
/// employment situation with a reason. The correction form and the removal step pass the axe scan.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClientRecordCorrectionJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    [Trait("Rule", "CL-03")]
    public async Task CL03_caseworker_corrects_a_degree_of_disability_and_removes_a_wrong_employment_situation()
    {
        var user = browser.User(Roles.Caseworker);
        using var api = await browser.Factory.LoginAsync(user);
        string clientId;
        using (var created = await api.PostAsJsonAsync("/api/v1/clients", new { lastName = "Korrektur" + Guid.NewGuid().ToString("N")[..6], firstName = "Karla", birthDate = "1979-07-07", gender = "female" }))
        {
            clientId = await created.ReadCreatedIdAsync();
        }

        using (var evidence = await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/disability-evidence", new { kind = "Feststellungsbescheid", noticeDate = "2025-04-01", degree = 30 }))
        {
            await evidence.ExpectAsync(System.Net.HttpStatusCode.Created);
        }

        using (var wrong = await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/employment-situations", new { kindCode = "old-age-pension", from = "2024-02-01" }))
        {
            await wrong.ExpectAsync(System.Net.HttpStatusCode.Created);
        }

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, user);
        await page.GotoAsync($"/klienten/{clientId}");
        var proofs = page.Locator("section[aria-labelledby='nachweis']");
        await proofs.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Korrigieren") }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Bescheid korrigieren");
        await Assertions.Expect(page.Locator("#Evidence_Degree")).ToHaveValueAsync("30");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        // A wrong degree is refused next to the field, and what was typed stays.
        await page.Locator("#Evidence_Degree").FillAsync("55");
        await page.GetByRole(AriaRole.Button, new() { Name = "Korrektur speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Evidence_Degree-fehler")).ToContainTextAsync("Zehnerschritten");
        await Assertions.Expect(page.Locator("#Evidence_Degree")).ToHaveValueAsync("55");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        await page.Locator("#Evidence_Degree").FillAsync("50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Korrektur speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("ist korrigiert");
        await Assertions.Expect(proofs.Locator("tbody tr").First).ToContainTextAsync("50");
        await Assertions.Expect(proofs).ToContainTextAsync("schwerbehindert");

        var timeline = page.Locator("section[aria-labelledby='beschaeftigung']");
        await timeline.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Entfernen") }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Beschäftigungssituation entfernen?");
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        await page.GetByRole(AriaRole.Button, new() { Name = "Eintrag endgültig entfernen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Reason-fehler")).ToContainTextAsync("Bitte begründen");
        await page.Locator("#Reason").FillAsync("Altersrente gehört zu einer anderen Person");
        await page.GetByRole(AriaRole.Button, new() { Name = "Eintrag endgültig entfernen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("ist entfernt");
        await Assertions.Expect(timeline.Locator("tbody tr")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("section[aria-labelledby='korrekturen']")).ToContainTextAsync("Altersrente gehört zu einer anderen Person");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        using var response = await api.GetAsync($"/api/v1/clients/{clientId}");
        var client = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(50, client.GetProperty("disabilityEvidence")[0].GetProperty("degree").GetInt32());
        Assert.Equal(0, client.GetProperty("employmentSituations").GetArrayLength());
        await page.Context.CloseAsync();
    }
}
