using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Network;
using Teilhabe.Core.Organisations;

namespace Teilhabe.Core.Data;

internal sealed class JobNetworkConfiguration : IEntityTypeConfiguration<JobNetwork>
{
    public void Configure(EntityTypeBuilder<JobNetwork> b)
    {
        b.ToTable("Networks");
        b.Property(n => n.Name).HasMaxLength(200);
        b.Property(n => n.Region).HasMaxLength(100);
        b.Property(n => n.CreatedBy).HasMaxLength(64);
        b.HasOne<Organisation>().WithMany().HasForeignKey(n => n.CoordinatorOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(n => n.Members).WithOne().HasForeignKey(m => m.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(n => n.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class NetworkMemberConfiguration : IEntityTypeConfiguration<NetworkMember>
{
    public void Configure(EntityTypeBuilder<NetworkMember> b)
    {
        b.ToTable("NetworkMembers");
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(m => m.AddedBy).HasMaxLength(64);
        b.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.NetworkId, m.OrganisationId }).IsUnique();
        b.HasIndex(m => m.OrganisationId);
    }
}

internal sealed class JobPotentialConfiguration : IEntityTypeConfiguration<JobPotential>
{
    public void Configure(EntityTypeBuilder<JobPotential> b)
    {
        b.ToTable("JobPotentials");
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.EmployerName).HasMaxLength(200);
        b.Property(p => p.FundingSource).HasMaxLength(200);
        b.Property(p => p.Region).HasMaxLength(100);
        b.Property(p => p.Stage).HasConversion<string>().HasMaxLength(32);
        b.Property(p => p.CreatedBy).HasMaxLength(64);
        b.HasOne<JobNetwork>().WithMany().HasForeignKey(p => p.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.ResponsibleOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Institution>().WithMany().HasForeignKey(p => p.EmployerInstitutionId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(p => new { p.NetworkId, p.Stage });
        b.OwnsMany(p => p.StageChanges, c =>
        {
            c.ToTable("PotentialStageChanges");
            c.WithOwner().HasForeignKey("PotentialId");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.From).HasConversion<string>().HasMaxLength(32);
            c.Property(x => x.To).HasConversion<string>().HasMaxLength(32);
            c.Property(x => x.By).HasMaxLength(64);
        });
    }
}

internal sealed class NetworkCandidateConfiguration : IEntityTypeConfiguration<NetworkCandidate>
{
    public void Configure(EntityTypeBuilder<NetworkCandidate> b)
    {
        b.ToTable("NetworkCandidates");
        b.Property(c => c.Pseudonym).HasMaxLength(16);
        b.Property(c => c.Skills).HasMaxLength(2000);
        b.Property(c => c.Wishes).HasMaxLength(2000);
        b.Property(c => c.SupportNeeds).HasMaxLength(2000);
        b.Property(c => c.Region).HasMaxLength(100);
        b.Property(c => c.OfferedBy).HasMaxLength(64);
        b.Property(c => c.ConsentRecordedBy).HasMaxLength(64);
        b.Property(c => c.RevealedBy).HasMaxLength(64);
        b.HasOne<JobPotential>().WithMany().HasForeignKey(c => c.PotentialId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Client>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Service>().WithMany().HasForeignKey(c => c.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.RevealedToOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.PotentialId, c.ClientId }).IsUnique();
        b.HasIndex(c => c.ClientId);
    }
}
