using Teilhabe.Core.Organisations;

namespace Teilhabe.Core.Programmes;

public enum ParticipationStatus
{
    /// <summary>Takes part (within the yearly places, or admitted over capacity by the lead).</summary>
    Active,

    /// <summary>PRG-TR-01: referred beyond capacity, on the waiting list.</summary>
    Waiting,

    Ended,
}

/// <summary>
/// One client's participation in a programme, with its own phases (template), bookings and plan.
/// Same tenant scope as the programme (ACC-06); every change audited (ACC-09).
/// </summary>
public sealed partial class Participation : IServiceScoped, IAuditedEntity
{
    private readonly List<ModuleBooking> _bookings = [];
    private readonly List<PlanEntry> _plan = [];

    private Participation()
    {
    }

    public Participation(Programme programme, Guid clientId, Guid referringBodyId, LegalSphere legalSphere, DateOnly firstContactOn, DateOnly referredOn, ParticipationStatus status)
    {
        Id = Guid.CreateVersion7();
        ProgrammeId = programme.Id;
        ServiceId = programme.ServiceId;
        IntegrationOfficeId = programme.IntegrationOfficeId;
        ClientId = clientId;
        ReferringBodyId = referringBodyId;
        LegalSphere = legalSphere;
        FirstContactOn = firstContactOn;
        ReferredOn = referredOn;
        Status = status;
        ReferralEndsOn = programme.ReferralEnd(referredOn);
        InformationTalkDueOn = firstContactOn.AddDays(programme.InformationTalkDays);
    }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public Guid ClientId { get; private set; }

    /// <summary>PRG-TR-02 / PRG-LO-03: the referring body (for a Persönliches Budget the Eingliederungshilfe).</summary>
    public Guid ReferringBodyId { get; private set; }
    public LegalSphere LegalSphere { get; private set; }

    /// <summary>PRG-TR-04: the day the person first contacted the provider.</summary>
    public DateOnly FirstContactOn { get; private set; }
    public DateOnly ReferredOn { get; private set; }
    public ParticipationStatus Status { get; private set; }

    /// <summary>PRG-TR-01: reason recorded when the lead admits over capacity.</summary>
    public string? OverCapacityReason { get; private set; }
    public string? AdmittedBy { get; private set; }
    public DateOnly? AdmittedOn { get; private set; }

    /// <summary>PRG-TR-04: by when the appointment is to be given (programme's days after first contact, fixed at referral; null for older rows = 7 days).</summary>
    public DateOnly? InformationTalkDueOn { get; private set; }

    /// <summary>PRG-TR-04: the due date, also for rows stored before the programme had its own number of days.</summary>
    public DateOnly InformationTalkDue => InformationTalkDueOn ?? FirstContactOn.AddDays(ProgrammeRules.InformationTalkDays);

    /// <summary>PRG-TR-04: the date of the appointment given for the information talk.</summary>
    public DateOnly? InformationTalkOn { get; private set; }

    /// <summary>PRG-TR-05: referral end, 12 months by default; extended with a reason.</summary>
    public DateOnly ReferralEndsOn { get; private set; }
    public string? ExtensionReason { get; private set; }

    /// <summary>PRG-TR-03: the recorded eligibility check.</summary>
    public DateOnly? EligibilityCheckedOn { get; private set; }
    public bool SeekingWorkOrApprenticeship { get; private set; }
    public bool SeverelyDisabledOrEquivalent { get; private set; }
    public string? AdditionalBarriers { get; private set; }

    /// <summary>PRG-TR-07 / PRG-TR-08: job start (placement) and its kind; aftercare runs from then on.</summary>
    public DateOnly? JobStartOn { get; private set; }
    public string? PlacementKind { get; private set; }

    /// <summary>PRG-TR-07: last day of the aftercare (job start + the programme's aftercare months, fixed at the job start); null = not limited.</summary>
    public DateOnly? AftercareEndsOn { get; private set; }

    /// <summary>PRG-TR-08: placement prospect within 12 months.</summary>
    public bool PlacementProspect { get; private set; }

    public IReadOnlyList<ModuleBooking> Bookings => _bookings;
    public IReadOnlyList<PlanEntry> Plan => _plan;

    public bool IsEligible => SeekingWorkOrApprenticeship && SeverelyDisabledOrEquivalent && !string.IsNullOrWhiteSpace(AdditionalBarriers);

    /// <summary>PRG-TR-01: the lead admits a waiting referral over capacity, with a reason.</summary>
    public void AdmitOverCapacity(string reason, string? userId, DateOnly on)
    {
        Status = ParticipationStatus.Active;
        OverCapacityReason = reason.Trim();
        AdmittedBy = userId;
        AdmittedOn = on;
    }

    public void SetInformationTalk(DateOnly on) => InformationTalkOn = on;

    public void Extend(DateOnly until, string reason)
    {
        ReferralEndsOn = until;
        ExtensionReason = reason.Trim();
    }

    public void RecordEligibility(DateOnly on, bool seekingWork, bool severelyDisabled, string? barriers)
    {
        EligibilityCheckedOn = on;
        SeekingWorkOrApprenticeship = seekingWork;
        SeverelyDisabledOrEquivalent = severelyDisabled;
        AdditionalBarriers = string.IsNullOrWhiteSpace(barriers) ? null : barriers.Trim();
    }

    /// <summary>PRG-TR-07: the job start fixes the end of the aftercare (programme's months after it; null = not limited).</summary>
    public void RecordJobStart(DateOnly on, string kind, int? aftercareMonths)
    {
        JobStartOn = on;
        PlacementKind = kind;
        AftercareEndsOn = ParticipationActionRules.AftercareEnd(on, aftercareMonths);
    }

    public ModuleBooking Book(string moduleCode, DateOnly date, decimal hours, string? userId, DateTimeOffset at)
    {
        var booking = new ModuleBooking(this, moduleCode, date, hours, userId, at);
        _bookings.Add(booking);
        return booking;
    }

    public PlanEntry AddPlanEntry(string challenge, string goal, string? steps, DateOnly reviewOn)
    {
        var entry = new PlanEntry(challenge, goal, steps, reviewOn);
        _plan.Add(entry);
        return entry;
    }
}

/// <summary>PRG-LO-02: Fachleistungsstunden of one module on one day for one person.</summary>
public sealed class ModuleBooking : IServiceScoped, IAuditedEntity
{
    private ModuleBooking()
    {
        ModuleCode = string.Empty;
    }

    internal ModuleBooking(Participation participation, string moduleCode, DateOnly date, decimal hours, string? userId, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        ParticipationId = participation.Id;
        ServiceId = participation.ServiceId;
        IntegrationOfficeId = participation.IntegrationOfficeId;
        ModuleCode = moduleCode;
        Date = date;
        Hours = hours;
        RecordedBy = userId;
        RecordedAt = at;
    }

    public ModuleBooking(string moduleCode, DateOnly date, decimal hours)
        : this()
    {
        Id = Guid.CreateVersion7();
        ModuleCode = moduleCode;
        Date = date;
        Hours = hours;
    }

    public Guid Id { get; private set; }
    public Guid ParticipationId { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public string ModuleCode { get; private set; }
    public DateOnly Date { get; private set; }
    public decimal Hours { get; private set; }
    public string? RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>PRG-TR-06: one line of the Förder- und Integrationsplan with its dated review.</summary>
public sealed class PlanEntry
{
    private PlanEntry()
    {
        Challenge = string.Empty;
        Goal = string.Empty;
    }

    internal PlanEntry(string challenge, string goal, string? steps, DateOnly reviewOn)
    {
        Id = Guid.CreateVersion7();
        Challenge = challenge.Trim();
        Goal = goal.Trim();
        Steps = string.IsNullOrWhiteSpace(steps) ? null : steps.Trim();
        ReviewOn = reviewOn;
    }

    public Guid Id { get; private set; }
    public string Challenge { get; private set; }
    public string Goal { get; private set; }
    public string? Steps { get; private set; }
    public DateOnly ReviewOn { get; private set; }
    public DateOnly? ReviewedOn { get; private set; }
    public string? ReviewNote { get; private set; }

    public void Review(DateOnly on, string? note, DateOnly nextReviewOn)
    {
        ReviewedOn = on;
        ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ReviewOn = nextReviewOn;
    }
}
