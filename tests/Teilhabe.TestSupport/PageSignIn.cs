using System.Net;
using System.Text.RegularExpressions;

namespace Teilhabe.TestSupport;

/// <summary>The cookie login of the pages, as a browser does it: form with antiforgery token.</summary>
public static partial class PageSignIn
{
    /// <summary>A client that keeps cookies but does not follow redirects.</summary>
    public static HttpClient PageClient(this TeilhabeFactory factory) => factory.CreateClient(handleCookies: true);

    /// <summary>Signs in at /konto/anmelden and returns the client holding the auth cookie.</summary>
    public static async Task<HttpClient> SignInToPagesAsync(this TeilhabeFactory factory, TestUser user)
    {
        var client = factory.PageClient();
        using var response = await client.PostFormAsync("/konto/anmelden", new Dictionary<string, string>
        {
            ["UserName"] = user.UserName,
            ["Password"] = user.Password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new HttpExpectationException(
                $"Sign-in of {user.UserName} at /konto/anmelden answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        // ACC-11: the second step asks for the code.
        if (response.Headers.Location?.OriginalString.StartsWith("/konto/anmelden/code", StringComparison.Ordinal) == true)
        {
            using var code = await client.PostFormAsync(response.Headers.Location.OriginalString, new Dictionary<string, string>
            {
                ["Code"] = user.CurrentCode() ?? factory.SecondFactorCodeFor(user.UserName)
                    ?? throw new HttpExpectationException($"{user.UserName} has a second factor this factory did not set up."),
            });
            if (code.StatusCode != HttpStatusCode.Redirect)
            {
                client.Dispose();
                throw new HttpExpectationException($"The code step of {user.UserName} answered {(int)code.StatusCode}.");
            }
        }

        return client;
    }

    /// <summary>GETs the page to obtain its antiforgery token, then posts the form with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, IDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken(page) };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(path, content);
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenField().Match(html);
        return match.Success
            ? WebUtility.HtmlDecode(match.Groups["token"].Value)
            : throw new HttpExpectationException("The page has no antiforgery token field.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenField();
}
