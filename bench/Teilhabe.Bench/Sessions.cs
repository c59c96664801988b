using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Teilhabe.Bench;

/// <summary>Logins: the cookie of the page login (form with antiforgery token) and bearer tokens for the API.</summary>
public static partial class Sessions
{
    /// <summary>
    /// bench/run.sh serves the app over HTTPS on loopback with a throwaway self-signed certificate (--trust-cert):
    /// that one certificate is accepted besides those the system trusts.
    /// </summary>
    public static System.Net.Security.SslClientAuthenticationOptions Tls(string? trustedCertificatePem)
    {
        var trusted = trustedCertificatePem is null ? null : X509Certificate2.CreateFromPem(File.ReadAllText(trustedCertificatePem)).GetCertHashString();
        return new()
        {
            RemoteCertificateValidationCallback = (_, certificate, _, errors)
                => errors == System.Net.Security.SslPolicyErrors.None || (trusted is not null && certificate?.GetCertHashString() == trusted),
        };
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>
    /// Signs in through /konto/anmelden like a browser and returns the Cookie header to send with page requests.
    /// Cookies are kept by hand: in Production they are marked Secure, and the bench talks plain HTTP on loopback.
    /// </summary>
    public static async Task<string> PageLoginAsync(Uri baseUrl, string userName, string password, string? trustedCertificatePem)
    {
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);
        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, SslOptions = Tls(trustedCertificatePem) };
        using var client = new HttpClient(handler) { BaseAddress = baseUrl };

        void Keep(HttpResponseMessage response)
        {
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var value in values)
                {
                    var pair = value.Split(';', 2)[0];
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    if (eq > 0)
                    {
                        jar[pair[..eq]] = pair[(eq + 1)..];
                    }
                }
            }
        }

        string Header() => string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}"));

        using var get = await client.GetAsync(new Uri("/konto/anmelden", UriKind.Relative));
        Keep(get);
        var form = await get.Content.ReadAsStringAsync();
        var token = TokenField().Match(form);
        if (!token.Success)
        {
            throw new InvalidOperationException("The login page holds no antiforgery token.");
        }

        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/konto/anmelden", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = userName,
                ["Password"] = password,
                ["ReturnUrl"] = "/",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            }),
        };
        post.Headers.Add("Cookie", Header());
        using var response = await client.SendAsync(post);
        Keep(response);
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found && response.StatusCode != HttpStatusCode.SeeOther)
        {
            throw new InvalidOperationException($"Page login of {userName} answered {(int)response.StatusCode}, expected a redirect.");
        }

        var location = response.Headers.Location?.ToString() ?? string.Empty;
        if (location.Contains("passwort", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{userName} must change the password first ({location}).");
        }

        return Header();
    }

    /// <summary>POST /api/v1/auth/token.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string userName, string password)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), new { userName, password });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Token for {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("accessToken").GetString()!;
    }
}
