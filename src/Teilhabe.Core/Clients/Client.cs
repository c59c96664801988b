using System.Text.Json.Serialization;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Organisations;

namespace Teilhabe.Core.Clients;

public enum Gender
{
    [JsonStringEnumMemberName("female")]
    Female,
    [JsonStringEnumMemberName("male")]
    Male,
    [JsonStringEnumMemberName("diverse")]
    Diverse,
    [JsonStringEnumMemberName("unknown")]
    Unknown,
}

/// <summary>Postal address (CL-01).</summary>
public sealed record Address(string? Street, string? PostalCode, string? City)
{
    public static readonly Address Empty = new(null, null, null);

    public override string ToString()
        => string.Join(", ", new[] { Street, string.Join(' ', new[] { PostalCode, City }.Where(s => !string.IsNullOrWhiteSpace(s))) }
            .Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// <summary>A client of the IFD (CL-01). Belongs to one IFD; every read is audited (ACC-09).</summary>
public sealed partial class Client : IServiceScoped, IAuditedEntity, IClientRelated
{
    private readonly List<DisabilityEvidence> _evidence = [];
    private readonly List<Disability> _disabilities = [];
    private readonly List<EmploymentSituation> _employment = [];

    private Client()
    {
        LastName = string.Empty;
        FirstName = string.Empty;
        SearchLastName = string.Empty;
        SearchFirstName = string.Empty;
        Address = Address.Empty;
    }

    public Client(Guid serviceId, Guid integrationOfficeId, ClientData data)
        : this()
    {
        Id = Guid.CreateVersion7();
        ServiceId = serviceId;
        IntegrationOfficeId = integrationOfficeId;
        Apply(data);
    }

    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }

    public string LastName { get; private set; }
    public string FirstName { get; private set; }
    public DateOnly BirthDate { get; private set; }
    public Gender Gender { get; private set; }
    public string? Nationality { get; private set; }
    public Address Address { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }

    /// <summary>Stellung im Erwerbsleben / Personengruppe (STAT-01): employee, unemployed, pupil, sheltered-workshop.</summary>
    public string? WorkingLifePosition { get; private set; }

    /// <summary>CT-05: for hearing-impaired clients an e-mail counts as a contact.</summary>
    public bool HearingImpaired { get; private set; }

    /// <summary>Folded names for forgiving search (CL-02).</summary>
    public string SearchLastName { get; private set; }
    public string SearchFirstName { get; private set; }

    /// <summary>Optimistic concurrency: two people editing the same client get a conflict, not a silent overwrite.</summary>
    public int Version { get; private set; }

    /// <summary>DEL-01: the day the personal data was removed after the retention period (null while kept).</summary>
    public DateOnly? AnonymisedOn { get; private set; }

    public IReadOnlyList<DisabilityEvidence> Evidence => _evidence;
    public IReadOnlyList<Disability> Disabilities => _disabilities;
    public IReadOnlyList<EmploymentSituation> Employment => _employment;

    Guid? IClientRelated.ClientId => Id;

    public string FullName => $"{LastName}, {FirstName}";

    /// <summary>
    /// DEL-01: removes everything that identifies the person and keeps exactly what the statistics read:
    /// gender, Personengruppe, disability categories/evidence kinds and degrees, employment kinds. The birth date
    /// becomes 31 December of the birth year (1 January stays 1 January), so the age on any 1 January — the reference
    /// day of the annual statistics' age bands — is unchanged.
    /// </summary>
    public void Anonymise(DateOnly on)
    {
        LastName = "Gelöscht";
        FirstName = "DEL-01";
        SearchLastName = "geloscht";
        SearchFirstName = "del-01";
        BirthDate = BirthDate is { Month: 1, Day: 1 } ? BirthDate : new DateOnly(BirthDate.Year, 12, 31);
        Nationality = null;
        Address = new Address(null, null, null); // a new instance: an owned value must not be shared between entities
        Phone = null;
        Email = null;
        HearingImpaired = false;
        foreach (var d in _disabilities)
        {
            d.ClearDescription();
        }

        AnonymisedOn = on;
        Version++;
    }

    public void Update(ClientData data)
    {
        Apply(data);
        Version++;
    }

    /// <summary>DIS-01: the status that proof of disability gives the client.</summary>
    public DisabilityStatus DisabilityStatus => DisabilityRules.StatusOf(_evidence);

    public DisabilityEvidence AddEvidence(EvidenceKind kind, DateOnly noticeDate, DateOnly? effectiveFrom, int? degree, DateOnly? validUntil)
    {
        var evidence = new DisabilityEvidence(this, kind, noticeDate, effectiveFrom, degree, validUntil);
        _evidence.Add(evidence);
        Version++;
        return evidence;
    }

    /// <summary>DIS-03: the first recognised disability is care-relevant by default; the caseworker may mark another.</summary>
    public Disability AddDisability(string categoryCode, string description, bool recognised, bool careRelevant)
    {
        var first = !_disabilities.Any(d => d.CareRelevant);
        var disability = new Disability(this, categoryCode, description, recognised, _disabilities.Count + 1);
        _disabilities.Add(disability);
        if (careRelevant || (first && recognised))
        {
            MarkCareRelevant(disability.Id);
        }

        Version++;
        return disability;
    }

    public void MarkCareRelevant(Guid disabilityId)
    {
        foreach (var d in _disabilities)
        {
            d.SetCareRelevant(d.Id == disabilityId);
        }
    }

    public EmploymentSituation AddEmployment(string kindCode, DateOnly from, Guid? institutionId, DateOnly today)
    {
        var situation = new EmploymentSituation(this, kindCode, from, institutionId, today);
        _employment.Add(situation);
        Version++;
        return situation;
    }

    /// <summary>The situation in force on a day: the latest one that has started (EMP-01 timeline).</summary>
    public EmploymentSituation? EmploymentOn(DateOnly day)
        => _employment.Where(e => e.From <= day).OrderByDescending(e => e.From).ThenByDescending(e => e.CreatedOn).FirstOrDefault();

    private void Apply(ClientData data)
    {
        LastName = data.LastName.Trim();
        FirstName = data.FirstName.Trim();
        BirthDate = data.BirthDate;
        Gender = data.Gender;
        Nationality = Clean(data.Nationality);
        Address = data.Address ?? Address.Empty;
        Phone = Clean(data.Phone);
        Email = Clean(data.Email);
        WorkingLifePosition = Clean(data.WorkingLifePosition);
        HearingImpaired = data.HearingImpaired;
        SearchLastName = SearchText.Fold(LastName);
        SearchFirstName = SearchText.Fold(FirstName);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The master data of a client as entered (CL-01).</summary>
public sealed record ClientData(
    string LastName,
    string FirstName,
    DateOnly BirthDate,
    Gender Gender,
    string? Nationality,
    Address? Address,
    string? Phone = null,
    string? Email = null,
    string? WorkingLifePosition = null,
    bool HearingImpaired = false);
