using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Teilhabe.Core.Cases;

namespace Teilhabe.Core.Data;

internal sealed class IncidentAccessConfiguration : IEntityTypeConfiguration<IncidentAccess>
{
    public void Configure(EntityTypeBuilder<IncidentAccess> b)
    {
        b.ToTable("IncidentAccesses");
        b.Property(a => a.UserId).HasMaxLength(64);
        b.Property(a => a.Reason).HasMaxLength(2000);
        b.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.CaseId, a.ExpiresAt });
    }
}

internal sealed class CaseTransferRequestConfiguration : IEntityTypeConfiguration<CaseTransferRequest>
{
    public void Configure(EntityTypeBuilder<CaseTransferRequest> b)
    {
        b.ToTable("CaseTransferRequests");
        b.Property(r => r.CaseNumber).HasMaxLength(20);
        b.Property(r => r.ClientName).HasMaxLength(300);
        b.Property(r => r.RequestedBy).HasMaxLength(64);
        b.Property(r => r.ConfirmedBy).HasMaxLength(64);
        b.Property(r => r.CompletedBy).HasMaxLength(64);
        b.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.ToServiceId);
        b.HasIndex(r => r.FromServiceId);
        b.HasIndex(r => r.CaseId);
        b.Ignore(r => r.IsOpen);
        b.Ignore(r => r.Status);
    }
}

internal sealed class CoordinationNotificationConfiguration : IEntityTypeConfiguration<CoordinationNotification>
{
    public void Configure(EntityTypeBuilder<CoordinationNotification> b)
    {
        b.ToTable("CoordinationNotifications");
        b.Property(n => n.CaseNumber).HasMaxLength(20);
        b.Property(n => n.Kind).HasMaxLength(64);
        b.Property(n => n.Text).HasMaxLength(1000);
        b.HasOne<Case>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.IntegrationOfficeId, n.CreatedAt });
    }
}
