namespace Teilhabe.Core.Time;

/// <summary>
/// Pretends a fixed calendar date (Berlin) while the time of day runs on, so that timestamps stay ordered.
/// Used only for acceptance testing (configuration key Clock:FixedDate, Development/Testing only).
/// </summary>
public sealed class FixedDateTimeProvider(DateOnly date, TimeProvider inner) : TimeProvider
{
    public DateOnly Date { get; } = date;

    public override DateTimeOffset GetUtcNow()
    {
        var berlinNow = BerlinTime.ToBerlin(inner.GetUtcNow());
        var local = Date.ToDateTime(TimeOnly.FromDateTime(berlinNow.DateTime));
        return new DateTimeOffset(local, BerlinTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public override TimeZoneInfo LocalTimeZone => BerlinTime.Zone;
}
