using System.Net;
using Microsoft.Playwright;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;

namespace Teilhabe.BrowserTests;

/// <summary>ACC-05: a user with an initial password is led to the change form and cannot go anywhere else first.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ForcedPasswordChangeJourneyTests(BrowserFixture browser)
{
    [Fact]
    [Trait("Rule", "ACC-05")]
    public async Task ACC05_first_login_with_an_initial_password_forces_the_change_and_then_lands_on_the_start_page()
    {
        var service = browser.User(Roles.Caseworker).ServiceId;
        var user = await browser.Factory.CreateUserAsync(Roles.Caseworker, service, mustChangePassword: true);
        var page = await browser.NewPageAsync();
        var cspErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                cspErrors.Add(message.Text);
            }
        };

        await BrowserFixture.SignInAsync(page, user);
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "/konto/passwort").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Initialpasswort");

        // Nothing else is reachable before the change.
        await page.GotoAsync("/verwaltung/benutzer");
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "/konto/passwort").ToString());

        const string ownPassword = "Eigenes#2026x";
        await page.GetByLabel("Bisheriges Passwort").FillAsync(user.Password);
        await page.GetByLabel("Neues Passwort", new PageGetByLabelOptions { Exact = true }).FillAsync(ownPassword);
        await page.GetByLabel("Neues Passwort wiederholen").FillAsync(ownPassword);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Passwort ändern" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "/").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToContainTextAsync("Guten Tag");
        Assert.Empty(cspErrors);

        using var oldPassword = await browser.Factory.RequestTokenAsync(user.UserName, user.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        using var newPassword = await browser.Factory.RequestTokenAsync(user.UserName, ownPassword);
        Assert.Equal(HttpStatusCode.OK, newPassword.StatusCode);
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Rule", "ACC-05")]
    public async Task ACC05_locked_user_is_told_to_contact_InA_coordination_on_the_login_page()
    {
        var service = browser.User(Roles.Caseworker).ServiceId;
        var user = await browser.Factory.CreateUserAsync(Roles.Caseworker, service);
        var page = await browser.NewPageAsync();

        for (var i = 0; i < 3; i++)
        {
            await LoginAttemptAsync(page, user with { Password = "Falsch#2026a" });
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("InA-Koordination");
        await LoginAttemptAsync(page, user);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("gesperrt");
        await page.Context.CloseAsync();
    }

    private static async Task LoginAttemptAsync(IPage page, TestUser user)
    {
        await page.GotoAsync("/konto/anmelden");
        await page.GetByLabel("Benutzername").FillAsync(user.UserName);
        await page.GetByLabel("Passwort", new PageGetByLabelOptions { Exact = true }).FillAsync(user.Password);
        // Waits for the answer to the login post, not for a load state (Playwright at times never reports one).
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Anmelden" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/konto/anmelden", StringComparison.Ordinal));
    }
}
