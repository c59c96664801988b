using Microsoft.EntityFrameworkCore.Migrations;

namespace Teilhabe.Migrations.Sqlite;

/// <summary>
/// HAND-WRITTEN SQL — the one place for SQL that the model cannot express. The generated initial migration calls
/// <see cref="Apply"/> last; a regenerated or squashed migration must call it again.
/// </summary>
internal static class HandWrittenSql
{
    public static void Apply(MigrationBuilder migrationBuilder)
    {
        // ACC-09: the audit trail is append-only in the database too, not only in the DbContext.
        migrationBuilder.Sql("CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'ACC-09: audit entries are append-only'); END;");
        migrationBuilder.Sql("CREATE TRIGGER AuditEntries_NoDelete BEFORE DELETE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'ACC-09: audit entries are append-only'); END;");
    }
}
