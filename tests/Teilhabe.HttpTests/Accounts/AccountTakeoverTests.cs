using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Data;
using Teilhabe.Core.Time;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Accounts;

/// <summary>
/// ACC-12, no account takeover by reset: only a locked account, or another one with a recorded reason; never one's own
/// account or one of the same or a higher role; the user is told at the next login; audited with the reason.
/// </summary>
public sealed class AccountTakeoverTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private const string NewPassword = "Neu#Start2026";
    private const string Reason = "Passwort vergessen, Rückruf unter der Dienstnummer bestätigt";

    [Fact]
    [Trait("Rule", "ACC-12")]
    public async Task ACC12_InA_cannot_reset_another_coordinator()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var colleague = await factory.CreateUserAsync(Roles.IntegrationOfficeCoordinator, officeId: tenant.IntegrationOfficeId);
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);

        using var reset = await ResetAsync(coordinator, colleague.Id, Reason);

        await reset.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(["ACC-12"], await reset.ReadViolatedRulesAsync());
        using var stillWorks = await factory.RequestTokenAsync(colleague.UserName, colleague.Password);
        await stillWorks.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    [Trait("Rule", "ACC-12")]
    public async Task ACC12_an_administrator_cannot_reset_another_administrator()
    {
        var other = await factory.CreateUserAsync(Roles.Administrator);
        using var admin = await factory.AdminClientAsync();

        using var reset = await ResetAsync(admin, other.Id, Reason);

        await reset.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(["ACC-12"], await reset.ReadViolatedRulesAsync());
    }

    [Fact]
    [Trait("Rule", "ACC-12")]
    public async Task ACC12_nobody_resets_their_own_password_by_the_reset()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);

        using var reset = await ResetAsync(coordinator, tenant.Coordinator.Id, Reason);

        await reset.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(["ACC-12"], await reset.ReadViolatedRulesAsync());
    }

    [Fact]
    [Trait("Rule", "ACC-12")]
    public async Task ACC12_a_reset_of_an_account_that_is_not_locked_without_a_reason_is_refused_and_changes_nothing()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);

        using var reset = await ResetAsync(coordinator, tenant.CaseworkerA.Id, reason: "  ");

        await reset.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["ACC-12"], await reset.ReadViolatedRulesAsync());
        using var oldPassword = await factory.RequestTokenAsync(tenant.CaseworkerA.UserName, tenant.CaseworkerA.Password);
        await oldPassword.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    [Trait("Rule", "ACC-12")]
    public async Task ACC12_a_locked_account_is_reset_without_a_reason_and_the_audit_says_it_was_locked()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await factory.RequestTokenAsync(tenant.CaseworkerA.UserName, "Falsch#2026a");
        }

        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        using var reset = await ResetAsync(coordinator, tenant.CaseworkerA.Id, reason: null);

        await reset.ExpectAsync(HttpStatusCode.NoContent);
        using var login = await factory.RequestTokenAsync(tenant.CaseworkerA.UserName, NewPassword);
        await login.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["Konto war gesperrt"], await ResetReasonsAsync(tenant.CaseworkerA.Id));
    }

    [Fact]
    [Trait("Rule", "ACC-12")]
    public async Task ACC12_a_reset_with_a_reason_is_audited_with_that_reason_and_the_actor()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);

        using var reset = await ResetAsync(coordinator, tenant.CaseworkerA.Id, Reason);

        await reset.ExpectAsync(HttpStatusCode.NoContent);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        var entry = await db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == AuditActions.PasswordReset && a.EntityId == tenant.CaseworkerA.Id);
        Assert.Equal(Reason, entry.Reason);
        Assert.Equal(tenant.Coordinator.Id, entry.UserId);
    }

    [Fact]
    [Trait("Rule", "ACC-12")]
    public async Task ACC12_the_user_is_told_at_the_next_login_who_reset_the_password_and_when()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using (var coordinator = await factory.LoginAsync(tenant.Coordinator))
        using (var reset = await ResetAsync(coordinator, tenant.CaseworkerA.Id, Reason))
        {
            await reset.ExpectAsync(HttpStatusCode.NoContent);
        }

        using var pages = await factory.SignInToPagesAsync(tenant.CaseworkerA with { Password = NewPassword });
        using var start = await pages.GetAsync("/");
        Assert.Equal("/konto/passwort", start.Headers.Location?.OriginalString);
        var html = WebUtility.HtmlDecode(await pages.GetStringAsync("/konto/passwort"));

        Assert.Contains($"von {Roles.GermanLabel(Roles.IntegrationOfficeCoordinator)} {tenant.Coordinator.UserName} zurückgesetzt", html, StringComparison.Ordinal);
        var when = BerlinTime.ToBerlin(factory.Clock.GetUtcNow()).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
        Assert.Contains($"am {when} von", html, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> ResetAsync(HttpClient client, string userId, string? reason)
        => client.PostAsJsonAsync($"/api/v1/admin/users/{userId}/reset-password", new { initialPassword = NewPassword, reason });

    private async Task<List<string?>> ResetReasonsAsync(string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditActions.PasswordReset && a.EntityId == userId)
            .Select(a => a.Reason).ToListAsync();
    }
}
