using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Data;

namespace Teilhabe.Web.Infrastructure;

internal static class DatabaseSetup
{
    public static IServiceCollection AddTeilhabeDatabase(this IServiceCollection services, TeilhabeOptions options, string contentRoot)
    {
        services.AddSingleton<AuditInterceptor>();
        services.AddScoped<AuditLog>();
        services.AddDbContext<TeilhabeDbContext>((sp, o) =>
        {
            Configure(o, options.Database, contentRoot);
            o.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
        });
        services.AddReadReplica(options.Database);
        return services;
    }

    public static void Configure(DbContextOptionsBuilder o, DatabaseOptions db, string contentRoot)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            var cs = db.ConnectionString
                ?? throw new InvalidOperationException("Teilhabe__Database__ConnectionString fehlt: für PostgreSQL ist eine Npgsql-Verbindungszeichenfolge nötig.");
            o.UseNpgsql(cs, x => x.MigrationsAssembly("Teilhabe.Migrations.Postgres"));
        }
        else
        {
            o.UseSqlite(SqliteConnectionString(db.ConnectionString, contentRoot), x => x.MigrationsAssembly("Teilhabe.Migrations.Sqlite"));
        }
    }

    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var path = Path.Combine(contentRoot, "data", "teilhabe.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return $"Data Source={path};Foreign Keys=True";
    }
}
