using Teilhabe.Core.Statistics;

namespace Teilhabe.UnitTests.Statistics;

/// <summary>STAT-02: primary suppression below the minimum and secondary suppression of what a sum would give away.</summary>
public sealed class CellSuppressionTests
{
    [Fact]
    [Trait("Rule", "STAT-02")]
    public void STAT02_one_small_gender_next_to_a_published_total_takes_the_smallest_other_gender_with_it()
    {
        // total 12 = 4 + 5 + 1 + 2 would reveal nothing if only "diverse" (1) and "unknown" (2) go: two are hidden already.
        Assert.Equal([12, 4, 5, null, null], CellSuppression.Publish([[12, 4, 5, 1, 2]], 3, balance: false)[0]);

        // total 13 = 4 + 5 + 1 + 3: only "diverse" is small, so the smallest published gender ("unknown", 3) goes as well.
        Assert.Equal([13, 4, 5, null, null], CellSuppression.Publish([[13, 4, 5, 1, 3]], 3, balance: false)[0]);
    }

    [Fact]
    [Trait("Rule", "STAT-02")]
    public void STAT02_a_small_end_stock_cannot_be_computed_from_the_balance()
    {
        int[][] rows = [[3, 3, 0, 0, 0], [3, 3, 0, 0, 0], [4, 4, 0, 0, 0], [2, 2, 0, 0, 0]];

        var published = CellSuppression.Publish(rows, 3, balance: true);

        Assert.Null(published[3][0]);
        Assert.True(published.Count(r => r[0] is null) >= 2);
        Assert.True(published.Count(r => r[1] is null) >= 2);
        // Every row and every column ends with none or at least two hidden cells.
        Assert.All(published, r => Assert.NotEqual(1, r.Count(v => v is null)));
        Assert.All(Enumerable.Range(0, 5), c => Assert.NotEqual(1, published.Count(r => r[c] is null)));
    }

    [Fact]
    [Trait("Rule", "STAT-02")]
    public void STAT02_a_small_cell_of_a_breakdown_cannot_be_computed_from_its_column_total()
    {
        // Personengruppe of 31 P3 cases served, 12 of them women: the women's total is a published group figure.
        int[][] rows = [[10, 2, 8, 0, 0], [9, 4, 5, 0, 0], [12, 6, 6, 0, 0]];
        const int women = 12;

        // Row by row only, the 2 women of the first row are 12 − 4 − 6.
        var rowByRow = rows.Select(r => CellSuppression.Publish([r], 3, balance: false)[0]).ToArray();
        Assert.Null(rowByRow[0][1]);
        Assert.Equal(2, women - rowByRow.Skip(1).Sum(r => r[1]!.Value));

        var published = CellSuppression.PublishTable(rows, 3);

        // The smallest other women's cell (4) goes with it: the two hidden cells are known only as 6 together.
        Assert.Equal([10, null, 8, null, null], published[0]);
        Assert.Equal([9, null, 5, null, null], published[1]);
        Assert.Equal([12, 6, 6, null, null], published[2]);
        Assert.All(Enumerable.Range(0, 5), c => Assert.NotEqual(1, published.Count(r => r[c] is null)));
        Assert.All(published, r => Assert.NotEqual(1, r.Count(v => v is null)));
    }

    [Fact]
    [Trait("Rule", "STAT-02")]
    public void STAT02_suppression_of_a_breakdown_repeats_until_no_row_or_column_has_a_single_hidden_cell()
    {
        // The one woman of the second row is small. Her row then gives up its smallest other cell (4 men); each of the
        // two columns now holding a single hidden cell gives up its smallest other cell (the first row's 4 and 4).
        int[][] rows = [[16, 4, 4, 4, 4], [13, 1, 4, 4, 4], [20, 5, 5, 5, 5]];

        var published = CellSuppression.PublishTable(rows, 3);

        Assert.Equal([16, null, null, 4, 4], published[0]);
        Assert.Equal([13, null, null, 4, 4], published[1]);
        Assert.Equal([20, 5, 5, 5, 5], published[2]);
        Assert.All(Enumerable.Range(0, 5), c => Assert.NotEqual(1, published.Count(r => r[c] is null)));
        Assert.All(published, r => Assert.NotEqual(1, r.Count(v => v is null)));
    }

    [Fact]
    [Trait("Rule", "STAT-02")]
    public void STAT02_nothing_below_the_minimum_means_nothing_is_suppressed()
    {
        Assert.Equal([9, 3, 3, 3, 0], CellSuppression.Publish([[9, 3, 3, 3, 0]], 0, balance: false)[0]);
        // One hidden zero alone is given away by the total: the smallest other gender (the first 3) goes with it.
        Assert.Equal([10, null, 3, 4, null], CellSuppression.Publish([[10, 3, 3, 4, 0]], 1, balance: false)[0]);
    }
}
