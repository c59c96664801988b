using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Profiles;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Platform;

/// <summary>
/// Pages state the numbers of the state profile in force, not fixed text: under a profile whose numbers differ
/// from Thuringia's, the hints show the profile's numbers and none of TH's phrases.
/// </summary>
public sealed class ProfileNumbersOnPagesTests
{
    private static readonly StateProfile Other = StateProfiles.Get("TH") with
    {
        LongPhoneCallMinutes = 33,
        MaxUploadBytes = 7L * 1024 * 1024,
        ObjectionWeeks = 5,
        BackdatingWeeks = 3,
    };

    [Fact]
    public async Task Contact_form_case_page_and_InA_workspace_state_the_profiles_numbers_not_THs()
    {
        await using var app = TeilhabeFactory.With(new TeilhabeFactoryOptions { Services = s => s.AddSingleton(Other) });
        var tenant = await TestTenant.CreateAsync(app, withSecondService: false);
        using var api = await app.LoginAsync(tenant.CaseworkerA);
        var id = await api.CreateCaseAsync(new { clientId = await api.CreateClientAsync() });
        using var caseworker = await app.SignInToPagesAsync(tenant.CaseworkerA);
        using var coordinator = await app.SignInToPagesAsync(tenant.Coordinator);

        var contactForm = WebUtility.HtmlDecode(await caseworker.GetStringAsync($"/faelle/{id}/kontakte/neu"));
        Assert.Contains("Ein Telefonat ab 33 Minuten", contactForm, StringComparison.Ordinal);
        Assert.Contains("Höchstens 7 MB je Datei", contactForm, StringComparison.Ordinal);
        Assert.DoesNotContain("20 Minuten", contactForm, StringComparison.Ordinal);
        Assert.DoesNotContain("4 MB", contactForm, StringComparison.Ordinal);

        var casePage = WebUtility.HtmlDecode(await caseworker.GetStringAsync($"/faelle/{id}"));
        Assert.Contains("Höchstens 3 Wochen rückwirkend", casePage, StringComparison.Ordinal);
        Assert.Contains("Höchstens 7 MB je Datei", casePage, StringComparison.Ordinal);
        Assert.DoesNotContain("6 Wochen", casePage, StringComparison.Ordinal);
        Assert.DoesNotContain("4 MB", casePage, StringComparison.Ordinal);

        var workspace = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/ina"));
        Assert.Contains("nach 5 Wochen als beauftragt", workspace, StringComparison.Ordinal);
        Assert.Contains("zum 35. Tag", workspace, StringComparison.Ordinal);
        Assert.DoesNotContain("4 Wochen", workspace, StringComparison.Ordinal);
        Assert.DoesNotContain("28. Tag", workspace, StringComparison.Ordinal);
    }
}
