using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.Web.Features.Accounts;

namespace Teilhabe.Web.Infrastructure;

/// <summary>
/// At start: migrations (unless switched off), the roles of ACC-06, the bootstrap administrator, the demo data, the
/// first Data Protection key and the document key file — all under <see cref="StartupLock"/>, so that several
/// instances started together on an empty database create each of them once (README "Production topology").
/// </summary>
internal static class DatabaseInitializer
{
    /// <param name="migrate">Apply migrations even with Teilhabe:Database:Migrate=false (the <c>migrate</c> command).</param>
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool migrate = false)
    {
        var options = app.Services.GetRequiredService<IOptions<TeilhabeOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<TeilhabeDbContext>();
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        await using var startupLock = await StartupLock.AcquireAsync(
            options.Database.Provider, db.Database.GetConnectionString()!, logger, app.Lifetime.ApplicationStopping);

        if (options.Database.Migrate || migrate)
        {
            await MigrateAsync(db, options.Database, app.Environment.ContentRootPath);
        }

        if (options.Database.Provider == DatabaseProvider.Sqlite)
        {
            // Every read of personal data writes an audit row, so requests write while others read. In WAL mode readers
            // and the one writer do not block each other; the rollback journal answered "database is locked" to
            // concurrent users. The mode is kept in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        await Features.Catalogues.CatalogueSeeder.SeedAsync(db);

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var accounts = sp.GetRequiredService<AccountService>();
        var adminPassword = options.Bootstrap.AdminPassword ?? (options.Demo ? DemoData.Password : null);
        if (!string.IsNullOrEmpty(adminPassword) && !await users.Users.AnyAsync())
        {
            var (_, violations) = await accounts.CreateAsync(
                new AppUser("admin", "Administration"), adminPassword, [Roles.Administrator], mustChangePassword: !options.Demo);
            if (violations.Count > 0)
            {
                throw new InvalidOperationException(
                    "Teilhabe__Bootstrap__AdminPassword erfüllt die Passwortregeln nicht: " + string.Join(" ", violations.Select(v => v.Message)));
            }
        }

        if (options.Demo)
        {
            await DemoData.SeedAsync(sp);
        }

        // The key ring is read (and its first key created when there is none) while the lock is held: every
        // instance then protects cookies, antiforgery and bearer tokens with the same key.
        sp.GetRequiredService<IDataProtectionProvider>().CreateProtector("Teilhabe.Startup").Protect([1]);

        // Likewise the document key file on shared storage (created on first use when missing). A store that cannot
        // be set up does not stop the start: /health/ready reports it, and the key file is created race-free later.
        try
        {
            sp.GetRequiredService<Features.Documents.IDocumentStore>();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            logger.LogWarning(e, "The document store is not available at start.");
        }
    }

    private static async Task MigrateAsync(TeilhabeDbContext db, DatabaseOptions options, string contentRoot)
    {
        if (options.Provider != DatabaseProvider.Postgres || string.IsNullOrWhiteSpace(options.MigrationConnectionString))
        {
            await db.Database.MigrateAsync();
            return;
        }

        var builder = new DbContextOptionsBuilder<TeilhabeDbContext>();
        DatabaseSetup.Configure(builder, new DatabaseOptions { Provider = options.Provider, ConnectionString = options.MigrationConnectionString }, contentRoot);
        await using var owner = new TeilhabeDbContext(builder.Options, SystemUser.Instance);
        await owner.Database.MigrateAsync();

        // ACC-09: the app's role may read and write the product's tables, but only read and append to the audit trail.
        var appRole = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Username
            ?? throw new InvalidOperationException("Teilhabe__Database__ConnectionString nennt keinen Benutzer (Username), dem die Rechte gegeben werden.");
        var role = "\"" + appRole.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var grants = $"""
            GRANT USAGE ON SCHEMA public TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {role};
            REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEntries" FROM {role};
            """;
        await owner.Database.ExecuteSqlRawAsync(grants);
    }
}
