using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Teilhabe.Bench.Data;

/// <summary>Receives the rows of one table.</summary>
public interface IRowSink : IAsyncDisposable
{
    void Add(object?[] row);

    Task CompleteAsync();
}

/// <summary>Opens a sink per table for one provider.</summary>
public interface ILoadTarget : IAsyncDisposable
{
    Task<IRowSink> OpenAsync(BulkTable table);

    /// <summary>Statistics for the planner after the load.</summary>
    Task AnalyzeAsync();
}

/// <summary>PostgreSQL: Npgsql binary COPY; foreign-key triggers are off for the loading session only (rows are consistent by construction).</summary>
public sealed class PostgresTarget(string connectionString) : ILoadTarget
{
    public async Task<IRowSink> OpenAsync(BulkTable table)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var cmd = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            await cmd.ExecuteNonQueryAsync();
        }

        var columns = string.Join(", ", table.Columns.Select(c => "\"" + c.Name + "\""));
        var writer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)");
        return new Sink(connection, writer, table);
    }

    public async Task AnalyzeAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Sink(NpgsqlConnection connection, NpgsqlBinaryImporter writer, BulkTable table) : IRowSink
    {
        private readonly string[] _types = [.. table.Columns.Select(c => c.PostgresType)];

        public void Add(object?[] row)
        {
            writer.StartRow();
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is { } value)
                {
                    writer.Write(value, _types[i]);
                }
                else
                {
                    writer.WriteNull();
                }
            }
        }

        public async Task CompleteAsync() => await writer.CompleteAsync();

        public async ValueTask DisposeAsync()
        {
            await writer.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}

/// <summary>SQLite: one connection, prepared inserts in transactions of <see cref="BatchSize"/> rows, WAL and synchronous=OFF while loading.</summary>
public sealed class SqliteTarget : ILoadTarget
{
    private const int BatchSize = 50_000;
    private readonly SqliteConnection _connection;

    private SqliteTarget(SqliteConnection connection) => _connection = connection;

    public static async Task<SqliteTarget> OpenAsync(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await ExecAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-200000;");
        return new SqliteTarget(connection);
    }

    public Task<IRowSink> OpenAsync(BulkTable table)
    {
        var command = _connection.CreateCommand();
        var names = string.Join(", ", table.Columns.Select(c => "\"" + c.Name + "\""));
        var values = string.Join(", ", table.Columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)));
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({names}) VALUES ({values})";
        var parameters = new DbParameter[table.Columns.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = table.Columns[i].CreateParameter(command, "$p" + i.ToString(CultureInfo.InvariantCulture));
            command.Parameters.Add(parameters[i]);
        }

        return Task.FromResult<IRowSink>(new Sink(_connection, command, parameters));
    }

    public async Task AnalyzeAsync() => await ExecAsync(_connection, "ANALYZE;");

    public async ValueTask DisposeAsync()
    {
        // Back to the journal mode the app normally runs with; synchronous=OFF ends with this connection.
        await ExecAsync(_connection, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;");
        await _connection.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    private static async Task ExecAsync(SqliteConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private sealed class Sink(SqliteConnection connection, SqliteCommand command, DbParameter[] parameters) : IRowSink
    {
        private SqliteTransaction? _transaction;
        private int _pending;

        public void Add(object?[] row)
        {
            if (_transaction is null)
            {
                _transaction = connection.BeginTransaction();
                command.Transaction = _transaction;
                command.Prepare();
            }

            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
            if (++_pending >= BatchSize)
            {
                _transaction.Commit();
                _transaction.Dispose();
                _transaction = null;
                _pending = 0;
            }
        }

        public Task CompleteAsync()
        {
            _transaction?.Commit();
            _transaction?.Dispose();
            _transaction = null;
            return Task.CompletedTask;
        }

        public async ValueTask DisposeAsync()
        {
            if (_transaction is not null)
            {
                await _transaction.RollbackAsync();
                await _transaction.DisposeAsync();
            }

            await command.DisposeAsync();
        }
    }
}
