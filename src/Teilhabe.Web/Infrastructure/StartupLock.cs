using Microsoft.Data.Sqlite;
using Npgsql;

namespace Teilhabe.Web.Infrastructure;

/// <summary>
/// Serialises the start-up work of several app instances on one database (migrations, seeding, the bootstrap
/// administrator, the first Data Protection key, the document key file): instances started at the same moment
/// on an empty database would otherwise both create roles, the administrator or a key of their own.
/// <para>
/// PostgreSQL: a transaction-level advisory lock (<c>pg_advisory_xact_lock</c>) in a transaction of its own
/// connection; it ends with that transaction, so a crashed instance never leaves it behind, and it works through
/// PgBouncer in transaction pooling (a session lock could stay on a pooled server connection). SQLite: an exclusive lock on the file
/// <c>&lt;database&gt;.startup.lock</c> beside the database (SQLite is a single-machine database, so an OS file
/// lock reaches every instance that can open the file).
/// </para>
/// </summary>
internal sealed class StartupLock : IAsyncDisposable
{
    /// <summary>"Teilhabe" in ASCII, the key of the advisory lock.</summary>
    public const long AdvisoryKey = 0x5465_696C_6861_6265;

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    private readonly NpgsqlConnection? _connection;
    private readonly NpgsqlTransaction? _transaction;
    private readonly FileStream? _file;

    private StartupLock(NpgsqlConnection? connection, NpgsqlTransaction? transaction, FileStream? file)
    {
        _connection = connection;
        _transaction = transaction;
        _file = file;
    }

    /// <summary>The lock file of a SQLite database, or null for an in-memory database.</summary>
    public static string? SqliteLockFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        return string.IsNullOrWhiteSpace(source) || source == ":memory:" || builder.Mode == SqliteOpenMode.Memory
            ? null
            : Path.GetFullPath(source) + ".startup.lock";
    }

    /// <summary>Waits until no other instance holds the lock, then holds it until disposed.</summary>
    public static async Task<StartupLock> AcquireAsync(DatabaseProvider provider, string connectionString, ILogger logger, CancellationToken ct)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, CommandTimeout = (int)Patience.TotalSeconds };
            var connection = new NpgsqlConnection(builder.ConnectionString);
            try
            {
                await connection.OpenAsync(ct);
                var transaction = await connection.BeginTransactionAsync(ct);
                await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction);
                command.Parameters.AddWithValue("key", AdvisoryKey);
                await command.ExecuteNonQueryAsync(ct);
                return new StartupLock(connection, transaction, null);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        var lockFile = SqliteLockFile(connectionString);
        if (lockFile is null)
        {
            return new StartupLock(null, null, null);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        var waited = TimeSpan.Zero;
        var step = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive OS lock (flock on Linux) while the stream is open.
                return new StartupLock(null, null, new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (waited < Patience)
            {
                if (waited == TimeSpan.Zero)
                {
                    logger.LogInformation("Another instance is preparing the database; waiting for {LockFile}.", lockFile);
                }

                await Task.Delay(step, ct);
                waited += step;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            try
            {
                // Ending the transaction releases the lock (nothing was written in it).
                await _transaction!.RollbackAsync();
                await _transaction.DisposeAsync();
            }
            finally
            {
                await _connection.DisposeAsync();
            }
        }

        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }
}
