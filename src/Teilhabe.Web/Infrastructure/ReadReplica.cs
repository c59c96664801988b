using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Teilhabe.Core.Data;

namespace Teilhabe.Web.Infrastructure;

/// <summary>
/// The context for reads that may lag a moment behind the primary: the § 197 statistics and their exports. Inject it as
/// <c>[FromKeyedServices(ReadReplica.Key)] TeilhabeDbContext</c>. With <c>Teilhabe:Database:ReadOnlyConnectionString</c>
/// (PostgreSQL) it is a context of its own on a streaming replica, without the audit interceptor and refusing every
/// SaveChanges — audit rows and every other write go through the request's ordinary context to the primary. Without
/// the setting it is the request's ordinary context itself, so everything reads the primary.
/// </summary>
/// <remarks>
/// Only reads whose answer may be a little old belong here. Work lists, report previews and downloads that follow
/// their own writes (the version just generated) stay on the primary: a replica may lag behind it for seconds, and up
/// to <c>max_standby_streaming_delay</c> while a long query holds back the replay.
/// </remarks>
internal static class ReadReplica
{
    public const string Key = "read-replica";

    /// <summary>Used when the connection string names no Target Session Attributes (see <see cref="Connect"/>).</summary>
    public const TargetSessionAttributes DefaultTargetSession = TargetSessionAttributes.PreferStandby;

    public static IServiceCollection AddReadReplica(this IServiceCollection services, DatabaseOptions db)
    {
        if (string.IsNullOrWhiteSpace(db.ReadOnlyConnectionString))
        {
            services.AddKeyedScoped(Key, (sp, _) => sp.GetRequiredService<TeilhabeDbContext>());
            return services;
        }

        if (db.Provider != DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                "Teilhabe__Database__ReadOnlyConnectionString gilt nur für PostgreSQL (Teilhabe__Database__Provider=Postgres): eine SQLite-Datei hat kein Replikat.");
        }

        services.AddSingleton(Connect(db.ReadOnlyConnectionString));
        services.AddKeyedScoped(Key, (sp, _) => new TeilhabeDbContext(sp.GetRequiredService<ReplicaConnection>().Options, sp.GetRequiredService<ICurrentUser>()));
        return services;
    }

    /// <summary>
    /// One data source for the replica. Npgsql's host selection comes from its multi-host data source, which takes the
    /// Target Session Attributes as a setting rather than in the connection string; the default prefer-standby reads a
    /// standby whenever one of the listed hosts is one, and falls back to any reachable host otherwise — so
    /// <c>Host=replica,primary</c> keeps the statistics answering while the replica is down, and a single host is used as it is.
    /// </summary>
    public static ReplicaConnection Connect(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var target = TargetSession(builder.ConnectionStringBuilder.TargetSessionAttributes);
        builder.ConnectionStringBuilder.TargetSessionAttributes = null;
        var hosts = builder.BuildMultiHost();
        var options = new DbContextOptionsBuilder<TeilhabeDbContext>()
            .UseNpgsql(hosts.WithTargetSession(target), x => x.MigrationsAssembly("Teilhabe.Migrations.Postgres"))
            .AddInterceptors(new RefuseWrites())
            .Options;
        return new ReplicaConnection(hosts, options);
    }

    /// <summary>"prefer-standby", "standby", "any" … as libpq and Npgsql spell them.</summary>
    private static TargetSessionAttributes TargetSession(string? configured)
        => string.IsNullOrWhiteSpace(configured) ? DefaultTargetSession
            : Enum.TryParse<TargetSessionAttributes>(configured.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var parsed) ? parsed
            : throw new InvalidOperationException(
                $"Teilhabe__Database__ReadOnlyConnectionString: „Target Session Attributes={configured}“ ist unbekannt (z. B. prefer-standby, standby, any).");

    /// <summary>A replica is read-only: a write through this context is a programming error, named before the server refuses it.</summary>
    private sealed class RefuseWrites : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
            => throw Refusal();

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
            => throw Refusal();

        private static InvalidOperationException Refusal()
            => new("The read-replica context is read-only: writes (audit rows included) go through the ordinary TeilhabeDbContext to the primary.");
    }
}

/// <summary>The replica's data source (disposed with the app) and the context options on it.</summary>
internal sealed class ReplicaConnection(NpgsqlMultiHostDataSource hosts, DbContextOptions<TeilhabeDbContext> options) : IAsyncDisposable, IDisposable
{
    public DbContextOptions<TeilhabeDbContext> Options { get; } = options;

    public ValueTask DisposeAsync() => hosts.DisposeAsync();

    public void Dispose() => hosts.Dispose();
}
