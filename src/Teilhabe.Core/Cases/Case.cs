using Teilhabe.Core.Audit;
using Teilhabe.Core.Organisations;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Cases;

/// <summary>
/// An Auftrag: one commission for a client, defined by funder, legal basis and care type. The phase only
/// changes through <see cref="MoveTo"/>, after <see cref="PhaseMachine"/> found nothing that refuses it.
/// </summary>
public sealed class Case : IServiceScoped, IAuditedEntity, IClientRelated, ICaseRelated
{
    private readonly List<PhaseChange> _history = [];
    private readonly List<CaseAgreement> _agreements = [];
    private readonly List<CaseDeputy> _deputies = [];

    private Case()
    {
        CaseNumber = string.Empty;
        CaseworkerId = string.Empty;
    }

    public Case(Guid serviceId, Guid integrationOfficeId, Guid clientId, string caseNumber, string caseworkerId, DateOnly startDate, CaseSettings settings)
        : this()
    {
        Id = Guid.CreateVersion7();
        ServiceId = serviceId;
        IntegrationOfficeId = integrationOfficeId;
        ClientId = clientId;
        CaseNumber = caseNumber;
        CaseworkerId = caseworkerId;
        StartDate = startDate;
        PhaseSince = startDate;
        Apply(settings);

        // PH-FDS-01: choosing care type FDS creates the case in FP1.
        Phase = settings.CareTypeCode == CareTypes.ExpertStatement ? Phase.FP1 : Phase.P1;
    }

    /// <summary>
    /// CT-03: a case begins on the day of its first phase, which may lie as far back as documentation may
    /// (the profile's backdating weeks) and never in the future.
    /// </summary>
    public static IReadOnlyList<RuleViolation> CheckStartDate(DateOnly startDate, DateOnly today, StateProfile profile)
    {
        if (startDate > today)
        {
            return [new("CT-03", "Ein Auftrag kann nicht in der Zukunft beginnen.", "startDate")];
        }

        return startDate < today.AddDays(-7 * profile.BackdatingWeeks)
            ? [new("CT-03", $"Ein Auftrag kann höchstens {profile.BackdatingWeeks} Wochen rückwirkend beginnen.", "startDate")]
            : [];
    }

    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public Guid ClientId { get; private set; }

    /// <summary>Human-readable number shown on every page and report (e.g. "2026-0042").</summary>
    public string CaseNumber { get; private set; }

    public string CaseworkerId { get; private set; }
    public IReadOnlyList<CaseDeputy> Deputies => _deputies;

    public Phase Phase { get; private set; }
    public DateOnly StartDate { get; private set; }

    /// <summary>Date the current phase began.</summary>
    public DateOnly PhaseSince { get; private set; }

    /// <summary>The P3 / FP3 date: start of the commission.</summary>
    public DateOnly? CommissionStart { get; private set; }

    public DateOnly? PlannedEndDate { get; private set; }
    public DateOnly? ClosedOn { get; private set; }

    public Guid? FunderId { get; private set; }
    public string? CareTypeCode { get; private set; }
    public string? LegalBasisCode { get; private set; }
    public string? CaseGroupCode { get; private set; }
    public string? ReferringBodyCode { get; private set; }

    /// <summary>PH-FDS-05: the main case of an additional FDS case (Zusatzauftrag).</summary>
    public Guid? ParentCaseId { get; private set; }

    public string? ClosingReasonCode { get; private set; }
    public string? OutcomeCategoryCode { get; private set; }

    /// <summary>The case's report fields (REP-01); ToDo never appears in a report (REP-02).</summary>
    public CaseTexts Texts { get; private set; } = new();

    /// <summary>CT-07: a contact frequency set by another funder, in days.</summary>
    public int? ContactFrequencyDays { get; private set; }

    /// <summary>The Merkblatt zum Sozialdatenschutz of this case (DOC-02, DOC-04).</summary>
    public DataProtectionNotice? DataProtectionNotice { get; private set; }

    /// <summary>PH-FDS-04: after a return with "client refuses", nothing beyond the commission may be added.</summary>
    public bool RestrictedToCommission { get; private set; }

    /// <summary>TR-02 / DOC-02: after a move to another IFD the case needs a new Merkblatt of the receiving IFD.</summary>
    public bool NoticeRenewalRequired { get; private set; }

    /// <summary>PH-FDS-06: confirmations for the § 27 SchwbAV recommendation.</summary>
    public bool EmployerAppliedBeforeIfd { get; private set; }
    public bool ApplicationWithIfdSupportConfirmed { get; private set; }
    public bool PriorMeasuresExhaustedConfirmed { get; private set; }

    /// <summary>BA-SI-01: the Integrationsamt's objection to the request for commission (date, reason, by whom).</summary>
    public DateOnly? ObjectedOn { get; private set; }

    public string? ObjectionReason { get; private set; }
    public string? ObjectedBy { get; private set; }

    /// <summary>DEL-01: the day the case's personal data was removed after the retention period (null while kept).</summary>
    public DateOnly? AnonymisedOn { get; private set; }

    public IReadOnlyList<PhaseChange> History => _history;
    public IReadOnlyList<CaseAgreement> Agreements => _agreements;

    /// <summary>Optimistic concurrency (ETag / If-Match; conflict message on pages).</summary>
    public int Version { get; private set; }

    Guid? IClientRelated.ClientId => ClientId;
    Guid? ICaseRelated.CaseId => Id;

    public bool IsAdditionalStatement => ParentCaseId is not null;

    public void Update(CaseSettings settings)
    {
        Apply(settings);
        Touch();
    }

    public void UpdateTexts(CaseTexts texts)
    {
        Texts = texts;
        Touch();
    }

    public void SetContactFrequency(int? days)
    {
        ContactFrequencyDays = days;
        Touch();
    }

    public void ConfirmSchwbAv27(bool employerAppliedBefore, bool withIfdSupport, bool measuresExhausted)
    {
        EmployerAppliedBeforeIfd = employerAppliedBefore;
        ApplicationWithIfdSupportConfirmed = withIfdSupport;
        PriorMeasuresExhaustedConfirmed = measuresExhausted;
        Touch();
    }

    public void SignDataProtectionNotice(DateOnly signedOn, string version, DateOnly? commissionDate)
    {
        DataProtectionNotice = new DataProtectionNotice(signedOn, version, commissionDate, null, null);
        NoticeRenewalRequired = false;
        Touch();
    }

    /// <summary>DOC-02: an application to InA during P2/P3 is recorded with a second signature on the same Merkblatt.</summary>
    public void AddSecondSignature(DateOnly applicationDate, DateOnly signedOn)
    {
        DataProtectionNotice = DataProtectionNotice! with { ApplicationDate = applicationDate, SecondSignedOn = signedOn };
        Touch();
    }

    public CaseAgreement AddAgreement(string kind, DateOnly agreedOn, string agreedWith, string? approvedByUserId)
    {
        var agreement = new CaseAgreement(Id, kind, agreedOn, agreedWith, approvedByUserId);
        _agreements.Add(agreement);
        Touch();
        return agreement;
    }

    /// <summary>ACC-06: the deputies standing in on this case (replaces the list).</summary>
    public void SetDeputies(IEnumerable<string> userIds)
    {
        var wanted = userIds.Where(u => u != CaseworkerId).Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        _deputies.RemoveAll(d => !wanted.Contains(d.UserId));
        foreach (var id in wanted.Where(id => _deputies.All(d => d.UserId != id)))
        {
            _deputies.Add(new CaseDeputy(Id, id));
        }

        Touch();
    }

    /// <summary>BA-SI-01: InA-Koordination objects to the request for commission; the case must then be closed with "objection".</summary>
    public void RecordObjection(DateOnly on, string reason, string by)
    {
        ObjectedOn = on;
        ObjectionReason = reason;
        ObjectedBy = by;
        Touch();
    }

    /// <summary>BA-UB-02 (period set by a Reha-Träger) and BA-EXT-01 (approved extension).</summary>
    public void SetPlannedEnd(DateOnly? end)
    {
        PlannedEndDate = end;
        Touch();
    }

    public void AssignCaseworker(string caseworkerId)
    {
        CaseworkerId = caseworkerId;
        Touch();
    }

    /// <summary>TR-01: another caseworker of the same IFD takes the case over; no closing, the Merkblatt stays valid.</summary>
    public void TransferWithinService(string caseworkerId, bool keepDeputies)
    {
        CaseworkerId = caseworkerId;
        _deputies.RemoveAll(d => !keepDeputies || d.UserId == caseworkerId);
        Touch();
    }

    /// <summary>TR-02: the case moves to another IFD of the same state (no closing); the receiving IFD needs a new Merkblatt (DOC-02).</summary>
    public void TransferToService(Guid serviceId, string caseworkerId, string caseNumber)
    {
        ServiceId = serviceId;
        CaseworkerId = caseworkerId;
        CaseNumber = caseNumber;
        _deputies.Clear();
        NoticeRenewalRequired = true;
        Touch();
    }

    /// <summary>
    /// Moves the case. Callers run <see cref="PhaseMachine.Check"/> first; this only records the change
    /// and the dates that follow from it.
    /// </summary>
    public PhaseChange MoveTo(Phase to, DateOnly on, string? userId, DateTimeOffset at, string? reasonCode, string? outcomeCategoryCode, DateOnly? plannedEnd)
    {
        var change = new PhaseChange(Id, Phase, to, on, at, userId, reasonCode);
        _history.Add(change);
        Phase = to;
        PhaseSince = on;
        if (to is Phase.P3 or Phase.FP3 || (to == Phase.FP4 && CommissionStart is null))
        {
            CommissionStart ??= on;
            PlannedEndDate = plannedEnd ?? PlannedEndDate;
        }

        if (PhaseLabels.IsClosed(to))
        {
            ClosedOn = on;
            ClosingReasonCode = reasonCode;
            OutcomeCategoryCode = outcomeCategoryCode;
        }

        if (to == Phase.FP5 && reasonCode == PhaseMachine.ClientRefuses)
        {
            RestrictedToCommission = true;
        }

        Touch();
        return change;
    }

    /// <summary>PH-FDS-04: the free text beyond the written commission is removed on the user's confirmation.</summary>
    public IReadOnlyList<string> PurgeBeyondCommission()
    {
        var removed = Texts.FilledFieldNames().ToList();
        Texts = new CaseTexts();
        DataProtectionNotice = null;
        Touch();
        return removed;
    }

    /// <summary>DEL-01: the texts and free-text reasons go; dates, phases, codes and funder stay for the statistics.</summary>
    public void Anonymise(DateOnly on)
    {
        Texts = new CaseTexts();
        ObjectionReason = null;
        AnonymisedOn = on;
        Touch();
    }

    private void Apply(CaseSettings settings)
    {
        FunderId = settings.FunderId;
        CareTypeCode = settings.CareTypeCode;
        LegalBasisCode = settings.LegalBasisCode;
        CaseGroupCode = settings.CaseGroupCode;
        ReferringBodyCode = settings.ReferringBodyCode;
        ParentCaseId = settings.ParentCaseId ?? ParentCaseId;
    }

    private void Touch() => Version++;
}

/// <summary>The commission-defining fields of a case (funder, legal basis, care type …).</summary>
public sealed record CaseSettings(
    Guid? FunderId,
    string? CareTypeCode,
    string? LegalBasisCode,
    string? CaseGroupCode,
    string? ReferringBodyCode,
    Guid? ParentCaseId = null);

/// <summary>The free-text fields of a case that feed the reports (REP-01). ToDo is private (REP-02).</summary>
public sealed record CaseTexts
{
    /// <summary>PH-P2-01: the one concern (Anliegen) of a Qualifizierte Beratung.</summary>
    public string? Concern { get; init; }

    /// <summary>PH-P2-01 / REP-01: "Geplante Inhalte und Maßnahmen der QB".</summary>
    public string? PlannedContents { get; init; }

    /// <summary>REP-01: "Auswirkung der Behinderung auf die Teilhabe am Arbeitsleben".</summary>
    public string? DisabilityImpact { get; init; }

    /// <summary>REP-01: "Zielvereinbarung" (summary; the goals themselves are structured, REP-05).</summary>
    public string? GoalAgreement { get; init; }

    /// <summary>REP-01: "Ergänzungen" ("keine Ergänzungen" is valid).</summary>
    public string? Supplements { get; init; }

    /// <summary>REP-01: "Sachstand / Begründung zur Verlängerung".</summary>
    public string? Progress { get; init; }

    /// <summary>PH-P4-02 / REP-01: "Sachstand zur Abmeldung / Ergebnis".</summary>
    public string? ClosingResult { get; init; }

    /// <summary>REP-02: the private work list; never in a report.</summary>
    public string? Todo { get; init; }

    public static string GermanLabel(string field) => field switch
    {
        nameof(Concern) => "Anliegen",
        nameof(PlannedContents) => "Geplante Inhalte und Maßnahmen",
        nameof(DisabilityImpact) => "Auswirkung der Behinderung",
        nameof(GoalAgreement) => "Zielvereinbarung (Text)",
        nameof(Supplements) => "Ergänzungen",
        nameof(Progress) => "Sachstand",
        nameof(ClosingResult) => "Sachstand zur Abmeldung / Ergebnis",
        nameof(Todo) => "ToDo",
        _ => field,
    };

    public IEnumerable<string> FilledFieldNames()
    {
        if (!string.IsNullOrWhiteSpace(Concern)) { yield return nameof(Concern); }
        if (!string.IsNullOrWhiteSpace(PlannedContents)) { yield return nameof(PlannedContents); }
        if (!string.IsNullOrWhiteSpace(DisabilityImpact)) { yield return nameof(DisabilityImpact); }
        if (!string.IsNullOrWhiteSpace(GoalAgreement)) { yield return nameof(GoalAgreement); }
        if (!string.IsNullOrWhiteSpace(Supplements)) { yield return nameof(Supplements); }
        if (!string.IsNullOrWhiteSpace(Progress)) { yield return nameof(Progress); }
        if (!string.IsNullOrWhiteSpace(ClosingResult)) { yield return nameof(ClosingResult); }
        if (!string.IsNullOrWhiteSpace(Todo)) { yield return nameof(Todo); }
    }
}

/// <summary>DOC-02 / DOC-04: the signed Merkblatt of one case.</summary>
public sealed record DataProtectionNotice(DateOnly SignedOn, string Version, DateOnly? CommissionDate, DateOnly? ApplicationDate, DateOnly? SecondSignedOn);

/// <summary>One phase change with who and when.</summary>
public sealed class PhaseChange
{
    private PhaseChange()
    {
    }

    internal PhaseChange(Guid caseId, Phase from, Phase to, DateOnly on, DateTimeOffset at, string? userId, string? reasonCode)
    {
        Id = Guid.CreateVersion7();
        CaseId = caseId;
        From = from;
        To = to;
        On = on;
        At = at;
        UserId = userId;
        ReasonCode = reasonCode;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Phase From { get; private set; }
    public Phase To { get; private set; }
    public DateOnly On { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? UserId { get; private set; }
    public string? ReasonCode { get; private set; }
}

/// <summary>PH-P2-04 / PH-P3-04: a prior agreement with InA-Koordination.</summary>
public sealed class CaseAgreement
{
    public const string P2Renewal = "P2-renewal";
    public const string P2ToP3 = "P2-to-P3";
    public const string P3Renewal = "P3-renewal";

    private CaseAgreement()
    {
        Kind = string.Empty;
        AgreedWith = string.Empty;
    }

    internal CaseAgreement(Guid caseId, string kind, DateOnly agreedOn, string agreedWith, string? approvedByUserId)
    {
        Id = Guid.CreateVersion7();
        CaseId = caseId;
        Kind = kind;
        AgreedOn = agreedOn;
        AgreedWith = agreedWith;
        ApprovedByUserId = approvedByUserId;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string Kind { get; private set; }
    public DateOnly AgreedOn { get; private set; }
    public string AgreedWith { get; private set; }

    /// <summary>Set when an InA user approved in the product rather than "abgestimmt am … mit …".</summary>
    public string? ApprovedByUserId { get; private set; }
}

/// <summary>TR-01 / ACC-06: a deputy standing in on this case.</summary>
public sealed class CaseDeputy
{
    private CaseDeputy()
    {
        UserId = string.Empty;
    }

    public CaseDeputy(Guid caseId, string userId)
    {
        CaseId = caseId;
        UserId = userId;
    }

    public Guid CaseId { get; private set; }
    public string UserId { get; private set; }
}

/// <summary>Stable care type codes (API.md).</summary>
public static class CareTypes
{
    public const string Placement = "placement";
    public const string Retention = "retention";
    public const string ExpertStatement = "expert-statement";
}
