using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Profiles;

/// <summary>
/// State profiles per Integrationsamt (API.md "State profiles"): one deployment with TH and the repository's example
/// profile XX (4-week documentation window, REP-06 on), on SQLite and PostgreSQL.
/// </summary>
public sealed class StateProfileApiTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    public async Task Two_Integrationsaemter_in_one_deployment_get_the_profile_of_their_state()
    {
        var th = await TestTenant.CreateAsync(factory, withSecondService: false);
        var xx = await TestTenant.CreateAsync(factory, withSecondService: false, state: TeilhabeFactory.ExampleProfile);
        using var thCaseworker = await factory.LoginAsync(th.CaseworkerA);
        using var xxCaseworker = await factory.LoginAsync(xx.CaseworkerA);
        using var xxCoordinator = await factory.LoginAsync(xx.Coordinator);
        using var admin = await factory.AdminClientAsync();

        var thProfile = await thCaseworker.GetJsonAsync("/api/v1/profile");
        var xxProfile = await xxCaseworker.GetJsonAsync("/api/v1/profile");

        Assert.Equal(("TH", "Thüringen"), (thProfile.GetProperty("code").GetString(), thProfile.GetProperty("name").GetString()));
        Assert.Equal(6, thProfile.GetProperty("numbers").GetProperty("contactBackdatingWeeks").GetInt32());
        Assert.Equal(2, thProfile.GetProperty("numbers").GetProperty("counsellingMonths").GetInt32());
        Assert.Equal(4 * 1024 * 1024, thProfile.GetProperty("numbers").GetProperty("uploadMaxBytes").GetInt64());
        Assert.Equal(4, thProfile.GetProperty("numbers").GetProperty("objectionWeeks").GetInt32());
        Assert.Equal(5, thProfile.GetProperty("numbers").GetProperty("retentionYears").GetInt32());
        Assert.False(thProfile.GetProperty("rules").GetProperty("REP-06").GetBoolean());

        Assert.Equal(("XX", "Beispielprofil (kein Landesrecht)"), (xxProfile.GetProperty("code").GetString(), xxProfile.GetProperty("name").GetString()));
        Assert.Equal(4, xxProfile.GetProperty("numbers").GetProperty("contactBackdatingWeeks").GetInt32());
        Assert.Equal(3, xxProfile.GetProperty("numbers").GetProperty("counsellingMonths").GetInt32());
        Assert.True(xxProfile.GetProperty("rules").GetProperty("REP-06").GetBoolean());
        Assert.Equal("XX", (await xxCoordinator.GetJsonAsync("/api/v1/profile")).GetProperty("code").GetString());
        Assert.Equal("TH", (await admin.GetJsonAsync("/api/v1/profile")).GetProperty("code").GetString());
    }

    [Fact]
    [Trait("Rule", "CT-03")]
    public async Task CT03_the_same_contact_5_weeks_back_is_refused_under_the_4_week_profile_and_accepted_under_TH()
    {
        var fiveWeeksBack = ContactApi.OnDay(factory.BerlinToday().AddDays(-35));
        var xx = await TestTenant.CreateAsync(factory, withSecondService: false, state: TeilhabeFactory.ExampleProfile);
        using var xxCaseworker = await factory.LoginAsync(xx.CaseworkerA);
        var xxCase = await xxCaseworker.CreateCaseAsync(new { clientId = await xxCaseworker.CreateClientAsync() });
        var xxLek = await xxCaseworker.CreateOutcomeAsync(xxCase);

        using var refused = await xxCaseworker.RecordContactAsync(xxCase, fiveWeeksBack, [xxLek]);

        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["CT-03"], await refused.ReadViolatedRulesAsync());
        Assert.Contains("4 Wochen", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("violations")[0].GetProperty("message").GetString());
        Assert.Equal(0, (await xxCaseworker.GetJsonAsync($"/api/v1/cases/{xxCase}/contacts")).GetArrayLength());

        var th = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var thCaseworker = await factory.LoginAsync(th.CaseworkerA);
        var thCase = await thCaseworker.CreateCaseAsync(new { clientId = await thCaseworker.CreateClientAsync() });
        var thLek = await thCaseworker.CreateOutcomeAsync(thCase);

        using var accepted = await thCaseworker.RecordContactAsync(thCase, fiveWeeksBack, [thLek]);

        await accepted.ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    [Trait("Rule", "DOC-04")]
    public async Task DOC04_a_state_with_its_own_form_version_requires_it_and_lists_it_in_the_catalogue()
    {
        var xx = await TestTenant.CreateAsync(factory, withSecondService: false, state: TeilhabeFactory.ExampleProfile);
        var th = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var xxCaseworker = await factory.LoginAsync(xx.CaseworkerA);
        using var thCaseworker = await factory.LoginAsync(th.CaseworkerA);
        var id = await xxCaseworker.CreateCaseAsync(new { clientId = await xxCaseworker.CreateClientAsync() });

        var xxVersions = (await xxCaseworker.GetJsonAsync("/api/v1/catalogues/form-versions")).EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        var thVersions = (await thCaseworker.GetJsonAsync("/api/v1/catalogues/form-versions")).EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.Contains("XX-2026", xxVersions);
        Assert.DoesNotContain("XX-2026", thVersions);

        using (var outdated = await xxCaseworker.PostAsJsonAsync($"/api/v1/cases/{id}/data-protection-notice", new { signedOn = factory.Today(), version = "2026-01" }))
        {
            await outdated.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["DOC-04"], await outdated.ReadViolatedRulesAsync());
        }

        await xxCaseworker.SignNoticeAsync(id, factory.Today(), "XX-2026");
    }

    [Fact]
    [Trait("Rule", "TOP-01")]
    public async Task TOP01_a_state_offers_its_own_catalogue_entries_and_leaves_out_the_ones_it_hides()
    {
        var xx = await TestTenant.CreateAsync(factory, withSecondService: false, state: TeilhabeFactory.ExampleProfile);
        var th = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var xxCaseworker = await factory.LoginAsync(xx.CaseworkerA);
        using var thCaseworker = await factory.LoginAsync(th.CaseworkerA);

        async Task<List<string?>> CodesAsync(HttpClient client, string catalogue)
            => [.. (await client.GetJsonAsync($"/api/v1/catalogues/{catalogue}")).EnumerateArray().Select(e => e.GetProperty("code").GetString())];

        var xxBodies = await CodesAsync(xxCaseworker, "referring-bodies");
        var thBodies = await CodesAsync(thCaseworker, "referring-bodies");
        Assert.Contains("xx-landesprogramm", xxBodies);
        Assert.DoesNotContain("clinic", xxBodies);
        Assert.DoesNotContain("xx-landesprogramm", thBodies);
        Assert.Contains("clinic", thBodies);
        Assert.Contains("xx-budget-arbeit", await CodesAsync(xxCaseworker, "topics"));
        Assert.DoesNotContain("xx-budget-arbeit", await CodesAsync(thCaseworker, "topics"));

        // The state's own entry can be chosen under XX and is an unknown code under TH (400 like any unknown code); a hidden one cannot be chosen under XX.
        var xxCase = await xxCaseworker.CreateCaseAsync(new { clientId = await xxCaseworker.CreateClientAsync(), referringBodyCode = "xx-landesprogramm" });
        Assert.Equal("xx-landesprogramm", (await xxCaseworker.GetJsonAsync($"/api/v1/cases/{xxCase}")).GetProperty("referringBodyCode").GetString());
        using (var unknownUnderTh = await thCaseworker.PostAsJsonAsync("/api/v1/cases", new { clientId = await thCaseworker.CreateClientAsync(), referringBodyCode = "xx-landesprogramm" }))
        {
            await unknownUnderTh.ExpectAsync(HttpStatusCode.BadRequest);
            Assert.Contains("Unbekannte einleitende Stelle", await unknownUnderTh.Content.ReadAsStringAsync());
        }

        using (var hiddenUnderXx = await xxCaseworker.PostAsJsonAsync("/api/v1/cases", new { clientId = await xxCaseworker.CreateClientAsync(), referringBodyCode = "clinic" }))
        {
            await hiddenUnderXx.ExpectAsync(HttpStatusCode.BadRequest);
            Assert.Contains("Unbekannte einleitende Stelle", await hiddenUnderXx.Content.ReadAsStringAsync());
        }

        await thCaseworker.CreateCaseAsync(new { clientId = await thCaseworker.CreateClientAsync(), referringBodyCode = "clinic" });

        // The InA-Koordination sees the state's form version on the maintenance page as part of the profile, without actions.
        using var coordinator = await factory.SignInToPagesAsync(xx.Coordinator);
        using var page = await coordinator.GetAsync("/verwaltung/kataloge?katalog=form-versions");
        await page.ExpectAsync(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        var row = html[html.IndexOf("<code>XX-2026</code>", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("aus dem Landesprofil XX", row);
        Assert.Contains("wird in der Datei des Landesprofils gepflegt", row);
        Assert.DoesNotContain("Stilllegen", row);
    }

    [Fact]
    public async Task An_Integrationsamt_of_a_state_without_a_profile_is_refused_with_the_available_profiles()
    {
        using var admin = await factory.AdminClientAsync();

        using var refused = await admin.PostAsJsonAsync("/api/v1/admin/organisations", new { kind = "IntegrationOffice", name = factory.Unique("Integrationsamt"), state = "BY" });

        await refused.ExpectAsync(HttpStatusCode.BadRequest);
        var message = (await refused.ReadProblemAsync()).GetProperty("errors").GetProperty("state")[0].GetString();
        Assert.Contains("BY", message);
        Assert.Contains("TH, XX", message);
    }

    [Fact]
    public async Task The_administrator_sees_the_profile_in_force_per_Integrationsamt()
    {
        var xxOffice = await factory.CreateOrganisationAsync("IntegrationOffice", factory.Unique("Integrationsamt Beispiel"), TeilhabeFactory.ExampleProfile);
        Assert.NotEmpty(xxOffice);
        using var browser = await factory.SignInToPagesAsync(new TestUser("admin", TeilhabeFactory.AdminUserName, TeilhabeFactory.AdminPassword, "Administrator", null, null));

        using var page = await browser.GetAsync("/verwaltung/landesprofile");

        await page.ExpectAsync(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("XX – Beispielprofil (kein Landesrecht)", html);
        Assert.Contains("Dokumentation rückwirkend höchstens (Wochen)", html);
        Assert.Contains("REP-06 (Zwischenbericht)", html);
        Assert.Contains("eingeschaltet", html);
        Assert.Contains("Einleitende Stellen: Landesprogramm Arbeit (Beispiel) (xx-landesprogramm)", html);
        Assert.Contains("Einleitende Stellen: clinic", html);
    }
}
