using System.Globalization;

namespace Teilhabe.Web.Infrastructure;

/// <summary>Optimistic concurrency on the API: the entity version as ETag, checked through If-Match on PUT/PATCH (409 when stale).</summary>
internal static class ETags
{
    public static string Of(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>No header: no check (null). A header that is not one of our ETags: false.</summary>
    public static bool TryParseIfMatch(string? header, out int? version)
    {
        version = null;
        if (string.IsNullOrEmpty(header))
        {
            return true;
        }

        if (!int.TryParse(header.Replace("W/", string.Empty, StringComparison.Ordinal).Trim('"'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            return false;
        }

        version = v;
        return true;
    }
}
