using Microsoft.Playwright;
using Teilhabe.Core.Accounts;

namespace Teilhabe.BrowserTests;

/// <summary>STYLE.md: every action also works with JavaScript off (htmx is an enhancement only).</summary>
[Collection(BrowserCollection.Name)]
public sealed class NoJavaScriptTests(BrowserFixture browser)
{
    [Fact]
    public async Task Login_and_logout_forms_work_with_JavaScript_disabled()
    {
        var page = await browser.NewPageAsync(javaScriptEnabled: false);
        var user = browser.User(Roles.Caseworker);

        await BrowserFixture.SignInAsync(page, user);

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "/").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToContainTextAsync("Guten Tag");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Abmelden" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "/konto/anmelden").ToString());
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/konto/anmelden"));
        await page.Context.CloseAsync();
    }
}
