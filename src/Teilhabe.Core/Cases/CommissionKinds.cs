using Teilhabe.Core.Audit;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Organisations;
using Teilhabe.Core.Profiles;

namespace Teilhabe.Core.Cases;

/// <summary>
/// Kinds of commission (DOMAIN.md section 4): which case is an InA Sicherung, an UB-Berufsbegleitung or a
/// stabilisation phase, and the commission status of an InA Sicherung (BA-SI-01).
/// </summary>
public static class CommissionKinds
{
    public const string SupportedEmployment = "sgb9-55-3";
    public const string Stabilisation = "sgb9-196-3";
    public const string StabilisationAnalog = "sgb9-196-3-analog";
    public const string IntegrationOfficeReferral = "integration-office";

    /// <summary>BA-SI-04: topic and LEK code of the stufenweise Wiedereingliederung.</summary>
    public const string ReintegrationCode = "reintegration";

    public const string Requested = "requested";
    public const string Objected = "objected";
    public const string Commissioned = "commissioned";

    public const string ObjectionReason = "objection";
    public const string RetentionFailedReason = "retention-failed";
    public const string PlacementSuccessfulReason = "placement-successful";

    /// <summary>BA-SI-03: the employment kinds that end a Sicherung.</summary>
    public static readonly IReadOnlySet<string> EndingEmploymentKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "unemployed", "reduced-earning-pension", "old-age-pension", "marginal-employment",
    };

    /// <summary>BA-SI-05 / BA-UB-01: employment subject to social insurance.</summary>
    public static readonly IReadOnlySet<string> InsuredEmploymentKinds = new HashSet<string>(StringComparer.Ordinal) { "employed", "apprenticeship" };

    public static bool IsStabilisation(string? legalBasisCode) => legalBasisCode is Stabilisation or StabilisationAnalog;

    public static bool IsSupportedEmployment(string? legalBasisCode) => legalBasisCode == SupportedEmployment;

    /// <summary>
    /// BA-SI-01: an InA Sicherung is a case with the Integrationsamt as funder and care type Sicherung — other than
    /// the UB-Berufsbegleitung (BA-UB-01) and the stabilisation phase (BA-ST-01), which have their own rules.
    /// </summary>
    public static bool IsInaRetention(Case c, FunderKind? funderKind)
        => funderKind == FunderKind.IntegrationOffice && c.CareTypeCode == CareTypes.Retention
           && !IsSupportedEmployment(c.LegalBasisCode) && !IsStabilisation(c.LegalBasisCode);

    /// <summary>
    /// BA-SI-01: the last day an objection is accepted. The 4 weeks run from the P3 date (day 0); day 28 is the last
    /// day of the period (§ 188 Abs. 2 BGB: a period of weeks ends on the same weekday), from day 29 on the IFD
    /// counts as commissioned.
    /// </summary>
    public static DateOnly ObjectionDeadline(DateOnly commissionStart, StateProfile profile)
        => commissionStart.AddDays(7 * profile.ObjectionWeeks);

    /// <summary>BA-SI-01: "requested", "objected" or "commissioned" for an InA Sicherung from P3 on; null otherwise.</summary>
    public static string? StatusOf(Case c, bool inaRetention, DateOnly today, StateProfile profile)
    {
        if (!inaRetention || c.CommissionStart is not { } start || c.Phase is not (Phase.P3 or Phase.P4))
        {
            return null;
        }

        if (c.ObjectedOn is not null)
        {
            return Objected;
        }

        // A case closed before the period ended was never commissioned by lapse of time.
        var end = c.Phase == Phase.P4 && c.ClosedOn is { } closed && closed < today ? closed : today;
        return end > ObjectionDeadline(start, profile) ? Commissioned : Requested;
    }

    /// <summary>BA-SI-02, BA-UB-02, BA-ST-02: the planned end of a commission from its P3 date (null: set by the funder).</summary>
    public static DateOnly? PlannedEnd(Case c, bool inaFunder, DateOnly p3Date, StateProfile profile)
        => c.LegalBasisCode switch
        {
            Stabilisation or StabilisationAnalog => p3Date.AddMonths(profile.StabilisationMonths),
            SupportedEmployment when inaFunder => p3Date.AddMonths(profile.SupportedEmploymentMonths),
            _ when inaFunder && c.CareTypeCode == CareTypes.Retention => p3Date.AddMonths(profile.RetentionMonths),
            _ => null,
        };

    /// <summary>
    /// BA-ST-01: the outcomes a successful placement may close the Vermittlung with (STAT-01 "Vermittlung → …"), and
    /// the employment kind each needs: an apprenticeship for "Ausbildung", an employment for the three kinds of job.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> PlacementOutcomes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["permanent-employment"] = "employed",
        ["fixed-term-employment"] = "employed",
        ["inclusion-company"] = "employed",
        ["apprenticeship"] = "apprenticeship",
    };

    /// <summary>BA-ST-01: the statistical outcome of the closed Vermittlung that fits the new employment.</summary>
    public static string PlacementOutcomeFor(string employmentKindCode) => employmentKindCode switch
    {
        "apprenticeship" => "apprenticeship",
        "sheltered-workshop" => "sheltered-workshop",
        _ => "permanent-employment",
    };
}

/// <summary>BA-EXT-01: a request to extend an InA Sicherung (9 months) or UB (12 months), decided by InA-Koordination.</summary>
public sealed class ExtensionRequest : IServiceScoped, IAuditedEntity, ICaseRelated, IClientRelated
{
    private ExtensionRequest()
    {
        ProgressReport = string.Empty;
        RequestedBy = string.Empty;
    }

    public ExtensionRequest(Case @case, string progressReport, DateOnly requestedEndDate, DateOnly requestedOn, string requestedBy)
        : this()
    {
        Id = Guid.CreateVersion7();
        CaseId = @case.Id;
        ClientId = @case.ClientId;
        ServiceId = @case.ServiceId;
        IntegrationOfficeId = @case.IntegrationOfficeId;
        ProgressReport = progressReport;
        RequestedEndDate = requestedEndDate;
        CurrentEndDate = @case.PlannedEndDate;
        RequestedOn = requestedOn;
        RequestedBy = requestedBy;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }

    /// <summary>The Sachstandsbericht that justifies the extension.</summary>
    public string ProgressReport { get; private set; }

    public DateOnly RequestedEndDate { get; private set; }

    /// <summary>The planned end when the request was made.</summary>
    public DateOnly? CurrentEndDate { get; private set; }

    public DateOnly RequestedOn { get; private set; }
    public string RequestedBy { get; private set; }

    /// <summary>null while the decision is pending.</summary>
    public bool? Approved { get; private set; }

    public DateOnly? DecidedOn { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? DecisionNote { get; private set; }
    public DateOnly? NewEndDate { get; private set; }

    Guid? ICaseRelated.CaseId => CaseId;
    Guid? IClientRelated.ClientId => ClientId;

    public bool IsPending => Approved is null;

    public void Decide(bool approved, string? note, DateOnly? newEndDate, DateOnly on, string by)
    {
        Approved = approved;
        DecisionNote = note;
        NewEndDate = approved ? newEndDate ?? RequestedEndDate : null;
        DecidedOn = on;
        DecidedBy = by;
    }
}

/// <summary>BA-IB-01: the application to InA-Koordination to accompany a client in an Inklusionsbetrieb (need beyond § 217).</summary>
public sealed class InclusionCompanyApplication : IServiceScoped, IAuditedEntity, ICaseRelated, IClientRelated
{
    private InclusionCompanyApplication()
    {
        Need = string.Empty;
        AppliedBy = string.Empty;
    }

    public InclusionCompanyApplication(Case @case, string need, DateOnly appliedOn, string appliedBy)
        : this()
    {
        Id = Guid.CreateVersion7();
        CaseId = @case.Id;
        ClientId = @case.ClientId;
        ServiceId = @case.ServiceId;
        IntegrationOfficeId = @case.IntegrationOfficeId;
        Need = need;
        AppliedOn = appliedOn;
        AppliedBy = appliedBy;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }

    /// <summary>The need for accompaniment beyond what the Inklusionsbetrieb provides under § 217 SGB IX.</summary>
    public string Need { get; private set; }

    public DateOnly AppliedOn { get; private set; }
    public string AppliedBy { get; private set; }
    public bool? Approved { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? DecisionNote { get; private set; }

    Guid? ICaseRelated.CaseId => CaseId;
    Guid? IClientRelated.ClientId => ClientId;

    public bool IsPending => Approved is null;

    public void Decide(bool approved, string? note, DateOnly on, string by)
    {
        Approved = approved;
        DecisionNote = note;
        DecidedOn = on;
        DecidedBy = by;
    }
}
