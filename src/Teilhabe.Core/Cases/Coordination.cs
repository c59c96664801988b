using Teilhabe.Core.Audit;
using Teilhabe.Core.Organisations;

namespace Teilhabe.Core.Cases;

/// <summary>
/// ACC-08 "Anlassbezogene Auswertung": InA-Koordination opens all data of a case it funds for a recorded
/// occasion, for the profile's number of days. Visible to the IFD; every read during it is audited with the occasion.
/// </summary>
public sealed class IncidentAccess : IServiceScoped, IAuditedEntity, ICaseRelated
{
    private IncidentAccess()
    {
        UserId = string.Empty;
        Reason = string.Empty;
    }

    public IncidentAccess(Case @case, string userId, string reason, DateTimeOffset openedAt, int days)
        : this()
    {
        Id = Guid.CreateVersion7();
        CaseId = @case.Id;
        ServiceId = @case.ServiceId;
        IntegrationOfficeId = @case.IntegrationOfficeId;
        UserId = userId;
        Reason = reason.Trim();
        OpenedAt = openedAt;
        ExpiresAt = openedAt.AddDays(days);
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }

    /// <summary>The InA-Koordination user who opened the access.</summary>
    public string UserId { get; private set; }

    /// <summary>The occasion (complaint, Widerspruch …); also the reason of every audited read.</summary>
    public string Reason { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    Guid? ICaseRelated.CaseId => CaseId;

    public bool IsActiveAt(DateTimeOffset now) => OpenedAt <= now && now < ExpiresAt;

    /// <summary>TR-02: the access follows its case to the receiving IFD.</summary>
    public void MoveToService(Guid serviceId) => ServiceId = serviceId;
}

/// <summary>
/// TR-02: moving a case to another IFD of the same state. The sending IFD names the receiving IFD; the receiving IFD
/// uploads the Schweigepflichtentbindung towards the sending IFD; InA-Koordination confirms its receipt; then the
/// receiving IFD takes the case over. Holds the minimal stub the receiving IFD sees before the move.
/// </summary>
public sealed class CaseTransferRequest : IOfficeScoped, IAuditedEntity, ICaseRelated
{
    private CaseTransferRequest()
    {
        CaseNumber = string.Empty;
        ClientName = string.Empty;
        RequestedBy = string.Empty;
    }

    public CaseTransferRequest(Case @case, Guid toServiceId, string clientName, DateOnly? clientBirthDate, string requestedBy, DateTimeOffset at)
        : this()
    {
        Id = Guid.CreateVersion7();
        CaseId = @case.Id;
        IntegrationOfficeId = @case.IntegrationOfficeId;
        FromServiceId = @case.ServiceId;
        ToServiceId = toServiceId;
        CaseNumber = @case.CaseNumber;
        ClientName = clientName;
        ClientBirthDate = clientBirthDate;
        RequestedBy = requestedBy;
        RequestedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public Guid FromServiceId { get; private set; }
    public Guid ToServiceId { get; private set; }

    /// <summary>The stub the receiving IFD sees before the move: case number, client name and birth date only.</summary>
    public string CaseNumber { get; private set; }

    public string ClientName { get; private set; }
    public DateOnly? ClientBirthDate { get; private set; }

    public string RequestedBy { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>The uploaded Schweigepflichtentbindung towards the sending IFD (a case document).</summary>
    public Guid? ReleaseDocumentId { get; private set; }

    public DateTimeOffset? ReleaseUploadedAt { get; private set; }
    public string? ConfirmedBy { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public string? CompletedBy { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    Guid? ICaseRelated.CaseId => CaseId;

    public bool IsOpen => CompletedAt is null;

    public string Status => CompletedAt is not null ? "completed"
        : ConfirmedAt is not null ? "confirmed"
        : ReleaseDocumentId is not null ? "release-uploaded"
        : "requested";

    public void AttachRelease(Guid documentId, DateTimeOffset at)
    {
        ReleaseDocumentId = documentId;
        ReleaseUploadedAt = at;
    }

    public void Confirm(string userId, DateTimeOffset at)
    {
        ConfirmedBy = userId;
        ConfirmedAt = at;
    }

    public void Complete(string userId, DateTimeOffset at)
    {
        CompletedBy = userId;
        CompletedAt = at;
    }
}

/// <summary>PH-FDS-05: an electronic notification to InA-Koordination (e.g. a finished Zusatzauftrag).</summary>
public sealed class CoordinationNotification : IServiceScoped, IAuditedEntity, ICaseRelated
{
    public const string AdditionalStatementFinished = "additional-statement-finished";

    private CoordinationNotification()
    {
        Kind = string.Empty;
        CaseNumber = string.Empty;
        Text = string.Empty;
    }

    public CoordinationNotification(Case @case, string kind, string text, DateTimeOffset at)
        : this()
    {
        Id = Guid.CreateVersion7();
        CaseId = @case.Id;
        ServiceId = @case.ServiceId;
        IntegrationOfficeId = @case.IntegrationOfficeId;
        CaseNumber = @case.CaseNumber;
        Kind = kind;
        Text = text;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public string CaseNumber { get; private set; }
    public string Kind { get; private set; }
    public string Text { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    Guid? ICaseRelated.CaseId => CaseId;
}
