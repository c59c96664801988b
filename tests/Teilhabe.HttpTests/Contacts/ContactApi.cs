using System.Globalization;
using System.Net.Http.Json;
using Teilhabe.Core.Time;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Contacts;

/// <summary>Intent methods for contacts and LEK through the API.</summary>
public static class ContactApi
{
    public static readonly string[] Topics = ["counselling-job"];

    public static DateOnly BerlinToday(this TeilhabeFactory factory)
        => factory.Clock.Today();

    /// <summary>10:00 UTC on the given day: the same calendar day in Berlin.</summary>
    public static DateTimeOffset OnDay(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    public static string Iso(this DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The day that lies the given number of working days (Mon–Fri) before today.</summary>
    public static DateOnly WorkingDaysBack(this TeilhabeFactory factory, int days)
    {
        var day = factory.BerlinToday();
        while (days > 0)
        {
            day = day.AddDays(-1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }

        return day;
    }

    public static async Task<string> CreateOutcomeAsync(this HttpClient client, string caseId, string outcomeCode = "employer-counselled")
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/outcomes", new { outcomeCode });
        return await response.ReadCreatedIdAsync();
    }

    public static Task<HttpResponseMessage> RecordContactAsync(
        this HttpClient client, string caseId, DateTimeOffset occurredAt, string[] outcomeIds, string form = "personal", string participantKind = "client")
        => client.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", new
        {
            occurredAt,
            form,
            keywords = "Gespräch zur Arbeitssituation",
            participants = new[] { new { kind = participantKind, name = "Frau Beispiel" } },
            note = "Vereinbart: nächster Termin in zwei Wochen.",
            topicCodes = Topics,
            outcomeIds,
        });
}
