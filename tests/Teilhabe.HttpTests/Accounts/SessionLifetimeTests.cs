using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Accounts;

/// <summary>
/// ACC-13, sessions and tokens: logout and password change end them at once; page sessions end after the profile's
/// idle minutes and absolute hours (TH: 30 minutes, 8 hours); bearer tokens keep only the absolute lifetime.
/// Each test moves this class's own clock, so the class has its own factory.
/// </summary>
public sealed class SessionLifetimeTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    [Trait("Rule", "ACC-13")]
    public async Task ACC13_a_logged_out_token_is_refused()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var api = await factory.LoginAsync(tenant.CaseworkerA);

        using (var logout = await api.PostAsync("/api/v1/auth/logout", null))
        {
            await logout.ExpectAsync(HttpStatusCode.NoContent);
        }

        using var after = await api.GetAsync("/api/v1/clients");
        await after.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    [Trait("Rule", "ACC-13")]
    public async Task ACC13_a_password_change_ends_the_other_tokens_and_keeps_the_own()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var changing = await factory.LoginAsync(tenant.CaseworkerA);
        using var other = await factory.LoginAsync(tenant.CaseworkerA);

        using (var change = await changing.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = tenant.CaseworkerA.Password, newPassword = "Geändert#2026b" }))
        {
            await change.ExpectAsync(HttpStatusCode.NoContent);
        }

        using var refused = await other.GetAsync("/api/v1/clients");
        await refused.ExpectAsync(HttpStatusCode.Unauthorized);
        using var kept = await changing.GetAsync("/api/v1/clients");
        await kept.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    [Trait("Rule", "ACC-13")]
    public async Task ACC13_a_page_cookie_copied_before_logout_is_refused_afterwards()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var jar = new CookieContainer();
        using var pages = factory.CreateDefaultClient(new CookieContainerHandler(jar));
        using (var login = await pages.PostFormAsync("/konto/anmelden", new Dictionary<string, string>
        {
            ["UserName"] = tenant.CaseworkerA.UserName,
            ["Password"] = tenant.CaseworkerA.Password,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var copied = jar.GetCookieHeader(pages.BaseAddress!);
        using (var logout = await pages.PostFormAsync("/konto/abmelden", new Dictionary<string, string>()))
        {
            Assert.Equal("/konto/anmelden", logout.Headers.Location?.OriginalString);
        }

        using var stolen = factory.CreateClient(handleCookies: false);
        stolen.DefaultRequestHeaders.Add("Cookie", copied);
        using var refused = await stolen.GetAsync("/klienten");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/konto/anmelden", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "ACC-13")]
    public async Task ACC13_a_page_session_ends_after_the_profiles_idle_minutes_and_not_before()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var pages = await factory.SignInToPagesAsync(tenant.CaseworkerA);

        factory.Clock.Advance(TimeSpan.FromMinutes(29));
        using (var active = await pages.GetAsync("/klienten"))
        {
            await active.ExpectAsync(HttpStatusCode.OK);
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        using var idle = await pages.GetAsync("/klienten");
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.StartsWith("/konto/anmelden", idle.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "ACC-13")]
    public async Task ACC13_a_page_session_in_use_ends_after_the_profiles_absolute_hours()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var pages = await factory.SignInToPagesAsync(tenant.CaseworkerA);

        // Used every 25 minutes: never idle, but after 8 hours the login is over.
        var used = TimeSpan.Zero;
        while (used + TimeSpan.FromMinutes(25) < TimeSpan.FromHours(8))
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(25));
            used += TimeSpan.FromMinutes(25);
            using var active = await pages.GetAsync("/klienten");
            Assert.True(active.StatusCode == HttpStatusCode.OK, $"after {used}: {(int)active.StatusCode} {active.Headers.Location}");
        }

        factory.Clock.Advance(TimeSpan.FromHours(8) - used + TimeSpan.FromMinutes(1));
        using var over = await pages.GetAsync("/klienten");
        Assert.Equal(HttpStatusCode.Redirect, over.StatusCode);
        Assert.StartsWith("/konto/anmelden", over.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "ACC-13")]
    public async Task ACC13_a_bearer_token_has_no_idle_timeout_within_its_lifetime()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var api = await factory.LoginAsync(tenant.CaseworkerA);

        factory.Clock.Advance(TimeSpan.FromHours(2));

        using var later = await api.GetAsync("/api/v1/clients");
        await later.ExpectAsync(HttpStatusCode.OK);
    }
}
