using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.Core.Jobs;
using Teilhabe.Core.Time;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Deadlines.Reminders;

/// <summary>
/// The optional daily e-mail reminder (Teilhabe:Reminders): once a day, at the configured hour (Berlin time), every
/// caseworker, deputy and IFD lead with an e-mail address and due or overdue items in their deadline list gets one
/// e-mail with the number of items and the case numbers, and a link to /wiedervorlagen.
/// <para>
/// Data protection: e-mail leaves the product's protected environment, so the message carries NO client names and
/// no other personal data — only counts and case numbers (pseudonymous file references). Everything else is seen
/// after signing in.
/// </para>
/// <para>
/// Several app instances: a <see cref="JobRun"/> row (Job, Day, unique) is inserted in its own transaction before
/// the job runs; only the instance whose insert succeeds sends, all others skip that day.
/// </para>
/// </summary>
internal sealed class ReminderJob(
    IServiceScopeFactory scopes, IOptions<TeilhabeOptions> options, TimeProvider clock, ILogger<ReminderJob> logger) : BackgroundService
{
    public const string JobName = "DeadlineReminder";

    private static readonly string[] RecipientRoles = [Roles.Caseworker, Roles.Deputy, Roles.ServiceLead];

    /// <summary>Runs the job for <paramref name="day"/> unless another instance already did; returns the number of e-mails sent.</summary>
    public async Task<int?> RunOnceAsync(DateOnly day, CancellationToken ct)
    {
        if (!await ClaimAsync(day, ct))
        {
            logger.LogInformation("Reminder job for {Day} already ran on another instance, skipped.", day);
            return null;
        }

        List<AppUser> recipients;
        using (var scope = scopes.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var byId = new Dictionary<string, AppUser>();
            foreach (var role in RecipientRoles)
            {
                foreach (var user in await users.GetUsersInRoleAsync(role))
                {
                    if (user.IsActive && user.ServiceId is not null && !string.IsNullOrWhiteSpace(user.Email))
                    {
                        byId[user.Id] = user;
                    }
                }
            }

            recipients = [.. byId.Values.OrderBy(u => u.UserName, StringComparer.Ordinal)];
        }

        var sent = 0;
        foreach (var recipient in recipients)
        {
            try
            {
                if (await RemindAsync(recipient, day, ct))
                {
                    sent++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One unreachable mailbox must not stop the others; the day is not retried (no duplicate e-mails).
                logger.LogWarning(e, "Reminder e-mail to user {UserId} failed.", recipient.Id);
            }
        }

        logger.LogInformation("Reminder job for {Day}: {Sent} e-mails sent.", day, sent);
        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Reminders.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = BerlinTime.ToBerlin(clock.GetUtcNow());
            var today = DateOnly.FromDateTime(now.DateTime);
            var hour = Math.Clamp(options.Value.Reminders.Hour, 0, 23);
            var due = BerlinTime.StartOfDayUtc(today).AddHours(hour);
            if (clock.GetUtcNow() >= due)
            {
                // Started after today's hour: run now (the lock keeps it to once a day), then wait for tomorrow.
                try
                {
                    await RunOnceAsync(today, stoppingToken);
                    due = BerlinTime.StartOfDayUtc(today.AddDays(1)).AddHours(hour);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Failed before the claim: tried again shortly; failed after it: the claim makes the retry skip.
                    logger.LogError(e, "Reminder job for {Day} failed.", today);
                    due = clock.GetUtcNow().AddMinutes(5);
                }
            }

            var wait = due - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
        }
    }

    /// <summary>The database lock: insert (Job, Day) in its own context and transaction; a unique violation means another instance has it.</summary>
    private async Task<bool> ClaimAsync(DateOnly day, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        db.JobRuns.Add(new JobRun(JobName, day, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Only the unique index on (Job, Day) means "another instance has it"; any other error (a busy or lost
            // database) propagates, so that the day is tried again instead of being skipped by everybody.
            return false;
        }
    }

    private async Task<bool> RemindAsync(AppUser recipient, DateOnly day, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(recipient);
        if (services.GetRequiredService<ICurrentUser>() is not HttpCurrentUser current)
        {
            throw new InvalidOperationException("The reminder job needs HttpCurrentUser to act for a user.");
        }

        current.ActAs(principal);
        var items = await services.GetRequiredService<DeadlineService>().ListAsync(new DeadlineService.Filter(), ct);
        var due = items.Where(i => i.DueDate <= day).ToList();
        if (due.Count == 0)
        {
            return false;
        }

        await services.GetRequiredService<IMailSender>().SendAsync(Compose(recipient.Email!, due, day), ct);
        return true;
    }

    /// <summary>Count and case numbers only — never client names or other personal data (see class comment).</summary>
    private MailMessage Compose(string to, IReadOnlyList<DeadlineItem> due, DateOnly day)
    {
        var overdue = due.Count(i => i.Overdue);
        var caseNumbers = due.Where(i => i.CaseNumber is not null).Select(i => i.CaseNumber!).Distinct().Order(StringComparer.Ordinal).ToList();
        var link = (options.Value.Reminders.BaseUrl?.TrimEnd('/') ?? string.Empty) + "/wiedervorlagen";
        var body = new StringBuilder();
        body.AppendLine("Guten Tag,");
        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"in Ihrer Wiedervorlage sind am {day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)} {due.Count} Einträge fällig, davon {overdue} überfällig.");
        if (caseNumbers.Count > 0)
        {
            body.AppendLine();
            body.AppendLine("Betroffene Fälle (Aktenzeichen):");
            foreach (var number in caseNumbers)
            {
                body.AppendLine(CultureInfo.InvariantCulture, $"- {number}");
            }
        }

        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"Zur Wiedervorlage: {link}");
        body.AppendLine();
        body.AppendLine("Diese E-Mail enthält bewusst keine Namen oder weiteren personenbezogenen Daten.");
        return new MailMessage(to, $"Teilhabe: {due.Count} fällige Einträge in Ihrer Wiedervorlage", body.ToString());
    }
}
