using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Teilhabe.Web.Infrastructure;

/// <summary>Tells a unique-key violation (another instance inserted the same row first) from any other database error.</summary>
internal static class DatabaseErrors
{
    /// <summary>SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY (extended result codes).</summary>
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;

    public static bool IsUniqueViolation(this DbUpdateException e)
        => e.InnerException switch
        {
            PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
            SqliteException s => s.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey,
            _ => false,
        };
}
