using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Cases;

/// <summary>
/// Correcting the record beyond contacts, on SQLite and PostgreSQL: cases that begin in the past (CT-03), wrong
/// uploads removed (DOC-06), absences with deputies (TR-03) and the lead's all-or-nothing bulk reassignment (TR-01).
/// </summary>
public sealed class CorrectTheRecordApiTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private static async Task<JsonElement> CaseAsync(HttpClient client, string id) => await client.GetJsonAsync($"/api/v1/cases/{id}");

    [Fact]
    [Trait("Rule", "CT-03")]
    public async Task CT03_a_case_begins_up_to_6_weeks_back_but_neither_further_back_nor_in_the_future()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var clientId = await caseworker.CreateClientAsync();
        var today = factory.BerlinToday();

        var id = await caseworker.CreateCaseAsync(new { clientId, startDate = today.AddDays(-21).Iso() });
        using var tooOld = await caseworker.PostAsJsonAsync("/api/v1/cases", new { clientId, startDate = today.AddDays(-43).Iso() });
        using var future = await caseworker.PostAsJsonAsync("/api/v1/cases", new { clientId, startDate = today.AddDays(1).Iso() });

        Assert.Equal(today.AddDays(-21).Iso(), (await CaseAsync(caseworker, id)).GetProperty("startDate").GetString());
        await tooOld.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["CT-03"], await tooOld.ReadViolatedRulesAsync());
        await future.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["CT-03"], await future.ReadViolatedRulesAsync());
    }

    [Fact]
    [Trait("Rule", "DOC-06")]
    public async Task DOC06_a_removed_document_is_no_longer_listed_and_its_download_answers_404()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        using var upload = await caseworker.UploadAsync(id, "Other", fileName: "falsche-person.pdf");
        var documentId = await upload.ReadCreatedIdAsync();

        using var noReason = await caseworker.PostAsJsonAsync($"/api/v1/documents/{documentId}/removal", new { reason = "" });
        using var removed = await caseworker.PostAsJsonAsync($"/api/v1/documents/{documentId}/removal", new { reason = "Bescheid einer anderen Person" });

        Assert.True(noReason.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"no reason answered {(int)noReason.StatusCode}");
        await removed.ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(0, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/documents")).GetArrayLength());
        using var download = await caseworker.GetAsync($"/api/v1/documents/{documentId}");
        await download.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    [Trait("Rule", "DOC-06")]
    public async Task DOC06_removal_by_a_caseworker_without_access_answers_404_and_keeps_the_document()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: true);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        using var upload = await caseworker.UploadAsync(id, "Other");
        var documentId = await upload.ReadCreatedIdAsync();
        using var other = await factory.LoginAsync(tenant.CaseworkerB!);

        using var refused = await other.PostAsJsonAsync($"/api/v1/documents/{documentId}/removal", new { reason = "fremd" });

        await refused.ExpectAsync(HttpStatusCode.NotFound);
        using var download = await caseworker.GetAsync($"/api/v1/documents/{documentId}");
        await download.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    [Trait("Rule", "TR-03")]
    public async Task TR03_an_absence_deputy_sees_the_absent_caseworkers_cases_during_the_absence_only()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        var today = factory.BerlinToday();
        using (var deputy = await factory.LoginAsync(tenant.DeputyA))
        {
            using var before = await deputy.GetAsync($"/api/v1/cases/{id}");
            await before.ExpectAsync(HttpStatusCode.NotFound);
        }

        using var absence = await caseworker.PostAsJsonAsync($"/api/v1/users/{tenant.CaseworkerA.Id}/absences",
            new { from = today.Iso(), to = today.AddDays(2).Iso(), deputyUserIds = new[] { tenant.DeputyA.Id } });
        await absence.ExpectAsync(HttpStatusCode.Created);

        using (var deputy = await factory.LoginAsync(tenant.DeputyA))
        {
            using var during = await deputy.GetAsync($"/api/v1/cases/{id}");
            await during.ExpectAsync(HttpStatusCode.OK);
            var listed = await deputy.GetJsonAsync("/api/v1/cases");
            Assert.Contains(listed.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == id);
        }

        factory.Clock.Advance(TimeSpan.FromDays(4));
        using (var deputy = await factory.LoginAsync(tenant.DeputyA))
        {
            using var after = await deputy.GetAsync($"/api/v1/cases/{id}");
            await after.ExpectAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    [Trait("Rule", "TR-01")]
    public async Task TR01_a_bulk_reassignment_with_one_foreign_case_moves_nothing_and_without_selection_moves_all()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var first = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        var second = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        using var lead = await factory.LoginAsync(tenant.LeadA);

        using var failed = await lead.PostAsJsonAsync("/api/v1/cases/reassignment",
            new { fromCaseworkerId = tenant.CaseworkerA.Id, toCaseworkerId = tenant.DeputyA.Id, caseIds = new[] { first, Guid.NewGuid().ToString() } });

        await failed.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["TR-01"], await failed.ReadViolatedRulesAsync());
        Assert.Equal(tenant.CaseworkerA.Id, (await CaseAsync(lead, first)).GetProperty("caseworkerId").GetString());
        Assert.Equal(tenant.CaseworkerA.Id, (await CaseAsync(lead, second)).GetProperty("caseworkerId").GetString());

        using var moved = await lead.PostAsJsonAsync("/api/v1/cases/reassignment", new { fromCaseworkerId = tenant.CaseworkerA.Id, toCaseworkerId = tenant.DeputyA.Id });

        await moved.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("moved").GetInt32());
        Assert.Equal(tenant.DeputyA.Id, (await CaseAsync(lead, first)).GetProperty("caseworkerId").GetString());
        Assert.Equal(tenant.DeputyA.Id, (await CaseAsync(lead, second)).GetProperty("caseworkerId").GetString());
    }
}
