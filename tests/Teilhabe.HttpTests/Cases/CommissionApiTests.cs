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
/// Kinds of commission (DOMAIN.md section 4) over the API. The tests move this class's own clock forward
/// (never back) and compute every date from it, so they stay independent of each other.
/// </summary>
public sealed class CommissionApiTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    [Trait("Rule", "BA-SI-01")]
    public async Task BASI01_objection_on_day_27_and_28_is_accepted_on_day_29_refused_and_the_status_follows()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var day27 = await caseworker.InaSicherungInP3Async(factory, ina);
        var day28 = await caseworker.InaSicherungInP3Async(factory, ina);
        var day29 = await caseworker.InaSicherungInP3Async(factory, ina);
        Assert.Equal("requested", (await caseworker.GetJsonAsync($"/api/v1/cases/{day27}")).GetProperty("commissionStatus").GetString());

        factory.Clock.Advance(TimeSpan.FromDays(27));
        using (var coordinator = await factory.LoginAsync(tenant.Coordinator))
        {
            using var objected = await coordinator.PostAsJsonAsync($"/api/v1/cases/{day27}/objection", new { reason = "Keine Zuständigkeit des Integrationsamtes: Reha-Träger vorrangig." });
            await objected.ExpectAsync(HttpStatusCode.OK);
            var body = await objected.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("objected", body.GetProperty("commissionStatus").GetString());
            Assert.Equal(factory.Today(), body.GetProperty("objection").GetProperty("on").GetString());
        }

        factory.Clock.Advance(TimeSpan.FromDays(1));
        using (var coordinator = await factory.LoginAsync(tenant.Coordinator))
        {
            using var lastDay = await coordinator.PostAsJsonAsync($"/api/v1/cases/{day28}/objection", new { reason = "Kein sozialversicherungspflichtiges Arbeitsverhältnis." });
            await lastDay.ExpectAsync(HttpStatusCode.OK);
        }

        factory.Clock.Advance(TimeSpan.FromDays(1));
        using var later = await factory.LoginAsync(tenant.Coordinator);
        using (var tooLate = await later.PostAsJsonAsync($"/api/v1/cases/{day29}/objection", new { reason = "Zu spät." }))
        {
            await tooLate.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["BA-SI-01"], await tooLate.ReadViolatedRulesAsync());
        }

        using var caseworkerLater = await factory.LoginAsync(tenant.CaseworkerA);
        Assert.Equal("commissioned", (await caseworkerLater.GetJsonAsync($"/api/v1/cases/{day29}")).GetProperty("commissionStatus").GetString());
        var objectedCase = await caseworkerLater.GetJsonAsync($"/api/v1/cases/{day27}");
        Assert.Equal("objected", objectedCase.GetProperty("commissionStatus").GetString());
        Assert.Equal("Keine Zuständigkeit des Integrationsamtes: Reha-Träger vorrangig.", objectedCase.GetProperty("objection").GetProperty("reason").GetString());
    }

    [Fact]
    [Trait("Rule", "BA-SI-01")]
    public async Task BASI01_only_InA_Koordination_of_the_office_objects_with_a_reason_and_the_case_then_closes_with_objection_only()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var other = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var id = await caseworker.InaSicherungInP3Async(factory, ina);
        var untouched = await caseworker.InaSicherungInP3Async(factory, ina);

        using (var byCaseworker = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/objection", new { reason = "x" }))
        {
            await byCaseworker.ExpectAsync(HttpStatusCode.Forbidden);
        }

        using (var foreignCoordinator = await factory.LoginAsync(other.Coordinator))
        using (var foreign = await foreignCoordinator.PostAsJsonAsync($"/api/v1/cases/{id}/objection", new { reason = "x" }))
        {
            await foreign.ExpectAsync(HttpStatusCode.NotFound);
        }

        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        using (var noReason = await coordinator.PostAsJsonAsync($"/api/v1/cases/{id}/objection", new { reason = " " }))
        {
            await noReason.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            var problem = await noReason.ReadProblemAsync();
            Assert.Contains(problem.GetProperty("violations").EnumerateArray(), v => v.GetProperty("rule").GetString() == "BA-SI-01" && v.GetProperty("field").GetString() == "reason");
        }

        using (var objected = await coordinator.PostAsJsonAsync($"/api/v1/cases/{id}/objection", new { reason = "Vorrangig Rentenversicherung." }))
        {
            await objected.ExpectAsync(HttpStatusCode.OK);
        }

        await caseworker.PatchOkAsync(id, new { closingResult = "Widerspruch des Integrationsamtes." });
        await caseworker.PatchOkAsync(untouched, new { closingResult = "Ziel erreicht." });
        using (var otherReason = await caseworker.MoveAsync(id, new { to = "P4", reasonCode = "fulfilled", outcomeCategoryCode = "other" }))
        {
            await otherReason.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Contains("BA-SI-01", await otherReason.ReadViolatedRulesAsync());
        }

        using (var withoutObjection = await caseworker.MoveAsync(untouched, new { to = "P4", reasonCode = "objection", outcomeCategoryCode = "other" }))
        {
            await withoutObjection.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Contains("BA-SI-01", await withoutObjection.ReadViolatedRulesAsync());
        }

        using var closed = await caseworker.MoveAsync(id, new { to = "P4", reasonCode = "objection", outcomeCategoryCode = "other" });
        await closed.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("P4", await caseworker.PhaseOfAsync(id));
    }

    [Fact]
    [Trait("Rule", "BA-SI-03")]
    public async Task BASI03_failed_Sicherung_needs_the_new_employment_situation_first_then_closes_on_the_day_of_knowledge()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var id = await caseworker.InaSicherungInP3Async(factory, ina);
        var client = (await caseworker.GetJsonAsync($"/api/v1/cases/{id}")).GetProperty("clientId").GetString()!;
        await caseworker.PatchOkAsync(id, new { closingResult = "Aufhebungsvertrag zum Monatsende." });
        var today = factory.Today();

        using (var first = await caseworker.MoveAsync(id, new { to = "P4", date = today, reasonCode = "retention-failed", outcomeCategoryCode = "job-ended-agreement" }))
        {
            await first.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            var problem = await first.ReadProblemAsync();
            var violation = problem.GetProperty("violations").EnumerateArray().Single(v => v.GetProperty("rule").GetString() == "BA-SI-03");
            Assert.Contains("Beschäftigungssituation", violation.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal("P3", await caseworker.PhaseOfAsync(id));
        var future = DateOnly.Parse(today, CultureInfo.InvariantCulture).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using (var unemployed = await caseworker.PostAsJsonAsync($"/api/v1/clients/{client}/employment-situations", new { kindCode = "unemployed", from = future }))
        {
            await unemployed.ExpectAsync(HttpStatusCode.Created);
        }

        using var closed = await caseworker.MoveAsync(id, new { to = "P4", date = today, reasonCode = "retention-failed", outcomeCategoryCode = "job-ended-agreement" });
        await closed.ExpectAsync(HttpStatusCode.OK);
        var body = await closed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(today, body.GetProperty("closedOn").GetString());
        Assert.Equal("retention-failed", body.GetProperty("closingReasonCode").GetString());
    }

    [Fact]
    [Trait("Rule", "BA-SI-05")]
    public async Task BASI05_P3_of_an_InA_Sicherung_warns_but_allows_when_the_client_is_marginally_employed()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var client = await caseworker.CreateCompleteClientAsync(factory);
        using (var marginal = await caseworker.PostAsJsonAsync($"/api/v1/clients/{client}/employment-situations", new { kindCode = "marginal-employment", from = factory.Today() }))
        {
            await marginal.ExpectAsync(HttpStatusCode.Created);
        }

        var id = await caseworker.ReadyInaSicherungAsync(factory, ina, client);
        var check = await caseworker.GetJsonAsync($"/api/v1/cases/{id}/transitions/P3/check");
        Assert.True(check.GetProperty("allowed").GetBoolean());
        Assert.Contains(check.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("rule").GetString() == "BA-SI-05" && w.GetProperty("field").GetString() == "employment");
        Assert.DoesNotContain(check.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("field").GetString() == "disabilityEvidence");
    }

    [Fact]
    [Trait("Rule", "BA-UB-01")]
    public async Task BAUB01_UB_presets_the_InA_commission_and_P3_is_refused_before_the_first_working_day()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var client = await caseworker.CreateCompleteClientAsync(factory);
        var start = DateOnly.Parse(factory.Today(), CultureInfo.InvariantCulture).AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using (var job = await caseworker.PostAsJsonAsync($"/api/v1/clients/{client}/employment-situations", new { kindCode = "employed", from = start }))
        {
            await job.ExpectAsync(HttpStatusCode.Created);
        }

        var id = await caseworker.CreateCaseAsync(new { clientId = client, legalBasisCode = "sgb9-55-3", caseGroupCode = "support-need" });
        var created = await caseworker.GetJsonAsync($"/api/v1/cases/{id}");
        Assert.Equal("P1", created.GetProperty("phase").GetString());
        Assert.Equal("retention", created.GetProperty("careTypeCode").GetString());
        Assert.Equal("integration-office", created.GetProperty("referringBodyCode").GetString());
        Assert.Equal(ina, created.GetProperty("funderId").GetString());

        await caseworker.SignNoticeAsync(id, factory.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof", "GoalAgreement");
        using (var early = await caseworker.MoveAsync(id, new { to = "P3" }))
        {
            await early.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["BA-UB-01"], await early.ReadViolatedRulesAsync());
        }

        factory.Clock.Advance(TimeSpan.FromDays(7));
        using var later = await factory.LoginAsync(tenant.CaseworkerA);
        using var moved = await later.MoveAsync(id, new { to = "P3" });
        await moved.ExpectAsync(HttpStatusCode.OK);
        var body = await moved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(DateOnly.Parse(start, CultureInfo.InvariantCulture).AddMonths(12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), body.GetProperty("plannedEndDate").GetString());
    }

    [Fact]
    [Trait("Rule", "BA-EXT-01")]
    public async Task BAEXT01_extension_is_decided_by_InA_and_sets_the_new_end_and_a_request_10_days_before_the_end_is_refused()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var early = await caseworker.InaSicherungInP3Async(factory, ina);
        var late = await caseworker.InaSicherungInP3Async(factory, ina);
        var end = DateOnly.Parse((await caseworker.GetJsonAsync($"/api/v1/cases/{early}")).GetProperty("plannedEndDate").GetString()!, CultureInfo.InvariantCulture);
        var wanted = end.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using (var noReport = await caseworker.PostAsJsonAsync($"/api/v1/cases/{early}/extension-requests", new { requestedEndDate = wanted }))
        {
            await noReport.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["BA-EXT-01"], await noReport.ReadViolatedRulesAsync());
        }

        using var requested = await caseworker.PostAsJsonAsync($"/api/v1/cases/{early}/extension-requests", new { progressReport = "Einarbeitung dauert länger; Arbeitsplatzanpassung noch offen.", requestedEndDate = wanted });
        var rid = await requested.ReadCreatedIdAsync();

        using (var byCaseworker = await caseworker.PostAsJsonAsync($"/api/v1/cases/{early}/extension-requests/{rid}/decision", new { approved = true }))
        {
            await byCaseworker.ExpectAsync(HttpStatusCode.Forbidden);
        }

        // On the InA workspace each label of the decision form stands with its field.
        using (var coordinatorPages = await factory.SignInToPagesAsync(tenant.Coordinator))
        {
            var workspace = await coordinatorPages.GetStringAsync("/ina");
            Assert.Matches($"<div class=\"field\">\\s*<label for=\"end-{rid}\">Neues Ende</label>\\s*<input type=\"date\" id=\"end-{rid}\"", workspace);
            Assert.Matches($"<div class=\"field\">\\s*<label for=\"note-{rid}\">Notiz \\(optional\\)</label>\\s*<textarea id=\"note-{rid}\"", workspace);
        }

        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        var granted = end.AddMonths(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using (var decided = await coordinator.PostAsJsonAsync($"/api/v1/cases/{early}/extension-requests/{rid}/decision", new { approved = true, note = "Bewilligt für zwei Monate.", newEndDate = granted }))
        {
            await decided.ExpectAsync(HttpStatusCode.OK);
        }

        Assert.Equal(granted, (await caseworker.GetJsonAsync($"/api/v1/cases/{early}")).GetProperty("plannedEndDate").GetString());
        var list = await caseworker.GetJsonAsync($"/api/v1/cases/{early}/extension-requests");
        Assert.True(list[0].GetProperty("approved").GetBoolean());

        var lateEnd = DateOnly.Parse((await caseworker.GetJsonAsync($"/api/v1/cases/{late}")).GetProperty("plannedEndDate").GetString()!, CultureInfo.InvariantCulture);
        var today = DateOnly.Parse(factory.Today(), CultureInfo.InvariantCulture);
        factory.Clock.Advance(TimeSpan.FromDays(lateEnd.AddDays(-10).DayNumber - today.DayNumber));
        using var caseworkerLater = await factory.LoginAsync(tenant.CaseworkerA);
        using var tooLate = await caseworkerLater.PostAsJsonAsync($"/api/v1/cases/{late}/extension-requests", new { progressReport = "Sachstand", requestedEndDate = lateEnd.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        await tooLate.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["BA-EXT-01"], await tooLate.ReadViolatedRulesAsync());
        Assert.Equal(0, (await caseworkerLater.GetJsonAsync($"/api/v1/cases/{late}/extension-requests")).GetArrayLength());
    }

    [Fact]
    [Trait("Rule", "BA-IB-01")]
    [Trait("Rule", "BA-IB-02")]
    public async Task BAIB01_an_Inklusionsbetrieb_application_with_its_need_is_decided_by_InA_and_the_own_Traeger_flags_a_conflict()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var client = await caseworker.CreateCompleteClientAsync(factory);
        using (var company = await caseworker.PostAsJsonAsync("/api/v1/institutions", new { name = factory.Unique("Inklusionsbetrieb"), kind = "inclusion-company", providerId = tenant.ProviderId }))
        {
            var institution = await company.ReadCreatedIdAsync();
            using var job = await caseworker.PostAsJsonAsync($"/api/v1/clients/{client}/employment-situations", new { kindCode = "employed", from = factory.Today(), institutionId = institution });
            await job.ExpectAsync(HttpStatusCode.Created);
        }

        var id = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "retention", funderId = ina, legalBasisCode = "sgb9-185-2", caseGroupCode = "support-need", referringBodyCode = "employer" });
        Assert.True((await caseworker.GetJsonAsync($"/api/v1/cases/{id}")).GetProperty("conflictOfInterest").GetBoolean());

        using (var noNeed = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/inclusion-company-applications", new { need = "" }))
        {
            await noNeed.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["BA-IB-01"], await noNeed.ReadViolatedRulesAsync());
        }

        using var applied = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/inclusion-company-applications", new { need = "Begleitung bei Konflikten mit Kollegen über § 217 hinaus." });
        var aid = await applied.ReadCreatedIdAsync();
        using (var byCaseworker = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/inclusion-company-applications/{aid}/decision", new { approved = true }))
        {
            await byCaseworker.ExpectAsync(HttpStatusCode.Forbidden);
        }

        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        using (var decided = await coordinator.PostAsJsonAsync($"/api/v1/cases/{id}/inclusion-company-applications/{aid}/decision", new { approved = false, note = "Bedarf durch § 217 gedeckt." }))
        {
            await decided.ExpectAsync(HttpStatusCode.OK);
        }

        var list = await caseworker.GetJsonAsync($"/api/v1/cases/{id}/inclusion-company-applications");
        Assert.False(list[0].GetProperty("approved").GetBoolean());
        Assert.Equal("Bedarf durch § 217 gedeckt.", list[0].GetProperty("note").GetString());
    }

    [Fact]
    [Trait("Rule", "BA-ST-01")]
    [Trait("Rule", "BA-ST-02")]
    public async Task BAST01_successful_placement_closes_the_Vermittlung_the_day_before_the_job_and_opens_a_P3_stabilisation_with_the_same_funder()
    {
        var (caseworker, _, client, id, agency, employer) = await factory.PlacementInP3Async();
        var jobStart = DateOnly.Parse(factory.Today(), CultureInfo.InvariantCulture).AddDays(7);
        using var form = factory.PlacementForm(jobStart, employer, "sgb9-196-3-analog", CaseApi.SmallPdf, CaseApi.SmallPdf);
        using var response = await caseworker.PostAsync($"/api/v1/cases/{id}/successful-placement", form);
        await response.ExpectAsync(HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, body.GetProperty("closedCaseId").GetString());
        var newId = body.GetProperty("newCaseId").GetString()!;

        var closed = await caseworker.GetJsonAsync($"/api/v1/cases/{id}");
        Assert.Equal("P4", closed.GetProperty("phase").GetString());
        Assert.Equal("placement-successful", closed.GetProperty("closingReasonCode").GetString());
        Assert.Equal("permanent-employment", closed.GetProperty("outcomeCategoryCode").GetString());
        Assert.Equal(Iso(jobStart.AddDays(-1)), closed.GetProperty("closedOn").GetString());

        var stabilisation = await caseworker.GetJsonAsync($"/api/v1/cases/{newId}");
        Assert.Equal("P3", stabilisation.GetProperty("phase").GetString());
        Assert.Equal(client, stabilisation.GetProperty("clientId").GetString());
        Assert.Equal(agency, stabilisation.GetProperty("funderId").GetString());
        Assert.Equal("retention", stabilisation.GetProperty("careTypeCode").GetString());
        Assert.Equal("sgb9-196-3-analog", stabilisation.GetProperty("legalBasisCode").GetString());
        Assert.Equal(Iso(jobStart), stabilisation.GetProperty("commissionStart").GetString());
        Assert.Equal(Iso(jobStart.AddMonths(6)), stabilisation.GetProperty("plannedEndDate").GetString());
        Assert.Equal("2026-01", stabilisation.GetProperty("dataProtectionNotice").GetProperty("version").GetString());
        var kinds = (await caseworker.GetJsonAsync($"/api/v1/cases/{newId}/documents")).EnumerateArray().Select(d => d.GetProperty("kind").GetString()).ToList();
        Assert.Contains("DataProtectionNotice", kinds);
        Assert.Contains("GoalAgreement", kinds);

        var employment = (await caseworker.GetJsonAsync($"/api/v1/clients/{client}")).GetProperty("employmentSituations").EnumerateArray().ToList();
        Assert.Contains(employment, e => e.GetProperty("from").GetString() == Iso(jobStart) && e.GetProperty("state").GetString() == "expected" && e.GetProperty("institutionId").GetString() == employer);
    }

    [Theory]
    [Trait("Rule", "BA-ST-01")]
    [InlineData("second-file-invalid", "DOC-01")]
    [InlineData("new-case-refused-in-the-middle", "PH-P3-01")]
    [InlineData("wrong-legal-basis", "BA-ST-01")]
    public async Task BAST01_any_refusal_leaves_both_cases_employment_and_documents_unchanged(string failure, string rule)
    {
        var (caseworker, _, client, id, _, employer) = await factory.PlacementInP3Async();
        var before = await caseworker.GetJsonAsync($"/api/v1/cases/{id}");
        var employmentBefore = (await caseworker.GetJsonAsync($"/api/v1/clients/{client}")).GetProperty("employmentSituations").GetArrayLength();
        var documentsBefore = (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/documents")).GetArrayLength();
        var jobStart = DateOnly.Parse(factory.Today(), CultureInfo.InvariantCulture).AddDays(3);
        using var form = failure switch
        {
            "second-file-invalid" => factory.PlacementForm(jobStart, employer, "sgb9-196-3-analog", CaseApi.SmallPdf, "kein PDF, sondern Text"u8.ToArray()),

            // § 196 Abs. 3 is a Reha commission and needs the schriftliche Beauftragung (optional file "writtenCommission"):
            // without it the new P3 is refused only after the employment and the closing were written.
            "new-case-refused-in-the-middle" => factory.PlacementForm(jobStart, employer, "sgb9-196-3", CaseApi.SmallPdf, CaseApi.SmallPdf),
            _ => factory.PlacementForm(jobStart, employer, "sgb9-185-2", CaseApi.SmallPdf, null),
        };

        using var response = await caseworker.PostAsync($"/api/v1/cases/{id}/successful-placement", form);
        await response.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        var rules = await response.ReadViolatedRulesAsync();
        Assert.True(rules.Contains(rule), "violated: " + string.Join(", ", rules));

        var after = await caseworker.GetJsonAsync($"/api/v1/cases/{id}");
        Assert.Equal("P3", after.GetProperty("phase").GetString());
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
        Assert.True(!after.TryGetProperty("closedOn", out var closedOn) || closedOn.ValueKind == JsonValueKind.Null);
        Assert.Equal(1, (await caseworker.GetJsonAsync($"/api/v1/cases?clientId={client}")).GetProperty("total").GetInt32());
        Assert.Equal(employmentBefore, (await caseworker.GetJsonAsync($"/api/v1/clients/{client}")).GetProperty("employmentSituations").GetArrayLength());
        Assert.Equal(documentsBefore, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/documents")).GetArrayLength());
    }

    [Fact]
    [Trait("Rule", "PH-P2-04")]
    public async Task PHP204_InA_Koordination_sees_the_cases_waiting_for_its_agreement_until_it_approves()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateCompleteClientAsync(factory);
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var id = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "retention", funderId = ina, legalBasisCode = "sgb9-185-2", caseGroupCode = "support-need", referringBodyCode = "employer" });
        await caseworker.SignNoticeAsync(id, factory.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof");
        await caseworker.PatchOkAsync(id, new { plannedContents = "Konflikt mit dem Vorgesetzten klären" });
        using (var p2 = await caseworker.MoveAsync(id, new { to = "P2" }))
        {
            await p2.ExpectAsync(HttpStatusCode.OK);
        }

        // A second case of a client without history: in P1 it needs no agreement and stays off the list.
        var fresh = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateCompleteClientAsync(factory), careTypeCode = "retention", funderId = ina, legalBasisCode = "sgb9-185-2", caseGroupCode = "support-need", referringBodyCode = "employer" });
        var number = (await caseworker.GetJsonAsync($"/api/v1/cases/{id}")).GetProperty("caseNumber").GetString()!;

        using var coordinatorPages = await factory.SignInToPagesAsync(tenant.Coordinator);
        var section = Section(WebUtility.HtmlDecode(await coordinatorPages.GetStringAsync("/ina")));
        Assert.Contains($"/faelle/{id}/merkblatt#abstimmungen", section, StringComparison.Ordinal);
        Assert.Contains(number, section, StringComparison.Ordinal);
        Assert.Contains("Wechsel von P2 nach P3", section, StringComparison.Ordinal);
        Assert.Contains("PH-P2-04", section, StringComparison.Ordinal);
        Assert.DoesNotContain($"/faelle/{fresh}/", section, StringComparison.Ordinal);

        using (var coordinator = await factory.LoginAsync(tenant.Coordinator))
        using (var approved = await coordinator.PostAsJsonAsync($"/api/v1/cases/{id}/agreements", new { kind = "P2-to-P3", agreedOn = factory.Today() }))
        {
            Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        }

        Assert.DoesNotContain($"/faelle/{id}/", Section(await coordinatorPages.GetStringAsync("/ina")), StringComparison.Ordinal);

        static string Section(string page)
        {
            var start = page.IndexOf("id=\"abstimmungen\"", StringComparison.Ordinal);
            Assert.True(start >= 0, "section Abzustimmende Fälle missing");
            return page[start..page.IndexOf("</section>", start, StringComparison.Ordinal)];
        }
    }

    [Fact]
    [Trait("Rule", "BA-SI-01")]
    public async Task BASI01_InA_Koordination_sees_the_request_on_ina_objects_there_and_the_caseworker_sees_the_objection_on_the_case_page()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var id = await caseworker.InaSicherungInP3Async(factory, ina);
        var number = (await caseworker.GetJsonAsync($"/api/v1/cases/{id}")).GetProperty("caseNumber").GetString()!;

        using var coordinatorPages = await factory.SignInToPagesAsync(tenant.Coordinator);
        var workspace = await coordinatorPages.GetStringAsync("/ina");
        Assert.Contains(number, workspace, StringComparison.Ordinal);
        Assert.Contains("Widersprechen", workspace, StringComparison.Ordinal);
        // The label of the reason stands with its field (one .field block), not apart from it in the row.
        Assert.Matches($"<div class=\"field\">\\s*<label for=\"reason-{id}\">.*?</label>\\s*<textarea id=\"reason-{id}\"", workspace);
        using (var review = await coordinatorPages.PostFormAsync("/ina?handler=Object", new Dictionary<string, string> { ["caseId"] = id, ["reason"] = "Vorrangig Reha-Träger prüfen" }))
        {
            // The first post only shows the review step naming the case and the consequence; nothing is recorded yet.
            Assert.Equal(HttpStatusCode.OK, review.StatusCode);
            var html = WebUtility.HtmlDecode(await review.Content.ReadAsStringAsync());
            Assert.Contains(number, html, StringComparison.Ordinal);
            Assert.Contains("Widerspruch endgültig erfassen", html, StringComparison.Ordinal);
            Assert.Contains("abmelden", html, StringComparison.Ordinal);
        }

        Assert.Contains(number, await coordinatorPages.GetStringAsync("/ina"), StringComparison.Ordinal);
        using (var objected = await coordinatorPages.PostFormAsync("/ina?handler=Object", new Dictionary<string, string> { ["caseId"] = id, ["reason"] = "Vorrangig Reha-Träger prüfen", ["confirmed"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, objected.StatusCode);
        }

        Assert.DoesNotContain($"/faelle/{id}\"", await coordinatorPages.GetStringAsync("/ina"), StringComparison.Ordinal);

        using var caseworkerPages = await factory.SignInToPagesAsync(tenant.CaseworkerA);
        var page = WebUtility.HtmlDecode(await caseworkerPages.GetStringAsync($"/faelle/{id}/phase"));
        Assert.Contains("Widerspruch des Integrationsamtes", page, StringComparison.Ordinal);
        Assert.Contains("Vorrangig Reha-Träger prüfen", page, StringComparison.Ordinal);
        Assert.Contains("#phase-wechseln", page, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "BA-SI-01")]
    [Trait("Rule", "BA-EXT-01")]
    public async Task BASI01_BAEXT01_the_deadline_lists_ask_to_close_after_an_objection_and_InA_to_decide_a_pending_extension()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var objected = await caseworker.InaSicherungInP3Async(factory, ina);
        var extended = await caseworker.InaSicherungInP3Async(factory, ina);
        using (var objection = await coordinator.PostAsJsonAsync($"/api/v1/cases/{objected}/objection", new { reason = "Reha-Träger vorrangig zuständig." }))
        {
            await objection.ExpectAsync(HttpStatusCode.OK);
        }

        var end = DateOnly.Parse((await caseworker.GetJsonAsync($"/api/v1/cases/{extended}")).GetProperty("plannedEndDate").GetString()!, CultureInfo.InvariantCulture);
        using (var request = await caseworker.PostAsJsonAsync($"/api/v1/cases/{extended}/extension-requests",
            new { progressReport = "Arbeitsplatzanpassung läuft noch; drei Monate Begleitung nötig.", requestedEndDate = Iso(end.AddMonths(3)) }))
        {
            await request.ExpectAsync(HttpStatusCode.Created);
        }

        var own = await caseworker.GetJsonAsync("/api/v1/deadlines");
        Assert.Contains(own.EnumerateArray(), e => e.GetProperty("caseId").GetString() == objected && e.GetProperty("rule").GetString() == "BA-SI-01"
            && e.GetProperty("label").GetString()!.Contains("Widerspruch", StringComparison.Ordinal));
        var ina2 = await coordinator.GetJsonAsync("/api/v1/deadlines");
        Assert.Contains(ina2.EnumerateArray(), e => e.GetProperty("caseId").GetString() == extended && e.GetProperty("rule").GetString() == "BA-EXT-01"
            && e.GetProperty("label").GetString()!.Contains("entscheiden", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "BA-UB-02")]
    public async Task BAUB02_a_Reha_Traeger_UB_takes_the_funders_period_and_other_cases_refuse_a_typed_end()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var drv = await caseworker.CreateFunderAsync(factory, "PensionInsurance");
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var reha = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync(), funderId = drv, legalBasisCode = "sgb9-55-3", careTypeCode = "retention" });
        var inaUb = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync(), funderId = ina, legalBasisCode = "sgb9-55-3", careTypeCode = "retention" });
        var end = factory.BerlinToday().AddMonths(18);

        await caseworker.PatchOkAsync(reha, new { plannedEndDate = Iso(end) });
        using var refused = await caseworker.PatchAsJsonAsync($"/api/v1/cases/{inaUb}", new { plannedEndDate = Iso(end) });

        Assert.Equal(Iso(end), (await caseworker.GetJsonAsync($"/api/v1/cases/{reha}")).GetProperty("plannedEndDate").GetString());
        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["BA-UB-02"], await refused.ReadViolatedRulesAsync());
        Assert.Equal(JsonValueKind.Null, (await caseworker.GetJsonAsync($"/api/v1/cases/{inaUb}")).GetProperty("plannedEndDate").ValueKind);

        // The case form offers the field only where the funder's period applies.
        using var pages = await factory.SignInToPagesAsync(tenant.CaseworkerA);
        Assert.Contains("Bewilligungszeitraum des Reha-Tr", await pages.GetStringAsync($"/faelle/{reha}/angaben"), StringComparison.Ordinal);
        Assert.DoesNotContain("Bewilligungszeitraum des Reha-Tr", await pages.GetStringAsync($"/faelle/{inaUb}/angaben"), StringComparison.Ordinal);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
