using Microsoft.Playwright;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;

namespace Teilhabe.BrowserTests;

/// <summary>
/// ACC-11 to ACC-13 in the browser: the second factor set up with the page's key and asked for at login; a reset by
/// the administration with a reason, told to the user at the next login; a deactivation on the users page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountSecurityJourneyTests(BrowserFixture browser)
{
    [Fact]
    [Trait("Rule", "ACC-11")]
    public async Task ACC11_a_coordinator_sets_up_the_second_factor_at_the_first_login_and_then_uses_it()
    {
        var coordinator = await browser.Factory.CreateUserAsync(Roles.IntegrationOfficeCoordinator, officeId: browser.Tenant.IntegrationOfficeId, withSecondFactor: false);
        var page = await browser.NewPageAsync();

        await BrowserFixture.SignInAsync(page, coordinator);
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "/konto/zweiter-faktor").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new PageGetByRoleOptions { Name = "QR-Code zum Einrichten des zweiten Faktors" })).ToBeVisibleAsync();

        // The app on the phone would scan the QR code; the key beside it is the same.
        var key = (await page.Locator("#secret").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal);
        await page.GetByLabel("Code aus der App").FillAsync(TeilhabeFactory.TotpCode(key));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Zweiten Faktor einrichten" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Ihre Wiederherstellungscodes" })).ToBeVisibleAsync();
        Assert.Equal(10, await page.Locator("#recovery-codes li").CountAsync());
        await page.GotoAsync("/klienten");
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "/klienten").ToString());
        await page.Context.CloseAsync();

        // The next login asks for the code after the password.
        var next = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(next, coordinator with { SecondFactorKey = key });
        await Assertions.Expect(next.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToContainTextAsync("Guten Tag");
        await next.Context.CloseAsync();
    }

    [Fact]
    [Trait("Rule", "ACC-12")]
    public async Task ACC12_the_administration_resets_a_password_with_a_reason_and_the_user_is_told_who_did_it()
    {
        var user = await browser.Factory.CreateUserAsync(Roles.Caseworker, browser.User(Roles.Caseworker).ServiceId);
        var admin = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, browser.User(Roles.Administrator));
        await admin.GotoAsync("/verwaltung/benutzer");

        await admin.GetByText($"Neues Initialpasswort für {user.UserName}").ClickAsync();
        await admin.GetByLabel($"Initialpasswort für {user.UserName}").FillAsync("Neu#Start2026");
        await admin.Locator($"input[name=reason][id^=why-{user.Id}]").FillAsync("Passwort vergessen, Rückruf bestätigt");
        await admin.Locator($"form:has(input[value='{user.Id}'])").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Setzen" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync(user.UserName);
        await admin.Context.CloseAsync();

        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, user with { Password = "Neu#Start2026" });
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "/konto/passwort").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("zurückgesetzt");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Administration");
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Rule", "ACC-13")]
    public async Task ACC13_a_deactivation_on_the_users_page_ends_the_open_session_and_blocks_the_login()
    {
        var user = await browser.Factory.CreateUserAsync(Roles.Caseworker, browser.User(Roles.Caseworker).ServiceId);
        var own = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(own, user);

        var admin = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, browser.User(Roles.Administrator));
        await admin.GotoAsync("/verwaltung/benutzer");
        await admin.GetByText($"Bearbeiten {user.UserName}").ClickAsync();
        await admin.Locator($"#ac-{user.Id}").UncheckAsync();
        await admin.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = $"Speichern {user.UserName}" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync(user.UserName);
        await admin.Context.CloseAsync();

        await own.GotoAsync("/klienten");
        await Assertions.Expect(own).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/konto/anmelden"));
        await own.GetByLabel("Benutzername").FillAsync(user.UserName);
        await own.GetByLabel("Passwort", new PageGetByLabelOptions { Exact = true }).FillAsync(user.Password);
        await own.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Anmelden" }).ClickAsync();
        await Assertions.Expect(own.GetByRole(AriaRole.Alert)).ToContainTextAsync("falsch");
        await own.Context.CloseAsync();
    }
}
