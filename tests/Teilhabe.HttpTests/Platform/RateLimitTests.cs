using System.Net;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Platform;

/// <summary>Token and login requests are limited per client address and minute.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Fourth_token_request_within_a_minute_is_refused_with_429_when_3_are_permitted()
    {
        await using var factory = TeilhabeFactory.With(new TeilhabeFactoryOptions { LoginPermitsPerMinute = 3 });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await factory.RequestTokenAsync("niemand", "Falsch#2026a");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }
}
