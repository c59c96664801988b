using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;
using Xunit.Abstractions;

namespace Teilhabe.BrowserTests;

/// <summary>
/// Issue 20: the case as a workspace. The overview at /faelle/{id} is short and has the main actions at hand; the work
/// lives in sections with their own addresses, reached by a section navigation that htmx swaps in place (with history)
/// and that works as plain links without JavaScript.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseWorkspaceJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const int Width = 1280;
    private const int ScreenHeight = 1000;

    /// <summary>The sections of the case page, as the navigation names them.</summary>
    private static readonly string[] Sections = ["Phase und Auftraggeber", "Fristen", "Angaben", "Dokumente", "Berichte und Ziele", "Merkblatt und Abstimmungen", "IFD-Aufgaben", "Phasenverlauf"];

    private static readonly string[] Topics = ["clarify-eligibility"];

    [Fact]
    public async Task The_overview_is_at_most_two_and_a_half_screens_with_Kontakt_erfassen_in_view_and_every_section_is_at_most_four_screens_and_accessible()
    {
        var (api, caseId) = await BusyCaseAsync();
        using var _ = api;
        var page = await browser.NewPageAsync(bypassCsp: true);
        await page.SetViewportSizeAsync(Width, ScreenHeight);
        await BrowserFixture.SignInAsync(page, browser.User(Roles.Caseworker));
        await page.GotoAsync($"/faelle/{caseId}");

        await Assertions.Expect(page.Locator("section[aria-labelledby='letzte-kontakte'] li")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("section[aria-labelledby='naechster-schritt']")).ToBeVisibleAsync();
        var overviewHeight = await HeightAsync(page);
        output.WriteLine($"overview: {overviewHeight} px");
        Assert.True(overviewHeight <= ScreenHeight * 2.5, $"overview is {overviewHeight} px high");
        var contact = await page.GetByRole(AriaRole.Link, new() { Name = "Kontakt erfassen" }).BoundingBoxAsync();
        Assert.NotNull(contact);
        Assert.True(contact.Y + contact.Height <= ScreenHeight, $"Kontakt erfassen ends at {contact.Y + contact.Height} px");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        foreach (var section in Sections)
        {
            await BrowserFixture.OpenCaseSectionAsync(page, section);
            var height = await HeightAsync(page);
            output.WriteLine($"{section}: {height} px");
            Assert.True(height <= ScreenHeight * 4, $"{section} is {height} px high");
            await AccessibilityTests.AssertAccessibleAsync(page, output);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_section_navigation_swaps_the_section_in_place_keeps_the_address_and_the_back_button_returns()
    {
        var (api, caseId) = await BusyCaseAsync();
        using var _ = api;
        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, browser.User(Roles.Caseworker));
        await page.GotoAsync($"/faelle/{caseId}");
        await page.EvaluateAsync("window.sameDocument = true");

        await BrowserFixture.OpenCaseSectionAsync(page, "Dokumente");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/faelle/{caseId}/dokumente$"));
        await Assertions.Expect(page.Locator("section[aria-labelledby='dokumente']")).ToContainTextAsync("Zielvereinbarung");
        Assert.True(await page.EvaluateAsync<bool>("window.sameDocument === true"), "the section was loaded as a new page, not swapped in");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Dokumente – Auftrag"));

        await BrowserFixture.OpenCaseSectionAsync(page, "Fristen");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/faelle/{caseId}/fristen$"));
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/faelle/{caseId}/dokumente$"));
        await Assertions.Expect(page.Locator("section[aria-labelledby='dokumente']")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Rule", "CT-01")]
    public async Task Keyboard_only_the_caseworker_moves_through_the_sections_and_records_a_contact()
    {
        var (api, caseId) = await BusyCaseAsync();
        using var _ = api;
        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, browser.User(Roles.Caseworker));
        await page.GotoAsync($"/faelle/{caseId}");

        var first = true;
        foreach (var (section, path, heading) in new[] { ("Dokumente", "dokumente", "Dokumente"), ("Fristen", "fristen", "Fristen"), ("Phase und Auftraggeber", "phase", "Was fehlt für den nächsten Schritt") })
        {
            // From the top of the page forwards; from a section's heading back up to the navigation above it.
            var link = $"el.closest('.case-nav') && el.textContent.trim() === '{section}'";
            if (first)
            {
                await ContactJourneyTests.TabToAsync(page, link);
            }
            else
            {
                await ContactJourneyTests.TabToAsync(page, link, "Shift+Tab");
            }

            first = false;
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/faelle/{caseId}/{path}$"));
            // The focus moves to the heading of the section swapped in, so the keyboard continues there.
            await Assertions.Expect(page.Locator("#bereich h2").First).ToBeFocusedAsync();
            await Assertions.Expect(page.Locator("#bereich h2").First).ToHaveTextAsync(heading);
        }

        await ContactJourneyTests.TabToAsync(page, "el.textContent.trim() === 'Kontakt erfassen'", "Shift+Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/faelle/{caseId}/kontakte/neu$"));
        Assert.Equal("Entry_OccurredAt", await page.EvaluateAsync<string>("document.activeElement.id"));
        await ContactJourneyTests.TabToAsync(page, "el.id === 'Entry_Keywords'");
        await page.Keyboard.TypeAsync("Über die Bereiche erfasst");
        await ContactJourneyTests.TabToAsync(page, "el.value === 'counselling-job'");
        await page.Keyboard.PressAsync("Space");
        await ContactJourneyTests.TabToAsync(page, "el.id === 'Entry_Outcomes'");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/faelle/{caseId}/verlauf$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("ist gespeichert");

        await page.GotoAsync($"/faelle/{caseId}");
        await Assertions.Expect(page.Locator("section[aria-labelledby='letzte-kontakte']")).ToContainTextAsync("Über die Bereiche erfasst");
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Rule", "PH-GEN-01")]
    public async Task Without_JavaScript_the_sections_are_plain_pages_and_a_refused_phase_change_shows_its_errors_in_the_phase_section()
    {
        var user = browser.User(Roles.Caseworker);
        using var api = await browser.Factory.LoginAsync(user);
        string caseId;
        using (var created = await api.PostAsJsonAsync("/api/v1/cases", new { clientId = await CaseJourneyTests.CreateCompleteClientAsync(api) }))
        {
            caseId = await created.ReadCreatedIdAsync();
        }

        var page = await browser.NewPageAsync(javaScriptEnabled: false);
        await BrowserFixture.SignInAsync(page, user);
        await page.GotoAsync($"/faelle/{caseId}");
        await BrowserFixture.OpenCaseSectionAsync(page, "Dokumente");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/faelle/{caseId}/dokumente$"));
        await BrowserFixture.OpenCaseSectionAsync(page, "Phase und Auftraggeber");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/faelle/{caseId}/phase$"));

        await page.Locator("#Move_To").SelectOptionAsync("P2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Phase wechseln" }).ClickAsync();
        await Assertions.Expect(page.Locator("#fehler")).ToContainTextAsync("PH-P2-01");
        await Assertions.Expect(page.Locator("section[aria-labelledby='phase-wechseln']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Bereiche des Auftrags" })
            .GetByRole(AriaRole.Link, new() { Name = "Phase und Auftraggeber", Exact = true })).ToHaveAttributeAsync("aria-current", "page");

        await BrowserFixture.OpenCaseSectionAsync(page, "Merkblatt und Abstimmungen");
        await page.Locator("#Notice_SignedOn").FillAsync(BrowserFixture.IsoDay());
        await page.Locator("#Notice_Version").SelectOptionAsync("2026-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unterschrift erfassen" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/faelle/{caseId}/merkblatt$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Merkblatt ist erfasst");
        await page.Context.CloseAsync();
    }

    /// <summary>A Sicherung in P3 with its documents, an LEK and seven contacts: more than the overview lists.</summary>
    private async Task<(HttpClient Api, string CaseId)> BusyCaseAsync()
    {
        var api = await browser.Factory.LoginAsync(browser.User(Roles.Caseworker));
        var ina = await FunderChangeJourneyTests.CreateFunderAsync(api, "Integrationsamt", "IntegrationOffice");
        var caseId = await FunderChangeJourneyTests.CaseInP3Async(api, await CaseJourneyTests.CreateCompleteClientAsync(api), ina);
        string outcomeId;
        using (var lek = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/outcomes", new { outcomeCode = "qb-done" }))
        {
            outcomeId = await lek.ReadCreatedIdAsync();
        }

        for (var i = 0; i < 7; i++)
        {
            using var contact = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", new
            {
                occurredAt = DateTimeOffset.UtcNow.AddHours(-3 - i),
                form = "personal",
                keywords = $"Gespräch {i + 1}",
                participants = new[] { new { kind = "client", name = "Frau Beispiel" } },
                note = "Begleitung am Arbeitsplatz.",
                topicCodes = Topics,
                outcomeIds = new[] { outcomeId },
            });
            await contact.ExpectAsync(HttpStatusCode.Created);
        }

        return (api, caseId);
    }

    private static async Task<int> HeightAsync(IPage page)
        => await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
}
