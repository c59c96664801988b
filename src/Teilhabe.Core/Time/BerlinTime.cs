namespace Teilhabe.Core.Time;

/// <summary>Storage is UTC; "today", working days and "6 weeks back" are reckoned in Europe/Berlin.</summary>
public static class BerlinTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static DateTimeOffset ToBerlin(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(ToBerlin(clock.GetUtcNow()).DateTime);

    public static DateTimeOffset StartOfDayUtc(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
