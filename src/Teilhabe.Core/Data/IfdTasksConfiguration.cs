using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Directory;
using Teilhabe.Core.IfdTasks;

namespace Teilhabe.Core.Data;

internal sealed class ColleagueConsentConfiguration : IEntityTypeConfiguration<ColleagueConsent>
{
    public void Configure(EntityTypeBuilder<ColleagueConsent> b)
    {
        b.ToTable("ColleagueConsents");
        b.Property(c => c.Form).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Colleagues).HasMaxLength(1000);
        b.Property(c => c.Information).HasMaxLength(2000);
        b.Property(c => c.CreatedBy).HasMaxLength(64);
        b.Property(c => c.RevokedBy).HasMaxLength(64);
        b.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.CaseId);
        b.HasIndex(c => c.ClientId);
    }
}

internal sealed class AbilityProfileConfiguration : IEntityTypeConfiguration<AbilityProfile>
{
    public void Configure(EntityTypeBuilder<AbilityProfile> b)
    {
        b.ToTable("AbilityProfiles");
        b.Property(p => p.Abilities).HasMaxLength(4000);
        b.Property(p => p.Resilience).HasMaxLength(1000);
        b.Property(p => p.WorkPace).HasMaxLength(1000);
        b.Property(p => p.Endurance).HasMaxLength(1000);
        b.Property(p => p.Performance).HasMaxLength(4000);
        b.Property(p => p.Interests).HasMaxLength(4000);
        b.Property(p => p.Limitations).HasMaxLength(4000);
        b.Property(p => p.Recommendation).HasMaxLength(4000);
        b.Property(p => p.FunderName).HasMaxLength(200);
        b.Property(p => p.InstitutionContact).HasMaxLength(200);
        b.Property(p => p.UpdatedBy).HasMaxLength(64);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Case>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Institution>().WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.CaseId).IsUnique();
        b.HasIndex(p => p.ClientId);
        b.Ignore(p => p.IsAgreed);
        b.HasMany(p => p.Revisions).WithOne().HasForeignKey(r => r.ProfileId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Revisions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AbilityProfileRevisionConfiguration : IEntityTypeConfiguration<AbilityProfileRevision>
{
    public void Configure(EntityTypeBuilder<AbilityProfileRevision> b)
    {
        b.ToTable("AbilityProfileRevisions");
        b.Property(r => r.SavedBy).HasMaxLength(64);
        b.Property(r => r.Content).HasMaxLength(32000);
        b.HasIndex(r => new { r.ProfileId, r.Version }).IsUnique();
    }
}

internal sealed class SchoolOrientationConfiguration : IEntityTypeConfiguration<SchoolOrientation>
{
    public void Configure(EntityTypeBuilder<SchoolOrientation> b)
    {
        b.ToTable("SchoolOrientations");
        b.Property(s => s.SchoolYear).HasMaxLength(20);
        b.Property(s => s.SchoolClass).HasMaxLength(50);
        b.Property(s => s.Summary).HasMaxLength(4000);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Institution>().WithMany().HasForeignKey(s => s.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Funder>().WithMany().HasForeignKey(s => s.RequestingFunderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.CaseId).IsUnique();
        b.HasIndex(s => s.ClientId);
        b.HasMany(s => s.Activities).WithOne().HasForeignKey(a => a.SchoolOrientationId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.Activities).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OrientationActivityConfiguration : IEntityTypeConfiguration<OrientationActivity>
{
    public void Configure(EntityTypeBuilder<OrientationActivity> b)
    {
        b.ToTable("OrientationActivities");
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(a => a.Result).HasMaxLength(2000);
    }
}

internal sealed class ApprenticeshipConfiguration : IEntityTypeConfiguration<Apprenticeship>
{
    public void Configure(EntityTypeBuilder<Apprenticeship> b)
    {
        b.ToTable("Apprenticeships");
        b.Property(a => a.Occupation).HasMaxLength(200);
        b.Property(a => a.Chamber).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.ChamberName).HasMaxLength(200);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.AbortReason).HasMaxLength(2000);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Institution>().WithMany().HasForeignKey(a => a.EmployerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Institution>().WithMany().HasForeignKey(a => a.VocationalSchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EmploymentSituation>().WithMany().HasForeignKey(a => a.EmploymentSituationId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(a => a.CaseId);
        b.HasIndex(a => a.ClientId);
    }
}
