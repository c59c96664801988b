using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Accounts;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;
using Teilhabe.Web.Features.Deadlines.Reminders;

namespace Teilhabe.HttpTests.Deadlines;

/// <summary>
/// TR-03 for deadlines, on SQLite and PostgreSQL: an absence deputy's deadline list and daily reminder e-mail carry
/// the absent caseworker's case deadlines from the first to the last day of the absence — not before, not after.
/// Moves time, so it uses its own factory.
/// </summary>
public sealed class AbsenceDeadlineTests
{
    [Fact]
    [Trait("Rule", "TR-03")]
    public async Task TR03_the_deputys_deadline_list_and_reminder_carry_the_absent_caseworkers_deadlines_during_the_absence_only()
    {
        await using var app = new TeilhabeFactory();
        var tenant = await TestTenant.CreateAsync(app, withSecondService: false);
        string caseId;
        string caseNumber;
        using (var caseworker = await app.LoginAsync(tenant.CaseworkerA))
        {
            caseId = await caseworker.CreateP2CaseAsync(app);
            caseNumber = (await caseworker.GetJsonAsync($"/api/v1/cases/{caseId}")).GetProperty("caseNumber").GetString()!;
        }

        const string absentAddress = "abwesend@ifd.invalid";
        const string deputyAddress = "vertretung@ifd.invalid";
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetEmailAsync((await users.FindByIdAsync(tenant.CaseworkerA.Id))!, absentAddress);
            await users.SetEmailAsync((await users.FindByIdAsync(tenant.DeputyA.Id))!, deputyAddress);
        }

        var sent = new ConcurrentQueue<MailMessage>();
        var withMail = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IMailSender>(new RecordingMailSender(sent))));
        var job = withMail.Services.GetRequiredService<ReminderJob>();

        // The reminder names due or overdue items: move past the PH-P2-02 end of the counselling.
        var start = app.BerlinToday();
        app.Clock.Advance(TimeSpan.FromDays(start.AddMonths(2).AddDays(1).DayNumber - start.DayNumber));
        var day = app.BerlinToday();

        // The absence is planned: from tomorrow for three days, with DeputyA standing in.
        using (var caseworker = await app.LoginAsync(tenant.CaseworkerA))
        {
            using var absence = await caseworker.PostAsJsonAsync($"/api/v1/users/{tenant.CaseworkerA.Id}/absences",
                new { from = day.AddDays(1).Iso(), to = day.AddDays(3).Iso(), deputyUserIds = new[] { tenant.DeputyA.Id } });
            await absence.ExpectAsync(HttpStatusCode.Created);
        }

        await AssertDeputySeesAsync(app, tenant.DeputyA, caseId, expected: false);
        var before = await RunAsync(job, day, sent);
        Assert.Contains(caseNumber, MailTo(before, absentAddress), StringComparison.Ordinal);
        Assert.DoesNotContain(caseNumber, MailTo(before, deputyAddress), StringComparison.Ordinal);

        // First day of the absence.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await AssertDeputySeesAsync(app, tenant.DeputyA, caseId, expected: true);
        var during = await RunAsync(job, day.AddDays(1), sent);
        Assert.Contains(caseNumber, MailTo(during, deputyAddress), StringComparison.Ordinal);
        Assert.Contains(caseNumber, MailTo(during, absentAddress), StringComparison.Ordinal);

        // Last day of the absence (inclusive).
        app.Clock.Advance(TimeSpan.FromDays(2));
        await AssertDeputySeesAsync(app, tenant.DeputyA, caseId, expected: true);

        // The day after it.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await AssertDeputySeesAsync(app, tenant.DeputyA, caseId, expected: false);
        var after = await RunAsync(job, day.AddDays(4), sent);
        Assert.Contains(caseNumber, MailTo(after, absentAddress), StringComparison.Ordinal);
        Assert.DoesNotContain(caseNumber, MailTo(after, deputyAddress), StringComparison.Ordinal);
    }

    private static async Task AssertDeputySeesAsync(TeilhabeFactory app, TestUser deputy, string caseId, bool expected)
    {
        using var client = await app.LoginAsync(deputy);
        var deadlines = (await client.GetJsonAsync("/api/v1/deadlines")).EnumerateArray()
            .Where(e => e.TryGetProperty("caseId", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == caseId)
            .Select(e => e.GetProperty("rule").GetString())
            .ToList();
        if (expected)
        {
            Assert.Contains("PH-P2-02", deadlines);
        }
        else
        {
            Assert.Empty(deadlines);
        }
    }

    /// <summary>Runs the reminder for one day and returns the e-mails it sent.</summary>
    private static async Task<List<MailMessage>> RunAsync(ReminderJob job, DateOnly day, ConcurrentQueue<MailMessage> sent)
    {
        sent.Clear();
        Assert.NotNull(await job.RunOnceAsync(day, CancellationToken.None));
        return [.. sent];
    }

    /// <summary>The body of the e-mail to <paramref name="address"/>, empty when none was sent.</summary>
    private static string MailTo(List<MailMessage> mails, string address)
        => mails.SingleOrDefault(m => m.To == address)?.Body ?? string.Empty;

    private sealed class RecordingMailSender(ConcurrentQueue<MailMessage> sent) : IMailSender
    {
        public Task SendAsync(MailMessage message, CancellationToken ct)
        {
            sent.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}
