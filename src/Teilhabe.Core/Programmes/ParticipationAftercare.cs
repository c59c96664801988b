using Teilhabe.Core.Contacts;

namespace Teilhabe.Core.Programmes;

/// <summary>PRG-TR-07: with whom an aftercare contact was held.</summary>
public enum AftercareParty
{
    /// <summary>The participant (Teilnehmende/r).</summary>
    Participant,

    /// <summary>The employer (Betrieb).</summary>
    Employer,
}

/// <summary>Why a participation ended (end of the referral, PRG-TR-05).</summary>
public enum ParticipationEndReason
{
    /// <summary>Placement into work or an apprenticeship (after the aftercare).</summary>
    Placement,

    /// <summary>The referral period ran out.</summary>
    ReferralPeriodOver,

    /// <summary>The participant broke off.</summary>
    Dropout,

    /// <summary>The referring body withdrew the referral.</summary>
    Withdrawn,

    /// <summary>Another reason, described in the note.</summary>
    Other,
}

/// <summary>
/// PRG-TR-07 aftercare contacts, PRG-TR-08 placement prospect, the end of a participation (PRG-TR-05),
/// moving up from the waiting list (PRG-TR-01) and the signed participation contract (PRG-TR-04).
/// </summary>
public sealed partial class Participation
{
    private readonly List<AftercareContact> _aftercare = [];

    /// <summary>PRG-TR-07: the aftercare contacts with participant and employer after the job start.</summary>
    public IReadOnlyList<AftercareContact> Aftercare => _aftercare;

    /// <summary>PRG-TR-08: the day the placement prospect was assessed (null = never assessed).</summary>
    public DateOnly? ProspectAssessedOn { get; private set; }

    /// <summary>PRG-TR-05: the day the participation ended, why and a note.</summary>
    public DateOnly? EndedOn { get; private set; }
    public ParticipationEndReason? EndReason { get; private set; }
    public string? EndNote { get; private set; }

    /// <summary>PRG-TR-01: the ProgrammeLead moved the person up from the waiting list into a free place.</summary>
    public DateOnly? MovedUpOn { get; private set; }

    /// <summary>PRG-TR-04: the signed participation contract (file in the document store, like case documents).</summary>
    public DateOnly? ContractSignedOn { get; private set; }
    public string? ContractFileName { get; private set; }
    public string? ContractContentType { get; private set; }
    public long? ContractSize { get; private set; }
    public string? ContractSha256 { get; private set; }
    public string? ContractStorageKey { get; private set; }
    public DateTimeOffset? ContractUploadedAt { get; private set; }
    public string? ContractUploadedBy { get; private set; }

    public AftercareContact AddAftercareContact(DateOnly on, AftercareParty with, ContactForm form, string? note, string? userId, DateTimeOffset at)
    {
        var contact = new AftercareContact(on, with, form, note, userId, at);
        _aftercare.Add(contact);
        return contact;
    }

    public void SetPlacementProspect(bool prospect, DateOnly assessedOn)
    {
        PlacementProspect = prospect;
        ProspectAssessedOn = assessedOn;
    }

    public void End(DateOnly on, ParticipationEndReason reason, string? note)
    {
        Status = ParticipationStatus.Ended;
        EndedOn = on;
        EndReason = reason;
        EndNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    /// <summary>PRG-TR-01: a waiting referral takes a freed place (no over-capacity reason: it is within the places).</summary>
    public void MoveUp(string? userId, DateOnly on)
    {
        Status = ParticipationStatus.Active;
        AdmittedBy = userId;
        AdmittedOn = on;
        MovedUpOn = on;
    }

    /// <summary>DEL-01: the day the personal texts of the ended participation were deleted (null = still kept).</summary>
    public DateOnly? AnonymisedOn { get; private set; }

    /// <summary>
    /// DEL-01: once the retention after the end has passed, every free text goes — reasons, barriers, end note, plan,
    /// reflection talks, module goals, ICF items, aftercare contacts and the contract file; dates, status, codes and the
    /// bookings (module, day, hours) stay for the programme figures. Returns the contract's storage key to delete.
    /// </summary>
    public string? Anonymise(DateOnly on)
    {
        var contract = ContractStorageKey;
        OverCapacityReason = null;
        ExtensionReason = null;
        AdditionalBarriers = null;
        EndNote = null;
        ContractFileName = null;
        ContractContentType = null;
        ContractSize = null;
        ContractSha256 = null;
        ContractStorageKey = null;
        _plan.Clear();
        _aftercare.Clear();
        ClearRecords();
        AnonymisedOn = on;
        return contract;
    }

    /// <summary>PRG-TR-04: the signed contract; returns the storage key of a contract it replaces (to be removed after saving).</summary>
    public string? AttachContract(DateOnly signedOn, string fileName, string contentType, long size, string sha256, string storageKey, DateTimeOffset at, string? userId)
    {
        var previous = ContractStorageKey;
        ContractSignedOn = signedOn;
        ContractFileName = fileName;
        ContractContentType = contentType;
        ContractSize = size;
        ContractSha256 = sha256;
        ContractStorageKey = storageKey;
        ContractUploadedAt = at;
        ContractUploadedBy = userId;
        return previous;
    }
}

/// <summary>PRG-TR-07: one aftercare contact after the job start, with the participant or the employer.</summary>
public sealed class AftercareContact
{
    private AftercareContact()
    {
    }

    internal AftercareContact(DateOnly on, AftercareParty with, ContactForm form, string? note, string? userId, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        On = on;
        With = with;
        Form = form;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        RecordedBy = userId;
        RecordedAt = at;
    }

    public Guid Id { get; private set; }
    public DateOnly On { get; private set; }
    public AftercareParty With { get; private set; }
    public ContactForm Form { get; private set; }
    public string? Note { get; private set; }
    public string? RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
