using System.Net;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;
using Teilhabe.Web.Features.Documents;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.HttpTests.Platform;

/// <summary>
/// README "Operations": a backup restored into an empty database and store starts with the same data (SQLite and
/// PostgreSQL). Every file of a backup is encrypted with the backup key and checked against the manifest's SHA-256.
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task An_encrypted_backup_holds_no_personal_data_in_clear_and_restores_with_the_old_key_kept_after_a_key_change()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("teilhabe-backup-");
        var target = TestDatabase.FromEnvironment();
        try
        {
            string clientId, caseId, lastName;
            TestUser caseworkerUser;
            byte[] content = [.. "%PDF-1.4\nSicherung Größe €\n%%EOF"u8];
            byte[] oldBackupKey;
            using (var source = new TeilhabeFactory())
            {
                var tenant = await TestTenant.CreateAsync(source, withSecondService: false);
                caseworkerUser = tenant.CaseworkerA;
                using var caseworker = await source.LoginAsync(tenant.CaseworkerA);
                lastName = source.Unique("Sicherungsklientin");
                clientId = await caseworker.CreateClientAsync(lastName);
                caseId = await caseworker.CreateCaseAsync(new { clientId });
                using var upload = await caseworker.UploadAsync(caseId, "Other", content);
                await upload.ExpectAsync(HttpStatusCode.Created);

                var manifest = await Backup.CreateAsync(source.Services, Path.Combine(folder.FullName, "backup"), CancellationToken.None);
                Assert.Equal(1, manifest.Documents);
                Assert.Equal(2, manifest.Files!.Count);
                Assert.All(manifest.Files, f => Assert.Equal(64, f.Sha256.Length));
                File.Copy(DocumentStorage.Backend(source.Services).KeyFile, Path.Combine(folder.FullName, "document-key.b64"));
                oldBackupKey = Backup.Keys(source.Services).Current;
            }

            // Nothing of the person is readable in the backup files.
            var name = System.Text.Encoding.UTF8.GetBytes(lastName);
            foreach (var file in System.IO.Directory.EnumerateFiles(Path.Combine(folder.FullName, "backup"), "*", SearchOption.AllDirectories))
            {
                Assert.False(File.ReadAllBytes(file).AsSpan().IndexOf(name) >= 0, $"{file} holds the client's name in clear");
            }

            // The backup key was changed since: the new one is current, the old one kept below it.
            var ring = Path.Combine(folder.FullName, "backup-key.b64");
            DocumentKeyFile.Write(ring, [System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), oldBackupKey]);

            target.Create();
            var storage = Path.Combine(folder.FullName, "restored-documents");
            await Backup.RestoreAsync(
                Path.Combine(folder.FullName, "backup"), target.Provider, target.ConnectionString, new FileSystemBlobStore(storage), BackupKeys.LoadOrCreate(ring), CancellationToken.None);

            using var restored = TeilhabeFactory.With(new TeilhabeFactoryOptions
            {
                Settings = new Dictionary<string, string?>
                {
                    ["Teilhabe:Database:ConnectionString"] = target.ConnectionString,
                    ["Teilhabe:Storage:Path"] = storage,
                    ["Teilhabe:Storage:KeyFile"] = Path.Combine(folder.FullName, "document-key.b64"),
                },
            });
            using var again = await restored.LoginAsync(caseworkerUser);
            var client = await again.GetJsonAsync($"/api/v1/clients/{clientId}");
            Assert.Equal(lastName, client.GetProperty("lastName").GetString());
            var documents = await again.GetJsonAsync($"/api/v1/cases/{caseId}/documents");
            var documentId = Assert.Single(documents.EnumerateArray()).GetProperty("id").GetString();
            Assert.Equal(content, await again.GetByteArrayAsync($"/api/v1/documents/{documentId}"));
        }
        finally
        {
            target.Drop();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_changed_backup_file_is_refused_by_its_checksum_and_a_missing_key_is_named_before_anything_is_restored()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("teilhabe-backup-");
        var target = TestDatabase.FromEnvironment();
        try
        {
            var backup = Path.Combine(folder.FullName, "backup");
            BackupKeys keys;
            using (var source = new TeilhabeFactory())
            {
                var tenant = await TestTenant.CreateAsync(source, withSecondService: false);
                using var caseworker = await source.LoginAsync(tenant.CaseworkerA);
                await caseworker.CreateClientAsync();
                await Backup.CreateAsync(source.Services, backup, CancellationToken.None);
                keys = Backup.Keys(source.Services);
            }

            target.Create();
            var storage = Path.Combine(folder.FullName, "restored-documents");
            var database = Path.Combine(backup, target.Provider == Teilhabe.Web.Infrastructure.DatabaseProvider.Postgres ? Backup.PostgresFile : Backup.SqliteFile);

            // Another key ring (e.g. of another installation): the key is named, nothing is written.
            var otherRing = Path.Combine(folder.FullName, "other-key.b64");
            var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => Backup.RestoreAsync(
                backup, target.Provider, target.ConnectionString, new FileSystemBlobStore(storage), BackupKeys.LoadOrCreate(otherRing), CancellationToken.None));
            Assert.Contains(keys.CurrentId, missing.Message, StringComparison.Ordinal);

            var bytes = await File.ReadAllBytesAsync(database);
            bytes[bytes.Length / 2] ^= 0x01;
            await File.WriteAllBytesAsync(database, bytes);
            var changed = await Assert.ThrowsAsync<InvalidDataException>(() => Backup.RestoreAsync(
                backup, target.Provider, target.ConnectionString, new FileSystemBlobStore(storage), keys, CancellationToken.None));
            Assert.Contains("Prüfsumme", changed.Message, StringComparison.Ordinal);
            Assert.Contains(Path.GetFileName(database), changed.Message, StringComparison.Ordinal);

            // Nothing was restored: the target database can still take the backup once it is intact.
            Assert.False(System.IO.Directory.Exists(storage) && System.IO.Directory.EnumerateFileSystemEntries(storage).Any());
            if (target.Provider == Teilhabe.Web.Infrastructure.DatabaseProvider.Sqlite)
            {
                var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
                Assert.False(File.Exists(file) && new FileInfo(file).Length > 0);
            }
        }
        finally
        {
            target.Drop();
            folder.Delete(recursive: true);
        }
    }
}
