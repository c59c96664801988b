using Teilhabe.Core.Profiles;

namespace Teilhabe.UnitTests.Profiles;

/// <summary>CT-02 counts working days; the TH profile's public holidays and the Easter computation behind them.</summary>
public sealed class ThuringianHolidaysTests
{
    [Theory]
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)]
    [InlineData(2011, 4, 24)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Easter_Sunday_is_computed_for_the_Gregorian_calendar(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), StateProfiles.EasterSunday(year));
    }

    [Fact]
    public void Thuringian_holidays_2026_are_the_eleven_statutory_days()
    {
        DateOnly[] expected =
        [
            new(2026, 1, 1),   // Neujahr
            new(2026, 4, 3),   // Karfreitag
            new(2026, 4, 6),   // Ostermontag
            new(2026, 5, 1),   // Tag der Arbeit
            new(2026, 5, 14),  // Christi Himmelfahrt
            new(2026, 5, 25),  // Pfingstmontag
            new(2026, 9, 20),  // Weltkindertag (Thüringen)
            new(2026, 10, 3),  // Tag der Deutschen Einheit
            new(2026, 10, 31), // Reformationstag
            new(2026, 12, 25), // 1. Weihnachtstag
            new(2026, 12, 26), // 2. Weihnachtstag
        ];

        Assert.Equal(expected, StateProfiles.ThuringianHolidays(2026).Order());
    }

    [Theory]
    [InlineData(2026, 1, 6)]   // Heilige Drei Könige: not in Thuringia
    [InlineData(2026, 6, 4)]   // Fronleichnam: only regionally (Eichsfeld), not statewide
    [InlineData(2026, 11, 1)]  // Allerheiligen
    [InlineData(2026, 11, 18)] // Buß- und Bettag: Saxony only
    [InlineData(2026, 4, 5)]   // Ostersonntag is a Sunday anyway, not listed
    [InlineData(2026, 12, 24)] // Heiligabend: a working day by law
    public void Days_that_are_holidays_elsewhere_are_working_days_in_Thuringia(int year, int month, int day)
    {
        Assert.DoesNotContain(new DateOnly(year, month, day), StateProfiles.ThuringianHolidays(year));
    }

    [Fact]
    public void Movable_holidays_follow_Easter_in_every_year()
    {
        for (var year = 2020; year <= 2040; year++)
        {
            var easter = StateProfiles.EasterSunday(year);
            var holidays = StateProfiles.ThuringianHolidays(year);

            Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
            Assert.Contains(easter.AddDays(-2), holidays);
            Assert.Contains(easter.AddDays(1), holidays);
            Assert.Contains(easter.AddDays(39), holidays);
            Assert.Equal(DayOfWeek.Thursday, easter.AddDays(39).DayOfWeek);
            Assert.Contains(easter.AddDays(50), holidays);
            Assert.Equal(11, holidays.Count);
        }
    }

    [Fact]
    public void Profile_TH_carries_the_Thuringian_holidays()
    {
        var profile = StateProfiles.Get("th");

        Assert.Equal("TH", profile.Code);
        Assert.Equal(StateProfiles.ThuringianHolidays(2027), profile.PublicHolidays(2027));
    }

    [Fact]
    public void Unknown_state_profile_is_refused_with_a_German_message()
    {
        var error = Assert.Throws<ArgumentException>(() => StateProfiles.Get("XX"));

        Assert.Contains("Unbekanntes Landesprofil", error.Message);
    }

    [Theory]
    [InlineData(2019)]
    [InlineData(2020)]
    [InlineData(2024)]
    [InlineData(2026)]
    [InlineData(2035)]
    [Trait("Rule", "CT-02")]
    public void Weltkindertag_20_September_is_a_Thuringian_holiday_from_2019(int year)
    {
        Assert.Contains(new DateOnly(year, 9, 20), StateProfiles.ThuringianHolidays(year));
    }

    [Theory]
    [InlineData(2015)]
    [InlineData(2017)]
    [InlineData(2018)]
    [Trait("Rule", "CT-02")]
    public void Weltkindertag_is_a_working_day_in_Thuringia_before_2019(int year)
    {
        Assert.DoesNotContain(new DateOnly(year, 9, 20), StateProfiles.ThuringianHolidays(year));
        Assert.Equal(10, StateProfiles.ThuringianHolidays(year).Count);
    }

    [Fact]
    [Trait("Rule", "CT-02")]
    public void A_profile_counts_the_holidays_of_its_own_Land()
    {
        // The example profile takes the holidays of Saxony: Buß- und Bettag, no Weltkindertag.
        var saxony = StateProfiles.HolidaysOf("SN");

        Assert.Contains(new DateOnly(2026, 11, 18), saxony(2026));
        Assert.DoesNotContain(new DateOnly(2026, 9, 20), saxony(2026));
        Assert.Throws<ArgumentException>(() => StateProfiles.HolidaysOf("QQ"));
    }
}
