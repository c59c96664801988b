using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Clients;

/// <summary>Clients over the API (API.md "Clients"): CL-02, DIS-01…03, EMP-01, ACC-06, ACC-09, bad input.</summary>
public sealed class ClientApiTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    [Trait("Rule", "CL-02")]
    public async Task CL02_duplicate_search_finds_Mueller_Juergen_for_Mueller_Jurgen_with_the_same_birth_date()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateClientAsync("Mueller", "Jürgen", "1970-05-01", "male");

        var hits = await caseworker.GetJsonAsync("/api/v1/clients/duplicates?lastName=M%C3%BCller&firstName=Jurgen&birthDate=1970-05-01");

        var hit = hits.EnumerateArray().Single(h => h.GetProperty("id").GetString() == id);
        Assert.True(hit.GetProperty("score").GetInt32() >= 50);
    }

    [Fact]
    [Trait("Rule", "CL-02")]
    public async Task Search_folds_umlauts_and_finds_partial_names_and_birth_dates()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateClientAsync("Größmüller", "Änne", "1981-09-30");

        foreach (var q in new[] { "grossmuller", "Grossmueller", "müller", "anne", "30.09.1981" })
        {
            var result = await caseworker.GetJsonAsync($"/api/v1/clients?q={Uri.EscapeDataString(q)}");
            Assert.Contains(result.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == id);
        }
    }

    [Fact]
    [Trait("Rule", "ACC-06")]
    public async Task ACC06_a_client_of_another_IFD_answers_404_and_is_not_found_by_search()
    {
        var tenant = await TestTenant.CreateAsync(factory);
        using var a = await factory.LoginAsync(tenant.CaseworkerA);
        using var b = await factory.LoginAsync(tenant.CaseworkerB!);
        var name = factory.Unique("Fremd");
        var id = await a.CreateClientAsync(name, "Fritz");

        using var foreign = await b.GetAsync($"/api/v1/clients/{id}");
        await foreign.ExpectAsync(HttpStatusCode.NotFound);
        var search = await b.GetJsonAsync($"/api/v1/clients?q={name}");
        Assert.Equal(0, search.GetProperty("total").GetInt32());
        using var update = await b.PutAsJsonAsync($"/api/v1/clients/{id}", new { lastName = "X", firstName = "Y", birthDate = "1970-01-01", gender = "male" });
        await update.ExpectAsync(HttpStatusCode.NotFound);

        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        using var seen = await coordinator.GetAsync($"/api/v1/clients/{id}");
        await seen.ExpectAsync(HttpStatusCode.OK);
        var details = await seen.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(details.TryGetProperty("phone", out _) && details.GetProperty("phone").ValueKind != JsonValueKind.Null);
    }

    [Fact]
    [Trait("Rule", "ACC-06")]
    public async Task ACC06_InA_coordination_of_another_state_sees_nothing()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var other = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var a = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await a.CreateClientAsync();
        using var foreignCoordinator = await factory.LoginAsync(other.Coordinator);
        using var response = await foreignCoordinator.GetAsync($"/api/v1/clients/{id}");
        await response.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task ACC09_reading_a_client_is_written_to_the_audit_trail()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateClientAsync();
        await caseworker.GetJsonAsync($"/api/v1/clients/{id}");

        using var admin = await factory.AdminClientAsync();
        var rows = await admin.GetJsonAsync($"/api/v1/admin/audit?clientId={id}");
        Assert.Contains(rows.EnumerateArray(), r => r.GetProperty("action").GetString() == "read" && r.GetProperty("userId").GetString() == tenant.CaseworkerA.Id);
        Assert.Contains(rows.EnumerateArray(), r => r.GetProperty("action").GetString() == "create");
    }

    [Fact]
    public async Task Bad_input_gets_German_messages_at_the_fields_and_nothing_is_saved()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var before = (await caseworker.GetJsonAsync("/api/v1/clients")).GetProperty("total").GetInt32();

        using var response = await caseworker.PostAsJsonAsync("/api/v1/clients", new { lastName = "", firstName = "Anna", birthDate = "2099-01-01", gender = "female" });

        await response.ExpectAsync(HttpStatusCode.BadRequest);
        var errors = (await response.ReadProblemAsync()).GetProperty("errors");
        Assert.Contains("Nachname", errors.GetProperty("lastName")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Zukunft", errors.GetProperty("birthDate")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await caseworker.GetJsonAsync("/api/v1/clients")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Malformed_json_answers_400_not_500()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        using var content = new StringContent("{\"lastName\": 12, \"birthDate\": \"gestern\"", System.Text.Encoding.UTF8, "application/json");
        using var response = await caseworker.PostAsync("/api/v1/clients", content);
        await response.ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(55)]
    [InlineData(110)]
    [Trait("Rule", "DIS-02")]
    public async Task A_GdB_outside_20_to_100_in_steps_of_10_is_refused_at_the_field(int degree)
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateClientAsync();
        using var response = await caseworker.PostAsJsonAsync($"/api/v1/clients/{id}/disability-evidence", new { kind = "Feststellungsbescheid", noticeDate = "2025-01-10", degree });
        await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True((await response.ReadProblemAsync()).GetProperty("errors").TryGetProperty("degree", out _));
        var client = await caseworker.GetJsonAsync($"/api/v1/clients/{id}");
        Assert.Equal(0, client.GetProperty("disabilityEvidence").GetArrayLength());
    }

    [Fact]
    [Trait("Rule", "DIS-01")]
    [Trait("Rule", "DIS-02")]
    public async Task DIS01_DIS02_an_SB_Ausweis_alone_is_incomplete_and_the_notice_date_is_mit_Wirkung_ab()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateClientAsync();

        using (var card = await caseworker.PostAsJsonAsync($"/api/v1/clients/{id}/disability-evidence", new { kind = "Schwerbehindertenausweis", noticeDate = "2024-02-01", degree = 50 }))
        {
            await card.ExpectAsync(HttpStatusCode.Created);
        }

        Assert.Equal("Incomplete", (await caseworker.GetJsonAsync($"/api/v1/clients/{id}")).GetProperty("disabilityStatus").GetString());

        using var notice = await caseworker.PostAsJsonAsync($"/api/v1/clients/{id}/disability-evidence", new { kind = "Feststellungsbescheid", noticeDate = "2025-03-01", effectiveFrom = "2025-01-01", degree = 50 });
        await notice.ExpectAsync(HttpStatusCode.Created);
        var created = await notice.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2025-01-01", created.GetProperty("recordedDate").GetString());
        Assert.Equal("SeverelyDisabled", (await caseworker.GetJsonAsync($"/api/v1/clients/{id}")).GetProperty("disabilityStatus").GetString());

        // The search list shows the same status as the client itself.
        var list = await caseworker.GetJsonAsync("/api/v1/clients?pageSize=200");
        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == $"{id}");
        Assert.Equal("SeverelyDisabled", item.GetProperty("disabilityStatus").GetString());
    }

    [Fact]
    [Trait("Rule", "DIS-03")]
    public async Task DIS03_first_disability_is_care_relevant_another_can_be_marked_and_unrecognised_ones_carry_the_remark()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateClientAsync();
        using var first = await caseworker.PostAsJsonAsync($"/api/v1/clients/{id}/disabilities", new { categoryCode = "mental", description = "Depression", recognised = true });
        using var second = await caseworker.PostAsJsonAsync($"/api/v1/clients/{id}/disabilities", new { categoryCode = "hearing", description = "Schwerhörigkeit", recognised = true });
        using var third = await caseworker.PostAsJsonAsync($"/api/v1/clients/{id}/disabilities", new { categoryCode = "neurological", description = "Migräne", recognised = false });
        var secondId = await second.ReadCreatedIdAsync();
        Assert.True((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("careRelevant").GetBoolean());
        Assert.Equal("nicht anerkannt", (await third.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("remark").GetString());

        using (var mark = await caseworker.PostAsync($"/api/v1/clients/{id}/disabilities/{secondId}/care-relevant", null))
        {
            await mark.ExpectAsync(HttpStatusCode.NoContent);
        }

        var list = (await caseworker.GetJsonAsync($"/api/v1/clients/{id}")).GetProperty("disabilities").EnumerateArray().ToList();
        Assert.Equal(secondId, Assert.Single(list, d => d.GetProperty("careRelevant").GetBoolean()).GetProperty("id").GetString());
    }

    [Fact]
    [Trait("Rule", "EMP-01")]
    public async Task EMP01_a_future_situation_is_expected_and_can_be_confirmed_only_once_its_date_has_passed()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateClientAsync();
        var start = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var created = await caseworker.PostAsJsonAsync($"/api/v1/clients/{id}/employment-situations", new { kindCode = "unemployed", from = start });
        await created.ExpectAsync(HttpStatusCode.Created);
        var situation = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("expected", situation.GetProperty("state").GetString());
        var sid = situation.GetProperty("id").GetString();

        using (var early = await caseworker.PostAsync($"/api/v1/clients/{id}/employment-situations/{sid}/confirm", null))
        {
            await early.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["EMP-01"], await early.ReadViolatedRulesAsync());
        }

        factory.Clock.Advance(TimeSpan.FromDays(21));
        using var again = await factory.LoginAsync(tenant.CaseworkerA);
        using var later = await again.PostAsync($"/api/v1/clients/{id}/employment-situations/{sid}/confirm", null);
        await later.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("occurred", (await later.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_stale_If_Match_on_client_master_data_answers_409_and_keeps_the_other_change()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateClientAsync("Kunz", "Karl");
        using var read = await caseworker.GetAsync($"/api/v1/clients/{id}");
        var etag = read.Headers.ETag!.Tag;

        using var first = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/clients/{id}") { Content = JsonContent.Create(new { lastName = "Kunz", firstName = "Karl-Heinz", birthDate = "1975-04-12", gender = "male" }) };
        first.Headers.TryAddWithoutValidation("If-Match", etag);
        using (var ok = await caseworker.SendAsync(first))
        {
            await ok.ExpectAsync(HttpStatusCode.OK);
        }

        using var second = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/clients/{id}") { Content = JsonContent.Create(new { lastName = "Kunze", firstName = "Karl", birthDate = "1975-04-12", gender = "male" }) };
        second.Headers.TryAddWithoutValidation("If-Match", etag);
        using var conflict = await caseworker.SendAsync(second);
        await conflict.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("Karl-Heinz", (await caseworker.GetJsonAsync($"/api/v1/clients/{id}")).GetProperty("firstName").GetString());
    }
}
