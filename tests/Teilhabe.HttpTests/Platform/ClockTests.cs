using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Time;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Platform;

/// <summary>API.md "The clock": Clock:FixedDate pretends a date in Development/Testing and is refused elsewhere.</summary>
public sealed class ClockTests
{
    private const string FixedDate = "2026-03-02";

    [Fact]
    public async Task Clock_FixedDate_is_honoured_in_Testing_for_every_timestamp_the_app_writes()
    {
        await using var factory = TeilhabeFactory.With(new TeilhabeFactoryOptions
        {
            FakeClock = false,
            Settings = new Dictionary<string, string?> { ["Teilhabe:Clock:FixedDate"] = FixedDate },
        });
        var expected = DateOnly.ParseExact(FixedDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Equal(expected, factory.Services.GetRequiredService<TimeProvider>().Today());
        using var admin = await factory.AdminClientAsync();
        using var response = await admin.GetAsync("/api/v1/admin/audit");
        var rows = await response.Content.ReadFromJsonAsync<List<AuditRow>>();

        Assert.NotNull(rows);
        Assert.Contains(rows, r => r.Action == "login");
        Assert.All(rows, r => Assert.Equal(expected, DateOnly.FromDateTime(BerlinTime.ToBerlin(r.At).DateTime)));
    }

    [Fact]
    public async Task Clock_FixedDate_is_refused_at_startup_in_Production()
    {
        await using var factory = TeilhabeFactory.With(new TeilhabeFactoryOptions
        {
            Environment = "Production",
            FakeClock = false,
            Settings = new Dictionary<string, string?> { ["Teilhabe:Clock:FixedDate"] = FixedDate },
        });

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("Clock:FixedDate", error.Message);
    }

    private sealed record AuditRow(DateTimeOffset At, string Action);
}
