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
        await using (var cmd = new NpgsqlCommand("SET session_replication_role = replica; SET maintenance_work_mem = '256MB'", connection))
        {
            await cmd.ExecuteNonQueryAsync();
        }

        // Secondary indexes are dropped for the copy and built again afterwards (one sort instead of a million inserts).
        var indexes = new List<(string Name, string Sql)>();
        await using (var cmd = new NpgsqlCommand(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = @t AND indexname NOT IN (SELECT conname FROM pg_constraint)",
            connection))
        {
            cmd.Parameters.AddWithValue("t", table.Name);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX \"{name}\"", connection);
            await drop.ExecuteNonQueryAsync();
        }

        var columns = string.Join(", ", table.Columns.Select(c => "\"" + c.Name + "\""));
        var writer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)");
        return new Sink(connection, writer, table, indexes);
    }

    public async Task AnalyzeAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Sink(NpgsqlConnection connection, NpgsqlBinaryImporter writer, BulkTable table, List<(string Name, string Sql)> indexes) : IRowSink
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

        public async Task CompleteAsync()
        {
            await writer.CompleteAsync();
            await writer.DisposeAsync();
            foreach (var (_, sql) in indexes)
            {
                await using var create = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
                await create.ExecuteNonQueryAsync();
            }
        }

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

    public async Task<IRowSink> OpenAsync(BulkTable table)
    {
        // Secondary indexes are dropped for the load and built again afterwards.
        var found = new List<(string Name, string Sql)>();
        await using (var list = _connection.CreateCommand())
        {
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $t AND sql IS NOT NULL";
            list.Parameters.AddWithValue("$t", table.Name);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                found.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in found)
        {
            await ExecAsync(_connection, $"DROP INDEX \"{name}\"");
        }

        var indexes = found.Select(i => i.Sql).ToList();

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

        return new Sink(_connection, command, parameters, indexes);
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
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync();
    }

    private sealed class Sink(SqliteConnection connection, SqliteCommand command, DbParameter[] parameters, List<string> indexes) : IRowSink
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

        public async Task CompleteAsync()
        {
            _transaction?.Commit();
            _transaction?.Dispose();
            _transaction = null;
            foreach (var sql in indexes)
            {
                await ExecAsync(connection, sql);
            }
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
