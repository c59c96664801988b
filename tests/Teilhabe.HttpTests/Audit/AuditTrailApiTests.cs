using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.Core.Time;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Audit;

/// <summary>ACC-09 (append-only audit trail) and ACC-06 (an IFD lead reads the own IFD's trail only).</summary>
public sealed class AuditTrailApiTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private const string WrongPassword = "Falsch#2026a";

    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task ACC09_create_login_login_failed_lock_and_unlock_are_written_to_the_audit_trail()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var user = tenant.CaseworkerA;
        using (await factory.LoginAsync(user))
        {
        }

        for (var i = 0; i < 3; i++)
        {
            using var failed = await factory.RequestTokenAsync(user.UserName, WrongPassword);
            await failed.ExpectAsync(i < 2 ? HttpStatusCode.Unauthorized : HttpStatusCode.Locked);
        }

        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        using (var unlock = await coordinator.PostAsync($"/api/v1/admin/users/{user.Id}/unlock", null))
        {
            await unlock.ExpectAsync(HttpStatusCode.NoContent);
        }

        using var admin = await factory.AdminClientAsync();
        var rows = (await ReadAuditAsync(admin, string.Empty)).Where(r => r.EntityId == user.Id).ToList();

        var adminId = await AdminIdAsync(admin);
        Assert.Contains(rows, r => r.Action == "create" && r.UserId == adminId);
        Assert.Contains(rows, r => r.Action == "login" && r.UserId == user.Id);
        Assert.Equal(2, rows.Count(r => r.Action == "login-failed" && r.UserId == user.Id));
        Assert.Contains(rows, r => r.Action == "lock" && r.UserId == user.Id);
        Assert.Contains(rows, r => r.Action == "unlock" && r.UserId == tenant.Coordinator.Id);
        Assert.All(rows, r => Assert.True(r.At <= factory.Clock.GetUtcNow()));
    }

    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task ACC09_failed_login_with_an_unknown_user_name_is_written_down()
    {

        var userName = factory.Unique("niemand");
        using (var failed = await factory.RequestTokenAsync(userName, WrongPassword))
        {
            await failed.ExpectAsync(HttpStatusCode.Unauthorized);
        }

        using var admin = await factory.AdminClientAsync();
        var rows = await ReadAuditAsync(admin, string.Empty);
        Assert.Contains(rows, r => r.Action == "login-failed" && r.EntityId == userName);
    }

    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task ACC09_filter_by_user_returns_only_that_users_rows()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using (await factory.LoginAsync(tenant.CaseworkerA))
        {
        }

        using (await factory.LoginAsync(tenant.LeadA))
        {
        }

        using var admin = await factory.AdminClientAsync();
        var rows = await ReadAuditAsync(admin, $"?userId={tenant.CaseworkerA.Id}");

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(tenant.CaseworkerA.Id, r.UserId));
        Assert.Contains(rows, r => r.Action == "login");
    }

    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task ACC09_filter_by_from_and_to_uses_the_Berlin_calendar_day()
    {
        await using var app = new TeilhabeFactory();
        var tenant = await TestTenant.CreateAsync(app, withSecondService: false);
        var creationDay = app.Clock.Today();
        app.Clock.Advance(TimeSpan.FromDays(3));
        var loginDay = app.Clock.Today();
        using (await app.LoginAsync(tenant.CaseworkerA))
        {
        }

        using var admin = await app.AdminClientAsync();
        var all = (await ReadAuditAsync(admin, string.Empty)).Where(r => r.EntityId == tenant.CaseworkerA.Id).ToList();
        var fromLoginDay = (await ReadAuditAsync(admin, $"?from={Iso(loginDay)}")).Where(r => r.EntityId == tenant.CaseworkerA.Id).ToList();
        var toCreationDay = (await ReadAuditAsync(admin, $"?to={Iso(creationDay)}")).Where(r => r.EntityId == tenant.CaseworkerA.Id).ToList();
        var betweenDays = await ReadAuditAsync(admin, $"?from={Iso(creationDay.AddDays(1))}&to={Iso(loginDay.AddDays(-1))}");

        Assert.Contains(all, r => r.Action == "create");
        Assert.Contains(all, r => r.Action == "login");
        Assert.Equal(["login"], fromLoginDay.Select(r => r.Action).Distinct());
        Assert.DoesNotContain(toCreationDay, r => r.Action == "login");
        Assert.Contains(toCreationDay, r => r.Action == "create");
        Assert.Empty(betweenDays);
    }

    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task ACC09_filter_by_client_and_case_returns_only_their_rows()
    {
        await TestTenant.CreateAsync(factory, withSecondService: false);
        using var admin = await factory.AdminClientAsync();

        var all = await ReadAuditAsync(admin, string.Empty);
        var byClient = await ReadAuditAsync(admin, $"?clientId={Guid.NewGuid()}");
        var byCase = await ReadAuditAsync(admin, $"?caseId={Guid.NewGuid()}");

        // No client or case exists yet, so no row can match; the unfiltered trail is not empty.
        Assert.NotEmpty(all);
        Assert.Empty(byClient);
        Assert.Empty(byCase);
    }

    [Theory]
    [Trait("Rule", "ACC-09")]
    [InlineData("PUT", "/api/v1/admin/audit")]
    [InlineData("DELETE", "/api/v1/admin/audit")]
    [InlineData("PATCH", "/api/v1/admin/audit")]
    [InlineData("PUT", "/api/v1/admin/audit/1")]
    [InlineData("DELETE", "/api/v1/admin/audit/1")]
    public async Task ACC09_the_audit_trail_has_no_route_to_change_or_delete_rows(string method, string path)
    {
        using var admin = await factory.AdminClientAsync();
        var before = await ReadAuditAsync(admin, string.Empty);

        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { action = "read" }) };
        using var response = await admin.SendAsync(request);

        Assert.True(
            response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound,
            $"{method} {path} answered {(int)response.StatusCode}");
        var after = await ReadAuditAsync(admin, string.Empty);

        // Only the reads of the trail itself were added (ACC-09 audits them too).
        Assert.Equal(before.Where(r => r.Entity != "AuditTrail"), after.Where(r => r.Entity != "AuditTrail"));
    }

    [Fact]
    [Trait("Rule", "ACC-06")]
    [Trait("Rule", "ACC-09")]
    public async Task ACC06_service_lead_of_IFD_A_sees_the_trail_of_IFD_A_and_no_row_of_IFD_B()
    {
        var tenant = await TestTenant.CreateAsync(factory);
        using (await factory.LoginAsync(tenant.CaseworkerA))
        {
        }

        using (await factory.LoginAsync(tenant.CaseworkerB!))
        {
        }

        using var leadB = await factory.LoginAsync(tenant.LeadB!);
        using var leadA = await factory.LoginAsync(tenant.LeadA);
        var rows = await ReadAuditAsync(leadA, string.Empty);

        string[] ofServiceB = [tenant.CaseworkerB!.Id, tenant.LeadB!.Id];
        Assert.Contains(rows, r => r.EntityId == tenant.CaseworkerA.Id && r.Action == "login");
        Assert.DoesNotContain(rows, r => ofServiceB.Contains(r.EntityId) || ofServiceB.Contains(r.UserId));

        var explicitFilter = await ReadAuditAsync(leadA, $"?userId={tenant.CaseworkerB.Id}");
        Assert.Empty(explicitFilter);
    }

    [Theory]
    [Trait("Rule", "ACC-06")]
    [InlineData("Caseworker")]
    [InlineData("IntegrationOfficeCoordinator")]
    public async Task ACC06_roles_other_than_administrator_and_service_lead_get_403_on_the_audit_trail(string role)
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var client = await factory.LoginAsync(role == "Caseworker" ? tenant.CaseworkerA : tenant.Coordinator);

        using var response = await client.GetAsync("/api/v1/admin/audit");

        await response.ExpectAsync(HttpStatusCode.Forbidden);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<List<AuditRow>> ReadAuditAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/v1/admin/audit" + query);
        await response.ExpectAsync(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<List<AuditRow>>() ?? [];
    }

    private static async Task<string> AdminIdAsync(HttpClient admin)
    {
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users");
        return users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == TeilhabeFactory.AdminUserName).GetProperty("id").GetString()!;
    }

    private sealed record AuditRow(DateTimeOffset At, string? UserId, string Action, string Entity, string EntityId, Guid? ClientId, Guid? CaseId, string? Reason);
}
