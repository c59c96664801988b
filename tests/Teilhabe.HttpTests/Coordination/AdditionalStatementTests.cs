using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Coordination;

/// <summary>PH-FDS-05 / PH-FDS-06: completion of a Zusatzauftrag — InA is notified, other funders get a cover letter.</summary>
public sealed class AdditionalStatementTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private async Task<(TestTenant Tenant, HttpClient Caseworker, string Extra)> FinishedAsync(string funderKind, string mainBasis, string kind)
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateClientAsync();
        var funder = await caseworker.CreateFunderAsync(factory, funderKind);
        var main = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "retention", funderId = funder, legalBasisCode = mainBasis });
        var extra = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "expert-statement", funderId = funder, legalBasisCode = kind, parentCaseId = main });
        if (kind == "fds-27-schwbav")
        {
            await caseworker.PatchOkAsync(extra, new { employerAppliedBeforeIfd = false, applicationWithIfdSupportConfirmed = true, priorMeasuresExhaustedConfirmed = true });
        }

        await caseworker.UploadOkAsync(extra, "ExpertStatement");
        using var done = await caseworker.MoveAsync(extra, new { to = "FP4" });
        await done.ExpectAsync(HttpStatusCode.OK);
        return (tenant, caseworker, extra);
    }

    [Fact]
    [Trait("Rule", "PH-FDS-05")]
    public async Task PHFDS05_a_finished_additional_case_of_an_InA_case_goes_FP1_to_FP4_and_notifies_InA_Koordination()
    {
        var (tenant, caseworker, extra) = await FinishedAsync("IntegrationOffice", "sgb9-185-2", "fds-27-schwbav");
        using var _c = caseworker;
        var number = (await caseworker.GetJsonAsync($"/api/v1/cases/{extra}")).GetProperty("caseNumber").GetString()!;
        Assert.Equal("FP4", await caseworker.PhaseOfAsync(extra));

        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        var notification = (await coordinator.GetJsonAsync("/api/v1/notifications")).EnumerateArray().Single(n => n.GetProperty("caseId").GetString() == extra);
        Assert.Equal(number, notification.GetProperty("caseNumber").GetString());
        Assert.Contains("§ 27 SchwbAV", notification.GetProperty("text").GetString(), StringComparison.Ordinal);

        using var pages = await factory.SignInToPagesAsync(tenant.Coordinator);
        var inbox = WebUtility.HtmlDecode(await pages.GetStringAsync("/ina/meldungen"));
        Assert.Contains(number, inbox, StringComparison.Ordinal);
        Assert.Contains($"/faelle/{extra}", inbox, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "PH-FDS-05")]
    public async Task PHFDS05_another_funder_gets_no_InA_notification_but_a_printable_cover_letter()
    {
        var (tenant, caseworker, extra) = await FinishedAsync("PensionInsurance", "reha-196", "fds-jobcoaching");
        using var _c = caseworker;
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        Assert.DoesNotContain((await coordinator.GetJsonAsync("/api/v1/notifications")).EnumerateArray(), n => n.GetProperty("caseId").GetString() == extra);

        using var pages = await factory.SignInToPagesAsync(tenant.CaseworkerA);
        using var letter = await pages.GetAsync($"/faelle/{extra}/anschreiben");
        await letter.ExpectAsync(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await letter.Content.ReadAsStringAsync());
        Assert.Contains("Fachdienstliche Einschätzung Jobcoaching", html, StringComparison.Ordinal);
        Assert.Contains("PensionInsurance", html, StringComparison.Ordinal);
        Assert.Contains("data-print", html, StringComparison.Ordinal);
        var casePage = WebUtility.HtmlDecode(await pages.GetStringAsync($"/faelle/{extra}"));
        Assert.Contains($"/faelle/{extra}/anschreiben", casePage, StringComparison.Ordinal);
        Assert.Contains($"/faelle/{extra}/vorlage", casePage, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "PH-FDS-06")]
    public async Task PHFDS06_the_27_SchwbAV_template_carries_the_confirmations_and_the_prior_measures()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateClientAsync();
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var main = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "retention", funderId = ina, legalBasisCode = "sgb9-185-2" });
        var extra = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "expert-statement", funderId = ina, legalBasisCode = "fds-27-schwbav", parentCaseId = main });

        using var pages = await factory.SignInToPagesAsync(tenant.CaseworkerA);
        var template = WebUtility.HtmlDecode(await pages.GetStringAsync($"/faelle/{extra}/vorlage"));
        Assert.Contains("Fachdienstliche Empfehlung Leistungen nach § 27 SchwbAV", template, StringComparison.Ordinal);
        Assert.Contains("<h2>Bestätigungen</h2>", template, StringComparison.Ordinal);
        Assert.Contains("href=\"/regeln#PH-FDS-06\"", template, StringComparison.Ordinal);
        Assert.Contains("vorrangigen Maßnahmen", template, StringComparison.Ordinal);

        // Only Zusatzaufträge have the template.
        using var none = await pages.GetAsync($"/faelle/{main}/vorlage");
        await none.ExpectAsync(HttpStatusCode.NotFound);
    }
}
