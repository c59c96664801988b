using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Clients;

/// <summary>
/// CL-03 over the API (API.md "Corrections of the client's records"): proofs of disability, disabilities and employment
/// situations corrected with PUT (200) and removed with a reason (204), audited, with DIS-01 and EMP-01 following.
/// </summary>
public sealed class ClientRecordCorrectionTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private async Task<(TestTenant Tenant, HttpClient Api, string ClientId)> SetupAsync(bool withSecondService = false)
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService);
        var api = await factory.LoginAsync(tenant.CaseworkerA);
        return (tenant, api, await api.CreateClientAsync());
    }

    private static async Task<string> AddAsync(HttpClient api, string clientId, string kind, object body)
    {
        using var response = await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/{kind}", body);
        return await response.ReadCreatedIdAsync();
    }

    private static async Task<JsonElement> PutOkAsync(HttpClient api, string path, object body)
    {
        using var response = await api.PutAsJsonAsync(path, body);
        await response.ExpectAsync(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Single(JsonElement client, string list, string id)
        => client.GetProperty(list).EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);

    private async Task<List<JsonElement>> AuditAsync(string clientId)
    {
        using var admin = await factory.AdminClientAsync();
        return [.. (await admin.GetJsonAsync($"/api/v1/admin/audit?clientId={clientId}")).EnumerateArray()];
    }

    [Fact]
    [Trait("Rule", "CL-03")]
    [Trait("Rule", "DIS-01")]
    public async Task CL03_a_corrected_degree_of_disability_shows_in_GET_the_DIS01_status_follows_and_the_change_is_audited()
    {
        var (_, api, clientId) = await SetupAsync();
        using var _ = api;
        var eid = await AddAsync(api, clientId, "disability-evidence", new { kind = "Feststellungsbescheid", noticeDate = "2025-03-01", degree = 40 });
        Assert.Equal("Other", (await api.GetJsonAsync($"/api/v1/clients/{clientId}")).GetProperty("disabilityStatus").GetString());

        var corrected = await PutOkAsync(api, $"/api/v1/clients/{clientId}/disability-evidence/{eid}",
            new { kind = "Feststellungsbescheid", noticeDate = "2025-03-01", effectiveFrom = "2025-01-15", degree = 50 });

        Assert.Equal(50, corrected.GetProperty("degree").GetInt32());
        var client = await api.GetJsonAsync($"/api/v1/clients/{clientId}");
        var evidence = Single(client, "disabilityEvidence", eid);
        Assert.Equal(50, evidence.GetProperty("degree").GetInt32());
        Assert.Equal("2025-01-15", evidence.GetProperty("recordedDate").GetString());
        Assert.Equal("SeverelyDisabled", client.GetProperty("disabilityStatus").GetString());
        var audit = await AuditAsync(clientId);
        Assert.Contains(audit, r => r.GetProperty("action").GetString() == "update" && r.GetProperty("entity").GetString() == "DisabilityEvidence"
            && r.GetProperty("entityId").GetString() == eid && r.GetProperty("fields").GetString() is { } fields && fields.Contains("Degree", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "CL-03")]
    [Trait("Rule", "DIS-03")]
    public async Task CL03_a_corrected_disability_shows_in_GET_with_the_remark_nicht_anerkannt_and_the_care_relevant_mark_moves()
    {
        var (_, api, clientId) = await SetupAsync();
        using var _ = api;
        var first = await AddAsync(api, clientId, "disabilities", new { categoryCode = "mental", description = "Depresion", recognised = true });
        var second = await AddAsync(api, clientId, "disabilities", new { categoryCode = "hearing", description = "Schwerhörigkeit", recognised = true });

        var corrected = await PutOkAsync(api, $"/api/v1/clients/{clientId}/disabilities/{first}",
            new { categoryCode = "neurological", description = "Migräne", recognised = false, careRelevant = false });

        Assert.Equal("nicht anerkannt", corrected.GetProperty("remark").GetString());
        var client = await api.GetJsonAsync($"/api/v1/clients/{clientId}");
        var d = Single(client, "disabilities", first);
        Assert.Equal("neurological", d.GetProperty("categoryCode").GetString());
        Assert.Equal("Migräne", d.GetProperty("description").GetString());
        Assert.False(d.GetProperty("recognised").GetBoolean());
        Assert.False(d.GetProperty("careRelevant").GetBoolean());
        Assert.True(Single(client, "disabilities", second).GetProperty("careRelevant").GetBoolean());
    }

    [Fact]
    [Trait("Rule", "CL-03")]
    public async Task CL03_a_corrected_employment_situation_shows_in_GET_with_its_employer()
    {
        var (_, api, clientId) = await SetupAsync();
        using var _ = api;
        using var employer = await api.PostAsJsonAsync("/api/v1/institutions", new { name = factory.Unique("Bäckerei Korn"), kind = "employer" });
        var employerId = await employer.ReadCreatedIdAsync();
        var sid = await AddAsync(api, clientId, "employment-situations", new { kindCode = "unemployed", from = "2024-05-01" });

        var corrected = await PutOkAsync(api, $"/api/v1/clients/{clientId}/employment-situations/{sid}", new { kindCode = "employed", from = "2024-06-01", institutionId = employerId });

        Assert.Equal("employed", corrected.GetProperty("kindCode").GetString());
        var situation = Single(await api.GetJsonAsync($"/api/v1/clients/{clientId}"), "employmentSituations", sid);
        Assert.Equal("employed", situation.GetProperty("kindCode").GetString());
        Assert.Equal("2024-06-01", situation.GetProperty("from").GetString());
        Assert.Equal(employerId, situation.GetProperty("institutionId").GetString());
    }

    [Fact]
    [Trait("Rule", "CL-03")]
    [Trait("Rule", "EMP-01")]
    public async Task EMP01_the_state_follows_a_corrected_date_from_expected_to_occurred_and_back()
    {
        var (_, api, clientId) = await SetupAsync();
        using var _ = api;
        var today = factory.BerlinToday();
        var sid = await AddAsync(api, clientId, "employment-situations", new { kindCode = "employed", from = today.AddDays(30).Iso() });
        var path = $"/api/v1/clients/{clientId}/employment-situations/{sid}";
        Assert.Equal("expected", Single(await api.GetJsonAsync($"/api/v1/clients/{clientId}"), "employmentSituations", sid).GetProperty("state").GetString());

        var past = await PutOkAsync(api, path, new { kindCode = "employed", from = today.AddDays(-3).Iso() });
        Assert.Equal("occurred", past.GetProperty("state").GetString());
        Assert.Equal("occurred", Single(await api.GetJsonAsync($"/api/v1/clients/{clientId}"), "employmentSituations", sid).GetProperty("state").GetString());

        var future = await PutOkAsync(api, path, new { kindCode = "employed", from = today.AddDays(10).Iso() });
        Assert.Equal("expected", future.GetProperty("state").GetString());
        Assert.False(future.GetProperty("awaitsConfirmation").GetBoolean());
    }

    [Theory]
    [InlineData("disability-evidence", "disabilityEvidence", "DisabilityEvidence")]
    [InlineData("disabilities", "disabilities", "Disability")]
    [InlineData("employment-situations", "employmentSituations", "EmploymentSituation")]
    [Trait("Rule", "CL-03")]
    [Trait("Rule", "ACC-09")]
    public async Task CL03_removal_with_a_reason_answers_204_drops_the_record_from_GET_and_audits_who_and_why(string kind, string list, string entity)
    {
        var (tenant, api, clientId) = await SetupAsync();
        using var _ = api;
        object body = kind switch
        {
            "disability-evidence" => new { kind = "Gleichstellungsbescheid", noticeDate = "2025-02-01", degree = 30 },
            "disabilities" => new { categoryCode = "mental", description = "Depression", recognised = true },
            _ => new { kindCode = "employed", from = "2023-01-01" },
        };
        var id = await AddAsync(api, clientId, kind, body);
        var reason = factory.Unique("Bescheid einer anderen Person");

        using (var removed = await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/{kind}/{id}/removal", new { reason }))
        {
            await removed.ExpectAsync(HttpStatusCode.NoContent);
        }

        var client = await api.GetJsonAsync($"/api/v1/clients/{clientId}");
        Assert.DoesNotContain(client.GetProperty(list).EnumerateArray(), e => e.GetProperty("id").GetString() == id);
        var audit = await AuditAsync(clientId);
        Assert.Contains(audit, r => r.GetProperty("action").GetString() == "delete" && r.GetProperty("entity").GetString() == entity
            && r.GetProperty("entityId").GetString() == id && r.GetProperty("userId").GetString() == tenant.CaseworkerA.Id
            && r.GetProperty("reason").GetString() is { } why && why.StartsWith("CL-03 entfernt", StringComparison.Ordinal)
            && !why.Contains(reason, StringComparison.Ordinal)); // the reason stays with the change, not in the trail (DEL-01)
        using var again = await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/{kind}/{id}/removal", new { reason });
        await again.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    [Trait("Rule", "CL-03")]
    public async Task CL03_removal_without_a_reason_answers_422_with_a_German_message_and_keeps_the_record()
    {
        var (_, api, clientId) = await SetupAsync();
        using var _ = api;
        var sid = await AddAsync(api, clientId, "employment-situations", new { kindCode = "employed", from = "2023-01-01" });

        using var response = await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/employment-situations/{sid}/removal", new { reason = "  " });

        await response.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["CL-03"], await response.ReadViolatedRulesAsync());
        var problem = await response.ReadProblemAsync();
        var violation = problem.GetProperty("violations")[0];
        Assert.Equal("reason", violation.GetProperty("field").GetString());
        Assert.Contains("Bitte begründen", violation.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains((await api.GetJsonAsync($"/api/v1/clients/{clientId}")).GetProperty("employmentSituations").EnumerateArray(), e => e.GetProperty("id").GetString() == sid);
    }

    [Fact]
    [Trait("Rule", "CL-03")]
    [Trait("Rule", "DIS-02")]
    public async Task CL03_a_correction_is_checked_like_a_new_record_and_bad_input_changes_nothing()
    {
        var (_, api, clientId) = await SetupAsync();
        using var _ = api;
        var eid = await AddAsync(api, clientId, "disability-evidence", new { kind = "Feststellungsbescheid", noticeDate = "2025-03-01", degree = 40 });

        using var response = await api.PutAsJsonAsync($"/api/v1/clients/{clientId}/disability-evidence/{eid}", new { kind = "Feststellungsbescheid", noticeDate = "2025-03-01", degree = 55 });

        await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Zehnerschritten", (await response.ReadProblemAsync()).GetProperty("errors").GetProperty("degree")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(40, Single(await api.GetJsonAsync($"/api/v1/clients/{clientId}"), "disabilityEvidence", eid).GetProperty("degree").GetInt32());
    }

    [Fact]
    [Trait("Rule", "ACC-06")]
    public async Task ACC06_records_of_a_client_of_another_IFD_answer_404_for_correction_and_removal()
    {
        var (tenant, api, clientId) = await SetupAsync(withSecondService: true);
        using var _ = api;
        var eid = await AddAsync(api, clientId, "disability-evidence", new { kind = "Feststellungsbescheid", noticeDate = "2025-03-01", degree = 40 });
        var did = await AddAsync(api, clientId, "disabilities", new { categoryCode = "mental", description = "Depression", recognised = true });
        var sid = await AddAsync(api, clientId, "employment-situations", new { kindCode = "employed", from = "2023-01-01" });
        using var other = await factory.LoginAsync(tenant.CaseworkerB!);

        using (var evidence = await other.PutAsJsonAsync($"/api/v1/clients/{clientId}/disability-evidence/{eid}", new { kind = "Feststellungsbescheid", noticeDate = "2025-03-01", degree = 50 }))
        {
            await evidence.ExpectAsync(HttpStatusCode.NotFound);
        }

        using (var disability = await other.PutAsJsonAsync($"/api/v1/clients/{clientId}/disabilities/{did}", new { categoryCode = "mental", description = "X", recognised = true }))
        {
            await disability.ExpectAsync(HttpStatusCode.NotFound);
        }

        using (var situation = await other.PutAsJsonAsync($"/api/v1/clients/{clientId}/employment-situations/{sid}", new { kindCode = "unemployed", from = "2023-01-01" }))
        {
            await situation.ExpectAsync(HttpStatusCode.NotFound);
        }

        using (var removal = await other.PostAsJsonAsync($"/api/v1/clients/{clientId}/employment-situations/{sid}/removal", new { reason = "falsch" }))
        {
            await removal.ExpectAsync(HttpStatusCode.NotFound);
        }

        var client = await api.GetJsonAsync($"/api/v1/clients/{clientId}");
        Assert.Equal(40, Single(client, "disabilityEvidence", eid).GetProperty("degree").GetInt32());
        Assert.Equal("employed", Single(client, "employmentSituations", sid).GetProperty("kindCode").GetString());
    }

    [Fact]
    [Trait("Rule", "CL-03")]
    public async Task A_stale_If_Match_on_a_correction_answers_409_and_keeps_the_other_change()
    {
        var (_, api, clientId) = await SetupAsync();
        using var _ = api;
        var eid = await AddAsync(api, clientId, "disability-evidence", new { kind = "Feststellungsbescheid", noticeDate = "2025-03-01", degree = 40 });
        using var read = await api.GetAsync($"/api/v1/clients/{clientId}");
        var etag = read.Headers.ETag!.Tag;
        var path = $"/api/v1/clients/{clientId}/disability-evidence/{eid}";

        using var first = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(new { kind = "Feststellungsbescheid", noticeDate = "2025-03-01", degree = 50 }) };
        first.Headers.TryAddWithoutValidation("If-Match", etag);
        using (var ok = await api.SendAsync(first))
        {
            await ok.ExpectAsync(HttpStatusCode.OK);
            Assert.NotEqual(etag, ok.Headers.ETag!.Tag);
        }

        using var second = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(new { kind = "Feststellungsbescheid", noticeDate = "2025-03-01", degree = 60 }) };
        second.Headers.TryAddWithoutValidation("If-Match", etag);
        using var conflict = await api.SendAsync(second);
        await conflict.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(50, Single(await api.GetJsonAsync($"/api/v1/clients/{clientId}"), "disabilityEvidence", eid).GetProperty("degree").GetInt32());
    }
}
