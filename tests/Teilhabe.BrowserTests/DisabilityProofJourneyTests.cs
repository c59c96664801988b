using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;
using Xunit.Abstractions;

namespace Teilhabe.BrowserTests;

/// <summary>
/// DIS-01/DIS-02 in one go: the caseworker uploads the Bescheid on the case page and records its data in the same form;
/// without the data nothing is stored, with it file and Bescheid are both there.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DisabilityProofJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    [Fact]
    [Trait("Rule", "DIS-01")]
    [Trait("Rule", "DIS-02")]
    public async Task Caseworker_uploads_a_Bescheid_and_records_its_data_in_one_form()
    {
        var user = browser.User(Roles.Caseworker);
        using var api = await browser.Factory.LoginAsync(user);
        string clientId;
        using (var created = await api.PostAsJsonAsync("/api/v1/clients", new { lastName = "Bescheid" + Guid.NewGuid().ToString("N")[..6], firstName = "Berit", birthDate = "1980-03-03", gender = "female" }))
        {
            clientId = await created.ReadCreatedIdAsync();
        }

        string caseId;
        using (var created = await api.PostAsJsonAsync("/api/v1/cases", new { clientId }))
        {
            caseId = await created.ReadCreatedIdAsync();
        }

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, user);
        await page.GotoAsync($"/faelle/{caseId}/dokumente");
        await page.Locator("#Upload_Kind").SelectOptionAsync("DisabilityProof");
        await page.Locator("#Upload_Files").SetInputFilesAsync(new FilePayload { Name = "bescheid.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Hochladen" }).ClickAsync();

        // Without the Bescheid's data nothing is stored, and the form names what is missing.
        await Assertions.Expect(page.Locator("#fehler")).ToContainTextAsync("Datum des Bescheids");
        Assert.Empty(await EvidenceAsync(api, clientId));
        await Assertions.Expect(page.Locator("section[aria-labelledby='dokumente'] table")).ToHaveCountAsync(0);

        await page.Locator("#Upload_Kind").SelectOptionAsync("DisabilityProof");
        await page.Locator("#Upload_Files").SetInputFilesAsync(new FilePayload { Name = "bescheid.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.Locator("#Upload_EvidenceKind").SelectOptionAsync("Feststellungsbescheid");
        await page.Locator("#Upload_NoticeDate").FillAsync("2025-06-02");
        await page.Locator("#Upload_EffectiveFrom").FillAsync("2025-01-01");
        await page.Locator("#Upload_Degree").FillAsync("50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hochladen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Bescheid vom 02.06.2025");
        await Assertions.Expect(page.Locator("section[aria-labelledby='dokumente']")).ToContainTextAsync("bescheid.pdf");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        var evidence = Assert.Single(await EvidenceAsync(api, clientId));
        Assert.Equal("2025-06-02", evidence.GetProperty("noticeDate").GetString());
        Assert.Equal("2025-01-01", evidence.GetProperty("effectiveFrom").GetString());
        Assert.Equal(50, evidence.GetProperty("degree").GetInt32());
        await page.Context.CloseAsync();
    }

    private static async Task<List<JsonElement>> EvidenceAsync(HttpClient api, string clientId)
    {
        using var response = await api.GetAsync($"/api/v1/clients/{clientId}");
        var client = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. client.GetProperty("disabilityEvidence").EnumerateArray()];
    }
}
