using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Teilhabe.Core.Data;

namespace Teilhabe.Migrations.Sqlite;

/// <summary>Used only by `dotnet ef migrations add` for the SQLite migrations.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<TeilhabeDbContext>
{
    public TeilhabeDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TeilhabeDbContext>()
            .UseSqlite("Data Source=design.db", x => x.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options;
        return new TeilhabeDbContext(options, SystemUser.Instance);
    }
}
