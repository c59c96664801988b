using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Contacts;
using Teilhabe.Core.Directory;

namespace Teilhabe.Core.Data;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.ToTable("Contacts");
        b.Property(c => c.Phase).HasConversion<string>().HasMaxLength(4);
        b.Property(c => c.Form).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Keywords).HasMaxLength(500);
        b.Property(c => c.Note).HasMaxLength(8000);
        b.Property(c => c.RecordedBy).HasMaxLength(64);
        b.Property(c => c.Revision).IsConcurrencyToken();
        b.Property(c => c.CorrectedBy).HasMaxLength(64);
        b.Property(c => c.CancelledBy).HasMaxLength(64);
        b.Property(c => c.CancellationReason).HasMaxLength(1000);
        b.Ignore(c => c.IsCancelled);
        b.Ignore(c => c.IsCorrected);
        b.OwnsMany(c => c.Participants, p =>
        {
            p.ToTable("ContactParticipants");
            p.WithOwner().HasForeignKey("ContactId");
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedNever();
            p.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            p.Property(x => x.Name).HasMaxLength(200);

            // Contact continuity (CT-04/CT-05) asks per contact whether the client took part (bench: deadline list).
            p.HasIndex("ContactId", nameof(ContactParticipant.Kind));
        });
        b.OwnsMany(c => c.Topics, t =>
        {
            t.ToTable("ContactTopics");
            t.WithOwner().HasForeignKey("ContactId");
            t.Property(x => x.Code).HasMaxLength(64);
            t.HasKey("ContactId", nameof(ContactTopic.Code));
            t.HasIndex(x => x.Code);
        });
        b.OwnsMany(c => c.Outcomes, o =>
        {
            o.ToTable("ContactOutcomes");
            o.WithOwner().HasForeignKey("ContactId");
            o.HasKey("ContactId", nameof(ContactOutcomeLink.OutcomeId));
            o.HasOne<Outcome>().WithMany().HasForeignKey(x => x.OutcomeId).OnDelete(DeleteBehavior.Restrict);
            o.HasIndex(x => x.OutcomeId);
        });
        b.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.CaseId, c.OccurredAt });
        b.Ignore(c => c.IsPersonalWithClient);
    }
}

internal sealed class OutcomeConfiguration : IEntityTypeConfiguration<Outcome>
{
    public void Configure(EntityTypeBuilder<Outcome> b)
    {
        b.ToTable("Outcomes");
        b.Property(o => o.OutcomeCode).HasMaxLength(64);
        b.Property(o => o.CreatedBy).HasMaxLength(64);
        b.Property(o => o.InvalidatedBy).HasMaxLength(64);
        b.Property(o => o.InvalidationReason).HasMaxLength(1000);
        b.HasOne<Case>().WithMany().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Funder>().WithMany().HasForeignKey(o => o.ServiceFunderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => new { o.CaseId, o.OutcomeCode });
        b.HasIndex(o => o.OutcomeCode);
        b.Ignore(o => o.IsValid);
        b.Ignore(o => o.LacksStartDate);
    }
}

internal sealed class ContactExceptionConfiguration : IEntityTypeConfiguration<ContactException>
{
    public void Configure(EntityTypeBuilder<ContactException> b)
    {
        b.ToTable("ContactExceptions");
        b.Property(e => e.Reason).HasMaxLength(1000);
        b.Property(e => e.RecordedBy).HasMaxLength(64);
        b.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => e.CaseId);
    }
}
