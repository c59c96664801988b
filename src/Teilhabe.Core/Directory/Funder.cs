using Teilhabe.Core.Clients;
using Teilhabe.Core.Organisations;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Directory;

/// <summary>FU-02 / FU-03: kinds of bodies in the funder directory (§ 194 SGB IX and LEK funders).</summary>
public enum FunderKind
{
    IntegrationOffice,
    EmploymentAgency,
    Jobcenter,
    PensionInsurance,
    AccidentInsurance,
    HealthInsurance,
    IntegrationAssistance,
    YouthWelfare,
    Other,
}

/// <summary>
/// A Fallleistungsträger or a Leistungsträger für LEK (FU-02, FU-03) — one directory per Integrationsamt
/// with contact persons. An LEK funder must be released per IFD before that IFD can use it (FU-04).
/// </summary>
public sealed class Funder : IOfficeScoped, IAuditedEntity
{
    public const string ReleaseRule = "FU-04";

    /// <summary>FU-04: an IFD requests the release of a funder for itself only.</summary>
    public static RuleViolation ReleaseForOwnServiceOnly => new(ReleaseRule, "Die Freischaltung beantragt ein IFD für sich selbst.");

    private readonly List<ContactPerson> _contacts = [];
    private readonly List<FunderRelease> _releases = [];

    private Funder()
    {
        Name = string.Empty;
        SearchName = string.Empty;
        Address = Address.Empty;
    }

    public Funder(Guid integrationOfficeId, string name, FunderKind kind, Address? address)
        : this()
    {
        Id = Guid.CreateVersion7();
        IntegrationOfficeId = integrationOfficeId;
        Name = name.Trim();
        SearchName = SearchText.Fold(Name);
        Kind = kind;
        Address = address ?? Address.Empty;
    }

    public Guid Id { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public string Name { get; private set; }
    public string SearchName { get; private set; }
    public FunderKind Kind { get; private set; }
    public Address Address { get; private set; }
    public IReadOnlyList<ContactPerson> Contacts => _contacts;
    public IReadOnlyList<FunderRelease> Releases => _releases;

    /// <summary>FU-05: the Integrationsamt itself is the default LEK funder and needs no release; every other LEK funder does (FU-04).</summary>
    public bool IsIntegrationOffice => Kind == FunderKind.IntegrationOffice;

    public ContactPerson AddContact(string name, string? role, string? phone, string? email)
    {
        var contact = new ContactPerson(name, role, phone, email);
        _contacts.Add(contact);
        return contact;
    }

    /// <summary>FU-04: is this funder released as LEK funder for the IFD?</summary>
    public bool IsReleasedFor(Guid serviceId)
        => IsIntegrationOffice || _releases.Any(r => r.ServiceId == serviceId && r.ReleasedAt is not null);

    /// <summary>FU-04, step 1: the IFD asks InA-Koordination to release the funder.</summary>
    public FunderRelease RequestRelease(Guid serviceId, string? userId, DateTimeOffset at)
    {
        var existing = _releases.FirstOrDefault(r => r.ServiceId == serviceId);
        if (existing is not null)
        {
            return existing;
        }

        var release = new FunderRelease(Id, serviceId, userId, at);
        _releases.Add(release);
        return release;
    }

    /// <summary>FU-04, step 2: InA-Koordination releases it (with or without a prior request).</summary>
    public FunderRelease Release(Guid serviceId, string? userId, DateTimeOffset at)
    {
        var release = RequestRelease(serviceId, null, at);
        release.Approve(userId, at);
        return release;
    }
}

/// <summary>FU-04: release of an LEK funder for one IFD (request → approve).</summary>
public sealed class FunderRelease
{
    private FunderRelease()
    {
    }

    internal FunderRelease(Guid funderId, Guid serviceId, string? requestedBy, DateTimeOffset requestedAt)
    {
        Id = Guid.CreateVersion7();
        FunderId = funderId;
        ServiceId = serviceId;
        RequestedBy = requestedBy;
        RequestedAt = requestedAt;
    }

    public Guid Id { get; private set; }
    public Guid FunderId { get; private set; }
    public Guid ServiceId { get; private set; }
    public string? RequestedBy { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public string? ReleasedBy { get; private set; }
    public DateTimeOffset? ReleasedAt { get; private set; }

    internal void Approve(string? userId, DateTimeOffset at)
    {
        if (ReleasedAt is not null)
        {
            return;
        }

        ReleasedBy = userId;
        ReleasedAt = at;
    }
}
