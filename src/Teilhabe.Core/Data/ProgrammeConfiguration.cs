using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Organisations;
using Teilhabe.Core.Programmes;

namespace Teilhabe.Core.Data;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> b)
    {
        b.ToTable("Programmes");
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Template).HasConversion<string>().HasMaxLength(32);
        b.HasOne<Service>().WithMany().HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.ServiceId);
        b.Ignore(p => p.Modules);
        b.Ignore(p => p.Parameters);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Property(p => p.ReferralMonths).HasDefaultValue(ProgrammeRules.ReferralMonths);
        b.Property(p => p.InformationTalkDays).HasDefaultValue(ProgrammeRules.InformationTalkDays);
        b.OwnsMany(p => p.ModuleRows, m =>
        {
            m.ToTable("ProgrammeModules");
            m.WithOwner().HasForeignKey("ProgrammeId");
            m.HasKey(x => x.Id);
            m.Property(x => x.Id).ValueGeneratedNever();
            m.Property(x => x.Code).HasMaxLength(32);
            m.Property(x => x.Label).HasMaxLength(200);
            m.Property(x => x.Unit).HasConversion<string>().HasMaxLength(8);
            m.Property(x => x.HourCap).HasPrecision(8, 2);
            m.Property(x => x.HoursPerMonthCap).HasPrecision(8, 2);
            m.Property(x => x.HourlyRate).HasPrecision(8, 2);
            m.HasIndex("ProgrammeId", nameof(ProgrammeModule.Code)).IsUnique();
        });
        b.Navigation(p => p.ModuleRows).HasField("_modules").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(p => p.Sites, s =>
        {
            s.ToTable("ProgrammeSites");
            s.WithOwner().HasForeignKey("ProgrammeId");
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).ValueGeneratedNever();
            s.Property(x => x.Name).HasMaxLength(200);
            s.Property(x => x.AccessibilityNote).HasMaxLength(1000);
        });
        b.OwnsMany(p => p.ReferringBodies, r =>
        {
            r.ToTable("ProgrammeReferringBodies");
            r.WithOwner().HasForeignKey("ProgrammeId");
            r.HasKey("ProgrammeId", nameof(ProgrammeReferringBody.FunderId));
            r.HasOne<Funder>().WithMany().HasForeignKey(x => x.FunderId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

internal sealed class ParticipationConfiguration : IEntityTypeConfiguration<Participation>
{
    public void Configure(EntityTypeBuilder<Participation> b)
    {
        b.ToTable("Participations");
        b.Property(p => p.LegalSphere).HasConversion<string>().HasMaxLength(8);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.OverCapacityReason).HasMaxLength(1000);
        b.Property(p => p.AdmittedBy).HasMaxLength(64);
        b.Property(p => p.ExtensionReason).HasMaxLength(1000);
        b.Property(p => p.AdditionalBarriers).HasMaxLength(2000);
        b.Property(p => p.PlacementKind).HasMaxLength(32);
        b.Property(p => p.EndReason).HasConversion<string>().HasMaxLength(32);
        b.Property(p => p.EndNote).HasMaxLength(1000);
        b.Property(p => p.ContractFileName).HasMaxLength(200);
        b.Property(p => p.ContractContentType).HasMaxLength(100);
        b.Property(p => p.ContractSha256).HasMaxLength(64);
        b.Property(p => p.ContractStorageKey).HasMaxLength(200);
        b.Property(p => p.ContractUploadedBy).HasMaxLength(64);
        b.HasOne<Programme>().WithMany().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Client>().WithMany().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Funder>().WithMany().HasForeignKey(p => p.ReferringBodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.ProgrammeId, p.Status });
        b.Ignore(p => p.IsEligible);
        b.HasMany(p => p.Bookings).WithOne().HasForeignKey(x => x.ParticipationId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Bookings).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(p => p.Plan, e =>
        {
            e.ToTable("ParticipationPlanEntries");
            e.WithOwner().HasForeignKey("ParticipationId");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Challenge).HasMaxLength(1000);
            e.Property(x => x.Goal).HasMaxLength(1000);
            e.Property(x => x.Steps).HasMaxLength(2000);
            e.Property(x => x.ReviewNote).HasMaxLength(2000);
        });
        b.OwnsMany(p => p.Reflections, e =>
        {
            e.ToTable("ParticipationReflections");
            e.WithOwner().HasForeignKey("ParticipationId");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Criticism).HasMaxLength(2000);
            e.Property(x => x.Notes).HasMaxLength(4000);
        });
        b.OwnsMany(p => p.ModuleGoals, e =>
        {
            e.ToTable("ParticipationModuleGoals");
            e.WithOwner().HasForeignKey("ParticipationId");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.ModuleCode).HasMaxLength(32);
            e.Property(x => x.Goal).HasMaxLength(1000);
            e.Property(x => x.Achievement).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Note).HasMaxLength(2000);
        });
        b.OwnsMany(p => p.Aftercare, e =>
        {
            e.ToTable("ParticipationAftercareContacts");
            e.WithOwner().HasForeignKey("ParticipationId");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.With).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Form).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Note).HasMaxLength(4000);
            e.Property(x => x.RecordedBy).HasMaxLength(64);
        });
        b.OwnsMany(p => p.IcfItems, e =>
        {
            e.ToTable("ParticipationIcfItems");
            e.WithOwner().HasForeignKey("ParticipationId");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Component).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Code).HasMaxLength(8);
            e.Property(x => x.Description).HasMaxLength(1000);
        });
    }
}

internal sealed class ModuleBookingConfiguration : IEntityTypeConfiguration<ModuleBooking>
{
    public void Configure(EntityTypeBuilder<ModuleBooking> b)
    {
        b.ToTable("ModuleBookings");
        b.Property(x => x.ModuleCode).HasMaxLength(32);
        b.Property(x => x.Hours).HasPrecision(6, 2);
        b.Property(x => x.RecordedBy).HasMaxLength(64);
        b.HasIndex(x => new { x.ParticipationId, x.ModuleCode, x.Date });
    }
}
