using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Directory;

namespace Teilhabe.Core.Data;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("Cases");
        b.Property(c => c.CaseNumber).HasMaxLength(20);
        b.Property(c => c.CaseworkerId).HasMaxLength(64);
        b.Property(c => c.Phase).HasConversion<string>().HasMaxLength(4);
        b.Property(c => c.CareTypeCode).HasMaxLength(64);
        b.Property(c => c.LegalBasisCode).HasMaxLength(64);
        b.Property(c => c.CaseGroupCode).HasMaxLength(64);
        b.Property(c => c.ReferringBodyCode).HasMaxLength(64);
        b.Property(c => c.ClosingReasonCode).HasMaxLength(64);
        b.Property(c => c.OutcomeCategoryCode).HasMaxLength(64);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.ObjectionReason).HasMaxLength(4000);
        b.Property(c => c.ObjectedBy).HasMaxLength(64);
        b.OwnsOne(c => c.Texts, t =>
        {
            t.Property(x => x.Concern).HasMaxLength(4000).HasColumnName("Concern");
            t.Property(x => x.PlannedContents).HasMaxLength(8000).HasColumnName("PlannedContents");
            t.Property(x => x.DisabilityImpact).HasMaxLength(8000).HasColumnName("DisabilityImpact");
            t.Property(x => x.GoalAgreement).HasMaxLength(8000).HasColumnName("GoalAgreementText");
            t.Property(x => x.Supplements).HasMaxLength(8000).HasColumnName("Supplements");
            t.Property(x => x.Progress).HasMaxLength(8000).HasColumnName("Progress");
            t.Property(x => x.ClosingResult).HasMaxLength(8000).HasColumnName("ClosingResult");
            t.Property(x => x.Todo).HasMaxLength(4000).HasColumnName("Todo");
        });
        b.Navigation(c => c.Texts).IsRequired();
        b.OwnsOne(c => c.DataProtectionNotice, n =>
        {
            n.Property(x => x.SignedOn).HasColumnName("NoticeSignedOn");
            n.Property(x => x.Version).HasMaxLength(32).HasColumnName("NoticeVersion");
            n.Property(x => x.CommissionDate).HasColumnName("NoticeCommissionDate");
            n.Property(x => x.ApplicationDate).HasColumnName("NoticeApplicationDate");
            n.Property(x => x.SecondSignedOn).HasColumnName("NoticeSecondSignedOn");
        });
        b.HasOne<Client>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Funder>().WithMany().HasForeignKey(c => c.FunderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(c => c.ParentCaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.History).WithOne().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Agreements).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Deputies).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.ServiceId, c.CaseNumber }).IsUnique();
        b.HasIndex(c => new { c.ServiceId, c.Phase });
        b.HasIndex(c => new { c.CaseworkerId, c.Phase });
        b.HasIndex(c => c.ClientId);
        b.HasIndex(c => c.IntegrationOfficeId);
        b.Ignore(c => c.IsAdditionalStatement);
    }
}

internal sealed class PhaseChangeConfiguration : IEntityTypeConfiguration<PhaseChange>
{
    public void Configure(EntityTypeBuilder<PhaseChange> b)
    {
        b.ToTable("PhaseChanges");
        b.Property(p => p.From).HasConversion<string>().HasMaxLength(4);
        b.Property(p => p.To).HasConversion<string>().HasMaxLength(4);
        b.Property(p => p.UserId).HasMaxLength(64);
        b.Property(p => p.ReasonCode).HasMaxLength(64);
        b.HasIndex(p => new { p.To, p.On });
    }
}

internal sealed class CaseAgreementConfiguration : IEntityTypeConfiguration<CaseAgreement>
{
    public void Configure(EntityTypeBuilder<CaseAgreement> b)
    {
        b.ToTable("CaseAgreements");
        b.Property(a => a.Kind).HasMaxLength(32);
        b.Property(a => a.AgreedWith).HasMaxLength(200);
        b.Property(a => a.ApprovedByUserId).HasMaxLength(64);
    }
}

internal sealed class CaseDeputyConfiguration : IEntityTypeConfiguration<CaseDeputy>
{
    public void Configure(EntityTypeBuilder<CaseDeputy> b)
    {
        b.ToTable("CaseDeputies");
        b.HasKey(d => new { d.CaseId, d.UserId });
        b.Property(d => d.UserId).HasMaxLength(64);
        b.HasIndex(d => d.UserId);
    }
}

internal sealed class CaseDocumentConfiguration : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> b)
    {
        b.ToTable("Documents");
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(d => d.FileName).HasMaxLength(255);
        b.Property(d => d.ContentType).HasMaxLength(100);
        b.Property(d => d.Sha256).HasMaxLength(64);
        b.Property(d => d.StorageKey).HasMaxLength(200);
        b.Property(d => d.UploadedBy).HasMaxLength(64);
        b.Property(d => d.FormVersion).HasMaxLength(40);
        b.HasOne<Client>().WithMany().HasForeignKey(d => d.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.CaseId, d.Kind });
        b.HasIndex(d => new { d.ClientId, d.Kind });
        b.Ignore(d => d.IsReleasedToIntegrationOffice);
    }
}

internal sealed class ExtensionRequestConfiguration : IEntityTypeConfiguration<ExtensionRequest>
{
    public void Configure(EntityTypeBuilder<ExtensionRequest> b)
    {
        b.ToTable("ExtensionRequests");
        b.Property(r => r.ProgressReport).HasMaxLength(8000);
        b.Property(r => r.RequestedBy).HasMaxLength(64);
        b.Property(r => r.DecidedBy).HasMaxLength(64);
        b.Property(r => r.DecisionNote).HasMaxLength(4000);
        b.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.IntegrationOfficeId, r.Approved });
        b.Ignore(r => r.IsPending);
    }
}

internal sealed class InclusionCompanyApplicationConfiguration : IEntityTypeConfiguration<InclusionCompanyApplication>
{
    public void Configure(EntityTypeBuilder<InclusionCompanyApplication> b)
    {
        b.ToTable("InclusionCompanyApplications");
        b.Property(r => r.Need).HasMaxLength(8000);
        b.Property(r => r.AppliedBy).HasMaxLength(64);
        b.Property(r => r.DecidedBy).HasMaxLength(64);
        b.Property(r => r.DecisionNote).HasMaxLength(4000);
        b.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.IntegrationOfficeId, r.Approved });
        b.Ignore(r => r.IsPending);
    }
}
