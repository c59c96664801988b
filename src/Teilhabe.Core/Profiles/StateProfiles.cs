using PublicHoliday;

namespace Teilhabe.Core.Profiles;

/// <summary>The built-in state profiles and the public holidays of the Länder.</summary>
public static class StateProfiles
{
    /// <summary>Thüringen: the defaults of DOMAIN.md (HaGe, as of 2026-01-01).</summary>
    public static readonly StateProfile Thuringia = new()
    {
        Code = "TH",
        StateName = "Thüringen",
        HolidayState = "TH",
        PublicHolidays = ThuringianHolidays,
    };

    /// <summary>The built-in profiles by code (further ones come from <see cref="StateProfileFile"/>).</summary>
    public static IReadOnlyList<StateProfile> BuiltIn { get; } = [Thuringia];

    public static StateProfile Get(string code) => code.ToUpperInvariant() switch
    {
        "TH" => Thuringia,
        _ => throw new ArgumentException($"Unbekanntes Landesprofil '{code}'. Verfügbar: TH.", nameof(code)),
    };

    /// <summary>Public holidays in Thuringia (nationwide ones plus Weltkindertag since 2019 and Reformationstag).</summary>
    public static IReadOnlySet<DateOnly> ThuringianHolidays(int year) => HolidaysOf("TH")(year);

    /// <summary>Whether the PublicHoliday library knows the Land of this two-letter code.</summary>
    public static bool IsKnownHolidayState(string state)
        => Enum.TryParse<GermanPublicHoliday.States>(state, ignoreCase: true, out var s) && s != GermanPublicHoliday.States.ALL;

    /// <summary>The statutory public holidays of one Land (the maintained PublicHoliday library), cached per year.</summary>
    public static Func<int, IReadOnlySet<DateOnly>> HolidaysOf(string state)
    {
        if (!IsKnownHolidayState(state))
        {
            throw new ArgumentException($"Unbekanntes Bundesland '{state}' für die Feiertage.", nameof(state));
        }

        var calendar = new GermanPublicHoliday { State = Enum.Parse<GermanPublicHoliday.States>(state, ignoreCase: true) };
        var cache = new System.Collections.Concurrent.ConcurrentDictionary<int, IReadOnlySet<DateOnly>>();
        return year => cache.GetOrAdd(year, y => calendar.PublicHolidays(y)
            .Select(DateOnly.FromDateTime)
            .ToHashSet());
    }

    /// <summary>Gregorian Easter Sunday.</summary>
    public static DateOnly EasterSunday(int year) => DateOnly.FromDateTime(GermanPublicHoliday.EasterSunday(year));
}
