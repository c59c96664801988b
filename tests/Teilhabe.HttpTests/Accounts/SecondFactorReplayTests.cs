using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Accounts;

/// <summary>
/// ACC-11 (ASVS 2.8.4): an authenticator code is accepted once. Whoever watched or intercepted a code cannot sign in
/// with it after the user did, within the 30-second window or the steps around it; the refusal is that of a wrong code.
/// </summary>
public sealed class SecondFactorReplayTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private const string WrongCodeMessage = "Der Code stimmt nicht";

    [Fact]
    [Trait("Rule", "ACC-11")]
    public async Task A_second_factor_code_used_once_is_refused_a_second_time_page()
    {
        var coordinator = (await TestTenant.CreateAsync(factory, withSecondService: false)).Coordinator;
        var code = coordinator.CurrentCode()!;

        using (var first = factory.PageClient())
        using (var used = await PageCodeStepAsync(first, coordinator, code))
        {
            Assert.Equal("/", used.Headers.Location?.OriginalString);
        }

        using var second = factory.PageClient();
        using (var replayed = await PageCodeStepAsync(second, coordinator, code))
        {
            await replayed.ExpectAsync(HttpStatusCode.OK);
            Assert.Contains(WrongCodeMessage, WebUtility.HtmlDecode(await replayed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using var noSession = await second.GetAsync("/klienten");
        Assert.Contains("/konto/anmelden", noSession.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "ACC-11")]
    public async Task The_code_that_confirmed_the_setup_page_is_refused_at_the_login_page()
    {
        var coordinator = await factory.CreateUserAsync(
            Roles.IntegrationOfficeCoordinator, officeId: await factory.CreateOrganisationAsync("IntegrationOffice"), withSecondFactor: false);
        using var pages = await factory.SignInToPagesAsync(coordinator);
        var html = await pages.GetStringAsync("/konto/zweiter-faktor");
        var secret = SecondFactorTests.SecretOnPage().Match(html).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
        var code = TeilhabeFactory.TotpCode(secret);
        using (var enabled = await pages.PostFormAsync("/konto/zweiter-faktor?handler=Enable", new Dictionary<string, string> { ["Code"] = code }))
        {
            Assert.Contains("Der zweite Faktor ist eingerichtet", await enabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var login = factory.PageClient();
        using var replayed = await PageCodeStepAsync(login, coordinator, code);

        await replayed.ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(WrongCodeMessage, WebUtility.HtmlDecode(await replayed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "ACC-11")]
    public async Task A_second_factor_code_used_once_is_refused_a_second_time_API()
    {
        var coordinator = (await TestTenant.CreateAsync(factory, withSecondService: false)).Coordinator;
        var code = coordinator.CurrentCode();

        using var used = await factory.RequestTokenAsync(coordinator.UserName, coordinator.Password, code);
        using var replayed = await factory.RequestTokenAsync(coordinator.UserName, coordinator.Password, code);
        using var next = await factory.RequestTokenAsync(coordinator.UserName, coordinator.Password, coordinator.CurrentCode());

        await used.ExpectAsync(HttpStatusCode.OK);
        await replayed.ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.True((await replayed.ReadProblemAsync()).GetProperty("mfaRequired").GetBoolean());
        await next.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    [Trait("Rule", "ACC-11")]
    public async Task The_code_that_confirmed_the_setup_API_gets_no_token()
    {
        var coordinator = await factory.CreateUserAsync(
            Roles.IntegrationOfficeCoordinator, officeId: await factory.CreateOrganisationAsync("IntegrationOffice"), withSecondFactor: false);
        using var api = await factory.LoginAsync(coordinator);
        using var setup = await api.PostAsync("/api/v1/auth/mfa/setup", null);
        var secret = (await setup.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("secret").GetString()!;
        var code = TeilhabeFactory.TotpCode(secret);
        using (var enable = await api.PostAsJsonAsync("/api/v1/auth/mfa/enable", new { code }))
        {
            await enable.ExpectAsync(HttpStatusCode.NoContent);
        }

        using var replayed = await factory.RequestTokenAsync(coordinator.UserName, coordinator.Password, code);

        await replayed.ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.True((await replayed.ReadProblemAsync()).GetProperty("mfaRequired").GetBoolean());
    }

    [Fact]
    [Trait("Rule", "ACC-11")]
    public async Task Of_simultaneous_logins_with_one_code_only_one_gets_a_token()
    {
        var coordinator = (await TestTenant.CreateAsync(factory, withSecondService: false)).Coordinator;
        var code = coordinator.CurrentCode();
        var sessionsBefore = await SessionsOfAsync(coordinator.Id);

        // Three at once: two refusals stay below TH's lockout after three failures (ACC-05).
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var logins = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            await go.Task;
            using var response = await factory.RequestTokenAsync(coordinator.UserName, coordinator.Password, code);
            return response.StatusCode;
        })).ToArray();
        go.SetResult();
        var answers = await Task.WhenAll(logins);

        Assert.Single(answers, status => status == HttpStatusCode.OK);
        Assert.All(answers.Where(status => status != HttpStatusCode.OK), status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(sessionsBefore + 1, await SessionsOfAsync(coordinator.Id));
    }

    /// <summary>The password step and then the code step of the page login; the answer of the code step.</summary>
    private static async Task<HttpResponseMessage> PageCodeStepAsync(HttpClient pages, TestUser user, string code)
    {
        using (var password = await pages.PostFormAsync("/konto/anmelden", new Dictionary<string, string>
        {
            ["UserName"] = user.UserName,
            ["Password"] = user.Password,
        }))
        {
            Assert.Equal("/konto/anmelden/code", password.Headers.Location?.OriginalString);
        }

        return await pages.PostFormAsync("/konto/anmelden/code", new Dictionary<string, string> { ["Code"] = code });
    }

    private async Task<int> SessionsOfAsync(string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        return await db.UserSessions.CountAsync(s => s.UserId == userId);
    }
}
