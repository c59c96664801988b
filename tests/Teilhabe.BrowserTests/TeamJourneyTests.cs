using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;
using Xunit.Abstractions;

namespace Teilhabe.BrowserTests;

/// <summary>The IFD lead opens the team overview, reads a caseworker's figures and follows one to the filtered case list.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class TeamJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Lead_opens_the_team_overview_and_follows_a_figure_to_the_filtered_case_list()
    {
        var caseworker = await browser.Factory.CreateUserAsync(Roles.Caseworker, browser.Tenant.ServiceA);
        using (var api = await browser.Factory.LoginAsync(caseworker))
        {
            foreach (var name in new[] { "Teamblick", "Teamsicht" })
            {
                var clientId = await CaseJourneyTests.CreateCompleteClientAsync(api);
                using var created = await api.PostAsync("/api/v1/cases", System.Net.Http.Json.JsonContent.Create(new { clientId }));
                await created.ReadCreatedIdAsync();
            }
        }

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, browser.User(Roles.ServiceLead));
        await page.GotoAsync("/");
        await page.Locator("nav.main-nav").GetByRole(AriaRole.Link, new() { Name = "Team", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(TeamUrl());
        await Assertions.Expect(page.Locator("nav.main-nav a[aria-current='page']")).ToHaveCountAsync(1);

        var row = page.Locator("tbody tr", new() { HasText = caseworker.UserName });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        var p1 = row.Locator("td").First.GetByRole(AriaRole.Link);
        await Assertions.Expect(p1).ToHaveTextAsync("2");
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        await p1.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/faelle\\?fachkraft={caseworker.Id}&phase=P1$"));
        await Assertions.Expect(page.Locator("#ergebnisse table caption")).ToContainTextAsync("2 Aufträge");
        await Assertions.Expect(page.Locator("#filter-phase")).ToHaveValueAsync("P1");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex("/team$")]
    private static partial Regex TeamUrl();
}
