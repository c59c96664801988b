using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Teilhabe.Web.Features.Documents;

namespace Teilhabe.Web.Infrastructure;

/// <summary>
/// Backup and restore of one installation (README "Operations"): the database (SQLite: an online snapshot with
/// VACUUM INTO; PostgreSQL: pg_dump in custom format) and the document store's objects (already encrypted with the
/// document key). Every file of a backup is encrypted with the backup key (<see cref="BackupKeys"/>,
/// <see cref="BackupCipher"/>) and listed in the manifest with its size and SHA-256, which a restore checks for every
/// file before it touches anything. Neither key is part of the backup: keep them apart from the backup media.
/// Restore goes into an empty database and an empty document store only; backups from before the encryption (a manifest
/// without files) are still restored as they are.
/// </summary>
internal static class Backup
{
    public const string SqliteFile = "teilhabe.db";
    public const string PostgresFile = "teilhabe.dump";
    public const string DocumentsFolder = "documents";
    public const string ManifestFile = "manifest.json";

    public sealed record Manifest(DateTimeOffset CreatedAt, string Provider, int Documents, string? KeyId = null, IReadOnlyList<ManifestEntry>? Files = null);

    /// <summary>One file of the backup: its path inside the folder ("/" separated), size and SHA-256 (hex) as written.</summary>
    public sealed record ManifestEntry(string Path, long Bytes, string Sha256);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The backup key ring as configured (Teilhabe:Backup:KeyFile, default beside the document key file).</summary>
    public static BackupKeys Keys(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IOptions<TeilhabeOptions>>().Value.Backup.KeyFile;
        var documentKey = DocumentStorage.Backend(services).KeyFile;
        return BackupKeys.LoadOrCreate(configured ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(documentKey))!, "backup-key.b64"));
    }

    public static async Task<Manifest> CreateAsync(IServiceProvider services, string folder, CancellationToken ct)
    {
        var keys = Keys(services);
        var options = services.GetRequiredService<IOptions<TeilhabeOptions>>().Value.Database;
        var connectionString = ConnectionStringOf(services);
        System.IO.Directory.CreateDirectory(folder);
        var files = new List<ManifestEntry>();
        var plainDump = Path.Combine(Path.GetTempPath(), $"teilhabe-backup-{Guid.NewGuid():N}");
        try
        {
            string name;
            if (options.Provider == DatabaseProvider.Postgres)
            {
                name = PostgresFile;
                await RunPgToolAsync("pg_dump", connectionString, ["--format=custom", "--no-owner", "--file", plainDump], ct);
            }
            else
            {
                name = SqliteFile;
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync(ct);
                await using var command = connection.CreateCommand();
                command.CommandText = "VACUUM INTO $target";
                command.Parameters.AddWithValue("$target", plainDump);
                await command.ExecuteNonQueryAsync(ct);
            }

            await using (var plain = File.OpenRead(plainDump))
            {
                files.Add(await WriteEncryptedAsync(plain, folder, name, keys.Current, ct));
            }
        }
        finally
        {
            File.Delete(plainDump);
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

            await using var plain = new MemoryStream(bytes, writable: false);
            files.Add(await WriteEncryptedAsync(plain, folder, $"{DocumentsFolder}/{key}", keys.Current, ct));
            documents++;
        }

        var manifest = new Manifest(services.GetRequiredService<TimeProvider>().GetUtcNow(), options.Provider.ToString(), documents, keys.CurrentId, files);
        await File.WriteAllTextAsync(Path.Combine(folder, ManifestFile), JsonSerializer.Serialize(manifest, Json), ct);
        return manifest;
    }

    /// <summary>
    /// Restores a backup folder into an empty database and document store. Every file is checked against the manifest
    /// (size, SHA-256) and the key is found by the manifest's fingerprint before anything is written.
    /// </summary>
    public static async Task RestoreAsync(string folder, DatabaseProvider provider, string connectionString, IBlobStore blobs, BackupKeys keys, CancellationToken ct)
    {
        if (await blobs.ListAsync(ct).AnyAsync(ct))
        {
            throw new InvalidOperationException("Der Dokumentenspeicher ist nicht leer: eine Sicherung wird nur in einen leeren Speicher zurückgespielt.");
        }

        var manifest = JsonSerializer.Deserialize<Manifest>(await File.ReadAllTextAsync(Path.Combine(folder, ManifestFile), ct))
            ?? throw new InvalidDataException("manifest.json ist leer.");
        if (manifest.Files is null)
        {
            await RestoreUnencryptedAsync(folder, provider, connectionString, blobs, ct);
            return;
        }

        var key = keys.Find(manifest.KeyId ?? string.Empty)
            ?? throw new InvalidOperationException($"Die Sicherung ist mit dem Schlüssel {manifest.KeyId} verschlüsselt, der in {keys.File} fehlt (ältere Schlüssel bleiben dort als weitere Zeilen).");
        foreach (var entry in manifest.Files)
        {
            await VerifyAsync(folder, entry, ct);
        }

        var database = provider == DatabaseProvider.Postgres ? PostgresFile : SqliteFile;
        if (manifest.Files.All(f => f.Path != database))
        {
            throw new InvalidDataException($"Die Sicherung enthält keine Datenbank {database} für {provider}.");
        }

        var plainDump = Path.Combine(Path.GetTempPath(), $"teilhabe-restore-{Guid.NewGuid():N}");
        try
        {
            await using (var output = File.Create(plainDump))
            await using (var input = File.OpenRead(Path.Combine(folder, database)))
            {
                await BackupCipher.DecryptAsync(input, output, key, database, ct);
            }

            await RestoreDatabaseAsync(plainDump, provider, connectionString, ct);
        }
        finally
        {
            File.Delete(plainDump);
        }

        foreach (var entry in manifest.Files.Where(f => f.Path.StartsWith(DocumentsFolder + "/", StringComparison.Ordinal)))
        {
            await using var input = File.OpenRead(Path.Combine(folder, entry.Path));
            await using var plain = new MemoryStream();
            await BackupCipher.DecryptAsync(input, plain, key, entry.Path, ct);
            await blobs.PutAsync(entry.Path[(DocumentsFolder.Length + 1)..], plain.ToArray(), ct);
        }
    }

    private static async Task<ManifestEntry> WriteEncryptedAsync(Stream plain, string folder, string name, byte[] key, CancellationToken ct)
    {
        var path = Path.Combine(folder, name.Replace('/', Path.DirectorySeparatorChar));
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // The checksum is taken of the bytes on their way to the file, not by reading the file again.
        using var sha = SHA256.Create();
        await using (var output = File.Create(path))
        await using (var hashing = new CryptoStream(output, sha, CryptoStreamMode.Write, leaveOpen: true))
        {
            await BackupCipher.EncryptAsync(plain, hashing, key, name, ct);
        }

        return new ManifestEntry(name, new FileInfo(path).Length, Convert.ToHexStringLower(sha.Hash!));
    }

    private static async Task VerifyAsync(string folder, ManifestEntry entry, CancellationToken ct)
    {
        var path = Path.GetFullPath(Path.Combine(folder, entry.Path.Replace('/', Path.DirectorySeparatorChar)));
        if (!path.StartsWith(Path.GetFullPath(folder), StringComparison.Ordinal) || !File.Exists(path))
        {
            throw new InvalidDataException($"Die Sicherung ist unvollständig: {entry.Path} fehlt.");
        }

        await using var file = File.OpenRead(path);
        if (file.Length != entry.Bytes || Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct)) != entry.Sha256)
        {
            throw new InvalidDataException($"Die Prüfsumme von {entry.Path} stimmt nicht mit manifest.json überein: die Sicherung ist beschädigt oder verändert. Nichts wurde zurückgespielt.");
        }
    }

    private static async Task RestoreDatabaseAsync(string dump, DatabaseProvider provider, string connectionString, CancellationToken ct)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            await RunPgToolAsync("pg_restore", connectionString, ["--no-owner", "--exit-on-error", "--single-transaction", dump], ct);
            return;
        }

        var target = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (File.Exists(target) && new FileInfo(target).Length > 0)
        {
            throw new InvalidOperationException($"Die Datenbank {target} ist nicht leer: eine Sicherung wird nur in eine leere Datenbank zurückgespielt.");
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        File.Copy(dump, target, overwrite: true);
    }

    /// <summary>A backup from before the encryption: the database file and the document objects as they are.</summary>
    private static async Task RestoreUnencryptedAsync(string folder, DatabaseProvider provider, string connectionString, IBlobStore blobs, CancellationToken ct)
    {
        await RestoreDatabaseAsync(Path.Combine(folder, provider == DatabaseProvider.Postgres ? PostgresFile : SqliteFile), provider, connectionString, ct);
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
            Console.Out.WriteLine($"Sicherung in {Path.GetFullPath(folder)}: Datenbank ({manifest.Provider}) und {manifest.Documents} Dokumente, verschlüsselt mit dem Sicherungsschlüssel {manifest.KeyId} ({Keys(services).File}), Prüfsummen in {ManifestFile}. Dokument- und Sicherungsschlüssel getrennt von den Sicherungen aufbewahren.");
            return 0;
        }

        var options = services.GetRequiredService<IOptions<TeilhabeOptions>>().Value.Database;
        var (blobs, _) = DocumentStorage.Backend(services);
        await RestoreAsync(folder, options.Provider, ConnectionStringOf(services), blobs, Keys(services), CancellationToken.None);
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
