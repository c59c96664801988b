using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Organisations;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Contacts;

/// <summary>
/// A Leistung/Ergebnis (LEK) of a case. Its dates come only from the linked contacts (LEK-02); it is never
/// deleted, only declared invalid (LEK-01); its start date may be removed under LEK-04.
/// </summary>
public sealed class Outcome : IServiceScoped, IAuditedEntity, IClientRelated, ICaseRelated
{
    private Outcome()
    {
        OutcomeCode = string.Empty;
    }

    public Outcome(Case @case, string outcomeCode, Guid? serviceFunderId, DateTimeOffset createdAt, string? createdBy)
        : this()
    {
        Id = Guid.CreateVersion7();
        ServiceId = @case.ServiceId;
        IntegrationOfficeId = @case.IntegrationOfficeId;
        ClientId = @case.ClientId;
        CaseId = @case.Id;
        OutcomeCode = outcomeCode;
        ServiceFunderId = serviceFunderId;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
    }

    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid CaseId { get; private set; }

    /// <summary>Code of the catalogue "outcomes".</summary>
    public string OutcomeCode { get; private set; }

    /// <summary>FU-05: the LEK funder.</summary>
    public Guid? ServiceFunderId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public string? CreatedBy { get; private set; }

    /// <summary>LEK-02: date of the first linked contact; null before any link or after a removal (LEK-03).</summary>
    public DateOnly? StartDate { get; private set; }

    /// <summary>LEK-02: date of the last linked contact.</summary>
    public DateOnly? EndDate { get; private set; }

    /// <summary>LEK-04: the day the start date was entered (compared with the day of an Anfangsbericht).</summary>
    public DateOnly? StartDateEnteredOn { get; private set; }

    /// <summary>LEK-04: the start date was removed by a user; later links do not enter it again.</summary>
    public bool StartDateRemoved { get; private set; }

    /// <summary>LEK-04: the day an Anfangsbericht included this LEK (set by the report feature).</summary>
    public DateOnly? ReportLockedOn { get; private set; }

    /// <summary>Number of contacts linked so far.</summary>
    public int LinkedContacts { get; private set; }

    public DateTimeOffset? InvalidatedAt { get; private set; }
    public string? InvalidatedBy { get; private set; }
    public string? InvalidationReason { get; private set; }

    Guid? IClientRelated.ClientId => ClientId;
    Guid? ICaseRelated.CaseId => CaseId;

    /// <summary>LEK-01: an LEK is never deleted, only declared invalid.</summary>
    public static RuleViolation NeverDeleted()
        => new("LEK-01", "Eine LEK kann nicht gelöscht, nur für ungültig erklärt werden (POST /api/v1/outcomes/{id}/invalidate).");

    /// <summary>LEK-01: invalid LEKs stay visible but are left out of statistics.</summary>
    public bool IsValid => InvalidatedAt is null;

    /// <summary>LEK-03: an LEK without start date is not counted and is listed for the caseworkers.</summary>
    public bool LacksStartDate => StartDate is null;

    /// <summary>LEK-02: a contact on <paramref name="contactDate"/> was linked on <paramref name="today"/>.</summary>
    public void Link(DateOnly contactDate, DateOnly today)
    {
        LinkedContacts++;
        if (StartDate is null)
        {
            // LEK-02: a removed start date comes back with the next linked contact.
            StartDate = contactDate;
            StartDateEnteredOn = today;
            StartDateRemoved = false;
        }
        else if (StartDate is { } start && contactDate < start)
        {
            StartDate = contactDate;
        }

        if (EndDate is null || contactDate > EndDate)
        {
            EndDate = contactDate;
        }
    }

    /// <summary>
    /// LEK-02 after a correction or cancellation (CT-08): the dates follow the contacts still linked. A start date
    /// that had been removed comes back with the first link, unless LEK-04 locks the start date to an Anfangsbericht.
    /// </summary>
    public void Recalculate(IReadOnlyCollection<DateOnly> linkedContactDates, bool newlyLinked, DateOnly today)
    {
        LinkedContacts = linkedContactDates.Count;
        EndDate = linkedContactDates.Count == 0 ? null : linkedContactDates.Max();
        if (IsStartDateLocked || (StartDateRemoved && !newlyLinked))
        {
            return;
        }

        var first = linkedContactDates.Count == 0 ? (DateOnly?)null : linkedContactDates.Min();
        if (first != StartDate)
        {
            StartDateEnteredOn = first is null ? null : StartDate is null ? today : StartDateEnteredOn;
            StartDate = first;
            StartDateRemoved = false;
        }
    }

    /// <summary>LEK-04: the start date is part of an Anfangsbericht produced the day it was entered.</summary>
    public bool IsStartDateLocked => StartDate is not null && ReportLockedOn is { } reportDay && reportDay == StartDateEnteredOn;

    /// <summary>LEK-01: declared invalid with who, when and why.</summary>
    public IReadOnlyList<RuleViolation> Invalidate(string? userId, DateTimeOffset at, string? reason)
    {
        if (!IsValid)
        {
            return [new("LEK-01", "Die LEK ist bereits für ungültig erklärt.", null)];
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return [new(RuleIds.Input, "Bitte begründen, warum die LEK ungültig ist.", "reason")];
        }

        InvalidatedAt = at;
        InvalidatedBy = userId;
        InvalidationReason = reason.Trim();
        return [];
    }

    /// <summary>DEL-01: the free-text reason goes with the case's personal data; that and when it was invalidated stay.</summary>
    public void ForgetInvalidationReason() => InvalidationReason = null;

    /// <summary>LEK-04: the start date may be removed while it is not older than the backdating window and not part of an Anfangsbericht.</summary>
    public IReadOnlyList<RuleViolation> RemoveStartDate(DateOnly today, StateProfile profile)
    {
        var v = CheckStartDateRemoval(today, profile);
        if (v.Count > 0)
        {
            return v;
        }

        StartDate = null;
        StartDateEnteredOn = null;
        StartDateRemoved = true;
        return [];
    }

    /// <summary>LEK-04 asked without changing anything: what stands against removing the start date today.</summary>
    public IReadOnlyList<RuleViolation> CheckStartDateRemoval(DateOnly today, StateProfile profile)
    {
        if (StartDate is not { } start)
        {
            return [new("LEK-04", "Die LEK hat kein Startdatum.", "startDate")];
        }

        var v = new List<RuleViolation>();
        if (ContactRules.IsBeyondBackdating(start, today, profile))
        {
            v.Add(new("LEK-04", $"Ein Startdatum, das mehr als {profile.BackdatingWeeks} Wochen zurückliegt, kann nicht entfernt werden.", "startDate"));
        }

        if (ReportLockedOn is { } reportDay && reportDay == StartDateEnteredOn)
        {
            v.Add(new("LEK-04", "Das Startdatum wurde am Tag des Anfangsberichts eingepflegt und ist Teil dieses Berichts.", "startDate"));
        }

        return v;
    }

    /// <summary>LEK-04: an Anfangsbericht produced on <paramref name="day"/> includes this LEK.</summary>
    public void LockForReport(DateOnly day) => ReportLockedOn ??= day;
}
