namespace Teilhabe.Core.Statistics;

/// <summary>
/// STAT-02 for the publication export: a cell below the minimum is suppressed (primary), and so is every further
/// cell needed so that no suppressed value can be computed back (secondary): in a set of cells tied by a sum — the
/// genders adding up to the total, start + entries − exits = end of the balance — one suppressed cell alone would be
/// the difference of the others, so the smallest published cell of that set is suppressed with it, until stable.
/// </summary>
public static class CellSuppression
{
    /// <summary>Which cells are suppressed; <paramref name="constraints"/> lists the index sets tied by a sum.</summary>
    public static bool[] Suppress(IReadOnlyList<int> values, int minimumCell, IReadOnlyList<IReadOnlyList<int>> constraints)
    {
        var suppressed = values.Select(v => v < minimumCell).ToArray();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var set in constraints)
            {
                if (set.Count(i => suppressed[i]) != 1)
                {
                    continue;
                }

                var published = set.Where(i => !suppressed[i]).ToList();
                if (published.Count == 0)
                {
                    continue;
                }

                var smallest = published.MinBy(i => values[i]);
                suppressed[smallest] = true;
                changed = true;
            }
        }

        return suppressed;
    }

    /// <summary>
    /// A breakdown or list (rows of [total, female, male, diverse, unknown], one per category): each row adds up to its
    /// total, and each column adds up to a total the reader knows or can build — the P3 cases served by personGroup, the
    /// closures by outcome, the LEKs by code and by funder alike. One hidden cell in a column would be that total minus
    /// the published others, so the columns are tied like those of a balance.
    /// </summary>
    public static int?[][] PublishTable(IReadOnlyList<int[]> rows, int minimumCell) => Publish(rows, minimumCell, balance: true);

    /// <summary>
    /// A table of rows of [total, female, male, diverse, unknown] (each row adds up to its total); with
    /// <paramref name="balance"/> the rows are start, entries, exits, end of one group and each column balances too.
    /// </summary>
    public static int?[][] Publish(IReadOnlyList<int[]> rows, int minimumCell, bool balance)
    {
        var width = rows.Count == 0 ? 0 : rows[0].Length;
        var values = rows.SelectMany(r => r).ToList();
        var constraints = new List<IReadOnlyList<int>>();
        for (var r = 0; r < rows.Count; r++)
        {
            constraints.Add([.. Enumerable.Range(r * width, width)]);
        }

        if (balance)
        {
            for (var c = 0; c < width; c++)
            {
                constraints.Add([.. Enumerable.Range(0, rows.Count).Select(r => (r * width) + c)]);
            }
        }

        var suppressed = Suppress(values, minimumCell, constraints);
        return [.. rows.Select((row, r) => row.Select((v, c) => suppressed[(r * width) + c] ? (int?)null : v).ToArray())];
    }
}
