using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;
using Xunit.Abstractions;

namespace Teilhabe.BrowserTests;

/// <summary>
/// PH-FDS-04 through the pages: the caseworker returns an FDS to FP5 because the client refuses, reviews on the
/// confirmation page everything beyond the written commission, confirms, and the case keeps only the commission.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PurgeJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();
    private static readonly string[] Topics = ["clarify-eligibility"];

    [Fact]
    [Trait("Rule", "PH-FDS-04")]
    public async Task PHFDS04_caseworker_reviews_everything_beyond_the_commission_on_the_confirmation_page_and_removes_it()
    {
        var user = browser.User(Roles.Caseworker);
        using var api = await browser.Factory.LoginAsync(user);
        var clientId = await CaseJourneyTests.CreateCompleteClientAsync(api);
        var ina = await FunderChangeJourneyTests.CreateFunderAsync(api, "Integrationsamt", "IntegrationOffice");
        using var created = await api.PostAsJsonAsync("/api/v1/cases", new { clientId, careTypeCode = "expert-statement", funderId = ina, legalBasisCode = "fds-ina" });
        var caseId = await created.ReadCreatedIdAsync();
        await UploadAsync(api, caseId, "WrittenCommission", "beauftragung.pdf");
        await UploadAsync(api, caseId, "Other", "gespraechsnotiz.pdf");
        using var lek = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/outcomes", new { outcomeCode = "qb-done" });
        var outcomeId = await lek.ReadCreatedIdAsync();
        using (var contact = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", new
        {
            occurredAt = DateTimeOffset.UtcNow.AddHours(-2),
            form = "personal",
            keywords = "Erstgespräch",
            participants = new[] { new { kind = "client", name = "Frau Beispiel" } },
            note = "Die Klientin lehnt die Mitwirkung ab.",
            topicCodes = Topics,
            outcomeIds = new[] { outcomeId },
        }))
        {
            await contact.ExpectAsync(HttpStatusCode.Created);
        }

        using (var goal = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/goals", new { goal = "Arbeitsplatz sichern", subGoals = "Stehhilfe", activities = "Antrag", dueDate = "2027-03-31", resources = "Technischer Dienst", responsible = "Fachkraft" }))
        {
            await goal.ExpectAsync(HttpStatusCode.Created);
        }

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, user);
        await page.GotoAsync($"/faelle/{caseId}/phase");
        await page.Locator("#Move_To").SelectOptionAsync("FP5");
        await page.Locator("#Move_ReasonCode").SelectOptionAsync("client-refuses");
        await page.GetByRole(AriaRole.Button, new() { Name = "Phase wechseln" }).ClickAsync();

        var review = page.Locator("section[aria-labelledby='bestaetigen']");
        await Assertions.Expect(review).ToContainTextAsync("Kontakt vom ");
        await Assertions.Expect(review).ToContainTextAsync("LEK „");
        await Assertions.Expect(review).ToContainTextAsync("Ziel „Arbeitsplatz sichern“");
        await Assertions.Expect(review).ToContainTextAsync("Dokument gespraechsnotiz.pdf");
        await Assertions.Expect(review).Not.ToContainTextAsync("beauftragung.pdf");
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        Assert.Equal("FP1", (await GetAsync(api, $"/api/v1/cases/{caseId}")).GetProperty("phase").GetString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Zurückgeben und endgültig löschen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("FP5");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        Assert.Equal("FP5", (await GetAsync(api, $"/api/v1/cases/{caseId}")).GetProperty("phase").GetString());
        Assert.Equal(0, (await GetAsync(api, $"/api/v1/cases/{caseId}/contacts")).GetArrayLength());
        Assert.Equal(0, (await GetAsync(api, $"/api/v1/cases/{caseId}/outcomes")).GetArrayLength());
        Assert.Equal(0, (await GetAsync(api, $"/api/v1/cases/{caseId}/goals")).GetArrayLength());
        await page.Context.CloseAsync();
    }

    private static async Task UploadAsync(HttpClient api, string caseId, string kind, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(kind), "kind");
        using var uploaded = await api.PostAsync($"/api/v1/cases/{caseId}/documents", form);
        await uploaded.ExpectAsync(HttpStatusCode.Created);
    }

    private static async Task<JsonElement> GetAsync(HttpClient api, string path)
    {
        using var response = await api.GetAsync(path);
        await response.ExpectAsync(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
