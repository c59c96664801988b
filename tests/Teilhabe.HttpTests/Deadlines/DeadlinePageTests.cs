using System.Net;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Deadlines;

/// <summary>"Meine Wiedervorlagen", the start page and the case page's "Fristen" panel (CT-06 form for InA-Koordination).</summary>
public sealed class DeadlinePageTests
{
    [Fact]
    [Trait("Rule", "CT-04")]
    [Trait("Rule", "CT-06")]
    public async Task CT06_InA_Koordination_records_an_exception_on_the_case_page_and_the_overdue_CT04_leaves_the_lists()
    {
        await using var app = new TeilhabeFactory();
        var tenant = await TestTenant.CreateAsync(app, withSecondService: false);
        using (var api = await app.LoginAsync(tenant.CaseworkerA))
        {
            var id = await api.CreateP2CaseAsync(app);
            await api.RecordOkAsync(id, app.BerlinToday());
            app.Clock.Advance(TimeSpan.FromDays(57));

            using var caseworker = await app.SignInToPagesAsync(tenant.CaseworkerA);
            var list = WebUtility.HtmlDecode(await caseworker.GetStringAsync("/wiedervorlagen"));
            Assert.Contains("Meine Wiedervorlagen", list, StringComparison.Ordinal);
            Assert.Contains("CT-04", list, StringComparison.Ordinal);
            Assert.Contains("<strong>überfällig</strong>", list, StringComparison.Ordinal);
            Assert.Contains($"/faelle/{id}", list, StringComparison.Ordinal);
            var home = await caseworker.GetStringAsync("/");
            Assert.Contains("Dringende Fristen", home, StringComparison.Ordinal);
            Assert.Contains("CT-04", home, StringComparison.Ordinal);
            Assert.Contains("CT-04", await caseworker.GetStringAsync($"/faelle/{id}"), StringComparison.Ordinal);
            var casePage = await caseworker.GetStringAsync($"/faelle/{id}/fristen");
            Assert.Contains("id=\"fristen\"", casePage, StringComparison.Ordinal);
            Assert.DoesNotContain("Ausnahme speichern", casePage, StringComparison.Ordinal);

            using var coordinator = await app.SignInToPagesAsync(tenant.Coordinator);
            var page = await coordinator.GetStringAsync($"/faelle/{id}/fristen");
            Assert.Contains("Ausnahme speichern", page, StringComparison.Ordinal);
            var today = app.BerlinToday();
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = PageSignIn.AntiforgeryToken(page),
                ["ContactExceptionInput.Reason"] = "Stationäre Reha, Kontakt schriftlich",
                ["ContactExceptionInput.From"] = today.Iso(),
                ["ContactExceptionInput.To"] = today.AddDays(21).Iso(),
            });
            using var posted = await coordinator.PostAsync($"/faelle/{id}?handler=ContactException", content);
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            Assert.Equal($"/faelle/{id}/fristen", posted.Headers.Location?.OriginalString);
            Assert.Contains("Reha, Kontakt schriftlich", await coordinator.GetStringAsync($"/faelle/{id}/fristen"), StringComparison.Ordinal);

            var after = await caseworker.GetStringAsync("/wiedervorlagen");
            Assert.DoesNotContain("CT-04", after, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_lead_and_InA_Koordination_see_counts_on_the_start_page_and_the_list_is_grouped()
    {
        await using var app = new TeilhabeFactory();
        var tenant = await TestTenant.CreateAsync(app, withSecondService: false);
        using (var api = await app.LoginAsync(tenant.CaseworkerA))
        {
            await api.CreateP2CaseAsync(app);
        }

        using var lead = await app.SignInToPagesAsync(tenant.LeadA);
        Assert.Contains("Fristen je Fachkraft", await lead.GetStringAsync("/"), StringComparison.Ordinal);
        var list = await lead.GetStringAsync("/wiedervorlagen");
        Assert.Contains("PH-P2-02", list, StringComparison.Ordinal);
        Assert.Contains("<h3", list, StringComparison.Ordinal);

        using var coordinator = await app.SignInToPagesAsync(tenant.Coordinator);
        var home = await coordinator.GetStringAsync("/");
        Assert.Contains("Fristen je IFD", home, StringComparison.Ordinal);
        Assert.Contains("/ina/freischaltungen", home, StringComparison.Ordinal);
    }
}
