using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;
using Xunit.Abstractions;

namespace Teilhabe.BrowserTests;

/// <summary>
/// axe-core scan (WCAG 2.1 A/AA) of every page, for every role that reaches it. A new page is one new
/// line in <see cref="Pages"/>; a violation of impact serious or critical fails the test.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>
    /// Path and the role that opens it (null: not signed in). Not here: /api-docs, the developers' API reference rendered by
    /// Scalar (its own markup fails html-has-lang and color-contrast; ApiDocsJourneyTests checks that it renders cleanly).
    /// </summary>
    public static TheoryData<string, string?> Pages => new()
    {
        { "/konto/anmelden", null },
        { "/barrierefreiheit", null },
        { "/fehler", null },
        { "/", Roles.Administrator },
        { "/", Roles.IntegrationOfficeCoordinator },
        { "/", Roles.ServiceLead },
        { "/", Roles.Caseworker },
        { "/", Roles.Deputy },
        { "/", Roles.Trainer },
        { "/", Roles.ProgrammeLead },
        { "/konto/passwort", Roles.Caseworker },
        { "/konto/abmelden", Roles.Caseworker },
        { "/verwaltung/benutzer", Roles.Administrator },
        { "/verwaltung/benutzer", Roles.IntegrationOfficeCoordinator },
        { "/verwaltung/organisationen", Roles.Administrator },
        { "/protokoll", Roles.Administrator },
        { "/protokoll", Roles.ServiceLead },
        { "/zugriff-verweigert", Roles.Caseworker },
        { "/klienten", Roles.Caseworker },
        { "/klienten", Roles.IntegrationOfficeCoordinator },
        { "/klienten/neu", Roles.Caseworker },
        { "/institutionen", Roles.Caseworker },
        { "/leistungstraeger", Roles.Caseworker },
        { "/leistungstraeger", Roles.IntegrationOfficeCoordinator },
        { "/ina/freischaltungen", Roles.IntegrationOfficeCoordinator },
        { "/ina", Roles.IntegrationOfficeCoordinator },
        { "/verwaltung/kataloge", Roles.Administrator },
        { "/team", Roles.ServiceLead },
        { "/verwaltung/kataloge", Roles.IntegrationOfficeCoordinator },
        { "/faelle", Roles.Caseworker },
        { "/faelle", Roles.ServiceLead },
        { "/faelle", Roles.IntegrationOfficeCoordinator },
        { "/wiedervorlagen", Roles.Caseworker },
        { "/wiedervorlagen", Roles.ServiceLead },
        { "/wiedervorlagen", Roles.IntegrationOfficeCoordinator },
        { "/wiedervorlagen", Roles.Deputy },
        { "/statistik", Roles.ServiceLead },
        { "/loeschung", Roles.ServiceLead },
        { "/statistik", Roles.IntegrationOfficeCoordinator },
        { "/statistik/datenqualitaet", Roles.ServiceLead },
        { "/statistik/datenqualitaet", Roles.IntegrationOfficeCoordinator },
        { "/lek-ohne-startdatum", Roles.Caseworker },
        { "/lek-ohne-startdatum", Roles.ServiceLead },
        { "/programme", Roles.Trainer },
        { "/programme", Roles.ProgrammeLead },
        { "/uebernahmen", Roles.Caseworker },
        { "/uebernahmen", Roles.ServiceLead },
        { "/ina/uebernahmen", Roles.IntegrationOfficeCoordinator },
        { "/ina/meldungen", Roles.IntegrationOfficeCoordinator },
        { "/netzwerke", Roles.Caseworker },
        { "/netzwerke", Roles.ServiceLead },
        { "/netzwerke", Roles.IntegrationOfficeCoordinator },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_has_no_serious_or_critical_accessibility_violation(string path, string? role)
    {
        var page = await browser.NewPageAsync(bypassCsp: true);
        if (role is not null)
        {
            await BrowserFixture.SignInAsync(page, browser.User(role));
        }

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response?.Status);
        Assert.EndsWith(path, new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Rule", "STAT-03")]
    public async Task STAT03_statistics_page_shows_titled_charts_with_their_tables_and_passes_axe()
    {
        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, browser.User(Roles.IntegrationOfficeCoordinator));
        await page.GotoAsync("/statistik?year=2025&public=true");

        var charts = page.Locator("svg.bar-chart[role=img]");
        Assert.True(await charts.CountAsync() >= 4);
        Assert.Equal(await charts.CountAsync(), await page.Locator("svg.bar-chart > title").CountAsync());
        Assert.Equal(await charts.CountAsync(), await page.Locator("svg.bar-chart > desc").CountAsync());
        Assert.True(await page.Locator("table.statistics-table caption").CountAsync() >= await charts.CountAsync());
        await Assertions.Expect(page.GetByLabel("Veröffentlichung (kleine Werte unterdrückt)")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "CSV (für Excel, Semikolon-getrennt)" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Rule", "PRG-LO-02")]
    public async Task PRGLO02_programme_settings_page_lowers_a_module_cap_refuses_invalid_values_and_passes_axe()
    {
        using var lead = await browser.Factory.LoginAsync(browser.User(Roles.ProgrammeLead));
        using var funder = await lead.PostAsJsonAsync("/api/v1/funders", new { name = browser.Factory.Unique("Eingliederungshilfe"), kind = "IntegrationAssistance" });
        var body = (await funder.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var created = await lead.PostAsJsonAsync("/api/v1/programmes", new
        {
            name = browser.Factory.Unique("Qualifizierung"),
            template = "modular-qualification",
            providerId = browser.Tenant.ProviderId,
            yearlyPlaces = 20,
            sites = new[] { new { name = "Werkhof", places = 20 } },
            referringBodyIds = new[] { body },
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, browser.User(Roles.ProgrammeLead));
        var response = await page.GotoAsync($"/programme/{id}/einstellungen");
        Assert.Equal(200, response?.Status);
        await AssertAccessibleAsync(page);

        var entry = page.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = "Einstiegsphase" });
        await entry.GetByLabel("Stundenobergrenze (leer: keine)").FillAsync("40");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Module speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Die Module sind gespeichert.");
        using (var settings = await lead.GetAsync($"/api/v1/programmes/{id}/settings"))
        {
            Assert.Equal(40m, (await settings.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("modules")[0].GetProperty("hourCap").GetDecimal());
        }

        await page.GetByLabel("Zuweisungsdauer in Monaten").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Einstellungen speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Die Zuweisungsdauer liegt zwischen 1 und 60 Monaten.");
        await AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Login_page_with_an_error_message_has_no_serious_or_critical_accessibility_violation()
    {
        var page = await browser.NewPageAsync(bypassCsp: true);
        await page.GotoAsync("/konto/anmelden");
        await page.GetByLabel("Benutzername").FillAsync("niemand");
        await page.GetByLabel("Passwort", new PageGetByLabelOptions { Exact = true }).FillAsync("Falsch#2026a");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Anmelden" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Benutzername oder Passwort ist falsch.");
        await AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Change_password_page_with_errors_has_no_serious_or_critical_accessibility_violation()
    {
        var page = await browser.NewPageAsync(bypassCsp: true);
        var user = browser.User(Roles.ServiceLead);
        await BrowserFixture.SignInAsync(page, user);
        await page.GotoAsync("/konto/passwort");
        await page.GetByLabel("Bisheriges Passwort").FillAsync(user.Password);
        await page.GetByLabel("Neues Passwort", new PageGetByLabelOptions { Exact = true }).FillAsync("kurz");
        await page.GetByLabel("Neues Passwort wiederholen").FillAsync("kurz");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Passwort ändern" }).ClickAsync();

        await Assertions.Expect(page.Locator("#fehler")).ToContainTextAsync("ACC-01");
        await AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Rule", "REP-07")]
    [Trait("Rule", "REP-03")]
    public async Task Report_preview_goals_page_and_Berichte_panel_have_no_serious_or_critical_accessibility_violation()
    {
        var user = browser.User(Roles.Caseworker);
        using var api = await browser.Factory.LoginAsync(user);
        var clientId = await CaseJourneyTests.CreateCompleteClientAsync(api);
        using var created = await api.PostAsJsonAsync("/api/v1/cases", new { clientId });
        var caseId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using (var patched = await api.PatchAsJsonAsync($"/api/v1/cases/{caseId}", new { plannedContents = "Beratung zur Größe des Arbeitsplatzes", todo = "Privat: Rückruf" }))
        {
            patched.EnsureSuccessStatusCode();
        }

        using (var goal = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/goals", new { goal = "Arbeitsplatz sichern", subGoals = "Stehhilfe beantragen" }))
        {
            goal.EnsureSuccessStatusCode();
        }

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, user);
        await page.GotoAsync($"/faelle/{caseId}/berichte/vorschau?kind=InitialCounselling");
        var report = page.Locator("article.report-preview");
        await Assertions.Expect(report).ToContainTextAsync("Geplante Inhalte und Maßnahmen");
        await Assertions.Expect(report).ToContainTextAsync("Größe des Arbeitsplatzes");
        await Assertions.Expect(report).Not.ToContainTextAsync("Rückruf");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Anfangsbericht Qualifizierte Beratung erstellen" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Version 1");
        await Assertions.Expect(page.Locator("section[aria-labelledby='berichte']")).ToContainTextAsync("Anfangsbericht Qualifizierte Beratung");
        await AssertAccessibleAsync(page);

        await page.GotoAsync($"/faelle/{caseId}/ziele");
        await Assertions.Expect(page.Locator("h2", new() { HasText = "Arbeitsplatz sichern" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Rule", "IFD-01")]
    public async Task IFD01_profile_orientation_apprenticeship_and_consent_pages_have_no_serious_or_critical_accessibility_violation()
    {
        var user = browser.User(Roles.Caseworker);
        using var api = await browser.Factory.LoginAsync(user);
        var clientId = await CaseJourneyTests.CreateCompleteClientAsync(api);
        using var created = await api.PostAsJsonAsync("/api/v1/cases", new { clientId });
        var caseId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using (var profile = await api.PutAsJsonAsync($"/api/v1/cases/{caseId}/ability-profile", new { abilities = "Genau und zuverlässig", recommendation = "Lager", clientParticipated = true }))
        {
            profile.EnsureSuccessStatusCode();
        }

        using (var consent = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/colleague-consents", new { givenOn = "2026-01-05", form = "written", colleagues = "Team Lager", information = "Auswirkungen der Hörbehinderung" }))
        {
            consent.EnsureSuccessStatusCode();
        }

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, user);
        foreach (var (path, heading) in new[]
        {
            ("profil", "Fähigkeits-, Leistungs- und Interessenprofil"),
            ("berufsorientierung", "Berufsorientierung in der Schule"),
            ("ausbildung", "Begleitung der betrieblichen Ausbildung"),
            ("einwilligungen-kollegen", "Einwilligung zur Information der Kolleginnen und Kollegen"),
        })
        {
            await page.GotoAsync($"/faelle/{caseId}/{path}");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
            await AssertAccessibleAsync(page);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Einwilligung speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator("#fehler")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Scanner_reports_violations_on_a_page_that_has_them()
    {
        // Guards the scan itself: an injection that silently found nothing would pass every page.
        var page = await browser.NewPageAsync(bypassCsp: true);
        await page.GotoAsync("/konto/anmelden");
        await page.SetContentAsync("<html><head><title>x</title></head><body><img src='/x.png'><input type='text'></body></html>");

        var violations = await AxeCore.RunAsync(page);

        Assert.Contains(violations, v => v.Id == "image-alt" && v.Impact == "critical");
        Assert.Contains(violations, v => v.Id == "html-has-lang" && v.Impact == "serious");
        await page.Context.CloseAsync();
    }

    internal static async Task AssertAccessibleAsync(IPage page, ITestOutputHelper output)
    {
        var violations = await AxeCore.RunAsync(page);
        foreach (var v in violations)
        {
            output.WriteLine($"{v.Impact}: {v.Id} ({v.Help}) at {string.Join(", ", v.Targets)}");
        }

        var blocking = violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(
            blocking.Count == 0,
            $"{page.Url}: " + string.Join("; ", blocking.Select(v => $"{v.Impact} {v.Id} at {string.Join(", ", v.Targets)}")));
    }

    private Task AssertAccessibleAsync(IPage page) => AssertAccessibleAsync(page, output);
}
