using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Data;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.HttpTests.Statistics;

/// <summary>
/// Teilhabe:Database:ReadOnlyConnectionString: the § 197 statistics and their exports read a streaming replica; every
/// write, audit rows included, goes to the primary. The replica tests pause the replica's WAL replay, so what the
/// statistics then show can only have come from the replica.
/// </summary>
public sealed class ReadReplicaTests
{
    [ReplicaFact]
    public async Task Statistics_and_their_export_read_the_replica_a_new_P2_entry_appears_only_once_the_replica_replayed_it()
    {
        var (started, replica) = WithReplica();
        await using var app = started;
        var tenant = await TestTenant.CreateAsync(app, withSecondService: false);
        using var caseworker = await app.LoginAsync(tenant.CaseworkerA);
        using var lead = await app.LoginAsync(tenant.LeadA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync(app.Unique("Replikat"), "Rita") });
        await caseworker.SignNoticeAsync(id, app.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof");
        await caseworker.PatchOkAsync(id, new { plannedContents = "Beratung zum Arbeitsplatzerhalt" });
        var year = app.Today()[..4];
        await replica.CatchUpWithAsync(app.Database.ConnectionString);
        Assert.Equal(0, await P2EntriesAsync(lead, year));

        await replica.PauseReplayAsync();
        try
        {
            using (var p2 = await caseworker.MoveAsync(id, new { to = "P2" }))
            {
                await p2.ExpectAsync(HttpStatusCode.OK);
            }

            // The primary has the entry; the replica, not replaying, does not — and the statistics follow the replica.
            Assert.Equal("P2", await caseworker.PhaseOfAsync(id));
            Assert.Equal(0, await P2EntriesAsync(lead, year));
            Assert.Equal(0, await P2EntriesInCsvAsync(lead, year));
        }
        finally
        {
            await replica.ResumeReplayAsync();
        }

        await replica.CatchUpWithAsync(app.Database.ConnectionString);
        Assert.Equal(1, await P2EntriesAsync(lead, year));
        Assert.Equal(1, await P2EntriesInCsvAsync(lead, year));
    }

    [ReplicaFact]
    [Trait("Rule", "ACC-09")]
    public async Task The_replica_context_refuses_writes_and_audit_rows_are_written_to_the_primary()
    {
        var (started, replica) = WithReplica();
        await using var app = started;
        var tenant = await TestTenant.CreateAsync(app, withSecondService: false);
        using var caseworker = await app.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync(app.Unique("Protokoll"), "Paul") });
        await replica.CatchUpWithAsync(app.Database.ConnectionString);

        await using var scope = app.Services.CreateAsyncScope();
        var primary = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        var reads = scope.ServiceProvider.GetRequiredKeyedService<TeilhabeDbContext>(ReadReplica.Key);
        Assert.NotSame(primary, reads);
        Assert.True(await reads.Database.SqlQueryRaw<bool>("SELECT pg_is_in_recovery() AS \"Value\"").SingleAsync(), "the read context is not on the replica");
        Assert.False(await primary.Database.SqlQueryRaw<bool>("SELECT pg_is_in_recovery() AS \"Value\"").SingleAsync());
        reads.AuditEntries.Add(new AuditEntry(app.Clock.GetUtcNow(), tenant.CaseworkerA.Id, AuditActions.Read, "Case", id));
        await Assert.ThrowsAsync<InvalidOperationException>(() => reads.SaveChangesAsync());

        // An audited read while the replica stands still: its row lands on the primary at once.
        await replica.PauseReplayAsync();
        try
        {
            await caseworker.GetJsonAsync($"/api/v1/cases/{id}");
            Assert.True(await AuditedReadsOfAsync(app.Database.ConnectionString, id) > 0);
            Assert.Equal(0, await AuditedReadsOfAsync(replica.ConnectionFor(app.Database.ConnectionString), id));
        }
        finally
        {
            await replica.ResumeReplayAsync();
        }
    }

    [Fact]
    public async Task Without_a_replica_the_statistics_read_the_primary_through_the_requests_own_context()
    {
        await using var app = new TeilhabeFactory();

        await using var scope = app.Services.CreateAsyncScope();
        Assert.Same(
            scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>(),
            scope.ServiceProvider.GetRequiredKeyedService<TeilhabeDbContext>(ReadReplica.Key));
    }

    [Fact]
    public void A_read_replica_for_SQLite_stops_the_start_with_a_message()
    {
        var services = new ServiceCollection();

        var refused = Assert.Throws<InvalidOperationException>(() => services.AddReadReplica(
            new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ReadOnlyConnectionString = "Host=127.0.0.1;Port=5433" }));

        Assert.Contains("nur für PostgreSQL", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>An app whose read-only connection string names the replica's copy of the app's own test database.</summary>
    private static (TeilhabeFactory App, TestReplica Replica) WithReplica()
    {
        var replica = TestReplica.FromEnvironment()!;
        var settings = new Dictionary<string, string?>();
        var app = TeilhabeFactory.With(new() { Settings = settings });
        settings["Teilhabe:Database:ReadOnlyConnectionString"] = replica.ConnectionFor(app.Database.ConnectionString);
        return (app, replica);
    }

    private static async Task<int> P2EntriesAsync(HttpClient lead, string year)
    {
        var statistics = await lead.GetJsonAsync($"/api/v1/statistics/annual?year={year}");
        return statistics.GetProperty("groups").GetProperty("P2").GetProperty("entries").GetProperty("total").GetInt32();
    }

    private static async Task<int> P2EntriesInCsvAsync(HttpClient lead, string year)
    {
        using var response = await lead.GetAsync($"/api/v1/statistics/annual.csv?year={year}");
        await response.ExpectAsync(HttpStatusCode.OK);
        var line = (await response.Content.ReadAsStringAsync()).Split("\r\n")
            .Select(l => l.Split(';'))
            .Single(c => c.Length > 4 && c[0] == "groups.P2" && c[2] == "entries");
        return int.Parse(line[4], CultureInfo.InvariantCulture);
    }

    private static async Task<long> AuditedReadsOfAsync(string connectionString, string caseId)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT count(*) FROM "AuditEntries" WHERE "Action" = 'read' AND "EntityId" = @id""", connection);
        command.Parameters.AddWithValue("id", caseId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>A test that needs <see cref="TestReplica"/>: skipped, with the reason, on SQLite or without a replica.</summary>
public sealed class ReplicaFactAttribute : FactAttribute
{
    public ReplicaFactAttribute()
    {
        if (TestReplica.FromEnvironment() is null)
        {
            Skip = $"Needs TEILHABE_TEST_DB=Postgres and {TestReplica.Variable} (a streaming replica of TEILHABE_TEST_PG; scripts/test.sh starts one).";
        }
    }
}
