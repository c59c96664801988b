using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Platform;

/// <summary>API.md "Health" and the OpenAPI document, both reachable without signing in.</summary>
public sealed class HealthAndOpenApiTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_200_anonymously(string path)
    {
        using var client = factory.AnonymousClient();

        using var response = await client.GetAsync(path);

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenAPI_document_is_served_anonymously_and_lists_the_API()
    {
        using var client = factory.AnonymousClient();

        using var response = await client.GetAsync("/openapi/v1.json");

        await response.ExpectAsync(HttpStatusCode.OK);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/auth/token", out _));
        Assert.True(paths.TryGetProperty("/api/v1/admin/users", out _));
    }
}
