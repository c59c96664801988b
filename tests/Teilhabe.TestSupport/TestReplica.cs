using Npgsql;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.TestSupport;

/// <summary>
/// The streaming replica of the PostgreSQL test server, named by <c>TEILHABE_TEST_PG_REPLICA</c> (scripts/test.sh starts
/// one). A database a factory creates on the primary appears on the replica by replay, under the same name.
/// </summary>
public sealed class TestReplica(string baseConnectionString)
{
    public const string Variable = "TEILHABE_TEST_PG_REPLICA";

    /// <summary>The replica, or null when the tests run on SQLite or without one.</summary>
    public static TestReplica? FromEnvironment()
        => TestDatabase.FromEnvironment().Provider == DatabaseProvider.Postgres
           && Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connection
            ? new TestReplica(connection)
            : null;

    /// <summary>The replica's copy of the database behind <paramref name="primaryConnectionString"/>.</summary>
    public string ConnectionFor(string primaryConnectionString)
        => new NpgsqlConnectionStringBuilder(baseConnectionString) { Database = new NpgsqlConnectionStringBuilder(primaryConnectionString).Database }.ConnectionString;

    /// <summary>Stops replaying WAL (the replica keeps answering with what it has) until <see cref="ResumeReplayAsync"/>.</summary>
    public async Task PauseReplayAsync()
    {
        await ExecuteAsync("SELECT pg_wal_replay_pause()");
        await WaitAsync(async () => (string?)await ScalarAsync(baseConnectionString, "SELECT pg_get_wal_replay_pause_state()") == "paused", "the replay to pause");
    }

    public Task ResumeReplayAsync() => ExecuteAsync("SELECT pg_wal_replay_resume()");

    /// <summary>
    /// Waits until the replica has replayed everything the primary had inserted into its WAL when this was called. The
    /// insert position, not the write position: with synchronous_commit=off (the test cluster) a committed transaction's
    /// record may still sit in the WAL buffers, behind the write position, for up to the WAL writer's delay.
    /// </summary>
    public async Task CatchUpWithAsync(string primaryConnectionString)
    {
        var written = (string)(await ScalarAsync(primaryConnectionString, "SELECT pg_current_wal_insert_lsn()::text"))!;
        await WaitAsync(
            async () => (bool)(await ScalarAsync(baseConnectionString, $"SELECT coalesce(pg_last_wal_replay_lsn() >= '{written}'::pg_lsn, false)"))!,
            $"the replica to replay up to {written}");
    }

    private Task ExecuteAsync(string sql) => ScalarAsync(baseConnectionString, sql);

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        var server = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        if (string.IsNullOrEmpty(server.Database))
        {
            server.Database = "postgres";
        }

        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task WaitAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 30 s for {what}.");
            }

            await Task.Delay(50);
        }
    }
}
