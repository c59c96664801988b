using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;
using Xunit.Abstractions;

namespace Teilhabe.BrowserTests;

/// <summary>
/// Correcting the record beyond contacts, through the pages: a case entered after the fact with its past start and
/// phase dates (CT-03), a wrong upload removed with a reason (DOC-06), an absence deputy working on the absent
/// caseworker's cases and deadlines (TR-03) and the lead's bulk reassignment of a leaving caseworker's cases
/// (TR-03, TR-01 for many), the last with and without JavaScript. Every new page is scanned with axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CorrectTheRecordJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    private static string German(int daysFromToday) => BrowserFixture.Today.AddDays(daysFromToday).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static ILocator Fact(IPage page, string term) => page.Locator("section[aria-labelledby='ueberblick'] dl.facts").Locator($"dt:text-is('{term}') + dd");

    private static async Task UploadAsync(IPage page, string kind, string fileName)
    {
        await page.Locator("#Upload_Kind").SelectOptionAsync(kind);
        await page.Locator("#Upload_Files").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Hochladen" }).ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby='dokumente'] table")).ToContainTextAsync(fileName);
    }

    /// <summary>A caseworker of IFD A with a fresh client; its cases are new to every list.</summary>
    private async Task<(TestUser User, string ClientId, string LastName)> CaseworkerWithClientAsync()
    {
        var user = await browser.Factory.CreateUserAsync(Roles.Caseworker, browser.Tenant.ServiceA);
        using var api = await browser.Factory.LoginAsync(user);
        var clientId = await CaseJourneyTests.CreateCompleteClientAsync(api);
        var client = await (await api.GetAsync($"/api/v1/clients/{clientId}")).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return (user, clientId, client.GetProperty("lastName").GetString()!);
    }

    /// <summary>A P2 case (PH-P2-02 lists it from the first day) prepared through the API.</summary>
    private static async Task<string> CaseInP2Async(HttpClient api, string clientId)
    {
        string id;
        using (var created = await api.PostAsJsonAsync("/api/v1/cases", new { clientId }))
        {
            id = await created.ReadCreatedIdAsync();
        }

        using (var notice = await api.PostAsJsonAsync($"/api/v1/cases/{id}/data-protection-notice", new { signedOn = BrowserFixture.IsoDay(), version = "2026-01" }))
        {
            await notice.ExpectAsync(System.Net.HttpStatusCode.OK);
        }

        foreach (var kind in new[] { "DataProtectionNotice", "DisabilityProof" })
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Pdf);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", kind + ".pdf");
            form.Add(new StringContent(kind), "kind");
            using var uploaded = await api.PostAsync($"/api/v1/cases/{id}/documents", form);
            await uploaded.ExpectAsync(System.Net.HttpStatusCode.Created);
        }

        using (var patched = await api.PatchAsJsonAsync($"/api/v1/cases/{id}", new { plannedContents = "Beratung zum Arbeitsplatzerhalt" }))
        {
            await patched.ExpectAsync(System.Net.HttpStatusCode.OK);
        }

        using (var moved = await api.PostAsJsonAsync($"/api/v1/cases/{id}/transitions", new { to = "P2" }))
        {
            await moved.ExpectAsync(System.Net.HttpStatusCode.OK);
        }

        return id;
    }

    private static async Task<string> CaseNumberAsync(HttpClient api, string caseId)
    {
        var json = await (await api.GetAsync($"/api/v1/cases/{caseId}")).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return json.GetProperty("caseNumber").GetString()!;
    }

    [Fact]
    [Trait("Rule", "CT-03")]
    public async Task CT03_a_case_entered_three_weeks_late_keeps_its_start_date_and_its_P2_date_two_weeks_back()
    {
        var (user, clientId, _) = await CaseworkerWithClientAsync();
        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, user);
        await page.GotoAsync($"/klienten/{clientId}");
        await page.GetByText("Neuen Auftrag anlegen").ClickAsync();
        await page.Locator("#NewCase_StartDate").FillAsync(BrowserFixture.IsoDay(-21));
        await page.GetByRole(AriaRole.Button, new() { Name = "Auftrag anlegen" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(CaseUrl());
        await Assertions.Expect(Fact(page, "Beginn")).ToHaveTextAsync(German(-21));
        await Assertions.Expect(Fact(page, "Phase seit")).ToHaveTextAsync(German(-21));

        // What P2 needs (PH-P2-01): the Merkblatt signed on the first day and uploaded, the proof, the planned contents.
        await BrowserFixture.OpenCaseSectionAsync(page, "Merkblatt und Abstimmungen");
        await page.Locator("#Notice_SignedOn").FillAsync(BrowserFixture.IsoDay(-21));
        await page.Locator("#Notice_Version").SelectOptionAsync("2026-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unterschrift erfassen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToBeVisibleAsync();
        await BrowserFixture.OpenCaseSectionAsync(page, "Dokumente");
        await UploadAsync(page, "DataProtectionNotice", "Merkblatt.pdf");
        await UploadAsync(page, "DisabilityProof", "Bescheid.pdf");
        await BrowserFixture.OpenCaseSectionAsync(page, "Angaben");
        await page.Locator("#Fields_PlannedContents").FillAsync("Beratung zum Erhalt des Arbeitsplatzes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Angaben speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToBeVisibleAsync();

        await BrowserFixture.OpenCaseSectionAsync(page, "Phase und Auftraggeber");
        await page.Locator("#Move_To").SelectOptionAsync("P2");
        await page.Locator("#Move_Date").FillAsync(BrowserFixture.IsoDay(-14));
        await page.GetByRole(AriaRole.Button, new() { Name = "Phase wechseln" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("P2");
        await BrowserFixture.OpenCaseSectionAsync(page, "Überblick");
        await Assertions.Expect(page.Locator("section[aria-labelledby='ueberblick'] dl.facts dt:text-is('Phase') + dd")).ToContainTextAsync("P2");
        await Assertions.Expect(Fact(page, "Beginn")).ToHaveTextAsync(German(-21));
        await Assertions.Expect(Fact(page, "Phase seit")).ToHaveTextAsync(German(-14));

        await BrowserFixture.OpenCaseSectionAsync(page, "Phasenverlauf");
        var history = page.Locator("section[aria-labelledby='phasenverlauf'] tbody tr");
        await Assertions.Expect(history).ToHaveCountAsync(2);
        await Assertions.Expect(history.Nth(0)).ToContainTextAsync(German(-21));
        await Assertions.Expect(history.Nth(0)).ToContainTextAsync("angelegt");
        await Assertions.Expect(history.Nth(1).Locator("td").First).ToContainTextAsync(German(-14));
        await Assertions.Expect(history.Nth(1)).ToContainTextAsync("P2");
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Rule", "DOC-06")]
    public async Task DOC06_a_wrong_upload_is_removed_with_a_reason_and_its_former_download_answers_404()
    {
        var (user, clientId, _) = await CaseworkerWithClientAsync();
        using var api = await browser.Factory.LoginAsync(user);
        string caseId;
        using (var created = await api.PostAsJsonAsync("/api/v1/cases", new { clientId }))
        {
            caseId = await created.ReadCreatedIdAsync();
        }

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, user);
        await page.GotoAsync($"/faelle/{caseId}/dokumente");
        await UploadAsync(page, "Other", "Bescheid-andere-Person.pdf");
        await UploadAsync(page, "Other", "Richtig.pdf");
        var documents = page.Locator("section[aria-labelledby='dokumente'] table");
        var download = await documents.GetByRole(AriaRole.Link, new() { Name = "Bescheid-andere-Person.pdf herunterladen" }).GetAttributeAsync("href");
        Assert.NotNull(download);
        var documentId = DocumentIdInLink().Match(download).Groups[1].Value;
        var before = await page.APIRequest.GetAsync(download);
        Assert.Equal(200, before.Status);

        await documents.GetByRole(AriaRole.Link, new() { Name = "Entfernen – Bescheid-andere-Person.pdf" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/faelle/{caseId}/dokumente/{documentId}/entfernen$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dokument entfernen?");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("Bescheid-andere-Person.pdf");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        // Without a reason nothing is removed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Dokument endgültig entfernen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#fehler")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dokument entfernen?");

        await page.GetByLabel("Grund der Entfernung").FillAsync("Bescheid einer anderen Person");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dokument endgültig entfernen" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/faelle/{caseId}/dokumente$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("ist entfernt");
        await Assertions.Expect(documents).ToContainTextAsync("Richtig.pdf");
        await Assertions.Expect(documents).Not.ToContainTextAsync("Bescheid-andere-Person.pdf");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        var after = await page.APIRequest.GetAsync(download);
        Assert.Equal(404, after.Status);
        using var viaApi = await api.GetAsync($"/api/v1/documents/{documentId}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, viaApi.StatusCode);
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Rule", "TR-03")]
    public async Task TR03_during_an_absence_the_deputy_sees_the_absent_caseworkers_cases_and_deadlines()
    {
        var (absent, clientId, lastName) = await CaseworkerWithClientAsync();
        var deputy = await browser.Factory.CreateUserAsync(Roles.Caseworker, browser.Tenant.ServiceA);
        string caseNumber;
        using (var api = await browser.Factory.LoginAsync(absent))
        {
            caseNumber = await CaseNumberAsync(api, await CaseInP2Async(api, clientId));
        }

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, absent);
        await page.Locator("nav.main-nav").GetByRole(AriaRole.Link, new() { Name = "Abwesenheiten", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/abwesenheiten$"));
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        await page.GetByLabel("Abwesend von").FillAsync(BrowserFixture.IsoDay());
        await page.GetByLabel("Abwesend bis (einschließlich)").FillAsync(BrowserFixture.IsoDay(7));
        await page.Locator($"#Form_DeputyUserIds_{deputy.Id}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Abwesenheit speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("ist erfasst");
        var row = page.Locator("section[aria-labelledby='liste'] tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(deputy.UserName);
        await Assertions.Expect(row).ToContainTextAsync(German(7));
        await Assertions.Expect(row).ToContainTextAsync("läuft");
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        await page.Context.CloseAsync();

        page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, deputy);
        await page.Locator("nav.main-nav").GetByRole(AriaRole.Link, new() { Name = "Aufträge", Exact = true }).ClickAsync();
        var cases = page.Locator("#ergebnisse table");
        await Assertions.Expect(cases).ToContainTextAsync(caseNumber);
        await Assertions.Expect(cases).ToContainTextAsync(lastName);
        await Assertions.Expect(cases).ToContainTextAsync(absent.UserName);

        // Found through the search as well: the client's file lists the case among those the deputy may see.
        await page.Locator("nav.main-nav").GetByRole(AriaRole.Link, new() { Name = "Klientinnen und Klienten", Exact = true }).ClickAsync();
        await page.GetByLabel("Name oder Geburtsdatum (TT.MM.JJJJ)").FillAsync(lastName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await page.Locator("#ergebnisse").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(lastName)) }).ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby='auftraege'] table")).ToContainTextAsync(caseNumber);

        await page.Locator("nav.main-nav").GetByRole(AriaRole.Link, new() { Name = "Wiedervorlagen", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/wiedervorlagen$"));
        var deadline = page.Locator("tbody tr", new() { HasText = caseNumber });
        await Assertions.Expect(deadline).ToHaveCountAsync(1);
        await Assertions.Expect(deadline).ToContainTextAsync("PH-P2-02");

        // Standing in means working on the case, too.
        await deadline.GetByRole(AriaRole.Link, new() { Name = caseNumber }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(caseNumber);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Phase wechseln" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Rule", "TR-03")]
    [Trait("Rule", "TR-01")]
    public Task TR03_the_lead_moves_every_open_case_of_a_leaving_caseworker_to_a_colleague_in_one_action()
        => ReassignAllAsync(javaScriptEnabled: true);

    [Fact]
    [Trait("Rule", "TR-03")]
    [Trait("Rule", "TR-01")]
    public Task TR03_the_lead_moves_every_open_case_of_a_leaving_caseworker_with_JavaScript_disabled()
        => ReassignAllAsync(javaScriptEnabled: false);

    private async Task ReassignAllAsync(bool javaScriptEnabled)
    {
        var (leaving, clientId, _) = await CaseworkerWithClientAsync();
        var colleague = await browser.Factory.CreateUserAsync(Roles.Caseworker, browser.Tenant.ServiceA);
        var caseIds = new List<string>();
        using (var api = await browser.Factory.LoginAsync(leaving))
        {
            foreach (var client in new[] { clientId, await CaseJourneyTests.CreateCompleteClientAsync(api) })
            {
                using var created = await api.PostAsJsonAsync("/api/v1/cases", new { clientId = client });
                caseIds.Add(await created.ReadCreatedIdAsync());
            }
        }

        var page = await browser.NewPageAsync(javaScriptEnabled, bypassCsp: javaScriptEnabled);
        await BrowserFixture.SignInAsync(page, browser.User(Roles.ServiceLead));
        await page.Locator("nav.main-nav").GetByRole(AriaRole.Link, new() { Name = "Aufträge umverteilen", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/faelle/umverteilen$"));
        await page.GetByLabel("Aufträge von").SelectOptionAsync(leaving.Id);
        await page.GetByRole(AriaRole.Button, new() { Name = "Offene Aufträge anzeigen" }).ClickAsync();
        var open = page.Locator("section[aria-labelledby='auftraege']");
        await Assertions.Expect(open.Locator("input[name='CaseIds']")).ToHaveCountAsync(2);
        foreach (var id in caseIds)
        {
            await Assertions.Expect(open.Locator($"#CaseIds_{id}")).ToBeCheckedAsync();
        }

        if (javaScriptEnabled)
        {
            await AccessibilityTests.AssertAccessibleAsync(page, output);
        }

        await page.GetByLabel("Übernehmende Fachkraft").SelectOptionAsync(colleague.Id);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ausgewählte Aufträge übergeben" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("2 Aufträge sind übergeben");
        await Assertions.Expect(page.Locator("section[aria-labelledby='auftraege']")).ToContainTextAsync("keine offenen Aufträge");

        foreach (var id in caseIds)
        {
            await page.GotoAsync($"/faelle/{id}");
            await Assertions.Expect(Fact(page, "Fachkraft")).ToContainTextAsync(colleague.UserName);
        }

        await page.Context.CloseAsync();
    }

    [GeneratedRegex("/faelle/[0-9a-f-]+$")]
    private static partial Regex CaseUrl();

    [GeneratedRegex("documentId=([0-9a-f-]+)")]
    private static partial Regex DocumentIdInLink();
}
