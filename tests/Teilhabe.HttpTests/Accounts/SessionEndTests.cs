using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Data;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Accounts;

/// <summary>ACC-05 and ACC-09 beyond the login itself: a lock or reset ends open sessions; the database keeps the audit append-only.</summary>
public sealed class SessionEndTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    [Trait("Rule", "ACC-05")]
    public async Task ACC05_a_lock_ends_a_bearer_session_that_was_open_before()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var open = await factory.LoginAsync(tenant.CaseworkerA);
        using (var before = await open.GetAsync("/api/v1/clients"))
        {
            await before.ExpectAsync(HttpStatusCode.OK);
        }

        for (var i = 0; i < 3; i++)
        {
            using var wrong = await factory.RequestTokenAsync(tenant.CaseworkerA.UserName, "Falsch#2026a");
        }

        using var after = await open.GetAsync("/api/v1/clients");
        await after.ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(["ACC-05"], await after.ReadViolatedRulesAsync());
    }

    [Fact]
    [Trait("Rule", "ACC-05")]
    public async Task ACC05_a_reset_by_InA_coordination_ends_the_old_session()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var open = await factory.LoginAsync(tenant.CaseworkerA);
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        using (var reset = await coordinator.PostAsJsonAsync($"/api/v1/admin/users/{tenant.CaseworkerA.Id}/reset-password", new { initialPassword = "Neu#Start2026", reason = "Passwort vergessen, telefonisch bestätigt" }))
        {
            await reset.ExpectAsync(HttpStatusCode.NoContent);
        }

        using var after = await open.GetAsync("/api/v1/clients");
        await after.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task ACC09_the_database_itself_refuses_to_change_or_delete_audit_rows()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using (await factory.LoginAsync(tenant.CaseworkerA))
        {
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(a => a.Reason, "geändert")));
        await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.ExecuteDeleteAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Reason == "geändert"));
    }

    [Fact]
    public async Task Generic_refusals_carry_German_titles()
    {
        using var anonymous = factory.AnonymousClient();
        using var response = await anonymous.GetAsync("/api/v1/clients");
        await response.ExpectAsync(HttpStatusCode.Unauthorized);
        var title = (await response.ReadProblemAsync()).GetProperty("title").GetString();
        Assert.Contains("anmelden", title, StringComparison.OrdinalIgnoreCase);
    }
}
