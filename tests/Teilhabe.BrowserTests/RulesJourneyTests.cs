using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Teilhabe.Core.Accounts;
using Xunit.Abstractions;

namespace Teilhabe.BrowserTests;

/// <summary>Rule IDs for the curious: the small "Regel TOP-01" link of the catalogue page leads to the rule's text on /regeln.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RulesJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    [Trait("Rule", "TOP-01")]
    public async Task TOP01_the_rule_link_of_the_catalogue_page_opens_the_rule_text_on_the_rules_page()
    {
        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, browser.User(Roles.Administrator));
        await page.GotoAsync("/verwaltung/kataloge");

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Regel TOP-01" }).First.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/regeln#TOP-01$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Regeln", Level = 1 })).ToBeVisibleAsync();
        var rule = page.Locator("[id='TOP-01']");
        await Assertions.Expect(rule).ToContainTextAsync("TOP-01");
        await Assertions.Expect(rule).ToContainTextAsync("kann nur stillgelegt, nicht gelöscht werden");
        await Assertions.Expect(rule).ToBeInViewportAsync();
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        await page.GetByLabel("Regel-ID oder Stichwort").FillAsync("stillgelegt");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Suchen" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/regeln\\?q=stillgelegt$"));
        await Assertions.Expect(page.Locator("[id='TOP-01']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[id='ACC-01']")).ToHaveCountAsync(0);
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        await page.Context.CloseAsync();
    }
}
