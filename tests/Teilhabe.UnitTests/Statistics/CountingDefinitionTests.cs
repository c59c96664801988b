using Teilhabe.Core.Cases;
using Teilhabe.Core.Statistics;

namespace Teilhabe.UnitTests.Statistics;

/// <summary>
/// STAT-01: the counting definitions of <see cref="StatisticsDefinitions"/> (the very expressions the database runs,
/// compiled here) keep the balance start + entries − exits = end, and the stock agrees with replaying the phase history
/// day by day. 500 generated histories, fixed seed, no extra library.
/// </summary>
public sealed class CountingDefinitionTests
{
    private static readonly Func<DateOnly, Func<CaseSpan, bool>> InStock = d => StatisticsDefinitions.InStockOn(d).Compile();

    /// <summary>A random history that follows the phase machine (PH-00), with dates moving forward (or, rarely, back).</summary>
    private static List<(Phase From, Phase To, DateOnly On)> History(Random random, bool allowBackwards)
    {
        var fds = random.NextDouble() < 0.3;
        var phase = fds ? Phase.FP1 : Phase.P1;
        var day = new DateOnly(2023, 1, 1).AddDays(random.Next(0, 1200));
        var moves = new List<(Phase, Phase, DateOnly)>();
        while (random.NextDouble() < 0.8)
        {
            Phase[] next = phase switch
            {
                Phase.P1 => [Phase.P2, Phase.P3, Phase.P4],
                Phase.P2 => [Phase.P3, Phase.P4],
                Phase.P3 => [Phase.P4],
                Phase.FP1 => [Phase.FP3, Phase.FP4, Phase.FP5],
                Phase.FP3 => [Phase.FP4, Phase.FP5],
                _ => [],
            };
            if (next.Length == 0)
            {
                break;
            }

            var to = next[random.Next(next.Length)];
            var step = random.Next(0, 5) == 0 ? 0 : random.Next(1, 300);
            if (allowBackwards && random.Next(0, 10) == 0)
            {
                step = -random.Next(1, 60);
            }

            day = day.AddDays(step);
            moves.Add((phase, to, day));
            phase = to;
        }

        return moves;
    }

    private static (DateOnly From, DateOnly To) Period(Random random)
    {
        if (random.Next(2) == 0)
        {
            var year = random.Next(2023, 2027);
            return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }

        var from = new DateOnly(2023, 1, 1).AddDays(random.Next(0, 1300));
        return (from, from.AddDays(random.Next(0, 400)));
    }

    [Fact]
    [Trait("Rule", "STAT-01")]
    public void STAT01_start_plus_entries_minus_exits_equals_end_for_500_generated_histories()
    {
        var random = new Random(20251231);
        for (var round = 0; round < 20; round++)
        {
            var histories = Enumerable.Range(0, 25).Select(_ => History(random, allowBackwards: true)).ToList();
            var (from, to) = Period(random);
            foreach (var group in StatisticsDefinitions.Groups)
            {
                var spans = histories.Select(h => StatisticsDefinitions.SpanOf(h, group.EntryPhase)).OfType<CaseSpan>().ToList();
                var start = spans.Count(InStock(StatisticsDefinitions.StartStockDay(from)));
                var entries = spans.Count(StatisticsDefinitions.EntersWithin(from, to).Compile());
                var exits = spans.Count(StatisticsDefinitions.ExitsWithin(from, to).Compile());
                var end = spans.Count(InStock(to));
                Assert.True(start + entries - exits == end, $"{group.Code} {from}–{to}: {start} + {entries} − {exits} ≠ {end}");

                // The breakdown population is exactly the start stock plus the entries.
                Assert.Equal(start + entries, spans.Count(StatisticsDefinitions.ActiveWithin(from, to).Compile()));
            }
        }
    }

    [Fact]
    [Trait("Rule", "STAT-01")]
    public void STAT01_the_stock_on_a_day_is_the_phase_the_case_was_in_at_the_end_of_that_day()
    {
        var random = new Random(197);
        var histories = Enumerable.Range(0, 500).Select(_ => History(random, allowBackwards: false)).ToList();
        for (var check = 0; check < 200; check++)
        {
            var day = new DateOnly(2023, 1, 1).AddDays(random.Next(0, 1600));
            foreach (var group in StatisticsDefinitions.Groups)
            {
                var byDefinition = histories.Select(h => StatisticsDefinitions.SpanOf(h, group.EntryPhase)).OfType<CaseSpan>().Count(InStock(day));
                var byReplay = histories.Count(h => h.Where(m => m.On <= day).Select(m => (Phase?)m.To).LastOrDefault() == group.EntryPhase);
                Assert.Equal(byReplay, byDefinition);
            }
        }
    }

    [Fact]
    [Trait("Rule", "STAT-01")]
    public void STAT01_P1_cases_and_uncommissioned_statements_never_belong_to_a_group()
    {
        var d = new DateOnly(2025, 3, 1);
        (Phase, Phase, DateOnly)[] p1Only = [(Phase.P1, Phase.P4, d)];
        (Phase, Phase, DateOnly)[] returned = [(Phase.FP1, Phase.FP5, d)];
        (Phase, Phase, DateOnly)[] additional = [(Phase.FP1, Phase.FP4, d)];
        foreach (var h in new[] { p1Only, returned, additional })
        {
            Assert.All(StatisticsDefinitions.Groups, g => Assert.Null(StatisticsDefinitions.SpanOf(h, g.EntryPhase)));
        }
    }

    [Fact]
    [Trait("Rule", "STAT-01")]
    public void STAT01_a_case_that_leaves_on_the_last_day_is_an_exit_and_not_in_the_end_stock()
    {
        (Phase, Phase, DateOnly)[] h = [(Phase.P1, Phase.P3, new(2025, 1, 1)), (Phase.P3, Phase.P4, new(2025, 12, 31))];
        var span = StatisticsDefinitions.SpanOf(h, Phase.P3)!;
        Assert.False(InStock(new DateOnly(2024, 12, 31))(span));
        Assert.True(StatisticsDefinitions.EntersWithin(new(2025, 1, 1), new(2025, 12, 31)).Compile()(span));
        Assert.True(StatisticsDefinitions.ExitsWithin(new(2025, 1, 1), new(2025, 12, 31)).Compile()(span));
        Assert.False(InStock(new DateOnly(2025, 12, 31))(span));
        Assert.True(InStock(new DateOnly(2025, 12, 30))(span));
    }

    [Theory]
    [Trait("Rule", "STAT-01")]
    [InlineData("2000-01-01", "25-34")]
    [InlineData("2000-01-02", "0-24")]
    [InlineData("1970-01-01", "55+")]
    [InlineData("1980-06-30", "35-44")]
    public void STAT01_age_bands_follow_the_profile_bounds_on_the_reference_day(string birth, string expected)
    {
        int[] bounds = [0, 25, 35, 45, 55];
        var index = StatisticsDefinitions.AgeBandIndex(new DateOnly(2025, 1, 1), bounds).Compile()(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, StatisticsDefinitions.AgeBandCode(index, bounds));
    }

    [Theory]
    [Trait("Rule", "STAT-02")]
    [InlineData(0, true, null)]
    [InlineData(2, true, null)]
    [InlineData(3, true, 3)]
    [InlineData(1, false, 1)]
    public void STAT02_publication_suppresses_cells_below_3(int value, bool publication, int? expected)
        => Assert.Equal(expected, StatisticsDefinitions.Publish(value, publication, 3));
}
