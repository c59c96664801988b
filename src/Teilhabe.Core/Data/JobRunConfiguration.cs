using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Teilhabe.Core.Jobs;

namespace Teilhabe.Core.Data;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.ToTable("JobRuns");
        b.Property(r => r.Job).HasMaxLength(64);
        b.HasIndex(r => new { r.Job, r.Day }).IsUnique();
    }
}
