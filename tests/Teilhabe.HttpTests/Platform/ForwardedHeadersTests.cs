using System.Net;
using System.Net.Http.Json;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Platform;

/// <summary>
/// Behind a load balancer (README "Production topology") the login rate limit counts per user address taken from
/// X-Forwarded-For — but only when the request comes from a configured proxy.
/// </summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task ScaleOut_behind_a_known_proxy_the_login_limit_counts_per_forwarded_client_address()
    {
        await using var factory = TeilhabeFactory.With(new TeilhabeFactoryOptions
        {
            RealServer = true,
            LoginPermitsPerMinute = 2,
            Settings = new Dictionary<string, string?> { ["Teilhabe:Proxy:KnownProxies"] = "127.0.0.1" },
        });

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests],
            await TokenRequestsAsync(factory, "203.0.113.7", 3));

        // Another user behind the same balancer has a budget of their own.
        Assert.Equal([HttpStatusCode.Unauthorized], await TokenRequestsAsync(factory, "203.0.113.8", 1));
    }

    [Fact]
    public async Task ScaleOut_without_a_configured_proxy_a_client_cannot_choose_its_address_with_X_Forwarded_For()
    {
        await using var factory = TeilhabeFactory.With(new TeilhabeFactoryOptions { RealServer = true, LoginPermitsPerMinute = 2 });

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized],
            await TokenRequestsAsync(factory, "203.0.113.7", 2));
        Assert.Equal([HttpStatusCode.TooManyRequests], await TokenRequestsAsync(factory, "203.0.113.8", 1));
    }

    private static async Task<List<HttpStatusCode>> TokenRequestsAsync(TeilhabeFactory factory, string forwardedFor, int count)
    {
        var statuses = new List<HttpStatusCode>();
        using var client = factory.AnonymousClient();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
            {
                Content = JsonContent.Create(new { userName = "niemand", password = "Falsch#2026a" }),
            };
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
