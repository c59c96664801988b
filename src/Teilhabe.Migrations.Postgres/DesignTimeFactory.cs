using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Teilhabe.Core.Data;

namespace Teilhabe.Migrations.Postgres;

/// <summary>Used only by `dotnet ef migrations add` for the PostgreSQL migrations (no server needed).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<TeilhabeDbContext>
{
    public TeilhabeDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TeilhabeDbContext>()
            .UseNpgsql("Host=localhost;Database=teilhabe_design", x => x.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options;
        return new TeilhabeDbContext(options, SystemUser.Instance);
    }
}
