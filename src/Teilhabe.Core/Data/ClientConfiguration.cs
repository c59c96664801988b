using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Teilhabe.Core.Catalogues;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Directory;

namespace Teilhabe.Core.Data;

internal static class AddressMapping
{
    public static void Map<T>(OwnedNavigationBuilder<T, Address> a)
        where T : class
    {
        a.Property(x => x.Street).HasMaxLength(200).HasColumnName("Street");
        a.Property(x => x.PostalCode).HasMaxLength(10).HasColumnName("PostalCode");
        a.Property(x => x.City).HasMaxLength(100).HasColumnName("City");
    }
}

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> b)
    {
        b.Property(c => c.LastName).HasMaxLength(100);
        b.Property(c => c.FirstName).HasMaxLength(100);
        b.Property(c => c.SearchLastName).HasMaxLength(100);
        b.Property(c => c.SearchFirstName).HasMaxLength(100);
        b.Property(c => c.Nationality).HasMaxLength(60);
        b.Property(c => c.Phone).HasMaxLength(40);
        b.Property(c => c.Email).HasMaxLength(200);
        b.Property(c => c.WorkingLifePosition).HasMaxLength(40);
        b.Property(c => c.Gender).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.OwnsOne(c => c.Address, AddressMapping.Map);
        b.Navigation(c => c.Address).IsRequired();
        b.HasMany(c => c.Evidence).WithOne().HasForeignKey(e => e.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Disabilities).WithOne().HasForeignKey(e => e.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Employment).WithOne().HasForeignKey(e => e.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.ServiceId, c.SearchLastName });
        b.HasIndex(c => new { c.ServiceId, c.BirthDate });
        b.HasIndex(c => c.IntegrationOfficeId);

        // The same person at the other IFDs of the Integrationsamt (PH-P2-04, PH-P3-03/04) is found by birth date and name.
        b.HasIndex(c => new { c.IntegrationOfficeId, c.BirthDate, c.SearchLastName });
        b.Ignore(c => c.DisabilityStatus);
        b.Ignore(c => c.FullName);
    }
}

internal sealed class DisabilityEvidenceConfiguration : IEntityTypeConfiguration<DisabilityEvidence>
{
    public void Configure(EntityTypeBuilder<DisabilityEvidence> b)
    {
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        b.Ignore(e => e.RecordedDate);
        b.Ignore(e => e.IsProof);
    }
}

internal sealed class DisabilityConfiguration : IEntityTypeConfiguration<Disability>
{
    public void Configure(EntityTypeBuilder<Disability> b)
    {
        b.Property(d => d.CategoryCode).HasMaxLength(64);
        b.Property(d => d.Description).HasMaxLength(500);
        b.Ignore(d => d.Remark);
    }
}

internal sealed class EmploymentSituationConfiguration : IEntityTypeConfiguration<EmploymentSituation>
{
    public void Configure(EntityTypeBuilder<EmploymentSituation> b)
    {
        b.Property(e => e.KindCode).HasMaxLength(64);
        b.Property(e => e.State).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Institution>().WithMany().HasForeignKey(e => e.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.State, e.From });
    }
}

/// <summary>CL-03: earlier values of corrected or removed records; they go with the client (cascade, and DEL-01).</summary>
internal sealed class ClientRecordChangeConfiguration : IEntityTypeConfiguration<ClientRecordChange>
{
    public void Configure(EntityTypeBuilder<ClientRecordChange> b)
    {
        b.ToTable("ClientRecordChanges");
        b.Property(c => c.RecordKind).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.ChangedBy).HasMaxLength(64);
        b.Property(c => c.Earlier).HasMaxLength(4000);
        b.Property(c => c.Reason).HasMaxLength(ClientRecordChange.ReasonMaxLength);
        b.HasOne<Client>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.ClientId, c.ChangedAt });
        b.Ignore(c => c.EarlierValues);
        b.Ignore(c => c.Removed);
    }
}

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> b)
    {
        b.Property(i => i.Name).HasMaxLength(200);
        b.Property(i => i.SearchName).HasMaxLength(200);
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(32);
        b.OwnsOne(i => i.Address, AddressMapping.Map);
        b.Navigation(i => i.Address).IsRequired();
        b.OwnsMany(i => i.Contacts, c =>
        {
            c.ToTable("InstitutionContacts");
            c.WithOwner().HasForeignKey("InstitutionId");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            ContactMapping.Map(c);
        });
        b.HasIndex(i => new { i.IntegrationOfficeId, i.SearchName });
    }
}

internal sealed class FunderConfiguration : IEntityTypeConfiguration<Funder>
{
    public void Configure(EntityTypeBuilder<Funder> b)
    {
        b.Property(f => f.Name).HasMaxLength(200);
        b.Property(f => f.SearchName).HasMaxLength(200);
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(32);
        b.OwnsOne(f => f.Address, AddressMapping.Map);
        b.Navigation(f => f.Address).IsRequired();
        b.OwnsMany(f => f.Contacts, c =>
        {
            c.ToTable("FunderContacts");
            c.WithOwner().HasForeignKey("FunderId");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            ContactMapping.Map(c);
        });
        b.HasMany(f => f.Releases).WithOne().HasForeignKey(r => r.FunderId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => new { f.IntegrationOfficeId, f.SearchName });
        b.Ignore(f => f.IsIntegrationOffice);
    }
}

internal sealed class FunderReleaseConfiguration : IEntityTypeConfiguration<FunderRelease>
{
    public void Configure(EntityTypeBuilder<FunderRelease> b)
    {
        b.ToTable("FunderReleases");
        b.Property(r => r.RequestedBy).HasMaxLength(64);
        b.Property(r => r.ReleasedBy).HasMaxLength(64);
        b.HasIndex(r => new { r.FunderId, r.ServiceId }).IsUnique();
    }
}

internal static class ContactMapping
{
    public static void Map<T>(OwnedNavigationBuilder<T, ContactPerson> c)
        where T : class
    {
        c.Property(x => x.Name).HasMaxLength(200);
        c.Property(x => x.Role).HasMaxLength(100);
        c.Property(x => x.Phone).HasMaxLength(40);
        c.Property(x => x.Email).HasMaxLength(200);
    }
}

internal sealed class CatalogueEntryConfiguration : IEntityTypeConfiguration<CatalogueEntry>
{
    public void Configure(EntityTypeBuilder<CatalogueEntry> b)
    {
        b.ToTable("CatalogueEntries");
        b.Property(e => e.Catalogue).HasMaxLength(40);
        b.Property(e => e.Code).HasMaxLength(64);
        b.Property(e => e.Label).HasMaxLength(300);
        b.Property(e => e.Group).HasMaxLength(40);
        b.Property(e => e.Form).HasMaxLength(40);
        b.Property(e => e.Parent).HasMaxLength(64);
        b.HasIndex(e => new { e.Catalogue, e.Form, e.Code }).IsUnique();
    }
}
