using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
