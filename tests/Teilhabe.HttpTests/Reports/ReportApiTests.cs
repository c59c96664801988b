using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Reports;

/// <summary>Reports, requests and goals over the API (issue "Reports as PDF/A"), on SQLite and PostgreSQL.</summary>
public sealed class ReportApiTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private async Task<(HttpClient Caseworker, string CaseId, TestTenant Tenant)> CaseAsync(bool secondService = false)
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: secondService);
        var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        return (caseworker, id, tenant);
    }

    private static Task<HttpResponseMessage> GenerateAsync(HttpClient client, string caseId, string kind)
        => client.PostAsJsonAsync($"/api/v1/cases/{caseId}/reports", new { kind });

    private static async Task<JsonElement> GenerateOkAsync(HttpClient client, string caseId, string kind)
    {
        using var response = await GenerateAsync(client, caseId, kind);
        await response.ExpectAsync(HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    [Trait("Rule", "REP-01")]
    public async Task REP01_a_report_with_empty_mandatory_fields_is_refused_with_422_naming_each_field()
    {
        var (caseworker, id, _) = await CaseAsync();
        using var _c = caseworker;

        using var refused = await GenerateAsync(caseworker, id, "InitialCare");

        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        var violations = (await refused.ReadProblemAsync()).GetProperty("violations").EnumerateArray().ToList();
        Assert.All(violations, v => Assert.Equal("REP-01", v.GetProperty("rule").GetString()));
        Assert.Equal(["disabilityImpact", "goalAgreement", "supplements"], violations.Select(v => v.GetProperty("field").GetString()));
        Assert.Equal(0, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/reports")).GetArrayLength());

        using var unknown = await GenerateAsync(caseworker, id, "Zwischenbericht");
        await unknown.ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    [Trait("Rule", "REP-03")]
    public async Task REP03_each_generation_is_a_new_immutable_version_with_its_hash_and_downloads_as_pdf()
    {
        var (caseworker, id, _) = await CaseAsync();
        using var _c = caseworker;
        await caseworker.PatchOkAsync(id, new { plannedContents = "Beratung zur Größe des Arbeitsplatzes", todo = "Nicht im Bericht" });

        var first = await GenerateOkAsync(caseworker, id, "InitialCounselling");
        Assert.Equal(1, first.GetProperty("version").GetInt32());
        await caseworker.PatchOkAsync(id, new { plannedContents = "Beratung zur Größe des Arbeitsplatzes und zu Hilfsmitteln" });
        var second = await GenerateOkAsync(caseworker, id, "InitialCounselling");
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        Assert.Matches("^[0-9a-f]{64}$", second.GetProperty("sha256").GetString());
        Assert.NotEqual(first.GetProperty("sha256").GetString(), second.GetProperty("sha256").GetString());

        var list = (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/reports")).EnumerateArray().ToList();
        Assert.Equal(2, list.Count);
        Assert.All(list, v => Assert.Equal("InitialCounselling", v.GetProperty("kind").GetString()));
        Assert.All(list, v => Assert.False(string.IsNullOrEmpty(v.GetProperty("createdBy").GetString())));

        using var download = await caseworker.GetAsync($"/api/v1/reports/{first.GetProperty("id").GetString()}");
        await download.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(first.GetProperty("sha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }

    [Fact]
    [Trait("Rule", "REP-03")]
    public async Task REP03_generations_at_the_same_moment_get_distinct_versions_or_a_conflict_never_a_server_error()
    {
        var (caseworker, id, _) = await CaseAsync();
        using var _c = caseworker;
        await caseworker.PatchOkAsync(id, new { plannedContents = "Beratung zur Größe des Arbeitsplatzes" });

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => GenerateAsync(caseworker, id, "InitialCounselling")));

        try
        {
            Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"got {(int)r.StatusCode}"));
            var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
            Assert.True(created >= 1);
            var versions = (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/reports")).EnumerateArray()
                .Select(v => v.GetProperty("version").GetInt32()).Order().ToList();
            Assert.Equal(Enumerable.Range(1, created), versions);
        }
        finally
        {
            foreach (var r in responses)
            {
                r.Dispose();
            }
        }
    }

    [Fact]
    [Trait("Rule", "ACC-07")]
    public async Task ACC07_InA_coordination_downloads_a_report_and_another_IFD_gets_404()
    {
        var (caseworker, id, tenant) = await CaseAsync(secondService: true);
        using var _c = caseworker;
        await caseworker.PatchOkAsync(id, new { plannedContents = "Klärung der Arbeitszeit" });
        var report = (await GenerateOkAsync(caseworker, id, "InitialCounselling")).GetProperty("id").GetString();

        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        using (var ok = await coordinator.GetAsync($"/api/v1/reports/{report}"))
        {
            await ok.ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("application/pdf", ok.Content.Headers.ContentType!.MediaType);
        }

        using var other = await factory.LoginAsync(tenant.CaseworkerB!);
        using var hidden = await other.GetAsync($"/api/v1/reports/{report}");
        await hidden.ExpectAsync(HttpStatusCode.NotFound);
        using var hiddenList = await other.GetAsync($"/api/v1/cases/{id}/reports");
        await hiddenList.ExpectAsync(HttpStatusCode.NotFound);
        using var notTheirs = await GenerateAsync(other, id, "InitialCounselling");
        await notTheirs.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    [Trait("Rule", "LEK-04")]
    public async Task LEK04_an_LEK_that_got_its_start_date_on_the_day_of_an_Anfangsbericht_is_locked()
    {
        var (caseworker, id, _) = await CaseAsync();
        using var _c = caseworker;
        var lek = await caseworker.CreateOutcomeAsync(id);
        using (var contact = await caseworker.RecordContactAsync(id, factory.Clock.GetUtcNow().AddMinutes(-30), [lek]))
        {
            await contact.ExpectAsync(HttpStatusCode.Created);
        }

        await caseworker.PatchOkAsync(id, new { plannedContents = "Klärung der Arbeitszeit" });
        await GenerateOkAsync(caseworker, id, "InitialCounselling");

        using var removed = await caseworker.DeleteAsync($"/api/v1/outcomes/{lek}/start-date");
        await removed.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["LEK-04"], await removed.ReadViolatedRulesAsync());

        // A Sachstandsbericht is no Anfangsbericht: it locks nothing.
        var other = await caseworker.CreateOutcomeAsync(id, "employer-counselled");
        using (var contact = await caseworker.RecordContactAsync(id, factory.Clock.GetUtcNow().AddMinutes(-20), [other]))
        {
            await contact.ExpectAsync(HttpStatusCode.Created);
        }

        await caseworker.PatchOkAsync(id, new { progress = "Gespräche geführt" });
        await GenerateOkAsync(caseworker, id, "Progress");
        using var free = await caseworker.DeleteAsync($"/api/v1/outcomes/{other}/start-date");
        await free.ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    [Trait("Rule", "REP-04")]
    public async Task REP04_a_requested_Sachstandsbericht_is_listed_and_fulfilled_by_the_next_Progress_report()
    {
        var (caseworker, id, tenant) = await CaseAsync();
        using var _c = caseworker;
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        var due = factory.BerlinToday().AddDays(14).Iso();

        using (var created = await coordinator.PostAsJsonAsync($"/api/v1/cases/{id}/report-requests", new { kind = "Progress", requestedBy = "InA-Koordination Thüringen", dueDate = due }))
        {
            await created.ExpectAsync(HttpStatusCode.Created);
        }

        using (var wrongKind = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/report-requests", new { kind = "Final", requestedBy = "DRV", dueDate = due }))
        {
            await wrongKind.ExpectAsync(HttpStatusCode.BadRequest);
        }

        var open = Assert.Single((await caseworker.GetJsonAsync($"/api/v1/cases/{id}/report-requests")).EnumerateArray());
        Assert.Equal(("InA-Koordination Thüringen", due, false), (open.GetProperty("requestedBy").GetString(), open.GetProperty("dueDate").GetString(), open.GetProperty("fulfilled").GetBoolean()));

        await caseworker.PatchOkAsync(id, new { progress = "Gespräche geführt; Verlängerung um drei Monate nötig." });
        var report = await GenerateOkAsync(caseworker, id, "Progress");
        var done = Assert.Single((await caseworker.GetJsonAsync($"/api/v1/cases/{id}/report-requests")).EnumerateArray());
        Assert.True(done.GetProperty("fulfilled").GetBoolean());
        Assert.Equal(report.GetProperty("id").GetString(), done.GetProperty("fulfilledByReportId").GetString());
    }

    [Fact]
    [Trait("Rule", "REP-07")]
    public async Task REP07_the_check_lists_corrections_and_missing_fields_before_the_report()
    {
        var (caseworker, id, _) = await CaseAsync();
        using var _c = caseworker;
        await caseworker.CreateOutcomeAsync(id);

        var check = await caseworker.GetJsonAsync($"/api/v1/cases/{id}/reports/check?kind=Final");

        Assert.False(check.GetProperty("allowed").GetBoolean());
        Assert.Equal(["closingResult"], check.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("field").GetString()));
        var correction = Assert.Single(check.GetProperty("corrections").EnumerateArray());
        Assert.Equal("REP-07", correction.GetProperty("rule").GetString());
        Assert.Contains("LEK ohne Startdatum", correction.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "REP-05")]
    public async Task REP05_goals_are_edited_with_If_Match_and_rated_with_the_three_codes()
    {
        var (caseworker, id, _) = await CaseAsync();
        using var _c = caseworker;
        using var created = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/goals", new { goal = "Arbeitsplatz sichern", subGoals = "Stehhilfe", activities = "Antrag", dueDate = "2027-03-31", resources = "Technischer Dienst", responsible = "Fachkraft" });
        await created.ExpectAsync(HttpStatusCode.Created);
        var goal = await created.Content.ReadFromJsonAsync<JsonElement>();
        var gid = goal.GetProperty("id").GetString();
        var etag = created.Headers.ETag!.Tag;

        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/cases/{id}/goals/{gid}") { Content = JsonContent.Create(new { goal = "Arbeitsplatz dauerhaft sichern" }) })
        {
            put.Headers.TryAddWithoutValidation("If-Match", etag);
            using var ok = await caseworker.SendAsync(put);
            await ok.ExpectAsync(HttpStatusCode.OK);
        }

        using (var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/cases/{id}/goals/{gid}") { Content = JsonContent.Create(new { goal = "Veraltet" }) })
        {
            stale.Headers.TryAddWithoutValidation("If-Match", etag);
            using var conflict = await caseworker.SendAsync(stale);
            await conflict.ExpectAsync(HttpStatusCode.Conflict);
        }

        using (var bad = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/goals/{gid}/rating", new { rating = "erreicht", explanation = "x" }))
        {
            await bad.ExpectAsync(HttpStatusCode.BadRequest);
        }

        using (var rated = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/goals/{gid}/rating", new { rating = "partly-achieved", explanation = "Stehhilfe bewilligt" }))
        {
            await rated.ExpectAsync(HttpStatusCode.OK);
        }

        var listed = Assert.Single((await caseworker.GetJsonAsync($"/api/v1/cases/{id}/goals")).EnumerateArray());
        Assert.Equal(("Arbeitsplatz dauerhaft sichern", "partly-achieved"), (listed.GetProperty("goal").GetString(), listed.GetProperty("rating").GetString()));
    }

    [Fact]
    [Trait("Rule", "PH-P4-02")]
    [Trait("Rule", "REP-05")]
    public async Task PHP402_moving_a_P3_case_to_P4_stores_the_Endbericht_and_needs_every_goal_rated()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateCompleteClientAsync(factory);
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var id = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "retention", funderId = ina, legalBasisCode = "sgb9-185-2", caseGroupCode = "support-need", referringBodyCode = "employer" });
        await caseworker.SignNoticeAsync(id, factory.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof", "GoalAgreement");
        using (var p3 = await caseworker.MoveAsync(id, new { to = "P3" }))
        {
            await p3.ExpectAsync(HttpStatusCode.OK);
        }

        using var created = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/goals", new { goal = "Arbeitsplatz sichern" });
        var gid = await created.ReadCreatedIdAsync();
        await caseworker.PatchOkAsync(id, new { closingResult = "Arbeitsplatz gesichert." });
        var close = new { to = "P4", reasonCode = "fulfilled", outcomeCategoryCode = "job-secured" };
        using (var refused = await caseworker.MoveAsync(id, close))
        {
            await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["REP-05"], await refused.ReadViolatedRulesAsync());
        }

        Assert.Equal(0, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/reports")).GetArrayLength());
        using (var rated = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/goals/{gid}/rating", new { rating = "achieved", explanation = "Vertrag entfristet" }))
        {
            await rated.ExpectAsync(HttpStatusCode.OK);
        }

        using (var moved = await caseworker.MoveAsync(id, close))
        {
            await moved.ExpectAsync(HttpStatusCode.OK);
        }

        var final = Assert.Single((await caseworker.GetJsonAsync($"/api/v1/cases/{id}/reports")).EnumerateArray());
        Assert.Equal(("Final", 1), (final.GetProperty("kind").GetString(), final.GetProperty("version").GetInt32()));
        using var download = await caseworker.GetAsync($"/api/v1/reports/{final.GetProperty("id").GetString()}");
        await download.ExpectAsync(HttpStatusCode.OK);
    }
}
