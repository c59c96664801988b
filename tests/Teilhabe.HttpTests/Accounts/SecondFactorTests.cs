using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Data;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Accounts;

/// <summary>
/// ACC-11: TOTP second factor. Required for the roles of the profile (TH: InA-Koordination, Administrator), which can do
/// nothing else until it is set up; others may switch it on. Pages ask for the code after the password; the API takes it
/// with the password. A wrong code counts as a failed login (ACC-05). ACC-01: the most common passwords are refused.
/// </summary>
public sealed partial class SecondFactorTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    [Trait("Rule", "ACC-11")]
    public async Task ACC11_a_user_with_a_second_factor_gets_no_token_without_the_code_or_with_a_wrong_one()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);

        using var without = await factory.RequestTokenAsync(tenant.Coordinator.UserName, tenant.Coordinator.Password, code: null);
        using var wrong = await factory.RequestTokenAsync(tenant.Coordinator.UserName, tenant.Coordinator.Password, WrongCode(tenant.Coordinator));
        using var right = await factory.RequestTokenAsync(tenant.Coordinator.UserName, tenant.Coordinator.Password, tenant.Coordinator.CurrentCode());

        foreach (var refused in new[] { without, wrong })
        {
            await refused.ExpectAsync(HttpStatusCode.Unauthorized);
            Assert.True((await refused.ReadProblemAsync()).GetProperty("mfaRequired").GetBoolean());
        }

        await right.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    [Trait("Rule", "ACC-11")]
    public async Task ACC11_guessing_codes_locks_the_account_like_wrong_passwords()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        for (var i = 0; i < 2; i++)
        {
            using var guess = await factory.RequestTokenAsync(tenant.Coordinator.UserName, tenant.Coordinator.Password, WrongCode(tenant.Coordinator));
            await guess.ExpectAsync(HttpStatusCode.Unauthorized);
        }

        using var third = await factory.RequestTokenAsync(tenant.Coordinator.UserName, tenant.Coordinator.Password, WrongCode(tenant.Coordinator));
        await third.ExpectAsync(HttpStatusCode.Locked);
        using var evenRight = await factory.RequestTokenAsync(tenant.Coordinator.UserName, tenant.Coordinator.Password, tenant.Coordinator.CurrentCode());
        await evenRight.ExpectAsync(HttpStatusCode.Locked);
        Assert.Contains(AuditActions.SecondFactorFailed, await AuditActionsOfAsync(tenant.Coordinator.Id));
    }

    [Fact]
    [Trait("Rule", "ACC-11")]
    public async Task ACC11_a_coordinator_without_a_second_factor_can_only_set_it_up_through_the_API()
    {
        var coordinator = await CoordinatorWithoutSecondFactorAsync();
        using var api = await factory.LoginAsync(coordinator);

        using (var blocked = await api.GetAsync("/api/v1/clients"))
        {
            await blocked.ExpectAsync(HttpStatusCode.Forbidden);
            Assert.True((await blocked.ReadProblemAsync()).GetProperty("mfaSetupRequired").GetBoolean());
            Assert.Equal(["ACC-11"], await blocked.ReadViolatedRulesAsync());
        }

        using var setup = await api.PostAsync("/api/v1/auth/mfa/setup", null);
        await setup.ExpectAsync(HttpStatusCode.OK);
        var body = await setup.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var secret = body.GetProperty("secret").GetString()!;
        Assert.StartsWith("otpauth://totp/", body.GetProperty("otpauthUri").GetString(), StringComparison.Ordinal);
        Assert.Contains($"secret={secret}", body.GetProperty("otpauthUri").GetString(), StringComparison.Ordinal);

        using (var wrong = await api.PostAsJsonAsync("/api/v1/auth/mfa/enable", new { code = WrongCodeOf(secret) }))
        {
            await wrong.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["ACC-11"], await wrong.ReadViolatedRulesAsync());
        }

        using (var enable = await api.PostAsJsonAsync("/api/v1/auth/mfa/enable", new { code = TeilhabeFactory.TotpCode(secret) }))
        {
            await enable.ExpectAsync(HttpStatusCode.NoContent);
        }

        using var open = await api.GetAsync("/api/v1/clients");
        await open.ExpectAsync(HttpStatusCode.OK);
        using var withoutCode = await factory.RequestTokenAsync(coordinator.UserName, coordinator.Password, code: null);
        await withoutCode.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    [Trait("Rule", "ACC-11")]
    public async Task ACC11_pages_lead_a_coordinator_to_the_setup_first_and_the_QR_code_setup_gives_recovery_codes_that_work_once()
    {
        var coordinator = await CoordinatorWithoutSecondFactorAsync();
        using var pages = await factory.SignInToPagesAsync(coordinator);

        using (var blocked = await pages.GetAsync("/klienten"))
        {
            Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
            Assert.Equal("/konto/zweiter-faktor", blocked.Headers.Location?.OriginalString);
        }

        var html = await pages.GetStringAsync("/konto/zweiter-faktor");
        Assert.Contains("src=\"data:image/png;base64,", html, StringComparison.Ordinal);
        var secret = SecretOnPage().Match(html).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(secret));

        using var enabled = await pages.PostFormAsync("/konto/zweiter-faktor?handler=Enable", new Dictionary<string, string> { ["Code"] = TeilhabeFactory.TotpCode(secret) });
        await enabled.ExpectAsync(HttpStatusCode.OK);
        var recovery = RecoveryCode().Matches(await enabled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, recovery.Count);

        using (var open = await pages.GetAsync("/klienten"))
        {
            await open.ExpectAsync(HttpStatusCode.OK);
        }

        using var once = await factory.RequestTokenAsync(coordinator.UserName, coordinator.Password, recovery[0]);
        await once.ExpectAsync(HttpStatusCode.OK);
        using var twice = await factory.RequestTokenAsync(coordinator.UserName, coordinator.Password, recovery[0]);
        await twice.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    [Trait("Rule", "ACC-11")]
    public async Task ACC11_the_page_login_asks_for_the_code_after_the_password_and_opens_no_session_before()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var pages = factory.PageClient();
        using (var password = await pages.PostFormAsync("/konto/anmelden", new Dictionary<string, string>
        {
            ["UserName"] = tenant.Coordinator.UserName,
            ["Password"] = tenant.Coordinator.Password,
        }))
        {
            Assert.Equal("/konto/anmelden/code", password.Headers.Location?.OriginalString);
        }

        using (var notYet = await pages.GetAsync("/klienten"))
        {
            Assert.Contains("/konto/anmelden", notYet.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        using (var wrong = await pages.PostFormAsync("/konto/anmelden/code", new Dictionary<string, string> { ["Code"] = WrongCode(tenant.Coordinator) }))
        {
            await wrong.ExpectAsync(HttpStatusCode.OK);
            Assert.Contains("Der Code stimmt nicht", System.Net.WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var right = await pages.PostFormAsync("/konto/anmelden/code", new Dictionary<string, string> { ["Code"] = tenant.Coordinator.CurrentCode()! }))
        {
            Assert.Equal("/", right.Headers.Location?.OriginalString);
        }

        using var open = await pages.GetAsync("/klienten");
        await open.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    [Trait("Rule", "ACC-11")]
    public async Task ACC11_a_caseworker_may_switch_the_second_factor_on_and_off_a_coordinator_cannot_switch_it_off()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using (var caseworker = await factory.LoginAsync(tenant.CaseworkerA))
        {
            using var open = await caseworker.GetAsync("/api/v1/clients");
            await open.ExpectAsync(HttpStatusCode.OK);
            await factory.SetUpSecondFactorAsync(caseworker, tenant.CaseworkerA.UserName);
        }

        using (var without = await factory.RequestTokenAsync(tenant.CaseworkerA.UserName, tenant.CaseworkerA.Password, code: null))
        {
            await without.ExpectAsync(HttpStatusCode.Unauthorized);
        }

        using (var pages = await factory.SignInToPagesAsync(tenant.CaseworkerA))
        using (var off = await pages.PostFormAsync("/konto/zweiter-faktor?handler=Disable", new Dictionary<string, string>()))
        {
            await off.ExpectAsync(HttpStatusCode.OK);
            Assert.Contains("ausgeschaltet", await off.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var plain = await factory.RequestTokenAsync(tenant.CaseworkerA.UserName, tenant.CaseworkerA.Password, code: null))
        {
            await plain.ExpectAsync(HttpStatusCode.OK);
        }

        using var coordinatorPages = await factory.SignInToPagesAsync(tenant.Coordinator);
        using var refused = await coordinatorPages.PostFormAsync("/konto/zweiter-faktor?handler=Disable", new Dictionary<string, string>());
        Assert.Contains("Pflicht", System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var stillRequired = await factory.RequestTokenAsync(tenant.Coordinator.UserName, tenant.Coordinator.Password, code: null);
        await stillRequired.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [Trait("Rule", "ACC-01")]
    [InlineData("Sommer2026!")]
    [InlineData("Passwort123!")]
    [InlineData("Qwerty123!")]
    public async Task ACC01_a_common_password_is_refused_even_with_digits_and_a_special_character(string common)
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var api = await factory.LoginAsync(tenant.CaseworkerA);

        using var change = await api.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = tenant.CaseworkerA.Password, newPassword = common });

        await change.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["ACC-01"], await change.ReadViolatedRulesAsync());
        using var oldStillWorks = await factory.RequestTokenAsync(tenant.CaseworkerA.UserName, tenant.CaseworkerA.Password);
        await oldStillWorks.ExpectAsync(HttpStatusCode.OK);
    }

    /// <summary>An InA-Koordination account created without the factory's automatic setup of the second factor.</summary>
    private async Task<TestUser> CoordinatorWithoutSecondFactorAsync()
        => await factory.CreateUserAsync(Roles.IntegrationOfficeCoordinator, officeId: await factory.CreateOrganisationAsync("IntegrationOffice"), withSecondFactor: false);

    private static string WrongCode(TestUser user) => WrongCodeOf(user.SecondFactorKey!);

    /// <summary>A six-digit code that none of the codes Identity accepts around now (±2 steps of 30 s) equals.</summary>
    private static string WrongCodeOf(string key)
    {
        var now = DateTime.UtcNow;
        var valid = Enumerable.Range(-3, 7).Select(step => TeilhabeFactory.TotpCode(key, now.AddSeconds(30 * step))).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, 10).Select(i => $"{i}{i}{i}{i}{i}{i}").First(code => !valid.Contains(code));
    }

    private async Task<List<string>> AuditActionsOfAsync(string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == userId).Select(a => a.Action).ToListAsync();
    }

    [GeneratedRegex("<code id=\"secret\">([A-Z2-7 ]+)</code>")]
    internal static partial Regex SecretOnPage();

    [GeneratedRegex("<li><code>([A-Z0-9]{5}-[A-Z0-9]{5})</code></li>")]
    private static partial Regex RecoveryCode();
}
