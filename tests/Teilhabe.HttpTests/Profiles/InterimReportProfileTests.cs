using System.Net;
using System.Text.Json;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Profiles;

/// <summary>REP-06 is switched on by the example profile XX (Zwischenbericht after 6 months) and off in TH.</summary>
public sealed class InterimReportProfileTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private async Task<(TestTenant Tenant, string CaseId)> CommissionedSecuringAsync(string state)
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false, state: state);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateCompleteClientAsync(factory);
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var id = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "retention", funderId = ina, legalBasisCode = "sgb9-185-2", caseGroupCode = "support-need", referringBodyCode = "employer" });
        await caseworker.SignNoticeAsync(id, factory.Today(), state == TeilhabeFactory.ExampleProfile ? "XX-2026" : "2026-01");
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof", "GoalAgreement");
        using var p3 = await caseworker.MoveAsync(id, new { to = "P3" });
        await p3.ExpectAsync(HttpStatusCode.OK);
        return (tenant, id);
    }

    private static async Task<List<JsonElement>> DeadlinesOfAsync(HttpClient client, string caseId)
        => [.. (await client.GetJsonAsync("/api/v1/deadlines")).EnumerateArray().Where(d => d.GetProperty("caseId").GetString() == caseId)];

    [Fact]
    [Trait("Rule", "REP-06")]
    public async Task REP06_deadlines_appear_under_the_example_profile_and_not_under_TH()
    {
        var start = DateOnly.Parse(factory.Today(), System.Globalization.CultureInfo.InvariantCulture);
        var (xx, xxCase) = await CommissionedSecuringAsync(TeilhabeFactory.ExampleProfile);
        var (th, thCase) = await CommissionedSecuringAsync("TH");

        // Five and a half months later the Zwischenbericht of month 6 is within its four weeks' lead.
        factory.Clock.Advance(TimeSpan.FromDays(170));
        using var xxCaseworker = await factory.LoginAsync(xx.CaseworkerA);
        using var thCaseworker = await factory.LoginAsync(th.CaseworkerA);

        var interim = Assert.Single(await DeadlinesOfAsync(xxCaseworker, xxCase), d => d.GetProperty("rule").GetString() == "REP-06");
        Assert.Equal(start.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), interim.GetProperty("dueDate").GetString());
        Assert.DoesNotContain(await DeadlinesOfAsync(thCaseworker, thCase), d => d.GetProperty("rule").GetString() == "REP-06");
    }
}
