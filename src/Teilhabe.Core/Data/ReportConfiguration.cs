using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Reports;

namespace Teilhabe.Core.Data;

internal sealed class ReportVersionConfiguration : IEntityTypeConfiguration<ReportVersion>
{
    public void Configure(EntityTypeBuilder<ReportVersion> b)
    {
        b.ToTable("ReportVersions");
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.Sha256).HasMaxLength(64);
        b.Property(r => r.StorageKey).HasMaxLength(100);
        b.Property(r => r.CreatedBy).HasMaxLength(64);
        b.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.CaseId, r.Kind, r.Number }).IsUnique();
        b.HasIndex(r => r.ServiceId);
    }
}

internal sealed class ReportRequestConfiguration : IEntityTypeConfiguration<ReportRequest>
{
    public void Configure(EntityTypeBuilder<ReportRequest> b)
    {
        b.ToTable("ReportRequests");
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.RequestedBy).HasMaxLength(200);
        b.Property(r => r.CreatedByUserId).HasMaxLength(64);
        b.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.CaseId);
        b.HasIndex(r => new { r.ServiceId, r.DueDate });
        b.Ignore(r => r.IsOpen);
    }
}

internal sealed class CaseGoalConfiguration : IEntityTypeConfiguration<CaseGoal>
{
    public void Configure(EntityTypeBuilder<CaseGoal> b)
    {
        b.ToTable("CaseGoals");
        b.Property(g => g.Goal).HasMaxLength(1000);
        b.Property(g => g.SubGoals).HasMaxLength(4000);
        b.Property(g => g.Activities).HasMaxLength(4000);
        b.Property(g => g.Resources).HasMaxLength(2000);
        b.Property(g => g.Responsible).HasMaxLength(1000);
        b.Property(g => g.Rating).HasConversion<string>().HasMaxLength(32);
        b.Property(g => g.RatingExplanation).HasMaxLength(2000);
        b.Property(g => g.RatedBy).HasMaxLength(64);
        b.Property(g => g.Version).IsConcurrencyToken();
        b.HasOne<Case>().WithMany().HasForeignKey(g => g.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(g => g.CaseId);
        b.HasIndex(g => g.ClientId);
        b.Ignore(g => g.IsRated);
    }
}
