using Microsoft.Data.Sqlite;
using Npgsql;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.TestSupport;

/// <summary>
/// A fresh database for one factory: a temporary SQLite file (default) or, with
/// <c>TEILHABE_TEST_DB=Postgres</c>, a new database on the server named by <c>TEILHABE_TEST_PG</c>.
/// </summary>
public abstract class TestDatabase
{
    public const string ProviderVariable = "TEILHABE_TEST_DB";
    public const string PostgresVariable = "TEILHABE_TEST_PG";

    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    public static TestDatabase FromEnvironment()
    {
        var provider = Environment.GetEnvironmentVariable(ProviderVariable);
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return new SqliteTestDatabase();
        }

        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var baseConnection = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(baseConnection))
            {
                throw new InvalidOperationException(
                    $"{ProviderVariable}=Postgres needs {PostgresVariable}, e.g. Host=127.0.0.1;Port=54329;Username=postgres");
            }

            return new PostgresTestDatabase(baseConnection);
        }

        throw new InvalidOperationException($"{ProviderVariable} must be Sqlite or Postgres, not '{provider}'.");
    }

    public abstract void Create();

    public abstract void Drop();
}

internal sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"teilhabe-test-{Guid.NewGuid():N}.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString => $"Data Source={_path};Foreign Keys=True";

    public override void Create()
    {
        // The app creates the file when it applies the migrations.
    }

    public override void Drop()
    {
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm", _path + "-journal", _path + ".startup.lock" })
        {
            File.Delete(file);
        }
    }
}

internal sealed class PostgresTestDatabase(string baseConnectionString) : TestDatabase
{
    private readonly string _name = $"teilhabe_test_{Guid.NewGuid():N}";

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string ConnectionString => new NpgsqlConnectionStringBuilder(baseConnectionString) { Database = _name }.ConnectionString;

    public override void Create() => ExecuteOnServer($"CREATE DATABASE \"{_name}\"");

    public override void Drop()
    {
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        ExecuteOnServer($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private void ExecuteOnServer(string sql)
    {
        var server = new NpgsqlConnectionStringBuilder(baseConnectionString) { Database = "postgres", Pooling = false };
        using var connection = new NpgsqlConnection(server.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
