using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Teilhabe.Core.Cases;

namespace Teilhabe.Core.Retention;

/// <summary>DEL-01: one row per day the nightly retention job ran; the unique day lets only one instance run.</summary>
public sealed class RetentionRun
{
    private RetentionRun()
    {
    }

    public RetentionRun(DateOnly day, DateTimeOffset startedAt)
    {
        Id = Guid.CreateVersion7();
        Day = day;
        StartedAt = startedAt;
    }

    public Guid Id { get; private set; }
    public DateOnly Day { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public int CasesAnonymised { get; set; }
    public int ClientsAnonymised { get; set; }
}

/// <summary>
/// DEL-01: when the personal data of a case is due. The retention ends at the end of the N-th calendar year after
/// the closing (P4/FP4/FP5) — N from the state profile, a shorter one for a Qualifizierte Beratung that never reached P3
/// when the profile sets it — and the data is deleted on 1 January of the following year.
/// Example: closed 2020-03-15, N = 5 → kept until 2025-12-31, deleted on 2026-01-01.
/// </summary>
public static class RetentionRules
{
    public const string Rule = "DEL-01";
    public const string Reason = "DEL-01 Aufbewahrungsfrist abgelaufen";

    public static DateOnly DeletionDate(DateOnly closedOn, bool reachedCommission, Profiles.StateProfile profile)
    {
        var years = reachedCommission ? profile.RetentionYearsAfterClosing : profile.RetentionYearsCounsellingOnly ?? profile.RetentionYearsAfterClosing;
        return new DateOnly(closedOn.Year + years + 1, 1, 1);
    }

    /// <summary>The latest closing date whose deletion date is on or before <paramref name="day"/> (for queries).</summary>
    public static DateOnly LatestClosingDueBy(DateOnly day, int years) => new(day.Year - years - 1, 12, 31);

    public static bool IsClosed(Phase phase) => PhaseLabels.IsClosed(phase);
}

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> b)
    {
        b.ToTable("RetentionRuns");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.Day).IsUnique();
    }
}
