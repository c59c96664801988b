using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.Core.Accounts;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.HttpTests.Deadlines;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Team;

/// <summary>GET /api/v1/team and the page /team against a hand-built IFD: two caseworkers with known cases, one idle, a deputy, and a caseworker of another IFD.</summary>
public sealed class TeamOverviewTests
{
    [Fact]
    public async Task The_team_overview_counts_open_cases_by_phase_overdue_items_and_cases_without_contact_per_caseworker()
    {
        await using var app = new TeilhabeFactory();
        var tenant = await TestTenant.CreateAsync(app);
        var second = await app.CreateUserAsync(Roles.Caseworker, tenant.ServiceA);
        var idle = await app.CreateUserAsync(Roles.Caseworker, tenant.ServiceA);

        // Caseworker A: one P1, one P2 (no contact), one P2 with a contact on day 29, one open FDS statement.
        // Second caseworker: two P1, one of them with a contact on day 29. Caseworker B works in the other IFD.
        string p2WithContact;
        string p1WithContact;
        using (var a = await app.LoginAsync(tenant.CaseworkerA))
        {
            await a.CreateCaseAsync(new { clientId = await a.CreateClientAsync(app.Unique("Team"), "Anna") });
            await a.CreateP2CaseAsync(app);
            p2WithContact = await a.CreateP2CaseAsync(app);
            var ina = await a.CreateFunderAsync(app, "IntegrationOffice");
            using var fds = await a.PostAsJsonAsync("/api/v1/cases", new { clientId = await a.CreateClientAsync(app.Unique("Team"), "Frieda"), careTypeCode = "expert-statement", funderId = ina, legalBasisCode = "fds-ina" });
            await fds.ExpectAsync(HttpStatusCode.Created);
        }

        using (var s = await app.LoginAsync(second))
        {
            await s.CreateCaseAsync(new { clientId = await s.CreateClientAsync(app.Unique("Team"), "Bernd") });
            p1WithContact = await s.CreateCaseAsync(new { clientId = await s.CreateClientAsync(app.Unique("Team"), "Berta") });
        }

        using (var b = await app.LoginAsync(tenant.CaseworkerB!))
        {
            await b.CreateP2CaseAsync(app);
        }

        app.Clock.Advance(TimeSpan.FromDays(29));
        using (var a = await app.LoginAsync(tenant.CaseworkerA))
        {
            await a.RecordOkAsync(p2WithContact, app.BerlinToday());
        }

        using (var s = await app.LoginAsync(second))
        {
            await s.RecordOkAsync(p1WithContact, app.BerlinToday());
        }

        using var lead = await app.LoginAsync(tenant.LeadA);
        var idleBack = app.BerlinToday().AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using (var absence = await lead.PostAsJsonAsync($"/api/v1/users/{idle.Id}/absences",
            new { from = app.BerlinToday().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), to = idleBack, deputyUserIds = new[] { second.Id } }))
        {
            await absence.ExpectAsync(HttpStatusCode.Created);
        }

        var team = (await lead.GetJsonAsync("/api/v1/team")).EnumerateArray().ToDictionary(m => m.GetProperty("userId").GetString()!);
        // Every caseworker of the IFD (a deputy is a caseworker too, ACC-06), nobody of the other IFD, not the lead.
        Assert.Equal(new[] { tenant.CaseworkerA.Id, second.Id, idle.Id, tenant.DeputyA.Id }.Order(), team.Keys.Order());

        var memberA = team[tenant.CaseworkerA.Id];
        Assert.Equal((1, 2, 0, 1), Phases(memberA));
        Assert.Equal(2, memberA.GetProperty("withoutContactFourWeeks").GetInt32());
        Assert.Equal(JsonValueKind.Null, memberA.GetProperty("absentUntil").ValueKind);

        var memberSecond = team[second.Id];
        Assert.Equal((2, 0, 0, 0), Phases(memberSecond));
        Assert.Equal(1, memberSecond.GetProperty("withoutContactFourWeeks").GetInt32());

        var memberIdle = team[idle.Id];
        Assert.Equal((0, 0, 0, 0), Phases(memberIdle));
        Assert.Equal(0, memberIdle.GetProperty("withoutContactFourWeeks").GetInt32());
        Assert.Equal(0, memberIdle.GetProperty("overdue").GetInt32());
        Assert.Equal(idleBack, memberIdle.GetProperty("absentUntil").GetString());

        // Overdue: the P2 case without contact has its CT-05 gap of four weeks overdue; the figure is the deadline list's.
        foreach (var (userId, member) in team)
        {
            var listed = (await lead.GetJsonAsync($"/api/v1/deadlines?caseworkerId={userId}")).EnumerateArray()
                .Count(i => i.GetProperty("status").GetString() == "overdue");
            Assert.Equal(listed, member.GetProperty("overdue").GetInt32());
        }

        Assert.True(memberA.GetProperty("overdue").GetInt32() >= 1);

        // The case list filters behind the figures give the same numbers.
        Assert.Equal(2, (await lead.GetJsonAsync($"/api/v1/cases?caseworkerId={tenant.CaseworkerA.Id}&withoutContact=true")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await lead.GetJsonAsync($"/api/v1/cases?caseworkerId={tenant.CaseworkerA.Id}&phase=FDS")).GetProperty("total").GetInt32());
        Assert.Equal(2, (await lead.GetJsonAsync($"/api/v1/cases?caseworkerId={second.Id}&phase=P1")).GetProperty("total").GetInt32());

        using var caseworker = await app.LoginAsync(tenant.CaseworkerA);
        using var refused = await caseworker.GetAsync("/api/v1/team");
        await refused.ExpectAsync(HttpStatusCode.Forbidden);

        using var page = await app.SignInToPagesAsync(tenant.LeadA);
        var html = await page.GetStringAsync("/team");
        Assert.Contains($"/faelle?fachkraft={tenant.CaseworkerA.Id}&amp;ohneKontakt=true", html, StringComparison.Ordinal);
        Assert.Contains($"/faelle?fachkraft={second.Id}&amp;phase=P1", html, StringComparison.Ordinal);
        var filtered = await page.GetStringAsync($"/faelle?fachkraft={tenant.CaseworkerA.Id}&ohneKontakt=true");
        Assert.Contains("2 Aufträge", filtered, StringComparison.Ordinal);
    }

    private static (int P1, int P2, int P3, int Fds) Phases(JsonElement member)
    {
        var open = member.GetProperty("openCases");
        return (open.GetProperty("P1").GetInt32(), open.GetProperty("P2").GetInt32(), open.GetProperty("P3").GetInt32(), open.GetProperty("FDS").GetInt32());
    }
}
