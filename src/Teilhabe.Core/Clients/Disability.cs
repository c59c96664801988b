using Teilhabe.Core.Audit;
using Teilhabe.Core.Organisations;

namespace Teilhabe.Core.Clients;

public enum EvidenceKind
{
    Feststellungsbescheid,
    Gleichstellungsbescheid,
    Schwerbehindertenausweis,
}

public enum DisabilityStatus
{
    /// <summary>No notice recorded.</summary>
    None,

    /// <summary>DIS-01: only an SB-Ausweis — not a proof ("Nachweis unvollständig").</summary>
    Incomplete,

    /// <summary>Feststellungsbescheid with GdB of at least 50.</summary>
    SeverelyDisabled,

    /// <summary>Gleichstellungsbescheid (GdB 30 or 40, gleichgestellt).</summary>
    Equated,

    /// <summary>A Feststellungsbescheid below GdB 50 without Gleichstellung.</summary>
    Other,
}

/// <summary>A notice that proves (or, for the SB-Ausweis, only indicates) the disability (DIS-01, DIS-02).</summary>
public sealed class DisabilityEvidence : IServiceScoped, IAuditedEntity, IClientRelated
{
    private DisabilityEvidence()
    {
    }

    internal DisabilityEvidence(Client client, EvidenceKind kind, DateOnly noticeDate, DateOnly? effectiveFrom, int? degree, DateOnly? validUntil)
    {
        Id = Guid.CreateVersion7();
        ClientId = client.Id;
        ServiceId = client.ServiceId;
        IntegrationOfficeId = client.IntegrationOfficeId;
        Kind = kind;
        NoticeDate = noticeDate;
        EffectiveFrom = effectiveFrom;
        Degree = degree;
        ValidUntil = validUntil;
    }

    /// <summary>TR-02: the same evidence on the receiving IFD's copy of the record (<see cref="Client.CopyForService"/>).</summary>
    internal DisabilityEvidence CopyFor(Client owner) => new(owner, Kind, NoticeDate, EffectiveFrom, Degree, ValidUntil);

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public EvidenceKind Kind { get; private set; }
    public DateOnly NoticeDate { get; private set; }

    /// <summary>"mit Wirkung ab", where the notice has one.</summary>
    public DateOnly? EffectiveFrom { get; private set; }

    /// <summary>Grad der Behinderung (GdB), 20–100 in steps of 10.</summary>
    public int? Degree { get; private set; }

    public DateOnly? ValidUntil { get; private set; }

    /// <summary>DIS-02: the date recorded is "mit Wirkung ab" where the notice has one, else the notice date.</summary>
    public DateOnly RecordedDate => EffectiveFrom ?? NoticeDate;

    /// <summary>DIS-01: only the Feststellungs- and the Gleichstellungsbescheid prove the status.</summary>
    public bool IsProof => Kind != EvidenceKind.Schwerbehindertenausweis;

    Guid? IClientRelated.ClientId => ClientId;

    /// <summary>CL-03: the values as they stand, for the record of a correction or removal.</summary>
    public IReadOnlyDictionary<string, string?> Snapshot() => new Dictionary<string, string?>
    {
        ["kind"] = Kind.ToString(),
        ["noticeDate"] = ClientRecordChange.Date(NoticeDate),
        ["effectiveFrom"] = ClientRecordChange.Date(EffectiveFrom),
        ["degree"] = ClientRecordChange.Number(Degree),
        ["validUntil"] = ClientRecordChange.Date(ValidUntil),
    };

    /// <summary>CL-03: the notice as it should have been recorded; the DIS-01 status follows from the corrected values.</summary>
    internal void Correct(EvidenceKind kind, DateOnly noticeDate, DateOnly? effectiveFrom, int? degree, DateOnly? validUntil)
    {
        Kind = kind;
        NoticeDate = noticeDate;
        EffectiveFrom = effectiveFrom;
        Degree = degree;
        ValidUntil = validUntil;
    }
}

/// <summary>One disability of the client (DIS-03), in the order of the notice.</summary>
public sealed class Disability : IServiceScoped, IAuditedEntity, IClientRelated
{
    private Disability()
    {
        CategoryCode = string.Empty;
        Description = string.Empty;
    }

    internal Disability(Client client, string categoryCode, string description, bool recognised, int order)
    {
        Id = Guid.CreateVersion7();
        ClientId = client.Id;
        ServiceId = client.ServiceId;
        IntegrationOfficeId = client.IntegrationOfficeId;
        CategoryCode = categoryCode;
        Description = description.Trim();
        Recognised = recognised;
        Order = order;
    }

    /// <summary>TR-02: the same disability on the receiving IFD's copy of the record (<see cref="Client.CopyForService"/>).</summary>
    internal Disability CopyFor(Client owner) => new(owner, CategoryCode, Description, Recognised, Order) { CareRelevant = CareRelevant };

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public string CategoryCode { get; private set; }
    public string Description { get; private set; }

    /// <summary>False: a condition not (yet) recognised in the notice, shown with the remark "nicht anerkannt".</summary>
    public bool Recognised { get; private set; }

    public bool CareRelevant { get; private set; }
    public int Order { get; private set; }

    public string Remark => Recognised ? string.Empty : "nicht anerkannt";

    Guid? IClientRelated.ClientId => ClientId;

    internal void SetCareRelevant(bool value) => CareRelevant = value;

    internal void Renumber(int order) => Order = order;

    public IReadOnlyDictionary<string, string?> Snapshot() => new Dictionary<string, string?>
    {
        ["categoryCode"] = CategoryCode,
        ["description"] = Description,
        ["recognised"] = ClientRecordChange.Flag(Recognised),
        ["careRelevant"] = ClientRecordChange.Flag(CareRelevant),
    };

    internal void Correct(string categoryCode, string description, bool recognised)
    {
        CategoryCode = categoryCode;
        Description = description.Trim();
        Recognised = recognised;
    }

    /// <summary>DEL-01: the free-text description goes; the category stays for the statistics.</summary>
    internal void ClearDescription() => Description = string.Empty;
}

public static class DisabilityRules
{
    public const string ProofRule = "DIS-01";
    public const string DateRule = "DIS-02";
    public const string ListRule = "DIS-03";

    /// <summary>DIS-01: the status follows from the proofs; an SB-Ausweis alone leaves it incomplete.</summary>
    public static DisabilityStatus StatusOf(IEnumerable<DisabilityEvidence> evidence)
    {
        var list = evidence.ToList();
        if (list.Count == 0)
        {
            return DisabilityStatus.None;
        }

        var proofs = list.Where(e => e.IsProof).ToList();
        if (proofs.Count == 0)
        {
            return DisabilityStatus.Incomplete;
        }

        if (proofs.Any(e => e.Kind == EvidenceKind.Feststellungsbescheid && e.Degree >= 50))
        {
            return DisabilityStatus.SeverelyDisabled;
        }

        return proofs.Any(e => e.Kind == EvidenceKind.Gleichstellungsbescheid) ? DisabilityStatus.Equated : DisabilityStatus.Other;
    }

    public static string GermanLabel(DisabilityStatus status) => status switch
    {
        DisabilityStatus.None => "kein Nachweis erfasst",
        DisabilityStatus.Incomplete => "Nachweis unvollständig (nur SB-Ausweis)",
        DisabilityStatus.SeverelyDisabled => "schwerbehindert",
        DisabilityStatus.Equated => "gleichgestellt",
        _ => "sonstiges (GdB unter 50, nicht gleichgestellt)",
    };

    /// <summary>Input checks for a notice: GdB 20–100 in steps of 10; dates not in the future.</summary>
    public static IReadOnlyList<Rules.RuleViolation> CheckEvidence(EvidenceKind kind, DateOnly noticeDate, DateOnly? effectiveFrom, int? degree, DateOnly today)
    {
        var errors = new List<Rules.RuleViolation>();
        if (noticeDate > today)
        {
            errors.Add(new(Rules.RuleIds.Input, "Das Datum des Bescheids darf nicht in der Zukunft liegen.", "noticeDate"));
        }

        if (degree is not null && (degree < 20 || degree > 100 || degree % 10 != 0))
        {
            errors.Add(new(Rules.RuleIds.Input, "Der GdB muss zwischen 20 und 100 in Zehnerschritten liegen.", "degree"));
        }

        if (degree is null && kind == EvidenceKind.Feststellungsbescheid)
        {
            errors.Add(new(Rules.RuleIds.Input, "Beim Feststellungsbescheid ist der GdB anzugeben.", "degree"));
        }

        if (effectiveFrom is not null && effectiveFrom > noticeDate.AddYears(1))
        {
            errors.Add(new(Rules.RuleIds.Input, "„Mit Wirkung ab“ liegt mehr als ein Jahr nach dem Bescheid – bitte prüfen.", "effectiveFrom"));
        }

        return errors;
    }
}
