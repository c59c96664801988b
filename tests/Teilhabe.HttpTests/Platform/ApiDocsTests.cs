using System.Net;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Platform;

/// <summary>API.md: the interactive reference at /api-docs lists the API from the endpoint table itself.</summary>
public sealed class ApiDocsTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    public async Task Api_docs_list_the_contract_endpoints_with_their_access()
    {
        using var client = factory.AnonymousClient();
        using var response = await client.GetAsync("/api-docs");
        await response.ExpectAsync(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var route in new[] { "/api/v1/auth/token", "/api/v1/clients/duplicates", "/api/v1/cases/{id:guid}/transitions", "/api/v1/admin/audit/" })
        {
            Assert.Contains(route, html, StringComparison.Ordinal);
        }

        Assert.Contains("ohne Anmeldung", html, StringComparison.Ordinal);
        Assert.Contains("/openapi/v1.json", html, StringComparison.Ordinal);
    }
}
