using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Cases;

/// <summary>
/// Issue 19 on the case page: REP-04 requests, the PH-FDS-06 confirmations, the BA-ST-01 outcome, BA-IB-01 before P3
/// and the BA-UB-02 period of a Reha-Träger — each done through the page's form and checked over the API.
/// </summary>
public sealed class CaseActionsOnPagesTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    [Trait("Rule", "REP-04")]
    public async Task REP04_InA_requests_a_Sachstandsbericht_on_the_case_page_the_caseworker_records_a_Reha_Traegers_and_both_are_on_the_deadline_list()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var id = await caseworker.InaSicherungInP3Async(factory, ina);
        var page = $"/faelle/{id}/berichte";
        var inaDue = factory.BerlinToday().AddDays(21);
        var rehaDue = factory.BerlinToday().AddDays(30);

        using (var coordinatorPages = await factory.SignInToPagesAsync(tenant.Coordinator))
        {
            Assert.Contains("Sachstandsbericht anfordern", WebUtility.HtmlDecode(await coordinatorPages.GetStringAsync(page)), StringComparison.Ordinal);
            using var requested = await coordinatorPages.PostFormAsync(page + "?handler=ReportRequest", new Dictionary<string, string> { ["ReportRequest.DueDate"] = Iso(inaDue) });
            Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        }

        using var pages = await factory.SignInToPagesAsync(tenant.CaseworkerA);
        using (var nameless = await pages.PostFormAsync(page + "?handler=ReportRequest", new Dictionary<string, string> { ["ReportRequest.DueDate"] = Iso(rehaDue) }))
        {
            await nameless.ExpectAsync(HttpStatusCode.OK);
            Assert.Contains("Bitte angeben, wer den Bericht anfordert", WebUtility.HtmlDecode(await nameless.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Single((await caseworker.GetJsonAsync($"/api/v1/cases/{id}/report-requests")).EnumerateArray());
        using (var recorded = await pages.PostFormAsync(page + "?handler=ReportRequest", new Dictionary<string, string>
        {
            ["ReportRequest.RequestedBy"] = "Deutsche Rentenversicherung Mitteldeutschland",
            ["ReportRequest.DueDate"] = Iso(rehaDue),
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }

        var requests = (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/report-requests")).EnumerateArray().ToList();
        Assert.Contains(requests, r => r.GetProperty("requestedBy").GetString()!.StartsWith("InA-Koordination (", StringComparison.Ordinal) && r.GetProperty("dueDate").GetString() == Iso(inaDue));
        Assert.Contains(requests, r => r.GetProperty("requestedBy").GetString() == "Deutsche Rentenversicherung Mitteldeutschland");

        var deadlines = (await caseworker.GetJsonAsync("/api/v1/deadlines")).EnumerateArray()
            .Where(d => d.GetProperty("caseId").GetString() == id && d.GetProperty("rule").GetString() == "REP-04").Select(d => d.GetProperty("dueDate").GetString()).ToList();
        Assert.Equal([Iso(inaDue), Iso(rehaDue)], deadlines.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    [Trait("Rule", "PH-FDS-06")]
    public async Task PHFDS06_the_27_SchwbAV_confirmations_are_ticked_in_the_case_form_and_the_recommendation_then_reaches_FP4()
    {
        var (caseworker, pages, ina, main, extra) = await SchwbAv27RecommendationAsync();
        using var _c = caseworker;
        using var _p = pages;
        var page = $"/faelle/{extra}";

        var html = WebUtility.HtmlDecode(await pages.GetStringAsync(page + "/angaben"));
        Assert.Contains("Der Antrag wird mit Unterstützung des IFD gestellt", html, StringComparison.Ordinal);
        Assert.DoesNotContain("mit Unterstützung des IFD gestellt", WebUtility.HtmlDecode(await pages.GetStringAsync($"/faelle/{main}/angaben")), StringComparison.Ordinal);

        using (var refused = await MoveOnPageAsync(pages, page, "FP4"))
        {
            await refused.ExpectAsync(HttpStatusCode.OK);
            Assert.Contains("Bitte bestätigen, dass der Antrag mit Unterstützung des IFD gestellt wird", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal("FP1", await caseworker.PhaseOfAsync(extra));
        using (var saved = await SaveConfirmationsAsync(caseworker, pages, ina, extra, employerAppliedBefore: false))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var stored = await caseworker.GetJsonAsync($"/api/v1/cases/{extra}");
        Assert.True(stored.GetProperty("applicationWithIfdSupportConfirmed").GetBoolean());
        Assert.True(stored.GetProperty("priorMeasuresExhaustedConfirmed").GetBoolean());
        Assert.False(stored.GetProperty("employerAppliedBeforeIfd").GetBoolean());

        using (var done = await MoveOnPageAsync(pages, page, "FP4"))
        {
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }

        Assert.Equal("FP4", await caseworker.PhaseOfAsync(extra));
    }

    [Fact]
    [Trait("Rule", "PH-FDS-06")]
    public async Task PHFDS06_an_employer_application_before_the_IFD_ticked_in_the_case_form_refuses_FP4()
    {
        var (caseworker, pages, ina, _, extra) = await SchwbAv27RecommendationAsync();
        using var _c = caseworker;
        using var _p = pages;
        var page = $"/faelle/{extra}";
        using (var saved = await SaveConfirmationsAsync(caseworker, pages, ina, extra, employerAppliedBefore: true))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var refused = await MoveOnPageAsync(pages, page, "FP4");
        await refused.ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("ausgeschlossen, wenn der Arbeitgeber den Antrag vor der Bearbeitung durch den IFD gestellt hat", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("FP1", await caseworker.PhaseOfAsync(extra));
    }

    [Theory]
    [Trait("Rule", "BA-ST-01")]
    [InlineData("fixed-term-employment", "employed", null)]
    [InlineData("inclusion-company", "employed", null)]
    [InlineData("apprenticeship", "apprenticeship", null)]
    [InlineData("sheltered-workshop", "employed", "Das Ergebnis einer erfolgreichen Vermittlung ist")]
    [InlineData("apprenticeship", "employed", "passt nur zur Beschäftigung „Ausbildung“")]
    [InlineData("permanent-employment", "apprenticeship", "Zur Beschäftigung „Ausbildung“ passt")]
    public async Task BAST01_the_chosen_outcome_closes_the_Vermittlung_when_it_is_a_placement_outcome_matching_the_employment(string outcome, string employment, string? refusal)
    {
        var (caseworker, _, client, id, _, employer) = await factory.PlacementInP3Async();
        using var session = caseworker;
        var jobStart = factory.BerlinToday().AddDays(7);
        using var form = factory.PlacementForm(jobStart, employer, "sgb9-196-3-analog", CaseApi.SmallPdf, CaseApi.SmallPdf, employment, outcome);
        using var response = await caseworker.PostAsync($"/api/v1/cases/{id}/successful-placement", form);
        if (refusal is null)
        {
            await response.ExpectAsync(HttpStatusCode.Created);
            var closed = await caseworker.GetJsonAsync($"/api/v1/cases/{id}");
            Assert.Equal("P4", closed.GetProperty("phase").GetString());
            Assert.Equal(outcome, closed.GetProperty("outcomeCategoryCode").GetString());
            return;
        }

        await response.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(["BA-ST-01"], await response.ReadViolatedRulesAsync());
        Assert.Contains(refusal, problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("P3", await caseworker.PhaseOfAsync(id));
        Assert.Equal(1, (await caseworker.GetJsonAsync($"/api/v1/cases?clientId={client}")).GetProperty("total").GetInt32());
    }

    [Fact]
    [Trait("Rule", "BA-ST-01")]
    public async Task BAST01_the_page_offers_the_placement_outcomes_and_successful_placement_only_as_closing_reason_of_a_Vermittlung()
    {
        var (caseworker, user, _, placement, _, _) = await factory.PlacementInP3Async();
        using var _c = caseworker;
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var retention = await caseworker.InaSicherungInP3Async(factory, ina);
        using var pages = await factory.SignInToPagesAsync(user);

        var placementPage = WebUtility.HtmlDecode(await pages.GetStringAsync($"/faelle/{placement}/phase"));
        Assert.Contains("Ergebnis der Vermittlung (Statistik)", placementPage, StringComparison.Ordinal);
        Assert.Contains("<option value=\"fixed-term-employment\"", placementPage, StringComparison.Ordinal);
        Assert.Contains("<option value=\"inclusion-company\"", placementPage, StringComparison.Ordinal);
        Assert.Contains("<option value=\"placement-successful\"", placementPage, StringComparison.Ordinal);

        var retentionPage = WebUtility.HtmlDecode(await pages.GetStringAsync($"/faelle/{retention}/phase"));
        Assert.DoesNotContain("<option value=\"placement-successful\"", retentionPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Ergebnis der Vermittlung (Statistik)", retentionPage, StringComparison.Ordinal);

        using var refused = await caseworker.MoveAsync(retention, new { to = "P4", reasonCode = "placement-successful", outcomeCategoryCode = "job-secured" });
        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("BA-ST-01", await refused.ReadViolatedRulesAsync());
        Assert.Equal("P3", await caseworker.PhaseOfAsync(retention));
    }

    [Fact]
    [Trait("Rule", "PH-P4-02")]
    public async Task PHP402_a_Sicherung_does_not_close_with_an_outcome_of_a_Vermittlung()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var id = await caseworker.InaSicherungInP3Async(factory, ina);
        await caseworker.PatchOkAsync(id, new { closingResult = "Arbeitsplatz gesichert." });

        using (var wrong = await caseworker.MoveAsync(id, new { to = "P4", reasonCode = "fulfilled", outcomeCategoryCode = "permanent-employment" }))
        {
            await wrong.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Contains("PH-P4-02", await wrong.ReadViolatedRulesAsync());
            Assert.Contains("Dieses Ergebnis gehört zu einer Vermittlung", (await wrong.ReadProblemAsync()).GetRawText(), StringComparison.Ordinal);
        }

        Assert.Equal("P3", await caseworker.PhaseOfAsync(id));
    }

    [Fact]
    [Trait("Rule", "BA-IB-01")]
    public async Task BAIB01_P3_of_an_InA_Sicherung_at_an_Inklusionsbetrieb_is_refused_until_InA_approves_the_application_made_on_the_case_page()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var client = await caseworker.CreateCompleteClientAsync(factory);
        using (var company = await caseworker.PostAsJsonAsync("/api/v1/institutions", new { name = factory.Unique("Inklusionsbetrieb"), kind = "inclusion-company" }))
        {
            var institution = await company.ReadCreatedIdAsync();
            using var job = await caseworker.PostAsJsonAsync($"/api/v1/clients/{client}/employment-situations", new { kindCode = "employed", from = factory.Today(), institutionId = institution });
            await job.ExpectAsync(HttpStatusCode.Created);
        }

        var id = await caseworker.ReadyInaSicherungAsync(factory, ina, client);
        using (var refused = await caseworker.MoveAsync(id, new { to = "P3" }))
        {
            await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["BA-IB-01"], await refused.ReadViolatedRulesAsync());
        }

        using var pages = await factory.SignInToPagesAsync(tenant.CaseworkerA);
        using (var applied = await pages.PostFormAsync($"/faelle/{id}?handler=InclusionApplication", new Dictionary<string, string> { ["Inclusion.Need"] = "Begleitung bei Konflikten im Team über § 217 SGB IX hinaus." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        }

        using (var pending = await caseworker.MoveAsync(id, new { to = "P3" }))
        {
            await pending.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["BA-IB-01"], await pending.ReadViolatedRulesAsync());
        }

        var application = (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/inclusion-company-applications"))[0].GetProperty("id").GetString();
        using (var coordinator = await factory.LoginAsync(tenant.Coordinator))
        {
            using var decided = await coordinator.PostAsJsonAsync($"/api/v1/cases/{id}/inclusion-company-applications/{application}/decision", new { approved = true });
            await decided.ExpectAsync(HttpStatusCode.OK);
        }

        using var moved = await caseworker.MoveAsync(id, new { to = "P3" });
        await moved.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("P3", await caseworker.PhaseOfAsync(id));
    }

    [Fact]
    [Trait("Rule", "BA-UB-02")]
    public async Task BAUB02_the_Reha_Traegers_own_UB_period_entered_on_the_case_page_is_on_the_deadline_list_without_an_InA_extension()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var drv = await caseworker.CreateFunderAsync(factory, "PensionInsurance");
        var client = await caseworker.CreateCompleteClientAsync(factory);
        var id = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "retention", funderId = drv, legalBasisCode = "sgb9-55-3", caseGroupCode = "support-need", referringBodyCode = "employer" });
        await caseworker.SignNoticeAsync(id, factory.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof", "GoalAgreement", "WrittenCommission");
        using (var moved = await caseworker.MoveAsync(id, new { to = "P3" }))
        {
            await moved.ExpectAsync(HttpStatusCode.OK);
        }

        var end = factory.BerlinToday().AddDays(20);
        using var pages = await factory.SignInToPagesAsync(tenant.CaseworkerA);
        var stored = await caseworker.GetJsonAsync($"/api/v1/cases/{id}");
        using (var saved = await pages.PostFormAsync($"/faelle/{id}?handler=Fields", new Dictionary<string, string>
        {
            ["Fields.Version"] = stored.GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture),
            ["Fields.FunderId"] = drv,
            ["Fields.CareTypeCode"] = "retention",
            ["Fields.LegalBasisCode"] = "sgb9-55-3",
            ["Fields.CaseGroupCode"] = "support-need",
            ["Fields.ReferringBodyCode"] = "employer",
            ["Fields.PlannedEndShown"] = "true",
            ["Fields.PlannedEndDate"] = Iso(end),
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var mine = (await caseworker.GetJsonAsync("/api/v1/deadlines")).EnumerateArray().Where(d => d.GetProperty("caseId").GetString() == id).ToList();
        Assert.Contains(mine, d => d.GetProperty("rule").GetString() == "BA-UB-02" && d.GetProperty("dueDate").GetString() == Iso(end));
        Assert.DoesNotContain(mine, d => d.GetProperty("rule").GetString() == "BA-EXT-01");
    }

    /// <summary>A § 27 SchwbAV recommendation (Zusatzauftrag of an InA Sicherung) in FP1 with its finished document, and the caseworker's page session.</summary>
    private async Task<(HttpClient Caseworker, HttpClient Pages, string Ina, string Main, string Extra)> SchwbAv27RecommendationAsync()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateClientAsync();
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var main = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "retention", funderId = ina, legalBasisCode = "sgb9-185-2" });
        var extra = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "expert-statement", funderId = ina, legalBasisCode = "fds-27-schwbav", parentCaseId = main });
        await caseworker.UploadOkAsync(extra, "ExpertStatement");
        return (caseworker, await factory.SignInToPagesAsync(tenant.CaseworkerA), ina, main, extra);
    }

    /// <summary>The case form saved with both PH-FDS-06 confirmations ticked, and the employer's earlier application as given.</summary>
    private static async Task<HttpResponseMessage> SaveConfirmationsAsync(HttpClient caseworker, HttpClient pages, string ina, string caseId, bool employerAppliedBefore)
    {
        var fields = new Dictionary<string, string>
        {
            ["Fields.Version"] = (await caseworker.GetJsonAsync($"/api/v1/cases/{caseId}")).GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture),
            ["Fields.FunderId"] = ina,
            ["Fields.CareTypeCode"] = "expert-statement",
            ["Fields.LegalBasisCode"] = "fds-27-schwbav",
            ["Fields.SchwbAv27Shown"] = "true",
            ["Fields.ApplicationWithIfdSupport"] = "true",
            ["Fields.PriorMeasuresExhausted"] = "true",
        };
        if (employerAppliedBefore)
        {
            fields["Fields.EmployerAppliedBeforeIfd"] = "true";
        }

        return await pages.PostFormAsync($"/faelle/{caseId}?handler=Fields", fields);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<HttpResponseMessage> MoveOnPageAsync(HttpClient pages, string page, string to)
        => await pages.PostFormAsync(page + "?handler=Move", new Dictionary<string, string> { ["Move.To"] = to, ["Move.Date"] = "" });
}
