using System.Security.Cryptography;

namespace Teilhabe.Web.Infrastructure;

/// <summary>
/// Strict CSP without 'unsafe-inline' (htmx and all scripts come from the app) and the usual hardening headers.
/// A response that needs one inline element (the API reference's start script and style sheet) asks for a
/// <see cref="Nonce"/>: a fresh random value per response, allowed in script-src and style-src of that response only.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private const string NonceKey = "Teilhabe.CspNonce";
    private const string StyleHashesKey = "Teilhabe.CspStyleHashes";

    /// <summary>The nonce of this response (created on first use); its CSP then allows exactly this nonce.</summary>
    public static string Nonce(HttpContext ctx)
    {
        if (ctx.Items[NonceKey] is not string nonce)
        {
            nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            ctx.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    /// <summary>
    /// Allows exactly these inline styles (SHA-256 of the style text, also of style attributes via 'unsafe-hashes') on
    /// this response: for a vendored script whose few fixed inline styles are known, never for content of users.
    /// </summary>
    public static void AllowStyleHashes(HttpContext ctx, IEnumerable<string> sha256Hashes)
        => ctx.Items[StyleHashesKey] = string.Join(' ', sha256Hashes.Select(h => $"'sha256-{h}'"));

    public static string PolicyFor(string? nonce, string? styleHashes = null)
    {
        if (nonce is null)
        {
            return ContentSecurityPolicy;
        }

        var styles = styleHashes is null ? $"'nonce-{nonce}'" : $"'nonce-{nonce}' 'unsafe-hashes' {styleHashes}";
        return ContentSecurityPolicy
            .Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal)
            .Replace("style-src 'self'", $"style-src 'self' {styles}", StringComparison.Ordinal);
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
        => app.Use(async (ctx, next) =>
        {
            ctx.Response.OnStarting(() =>
            {
                var h = ctx.Response.Headers;
                h.ContentSecurityPolicy = PolicyFor(ctx.Items[NonceKey] as string, ctx.Items[StyleHashesKey] as string);
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "no-referrer";
                h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                h["Cross-Origin-Resource-Policy"] = "same-origin";

                // Social data must not linger in shared caches or the browser's back-forward cache.
                if (!ctx.Request.Path.StartsWithSegments("/css") && !ctx.Request.Path.StartsWithSegments("/js") && !ctx.Request.Path.StartsWithSegments("/lib"))
                {
                    h.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            await next();
        });
}
