using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Cases;

/// <summary>The phase machine over the API (issue "Cases, the phase machine and documents"), on SQLite and PostgreSQL.</summary>
public sealed class PhaseMachineApiTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    [Trait("Rule", "PH-P2-01")]
    [Trait("Rule", "PH-GEN-01")]
    public async Task PHP201_P1_to_P2_is_refused_listing_every_missing_item_then_allowed_after_notice_proof_and_planned_contents()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateClientAsync();
        var id = await caseworker.CreateCaseAsync(new { clientId = client, caseGroupCode = "support-need", referringBodyCode = "self" });
        Assert.Equal("P1", await caseworker.PhaseOfAsync(id));

        using (var refused = await caseworker.MoveAsync(id, new { to = "P2" }))
        {
            await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            var problem = await refused.ReadProblemAsync();
            var fields = problem.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("field").GetString()).ToList();
            Assert.Contains("PH-P2-01", await refused.ReadViolatedRulesAsync());
            Assert.Contains("documents.DisabilityProof", fields);
            Assert.Contains("documents.DataProtectionNotice", fields);
            Assert.Contains("dataProtectionNotice", fields);
            Assert.Contains("plannedContents", fields);
        }

        var check = await caseworker.GetJsonAsync($"/api/v1/cases/{id}/transitions/P2/check");
        Assert.False(check.GetProperty("allowed").GetBoolean());
        Assert.Equal(4, check.GetProperty("violations").EnumerateArray().Count(v => v.GetProperty("rule").GetString() == "PH-P2-01"));

        await caseworker.SignNoticeAsync(id, factory.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof");
        await caseworker.PatchOkAsync(id, new { plannedContents = "Konflikt mit dem Vorgesetzten klären" });

        Assert.True((await caseworker.GetJsonAsync($"/api/v1/cases/{id}/transitions/P2/check")).GetProperty("allowed").GetBoolean());
        using var moved = await caseworker.MoveAsync(id, new { to = "P2" });
        await moved.ExpectAsync(HttpStatusCode.OK);
        var body = await moved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("P2", body.GetProperty("phase").GetString());
        Assert.Equal("P1", body.GetProperty("phaseHistory")[0].GetProperty("from").GetString());
    }

    [Fact]
    [Trait("Rule", "PH-P3-01")]
    public async Task PHP301_P3_for_an_InA_case_is_refused_without_goal_agreement()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateCompleteClientAsync(factory);
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var id = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "retention", funderId = ina, legalBasisCode = "sgb9-185-2", caseGroupCode = "support-need", referringBodyCode = "employer" });
        await caseworker.SignNoticeAsync(id, factory.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof");

        using (var refused = await caseworker.MoveAsync(id, new { to = "P3" }))
        {
            await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            var problem = await refused.ReadProblemAsync();
            var violations = problem.GetProperty("violations").EnumerateArray().ToList();
            Assert.Contains(violations, v => v.GetProperty("rule").GetString() == "PH-P3-01" && v.GetProperty("field").GetString() == "documents.GoalAgreement");
            Assert.DoesNotContain(violations, v => v.GetProperty("field").GetString() == "documents.WrittenCommission");
        }

        await caseworker.UploadOkAsync(id, "GoalAgreement");
        using var moved = await caseworker.MoveAsync(id, new { to = "P3" });
        await moved.ExpectAsync(HttpStatusCode.OK);
        var body = await moved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("P3", body.GetProperty("phase").GetString());

        // BA-SI-02: an InA Sicherung runs 9 months from its P3 date.
        var start = DateOnly.Parse(body.GetProperty("commissionStart").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(start.AddMonths(9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), body.GetProperty("plannedEndDate").GetString());
    }

    [Fact]
    [Trait("Rule", "PH-P3-02")]
    public async Task PHP302_from_P3_on_the_funder_cannot_change()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateCompleteClientAsync(factory);
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var drv = await caseworker.CreateFunderAsync(factory, "PensionInsurance");
        var id = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "retention", funderId = ina, legalBasisCode = "sgb9-185-2", caseGroupCode = "support-need", referringBodyCode = "employer" });
        await caseworker.SignNoticeAsync(id, factory.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof", "GoalAgreement");
        using (var moved = await caseworker.MoveAsync(id, new { to = "P3" }))
        {
            await moved.ExpectAsync(HttpStatusCode.OK);
        }

        using var change = await caseworker.PatchAsJsonAsync($"/api/v1/cases/{id}", new { funderId = drv });
        await change.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("PH-P3-02", await change.ReadViolatedRulesAsync());
    }

    [Fact]
    [Trait("Rule", "PH-FDS-01")]
    public async Task PHFDS01_a_P1_case_does_not_become_an_FDS_the_API_and_the_case_page_say_to_open_one()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });

        using (var refused = await caseworker.PatchAsJsonAsync($"/api/v1/cases/{id}", new { careTypeCode = "expert-statement" }))
        {
            await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["PH-FDS-01"], await refused.ReadViolatedRulesAsync());
        }

        var stored = await caseworker.GetJsonAsync($"/api/v1/cases/{id}");
        Assert.Equal("P1", stored.GetProperty("phase").GetString());
        Assert.NotEqual("expert-statement", stored.GetProperty("careTypeCode").GetString());

        using var pages = await factory.SignInToPagesAsync(tenant.CaseworkerA);
        var html = await pages.GetStringAsync($"/faelle/{id}");
        var version = System.Text.RegularExpressions.Regex.Match(html, "name=\"Fields.Version\" value=\"(\\d+)\"").Groups[1].Value;
        using var form = await pages.PostFormAsync($"/faelle/{id}?handler=Fields", new Dictionary<string, string> { ["Fields.Version"] = version, ["Fields.CareTypeCode"] = "expert-statement" });
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("ist ein eigener Auftrag, der in FP1 beginnt", WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync()));
        Assert.Equal("P1", (await caseworker.GetJsonAsync($"/api/v1/cases/{id}")).GetProperty("phase").GetString());
    }

    [Fact]
    [Trait("Rule", "PH-FDS-01")]
    [Trait("Rule", "PH-FDS-02")]
    [Trait("Rule", "PH-FDS-03")]
    public async Task PHFDS_an_expert_statement_goes_from_FP1_through_FP3_to_FP4()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateClientAsync();
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        using var created = await caseworker.PostAsJsonAsync("/api/v1/cases", new { clientId = client, careTypeCode = "expert-statement", funderId = ina, legalBasisCode = "fds-ina" });
        await created.ExpectAsync(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FP1", body.GetProperty("phase").GetString());
        var id = body.GetProperty("id").GetString()!;

        using (var refused = await caseworker.MoveAsync(id, new { to = "FP3" }))
        {
            await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Contains("PH-FDS-02", await refused.ReadViolatedRulesAsync());
        }

        await caseworker.SignNoticeAsync(id, factory.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof", "WrittenCommission");
        using (var fp3 = await caseworker.MoveAsync(id, new { to = "FP3" }))
        {
            await fp3.ExpectAsync(HttpStatusCode.OK);
        }

        using (var refused = await caseworker.MoveAsync(id, new { to = "FP4" }))
        {
            await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Contains("PH-FDS-03", await refused.ReadViolatedRulesAsync());
        }

        await caseworker.UploadOkAsync(id, "ExpertStatement", "ConfidentialityRelease");
        using var done = await caseworker.MoveAsync(id, new { to = "FP4" });
        await done.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("FP4", await caseworker.PhaseOfAsync(id));
    }

    [Fact]
    [Trait("Rule", "PH-P4-01")]
    public async Task PHP401_P4_without_a_reason_is_refused_and_with_one_a_P1_case_closes()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateClientAsync();
        var id = await caseworker.CreateCaseAsync(new { clientId = client });
        using (var refused = await caseworker.MoveAsync(id, new { to = "P4" }))
        {
            await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["PH-P4-01"], await refused.ReadViolatedRulesAsync());
        }

        using var closed = await caseworker.MoveAsync(id, new { to = "P4", reasonCode = "no-further-need" });
        await closed.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("P4", await caseworker.PhaseOfAsync(id));
    }

    [Fact]
    [Trait("Rule", "PH-00")]
    public async Task PH00_a_transition_the_diagram_does_not_have_is_refused()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateClientAsync();
        var id = await caseworker.CreateCaseAsync(new { clientId = client });
        using var refused = await caseworker.MoveAsync(id, new { to = "FP3" });
        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["PH-00"], await refused.ReadViolatedRulesAsync());
    }

    [Fact]
    [Trait("Rule", "CT-03")]
    public async Task CT03_a_phase_date_more_than_six_weeks_back_is_refused()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateClientAsync();
        var id = await caseworker.CreateCaseAsync(new { clientId = client });
        var old = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(-43).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var refused = await caseworker.MoveAsync(id, new { to = "P4", reasonCode = "no-further-need", date = old });
        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("CT-03", await refused.ReadViolatedRulesAsync());
    }

    [Fact]
    [Trait("Rule", "DOC-04")]
    public async Task DOC04_a_Merkblatt_signed_on_an_outdated_version_is_refused()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateClientAsync();
        var id = await caseworker.CreateCaseAsync(new { clientId = client });
        using var refused = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/data-protection-notice", new { signedOn = factory.Today(), version = "2019-07" });
        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["DOC-04"], await refused.ReadViolatedRulesAsync());
    }

    [Fact]
    public async Task A_stale_If_Match_on_a_case_answers_409()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateClientAsync();
        var id = await caseworker.CreateCaseAsync(new { clientId = client });
        using var read = await caseworker.GetAsync($"/api/v1/cases/{id}");
        var etag = read.Headers.ETag!.Tag;
        await caseworker.PatchOkAsync(id, new { plannedContents = "erste Fassung" });

        using var stale = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/cases/{id}") { Content = JsonContent.Create(new { plannedContents = "zweite Fassung" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        using var conflict = await caseworker.SendAsync(stale);
        await conflict.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("erste Fassung", (await caseworker.GetJsonAsync($"/api/v1/cases/{id}")).GetProperty("plannedContents").GetString());
    }

    [Fact]
    [Trait("Rule", "DOC-02")]
    public async Task DOC02_an_application_to_InA_during_P2_gets_its_date_and_a_second_signature_on_the_same_Merkblatt()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        using (var tooEarly = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/data-protection-notice/second-signature", new { applicationDate = factory.Today(), signedOn = factory.Today() }))
        {
            await tooEarly.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Contains("DOC-02", await tooEarly.ReadViolatedRulesAsync());
        }

        await caseworker.SignNoticeAsync(id, factory.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof");
        await caseworker.PatchOkAsync(id, new { plannedContents = "Antrag auf Arbeitsassistenz vorbereiten" });
        using (var p2 = await caseworker.MoveAsync(id, new { to = "P2" }))
        {
            await p2.ExpectAsync(HttpStatusCode.OK);
        }

        using var second = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/data-protection-notice/second-signature", new { applicationDate = factory.Today(), signedOn = factory.Today() });
        await second.ExpectAsync(HttpStatusCode.OK);
        var notice = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dataProtectionNotice");
        Assert.Equal(factory.Today(), notice.GetProperty("applicationDate").GetString());
        Assert.Equal("2026-01", notice.GetProperty("version").GetString());
    }

    [Fact]
    [Trait("Rule", "PH-P2-02")]
    public async Task PHP202_a_P2_older_than_two_months_is_listed_as_overdue()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        await caseworker.SignNoticeAsync(id, factory.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof");
        await caseworker.PatchOkAsync(id, new { plannedContents = "Beratung zum Kündigungsschutz" });
        using (var p2 = await caseworker.MoveAsync(id, new { to = "P2" }))
        {
            await p2.ExpectAsync(HttpStatusCode.OK);
        }

        Assert.DoesNotContain((await caseworker.GetJsonAsync("/api/v1/cases?overdue=true")).GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == id);
        factory.Clock.Advance(TimeSpan.FromDays(63));
        using var later = await factory.LoginAsync(tenant.CaseworkerA);
        Assert.Contains((await later.GetJsonAsync("/api/v1/cases?overdue=true")).GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == id);
    }

    [Fact]
    [Trait("Rule", "PH-FDS-05")]
    [Trait("Rule", "PH-FDS-06")]
    public async Task PHFDS05_a_27_SchwbAV_recommendation_is_an_additional_case_of_a_Sicherung_that_goes_FP1_to_FP4_with_its_document()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateClientAsync();
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var placement = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "placement", funderId = ina, legalBasisCode = "placement-sgb3-sgb2" });
        using (var wrongParent = await caseworker.PostAsJsonAsync("/api/v1/cases", new { clientId = client, careTypeCode = "expert-statement", funderId = ina, legalBasisCode = "fds-27-schwbav", parentCaseId = placement }))
        {
            await wrongParent.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Contains("PH-FDS-05", await wrongParent.ReadViolatedRulesAsync());
        }

        var main = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "retention", funderId = ina, legalBasisCode = "sgb9-185-2" });
        var extra = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "expert-statement", funderId = ina, legalBasisCode = "fds-27-schwbav", parentCaseId = main });
        await caseworker.UploadOkAsync(extra, "ExpertStatement");
        using (var unconfirmed = await caseworker.MoveAsync(extra, new { to = "FP4" }))
        {
            await unconfirmed.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["PH-FDS-06"], await unconfirmed.ReadViolatedRulesAsync());
        }

        await caseworker.PatchOkAsync(extra, new { employerAppliedBeforeIfd = false, applicationWithIfdSupportConfirmed = true, priorMeasuresExhaustedConfirmed = true });
        using var done = await caseworker.MoveAsync(extra, new { to = "FP4" });
        await done.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("FP4", await caseworker.PhaseOfAsync(extra));
    }

    [Theory]
    [Trait("Rule", "BA-SI-02")]
    [Trait("Rule", "BA-UB-02")]
    [Trait("Rule", "BA-ST-02")]
    [InlineData("IntegrationOffice", "sgb9-185-2", 9, false)]
    [InlineData("IntegrationOffice", "sgb9-55-3", 12, false)]
    [InlineData("PensionInsurance", "sgb9-196-3", 6, true)]
    public async Task BA_the_planned_end_follows_from_the_P3_date_and_the_kind_of_commission(string funderKind, string legalBasis, int months, bool reha)
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateCompleteClientAsync(factory);
        var funder = await caseworker.CreateFunderAsync(factory, funderKind);
        var id = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "retention", funderId = funder, legalBasisCode = legalBasis, caseGroupCode = "support-need", referringBodyCode = "employer" });
        await caseworker.SignNoticeAsync(id, factory.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof", "GoalAgreement");
        if (reha)
        {
            await caseworker.UploadOkAsync(id, "WrittenCommission");
        }

        using var moved = await caseworker.MoveAsync(id, new { to = "P3" });
        await moved.ExpectAsync(HttpStatusCode.OK);
        var body = await moved.Content.ReadFromJsonAsync<JsonElement>();
        var start = DateOnly.Parse(body.GetProperty("commissionStart").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(start.AddMonths(months).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), body.GetProperty("plannedEndDate").GetString());
    }
}
