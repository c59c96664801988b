using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Cases;

/// <summary>PH-P3-02: the guided change of funder or legal basis from P3 (POST /api/v1/cases/{id}/funder-change).</summary>
public sealed class FunderChangeApiTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    [Trait("Rule", "PH-P3-02")]
    public async Task PHP302_a_change_of_funder_closes_the_P3_case_on_the_date_and_opens_a_new_case_for_the_same_client()
    {
        var (caseworker, client, id) = await InaSicherungInP3Async();
        var drv = await caseworker.CreateFunderAsync(factory, "PensionInsurance");
        var on = factory.Today();
        await caseworker.PatchOkAsync(id, new { closingResult = "Arbeitsplatz gesichert; die Rentenversicherung übernimmt die weitere Begleitung." });

        using var response = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/funder-change", new { funderId = drv, legalBasisCode = "reha-196", date = on, outcomeCategoryCode = "job-secured" });
        await response.ExpectAsync(HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, body.GetProperty("closedCaseId").GetString());
        var newId = body.GetProperty("newCaseId").GetString()!;
        Assert.NotEqual(id, newId);
        Assert.EndsWith($"/api/v1/cases/{newId}", response.Headers.Location!.ToString(), StringComparison.Ordinal);

        var closed = await caseworker.GetJsonAsync($"/api/v1/cases/{id}");
        Assert.Equal("P4", closed.GetProperty("phase").GetString());
        Assert.Equal("funder-changed", closed.GetProperty("closingReasonCode").GetString());
        Assert.Equal(on, closed.GetProperty("closedOn").GetString());
        Assert.Equal("job-secured", closed.GetProperty("outcomeCategoryCode").GetString());

        var successor = await caseworker.GetJsonAsync($"/api/v1/cases/{newId}");
        Assert.Equal(client, successor.GetProperty("clientId").GetString());
        Assert.Equal(drv, successor.GetProperty("funderId").GetString());
        Assert.Equal("reha-196", successor.GetProperty("legalBasisCode").GetString());
        Assert.Equal("retention", successor.GetProperty("careTypeCode").GetString());
        Assert.Equal("P1", successor.GetProperty("phase").GetString());
    }

    [Fact]
    [Trait("Rule", "PH-P3-02")]
    public async Task PHP302_a_refused_change_names_its_rule_and_changes_nothing()
    {
        var (caseworker, client, id) = await InaSicherungInP3Async();
        var before = await caseworker.GetJsonAsync($"/api/v1/cases/{id}");

        using (var nothingNew = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/funder-change", new { funderId = before.GetProperty("funderId").GetString(), date = factory.Today() }))
        {
            await nothingNew.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Contains("PH-P3-02", await nothingNew.ReadViolatedRulesAsync());
        }

        // The case is closed like any P4 (PH-P4-02): without the Endbericht result the whole change is refused.
        var drv = await caseworker.CreateFunderAsync(factory, "PensionInsurance");
        using (var withoutResult = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/funder-change", new { funderId = drv, date = factory.Today() }))
        {
            await withoutResult.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Contains("PH-P4-02", await withoutResult.ReadViolatedRulesAsync());
        }

        var after = await caseworker.GetJsonAsync($"/api/v1/cases/{id}");
        Assert.Equal("P3", after.GetProperty("phase").GetString());
        Assert.Equal(before.GetProperty("funderId").GetString(), after.GetProperty("funderId").GetString());
        Assert.True(!after.TryGetProperty("closedOn", out var closedOn) || closedOn.ValueKind == JsonValueKind.Null);
        var cases = await caseworker.GetJsonAsync($"/api/v1/cases?clientId={client}");
        Assert.Equal(1, cases.GetProperty("total").GetInt32());
    }

    /// <summary>An InA Sicherung (retention, § 185 Abs. 2) moved P1 → P3 with everything PH-P3-01 asks for.</summary>
    private async Task<(HttpClient Caseworker, string Client, string CaseId)> InaSicherungInP3Async()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateCompleteClientAsync(factory);
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var id = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "retention", funderId = ina, legalBasisCode = "sgb9-185-2", caseGroupCode = "support-need", referringBodyCode = "employer" });
        await caseworker.SignNoticeAsync(id, factory.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof", "GoalAgreement");
        using var moved = await caseworker.MoveAsync(id, new { to = "P3" });
        await moved.ExpectAsync(HttpStatusCode.OK);
        return (caseworker, client, id);
    }
}
