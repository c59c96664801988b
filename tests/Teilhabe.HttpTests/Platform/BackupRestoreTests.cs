using System.Net;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;
using Teilhabe.Web.Features.Documents;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.HttpTests.Platform;

/// <summary>README "Operations": a backup restored into an empty database and store starts with the same data (SQLite and PostgreSQL).</summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task A_backup_restored_into_an_empty_database_starts_with_the_same_clients_cases_and_documents()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("teilhabe-backup-");
        var target = TestDatabase.FromEnvironment();
        try
        {
            string clientId, caseId, keyFile;
            TestUser caseworkerUser;
            byte[] content = [.. "%PDF-1.4\nSicherung Größe €\n%%EOF"u8];
            using (var source = new TeilhabeFactory())
            {
                var tenant = await TestTenant.CreateAsync(source, withSecondService: false);
                caseworkerUser = tenant.CaseworkerA;
                using var caseworker = await source.LoginAsync(tenant.CaseworkerA);
                clientId = await caseworker.CreateClientAsync();
                caseId = await caseworker.CreateCaseAsync(new { clientId });
                using var upload = await caseworker.UploadAsync(caseId, "Other", content);
                await upload.ExpectAsync(HttpStatusCode.Created);

                var manifest = await Backup.CreateAsync(source.Services, Path.Combine(folder.FullName, "backup"), CancellationToken.None);
                Assert.Equal(1, manifest.Documents);
                keyFile = DocumentStorage.Backend(source.Services).KeyFile;
                File.Copy(keyFile, Path.Combine(folder.FullName, "document-key.b64"));
            }

            target.Create();
            var storage = Path.Combine(folder.FullName, "restored-documents");
            await Backup.RestoreAsync(
                Path.Combine(folder.FullName, "backup"), target.Provider, target.ConnectionString, new FileSystemBlobStore(storage), CancellationToken.None);

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
            Assert.Equal(clientId, client.GetProperty("id").GetString());
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
}
