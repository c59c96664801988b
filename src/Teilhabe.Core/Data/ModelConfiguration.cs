using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Organisations;

namespace Teilhabe.Core.Data;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.State).HasMaxLength(2);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
    }
}

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> b)
    {
        b.Property(s => s.Name).HasMaxLength(200);
        b.HasOne(s => s.Provider).WithMany().HasForeignKey(s => s.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.IntegrationOffice).WithMany().HasForeignKey(s => s.IntegrationOfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.SessionStamp).HasMaxLength(32);

        // ACC-11: only the conditional UPDATE of an accepted code writes it; Identity's UpdateAsync (which marks every
        // property modified) must not write back the value it loaded before.
        b.Property(u => u.LastAuthenticatorTimeStep).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        b.HasIndex(u => u.ServiceId);
        b.HasIndex(u => u.IntegrationOfficeId);
    }
}

internal sealed class PasswordHistoryConfiguration : IEntityTypeConfiguration<PasswordHistoryEntry>
{
    public void Configure(EntityTypeBuilder<PasswordHistoryEntry> b)
    {
        b.ToTable("PasswordHistory");
        b.Property(p => p.UserId).HasMaxLength(64);
        b.HasIndex(p => new { p.UserId, p.SetAt });
        b.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(a => a.UserId).HasMaxLength(64);
        b.Property(a => a.Action).HasMaxLength(32);
        b.Property(a => a.Entity).HasMaxLength(64);
        b.Property(a => a.EntityId).HasMaxLength(64);
        b.Property(a => a.Reason).HasMaxLength(2000);
        b.Property(a => a.Fields).HasMaxLength(2000);
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.HasIndex(a => a.Sequence).IsUnique();
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.ClientId, a.At });
        b.HasIndex(a => new { a.CaseId, a.At });
        b.HasIndex(a => new { a.UserId, a.At });
        b.HasIndex(a => new { a.ServiceId, a.At });
    }
}
