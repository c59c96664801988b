using System.Net;
using System.Net.Http.Json;
using Teilhabe.Core.Accounts;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.HttpTests.Programmes;
using Teilhabe.TestSupport;
using Xunit.Abstractions;

namespace Teilhabe.HttpTests.Platform;

/// <summary>
/// Issue 11 "No N+1": the important pages and endpoints send a bounded number of SQL commands, and that number
/// does not grow with the data. Every test measures the same request against a small world (3 contacts, LEK,
/// documents on the case; 3 open cases of the caseworker; 3 search hits; 3 bookings) and a larger one (15 each).
/// The bounds are the counts measured on SQLite (which sends every INSERT/UPDATE as a command of its own, PostgreSQL
/// batches them) plus about a fifth of headroom for harmless changes; a count above the bound or a growth beyond
/// <see cref="AllowedGrowth"/> fails with every command sent.
/// </summary>
public sealed class QueryCountTests(QueryCountTests.World world, ITestOutputHelper output) : IClassFixture<QueryCountTests.World>
{
    /// <summary>The larger world may cost this many commands more than the small one (none: it must not grow).</summary>
    private const int AllowedGrowth = 0;

    /// <summary>
    /// The case's overview /faelle/{id} and each section /faelle/{id}/{section} (issue 20): every view reads what it shows
    /// and nothing else. The bounds per view are in <see cref="CaseViewBound"/>.
    /// </summary>
    public static TheoryData<string> CaseViews => ["", "phase", "angaben", "dokumente", "berichte", "merkblatt", "fristen", "historie", "aufgaben"];

    /// <remarks>
    /// Every view: session, the case with its phase changes, agreements and deputies (one statement), the read's audit
    /// row, the client's name, the layout's service name. The overview adds the case's deadlines (every deadline source
    /// for the one case), the last contacts, the incident accesses and the next steps' facts; "phase" the next steps'
    /// facts and the commission panel; "berichte" versions, requests, goals and the plausibility list; "fristen" the
    /// deadlines and the CT-06 exceptions.
    /// </remarks>
    private static int CaseViewBound(string section) => section switch
    {
        "" => 26,
        "phase" => 19,
        "angaben" => 8,
        "dokumente" => 10,
        "berichte" => 19,
        "merkblatt" => 7,
        "fristen" => 17,
        "historie" => 8,
        "aufgaben" => 7,
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "no bound for this view of the case"),
    };

    /// <summary>Case list page /faelle and GET /api/v1/cases: the page of cases with client names and deadline flags.</summary>
    private const int CaseListBound = 25;

    /// <summary>GET /api/v1/cases/{id}: the case with its phase history and commission data.</summary>
    private const int CaseApiBound = 15;

    /// <summary>GET /api/v1/cases/{id}/contacts and /outcomes: access check, audit and one list.</summary>
    private const int CaseListsApiBound = 12;

    /// <summary>Client page /klienten/{id} and GET /api/v1/clients/{id}: person, proofs, disabilities, employment, cases.</summary>
    private const int ClientBound = 36;

    /// <summary>Client search page /klienten?q= and GET /api/v1/clients?q=: one page of hits with their disability status.</summary>
    private const int ClientSearchBound = 10;

    /// <summary>Contact form GET /faelle/{id}/kontakte/neu: case, open LEK, topics, draft.</summary>
    private const int ContactFormBound = 22;

    /// <summary>POST /api/v1/cases/{id}/contacts: access, validation against open LEK and catalogues, insert, audit.</summary>
    private const int ContactCreateBound = 22;

    /// <summary>Timeline /faelle/{id}/verlauf and LEK page /faelle/{id}/lek.</summary>
    private const int TimelineBound = 22;

    /// <summary>/wiedervorlagen and GET /api/v1/deadlines: every deadline source once for all cases in scope.</summary>
    private const int DeadlinesBound = 22;

    /// <summary>GET /api/v1/statistics/annual and /statistik: the § 197 SGB IX counts.</summary>
    private const int StatisticsBound = 36;

    /// <summary>/ina: InA-Koordination's workspace.</summary>
    private const int InaWorkspaceBound = 14;

    /// <summary>POST /api/v1/cases/{id}/reports: the report's data, the new version and its audit.</summary>
    private const int ReportBound = 40;

    /// <summary>Programme participation page /teilnahmen/{id}: participation, bookings, records, plan.</summary>
    private const int ParticipationBound = 16;

    /// <summary>User administration /verwaltung/benutzer and GET /api/v1/admin/users: the users with their roles.</summary>
    private const int UserListBound = 12;

    /// <summary>Programme list /programme and GET /api/v1/programmes: the programmes with their places used this year.</summary>
    private const int ProgrammeListBound = 12;

    private const int Small = 3;
    private const int Large = 15;

    [Theory]
    [MemberData(nameof(CaseViews))]
    public async Task Each_view_of_the_case_sends_a_bounded_number_of_commands_independent_of_contacts_LEK_and_documents(string section)
        => await ComparePagesAsync($"/faelle/{{id}}/{section}", CaseViewBound(section), s => section.Length == 0 ? $"/faelle/{s.RichCaseId}" : $"/faelle/{s.RichCaseId}/{section}");

    [Fact]
    public async Task The_case_list_page_does_not_query_per_case()
        => await ComparePagesAsync("/faelle", CaseListBound, _ => "/faelle");

    [Fact]
    public async Task GET_cases_does_not_query_per_case()
        => await CompareApiAsync("GET /api/v1/cases", CaseListBound, _ => "/api/v1/cases");

    [Fact]
    public async Task GET_case_does_not_query_per_phase_change_or_document()
        => await CompareApiAsync("GET /api/v1/cases/{id}", CaseApiBound, s => $"/api/v1/cases/{s.RichCaseId}");

    [Fact]
    public async Task GET_case_contacts_does_not_query_per_contact()
        => await CompareApiAsync("GET /api/v1/cases/{id}/contacts", CaseListsApiBound, s => $"/api/v1/cases/{s.RichCaseId}/contacts");

    [Fact]
    public async Task GET_case_outcomes_does_not_query_per_LEK()
        => await CompareApiAsync("GET /api/v1/cases/{id}/outcomes", CaseListsApiBound, s => $"/api/v1/cases/{s.RichCaseId}/outcomes");

    [Fact]
    public async Task GET_case_documents_does_not_query_per_document()
        => await CompareApiAsync("GET /api/v1/cases/{id}/documents", CaseListsApiBound, s => $"/api/v1/cases/{s.RichCaseId}/documents");

    [Fact]
    public async Task The_client_page_sends_a_bounded_number_of_commands()
        => await ComparePagesAsync("/klienten/{id}", ClientBound, s => $"/klienten/{s.RichClientId}");

    [Fact]
    public async Task GET_client_sends_a_bounded_number_of_commands()
        => await CompareApiAsync("GET /api/v1/clients/{id}", ClientBound, s => $"/api/v1/clients/{s.RichClientId}");

    [Fact]
    public async Task The_client_search_page_does_not_query_per_hit()
        => await ComparePagesAsync("/klienten?q=", ClientSearchBound, s => $"/klienten?q={s.LastName}");

    [Fact]
    public async Task GET_clients_search_does_not_query_per_hit()
        => await CompareApiAsync("GET /api/v1/clients?q=", ClientSearchBound, s => $"/api/v1/clients?q={s.LastName}");

    [Fact]
    public async Task The_contact_form_does_not_query_per_LEK()
        => await ComparePagesAsync("/faelle/{id}/kontakte/neu", ContactFormBound, s => $"/faelle/{s.RichCaseId}/kontakte/neu");

    [Fact]
    public async Task POST_contact_does_not_query_per_existing_contact_or_LEK()
    {
        var measured = new List<SqlMeasurement>();
        foreach (var side in world.Sides)
        {
            var when = DateTimeOffset.UtcNow.AddMinutes(-5);
            using (var warmUp = await side.Api.RecordContactAsync(side.RichCaseId, when, [side.OutcomeIds[0]]))
            {
                await warmUp.ExpectAsync(HttpStatusCode.Created);
            }

            measured.Add(await world.Factory.Sql.MeasureAsync(async () =>
            {
                using var created = await side.Api.RecordContactAsync(side.RichCaseId, when.AddMinutes(1), [side.OutcomeIds[^1]]);
                await created.ExpectAsync(HttpStatusCode.Created);
            }));
        }

        AssertBounded("POST /api/v1/cases/{id}/contacts", ContactCreateBound, measured[0], measured[1]);
    }

    [Fact]
    public async Task The_timeline_does_not_query_per_contact()
        => await ComparePagesAsync("/faelle/{id}/verlauf", TimelineBound, s => $"/faelle/{s.RichCaseId}/verlauf");

    [Fact]
    public async Task The_LEK_page_does_not_query_per_LEK()
        => await ComparePagesAsync("/faelle/{id}/lek", TimelineBound, s => $"/faelle/{s.RichCaseId}/lek");

    [Fact]
    public async Task The_deadline_page_does_not_query_per_case()
        => await ComparePagesAsync("/wiedervorlagen", DeadlinesBound, _ => "/wiedervorlagen");

    [Fact]
    public async Task GET_deadlines_does_not_query_per_case()
        => await CompareApiAsync("GET /api/v1/deadlines", DeadlinesBound, _ => "/api/v1/deadlines");

    [Fact]
    public async Task GET_annual_statistics_does_not_query_per_case()
        => await CompareAsync("GET /api/v1/statistics/annual", StatisticsBound, s => s.LeadApi, s => "/api/v1/statistics/annual");

    [Fact]
    public async Task The_statistics_page_does_not_query_per_case()
        => await CompareAsync("/statistik", StatisticsBound, s => s.LeadPages, s => "/statistik");

    [Fact]
    public async Task The_InA_workspace_does_not_query_per_case()
        => await CompareAsync("/ina", InaWorkspaceBound, s => s.CoordinatorPages, s => "/ina");

    [Fact]
    public async Task POST_report_does_not_query_per_contact_or_document()
    {
        var measured = new List<SqlMeasurement>();
        foreach (var side in world.Sides)
        {
            using (var warmUp = await side.Api.PostAsJsonAsync($"/api/v1/cases/{side.RichCaseId}/reports", new { kind = "InitialCounselling" }))
            {
                await warmUp.ExpectAsync(HttpStatusCode.Created);
            }

            measured.Add(await world.Factory.Sql.MeasureAsync(async () =>
            {
                using var created = await side.Api.PostAsJsonAsync($"/api/v1/cases/{side.RichCaseId}/reports", new { kind = "InitialCounselling" });
                await created.ExpectAsync(HttpStatusCode.Created);
            }));
        }

        AssertBounded("POST /api/v1/cases/{id}/reports", ReportBound, measured[0], measured[1]);
    }

    [Fact]
    public async Task The_participation_page_does_not_query_per_booking()
        => await CompareAsync("/teilnahmen/{id}", ParticipationBound, _ => world.TrainerPages, s => $"/teilnahmen/{s.ParticipationId}");

    [Fact]
    public async Task The_user_administration_does_not_query_roles_per_user()
    {
        var side = world.Sides[0];
        using var api = await world.Factory.LoginAsync(side.Tenant.Coordinator);
        using var pages = await world.Factory.SignInToPagesAsync(side.Tenant.Coordinator);
        await GrowAsync(
            "/verwaltung/benutzer and GET /api/v1/admin/users",
            UserListBound,
            [(pages, "/verwaltung/benutzer"), (api, "/api/v1/admin/users")],
            async () =>
            {
                for (var i = 0; i < Large - Small; i++)
                {
                    await world.Factory.CreateUserAsync(Roles.IntegrationOfficeCoordinator, officeId: side.Tenant.IntegrationOfficeId);
                }
            });
    }

    [Fact]
    public async Task The_programme_list_does_not_query_places_per_programme()
    {
        var staff = world.Staff;
        await GrowAsync(
            "/programme and GET /api/v1/programmes",
            ProgrammeListBound,
            [(world.TrainerPages, "/programme"), (staff.Trainer, "/api/v1/programmes")],
            async () =>
            {
                for (var i = 0; i < Large - Small; i++)
                {
                    await staff.CreateProgrammeAsync("modular-qualification", 10, world.ReferringBody);
                }
            });
    }

    /// <summary>Measures every request, lets the data grow, then measures again.</summary>
    private async Task GrowAsync(string what, int bound, (HttpClient Client, string Path)[] requests, Func<Task> grow)
    {
        async Task<SqlMeasurement> MeasureAllAsync()
        {
            foreach (var (client, path) in requests)
            {
                await GetOkAsync(client, path);
            }

            return await world.Factory.Sql.MeasureAsync(async () =>
            {
                foreach (var (client, path) in requests)
                {
                    await GetOkAsync(client, path);
                }
            });
        }

        var before = await MeasureAllAsync();
        await grow();
        var after = await MeasureAllAsync();
        AssertBounded(what, bound, before, after);
    }

    private Task ComparePagesAsync(string what, int bound, Func<Side, string> path)
        => CompareAsync(what, bound, s => s.Pages, path);

    private Task CompareApiAsync(string what, int bound, Func<Side, string> path)
        => CompareAsync(what, bound, s => s.Api, path);

    private async Task CompareAsync(string what, int bound, Func<Side, HttpClient> client, Func<Side, string> path)
    {
        var measured = new List<SqlMeasurement>();
        foreach (var side in world.Sides)
        {
            // The first request may fill caches (catalogues, profile); the steady state is what scales.
            await GetOkAsync(client(side), path(side));
            measured.Add(await world.Factory.Sql.MeasureAsync(() => GetOkAsync(client(side), path(side))));
        }

        AssertBounded(what, bound, measured[0], measured[1]);
    }

    private static async Task GetOkAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        await response.ExpectAsync(HttpStatusCode.OK);
    }

    private void AssertBounded(string what, int bound, SqlMeasurement small, SqlMeasurement large)
    {
        output.WriteLine($"{what}: {small.Count} SQL commands with {Small} items, {large.Count} with {Large} (bound {bound}).");
        output.WriteLine(large.Describe());
        Assert.True(small.Count > 0, $"{what}: no SQL command was counted, so the measurement itself is broken.");
        Assert.True(
            large.Count <= bound,
            $"{what} sent {large.Count} SQL commands with {Large} items, more than the bound of {bound}.\n" +
            $"With {Small}:\n{small.Describe()}\nWith {Large}:\n{large.Describe()}");
        Assert.True(
            large.Count <= small.Count + AllowedGrowth,
            $"{what} sent {small.Count} SQL commands with {Small} items but {large.Count} with {Large} (N+1?).\n" +
            $"With {Small}:\n{small.Describe()}\nWith {Large}:\n{large.Describe()}");
    }

    /// <summary>One tenant's data of a given size and the clients signed in to it.</summary>
    public sealed record Side(
        int Size,
        TestTenant Tenant,
        HttpClient Api,
        HttpClient Pages,
        HttpClient LeadApi,
        HttpClient LeadPages,
        HttpClient CoordinatorPages,
        string LastName,
        string RichClientId,
        string RichCaseId,
        IReadOnlyList<string> OutcomeIds,
        string ParticipationId);

    /// <summary>The small and the large world on one app, seeded once for the class through the API.</summary>
    public sealed class World : IAsyncLifetime
    {
        private readonly List<HttpClient> _clients = [];

        public TeilhabeFactory Factory { get; } = new();

        public IReadOnlyList<Side> Sides { get; private set; } = [];

        public HttpClient TrainerPages { get; private set; } = null!;

        public ProgrammeApi.Staff Staff { get; private set; } = null!;

        public string ReferringBody { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var staff = Staff = await Factory.ProgrammeStaffAsync();
            _clients.AddRange([staff.Lead, staff.Trainer]);
            var referringBody = ReferringBody = await staff.Lead.CreateFunderAsync("IntegrationAssistance", Factory.Unique("Eingliederungshilfe"));
            var programme = await staff.CreateProgrammeAsync("modular-qualification", 40, referringBody);
            for (var i = 1; i < Small; i++)
            {
                await staff.CreateProgrammeAsync("modular-qualification", 10, referringBody);
            }

            TrainerPages = Track(await Factory.SignInToPagesAsync(await Factory.CreateUserAsync(Roles.Trainer, staff.Tenant.ServiceA)));

            Sides = [await SideAsync(Small, staff, programme, referringBody), await SideAsync(Large, staff, programme, referringBody)];
        }

        public async Task DisposeAsync()
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }

            await Factory.DisposeAsync();
        }

        private HttpClient Track(HttpClient client)
        {
            _clients.Add(client);
            return client;
        }

        private async Task<Side> SideAsync(int size, ProgrammeApi.Staff staff, string programme, string referringBody)
        {
            var tenant = await TestTenant.CreateAsync(Factory, withSecondService: false);
            var api = Track(await Factory.LoginAsync(tenant.CaseworkerA));
            var lastName = Factory.Unique("Messung").Replace("-", string.Empty, StringComparison.Ordinal);
            var today = Factory.Today();

            // The caseworker's open cases, each in P2 (a Wiedervorlage from day one, PH-P2-02), each client a search hit.
            var caseIds = new List<string>();
            var clientIds = new List<string>();
            for (var i = 0; i < size; i++)
            {
                var clientId = await api.CreateClientAsync(lastName, $"Vorname{i}");
                var caseId = await api.CreateCaseAsync(new { clientId, caseGroupCode = "support-need", referringBodyCode = "self" });
                await api.SignNoticeAsync(caseId, today);
                await api.UploadOkAsync(caseId, "DataProtectionNotice", "DisabilityProof");
                await api.PatchOkAsync(caseId, new { plannedContents = "Arbeitsplatz sichern" });
                using var moved = await api.MoveAsync(caseId, new { to = "P2" });
                await moved.ExpectAsync(HttpStatusCode.OK);
                caseIds.Add(caseId);
                clientIds.Add(clientId);
            }

            // The rich case: LEK, contacts and documents in the given number.
            var rich = caseIds[0];
            var outcomes = new List<string>();
            for (var i = 0; i < size; i++)
            {
                outcomes.Add(await api.CreateOutcomeAsync(rich));
            }

            var now = Factory.Clock.GetUtcNow();
            for (var i = 0; i < size; i++)
            {
                using var contact = await api.RecordContactAsync(rich, now.AddHours(-2 - i), [outcomes[i]]);
                await contact.ExpectAsync(HttpStatusCode.Created);
                await api.UploadOkAsync(rich, "Other");
            }

            // A participation with the given number of bookings.
            var (participation, _) = await staff.Trainer.ReferOkAsync(programme, referringBody, "SGB9", Factory.BerlinToday().AddDays(-30));
            for (var i = 0; i < size; i++)
            {
                using var booked = await staff.Trainer.BookAsync(participation, "entry", Factory.BerlinToday().AddDays(-25 + i), 1);
                await booked.ExpectAsync(HttpStatusCode.Created);
            }

            return new Side(
                size,
                tenant,
                api,
                Track(await Factory.SignInToPagesAsync(tenant.CaseworkerA)),
                Track(await Factory.LoginAsync(tenant.LeadA)),
                Track(await Factory.SignInToPagesAsync(tenant.LeadA)),
                Track(await Factory.SignInToPagesAsync(tenant.Coordinator)),
                lastName,
                clientIds[0],
                rich,
                outcomes,
                participation);
        }
    }
}
