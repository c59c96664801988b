using System.Net;
using System.Net.Http.Json;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Accounts;

/// <summary>ACC-01…03 on POST /api/v1/auth/password and on initial passwords (profile TH: 8 to 128 characters).</summary>
public sealed class PasswordRulesApiTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Theory]
    [Trait("Rule", "ACC-01")]
    [InlineData("Ab1#xyz")]
    [InlineData("Ab1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1")]
    public async Task ACC01_new_password_of_7_or_129_characters_is_refused_with_422(string password)
    {
        var (client, user) = await SignedInCaseworkerAsync();

        using var response = await ChangeAsync(client, user.Password, password);

        await response.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["ACC-01"], await response.ReadViolatedRulesAsync());
        await AssertPasswordStillWorksAsync(user);
    }

    [Theory]
    [Trait("Rule", "ACC-01")]
    [InlineData("Ab1#wxyz")]
    [InlineData("Ab1#wxyzAb1#wxy")]
    [InlineData("Ein langer Merksatz als Passwort mit 64 Zeichen ist erlaubt 2026")]
    [InlineData("Ab1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb1#xyzAb")]
    public async Task ACC01_new_password_of_8_15_64_or_128_characters_is_accepted(string password)
    {
        var (client, user) = await SignedInCaseworkerAsync();

        using var response = await ChangeAsync(client, user.Password, password);

        await response.ExpectAsync(HttpStatusCode.NoContent);
        using var again = await factory.RequestTokenAsync(user.UserName, password);
        await again.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    [Trait("Rule", "ACC-01")]
    public async Task ACC01_initial_password_that_is_too_short_is_refused_with_422_when_creating_a_user()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var admin = await factory.AdminClientAsync();

        using var response = await admin.PostAsJsonAsync("/api/v1/admin/users", new
        {
            userName = factory.Unique("kurz"),
            displayName = "Kurzes Passwort",
            initialPassword = "Ab1#",
            roles = new[] { Roles.Caseworker },
            serviceId = tenant.ServiceA,
        });

        await response.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("ACC-01", await response.ReadViolatedRulesAsync());
    }

    [Theory]
    [Trait("Rule", "ACC-02")]
    [InlineData("abcdef1#")]
    [InlineData("ABCDEF1#")]
    [InlineData("Abcdefg#")]
    [InlineData("Abcdefg1")]
    public async Task ACC02_password_missing_a_character_class_is_refused_with_422(string password)
    {
        var (client, user) = await SignedInCaseworkerAsync();

        using var response = await ChangeAsync(client, user.Password, password);

        await response.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["ACC-02"], await response.ReadViolatedRulesAsync());
    }

    [Fact]
    [Trait("Rule", "ACC-02")]
    public async Task ACC02_password_of_13_characters_without_special_character_is_accepted()
    {
        var (client, user) = await SignedInCaseworkerAsync();

        using var response = await ChangeAsync(client, user.Password, "Abcdefghijk12");

        await response.ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    [Trait("Rule", "ACC-02")]
    public async Task ACC02_password_of_12_characters_without_special_character_is_refused()
    {
        var (client, user) = await SignedInCaseworkerAsync();

        using var response = await ChangeAsync(client, user.Password, "Abcdefghijk1");

        await response.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["ACC-02"], await response.ReadViolatedRulesAsync());
    }

    [Fact]
    [Trait("Rule", "ACC-01")]
    [Trait("Rule", "ACC-02")]
    public async Task ACC01_ACC02_every_violated_rule_is_listed_at_once()
    {
        var (client, user) = await SignedInCaseworkerAsync();

        using var response = await ChangeAsync(client, user.Password, "abc");

        await response.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        var rules = await response.ReadViolatedRulesAsync();
        Assert.Contains("ACC-01", rules);
        Assert.Contains("ACC-02", rules);
    }

    [Fact]
    [Trait("Rule", "ACC-03")]
    public async Task ACC03_one_of_the_last_6_passwords_is_refused_and_the_7th_oldest_is_allowed_again()
    {
        var (client, user) = await SignedInCaseworkerAsync();
        string[] passwords = ["Zweit#2026a", "Dritt#2026a", "Viert#2026a", "Fuenf#2026a", "Sechs#2026a", "Sieben#2026a"];
        var current = user.Password;
        foreach (var next in passwords)
        {
            using var step = await ChangeAsync(client, current, next);
            await step.ExpectAsync(HttpStatusCode.NoContent);
            current = next;
        }

        // The last 6 are now "Zweit…" to "Sieben…"; the initial password is the 7th-oldest.
        foreach (var recent in passwords)
        {
            using var reuse = await ChangeAsync(client, current, recent);
            await reuse.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["ACC-03"], await reuse.ReadViolatedRulesAsync());
        }

        using var oldest = await ChangeAsync(client, current, user.Password);
        await oldest.ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Wrong_current_password_is_refused_with_400()
    {
        var (client, _) = await SignedInCaseworkerAsync();

        using var response = await ChangeAsync(client, "Falsch#2026a", "Neu#Passwort1");

        await response.ExpectAsync(HttpStatusCode.BadRequest);
        var errors = (await response.ReadProblemAsync()).GetProperty("errors");
        Assert.Equal("Das bisherige Passwort stimmt nicht.", errors.GetProperty("currentPassword")[0].GetString());
    }

    private async Task<(HttpClient Client, TestUser User)> SignedInCaseworkerAsync()
    {
        var officeId = await factory.CreateOrganisationAsync("IntegrationOffice");
        var providerId = await factory.CreateOrganisationAsync("Provider");
        var serviceId = await factory.CreateServiceAsync(providerId, officeId);
        var user = await factory.CreateUserAsync(Roles.Caseworker, serviceId);
        return (await factory.LoginAsync(user), user);
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string currentPassword, string newPassword)
        => client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword, newPassword });

    private async Task AssertPasswordStillWorksAsync(TestUser user)
    {
        using var response = await factory.RequestTokenAsync(user.UserName, user.Password);
        await response.ExpectAsync(HttpStatusCode.OK);
    }
}
