using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Data;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.HttpTests.Platform;

/// <summary>
/// Every read of personal data writes an audit row, so concurrent readers are concurrent writers. On the embedded
/// SQLite database this needs WAL mode; without it, 16 users at once got "database is locked" (500).
/// </summary>
public sealed class ConcurrencyTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    public async Task Concurrent_audited_reads_all_succeed_each_is_audited_and_SQLite_runs_in_WAL_mode()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var clientId = await caseworker.CreateClientAsync();
        await using (var before = factory.Services.CreateAsyncScope())
        {
            var audited = await before.ServiceProvider.GetRequiredService<TeilhabeDbContext>().AuditEntries.CountAsync(a => a.ClientId == Guid.Parse(clientId));
            var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => caseworker.GetAsync($"/api/v1/clients/{clientId}")));
            try
            {
                Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            }
            finally
            {
                foreach (var r in responses)
                {
                    r.Dispose();
                }
            }

            await using var after = factory.Services.CreateAsyncScope();
            var now = await after.ServiceProvider.GetRequiredService<TeilhabeDbContext>().AuditEntries.CountAsync(a => a.ClientId == Guid.Parse(clientId));
            Assert.True(now >= audited + 24, $"expected at least 24 new audit rows, got {now - audited}");
            if (factory.Database.Provider == DatabaseProvider.Sqlite)
            {
                Assert.Equal("wal", await JournalModeAsync(after.ServiceProvider.GetRequiredService<TeilhabeDbContext>()));
            }
        }
    }

    private static async Task<string?> JournalModeAsync(TeilhabeDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        return (string?)await command.ExecuteScalarAsync();
    }
}
