using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Contacts;
using Teilhabe.Core.Data;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Statistics;

/// <summary>
/// STAT-01..03 over the API on a hand-built dataset of 2025 (inserted through the domain and the DbContext, with
/// past dates). Every expected number below was worked out on paper from the histories listed in
/// <see cref="SeedAsync"/>; the comments there say where each case counts.
/// </summary>
public sealed class StatisticsApiTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private sealed record Seeded(TestTenant Tenant);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Seeded? _seeded;

    private async Task<Seeded> DataAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _seeded ??= await SeedAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Service A, period 2025 (start stock taken on 2024-12-31):
    /// K1  C1 f  retention 185-2 (InA) employer:   P1 2024-10-01 → P2 2024-11-01 → P3 2024-12-15 → P4 2025-06-30 job-secured
    ///          P2: before the period. P3: start stock, exit. LEKs: workplace-analysis 2025-02-01, jobcoaching 2024-12-20,
    ///          conflict-resolved 2025-03-01 (invalid), employer-counselled (no start date).
    /// K2  C2 m  placement sgb3 (JobPlacement) jobcenter: P1 2025-01-10 → P2 2025-02-01 → P3 2025-03-01 → P4 2025-11-30 permanent-employment
    ///          P2: entry, exit. P3: entry, exit. LEK internship 2025-04-01.
    /// K3  C3 d  placement reha-196 (Reha) school: P1 2025-03-01 → P3 2025-04-01 (open). P3: entry, end stock. LEK profile-done 2025-04-10.
    /// K4  C4 f  retention: P1 2024-01-05 → P2 2024-02-01 → P4 2024-03-15. Nothing in 2025.
    /// K5  C5 m  retention 185-2 employer: P1 2024-05-01 → P3 2024-06-01 → P4 2025-02-28 job-ended-dismissal-employer. P3: start stock, exit.
    /// K6  C6 u  P1 2025-05-01 → P4 2025-05-10 (P1 case: never counts, nor its LEK qb-done 2025-05-05).
    /// K7  C1 f  FDS: FP1 2024-11-20 → FP3 2024-12-01 → FP4 2025-01-20. FDS: start stock, exit.
    /// K8  C2 m  FDS: FP1 2025-09-01 → FP3 2025-09-15 (open). FDS: entry, end stock.
    /// K9  C4 f  FDS: FP1 2025-10-01 → FP5 2025-10-10 (never commissioned: not counted).
    /// K10 C5 m  P1 2025-12-01 → P2 2025-12-31 (open). P2: entry, end stock.
    /// K11 C6 u  P1 2025-12-20 → P3 2026-01-05. Nothing in 2025.
    /// K12 C3 d  P1 2025-06-01 → P2 2025-07-01 → P4 2025-08-15. P2: entry, exit.
    /// Service B: K13 CB f retention: P1 2025-01-15 → P3 2025-02-01 (open). P3: entry, end stock (only in InA's state scope).
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        var tenant = await TestTenant.CreateAsync(factory);
        var a = Guid.Parse(tenant.ServiceA);
        var b = Guid.Parse(tenant.ServiceB!);
        var office = Guid.Parse(tenant.IntegrationOfficeId);
        var worker = tenant.CaseworkerA.Id;
        var now = factory.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();

        Client NewClient(Guid service, Gender gender, DateOnly birth, string? position)
        {
            var c = new Client(service, office, new ClientData("Statistik", factory.Unique("Person"), birth, gender, null, null, WorkingLifePosition: position));
            db.Clients.Add(c);
            return c;
        }

        var c1 = NewClient(a, Gender.Female, D(1990, 6, 1), "employee");
        c1.AddDisability("mental", "Depression", recognised: true, careRelevant: true);
        c1.AddEvidence(EvidenceKind.Feststellungsbescheid, D(2020, 1, 1), null, 50, null);
        var c2 = NewClient(a, Gender.Male, D(1960, 3, 1), "unemployed");
        c2.AddDisability("hearing", "Schwerhörigkeit", recognised: true, careRelevant: true);
        c2.AddEvidence(EvidenceKind.Gleichstellungsbescheid, D(2019, 1, 1), null, 30, null);
        var c3 = NewClient(a, Gender.Diverse, D(2003, 5, 5), "pupil");
        var c4 = NewClient(a, Gender.Female, D(1975, 1, 1), "employee");
        c4.AddDisability("physical-orthopaedic", "Rücken", recognised: true, careRelevant: true);
        c4.AddEvidence(EvidenceKind.Feststellungsbescheid, D(2018, 1, 1), null, 30, null);
        var c5 = NewClient(a, Gender.Male, D(1985, 12, 31), "employee");
        c5.AddDisability("visual", "Sehbehinderung", recognised: true, careRelevant: true);
        c5.AddEvidence(EvidenceKind.Feststellungsbescheid, D(2017, 1, 1), null, 60, null);
        var c6 = NewClient(a, Gender.Unknown, D(1970, 7, 7), "sheltered-workshop");
        var cb = NewClient(b, Gender.Female, D(1980, 1, 1), "employee");

        Case NewCase(Client client, string? careType, string? legalBasis, string? referringBody, DateOnly start, params (Phase To, DateOnly On, string? Outcome)[] moves)
        {
            var k = new Case(client.ServiceId, office, client.Id, factory.Unique("S"), worker, start,
                new CaseSettings(null, careType, legalBasis, "other", referringBody));
            foreach (var (to, on, outcome) in moves)
            {
                k.MoveTo(to, on, worker, now, PhaseLabels.IsClosed(to) ? "fulfilled" : null, outcome, null);
            }

            db.Cases.Add(k);
            return k;
        }

        var k1 = NewCase(c1, CareTypes.Retention, "sgb9-185-2", "employer", D(2024, 10, 1),
            (Phase.P2, D(2024, 11, 1), null), (Phase.P3, D(2024, 12, 15), null), (Phase.P4, D(2025, 6, 30), "job-secured"));
        var k2 = NewCase(c2, CareTypes.Placement, "placement-sgb3-sgb2", "jobcenter", D(2025, 1, 10),
            (Phase.P2, D(2025, 2, 1), null), (Phase.P3, D(2025, 3, 1), null), (Phase.P4, D(2025, 11, 30), "permanent-employment"));
        var k3 = NewCase(c3, CareTypes.Placement, "reha-196", "school", D(2025, 3, 1), (Phase.P3, D(2025, 4, 1), null));
        NewCase(c4, CareTypes.Retention, "sgb9-185-2", "self", D(2024, 1, 5), (Phase.P2, D(2024, 2, 1), null), (Phase.P4, D(2024, 3, 15), null));
        NewCase(c5, CareTypes.Retention, "sgb9-185-2", "employer", D(2024, 5, 1),
            (Phase.P3, D(2024, 6, 1), null), (Phase.P4, D(2025, 2, 28), "job-ended-dismissal-employer"));
        var k6 = NewCase(c6, null, null, null, D(2025, 5, 1), (Phase.P4, D(2025, 5, 10), null));
        NewCase(c1, CareTypes.ExpertStatement, "fds-ina", "integration-office", D(2024, 11, 20), (Phase.FP3, D(2024, 12, 1), null), (Phase.FP4, D(2025, 1, 20), null));
        NewCase(c2, CareTypes.ExpertStatement, "fds-ina", "integration-office", D(2025, 9, 1), (Phase.FP3, D(2025, 9, 15), null));
        NewCase(c4, CareTypes.ExpertStatement, "fds-ina", "integration-office", D(2025, 10, 1), (Phase.FP5, D(2025, 10, 10), null));
        NewCase(c5, null, null, "employer", D(2025, 12, 1), (Phase.P2, D(2025, 12, 31), null));
        NewCase(c6, CareTypes.Retention, "sgb9-185-2", "employer", D(2025, 12, 20), (Phase.P3, D(2026, 1, 5), null));
        NewCase(c3, null, null, "school", D(2025, 6, 1), (Phase.P2, D(2025, 7, 1), null), (Phase.P4, D(2025, 8, 15), null));
        NewCase(cb, CareTypes.Retention, "sgb9-185-2", "employer", D(2025, 1, 15), (Phase.P3, D(2025, 2, 1), null));

        Outcome Lek(Case k, string code, DateOnly? start)
        {
            var o = new Outcome(k, code, null, now, worker);
            if (start is { } s)
            {
                o.Link(s, today);
            }

            db.Outcomes.Add(o);
            return o;
        }

        Lek(k1, "workplace-analysis", D(2025, 2, 1));
        Lek(k1, "jobcoaching", D(2024, 12, 20));
        Lek(k1, "conflict-resolved", D(2025, 3, 1)).Invalidate(worker, now, "doppelt erfasst");
        Lek(k1, "employer-counselled", null);
        Lek(k2, "internship", D(2025, 4, 1));
        Lek(k3, "profile-done", D(2025, 4, 10));
        Lek(k6, "qb-done", D(2025, 5, 5));
        await db.SaveChangesAsync();
        return new Seeded(tenant);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        await response.ExpectAsync(HttpStatusCode.OK);
        return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A count cell as [total, female, male, diverse, unknown]; null stays null.</summary>
    private static readonly string[] CellNames = ["total", "female", "male", "diverse", "unknown"];

    private static int?[] Cells(JsonElement c)
        => [.. CellNames.Select(n => c.GetProperty(n).ValueKind == JsonValueKind.Null ? (int?)null : c.GetProperty(n).GetInt32())];

    private static int?[] Row(JsonElement list, string code)
        => Cells(list.EnumerateArray().Single(r => r.GetProperty("code").GetString() == code).GetProperty("count"));

    private static void Group(JsonElement s, string group, int?[] start, int?[] entries, int?[] exits, int?[] end)
    {
        var g = s.GetProperty("groups").GetProperty(group);
        Assert.Equal(start, Cells(g.GetProperty("startStock")));
        Assert.Equal(entries, Cells(g.GetProperty("entries")));
        Assert.Equal(exits, Cells(g.GetProperty("exits")));
        Assert.Equal(end, Cells(g.GetProperty("endStock")));
    }

    [Fact]
    [Trait("Rule", "STAT-01")]
    public async Task STAT01_every_figure_of_2025_for_one_IFD_matches_the_numbers_worked_out_on_paper()
    {
        var data = await DataAsync();
        using var lead = await factory.LoginAsync(data.Tenant.LeadA);
        var s = await GetAsync(lead, "/api/v1/statistics/annual?year=2025");

        Assert.Equal("2025-01-01", s.GetProperty("from").GetString());
        Assert.Equal("2025-12-31", s.GetProperty("to").GetString());
        //                 [total, f, m, d, u]
        // P2: K2 (m) and K12 (d) enter and leave, K10 (m) enters on 31 Dec and stays; K1/K4 were P2 only in 2024.
        Group(s, "P2", start: [0, 0, 0, 0, 0], entries: [3, 0, 2, 1, 0], exits: [2, 0, 1, 1, 0], end: [1, 0, 1, 0, 0]);
        // P3: K1 (f) and K5 (m) in stock on 31 Dec 2024 and leave; K2 (m) enters and leaves; K3 (d) enters and stays; K11 enters 2026.
        Group(s, "P3", start: [2, 1, 1, 0, 0], entries: [2, 0, 1, 1, 0], exits: [3, 1, 2, 0, 0], end: [1, 0, 0, 1, 0]);
        // FDS counts from FP3: K7 (f) in stock and handed in; K8 (m) commissioned and open; K9 never commissioned.
        Group(s, "FDS", start: [1, 1, 0, 0, 0], entries: [1, 0, 1, 0, 0], exits: [1, 1, 0, 0, 0], end: [1, 0, 1, 0, 0]);

        // Closed P3 cases: K1 job-secured (f), K2 permanent-employment (m), K5 job-ended-dismissal-employer (m).
        var outcomes = s.GetProperty("outcomes");
        Assert.Equal([1, 1, 0, 0, 0], Row(outcomes, "job-secured"));
        Assert.Equal([1, 0, 1, 0, 0], Row(outcomes, "permanent-employment"));
        Assert.Equal([1, 0, 1, 0, 0], Row(outcomes, "job-ended-dismissal-employer"));
        Assert.Equal([0, 0, 0, 0, 0], Row(outcomes, "not-placed"));
        Assert.Equal(3, outcomes.EnumerateArray().Sum(r => r.GetProperty("count").GetProperty("total").GetInt32()));

        // Sicherungen closed: K1 (secured, f) and K5 (ended, m): 1 of 2 = 50 %.
        var share = s.GetProperty("securedShare");
        Assert.Equal([1, 1, 0, 0, 0], Cells(share.GetProperty("secured")));
        Assert.Equal([2, 1, 1, 0, 0], Cells(share.GetProperty("closed")));
        Assert.Equal(50.0, share.GetProperty("percent").GetDouble());

        // Breakdowns over the P3 cases served in 2025: K1 (C1 f), K2 (C2 m), K3 (C3 d), K5 (C5 m).
        var bd = s.GetProperty("breakdowns");
        Assert.Equal([2, 1, 1, 0, 0], Row(bd.GetProperty("personGroup"), "employee"));
        Assert.Equal([1, 0, 1, 0, 0], Row(bd.GetProperty("personGroup"), "unemployed"));
        Assert.Equal([1, 0, 0, 1, 0], Row(bd.GetProperty("personGroup"), "pupil"));
        Assert.Equal([0, 0, 0, 0, 0], Row(bd.GetProperty("personGroup"), "sheltered-workshop"));
        Assert.Equal([1, 1, 0, 0, 0], Row(bd.GetProperty("disabilityType"), "mental"));
        Assert.Equal([1, 0, 1, 0, 0], Row(bd.GetProperty("disabilityType"), "hearing"));
        Assert.Equal([1, 0, 1, 0, 0], Row(bd.GetProperty("disabilityType"), "visual"));
        Assert.Equal([1, 0, 0, 1, 0], Row(bd.GetProperty("disabilityType"), "unspecified"));
        Assert.Equal([2, 1, 1, 0, 0], Row(bd.GetProperty("disabilityStatus"), "severely-disabled"));
        Assert.Equal([1, 0, 1, 0, 0], Row(bd.GetProperty("disabilityStatus"), "equated"));
        Assert.Equal([1, 0, 0, 1, 0], Row(bd.GetProperty("disabilityStatus"), "other"));
        Assert.Equal([2, 1, 1, 0, 0], Row(bd.GetProperty("funderGroup"), "IntegrationOffice"));
        Assert.Equal([1, 0, 0, 1, 0], Row(bd.GetProperty("funderGroup"), "Rehabilitation"));
        Assert.Equal([1, 0, 1, 0, 0], Row(bd.GetProperty("funderGroup"), "JobPlacement"));
        Assert.Equal([2, 1, 1, 0, 0], Row(bd.GetProperty("referringBody"), "employer"));
        Assert.Equal([1, 0, 1, 0, 0], Row(bd.GetProperty("referringBody"), "jobcenter"));
        Assert.Equal([1, 0, 0, 1, 0], Row(bd.GetProperty("referringBody"), "school"));
        Assert.Equal([2, 1, 1, 0, 0], Row(bd.GetProperty("careType"), "retention"));
        Assert.Equal([2, 0, 1, 1, 0], Row(bd.GetProperty("careType"), "placement"));

        // Age on 1 Jan 2025: C1 34 (f), C2 64 (m), C3 21 (d), C5 39 (m).
        var age = bd.GetProperty("ageGroup");
        Assert.Equal([1, 0, 0, 1, 0], Row(age, "0-24"));
        Assert.Equal([1, 1, 0, 0, 0], Row(age, "25-34"));
        Assert.Equal([1, 0, 1, 0, 0], Row(age, "35-44"));
        Assert.Equal([0, 0, 0, 0, 0], Row(age, "45-54"));
        Assert.Equal([1, 0, 1, 0, 0], Row(age, "55+"));

        // Measures of the secured job (K1): its valid LEKs with a start date, whatever the year.
        var measures = bd.GetProperty("securedMeasures");
        Assert.Equal([1, 1, 0, 0, 0], Row(measures, "workplace-analysis"));
        Assert.Equal([1, 1, 0, 0, 0], Row(measures, "jobcoaching"));
        Assert.Equal(2, measures.GetArrayLength());

        // LEK 2025: workplace-analysis (K1 f), internship (K2 m), profile-done (K3 d); not the invalid one, not the
        // start-less one, not jobcoaching (started 2024), not qb-done of the P1 case K6.
        var leks = s.GetProperty("leks");
        Assert.Equal([1, 1, 0, 0, 0], Row(leks, "workplace-analysis"));
        Assert.Equal([1, 0, 1, 0, 0], Row(leks, "internship"));
        Assert.Equal([1, 0, 0, 1, 0], Row(leks, "profile-done"));
        Assert.Equal([0, 0, 0, 0, 0], Row(leks, "conflict-resolved"));
        Assert.Equal([0, 0, 0, 0, 0], Row(leks, "employer-counselled"));
        Assert.Equal([0, 0, 0, 0, 0], Row(leks, "jobcoaching"));
        Assert.Equal([0, 0, 0, 0, 0], Row(leks, "qb-done"));
        Assert.Equal([3, 1, 1, 1, 0], Row(bd.GetProperty("lekFunder"), "none"));
    }

    [Fact]
    [Trait("Rule", "STAT-01")]
    public async Task STAT01_a_free_range_uses_the_same_definitions_and_the_balance_holds()
    {
        var data = await DataAsync();
        using var lead = await factory.LoginAsync(data.Tenant.LeadA);

        // 1 Mar – 30 Jun 2025; start stock on 28 Feb: K1 (f), K2 (m; entered 1 Mar → entry, not stock), K5 left on 28 Feb.
        var s = await GetAsync(lead, "/api/v1/statistics/annual?from=2025-03-01&to=2025-06-30");
        Group(s, "P3", start: [1, 1, 0, 0, 0], entries: [2, 0, 1, 1, 0], exits: [1, 1, 0, 0, 0], end: [2, 0, 1, 1, 0]);
        foreach (var g in new[] { "P2", "P3", "FDS" })
        {
            var f = s.GetProperty("groups").GetProperty(g);
            var start = Cells(f.GetProperty("startStock"));
            var entries = Cells(f.GetProperty("entries"));
            var exits = Cells(f.GetProperty("exits"));
            var end = Cells(f.GetProperty("endStock"));
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(end[i], start[i] + entries[i] - exits[i]);
            }
        }
    }

    [Fact]
    [Trait("Rule", "STAT-01")]
    public async Task STAT01_InA_sees_its_whole_state_filters_one_IFD_and_compares_the_IFDs()
    {
        var data = await DataAsync();
        using var coordinator = await factory.LoginAsync(data.Tenant.Coordinator);

        // Whole state: service A plus K13 of service B (P3 entry, end stock, f).
        var state = await GetAsync(coordinator, "/api/v1/statistics/annual?year=2025");
        Group(state, "P3", start: [2, 1, 1, 0, 0], entries: [3, 1, 1, 1, 0], exits: [3, 1, 2, 0, 0], end: [2, 1, 0, 1, 0]);

        var onlyB = await GetAsync(coordinator, $"/api/v1/statistics/annual?year=2025&serviceId={data.Tenant.ServiceB}");
        Group(onlyB, "P3", start: [0, 0, 0, 0, 0], entries: [1, 1, 0, 0, 0], exits: [0, 0, 0, 0, 0], end: [1, 1, 0, 0, 0]);
        Group(onlyB, "P2", start: [0, 0, 0, 0, 0], entries: [0, 0, 0, 0, 0], exits: [0, 0, 0, 0, 0], end: [0, 0, 0, 0, 0]);

        var compare = await GetAsync(coordinator, "/api/v1/statistics/annual/by-service?year=2025");
        var services = compare.GetProperty("services").EnumerateArray().ToList();
        var a = services.Single(x => x.GetProperty("serviceId").GetString() == data.Tenant.ServiceA);
        var b = services.Single(x => x.GetProperty("serviceId").GetString() == data.Tenant.ServiceB);
        Assert.Equal([2, 0, 1, 1, 0], Cells(a.GetProperty("groups").GetProperty("P3").GetProperty("entries")));
        Assert.Equal([1, 1, 0, 0, 0], Cells(b.GetProperty("groups").GetProperty("P3").GetProperty("entries")));
        Assert.Equal([3, 0, 2, 1, 0], Cells(a.GetProperty("groups").GetProperty("P2").GetProperty("entries")));
    }

    [Fact]
    [Trait("Rule", "STAT-01")]
    public async Task STAT01_caseworkers_get_403_and_another_IFD_answers_404()
    {
        var data = await DataAsync();
        using var caseworker = await factory.LoginAsync(data.Tenant.CaseworkerA);
        using (var r = await caseworker.GetAsync("/api/v1/statistics/annual?year=2025"))
        {
            await r.ExpectAsync(HttpStatusCode.Forbidden);
        }

        using (var r = await caseworker.GetAsync("/api/v1/statistics/annual.csv?year=2025"))
        {
            await r.ExpectAsync(HttpStatusCode.Forbidden);
        }

        using var lead = await factory.LoginAsync(data.Tenant.LeadA);
        using (var r = await lead.GetAsync($"/api/v1/statistics/annual?year=2025&serviceId={data.Tenant.ServiceB}"))
        {
            await r.ExpectAsync(HttpStatusCode.NotFound);
        }

        using (var r = await lead.GetAsync($"/api/v1/statistics/annual.xlsx?year=2025&serviceId={data.Tenant.ServiceB}"))
        {
            await r.ExpectAsync(HttpStatusCode.NotFound);
        }

        var other = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var foreignInA = await factory.LoginAsync(other.Coordinator);
        using (var r = await foreignInA.GetAsync($"/api/v1/statistics/annual?year=2025&serviceId={data.Tenant.ServiceA}"))
        {
            await r.ExpectAsync(HttpStatusCode.NotFound);
        }

        // The other state's InA sees nothing of this state's cases.
        var empty = await GetAsync(foreignInA, "/api/v1/statistics/annual?year=2025");
        Group(empty, "P3", start: [0, 0, 0, 0, 0], entries: [0, 0, 0, 0, 0], exits: [0, 0, 0, 0, 0], end: [0, 0, 0, 0, 0]);

        using (var r = await lead.GetAsync("/api/v1/statistics/annual?year=2025&from=2025-01-01&to=2025-02-01"))
        {
            await r.ExpectAsync(HttpStatusCode.BadRequest);
        }

        using (var r = await lead.GetAsync("/api/v1/statistics/annual?from=2025-03-01&to=2025-02-01"))
        {
            await r.ExpectAsync(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    [Trait("Rule", "STAT-03")]
    public async Task STAT03_data_quality_counts_incomplete_open_cases_and_LEK_without_start_date_per_caseworker()
    {
        var data = await DataAsync();
        using var lead = await factory.SignInToPagesAsync(data.Tenant.LeadA);
        using var response = await lead.GetAsync("/statistik/datenqualitaet?year=2025");
        await response.ExpectAsync(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();

        // Open cases of service A: K3 (P3), K8 (FP3), K10 (P2), K11 (P3) — all lack at least the funder (and more);
        // one valid LEK without start date (K1 employer-counselled); no late contact.
        var name = $"<th scope=\"row\">Fachkraft {data.Tenant.CaseworkerA.UserName}</th>";
        var at = html.IndexOf(name, StringComparison.Ordinal);
        Assert.True(at >= 0, html);
        var cells = System.Text.RegularExpressions.Regex.Matches(html[at..], "<td class=\"num\">(\\d+)</td>").Take(3).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["4", "1", "0"], cells);
        Assert.Contains("</a>: fehlt ", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "STAT-02")]
    public async Task STAT02_the_publication_export_suppresses_cells_below_3_and_the_exact_figures_stay_exact()
    {
        var data = await DataAsync();
        using var coordinator = await factory.LoginAsync(data.Tenant.Coordinator);
        var url = $"/api/v1/statistics/annual?year=2025&serviceId={data.Tenant.ServiceA}";

        var exact = await GetAsync(coordinator, url);
        Group(exact, "P3", start: [2, 1, 1, 0, 0], entries: [2, 0, 1, 1, 0], exits: [3, 1, 2, 0, 0], end: [1, 0, 0, 1, 0]);

        var published = await GetAsync(coordinator, url + "&public=true");
        Assert.True(published.GetProperty("public").GetBoolean());
        // Only the exits total (3) and the P2 entries total (3) reach the minimum of 3; every other cell is null.
        Group(published, "P3", start: [null, null, null, null, null], entries: [null, null, null, null, null],
            exits: [3, null, null, null, null], end: [null, null, null, null, null]);
        Group(published, "P2", start: [null, null, null, null, null], entries: [3, null, null, null, null],
            exits: [null, null, null, null, null], end: [null, null, null, null, null]);
        Assert.Equal([null, null, null, null, null], Row(published.GetProperty("outcomes"), "job-secured"));
        Assert.Equal(JsonValueKind.Null, published.GetProperty("securedShare").GetProperty("percent").ValueKind);
        Assert.Equal([3, null, null, null, null], Row(published.GetProperty("breakdowns").GetProperty("lekFunder"), "none"));

        // No personal data: no names, no birth dates, no case numbers anywhere in the answer.
        var text = published.GetRawText() + exact.GetRawText();
        Assert.DoesNotContain("Statistik", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Person-", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1990-06-01", text, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "STAT-03")]
    public async Task STAT03_CSV_and_XLSX_read_back_equal_the_JSON_figures()
    {
        var data = await DataAsync();
        using var lead = await factory.LoginAsync(data.Tenant.LeadA);
        foreach (var query in new[] { "year=2025", "year=2025&public=true" })
        {
            var json = await GetAsync(lead, "/api/v1/statistics/annual?" + query);
            var expected = Flatten(json);

            using var csvResponse = await lead.GetAsync("/api/v1/statistics/annual.csv?" + query);
            await csvResponse.ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
            var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
            Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
            var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
            var header = Array.IndexOf(lines, lines.First(l => l.StartsWith("Abschnittskennung;", StringComparison.Ordinal)));
            var csv = lines[(header + 1)..].Where(l => l.Length > 0).Select(l => l.Split(';')).ToDictionary(
                c => $"{c[0]}|{c[2]}", c => c[4..9].Select(v => v == "–" ? (int?)null : int.Parse(v, CultureInfo.InvariantCulture)).ToArray());
            Assert.Equal(expected.Keys.Order(), csv.Keys.Order());
            foreach (var (key, cells) in expected)
            {
                Assert.True(cells.SequenceEqual(csv[key]), $"CSV {key}");
            }

            using var xlsxResponse = await lead.GetAsync("/api/v1/statistics/annual.xlsx?" + query);
            await xlsxResponse.ExpectAsync(HttpStatusCode.OK);
            using var stream = new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync());
            using var doc = SpreadsheetDocument.Open(stream, false);
            var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
            var rows = sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(CellText).ToList()).ToList();
            var headerRow = rows.FindIndex(r => r.Count > 0 && r[0] == "Abschnittskennung");
            var xlsx = rows[(headerRow + 1)..].ToDictionary(
                r => $"{r[0]}|{r[2]}", r => r[4..9].Select(v => v == "–" ? (int?)null : int.Parse(v, CultureInfo.InvariantCulture)).ToArray());
            Assert.Equal(expected.Keys.Order(), xlsx.Keys.Order());
            foreach (var (key, cells) in expected)
            {
                Assert.True(cells.SequenceEqual(xlsx[key]), $"XLSX {key}");
            }
        }
    }

    private static string CellText(Cell c)
        => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? string.Empty;

    /// <summary>Every count of the JSON keyed as the export keys it ("section|code").</summary>
    private static Dictionary<string, int?[]> Flatten(JsonElement s)
    {
        var d = new Dictionary<string, int?[]>();
        foreach (var g in s.GetProperty("groups").EnumerateObject())
        {
            foreach (var f in new[] { "startStock", "entries", "exits", "endStock" })
            {
                d[$"groups.{g.Name}|{f}"] = Cells(g.Value.GetProperty(f));
            }
        }

        foreach (var r in s.GetProperty("outcomes").EnumerateArray())
        {
            d[$"outcomes|{r.GetProperty("code").GetString()}"] = Cells(r.GetProperty("count"));
        }

        d["securedShare|secured"] = Cells(s.GetProperty("securedShare").GetProperty("secured"));
        d["securedShare|closed"] = Cells(s.GetProperty("securedShare").GetProperty("closed"));
        foreach (var b in s.GetProperty("breakdowns").EnumerateObject())
        {
            foreach (var r in b.Value.EnumerateArray())
            {
                d[$"breakdowns.{b.Name}|{r.GetProperty("code").GetString()}"] = Cells(r.GetProperty("count"));
            }
        }

        foreach (var r in s.GetProperty("leks").EnumerateArray())
        {
            d[$"leks|{r.GetProperty("code").GetString()}"] = Cells(r.GetProperty("count"));
        }

        return d;
    }
}
