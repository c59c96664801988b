namespace Teilhabe.Core.Profiles;

/// <summary>The built-in state profiles.</summary>
public static class StateProfiles
{
    /// <summary>Thüringen: the defaults of DOMAIN.md (HaGe, as of 2026-01-01).</summary>
    public static readonly StateProfile Thuringia = new()
    {
        Code = "TH",
        StateName = "Thüringen",
        PublicHolidays = ThuringianHolidays,
    };

    public static StateProfile Get(string code) => code.ToUpperInvariant() switch
    {
        "TH" => Thuringia,
        _ => throw new ArgumentException($"Unbekanntes Landesprofil '{code}'. Verfügbar: TH.", nameof(code)),
    };

    /// <summary>Public holidays in Thuringia (nationwide ones plus Weltkindertag and Reformationstag).</summary>
    public static IReadOnlySet<DateOnly> ThuringianHolidays(int year)
    {
        var easter = EasterSunday(year);
        var days = new HashSet<DateOnly>
        {
            new(year, 1, 1),
            easter.AddDays(-2),
            easter.AddDays(1),
            new(year, 5, 1),
            easter.AddDays(39),
            easter.AddDays(50),
            new(year, 10, 3),
            new(year, 10, 31),
            new(year, 12, 25),
            new(year, 12, 26),
        };

        // Weltkindertag is a Thuringian holiday since 2019.
        if (year >= 2019)
        {
            days.Add(new DateOnly(year, 9, 20));
        }

        return days;
    }

    /// <summary>Gregorian Easter Sunday (anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
