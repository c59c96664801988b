using Teilhabe.Core.Organisations;

namespace Teilhabe.Core.Network;

/// <summary>NET-01: the kind of organisation a member is in the network ("Arbeit statt Plätze", seed 004).</summary>
public enum MemberKind
{
    /// <summary>A Träger acting through its IFD.</summary>
    Ifd,

    /// <summary>Integrationsfirma / Inklusionsbetrieb.</summary>
    InclusionCompany,

    /// <summary>Werkstatt für behinderte Menschen.</summary>
    ShelteredWorkshop,

    /// <summary>Träger der Wohlfahrtspflege.</summary>
    WelfareProvider,

    /// <summary>Other employer of the general labour market.</summary>
    Employer,

    /// <summary>Integrationsamt.</summary>
    IntegrationOffice,
}

/// <summary>
/// NET-01: a regional network ("virtuelles Büro") of organisations with a coordinating organisation.
/// Members are organisations (Core/Organisations); a user acts for the Träger of the own IFD, InA-Koordination
/// for the own Integrationsamt. The coordinator is always a member.
/// </summary>
public sealed class JobNetwork : IAuditedEntity
{
    private readonly List<NetworkMember> _members = [];

    private JobNetwork()
    {
        Name = string.Empty;
        Region = string.Empty;
        CreatedBy = string.Empty;
    }

    public JobNetwork(string name, string region, Guid coordinatorOrganisationId, MemberKind coordinatorKind, DateOnly today, string? createdBy)
        : this()
    {
        Id = Guid.CreateVersion7();
        Name = name.Trim();
        Region = region.Trim();
        CoordinatorOrganisationId = coordinatorOrganisationId;
        CreatedOn = today;
        CreatedBy = createdBy ?? string.Empty;
        _members.Add(new NetworkMember(Id, coordinatorOrganisationId, coordinatorKind, today, createdBy));
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }

    /// <summary>The region the office works in, e.g. "Mittelthüringen".</summary>
    public string Region { get; private set; }

    public Guid CoordinatorOrganisationId { get; private set; }
    public DateOnly CreatedOn { get; private set; }
    public string CreatedBy { get; private set; }
    public IReadOnlyList<NetworkMember> Members => _members;

    public bool HasMember(Guid organisationId) => _members.Any(m => m.OrganisationId == organisationId);

    public bool HasAnyMember(IEnumerable<Guid> organisationIds) => organisationIds.Any(HasMember);

    public NetworkMember? AddMember(Guid organisationId, MemberKind kind, DateOnly today, string? by)
    {
        if (HasMember(organisationId))
        {
            return null;
        }

        var member = new NetworkMember(Id, organisationId, kind, today, by);
        _members.Add(member);
        return member;
    }

    /// <summary>NET-01: the coordinating organisation cannot leave its own network.</summary>
    public bool RemoveMember(Guid organisationId)
    {
        if (organisationId == CoordinatorOrganisationId)
        {
            return false;
        }

        return _members.RemoveAll(m => m.OrganisationId == organisationId) > 0;
    }
}

/// <summary>One organisation in a network.</summary>
public sealed class NetworkMember : IAuditedEntity
{
    private NetworkMember()
    {
        AddedBy = string.Empty;
    }

    internal NetworkMember(Guid networkId, Guid organisationId, MemberKind kind, DateOnly joinedOn, string? addedBy)
        : this()
    {
        Id = Guid.CreateVersion7();
        NetworkId = networkId;
        OrganisationId = organisationId;
        Kind = kind;
        JoinedOn = joinedOn;
        AddedBy = addedBy ?? string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid NetworkId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Organisation? Organisation { get; private set; }
    public MemberKind Kind { get; private set; }
    public DateOnly JoinedOn { get; private set; }
    public string AddedBy { get; private set; }
}

public static class MemberKinds
{
    public static string Code(MemberKind kind) => kind switch
    {
        MemberKind.Ifd => "ifd",
        MemberKind.InclusionCompany => "inclusion-company",
        MemberKind.ShelteredWorkshop => "sheltered-workshop",
        MemberKind.WelfareProvider => "welfare-provider",
        MemberKind.Employer => "employer",
        _ => "integration-office",
    };

    public static MemberKind? Parse(string? code) => Enum.GetValues<MemberKind>().Select(k => (MemberKind?)k).FirstOrDefault(k => Code(k!.Value) == code);

    public static string Label(MemberKind kind) => kind switch
    {
        MemberKind.Ifd => "IFD-Träger",
        MemberKind.InclusionCompany => "Integrationsfirma / Inklusionsbetrieb",
        MemberKind.ShelteredWorkshop => "Werkstatt für behinderte Menschen",
        MemberKind.WelfareProvider => "Träger der Wohlfahrtspflege",
        MemberKind.Employer => "Arbeitgeber",
        _ => "Integrationsamt",
    };
}
