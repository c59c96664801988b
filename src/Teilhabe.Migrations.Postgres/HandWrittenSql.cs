using Microsoft.EntityFrameworkCore.Migrations;

namespace Teilhabe.Migrations.Postgres;

/// <summary>
/// HAND-WRITTEN SQL — the one place for SQL that the model cannot express. The generated initial migration calls
/// <see cref="Apply"/> last; a regenerated or squashed migration must call it again.
/// </summary>
internal static class HandWrittenSql
{
    public static void Apply(MigrationBuilder migrationBuilder)
    {
        // ACC-09: the audit trail is append-only in the database too, not only in the DbContext.
        migrationBuilder.Sql("""
            CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'ACC-09: audit entries are append-only';
            END;
            $$;
            """);
        migrationBuilder.Sql("""CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();""");
    }
}
