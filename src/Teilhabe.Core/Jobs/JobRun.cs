namespace Teilhabe.Core.Jobs;

/// <summary>
/// One run of a daily background job. The unique index on (Job, Day) is the lock between several app instances:
/// the instance whose insert succeeds runs the job that day, every other instance skips it.
/// </summary>
public sealed class JobRun
{
    private JobRun()
    {
        Job = string.Empty;
    }

    public JobRun(string job, DateOnly day, DateTimeOffset startedAt)
    {
        Id = Guid.CreateVersion7();
        Job = job;
        Day = day;
        StartedAt = startedAt;
    }

    public Guid Id { get; private set; }

    public string Job { get; private set; }

    public DateOnly Day { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }
}
