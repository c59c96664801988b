using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Contacts;

namespace Teilhabe.Core.Data;

internal sealed class ContactDraftConfiguration : IEntityTypeConfiguration<ContactEntryDraft>
{
    public void Configure(EntityTypeBuilder<ContactEntryDraft> b)
    {
        b.ToTable("ContactEntryDrafts");
        b.Property(d => d.UserId).HasMaxLength(64);
        b.Property(d => d.FieldsJson).HasMaxLength(64000);
        b.HasOne<Case>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.UserId, d.CaseId }).IsUnique();
    }
}
