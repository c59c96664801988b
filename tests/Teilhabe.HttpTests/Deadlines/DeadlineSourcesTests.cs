using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.HttpTests.Programmes;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Deadlines;

/// <summary>The deadline list (section 10) shows requests and programme deadlines of the other features, each with its rule.</summary>
public sealed class DeadlineSourcesTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<List<(string? CaseId, string Rule, string Label, bool Overdue)>> DeadlinesAsync(HttpClient client)
    {
        var json = await client.GetJsonAsync("/api/v1/deadlines");
        return
        [
            .. json.EnumerateArray().Select(e => (
                e.GetProperty("caseId").ValueKind == JsonValueKind.String ? e.GetProperty("caseId").GetString() : null,
                e.GetProperty("rule").GetString()!,
                e.GetProperty("label").GetString()!,
                e.GetProperty("overdue").GetBoolean())),
        ];
    }

    [Fact]
    [Trait("Rule", "REP-04")]
    public async Task REP04_a_requested_Sachstandsbericht_is_on_the_caseworkers_list_until_it_is_generated()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        var due = factory.BerlinToday().AddDays(14);

        using var requested = await coordinator.PostAsJsonAsync($"/api/v1/cases/{id}/report-requests",
            new { kind = "Progress", requestedBy = "Integrationsamt Thüringen", dueDate = Iso(due) });

        await requested.ExpectAsync(HttpStatusCode.Created);
        var item = Assert.Single(await DeadlinesAsync(caseworker), i => i.Rule == "REP-04");
        Assert.Equal(id, item.CaseId);
        Assert.Contains("Integrationsamt Thüringen", item.Label, StringComparison.Ordinal);
        Assert.False(item.Overdue);
    }

    [Fact]
    [Trait("Rule", "PRG-TR-04")]
    public async Task PRGTR04_an_information_talk_not_given_within_a_week_is_overdue_on_the_trainers_list()
    {
        using var staff = await factory.ProgrammeStaffAsync();
        var agency = await staff.Lead.CreateFunderAsync("EmploymentAgency", factory.Unique("Agentur für Arbeit Trier"));
        var programme = await staff.CreateProgrammeAsync("coaching", 150, agency);
        var (participation, _) = await staff.Trainer.ReferOkAsync(programme, agency, "SGB3", factory.BerlinToday().AddDays(-8));

        var items = await DeadlinesAsync(staff.Trainer);

        var item = Assert.Single(items, i => i.Rule == "PRG-TR-04");
        Assert.True(item.Overdue);
        Assert.Null(item.CaseId);
        var json = await staff.Trainer.GetJsonAsync("/api/v1/deadlines");
        Assert.Contains(json.EnumerateArray(), e => e.GetProperty("link").GetString() == $"/teilnahmen/{participation}");
    }
}
