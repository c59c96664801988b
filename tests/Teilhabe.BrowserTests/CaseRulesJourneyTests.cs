using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;
using Xunit.Abstractions;

namespace Teilhabe.BrowserTests;

/// <summary>
/// Issue 19 through the case page: REP-04 requests, the PH-FDS-06 confirmations, the BA-ST-01 outcome, BA-IB-01
/// before P3 and DOC-04 form versions with their templates — each done by clicking and typing, with axe scans.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseRulesJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    [Fact]
    [Trait("Rule", "REP-04")]
    public async Task REP04_InA_requests_a_Sachstandsbericht_the_caseworker_records_a_Reha_Traegers_and_both_are_on_the_deadline_list()
    {
        var user = browser.User(Roles.Caseworker);
        using var api = await browser.Factory.LoginAsync(user);
        var ina = await FunderChangeJourneyTests.CreateFunderAsync(api, "Integrationsamt", "IntegrationOffice");
        var caseId = await FunderChangeJourneyTests.CaseInP3Async(api, await CaseJourneyTests.CreateCompleteClientAsync(api), ina);

        var coordinator = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(coordinator, browser.User(Roles.IntegrationOfficeCoordinator));
        await coordinator.GotoAsync($"/faelle/{caseId}/berichte");
        await coordinator.Locator("#ReportRequest_DueDate").FillAsync(BrowserFixture.IsoDay(10));
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Bericht anfordern" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status).First).ToContainTextAsync("Fristenliste der Fachkraft");
        await AccessibilityTests.AssertAccessibleAsync(coordinator, output);
        await coordinator.Context.CloseAsync();

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, user);
        await page.GotoAsync($"/faelle/{caseId}");
        await BrowserFixture.OpenCaseSectionAsync(page, "Berichte und Ziele");
        var reports = page.Locator("section[aria-labelledby='berichte']");
        await Assertions.Expect(reports).ToContainTextAsync("InA-Koordination (");
        await page.Locator("#ReportRequest_DueDate").FillAsync(BrowserFixture.IsoDay(12));
        await page.GetByRole(AriaRole.Button, new() { Name = "Anforderung speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator("#fehler")).ToContainTextAsync("wer den Bericht anfordert");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        await page.Locator("#ReportRequest_RequestedBy").FillAsync("Deutsche Rentenversicherung Mitteldeutschland");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anforderung speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("steht auf der Fristenliste");

        await page.GotoAsync("/wiedervorlagen");
        var rows = page.Locator("tr", new() { HasText = "REP-04" });
        await Assertions.Expect(rows.Filter(new() { HasText = "InA-Koordination" })).Not.ToHaveCountAsync(0);
        await Assertions.Expect(rows.Filter(new() { HasText = "Deutsche Rentenversicherung Mitteldeutschland" })).Not.ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Rule", "PH-FDS-06")]
    public async Task PHFDS06_caseworker_ticks_the_27_SchwbAV_confirmations_in_the_case_form_and_then_completes_the_recommendation_in_FP4()
    {
        var user = browser.User(Roles.Caseworker);
        using var api = await browser.Factory.LoginAsync(user);
        var ina = await FunderChangeJourneyTests.CreateFunderAsync(api, "Integrationsamt", "IntegrationOffice");
        var clientId = await CaseJourneyTests.CreateCompleteClientAsync(api);
        var main = await CreatedAsync(api, "/api/v1/cases", new { clientId, careTypeCode = "retention", funderId = ina, legalBasisCode = "sgb9-185-2" });
        var extra = await CreatedAsync(api, "/api/v1/cases", new { clientId, careTypeCode = "expert-statement", funderId = ina, legalBasisCode = "fds-27-schwbav", parentCaseId = main });
        await UploadAsync(api, extra, "ExpertStatement");

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, user);
        await page.GotoAsync($"/faelle/{extra}/phase");
        await page.Locator("#Move_To").SelectOptionAsync("FP4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Phase wechseln" }).ClickAsync();
        await Assertions.Expect(page.Locator("#fehler")).ToContainTextAsync("PH-FDS-06");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        await BrowserFixture.OpenCaseSectionAsync(page, "Angaben");
        await page.GetByLabel("Der Antrag wird mit Unterstützung des IFD gestellt").CheckAsync();
        await page.GetByLabel("Alle vorrangigen Maßnahmen (organisatorisch, strukturell, pädagogisch, technisch) sind ausgeschöpft").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Angaben speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("gespeichert");
        await Assertions.Expect(page.GetByLabel("Der Antrag wird mit Unterstützung des IFD gestellt")).ToBeCheckedAsync();

        await BrowserFixture.OpenCaseSectionAsync(page, "Phase und Auftraggeber");
        await page.Locator("#Move_To").SelectOptionAsync("FP4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Phase wechseln" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("FP4");
        Assert.Equal("FP4", (await GetAsync(api, $"/api/v1/cases/{extra}")).GetProperty("phase").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Rule", "BA-ST-01")]
    public async Task BAST01_caseworker_closes_a_Vermittlung_as_successful_placement_into_fixed_term_employment_chosen_on_the_page()
    {
        var user = browser.User(Roles.Caseworker);
        using var api = await browser.Factory.LoginAsync(user);
        var clientId = await CaseJourneyTests.CreateCompleteClientAsync(api);
        var agency = await FunderChangeJourneyTests.CreateFunderAsync(api, "Agentur für Arbeit", "EmploymentAgency");
        var caseId = await CreatedAsync(api, "/api/v1/cases", new { clientId, careTypeCode = "placement", funderId = agency, legalBasisCode = "placement-sgb3-sgb2", caseGroupCode = "support-need", referringBodyCode = "employment-agency" });
        using (var notice = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/data-protection-notice", new { signedOn = BrowserFixture.IsoDay(), version = "2026-01" }))
        {
            await notice.ExpectAsync(HttpStatusCode.OK);
        }

        foreach (var kind in new[] { "DataProtectionNotice", "DisabilityProof", "GoalAgreement" })
        {
            await UploadAsync(api, caseId, kind);
        }

        using (var moved = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/transitions", new { to = "P3" }))
        {
            await moved.ExpectAsync(HttpStatusCode.OK);
        }

        using (var result = await api.PatchAsJsonAsync($"/api/v1/cases/{caseId}", new { closingResult = "Befristeter Arbeitsvertrag für ein Jahr unterschrieben." }))
        {
            await result.ExpectAsync(HttpStatusCode.OK);
        }

        var employer = await CreatedAsync(api, "/api/v1/institutions", new { name = "Stadtwerke " + Guid.NewGuid().ToString("N")[..6], kind = "employer" });

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, user);
        await page.GotoAsync($"/faelle/{caseId}/phase");
        await page.Locator("#Placement_JobStart").FillAsync(BrowserFixture.IsoDay(14));
        await page.Locator("#Placement_OutcomeCategoryCode").SelectOptionAsync("fixed-term-employment");
        await page.Locator("#Placement_InstitutionId").SelectOptionAsync(employer);
        await page.Locator("#Placement_LegalBasisCode").SelectOptionAsync("sgb9-196-3-analog");
        await page.Locator("#Placement_DataProtectionNoticeSignedOn").FillAsync(BrowserFixture.IsoDay());
        await page.Locator("#Placement_DataProtectionNotice").SetInputFilesAsync(new FilePayload { Name = "merkblatt.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.Locator("#Placement_GoalAgreement").SetInputFilesAsync(new FilePayload { Name = "zielvereinbarung.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vermittlung abschließen und Sicherung anlegen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("BA-ST-01");
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        var closed = await GetAsync(api, $"/api/v1/cases/{caseId}");
        Assert.Equal("P4", closed.GetProperty("phase").GetString());
        Assert.Equal("placement-successful", closed.GetProperty("closingReasonCode").GetString());
        Assert.Equal("fixed-term-employment", closed.GetProperty("outcomeCategoryCode").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Rule", "BA-IB-01")]
    public async Task BAIB01_caseworker_applies_for_accompaniment_in_an_Inklusionsbetrieb_InA_approves_it_and_only_then_the_case_reaches_P3()
    {
        var user = browser.User(Roles.Caseworker);
        using var api = await browser.Factory.LoginAsync(user);
        var clientId = await CaseJourneyTests.CreateCompleteClientAsync(api);
        var company = await CreatedAsync(api, "/api/v1/institutions", new { name = "Inklusionsbetrieb " + Guid.NewGuid().ToString("N")[..6], kind = "inclusion-company" });
        using (var job = await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/employment-situations", new { kindCode = "employed", from = BrowserFixture.IsoDay(), institutionId = company }))
        {
            await job.ExpectAsync(HttpStatusCode.Created);
        }

        var ina = await FunderChangeJourneyTests.CreateFunderAsync(api, "Integrationsamt", "IntegrationOffice");
        var caseId = await CreatedAsync(api, "/api/v1/cases", new { clientId, careTypeCode = "retention", funderId = ina, legalBasisCode = "sgb9-185-2", caseGroupCode = "support-need", referringBodyCode = "employer" });
        using (var notice = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/data-protection-notice", new { signedOn = BrowserFixture.IsoDay(), version = "2026-01" }))
        {
            await notice.ExpectAsync(HttpStatusCode.OK);
        }

        foreach (var kind in new[] { "DataProtectionNotice", "DisabilityProof", "GoalAgreement" })
        {
            await UploadAsync(api, caseId, kind);
        }

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, user);
        await page.GotoAsync($"/faelle/{caseId}/phase");
        await page.Locator("#Move_To").SelectOptionAsync("P3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Phase wechseln" }).ClickAsync();
        await Assertions.Expect(page.Locator("#fehler")).ToContainTextAsync("BA-IB-01");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        await Assertions.Expect(page.Locator("#Inclusion_Need")).ToBeVisibleAsync();
        await page.Locator("#Inclusion_Need").FillAsync("Begleitung bei Konflikten im Team, die über § 217 SGB IX hinausgeht.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Antrag an die InA-Koordination" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("BA-IB-01");

        var coordinator = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(coordinator, browser.User(Roles.IntegrationOfficeCoordinator));
        await coordinator.GotoAsync("/ina");
        var card = coordinator.Locator("article", new() { HasText = "Begleitung bei Konflikten im Team" });
        await card.GetByRole(AriaRole.Button, new() { Name = "Bewilligen" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("article", new() { HasText = "Begleitung bei Konflikten im Team" })).ToHaveCountAsync(0);
        await coordinator.Context.CloseAsync();

        await page.GotoAsync($"/faelle/{caseId}/phase");
        await Assertions.Expect(page.Locator("li", new() { HasText = "Beantragt am" })).ToContainTextAsync("bewilligt");
        await page.Locator("#Move_To").SelectOptionAsync("P3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Phase wechseln" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("P3");
        Assert.Equal("P3", (await GetAsync(api, $"/api/v1/cases/{caseId}")).GetProperty("phase").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Rule", "DOC-04")]
    public async Task DOC04_InA_uploads_a_template_the_caseworker_prints_it_and_a_Zielvereinbarung_on_an_outdated_version_is_refused()
    {
        var coordinatorUser = browser.User(Roles.IntegrationOfficeCoordinator);
        using (var coordinatorApi = await browser.Factory.LoginAsync(coordinatorUser))
        {
            // An older version than the valid 2026-01: it exists but is outdated, so the other journeys are not affected.
            using var added = await coordinatorApi.PostAsJsonAsync("/api/v1/catalogues/form-versions", new { code = "2025-01", label = "Zielvereinbarung, Fassung 01/2025", form = "GoalAgreement", validFrom = "2025-01-01" });
            Assert.True(added.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity, $"form version: {(int)added.StatusCode}");
        }

        var coordinator = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(coordinator, coordinatorUser);
        await coordinator.GotoAsync("/vordrucke");
        await coordinator.Locator("#Version").SelectOptionAsync("GoalAgreement:2026-01");
        await coordinator.Locator("#PdfFile").SetInputFilesAsync(new FilePayload { Name = "zielvereinbarung-2026-01.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Vordruck hinterlegen" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status).First).ToContainTextAsync("zielvereinbarung-2026-01.pdf");
        await AccessibilityTests.AssertAccessibleAsync(coordinator, output);
        await coordinator.Context.CloseAsync();

        var user = browser.User(Roles.Caseworker);
        using var api = await browser.Factory.LoginAsync(user);
        var caseId = await CreatedAsync(api, "/api/v1/cases", new { clientId = await CaseJourneyTests.CreateCompleteClientAsync(api) });
        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, user);
        await page.GotoAsync($"/faelle/{caseId}/dokumente");
        await page.GetByRole(AriaRole.Link, new() { Name = "Vordrucke zum Ausdrucken" }).ClickAsync();
        var goalAgreements = page.Locator("section[aria-labelledby='vordruck-GoalAgreement']");
        await Assertions.Expect(goalAgreements.Locator("tr", new() { HasText = "2026-01" })).ToContainTextAsync("heute gültig");
        var download = await page.RunAndWaitForDownloadAsync(() => goalAgreements.GetByRole(AriaRole.Link, new() { Name = "zielvereinbarung-2026-01.pdf", Exact = false }).ClickAsync());
        Assert.Equal("zielvereinbarung-2026-01.pdf", download.SuggestedFilename);

        await page.GotoAsync($"/faelle/{caseId}/dokumente");
        await page.Locator("#Upload_Kind").SelectOptionAsync("GoalAgreement");
        await page.Locator("#Upload_FormVersion").SelectOptionAsync("2025-01");
        await page.Locator("#Upload_Files").SetInputFilesAsync(new FilePayload { Name = "zielvereinbarung.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Hochladen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#fehler")).ToContainTextAsync("DOC-04");
        await Assertions.Expect(page.Locator("#fehler")).ToContainTextAsync("gültig ist die Fassung „2026-01“");
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        Assert.Equal(0, (await GetAsync(api, $"/api/v1/cases/{caseId}/documents")).GetArrayLength());

        await page.Locator("#Upload_Kind").SelectOptionAsync("GoalAgreement");
        await page.Locator("#Upload_FormVersion").SelectOptionAsync(string.Empty);
        await page.Locator("#Upload_Files").SetInputFilesAsync(new FilePayload { Name = "zielvereinbarung.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Hochladen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Hochgeladen: zielvereinbarung.pdf");
        await Assertions.Expect(page.Locator("section[aria-labelledby='dokumente'] tr", new() { HasText = "zielvereinbarung.pdf" })).ToContainTextAsync("Fassung 2026-01");
        await page.Context.CloseAsync();
    }

    private static async Task<string> CreatedAsync(HttpClient api, string path, object body)
    {
        using var response = await api.PostAsJsonAsync(path, body);
        return await response.ReadCreatedIdAsync();
    }

    private static async Task UploadAsync(HttpClient api, string caseId, string kind)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", kind + ".pdf");
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
