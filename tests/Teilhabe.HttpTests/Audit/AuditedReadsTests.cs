using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Audit;

/// <summary>ACC-09: reads of goals and of the audit trail itself are written to the audit trail, from the API and from the pages.</summary>
public sealed class AuditedReadsTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task ACC09_reading_the_goals_of_a_case_is_audited()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var clientId = await caseworker.CreateClientAsync();
        var caseId = await caseworker.CreateCaseAsync(new { clientId });
        using (var created = await caseworker.PostAsJsonAsync($"/api/v1/cases/{caseId}/goals", new { goal = "Arbeitsplatz sichern" }))
        {
            await created.ExpectAsync(HttpStatusCode.Created);
        }

        using (var listed = await caseworker.GetAsync($"/api/v1/cases/{caseId}/goals"))
        {
            await listed.ExpectAsync(HttpStatusCode.OK);
        }

        using var browser = await factory.SignInToPagesAsync(tenant.CaseworkerA);
        using (var page = await browser.GetAsync($"/faelle/{caseId}/ziele"))
        {
            await page.ExpectAsync(HttpStatusCode.OK);
            Assert.Contains("Arbeitsplatz sichern", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var admin = await factory.AdminClientAsync();
        var reads = (await ReadAuditAsync(admin, $"?caseId={caseId}"))
            .Where(r => r.GetProperty("action").GetString() == "read" && r.GetProperty("entity").GetString() == "Goals").ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r =>
        {
            Assert.Equal(tenant.CaseworkerA.Id, r.GetProperty("userId").GetString());
            Assert.Equal(caseId, r.GetProperty("entityId").GetString());
            Assert.Equal(clientId, r.GetProperty("clientId").GetString());
        });
    }

    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task ACC09_reading_the_audit_trail_is_audited()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using (var lead = await factory.LoginAsync(tenant.LeadA))
        {
            await ReadAuditAsync(lead, $"?userId={tenant.CaseworkerA.Id}");
        }

        using (var browser = await factory.SignInToPagesAsync(tenant.LeadA))
        using (var page = await browser.GetAsync("/protokoll"))
        {
            await page.ExpectAsync(HttpStatusCode.OK);
        }

        using var admin = await factory.AdminClientAsync();
        var reads = (await ReadAuditAsync(admin, $"?userId={tenant.LeadA.Id}"))
            .Where(r => r.GetProperty("action").GetString() == "read" && r.GetProperty("entity").GetString() == "AuditTrail").ToList();
        Assert.Equal(2, reads.Count);
        Assert.Contains(reads, r => r.GetProperty("reason").GetString() == $"Filter: userId={tenant.CaseworkerA.Id}");

        // The lead sees the own reads of the trail too: they belong to the own IFD.
        using var leadAgain = await factory.LoginAsync(tenant.LeadA);
        Assert.Contains(await ReadAuditAsync(leadAgain, $"?userId={tenant.LeadA.Id}"), r => r.GetProperty("entity").GetString() == "AuditTrail");
    }

    private static async Task<List<JsonElement>> ReadAuditAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/v1/admin/audit" + query);
        await response.ExpectAsync(HttpStatusCode.OK);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }
}
