using System.Net;
using System.Text.RegularExpressions;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Platform;

/// <summary>Hardening of the pages: a CSP without 'unsafe-inline' that the pages obey, and antiforgery on forms.</summary>
public sealed partial class SecurityHeadersTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    public async Task Login_page_sends_a_CSP_without_unsafe_inline_and_the_hardening_headers()
    {
        using var client = factory.PageClient();

        using var response = await client.GetAsync("/konto/anmelden");

        await response.ExpectAsync(HttpStatusCode.OK);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Pages_keep_no_snapshot_of_personal_data_in_the_browsers_history_cache()
    {
        using var client = await SignedInAsync(Roles.Administrator);

        using var response = await client.GetAsync("/verwaltung/benutzer");

        await response.ExpectAsync(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"historyCacheSize\":0", html, StringComparison.Ordinal);
        Assert.Contains("hx-history=\"false\"", html, StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData(null, "/konto/anmelden")]
    [InlineData(Roles.Administrator, "/")]
    [InlineData(Roles.Administrator, "/verwaltung/benutzer")]
    [InlineData(Roles.Administrator, "/verwaltung/organisationen")]
    [InlineData(Roles.Administrator, "/protokoll")]
    [InlineData(Roles.Caseworker, "/konto/passwort")]
    public async Task Pages_obey_their_own_CSP_without_inline_scripts_or_styles(string? role, string path)
    {
        using var client = role is null ? factory.PageClient() : await SignedInAsync(role);

        using var response = await client.GetAsync(path);

        await response.ExpectAsync(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch(InlineStyleAttribute(), html);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(EventHandlerAttribute(), html);
    }

    [Fact]
    public async Task Login_form_posted_without_antiforgery_token_is_refused_with_400()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var client = factory.PageClient();
        using (await client.GetAsync("/konto/anmelden"))
        {
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = tenant.CaseworkerA.UserName,
            ["Password"] = tenant.CaseworkerA.Password,
        });
        using var response = await client.PostAsync("/konto/anmelden", form);

        await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("teilhabe.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Login_form_with_antiforgery_token_signs_in_and_redirects_to_the_start_page()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var client = factory.PageClient();

        using var response = await client.PostFormAsync("/konto/anmelden", new Dictionary<string, string>
        {
            ["UserName"] = tenant.CaseworkerA.UserName,
            ["Password"] = tenant.CaseworkerA.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    private async Task<HttpClient> SignedInAsync(string role)
    {
        if (role == Roles.Administrator)
        {
            await factory.AdminClientAsync();
            return await factory.SignInToPagesAsync(new TestUser(string.Empty, TeilhabeFactory.AdminUserName, TeilhabeFactory.AdminPassword, role, null, null));
        }

        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        return await factory.SignInToPagesAsync(role == Roles.Caseworker ? tenant.CaseworkerA : tenant.LeadA);
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyleAttribute();

    [GeneratedRegex(@"\son[a-z]+\s*=\s*""", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();
}
