using System.Net;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Rules;

/// <summary>/regeln: the German text of every rule, where the small "Regel TOP-01" links of the pages land.</summary>
public sealed class RulesPageTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    [Trait("Rule", "TOP-01")]
    public async Task A_signed_in_caseworker_reads_the_German_text_of_TOP01_at_its_anchor()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.SignInToPagesAsync(tenant.CaseworkerA);

        using var response = await caseworker.GetAsync("/regeln");
        await response.ExpectAsync(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("<h1>Regeln</h1>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"TOP-01\"", html, StringComparison.Ordinal);
        Assert.Contains("ein verwendeter Eintrag kann nur stillgelegt, nicht gelöscht werden", html, StringComparison.Ordinal);
        Assert.Contains("id=\"ACC-09\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#bereich-1\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/regeln\">Regeln</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_filter_shows_only_the_matching_rules_and_keeps_the_search_words()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.SignInToPagesAsync(tenant.CaseworkerA);

        var html = WebUtility.HtmlDecode(await caseworker.GetStringAsync("/regeln?q=stillgelegt"));

        Assert.Contains("id=\"TOP-01\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"ACC-01\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"stillgelegt\"", html, StringComparison.Ordinal);
        Assert.Contains("enthalten „stillgelegt“", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_words_are_shown_encoded_never_as_markup()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.SignInToPagesAsync(tenant.CaseworkerA);

        var html = await caseworker.GetStringAsync("/regeln?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("0 von", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_login()
    {
        using var anonymous = factory.AnonymousClient();

        using var response = await anonymous.GetAsync("/regeln");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/konto/anmelden", response.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }
}
