using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Data;
using Teilhabe.Core.Retention;
using Teilhabe.Core.Time;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Retention;

/// <summary>
/// DEL-01: the nightly job. Once an hour it checks whether today's run happened; the first instance to insert the
/// day's <see cref="RetentionRun"/> row (unique day) runs it, every other instance gets a unique-key error and skips.
/// </summary>
internal sealed class RetentionJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RetentionJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The interval is real time (the day comes from the injected clock), so a test clock moving never triggers a run.
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "DEL-01 retention run failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs today's deletion unless another instance already claimed the day; true when this call ran it.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var today = clock.Today();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        if (await db.RetentionRuns.AnyAsync(r => r.Day == today, ct))
        {
            return false;
        }

        var run = new RetentionRun(today, clock.GetUtcNow());
        db.RetentionRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another instance inserted the day first. Other errors propagate and the next hourly check retries.
            return false;
        }

        var result = await scope.ServiceProvider.GetRequiredService<RetentionService>().RunAsync(today, ct);
        run.CasesAnonymised = result.Cases;
        run.ClientsAnonymised = result.Clients + result.ClientsDeleted;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("DEL-01 retention run {Day}: {Cases} cases, {Participations} participations, {Clients} clients anonymised, {Deleted} clients without case deleted",
            today, result.Cases, result.Participations, result.Clients, result.ClientsDeleted);
        return true;
    }
}
