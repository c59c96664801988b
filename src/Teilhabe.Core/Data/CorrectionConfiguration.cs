using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Contacts;

namespace Teilhabe.Core.Data;

internal sealed class AbsenceConfiguration : IEntityTypeConfiguration<Absence>
{
    public void Configure(EntityTypeBuilder<Absence> b)
    {
        b.ToTable("Absences");
        b.Property(a => a.UserId).HasMaxLength(64);
        b.Property(a => a.RecordedBy).HasMaxLength(64);
        b.HasMany(a => a.Deputies).WithOne().HasForeignKey(d => d.AbsenceId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Deputies).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(a => new { a.ServiceId, a.To });
        b.HasIndex(a => a.UserId);
    }
}

internal sealed class AbsenceDeputyConfiguration : IEntityTypeConfiguration<AbsenceDeputy>
{
    public void Configure(EntityTypeBuilder<AbsenceDeputy> b)
    {
        b.ToTable("AbsenceDeputies");
        b.HasKey(d => new { d.AbsenceId, d.UserId });
        b.Property(d => d.UserId).HasMaxLength(64);
        b.HasIndex(d => d.UserId);
    }
}

/// <summary>DOC-04: one PDF template per form version.</summary>
internal sealed class FormTemplateConfiguration : IEntityTypeConfiguration<FormTemplate>
{
    public void Configure(EntityTypeBuilder<FormTemplate> b)
    {
        b.ToTable("FormTemplates");
        b.Property(t => t.Form).HasMaxLength(40);
        b.Property(t => t.VersionCode).HasMaxLength(100);
        b.Property(t => t.FileName).HasMaxLength(255);
        b.Property(t => t.Sha256).HasMaxLength(64);
        b.Property(t => t.StorageKey).HasMaxLength(200);
        b.Property(t => t.UploadedBy).HasMaxLength(64);
        b.HasIndex(t => new { t.Form, t.VersionCode }).IsUnique();
    }
}

internal sealed class RemovedDocumentConfiguration : IEntityTypeConfiguration<RemovedDocument>
{
    public void Configure(EntityTypeBuilder<RemovedDocument> b)
    {
        b.ToTable("RemovedDocuments");
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(d => d.FileName).HasMaxLength(255);
        b.Property(d => d.Sha256).HasMaxLength(64);
        b.Property(d => d.RemovedBy).HasMaxLength(64);
        b.Property(d => d.Reason).HasMaxLength(1000);
        b.HasIndex(d => d.CaseId);
        b.HasIndex(d => d.ClientId);
    }
}

internal sealed class ContactVersionConfiguration : IEntityTypeConfiguration<ContactVersion>
{
    public void Configure(EntityTypeBuilder<ContactVersion> b)
    {
        b.ToTable("ContactVersions");
        b.Property(v => v.Form).HasConversion<string>().HasMaxLength(16);
        b.Property(v => v.ChangedBy).HasMaxLength(64);
        b.Property(v => v.SupersededBy).HasMaxLength(64);
        b.Property(v => v.Keywords).HasMaxLength(500);
        b.Property(v => v.Note).HasMaxLength(8000);
        b.Property(v => v.Participants).HasMaxLength(8000);
        b.Property(v => v.TopicCodes).HasMaxLength(2000);
        b.Property(v => v.OutcomeIds).HasMaxLength(4000);
        b.HasOne<Contact>().WithMany().HasForeignKey(v => v.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.ContactId, v.Version }).IsUnique();
        b.Ignore(v => v.Topics);
        b.Ignore(v => v.Outcomes);
        b.Ignore(v => v.ParticipantNames);
    }
}
