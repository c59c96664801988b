using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Teilhabe.Core.Data;
using Teilhabe.TestSupport;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.HttpTests.Audit;

/// <summary>
/// ACC-09: the audit rows form a hash chain; GET /api/v1/admin/audit/verification (and the check on /protokoll) finds
/// a row that was removed or altered behind the product's back. Each tampering test has a database of its own.
/// </summary>
public sealed class AuditChainTests
{
    private const string Verification = "/api/v1/admin/audit/verification";

    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task ACC09_an_intact_chain_passes_the_check()
    {
        await using var app = new TeilhabeFactory();
        await WriteSomeAuditRowsAsync(app);

        using var admin = await app.AdminClientAsync();
        var result = await VerifyAsync(admin);
        Assert.True(result.GetProperty("intact").GetBoolean());
        Assert.Equal(await ChainedRowsAsync(app), result.GetProperty("checked").GetInt64());
        Assert.True(result.GetProperty("checked").GetInt64() > 3);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("firstBrokenId").ValueKind);

        // The same check on the audit page, for administrators only.
        using var browser = await app.SignInToPagesAsync(new TestUser("admin", TeilhabeFactory.AdminUserName, TeilhabeFactory.AdminPassword, "Administrator", null, null));
        using var page = await browser.GetAsync("/protokoll?handler=Verify");
        await page.ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("Die Protokollkette ist unversehrt", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task ACC09_only_administrators_check_the_chain()
    {
        await using var app = new TeilhabeFactory();
        var tenant = await TestTenant.CreateAsync(app, withSecondService: false);
        using var lead = await app.LoginAsync(tenant.LeadA);
        using (var api = await lead.GetAsync(Verification))
        {
            await api.ExpectAsync(HttpStatusCode.Forbidden);
        }

        using var browser = await app.SignInToPagesAsync(tenant.LeadA);
        using var page = await browser.GetAsync("/protokoll?handler=Verify");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/zugriff-verweigert", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task ACC09_the_hash_chain_check_finds_a_deleted_row()
    {
        await using var app = new TeilhabeFactory();
        await WriteSomeAuditRowsAsync(app);
        var (victim, next) = await MiddleRowAndNextAsync(app);

        await TamperAsync(app, $"""DELETE FROM "AuditEntries" WHERE "Id" = {victim}""");

        using var admin = await app.AdminClientAsync();
        var result = await VerifyAsync(admin);
        Assert.False(result.GetProperty("intact").GetBoolean());
        Assert.Equal(next, result.GetProperty("firstBrokenId").GetInt64());
        Assert.Contains("entfernt", result.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task ACC09_the_hash_chain_check_finds_an_altered_row()
    {
        await using var app = new TeilhabeFactory();
        await WriteSomeAuditRowsAsync(app);
        var (victim, _) = await MiddleRowAndNextAsync(app);

        await TamperAsync(app, $"""UPDATE "AuditEntries" SET "UserId" = NULL, "Reason" = 'nichts passiert' WHERE "Id" = {victim}""");

        using var admin = await app.AdminClientAsync();
        var result = await VerifyAsync(admin);
        Assert.False(result.GetProperty("intact").GetBoolean());
        Assert.Equal(victim, result.GetProperty("firstBrokenId").GetInt64());
        Assert.Contains("verändert", result.GetProperty("problem").GetString(), StringComparison.Ordinal);

        using var browser = await app.SignInToPagesAsync(new TestUser("admin", TeilhabeFactory.AdminUserName, TeilhabeFactory.AdminPassword, "Administrator", null, null));
        using var page = await browser.GetAsync("/protokoll?handler=Verify");
        Assert.Contains("Die Protokollkette ist beschädigt", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task ACC09_concurrent_audited_requests_keep_the_chain_intact()
    {
        await using var app = new TeilhabeFactory();
        var tenant = await TestTenant.CreateAsync(app, withSecondService: false);

        // Logins and failed logins write audit rows from many requests at once (on PostgreSQL through separate connections).
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            using var response = await app.RequestTokenAsync(i % 2 == 0 ? tenant.CaseworkerA.UserName : app.Unique("niemand"), i % 2 == 0 ? tenant.CaseworkerA.Password : "Falsch#2026a");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized);
        }));

        using var admin = await app.AdminClientAsync();
        var result = await VerifyAsync(admin);
        Assert.True(result.GetProperty("intact").GetBoolean(), result.GetProperty("problem").GetString());
        Assert.Equal(await ChainedRowsAsync(app), result.GetProperty("checked").GetInt64());
    }

    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task ACC09_on_PostgreSQL_the_app_role_cannot_update_delete_or_truncate_audit_rows()
    {
        if (TestDatabase.FromEnvironment().Provider != DatabaseProvider.Postgres)
        {
            return; // SQLite has no roles; its append-only triggers are tested in SessionEndTests.
        }

        var settings = new Dictionary<string, string?>();
        var app = TeilhabeFactory.With(new() { Settings = settings });
        var owner = new NpgsqlConnectionStringBuilder(app.Database.ConnectionString);
        var role = $"teilhabe_app_{Guid.NewGuid():N}";
        var appConnection = new NpgsqlConnectionStringBuilder(owner.ConnectionString) { Username = role, Pooling = false }.ConnectionString;
        await OnServerAsync(owner, $"CREATE ROLE \"{role}\" LOGIN");
        try
        {
            // The migrations run as the owner; the app itself connects as the new role.
            settings["Teilhabe:Database:MigrationConnectionString"] = owner.ConnectionString;
            settings["Teilhabe:Database:ConnectionString"] = appConnection;
            await WriteSomeAuditRowsAsync(app);

            await using (var connection = new NpgsqlConnection(appConnection))
            {
                await connection.OpenAsync();
                foreach (var sql in Tampering)
                {
                    await using var command = new NpgsqlCommand(sql, connection);
                    var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
                    Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
                }

                // The migration step granted the role everything else: it reads the trail and changes other tables.
                await using var count = new NpgsqlCommand("""SELECT count(*) FROM "AuditEntries" """, connection);
                Assert.True((long)(await count.ExecuteScalarAsync())! > 3);
                await using var other = new NpgsqlCommand("""UPDATE "AspNetUsers" SET "DisplayName" = "DisplayName" """, connection);
                Assert.True(await other.ExecuteNonQueryAsync() > 3);
            }

            using var admin = await app.AdminClientAsync();
            Assert.True((await VerifyAsync(admin)).GetProperty("intact").GetBoolean());
        }
        finally
        {
            await app.DisposeAsync();
            await OnServerAsync(owner, $"DROP ROLE IF EXISTS \"{role}\"");
        }
    }

    private static readonly string[] Tampering =
    [
        """UPDATE "AuditEntries" SET "Reason" = 'geändert'""",
        """DELETE FROM "AuditEntries" """,
        """TRUNCATE "AuditEntries" """,
    ];

    private static async Task OnServerAsync(NpgsqlConnectionStringBuilder owner, string sql)
    {
        var server = new NpgsqlConnectionStringBuilder(owner.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task WriteSomeAuditRowsAsync(TeilhabeFactory app)
    {
        var tenant = await TestTenant.CreateAsync(app, withSecondService: false);
        foreach (var user in new[] { tenant.CaseworkerA, tenant.DeputyA, tenant.LeadA })
        {
            using (await app.LoginAsync(user))
            {
            }
        }
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient admin)
    {
        using var response = await admin.GetAsync(Verification);
        await response.ExpectAsync(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<long> ChainedRowsAsync(TeilhabeFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        return await db.AuditEntries.IgnoreQueryFilters().LongCountAsync(a => a.Sequence != null);
    }

    /// <summary>A row from the middle of the chain and the row after it.</summary>
    private static async Task<(long Victim, long Next)> MiddleRowAndNextAsync(TeilhabeFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        var chain = await db.AuditEntries.IgnoreQueryFilters().Where(a => a.Sequence != null).OrderBy(a => a.Sequence).Select(a => a.Id).ToListAsync();
        var middle = chain.Count / 2;
        return (chain[middle], chain[middle + 1]);
    }

    /// <summary>
    /// What someone with direct access to the database could do: switch off the append-only triggers, change the
    /// trail, switch them on again. The product has no such path.
    /// </summary>
    private static async Task TamperAsync(TeilhabeFactory app, string sql)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        if (app.Database.Provider == DatabaseProvider.Postgres)
        {
            var postgres = $"""ALTER TABLE "AuditEntries" DISABLE TRIGGER audit_entries_no_change; {sql}; ALTER TABLE "AuditEntries" ENABLE TRIGGER audit_entries_no_change;""";
            await db.Database.ExecuteSqlRawAsync(postgres);
            return;
        }

        var sqlite = $"""
            DROP TRIGGER AuditEntries_NoUpdate; DROP TRIGGER AuditEntries_NoDelete; {sql};
            CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'ACC-09: audit entries are append-only'); END;
            CREATE TRIGGER AuditEntries_NoDelete BEFORE DELETE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'ACC-09: audit entries are append-only'); END;
            """;
        await db.Database.ExecuteSqlRawAsync(sqlite);
    }
}
