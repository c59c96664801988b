using System.Text.Json.Serialization;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Organisations;

namespace Teilhabe.Core.Directory;

public enum InstitutionKind
{
    [JsonStringEnumMemberName("employer")]
    Employer,
    [JsonStringEnumMemberName("school")]
    School,
    [JsonStringEnumMemberName("sheltered-workshop")]
    ShelteredWorkshop,
    [JsonStringEnumMemberName("inclusion-company")]
    InclusionCompany,
    [JsonStringEnumMemberName("other")]
    Other,
}

/// <summary>
/// Employer, school, WfbM, Inklusionsbetrieb … shared by the IFDs of one Integrationsamt so that the same
/// employer is not entered twice. Holds no client data.
/// </summary>
public sealed class Institution : IOfficeScoped, IAuditedEntity
{
    private readonly List<ContactPerson> _contacts = [];

    private Institution()
    {
        Name = string.Empty;
        SearchName = string.Empty;
        Address = Address.Empty;
    }

    public Institution(Guid integrationOfficeId, string name, InstitutionKind kind, Guid? providerId, Address? address)
        : this()
    {
        Id = Guid.CreateVersion7();
        IntegrationOfficeId = integrationOfficeId;
        Update(name, kind, providerId, address);
    }

    public Guid Id { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public string Name { get; private set; }
    public string SearchName { get; private set; }
    public InstitutionKind Kind { get; private set; }

    /// <summary>The Träger of an Inklusionsbetrieb (BA-IB-02: conflict of interest when it is the IFD's own).</summary>
    public Guid? ProviderId { get; private set; }

    public Address Address { get; private set; }
    public IReadOnlyList<ContactPerson> Contacts => _contacts;

    public void Update(string name, InstitutionKind kind, Guid? providerId, Address? address)
    {
        Name = name.Trim();
        SearchName = SearchText.Fold(Name);
        Kind = kind;
        ProviderId = providerId;
        Address = address ?? Address.Empty;
    }

    public ContactPerson AddContact(string name, string? role, string? phone, string? email)
    {
        var contact = new ContactPerson(name, role, phone, email);
        _contacts.Add(contact);
        return contact;
    }
}

/// <summary>A contact person at an institution or funder.</summary>
public sealed class ContactPerson
{
    private ContactPerson()
    {
        Name = string.Empty;
    }

    internal ContactPerson(string name, string? role, string? phone, string? email)
    {
        Id = Guid.CreateVersion7();
        Name = name.Trim();
        Role = string.IsNullOrWhiteSpace(role) ? null : role.Trim();
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string? Role { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
}
