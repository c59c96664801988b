using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Data;
using Teilhabe.TestSupport;
using Teilhabe.Web.Infrastructure;

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

    [Fact]
    public async Task App_runs_on_the_database_this_test_run_selected()
    {
        // The suite runs once per provider (TEILHABE_TEST_DB); it must not fall back to the default SQLite file.
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();

        var expected = factory.Database.Provider == DatabaseProvider.Postgres
            ? "Npgsql.EntityFrameworkCore.PostgreSQL"
            : TeilhabeDbContext.SqliteProviderName;
        Assert.Equal(expected, db.Database.ProviderName);
        Assert.Equal(factory.Database.ConnectionString, db.Database.GetConnectionString());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
