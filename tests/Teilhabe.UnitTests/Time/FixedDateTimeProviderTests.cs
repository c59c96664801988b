using Microsoft.Extensions.Time.Testing;
using Teilhabe.Core.Time;

namespace Teilhabe.UnitTests.Time;

/// <summary>API.md "The clock": Clock:FixedDate pretends a calendar day while the time of day runs on.</summary>
public sealed class FixedDateTimeProviderTests
{
    private static readonly DateOnly FixedDay = new(2026, 3, 2);

    [Fact]
    public void Today_is_the_fixed_date_in_Berlin()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 30, 0, TimeSpan.Zero));

        var clock = new FixedDateTimeProvider(FixedDay, real);

        Assert.Equal(FixedDay, clock.Today());
        Assert.Equal(BerlinTime.Zone, clock.LocalTimeZone);
    }

    [Fact]
    public void Time_of_day_is_the_real_Berlin_time_of_day_on_the_fixed_date()
    {
        // 10:30 UTC in November is 11:30 in Berlin; on 2 March (also winter time) 11:30 Berlin is 10:30 UTC.
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 30, 0, TimeSpan.Zero));

        var clock = new FixedDateTimeProvider(FixedDay, real);

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 30, 0, TimeSpan.Zero), clock.GetUtcNow());
    }

    [Fact]
    public void Berlin_summer_time_of_the_real_day_is_mapped_to_winter_time_of_the_fixed_date()
    {
        // 10:30 UTC in July is 12:30 in Berlin (UTC+2); 12:30 Berlin on 2 March is 11:30 UTC (UTC+1).
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 7, 15, 10, 30, 0, TimeSpan.Zero));

        var clock = new FixedDateTimeProvider(FixedDay, real);

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 11, 30, 0, TimeSpan.Zero), clock.GetUtcNow());
        Assert.Equal(FixedDay, clock.Today());
    }

    [Fact]
    public void Timestamps_keep_their_order_as_real_time_runs_on()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        var clock = new FixedDateTimeProvider(FixedDay, real);

        var first = clock.GetUtcNow();
        real.Advance(TimeSpan.FromMinutes(5));
        var second = clock.GetUtcNow();

        Assert.Equal(TimeSpan.FromMinutes(5), second - first);
    }

    [Fact]
    public void Real_midnight_in_Berlin_does_not_move_the_fixed_date()
    {
        // 23:30 UTC on 23 November is 00:30 Berlin on 24 November: still the fixed day.
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 22, 50, 0, TimeSpan.Zero));
        var clock = new FixedDateTimeProvider(FixedDay, real);

        Assert.Equal(FixedDay, clock.Today());
        real.Advance(TimeSpan.FromMinutes(40));
        Assert.Equal(FixedDay, clock.Today());
    }
}
