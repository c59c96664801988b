using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Data;

namespace Teilhabe.Core.Audit;

/// <summary>
/// ACC-09: walks the hash chain of the audit trail in chain order, page by page, and names the first row that does
/// not fit: its hash does not match its content (the row was altered), its previous hash does not match the row
/// before it (a row before it was removed or slipped in), or it carries no hash at all after the chain began.
/// The chain starts at the first row that has a hash; rows from before the chain existed are not checked. Removing
/// rows from the very end of the chain leaves no gap and is not found by this check.
/// </summary>
public sealed class AuditChainVerifier(TeilhabeDbContext db)
{
    public const int PageSize = 10_000;

    public sealed record Result(bool Intact, long Checked, long? FirstBrokenId, string? Problem);

    public async Task<Result> VerifyAsync(CancellationToken ct)
    {
        long checkedRows = 0;
        long lastSequence = 0;
        var previous = AuditChain.Genesis;
        long? firstId = null;
        while (true)
        {
            var after = lastSequence;
            var page = db.AuditEntries.AsNoTracking().IgnoreQueryFilters()
                .Where(a => a.Sequence != null && a.Sequence > after)
                .OrderBy(a => a.Sequence).Take(PageSize)
                .AsAsyncEnumerable();
            var rowsOnPage = 0;
            await foreach (var row in page.WithCancellation(ct))
            {
                rowsOnPage++;
                firstId ??= row.Id;
                if (row.PreviousHash != previous || row.Sequence != lastSequence + 1)
                {
                    return Broken(checkedRows, row.Id, lastSequence == 0
                        ? $"Eintrag {row.Id} ist nicht der Anfang der Kette: Einträge davor wurden entfernt."
                        : $"Eintrag {row.Id} passt nicht an seinen Vorgänger: ein Eintrag davor wurde entfernt, eingefügt oder verändert.");
                }

                if (row.Hash != AuditChain.HashOf(row))
                {
                    return Broken(checkedRows, row.Id, $"Eintrag {row.Id} wurde nach dem Schreiben verändert: seine Prüfsumme passt nicht zu seinem Inhalt.");
                }

                checkedRows++;
                lastSequence = row.Sequence!.Value;
                previous = row.Hash!;
            }

            if (rowsOnPage < PageSize)
            {
                break;
            }
        }

        if (firstId is { } start && await db.AuditEntries.AsNoTracking().IgnoreQueryFilters()
                .Where(a => a.Sequence == null && a.Id > start).OrderBy(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct) is { } unchained)
        {
            return Broken(checkedRows, unchained, $"Eintrag {unchained} wurde an der Kette vorbei eingefügt: er hat keine Prüfsumme.");
        }

        return new Result(true, checkedRows, null, null);
    }

    private static Result Broken(long checkedRows, long id, string problem) => new(false, checkedRows, id, problem);
}
