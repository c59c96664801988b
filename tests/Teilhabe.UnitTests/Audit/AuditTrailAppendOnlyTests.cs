using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Data;
using Teilhabe.Core.Organisations;

namespace Teilhabe.UnitTests.Audit;

/// <summary>ACC-09: the DbContext writes the trail for every audited change and refuses to change or delete a row of it.</summary>
public sealed class AuditTrailAppendOnlyTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public AuditTrailAppendOnlyTests()
    {
        _connection.Open();
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task ACC09_a_modified_audit_entry_is_refused_and_the_row_stays_unchanged()
    {
        var id = await RecordAsync("login", "User", "u-1");

        await using (var db = NewContext())
        {
            var entry = await db.AuditEntries.SingleAsync(a => a.Id == id);
            db.Entry(entry).Property(a => a.Action).CurrentValue = "read";

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("ACC-09", error.Message);
        }

        await using var check = NewContext();
        Assert.Equal("login", (await check.AuditEntries.SingleAsync(a => a.Id == id)).Action);
    }

    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task ACC09_a_deleted_audit_entry_is_refused_and_the_row_stays()
    {
        var id = await RecordAsync("login-failed", "User", "u-2");

        await using (var db = NewContext())
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(a => a.Id == id));

            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        }

        await using var check = NewContext();
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Id == id));
    }

    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task ACC09_creating_and_renaming_an_audited_entity_writes_create_and_update_rows_with_the_field_names()
    {
        var office = new Organisation(OrganisationKind.IntegrationOffice, "Integrationsamt Thüringen", "TH");
        await using (var db = NewContext())
        {
            db.Organisations.Add(office);
            await db.SaveChangesAsync();
        }

        _clock.Advance(TimeSpan.FromHours(1));
        await using (var db = NewContext())
        {
            var stored = await db.Organisations.SingleAsync(o => o.Id == office.Id);
            stored.Rename("Landesamt für Soziales");
            await db.SaveChangesAsync();
        }

        await using var check = NewContext();
        var rows = await check.AuditEntries.Where(a => a.EntityId == office.Id.ToString()).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["create", "update"], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal("Organisation", r.Entity));
        Assert.Equal("Name", rows[1].Fields);
        Assert.Equal(_clock.GetUtcNow(), rows[1].At);
        Assert.Equal(rows[0].At.AddHours(1), rows[1].At);
    }

    public void Dispose() => _connection.Dispose();

    private async Task<long> RecordAsync(string action, string entity, string entityId)
    {
        await using var db = NewContext();
        var entry = new AuditEntry(_clock.GetUtcNow(), "admin", action, entity, entityId);
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry.Id;
    }

    private TeilhabeDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<TeilhabeDbContext>()
            .UseSqlite(_connection)
            .AddInterceptors(new AuditInterceptor(_clock))
            .Options;
        return new TeilhabeDbContext(options, SystemUser.Instance);
    }
}
