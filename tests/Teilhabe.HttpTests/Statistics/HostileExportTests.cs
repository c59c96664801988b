using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Data;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Statistics;

/// <summary>Exports that cannot be turned against their readers: no formulas in texts (STAT-03), no recoverable small cells (STAT-02).</summary>
public sealed class HostileExportTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private static readonly string[] Balance = ["startStock", "entries", "exits", "endStock"];
    private const string Formula = "=HYPERLINK(\"http://angreifer.example/\";\"Klick\")";

    [Fact]
    [Trait("Rule", "STAT-03")]
    public async Task A_formula_in_a_free_text_is_neutralised_in_the_CSV_export()
    {
        var (coordinator, serviceId) = await ServiceNamedAsync(Formula);

        using var response = await coordinator.GetAsync($"/api/v1/statistics/annual.csv?year=2025&serviceId={serviceId}");
        await response.ExpectAsync(HttpStatusCode.OK);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());

        Assert.Contains("\"'=HYPERLINK(", text, StringComparison.Ordinal);
        Assert.DoesNotContain(";\"=", text, StringComparison.Ordinal);
        Assert.DoesNotContain(";=", text, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "STAT-03")]
    public async Task A_formula_in_a_free_text_is_neutralised_in_the_XLSX_export()
    {
        var (coordinator, serviceId) = await ServiceNamedAsync(Formula);

        using var response = await coordinator.GetAsync($"/api/v1/statistics/annual.xlsx?year=2025&serviceId={serviceId}");
        await response.ExpectAsync(HttpStatusCode.OK);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = SpreadsheetDocument.Open(stream, false);
        var cells = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToList();

        Assert.Contains(cells, c => c.InlineString?.InnerText == "'" + Formula);
        Assert.DoesNotContain(cells, c => c.CellFormula is not null || (c.InlineString?.InnerText.StartsWith('=') ?? false));
        // Counts stay numbers.
        Assert.Contains(cells, c => c.DataType?.Value == CellValues.Number);
    }

    [Fact]
    [Trait("Rule", "STAT-02")]
    public async Task STAT02_a_suppressed_cell_cannot_be_recovered_from_the_balance()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        await SeedP3Async(tenant);
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        var url = $"/api/v1/statistics/annual?year=2025&serviceId={tenant.ServiceA}";

        // Exact: 3 at the start, 3 entries, 4 exits, 2 at the end — all women.
        var exact = Column(await GetAsync(coordinator, url), "total");
        Assert.Equal([3, 3, 4, 2], exact);

        // Published: the end stock (2) is below 3; with start, entries and exits shown it would be 3 + 3 − 4.
        foreach (var column in new[] { "total", "female" })
        {
            var published = Column(await GetAsync(coordinator, url + "&public=true"), column);
            Assert.Null(published[3]);
            Assert.True(published.Count(v => v is null) >= 2, $"{column}: {string.Join(", ", published)}");
        }
    }

    [Fact]
    [Trait("Rule", "STAT-02")]
    public async Task STAT02_a_suppressed_breakdown_cell_cannot_be_recovered_from_the_published_group_figures()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        await SeedFunderGroupsAsync(tenant);
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        var url = $"/api/v1/statistics/annual?year=2025&serviceId={tenant.ServiceA}";

        // Exact: 9 P3 cases served (4 at the start, 5 entries), all women: 4 Integrationsamt, 4 Reha, 1 Arbeitsvermittlung.
        var exact = await GetAsync(coordinator, url);
        Assert.Equal([4, 4, 1], FunderGroupWomen(exact));

        // Published: the women at the start and the entries (4 + 5) stay; the one woman of the Arbeitsvermittlung is
        // hidden, and with her another cell of the column, or she would be 9 − 4 − 4.
        var published = await GetAsync(coordinator, url + "&public=true");
        var p3 = published.GetProperty("groups").GetProperty("P3");
        Assert.Equal(4, p3.GetProperty("startStock").GetProperty("female").GetInt32());
        Assert.Equal(5, p3.GetProperty("entries").GetProperty("female").GetInt32());
        var women = FunderGroupWomen(published);
        Assert.Null(women[2]);
        Assert.True(women.Count(v => v is null) >= 2, string.Join(", ", women));
    }

    private static int?[] FunderGroupWomen(JsonElement s)
        => [.. s.GetProperty("breakdowns").GetProperty("funderGroup").EnumerateArray()
            .Select(r => r.GetProperty("count").GetProperty("female") is { ValueKind: JsonValueKind.Number } v ? v.GetInt32() : (int?)null)];

    private async Task<(HttpClient Coordinator, string ServiceId)> ServiceNamedAsync(string name)
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var admin = await factory.AdminClientAsync();
        using var created = await admin.PostAsJsonAsync("/api/v1/admin/services", new { name, providerId = tenant.ProviderId, integrationOfficeId = tenant.IntegrationOfficeId });
        var serviceId = await created.ReadCreatedIdAsync();
        return (await factory.LoginAsync(tenant.Coordinator), serviceId);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        await response.ExpectAsync(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static int?[] Column(JsonElement s, string column)
    {
        var g = s.GetProperty("groups").GetProperty("P3");
        return [.. Balance.Select(f => g.GetProperty(f).GetProperty(column) is { ValueKind: JsonValueKind.Number } v ? v.GetInt32() : (int?)null)];
    }

    /// <summary>
    /// Four P3 cases from 2024 (three of the Integrationsamt closed in 2025, one Reha); five entering P3 in 2025 (one of
    /// the Integrationsamt, three Reha, one of the Arbeitsvermittlung).
    /// </summary>
    private async Task SeedFunderGroupsAsync(TestTenant tenant)
    {
        var service = Guid.Parse(tenant.ServiceA);
        var office = Guid.Parse(tenant.IntegrationOfficeId);
        var worker = tenant.CaseworkerA.Id;
        var now = factory.Clock.GetUtcNow();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();

        void NewCase(string legalBasis, bool fromLastYear, bool closed = false)
        {
            var client = new Client(service, office, new ClientData("Statistik", factory.Unique("Person"), new DateOnly(1980, 1, 1), Gender.Female, null, null, WorkingLifePosition: "employee"));
            db.Clients.Add(client);
            var start = fromLastYear ? new DateOnly(2024, 5, 1) : new DateOnly(2025, 2, 1);
            var k = new Case(service, office, client.Id, factory.Unique("S"), worker, start, new CaseSettings(null, CareTypes.Retention, legalBasis, "other", "employer"));
            k.MoveTo(Phase.P3, start.AddMonths(1), worker, now, null, null, null);
            if (closed)
            {
                k.MoveTo(Phase.P4, new DateOnly(2025, 6, 1), worker, now, "fulfilled", "job-secured", null);
            }

            db.Cases.Add(k);
        }

        for (var i = 0; i < 3; i++)
        {
            NewCase("sgb9-185-2", fromLastYear: true, closed: true);
        }

        NewCase("sgb9-196-3", fromLastYear: true);
        NewCase("sgb9-185-2", fromLastYear: false);
        for (var i = 0; i < 3; i++)
        {
            NewCase("sgb9-196-3", fromLastYear: false);
        }

        NewCase("sgb9-196-3-analog", fromLastYear: false);
        await db.SaveChangesAsync();
    }

    /// <summary>Three P3 cases from 2024 closed in 2025; three entering P3 in 2025, one of them closed.</summary>
    private async Task SeedP3Async(TestTenant tenant)
    {
        var service = Guid.Parse(tenant.ServiceA);
        var office = Guid.Parse(tenant.IntegrationOfficeId);
        var worker = tenant.CaseworkerA.Id;
        var now = factory.Clock.GetUtcNow();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();

        void NewCase(DateOnly start, params (Phase To, DateOnly On)[] moves)
        {
            var client = new Client(service, office, new ClientData("Statistik", factory.Unique("Person"), new DateOnly(1980, 1, 1), Gender.Female, null, null, WorkingLifePosition: "employee"));
            db.Clients.Add(client);
            var k = new Case(service, office, client.Id, factory.Unique("S"), worker, start, new CaseSettings(null, CareTypes.Retention, "sgb9-185-2", "other", "employer"));
            foreach (var (to, on) in moves)
            {
                k.MoveTo(to, on, worker, now, PhaseLabels.IsClosed(to) ? "fulfilled" : null, PhaseLabels.IsClosed(to) ? "job-secured" : null, null);
            }

            db.Cases.Add(k);
        }

        for (var i = 0; i < 3; i++)
        {
            NewCase(new DateOnly(2024, 5, 1), (Phase.P3, new DateOnly(2024, 6, 1)), (Phase.P4, new DateOnly(2025, 5, 1)));
        }

        NewCase(new DateOnly(2025, 2, 1), (Phase.P3, new DateOnly(2025, 3, 1)), (Phase.P4, new DateOnly(2025, 9, 1)));
        NewCase(new DateOnly(2025, 2, 1), (Phase.P3, new DateOnly(2025, 3, 1)));
        NewCase(new DateOnly(2025, 2, 1), (Phase.P3, new DateOnly(2025, 3, 1)));
        await db.SaveChangesAsync();
    }
}
