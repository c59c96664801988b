using System.Globalization;
using Teilhabe.Core.Time;

namespace Teilhabe.Web.Features.Shared;

/// <summary>The one way pages, exports and letters write dates and numbers: German, dates and times in Berlin time.</summary>
internal static class GermanFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>"23.11.2026".</summary>
    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", Culture);

    /// <summary>"23.11.2026", or "–" when there is no date.</summary>
    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "–";

    /// <summary>The Berlin date of a moment: "23.11.2026".</summary>
    public static string Date(DateTimeOffset at) => BerlinTime.ToBerlin(at).ToString("dd.MM.yyyy", Culture);

    /// <summary>The Berlin date and time of a moment: "23.11.2026 14:05" (with seconds: "14:05:09").</summary>
    public static string DateTime(DateTimeOffset at, bool seconds = false)
        => BerlinTime.ToBerlin(at).ToString(seconds ? "dd.MM.yyyy HH:mm:ss" : "dd.MM.yyyy HH:mm", Culture);

    /// <summary>A number with German separators: "1.234,5".</summary>
    public static string Number(decimal value, int decimals = 0) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture);

    public static string Number(double value, int decimals = 0) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture);

    /// <summary>An amount in euro: "1.234,50 €".</summary>
    public static string Euro(decimal amount) => amount.ToString("N2", Culture) + " €";
}
