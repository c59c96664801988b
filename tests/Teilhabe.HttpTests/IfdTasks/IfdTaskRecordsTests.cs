using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.IfdTasks;

/// <summary>IFD-01: ability profile, school career orientation and apprenticeship accompaniment over API and pages.</summary>
public sealed class IfdTaskRecordsTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private async Task<(HttpClient Caseworker, string CaseId, string ClientId, TestTenant Tenant)> CaseAsync()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var clientId = await caseworker.CreateClientAsync();
        var id = await caseworker.CreateCaseAsync(new { clientId });
        return (caseworker, id, clientId, tenant);
    }

    private async Task<string> InstitutionAsync(HttpClient client, string kind)
    {
        using var created = await client.PostAsJsonAsync("/api/v1/institutions", new { name = factory.Unique("Einrichtung " + kind), kind });
        return await created.ReadCreatedIdAsync();
    }

    private static HttpRequestMessage Put(string path, object body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return request;
    }

    [Fact]
    [Trait("Rule", "IFD-01")]
    public async Task IFD01_a_profile_is_saved_as_draft_agreed_and_a_later_change_starts_the_next_edition()
    {
        var (caseworker, id, _, _) = await CaseAsync();
        using var _c = caseworker;
        var school = await InstitutionAsync(caseworker, "school");
        var path = $"/api/v1/cases/{id}/ability-profile";
        using var none = await caseworker.GetAsync(path);
        await none.ExpectAsync(HttpStatusCode.NotFound);

        var body = new
        {
            profileDate = factory.BerlinToday().Iso(),
            abilities = "Sorgfältig, handwerklich geschickt",
            resilience = "halbtags belastbar",
            workPace = "ruhig",
            endurance = "gut bei Pausen",
            interests = "Holzbearbeitung",
            limitations = "Lärm vermeiden",
            recommendation = "Tischlerei, Teilzeit",
            clientParticipated = true,
            funderParticipated = true,
            funderName = "Frau Reha-Beraterin",
            institutionId = school,
            institutionContact = "Herr Klassenlehrer",
        };
        using var draft = await caseworker.SendAsync(Put(path, body, null));
        await draft.ExpectAsync(HttpStatusCode.OK);
        var etag = draft.Headers.ETag!.Tag;
        var saved = await draft.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("draft", saved.GetProperty("status").GetString());
        Assert.Equal(1, saved.GetProperty("edition").GetInt32());

        using var agreed = await caseworker.SendAsync(Put(path, new { body.profileDate, body.abilities, body.recommendation, body.clientParticipated, body.institutionId, agreedOn = factory.BerlinToday().Iso() }, etag));
        await agreed.ExpectAsync(HttpStatusCode.OK);
        var agreedJson = await agreed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("agreed", agreedJson.GetProperty("status").GetString());
        Assert.Equal(1, agreedJson.GetProperty("edition").GetInt32());

        using var stale = await caseworker.SendAsync(Put(path, body, etag));
        await stale.ExpectAsync(HttpStatusCode.Conflict);

        using var changed = await caseworker.SendAsync(Put(path, body with { recommendation = "Tischlerei, Vollzeit" }, agreed.Headers.ETag!.Tag));
        await changed.ExpectAsync(HttpStatusCode.OK);
        var changedJson = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("draft", changedJson.GetProperty("status").GetString());
        Assert.Equal(2, changedJson.GetProperty("edition").GetInt32());
        var revisions = changedJson.GetProperty("revisions").EnumerateArray().Select(r => (r.GetProperty("edition").GetInt32(), r.GetProperty("agreedOn").ValueKind == JsonValueKind.Null)).ToList();
        Assert.Equal([(1, true), (1, false), (2, true)], revisions);
    }

    [Fact]
    [Trait("Rule", "IFD-01")]
    public async Task IFD01_the_sending_institution_of_a_profile_is_a_school_or_rehabilitation_institution_not_an_employer()
    {
        var (caseworker, id, _, _) = await CaseAsync();
        using var _c = caseworker;
        var employer = await InstitutionAsync(caseworker, "employer");
        using var refused = await caseworker.SendAsync(Put($"/api/v1/cases/{id}/ability-profile", new { institutionId = employer, agreedOn = factory.BerlinToday().AddDays(1).Iso() }, null));
        await refused.ExpectAsync(HttpStatusCode.BadRequest);
        var fields = (await refused.ReadProblemAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("institutionId", fields);
    }

    [Fact]
    [Trait("Rule", "IFD-01")]
    public async Task IFD01_the_profile_page_saves_and_prints_and_InA_coordination_is_kept_out()
    {
        var (caseworker, id, _, tenant) = await CaseAsync();
        using var _c = caseworker;
        using var pages = await factory.SignInToPagesAsync(tenant.CaseworkerA);
        var path = $"/faelle/{id}/profil";
        using var saved = await pages.PostFormAsync(path, new Dictionary<string, string>
        {
            ["Input.Version"] = "0",
            ["Input.Abilities"] = "Zuverlässig und genau",
            ["Input.Recommendation"] = "Lager, Vollzeit",
            ["Input.ClientParticipated"] = "true",
            ["Input.AgreedOn"] = factory.BerlinToday().Iso(),
        });
        await saved.ExpectAsync(HttpStatusCode.Redirect);
        var html = WebUtility.HtmlDecode(await pages.GetStringAsync(path));
        Assert.Contains("Fassung 1 – abgestimmt am", html);
        Assert.Contains("Zuverlässig und genau", html);
        Assert.Contains("class=\"print-header\"", html);

        using var stale = await pages.PostFormAsync(path, new Dictionary<string, string> { ["Input.Version"] = "0", ["Input.Abilities"] = "Überschrieben" });
        await stale.ExpectAsync(HttpStatusCode.OK);
        var conflict = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("inzwischen von jemand anderem geändert", conflict);
        Assert.Contains("Überschrieben</textarea>", conflict);

        using var coordinator = await factory.SignInToPagesAsync(tenant.Coordinator);
        using var denied = await coordinator.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("zugriff-verweigert", denied.Headers.Location!.OriginalString);
        using var coordinatorApi = await factory.LoginAsync(tenant.Coordinator);
        using var deniedApi = await coordinatorApi.GetAsync($"/api/v1/cases/{id}/ability-profile");
        await deniedApi.ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    [Trait("Rule", "IFD-01")]
    public async Task IFD01_school_orientation_is_documented_on_request_of_the_employment_agency_with_activities()
    {
        var (caseworker, id, _, _) = await CaseAsync();
        using var _c = caseworker;
        var school = await InstitutionAsync(caseworker, "school");
        var agency = await caseworker.CreateFunderAsync(factory, "EmploymentAgency");
        var jobcenter = await caseworker.CreateFunderAsync(factory, "Jobcenter");
        var path = $"/api/v1/cases/{id}/school-orientation";

        using var activityFirst = await caseworker.PostAsJsonAsync(path + "/activities", new { kind = "potential-analysis", date = factory.BerlinToday().Iso() });
        await activityFirst.ExpectAsync(HttpStatusCode.BadRequest);

        using var wrongFunder = await caseworker.SendAsync(Put(path, new { requestedOn = factory.BerlinToday().Iso(), requestingFunderId = jobcenter, schoolId = school }, null));
        await wrongFunder.ExpectAsync(HttpStatusCode.BadRequest);

        using var saved = await caseworker.SendAsync(Put(path, new { requestedOn = factory.BerlinToday().AddDays(-30).Iso(), requestingFunderId = agency, schoolId = school, schoolYear = "2026/27", schoolClass = "9b", summary = "Interesse an Gartenbau" }, null));
        await saved.ExpectAsync(HttpStatusCode.OK);

        using var activity = await caseworker.PostAsJsonAsync(path + "/activities", new { kind = "internship", date = factory.BerlinToday().AddDays(-3).Iso(), result = "Praktikum in der Gärtnerei erfolgreich" });
        await activity.ExpectAsync(HttpStatusCode.Created);
        using var badKind = await caseworker.PostAsJsonAsync(path + "/activities", new { kind = "party", date = factory.BerlinToday().Iso() });
        await badKind.ExpectAsync(HttpStatusCode.BadRequest);

        var read = await caseworker.GetJsonAsync(path);
        Assert.Equal("9b", read.GetProperty("schoolClass").GetString());
        var listed = Assert.Single(read.GetProperty("activities").EnumerateArray());
        Assert.Equal("internship", listed.GetProperty("kind").GetString());
        Assert.Equal("Praktikum in der Gärtnerei erfolgreich", listed.GetProperty("result").GetString());
    }

    [Fact]
    [Trait("Rule", "IFD-01")]
    public async Task IFD01_an_apprenticeship_is_linked_to_the_employment_timeline_and_an_abort_needs_a_reason()
    {
        var (caseworker, id, clientId, _) = await CaseAsync();
        using var _c = caseworker;
        var employer = await InstitutionAsync(caseworker, "employer");
        var school = await InstitutionAsync(caseworker, "school");
        var start = factory.BerlinToday().AddMonths(-6);
        var body = new
        {
            employerId = employer,
            occupation = "Fachpraktiker Holzverarbeitung",
            chamber = "hwk",
            chamberName = "HWK Erfurt",
            vocationalSchoolId = school,
            startDate = start.Iso(),
            plannedEndDate = start.AddYears(3).Iso(),
            finalExamOn = start.AddYears(3).AddDays(-30).Iso(),
            status = "running",
        };
        using var created = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/apprenticeships", body);
        await created.ExpectAsync(HttpStatusCode.Created);
        var json = await created.Content.ReadFromJsonAsync<JsonElement>();
        var aid = json.GetProperty("id").GetString();
        var situation = json.GetProperty("employmentSituationId").GetString();

        var client = await caseworker.GetJsonAsync($"/api/v1/clients/{clientId}");
        var timeline = client.GetProperty("employmentSituations").EnumerateArray().ToList();
        Assert.Contains(timeline, e => e.GetProperty("id").GetString() == situation && e.GetProperty("kindCode").GetString() == "apprenticeship" && e.GetProperty("from").GetString() == start.Iso());

        using var noReason = await caseworker.SendAsync(Put($"/api/v1/cases/{id}/apprenticeships/{aid}", body with { status = "aborted" }, created.Headers.ETag!.Tag));
        await noReason.ExpectAsync(HttpStatusCode.BadRequest);
        var fields = (await noReason.ReadProblemAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["endedOn", "abortReason"], fields);

        using var aborted = await caseworker.SendAsync(Put($"/api/v1/cases/{id}/apprenticeships/{aid}",
            new { body.employerId, body.occupation, body.chamber, body.startDate, status = "aborted", endedOn = factory.BerlinToday().Iso(), abortReason = "Überforderung in der Berufsschule" }, created.Headers.ETag!.Tag));
        await aborted.ExpectAsync(HttpStatusCode.OK);

        using var stale = await caseworker.SendAsync(Put($"/api/v1/cases/{id}/apprenticeships/{aid}", body, created.Headers.ETag!.Tag));
        await stale.ExpectAsync(HttpStatusCode.Conflict);

        var listed = Assert.Single((await caseworker.GetJsonAsync($"/api/v1/cases/{id}/apprenticeships")).EnumerateArray());
        Assert.Equal("aborted", listed.GetProperty("status").GetString());
        Assert.Equal("Überforderung in der Berufsschule", listed.GetProperty("abortReason").GetString());
        Assert.Equal(situation, listed.GetProperty("employmentSituationId").GetString());
    }

    [Fact]
    [Trait("Rule", "IFD-01")]
    public async Task IFD01_another_IFD_gets_404_for_the_records_of_a_case()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: true);
        using var a = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await a.CreateCaseAsync(new { clientId = await a.CreateClientAsync() });
        using var b = await factory.LoginAsync(tenant.CaseworkerB!);
        foreach (var path in new[] { "ability-profile", "school-orientation", "apprenticeships", "colleague-consents" })
        {
            using var response = await b.GetAsync($"/api/v1/cases/{id}/{path}");
            await response.ExpectAsync(HttpStatusCode.NotFound);
        }
    }
}
