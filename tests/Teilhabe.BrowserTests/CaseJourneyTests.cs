using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;
using Xunit.Abstractions;

namespace Teilhabe.BrowserTests;

/// <summary>
/// A caseworker takes an InA Sicherung from P1 to P3 through the pages: create the case on the client page,
/// see everything missing at once (PH-GEN-01), sign the Merkblatt, upload notice, proof and Zielvereinbarung,
/// move to P3. Every step is scanned with axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    [Fact]
    [Trait("Rule", "PH-P3-01")]
    [Trait("Rule", "PH-GEN-01")]
    [Trait("Rule", "DOC-03")]
    public async Task Caseworker_takes_a_Sicherung_from_P1_to_P3_with_uploads()
    {
        var user = browser.User(Roles.Caseworker);
        using var api = await browser.Factory.LoginAsync(user);
        var clientId = await CreateCompleteClientAsync(api);
        string inaId;
        using (var funder = await api.PostAsJsonAsync("/api/v1/funders", new { name = "Integrationsamt " + Guid.NewGuid().ToString("N")[..6], kind = "IntegrationOffice" }))
        {
            inaId = await funder.ReadCreatedIdAsync();
        }

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, user);
        await page.GotoAsync($"/klienten/{clientId}");
        await page.GetByText("Neuen Auftrag anlegen").ClickAsync();
        await page.Locator("#NewCase_CareTypeCode").SelectOptionAsync("retention");
        // By id: other journeys add funders of other kinds to the same directory.
        await page.Locator("#NewCase_FunderId").SelectOptionAsync(inaId);
        await page.Locator("#NewCase_LegalBasisCode").SelectOptionAsync("sgb9-185-2");
        await page.Locator("#NewCase_CaseGroupCode").SelectOptionAsync("support-need");
        await page.Locator("#NewCase_ReferringBodyCode").SelectOptionAsync("employer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Auftrag anlegen" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/faelle/[0-9a-f-]+$"));

        // PH-GEN-01: everything missing for P3 is listed at once, with rule IDs, before trying.
        var missing = page.Locator("section[aria-labelledby='naechster-schritt']");
        await Assertions.Expect(missing).ToContainTextAsync("PH-P3-01");
        await Assertions.Expect(missing).ToContainTextAsync("Zielvereinbarung");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        var today = BrowserFixture.IsoDay();
        await BrowserFixture.OpenCaseSectionAsync(page, "Merkblatt und Abstimmungen");
        await page.Locator("#Notice_SignedOn").FillAsync(today);
        await page.Locator("#Notice_Version").SelectOptionAsync("2026-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unterschrift erfassen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToBeVisibleAsync();

        await BrowserFixture.OpenCaseSectionAsync(page, "Dokumente");
        foreach (var kind in new[] { "DataProtectionNotice", "DisabilityProof", "GoalAgreement" })
        {
            await page.Locator("#Upload_Kind").SelectOptionAsync(kind);
            await page.Locator("#Upload_Files").SetInputFilesAsync(new FilePayload { Name = kind + ".pdf", MimeType = "application/pdf", Buffer = Pdf });
            await page.GetByRole(AriaRole.Button, new() { Name = "Hochladen" }).ClickAsync();
            await Assertions.Expect(page.Locator("section[aria-labelledby='dokumente']")).ToContainTextAsync(kind + ".pdf");

            // DOC-03: the signed original stays in the IFD; the scan is to be deleted from the PC.
            await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("vom PC löschen");
        }

        await BrowserFixture.OpenCaseSectionAsync(page, "Phase und Auftraggeber");
        await page.Locator("#Move_To").SelectOptionAsync("P3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Phase wechseln" }).ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby='phase-wechseln']")).ToContainTextAsync("P3");
        await BrowserFixture.OpenCaseSectionAsync(page, "Phasenverlauf");
        await Assertions.Expect(page.Locator("section[aria-labelledby='phasenverlauf']")).ToContainTextAsync("P1");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        await page.GotoAsync("/faelle");
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("P3");
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_refused_phase_change_lists_every_violation_with_its_rule_and_saves_nothing()
    {
        var user = browser.User(Roles.Caseworker);
        using var api = await browser.Factory.LoginAsync(user);
        var clientId = await CreateCompleteClientAsync(api);
        using var created = await api.PostAsJsonAsync("/api/v1/cases", new { clientId });
        var caseId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, user);
        await page.GotoAsync($"/faelle/{caseId}/phase");
        await page.Locator("#Move_To").SelectOptionAsync("P2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Phase wechseln" }).ClickAsync();
        var summary = page.Locator("#fehler");
        await Assertions.Expect(summary).ToContainTextAsync("PH-P2-01");
        await Assertions.Expect(summary).ToContainTextAsync("Merkblatt");
        await Assertions.Expect(summary).ToContainTextAsync("Geplante Inhalte");
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        using var check = await api.GetAsync($"/api/v1/cases/{caseId}");
        Assert.Equal("P1", (await check.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phase").GetString());
        await page.Context.CloseAsync();
    }

    internal static async Task<string> CreateCompleteClientAsync(HttpClient api)
    {
        using var created = await api.PostAsJsonAsync("/api/v1/clients", new
        {
            lastName = "Sicherung" + Guid.NewGuid().ToString("N")[..6],
            firstName = "Sabine",
            birthDate = "1972-02-02",
            gender = "female",
            workingLifePosition = "employee",
        });
        var id = await created.ReadCreatedIdAsync();
        foreach (var (path, body) in new (string, object)[]
        {
            ("disability-evidence", new { kind = "Feststellungsbescheid", noticeDate = "2024-05-05", degree = 60 }),
            ("disabilities", new { categoryCode = "physical-organic", description = "Diabetes mellitus" }),
            ("employment-situations", new { kindCode = "employed", from = "2018-01-01" }),
        })
        {
            using var response = await api.PostAsJsonAsync($"/api/v1/clients/{id}/{path}", body);
            await response.ExpectAsync(System.Net.HttpStatusCode.Created);
        }

        return id;
    }
}
