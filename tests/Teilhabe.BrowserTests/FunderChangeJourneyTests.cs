using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;
using Xunit.Abstractions;

namespace Teilhabe.BrowserTests;

/// <summary>
/// PH-P3-02 on the case page: a P3 InA Sicherung changes to a Rentenversicherung. First refused (the Endbericht
/// result is missing, PH-P4-02) with nothing changed, then done: the page lands on the new case with a message.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FunderChangeJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    [Fact]
    [Trait("Rule", "PH-P3-02")]
    public async Task Caseworker_changes_the_funder_of_a_P3_case_and_lands_on_the_new_case()
    {
        var user = browser.User(Roles.Caseworker);
        using var api = await browser.Factory.LoginAsync(user);
        var clientId = await CaseJourneyTests.CreateCompleteClientAsync(api);
        var ina = await CreateFunderAsync(api, "Integrationsamt", "IntegrationOffice");
        var drv = await CreateFunderAsync(api, "Deutsche Rentenversicherung", "PensionInsurance");
        var caseId = await CaseInP3Async(api, clientId, ina);

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, user);
        await page.GotoAsync($"/faelle/{caseId}/phase");
        var panel = page.Locator("section[aria-labelledby='auftraggeber-wechseln']");
        await Assertions.Expect(panel).ToContainTextAsync("neuen Auftrag");
        await page.Locator("#FunderChange_FunderId").SelectOptionAsync(drv);
        await page.Locator("#FunderChange_LegalBasisCode").SelectOptionAsync("reha-196");
        await page.Locator("#FunderChange_OutcomeCategoryCode").SelectOptionAsync("job-secured");
        await page.GetByRole(AriaRole.Button, new() { Name = "Auftrag abschließen und neuen Auftrag anlegen" }).ClickAsync();

        await Assertions.Expect(page.Locator("#fehler")).ToContainTextAsync("PH-P4-02");
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        var unchanged = await GetCaseAsync(api, caseId);
        Assert.Equal("P3", unchanged.GetProperty("phase").GetString());
        Assert.Equal(ina, unchanged.GetProperty("funderId").GetString());

        using (var result = await api.PatchAsJsonAsync($"/api/v1/cases/{caseId}", new { closingResult = "Arbeitsplatz gesichert; weitere Begleitung durch die Rentenversicherung." }))
        {
            await result.ExpectAsync(HttpStatusCode.OK);
        }

        await page.Locator("#FunderChange_FunderId").SelectOptionAsync(drv);
        await page.Locator("#FunderChange_LegalBasisCode").SelectOptionAsync("reha-196");
        await page.Locator("#FunderChange_OutcomeCategoryCode").SelectOptionAsync("job-secured");
        await page.GetByRole(AriaRole.Button, new() { Name = "Auftrag abschließen und neuen Auftrag anlegen" }).ClickAsync();

        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/faelle/{caseId}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("PH-P3-02");
        await Assertions.Expect(page.Locator("section[aria-labelledby='ueberblick']")).ToContainTextAsync("Deutsche Rentenversicherung");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        var closed = await GetCaseAsync(api, caseId);
        Assert.Equal("P4", closed.GetProperty("phase").GetString());
        Assert.Equal("funder-changed", closed.GetProperty("closingReasonCode").GetString());
        await page.Context.CloseAsync();
    }

    internal static async Task<string> CreateFunderAsync(HttpClient api, string name, string kind)
    {
        using var response = await api.PostAsJsonAsync("/api/v1/funders", new { name = name + " " + Guid.NewGuid().ToString("N")[..6], kind });
        return await response.ReadCreatedIdAsync();
    }

    /// <summary>An InA Sicherung with Merkblatt, notice, proof and Zielvereinbarung, moved P1 → P3 (PH-P3-01).</summary>
    internal static async Task<string> CaseInP3Async(HttpClient api, string clientId, string funderId)
    {
        using var created = await api.PostAsJsonAsync("/api/v1/cases", new { clientId, careTypeCode = "retention", funderId, legalBasisCode = "sgb9-185-2", caseGroupCode = "support-need", referringBodyCode = "employer" });
        var caseId = await created.ReadCreatedIdAsync();
        var today = BrowserFixture.IsoDay();
        using (var notice = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/data-protection-notice", new { signedOn = today, version = "2026-01" }))
        {
            await notice.ExpectAsync(HttpStatusCode.OK);
        }

        foreach (var kind in new[] { "DataProtectionNotice", "DisabilityProof", "GoalAgreement" })
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Pdf);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", kind + ".pdf");
            form.Add(new StringContent(kind), "kind");
            using var uploaded = await api.PostAsync($"/api/v1/cases/{caseId}/documents", form);
            await uploaded.ExpectAsync(HttpStatusCode.Created);
        }

        using var moved = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/transitions", new { to = "P3" });
        await moved.ExpectAsync(HttpStatusCode.OK);
        return caseId;
    }

    private static async Task<JsonElement> GetCaseAsync(HttpClient api, string caseId)
    {
        using var response = await api.GetAsync($"/api/v1/cases/{caseId}");
        await response.ExpectAsync(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
