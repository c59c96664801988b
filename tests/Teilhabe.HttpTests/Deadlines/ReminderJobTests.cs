using System.Collections.Concurrent;
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

/// <summary>The daily e-mail reminder: once per day across app instances, case numbers only, never client names.</summary>
public sealed class ReminderJobTests
{
    [Fact]
    public async Task Reminder_two_instances_on_one_database_send_each_email_once_per_day_with_case_numbers_and_no_names()
    {
        await using var app = new TeilhabeFactory();
        var tenant = await TestTenant.CreateAsync(app, withSecondService: false);
        using var caseworker = await app.LoginAsync(tenant.CaseworkerA);
        var lastName = app.Unique("Erinnerung");
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync(lastName, "Fiona") });
        await caseworker.SignNoticeAsync(id, app.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof");
        await caseworker.PatchOkAsync(id, new { plannedContents = "Beratung zum Kündigungsschutz" });
        using (var p2 = await caseworker.MoveAsync(id, new { to = "P2" }))
        {
            await p2.ExpectAsync(System.Net.HttpStatusCode.OK);
        }

        var caseNumber = (await caseworker.GetJsonAsync($"/api/v1/cases/{id}")).GetProperty("caseNumber").GetString()!;
        const string address = "fallbearbeitung@ifd.invalid";
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByIdAsync(tenant.CaseworkerA.Id);
            await users.SetEmailAsync(user!, address);
        }

        var sent = new ConcurrentQueue<MailMessage>();
        var recorder = new RecordingMailSender(sent);
        var first = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IMailSender>(recorder)));
        await using var other = TeilhabeFactory.With(new() { Settings = new Dictionary<string, string?> { ["Teilhabe:Database:ConnectionString"] = app.Database.ConnectionString } });
        var second = other.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IMailSender>(recorder)));

        // PH-P2-02 falls due two months after the move to P2: move both instances' clocks past it.
        var start = app.BerlinToday();
        var days = TimeSpan.FromDays(start.AddMonths(2).AddDays(1).DayNumber - start.DayNumber);
        app.Clock.Advance(days);
        other.Clock.Advance(days);
        var day = app.BerlinToday();

        var results = await Task.WhenAll(
            first.Services.GetRequiredService<ReminderJob>().RunOnceAsync(day, CancellationToken.None),
            second.Services.GetRequiredService<ReminderJob>().RunOnceAsync(day, CancellationToken.None));
        Assert.Single(results, r => r is null);
        Assert.Null(await second.Services.GetRequiredService<ReminderJob>().RunOnceAsync(day, CancellationToken.None));
        var mail = Assert.Single(sent);
        Assert.Equal(address, mail.To);
        Assert.Contains(caseNumber, mail.Body, StringComparison.Ordinal);
        Assert.Contains("/wiedervorlagen", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(lastName, mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(lastName, mail.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Fiona", mail.Body, StringComparison.Ordinal);

        // The next day runs again, once.
        app.Clock.Advance(TimeSpan.FromDays(1));
        other.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await second.Services.GetRequiredService<ReminderJob>().RunOnceAsync(day.AddDays(1), CancellationToken.None));
        Assert.Null(await first.Services.GetRequiredService<ReminderJob>().RunOnceAsync(day.AddDays(1), CancellationToken.None));
        Assert.Equal(2, sent.Count);
    }

    private sealed class RecordingMailSender(ConcurrentQueue<MailMessage> sent) : IMailSender
    {
        public Task SendAsync(MailMessage message, CancellationToken ct)
        {
            sent.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}
