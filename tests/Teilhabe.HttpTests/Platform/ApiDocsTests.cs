using System.Net;
using System.Text.RegularExpressions;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Platform;

/// <summary>API.md: the interactive reference at /api-docs shows /openapi/v1.json, served by the app under the strict CSP.</summary>
public sealed partial class ApiDocsTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    public async Task Api_docs_are_public_and_load_the_reference_of_the_OpenAPI_document_from_the_app()
    {
        using var client = factory.AnonymousClient();
        using var response = await client.GetAsync("/api-docs/");
        await response.ExpectAsync(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("\"url\":\"openapi/v1.json\"", html, StringComparison.Ordinal);
        var scripts = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, src => Assert.False(src.Contains("//", StringComparison.Ordinal), $"{src} is not served by the app"));
        foreach (var src in scripts)
        {
            using var asset = await client.GetAsync(new Uri(response.RequestMessage!.RequestUri!, src));
            await asset.ExpectAsync(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Api_docs_keep_the_strict_CSP_with_a_fresh_nonce_instead_of_unsafe_inline()
    {
        using var client = factory.AnonymousClient();
        var nonces = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync("/api-docs/");
            await response.ExpectAsync(HttpStatusCode.OK);
            var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
            var nonce = NonceSource().Match(csp);
            Assert.True(nonce.Success, csp);
            Assert.Contains($"style-src 'self' 'nonce-{nonce.Groups[1].Value}' 'unsafe-hashes' 'sha256-", csp, StringComparison.Ordinal);

            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains($"nonce=\"{nonce.Groups[1].Value}\"", html, StringComparison.Ordinal);
            Assert.Contains($"<meta property=\"csp-nonce\" content=\"{nonce.Groups[1].Value}\">", html, StringComparison.Ordinal);
            nonces.Add(nonce.Groups[1].Value);
        }

        Assert.NotEqual(nonces[0], nonces[1]);

        // Other pages keep the policy without any nonce.
        using var login = await client.GetAsync("/konto/anmelden");
        Assert.DoesNotContain("nonce-", string.Join(' ', login.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"", RegexOptions.None, 1000)]
    private static partial Regex ScriptSource();

    [GeneratedRegex("script-src 'self' 'nonce-([A-Za-z0-9+/=_-]+)'", RegexOptions.None, 1000)]
    private static partial Regex NonceSource();
}
