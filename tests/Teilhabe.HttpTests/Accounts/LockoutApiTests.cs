using System.Net;
using System.Net.Http.Json;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Accounts;

/// <summary>ACC-05: three failed logins lock; only InA-Koordination (or an administrator) unlocks or resets.</summary>
public sealed class LockoutApiTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private const string WrongPassword = "Falsch#2026a";
    private const string NewInitialPassword = "Neu#Start2026";

    [Fact]
    [Trait("Rule", "ACC-05")]
    public async Task ACC05_third_failed_token_request_locks_account_with_423()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var user = tenant.CaseworkerA;

        using (var first = await factory.RequestTokenAsync(user.UserName, WrongPassword))
        {
            await first.ExpectAsync(HttpStatusCode.Unauthorized);
        }

        using (var second = await factory.RequestTokenAsync(user.UserName, WrongPassword))
        {
            await second.ExpectAsync(HttpStatusCode.Unauthorized);
        }

        using var third = await factory.RequestTokenAsync(user.UserName, WrongPassword);
        await third.ExpectAsync(HttpStatusCode.Locked);
        Assert.Equal(["ACC-05"], await third.ReadViolatedRulesAsync());
        var problem = await third.ReadProblemAsync();
        Assert.Contains("InA-Koordination", problem.GetProperty("title").GetString());
    }

    [Fact]
    [Trait("Rule", "ACC-05")]
    public async Task ACC05_locked_account_stays_locked_even_with_the_right_password()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        await LockAsync(tenant.CaseworkerA);

        using var response = await factory.RequestTokenAsync(tenant.CaseworkerA.UserName, tenant.CaseworkerA.Password);

        await response.ExpectAsync(HttpStatusCode.Locked);
        Assert.Equal(["ACC-05"], await response.ReadViolatedRulesAsync());
    }

    [Fact]
    [Trait("Rule", "ACC-05")]
    public async Task ACC05_failures_not_in_a_row_do_not_lock()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var user = tenant.CaseworkerA;
        for (var i = 0; i < 2; i++)
        {
            using var wrong = await factory.RequestTokenAsync(user.UserName, WrongPassword);
            await wrong.ExpectAsync(HttpStatusCode.Unauthorized);
        }

        using (var right = await factory.RequestTokenAsync(user.UserName, user.Password))
        {
            await right.ExpectAsync(HttpStatusCode.OK);
        }

        for (var i = 0; i < 2; i++)
        {
            using var wrong = await factory.RequestTokenAsync(user.UserName, WrongPassword);
            await wrong.ExpectAsync(HttpStatusCode.Unauthorized);
        }

        using var stillOpen = await factory.RequestTokenAsync(user.UserName, user.Password);
        await stillOpen.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    [Trait("Rule", "ACC-05")]
    public async Task ACC05_InA_coordination_of_the_same_Integrationsamt_unlocks_with_204_and_login_works_again()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        await LockAsync(tenant.CaseworkerA);
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);

        using var unlock = await coordinator.PostAsync($"/api/v1/admin/users/{tenant.CaseworkerA.Id}/unlock", null);

        await unlock.ExpectAsync(HttpStatusCode.NoContent);
        using var login = await factory.RequestTokenAsync(tenant.CaseworkerA.UserName, tenant.CaseworkerA.Password);
        await login.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    [Trait("Rule", "ACC-05")]
    public async Task ACC05_unlock_also_resets_the_count_of_failures()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        await LockAsync(tenant.CaseworkerA);
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        using (var unlock = await coordinator.PostAsync($"/api/v1/admin/users/{tenant.CaseworkerA.Id}/unlock", null))
        {
            await unlock.ExpectAsync(HttpStatusCode.NoContent);
        }

        using var wrong = await factory.RequestTokenAsync(tenant.CaseworkerA.UserName, WrongPassword);

        await wrong.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    [Trait("Rule", "ACC-05")]
    public async Task ACC05_administrator_unlocks_with_204()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        await LockAsync(tenant.LeadA);
        using var admin = await factory.AdminClientAsync();

        using var unlock = await admin.PostAsync($"/api/v1/admin/users/{tenant.LeadA.Id}/unlock", null);

        await unlock.ExpectAsync(HttpStatusCode.NoContent);
        using var login = await factory.RequestTokenAsync(tenant.LeadA.UserName, tenant.LeadA.Password);
        await login.ExpectAsync(HttpStatusCode.OK);
    }

    [Theory]
    [Trait("Rule", "ACC-05")]
    [InlineData(Roles.Caseworker)]
    [InlineData(Roles.ServiceLead)]
    public async Task ACC05_IFD_staff_cannot_unlock_and_get_403(string role)
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        await LockAsync(tenant.DeputyA);
        using var client = await factory.LoginAsync(role == Roles.Caseworker ? tenant.CaseworkerA : tenant.LeadA);

        using var unlock = await client.PostAsync($"/api/v1/admin/users/{tenant.DeputyA.Id}/unlock", null);

        await unlock.ExpectAsync(HttpStatusCode.Forbidden);
        using var login = await factory.RequestTokenAsync(tenant.DeputyA.UserName, tenant.DeputyA.Password);
        await login.ExpectAsync(HttpStatusCode.Locked);
    }

    [Fact]
    [Trait("Rule", "ACC-05")]
    [Trait("Rule", "ACC-06")]
    public async Task ACC06_InA_coordination_of_another_Integrationsamt_gets_404_on_unlock_and_reset()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var otherState = await TestTenant.CreateAsync(factory, withSecondService: false);
        await LockAsync(tenant.CaseworkerA);
        using var foreignCoordinator = await factory.LoginAsync(otherState.Coordinator);

        using var unlock = await foreignCoordinator.PostAsync($"/api/v1/admin/users/{tenant.CaseworkerA.Id}/unlock", null);
        using var reset = await foreignCoordinator.PostAsJsonAsync(
            $"/api/v1/admin/users/{tenant.CaseworkerA.Id}/reset-password", new { initialPassword = NewInitialPassword });

        await unlock.ExpectAsync(HttpStatusCode.NotFound);
        await unlock.ReadProblemAsync();
        await reset.ExpectAsync(HttpStatusCode.NotFound);
        using var login = await factory.RequestTokenAsync(tenant.CaseworkerA.UserName, tenant.CaseworkerA.Password);
        await login.ExpectAsync(HttpStatusCode.Locked);
    }

    [Fact]
    [Trait("Rule", "ACC-05")]
    public async Task ACC05_reset_password_unlocks_and_the_new_initial_password_must_be_changed_before_anything_else()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var lead = tenant.LeadA;
        await LockAsync(lead);
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);

        using (var reset = await coordinator.PostAsJsonAsync($"/api/v1/admin/users/{lead.Id}/reset-password", new { initialPassword = NewInitialPassword }))
        {
            await reset.ExpectAsync(HttpStatusCode.NoContent);
        }

        using (var oldPassword = await factory.RequestTokenAsync(lead.UserName, lead.Password))
        {
            await oldPassword.ExpectAsync(HttpStatusCode.Unauthorized);
        }

        using var client = await factory.LoginAsync(lead.UserName, NewInitialPassword);
        using (var blocked = await client.GetAsync("/api/v1/admin/audit"))
        {
            await blocked.ExpectAsync(HttpStatusCode.Forbidden);
            Assert.Equal(["ACC-05"], await blocked.ReadViolatedRulesAsync());
        }

        using (var change = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = NewInitialPassword, newPassword = "Eigen#2026ab" }))
        {
            await change.ExpectAsync(HttpStatusCode.NoContent);
        }

        using var allowed = await client.GetAsync("/api/v1/admin/audit");
        await allowed.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    [Trait("Rule", "ACC-01")]
    public async Task ACC01_reset_to_an_initial_password_that_breaks_the_rules_is_refused_with_422()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);

        using var reset = await coordinator.PostAsJsonAsync(
            $"/api/v1/admin/users/{tenant.CaseworkerA.Id}/reset-password", new { initialPassword = "Kurz#1", reason = "Passwort vergessen" });

        await reset.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("ACC-01", await reset.ReadViolatedRulesAsync());
        using var login = await factory.RequestTokenAsync(tenant.CaseworkerA.UserName, tenant.CaseworkerA.Password);
        await login.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    [Trait("Rule", "ACC-05")]
    public async Task ACC05_user_created_with_an_initial_password_gets_403_until_it_is_changed()
    {
        var officeId = await factory.CreateOrganisationAsync("IntegrationOffice");
        var coordinator = await factory.CreateUserAsync(Roles.IntegrationOfficeCoordinator, officeId: officeId, mustChangePassword: true);
        using var client = await factory.LoginAsync(coordinator);

        using (var blocked = await client.GetAsync("/api/v1/admin/users"))
        {
            await blocked.ExpectAsync(HttpStatusCode.Forbidden);
            Assert.Equal(["ACC-05"], await blocked.ReadViolatedRulesAsync());
        }

        using (var change = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = coordinator.Password, newPassword = "Eigen#2026ab" }))
        {
            await change.ExpectAsync(HttpStatusCode.NoContent);
        }

        using var allowed = await client.GetAsync("/api/v1/admin/users");
        await allowed.ExpectAsync(HttpStatusCode.OK);
    }

    private async Task LockAsync(TestUser user)
    {
        for (var i = 0; i < 3; i++)
        {
            using var response = await factory.RequestTokenAsync(user.UserName, WrongPassword);
            await response.ExpectAsync(i < 2 ? HttpStatusCode.Unauthorized : HttpStatusCode.Locked);
        }
    }
}
