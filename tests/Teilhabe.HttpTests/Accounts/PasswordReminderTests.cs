using System.Net;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Accounts;

/// <summary>ACC-04: a password older than 365 days gets a reminder on every page (not a forced change).</summary>
public sealed class PasswordReminderTests
{
    private const string Reminder = "Hinweis (ACC-04):";

    [Fact]
    [Trait("Rule", "ACC-04")]
    public async Task ACC04_reminder_banner_appears_when_the_password_is_366_days_old_and_not_at_364()
    {
        await using var factory = new TeilhabeFactory();
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);

        factory.Clock.Advance(TimeSpan.FromDays(364));
        using (var young = await factory.SignInToPagesAsync(tenant.CaseworkerA))
        {
            var page = await young.GetStringAsync("/");
            Assert.Contains("Guten Tag", page);
            Assert.DoesNotContain(Reminder, page);
        }

        factory.Clock.Advance(TimeSpan.FromDays(2));
        using var old = await factory.SignInToPagesAsync(tenant.CaseworkerA);
        using var response = await old.GetAsync("/");

        await response.ExpectAsync(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(Reminder, html);
        Assert.Contains("href=\"/konto/passwort\"", html);
    }

    [Fact]
    [Trait("Rule", "ACC-04")]
    public async Task ACC04_changing_the_old_password_removes_the_reminder_and_nothing_is_forced()
    {
        await using var factory = new TeilhabeFactory();
        var officeId = await factory.CreateOrganisationAsync("IntegrationOffice");
        var coordinator = await factory.CreateUserAsync(Roles.IntegrationOfficeCoordinator, officeId: officeId);
        factory.Clock.Advance(TimeSpan.FromDays(400));
        using var client = await factory.SignInToPagesAsync(coordinator);

        // A reminder only: the other pages stay usable.
        using (var users = await client.GetAsync("/verwaltung/benutzer"))
        {
            await users.ExpectAsync(HttpStatusCode.OK);
            Assert.Contains(Reminder, await users.Content.ReadAsStringAsync());
        }

        using (var change = await client.PostFormAsync("/konto/passwort", new Dictionary<string, string>
        {
            ["CurrentPassword"] = coordinator.Password,
            ["NewPassword"] = "Neu#Jahr2027a",
            ["ConfirmPassword"] = "Neu#Jahr2027a",
        }))
        {
            await change.ExpectAsync(HttpStatusCode.OK);
            Assert.Contains("Ihr Passwort wurde geändert.", await change.Content.ReadAsStringAsync());
        }

        using var start = await client.GetAsync("/");
        await start.ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(Reminder, await start.Content.ReadAsStringAsync());
    }
}
