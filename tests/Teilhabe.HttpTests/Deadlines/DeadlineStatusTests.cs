using System.Text.Json;
using Teilhabe.Core.Time;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Deadlines;

/// <summary>
/// GET /api/v1/deadlines <c>status</c> (overdue, today, week = within the next 7 days, later) on Berlin calendar days:
/// the clock walks a PH-P2-02 item across each day boundary, one second before and at Berlin midnight.
/// </summary>
public sealed class DeadlineStatusTests
{
    private static readonly string[] Order = ["overdue", "today", "week", "later"];

    [Fact]
    [Trait("Rule", "PH-P2-02")]
    public async Task Deadline_status_changes_at_Berlin_midnight_from_later_to_week_to_today_to_overdue_and_the_list_is_sorted_by_urgency()
    {
        await using var app = new TeilhabeFactory();
        var tenant = await TestTenant.CreateAsync(app, withSecondService: false);
        string id;
        using (var caseworker = await app.LoginAsync(tenant.CaseworkerA))
        {
            id = await caseworker.CreateP2CaseAsync(app);
        }

        var due = app.BerlinToday().AddMonths(2);
        (DateTimeOffset At, string Status)[] steps =
        [
            (BerlinTime.StartOfDayUtc(due.AddDays(-7)).AddSeconds(-1), "later"),
            (BerlinTime.StartOfDayUtc(due.AddDays(-7)), "week"),
            (BerlinTime.StartOfDayUtc(due).AddSeconds(-1), "week"),
            (BerlinTime.StartOfDayUtc(due), "today"),
            (BerlinTime.StartOfDayUtc(due.AddDays(1)).AddSeconds(-1), "today"),
            (BerlinTime.StartOfDayUtc(due.AddDays(1)), "overdue"),
        ];

        foreach (var (at, expected) in steps)
        {
            app.Clock.SetUtcNow(at);
            using var caseworker = await app.LoginAsync(tenant.CaseworkerA);
            var items = (await caseworker.GetJsonAsync("/api/v1/deadlines")).EnumerateArray().ToList();
            var item = Assert.Single(items, i => Text(i, "caseId") == id && Text(i, "rule") == "PH-P2-02");
            Assert.True(expected == Text(item, "status"), $"at {at:u} (Berlin {BerlinTime.ToBerlin(at):yyyy-MM-dd HH:mm:ss}) expected {expected}, got {Text(item, "status")}");
            Assert.Equal(expected == "overdue", item.GetProperty("overdue").GetBoolean());

            var ranks = items.Select(i => Array.IndexOf(Order, Text(i, "status"))).ToList();
            Assert.DoesNotContain(-1, ranks);
            Assert.Equal(ranks.Order().ToList(), ranks);
        }
    }

    private static string? Text(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
