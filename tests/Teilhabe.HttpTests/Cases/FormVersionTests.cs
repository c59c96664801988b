using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Cases;

/// <summary>
/// DOC-04: InA-Koordination maintains the versions of the three forms with their PDF templates ("Vordrucke"); a
/// Zielvereinbarung or Schweigepflichtentbindung signed on an outdated version is refused; a commissioned FDS gets
/// the template of its legal basis. The class's factory has its own database, so the new versions stay here.
/// </summary>
public sealed class FormVersionTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    [Trait("Rule", "DOC-04")]
    public async Task DOC04_a_Zielvereinbarung_on_the_outdated_version_is_refused_over_the_API_and_on_the_case_page_and_the_valid_one_is_stored_with_its_version()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        await NewVersionAsync(tenant, "GoalAgreement", "2026-11");

        using (var outdated = await UploadAsync(caseworker, id, "GoalAgreement", "2026-01"))
        {
            await outdated.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["DOC-04"], await outdated.ReadViolatedRulesAsync());
            Assert.Contains("gültig ist die Fassung „2026-11“", (await outdated.ReadProblemAsync()).GetRawText(), StringComparison.Ordinal);
        }

        Assert.Equal(0, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/documents")).GetArrayLength());
        using (var valid = await UploadAsync(caseworker, id, "GoalAgreement", "2026-11"))
        {
            await valid.ExpectAsync(HttpStatusCode.Created);
            Assert.Equal("2026-11", (await valid.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("formVersion").GetString());
        }

        // The page: an older version chosen is refused with the message at the field; left at its default, the valid one is recorded.
        using var pages = await factory.SignInToPagesAsync(tenant.CaseworkerA);
        var page = $"/faelle/{id}/dokumente";
        await NewVersionAsync(tenant, "ConfidentialityRelease", "2026-11");
        using (var refused = await PageUploadAsync(pages, page, "ConfidentialityRelease", "2026-01"))
        {
            await refused.ExpectAsync(HttpStatusCode.OK);
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Contains("ist auf der Fassung „2026-01“ unterschrieben; gültig ist die Fassung „2026-11“", html, StringComparison.Ordinal);
            Assert.Contains("id=\"Upload_FormVersion\"", html, StringComparison.Ordinal);
            Assert.Equal(1, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/documents")).GetArrayLength());
        }

        using (var stored = await PageUploadAsync(pages, page, "ConfidentialityRelease", string.Empty))
        {
            Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        }

        var documents = (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/documents")).EnumerateArray().ToList();
        Assert.Contains(documents, d => d.GetProperty("kind").GetString() == "ConfidentialityRelease" && d.GetProperty("formVersion").GetString() == "2026-11");
        Assert.Contains(", Fassung 2026-11</span>", WebUtility.HtmlDecode(await pages.GetStringAsync(page)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_version_named_for_a_document_other_than_the_three_forms_is_an_input_error()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        using var refused = await UploadAsync(caseworker, id, "Other", "2026-01");
        await refused.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("formVersion", (await refused.ReadProblemAsync()).GetProperty("errors").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/documents")).GetArrayLength());
    }

    [Fact]
    [Trait("Rule", "DOC-04")]
    public async Task DOC04_InA_Koordination_uploads_the_PDF_template_of_a_version_everyone_downloads_it_and_a_caseworker_may_not_upload()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var coordinator = await factory.SignInToPagesAsync(tenant.Coordinator);
        var pdf = CaseApi.SmallPdf;

        using (var notPdf = await TemplateUploadAsync(coordinator, "GoalAgreement:2026-01", "Kein PDF"u8.ToArray(), "vorlage.pdf"))
        {
            await notPdf.ExpectAsync(HttpStatusCode.OK);
            Assert.Contains("ist keine PDF-Datei", WebUtility.HtmlDecode(await notPdf.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var unknown = await TemplateUploadAsync(coordinator, "GoalAgreement:1999-01", pdf, "vorlage.pdf"))
        {
            await unknown.ExpectAsync(HttpStatusCode.OK);
            Assert.Contains("Bitte eine gepflegte Fassung", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var stored = await TemplateUploadAsync(coordinator, "GoalAgreement:2026-01", pdf, "zielvereinbarung-2026-01.pdf"))
        {
            Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        }

        using var caseworker = await factory.SignInToPagesAsync(tenant.CaseworkerA);
        var html = WebUtility.HtmlDecode(await caseworker.GetStringAsync("/vordrucke"));
        Assert.Contains("zielvereinbarung-2026-01.pdf", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Vordruck hinterlegen", html, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/vordrucke\\?handler=Download&id=[0-9a-f-]+)\"").Groups[1].Value;
        Assert.NotEmpty(link);
        var downloaded = await caseworker.GetByteArrayAsync(link);
        Assert.Equal(pdf, downloaded);

        using (var byCaseworker = await TemplateUploadAsync(caseworker, "GoalAgreement:2026-01", pdf, "eigene.pdf"))
        {
            Assert.Equal(HttpStatusCode.Redirect, byCaseworker.StatusCode);
            Assert.Contains("/zugriff-verweigert", byCaseworker.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("eigene.pdf", await caseworker.GetStringAsync("/vordrucke"), StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Rule", "DOC-04")]
    [InlineData("fds-ina", "Fachdienstliche Stellungnahme für das Integrationsamt", "Empfehlung an das Integrationsamt", "IntegrationOffice")]
    [InlineData("fds-reha", "Fachdienstliche Stellungnahme für den Rehabilitationsträger", "Empfehlung an den Rehabilitationsträger", "PensionInsurance")]
    public async Task DOC04_a_commissioned_FDS_gets_the_printable_template_of_its_legal_basis_and_no_cover_letter(string legalBasis, string title, string heading, string funderKind)
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var funder = await caseworker.CreateFunderAsync(factory, funderKind);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync(), careTypeCode = "expert-statement", funderId = funder, legalBasisCode = legalBasis });
        using var pages = await factory.SignInToPagesAsync(tenant.CaseworkerA);

        Assert.Contains($"href=\"/faelle/{id}/vorlage\"", await pages.GetStringAsync($"/faelle/{id}"), StringComparison.Ordinal);
        var template = WebUtility.HtmlDecode(await pages.GetStringAsync($"/faelle/{id}/vorlage"));
        Assert.Contains($"<h1 id=\"vorlage-titel\">{title}</h1>", template, StringComparison.Ordinal);
        Assert.Contains(heading, template, StringComparison.Ordinal);
        Assert.DoesNotContain("§ 27 SchwbAV verpflichtend", template, StringComparison.Ordinal);
        using var coverLetter = await pages.GetAsync($"/faelle/{id}/anschreiben");
        Assert.Equal(HttpStatusCode.NotFound, coverLetter.StatusCode);
    }

    private async Task NewVersionAsync(TestTenant tenant, string form, string code)
    {
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        var validFrom = factory.BerlinToday().AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var added = await coordinator.PostAsJsonAsync("/api/v1/catalogues/form-versions", new { code, label = $"Fassung {code}", form, validFrom });
        await added.ExpectAsync(HttpStatusCode.Created);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string caseId, string kind, string formVersion)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(CaseApi.SmallPdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "scan.pdf");
        form.Add(new StringContent(kind), "kind");
        form.Add(new StringContent(formVersion), "formVersion");
        return await client.PostAsync($"/api/v1/cases/{caseId}/documents", form);
    }

    private static async Task<HttpResponseMessage> PageUploadAsync(HttpClient pages, string page, string kind, string formVersion)
    {
        var token = PageSignIn.AntiforgeryToken(await pages.GetStringAsync(page));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind), "Upload.Kind" },
            { new StringContent(formVersion), "Upload.FormVersion" },
        };
        var file = new ByteArrayContent(CaseApi.SmallPdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Upload.Files", "entbindung.pdf");
        return await pages.PostAsync(page + "?handler=Upload", form);
    }

    private static async Task<HttpResponseMessage> TemplateUploadAsync(HttpClient pages, string version, byte[] content, string fileName)
    {
        var token = PageSignIn.AntiforgeryToken(await pages.GetStringAsync("/vordrucke"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(version), "Version" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "PdfFile", fileName);
        return await pages.PostAsync("/vordrucke", form);
    }
}
