using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Data;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Accounts;

/// <summary>
/// PATCH /api/v1/admin/users/{id} (ACC-06, ACC-13): roles and active state of an account. A deactivation or a role
/// change ends every session and token at once; a deactivated account cannot log in; both are audited; a stale
/// ETag is a conflict, not a silent overwrite.
/// </summary>
public sealed class UserChangeTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private static readonly string[] CaseworkerAndDeputy = [Roles.Caseworker, Roles.Deputy];

    [Fact]
    [Trait("Rule", "ACC-13")]
    public async Task ACC13_a_deactivated_account_loses_its_open_token_and_cannot_log_in_until_reactivated()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var open = await factory.LoginAsync(tenant.CaseworkerA);
        using var admin = await factory.AdminClientAsync();

        using (var deactivate = await PatchAsync(admin, tenant.CaseworkerA.Id, new { active = false }))
        {
            await deactivate.ExpectAsync(HttpStatusCode.OK);
            Assert.False((await deactivate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("active").GetBoolean());
        }

        using (var refused = await open.GetAsync("/api/v1/clients"))
        {
            await refused.ExpectAsync(HttpStatusCode.Unauthorized);
        }

        using (var login = await factory.RequestTokenAsync(tenant.CaseworkerA.UserName, tenant.CaseworkerA.Password))
        {
            await login.ExpectAsync(HttpStatusCode.Unauthorized);
        }

        using (var reactivate = await PatchAsync(admin, tenant.CaseworkerA.Id, new { active = true }))
        {
            await reactivate.ExpectAsync(HttpStatusCode.OK);
        }

        using var again = await factory.RequestTokenAsync(tenant.CaseworkerA.UserName, tenant.CaseworkerA.Password);
        await again.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([AuditActions.Deactivate, AuditActions.Activate], await AuditActionsOfAsync(tenant.CaseworkerA.Id, AuditActions.Deactivate, AuditActions.Activate));
    }

    [Fact]
    [Trait("Rule", "ACC-13")]
    public async Task ACC13_a_role_change_ends_the_open_token_and_is_audited_with_old_and_new_roles()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var open = await factory.LoginAsync(tenant.CaseworkerA);
        using var admin = await factory.AdminClientAsync();

        using (var change = await PatchAsync(admin, tenant.CaseworkerA.Id, new { roles = CaseworkerAndDeputy }))
        {
            await change.ExpectAsync(HttpStatusCode.OK);
            var roles = (await change.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order().ToList();
            Assert.Equal(CaseworkerAndDeputy.Order(), roles);
        }

        using var refused = await open.GetAsync("/api/v1/clients");
        await refused.ExpectAsync(HttpStatusCode.Unauthorized);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditActions.RolesChange && a.EntityId == tenant.CaseworkerA.Id);
        Assert.Equal($"{Roles.Caseworker} → {Roles.Caseworker}, {Roles.Deputy}", entry.Reason);
    }

    [Fact]
    [Trait("Rule", "ACC-06")]
    public async Task ACC06_a_change_with_a_stale_ETag_is_a_conflict_and_keeps_the_other_change()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var admin = await factory.AdminClientAsync();
        using var read = await admin.GetAsync($"/api/v1/admin/users/{tenant.CaseworkerA.Id}");
        await read.ExpectAsync(HttpStatusCode.OK);
        var etag = read.Headers.ETag!.Tag;

        using (var first = await PatchAsync(admin, tenant.CaseworkerA.Id, new { displayName = "Erste Änderung" }, etag))
        {
            await first.ExpectAsync(HttpStatusCode.OK);
        }

        using var second = await PatchAsync(admin, tenant.CaseworkerA.Id, new { displayName = "Zweite Änderung" }, etag);
        await second.ExpectAsync(HttpStatusCode.Conflict);
        using var now = await admin.GetAsync($"/api/v1/admin/users/{tenant.CaseworkerA.Id}");
        Assert.Equal("Erste Änderung", (await now.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("displayName").GetString());
    }

    [Fact]
    [Trait("Rule", "ACC-06")]
    public async Task ACC06_an_administrator_cannot_change_or_deactivate_the_own_account()
    {
        using var admin = await factory.AdminClientAsync();
        using var me = await admin.GetAsync("/api/v1/admin/users");
        var own = (await me.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Single(u => u.GetProperty("userName").GetString() == TeilhabeFactory.AdminUserName).GetProperty("id").GetString()!;

        using var refused = await PatchAsync(admin, own, new { active = false });

        await refused.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(["ACC-06"], await refused.ReadViolatedRulesAsync());
    }

    [Fact]
    public async Task Only_administrators_change_accounts_InA_coordination_gets_403()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);

        using var refused = await PatchAsync(coordinator, tenant.CaseworkerA.Id, new { active = false });

        await refused.ExpectAsync(HttpStatusCode.Forbidden);
        using var stillActive = await factory.RequestTokenAsync(tenant.CaseworkerA.UserName, tenant.CaseworkerA.Password);
        await stillActive.ExpectAsync(HttpStatusCode.OK);
    }

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string userId, object body, string? etag = null)
    {
        if (etag is null)
        {
            using var read = await client.GetAsync($"/api/v1/admin/users/{userId}");
            etag = read.Headers.ETag?.Tag ?? "\"0\"";
        }

        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/admin/users/{userId}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    private async Task<List<string>> AuditActionsOfAsync(string userId, params string[] actions)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == userId && actions.Contains(a.Action))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }
}
