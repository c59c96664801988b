using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Teilhabe.Web.Features.Documents;

namespace Teilhabe.Web.Infrastructure;

/// <summary>
/// Backup and restore of one installation (README "Operations"): the database (SQLite: an online snapshot with
/// VACUUM INTO; PostgreSQL: pg_dump in custom format) and the document store's objects exactly as stored, i.e.
/// still encrypted. The document key is deliberately not part of the backup: keep it apart from the backup media.
/// Restore goes into an empty database and an empty document store only.
/// </summary>
internal static class Backup
{
    public const string SqliteFile = "teilhabe.db";
    public const string PostgresFile = "teilhabe.dump";
    public const string DocumentsFolder = "documents";
    public const string ManifestFile = "manifest.json";

    public sealed record Manifest(DateTimeOffset CreatedAt, string Provider, int Documents);

    public static async Task<Manifest> CreateAsync(IServiceProvider services, string folder, CancellationToken ct)
    {
        var options = services.GetRequiredService<IOptions<TeilhabeOptions>>().Value.Database;
        var connectionString = ConnectionStringOf(services);
        System.IO.Directory.CreateDirectory(folder);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            await RunPgToolAsync("pg_dump", connectionString, ["--format=custom", "--no-owner", "--file", Path.Combine(folder, PostgresFile)], ct);
        }
        else
        {
            var target = Path.GetFullPath(Path.Combine(folder, SqliteFile));
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $target";
            command.Parameters.AddWithValue("$target", target);
            await command.ExecuteNonQueryAsync(ct);
        }

        var (blobs, _) = DocumentStorage.Backend(services);
        var documents = 0;
        await foreach (var key in blobs.ListAsync(ct))
        {
            var bytes = await blobs.GetAsync(key, ct);
            if (bytes is null)
            {
                continue;
            }

            var path = Path.Combine(folder, DocumentsFolder, key.Replace('/', Path.DirectorySeparatorChar));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, bytes, ct);
            documents++;
        }

        var manifest = new Manifest(services.GetRequiredService<TimeProvider>().GetUtcNow(), options.Provider.ToString(), documents);
        await File.WriteAllTextAsync(Path.Combine(folder, ManifestFile), JsonSerializer.Serialize(manifest), ct);
        return manifest;
    }

    /// <summary>Restores a backup folder into an empty database and document store.</summary>
    public static async Task RestoreAsync(string folder, DatabaseProvider provider, string connectionString, IBlobStore blobs, CancellationToken ct)
    {
        if (await blobs.ListAsync(ct).AnyAsync(ct))
        {
            throw new InvalidOperationException("Der Dokumentenspeicher ist nicht leer: eine Sicherung wird nur in einen leeren Speicher zurückgespielt.");
        }

        if (provider == DatabaseProvider.Postgres)
        {
            await RunPgToolAsync("pg_restore", connectionString, ["--no-owner", "--exit-on-error", "--single-transaction", Path.Combine(folder, PostgresFile)], ct);
        }
        else
        {
            var target = new SqliteConnectionStringBuilder(connectionString).DataSource;
            if (File.Exists(target) && new FileInfo(target).Length > 0)
            {
                throw new InvalidOperationException($"Die Datenbank {target} ist nicht leer: eine Sicherung wird nur in eine leere Datenbank zurückgespielt.");
            }

            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
            File.Copy(Path.Combine(folder, SqliteFile), target, overwrite: true);
        }

        var root = Path.Combine(folder, DocumentsFolder);
        if (!System.IO.Directory.Exists(root))
        {
            return;
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var key = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            await blobs.PutAsync(key, await File.ReadAllBytesAsync(file, ct), ct);
        }
    }

    /// <summary>`Teilhabe.Web backup FOLDER` and `Teilhabe.Web restore FOLDER` with the configured database and storage.</summary>
    public static async Task<int> CommandAsync(IServiceProvider services, string command, string? folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            await Console.Error.WriteLineAsync($"Aufruf: Teilhabe.Web {command} ORDNER");
            return 2;
        }

        if (command == "backup")
        {
            var manifest = await CreateAsync(services, folder, CancellationToken.None);
            Console.Out.WriteLine($"Sicherung in {Path.GetFullPath(folder)}: Datenbank ({manifest.Provider}) und {manifest.Documents} Dokumente. Den Dokumentschlüssel getrennt sichern.");
            return 0;
        }

        var options = services.GetRequiredService<IOptions<TeilhabeOptions>>().Value.Database;
        var (blobs, _) = DocumentStorage.Backend(services);
        await RestoreAsync(folder, options.Provider, ConnectionStringOf(services), blobs, CancellationToken.None);
        Console.Out.WriteLine($"Sicherung aus {Path.GetFullPath(folder)} zurückgespielt.");
        return 0;
    }

    private static string ConnectionStringOf(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<Teilhabe.Core.Data.TeilhabeDbContext>().Database.GetConnectionString()
            ?? throw new InvalidOperationException("Keine Datenbankverbindung konfiguriert.");
    }

    private static async Task RunPgToolAsync(string tool, string connectionString, IEnumerable<string> arguments, CancellationToken ct)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(FindPgTool(tool)) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--dbname");
        start.ArgumentList.Add(csb.Database ?? throw new InvalidOperationException("Die Verbindungszeichenfolge nennt keine Datenbank."));
        start.Environment["PGHOST"] = csb.Host;
        start.Environment["PGPORT"] = csb.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = csb.Username;
        if (!string.IsNullOrEmpty(csb.Password))
        {
            start.Environment["PGPASSWORD"] = csb.Password;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} lässt sich nicht starten.");
        var errors = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} endete mit {process.ExitCode}: {errors}");
        }
    }

    /// <summary>The PostgreSQL client tool from PATH, else the newest under /usr/lib/postgresql (Debian's layout).</summary>
    private static string FindPgTool(string tool)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(p => Path.Combine(p, tool)).FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return onPath;
        }

        var debian = System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists)
                .OrderByDescending(p => p, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return debian ?? throw new InvalidOperationException($"{tool} nicht gefunden: das Paket postgresql-client installieren.");
    }
}
