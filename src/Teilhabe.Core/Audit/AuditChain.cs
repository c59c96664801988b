using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Teilhabe.Core.Data;

namespace Teilhabe.Core.Audit;

/// <summary>
/// ACC-09: the audit rows form a hash chain. Each row's <see cref="AuditEntry.Hash"/> covers its own content and the
/// hash of the row before it, so a row that is altered, removed or slipped in afterwards no longer fits the chain
/// (<see cref="AuditChainVerifier"/>). Rows written before the chain existed carry no hash; the chain starts at the
/// first row that has one.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first row of the chain.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The key of the PostgreSQL advisory lock that serialises appending to the chain across all app nodes.</summary>
    public const long PostgresLockKey = 0x4155_4449_5443; // "AUDITC"

    /// <summary>The hash a row must carry: SHA-256 over its canonical content and its previous hash, lower-case hex.</summary>
    public static string HashOf(AuditEntry e)
    {
        var text = new StringBuilder(256);
        Append(text, e.Sequence?.ToString(CultureInfo.InvariantCulture));
        // Milliseconds: both databases keep at least that precision, so the stored time hashes like the written one.
        Append(text, e.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        Append(text, e.UserId);
        Append(text, e.Action);
        Append(text, e.Entity);
        Append(text, e.EntityId);
        Append(text, e.ClientId?.ToString("D"));
        Append(text, e.CaseId?.ToString("D"));
        Append(text, e.ServiceId?.ToString("D"));
        Append(text, e.Reason);
        Append(text, e.Fields);
        Append(text, e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    // Length-prefixed, so no choice of values can make two different rows read alike; null differs from "".
    private static void Append(StringBuilder text, string? value)
        => text.Append(value is null ? "-" : value.Length.ToString(CultureInfo.InvariantCulture) + ":" + value).Append('\n');

    /// <summary>
    /// Links the new rows of one SaveChanges to the end of the chain in one step: on PostgreSQL an advisory lock held
    /// until the transaction ends keeps two nodes from appending at once; SQLite writes one transaction at a time anyway.
    /// Lock and lookup of the last row go to the database in one command.
    /// </summary>
    internal static async Task AppendAsync(TeilhabeDbContext db, IReadOnlyList<AuditEntry> rows, CancellationToken ct)
    {
        await using var command = LastRowCommand(db);
        long sequence = 0;
        var previous = Genesis;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (IsPostgres(db))
            {
                await reader.NextResultAsync(ct);
            }

            if (await reader.ReadAsync(ct))
            {
                sequence = reader.GetInt64(0);
                previous = reader.GetString(1);
            }
        }

        Link(rows, sequence, previous);
    }

    /// <inheritdoc cref="AppendAsync"/>
    internal static void Append(TeilhabeDbContext db, IReadOnlyList<AuditEntry> rows)
    {
        using var command = LastRowCommand(db);
        long sequence = 0;
        var previous = Genesis;
        using (var reader = command.ExecuteReader())
        {
            if (IsPostgres(db))
            {
                reader.NextResult();
            }

            if (reader.Read())
            {
                sequence = reader.GetInt64(0);
                previous = reader.GetString(1);
            }
        }

        Link(rows, sequence, previous);
    }

    private static void Link(IReadOnlyList<AuditEntry> rows, long sequence, string previous)
    {
        foreach (var row in rows)
        {
            row.Chain(++sequence, previous);
            previous = row.Hash!;
        }
    }

    private static bool IsPostgres(TeilhabeDbContext db) => db.Database.ProviderName != TeilhabeDbContext.SqliteProviderName;

    private static DbCommand LastRowCommand(TeilhabeDbContext db)
    {
        const string last = """SELECT "Sequence", "Hash" FROM "AuditEntries" WHERE "Sequence" IS NOT NULL ORDER BY "Sequence" DESC LIMIT 1""";
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // PostgreSQL (READ COMMITTED): the SELECT is a statement of its own, so its snapshot is taken after the lock is
        // granted and sees the row the previous holder committed.
        command.CommandText = !IsPostgres(db)
            ? last
            : $"SELECT pg_advisory_xact_lock({PostgresLockKey.ToString(CultureInfo.InvariantCulture)}); {last}";
        return command;
    }
}
