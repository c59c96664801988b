using System.Text.Json.Serialization;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Organisations;

namespace Teilhabe.Core.Reports;

/// <summary>REP-01: the four reports.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReportKind>))]
public enum ReportKind
{
    /// <summary>Anfangsbericht QB.</summary>
    InitialCounselling,

    /// <summary>Anfangsbericht Betreuung.</summary>
    InitialCare,

    /// <summary>Sachstandsbericht.</summary>
    Progress,

    /// <summary>Endbericht.</summary>
    Final,
}

public static class ReportKinds
{
    public static string Title(ReportKind kind) => kind switch
    {
        ReportKind.InitialCounselling => "Anfangsbericht Qualifizierte Beratung",
        ReportKind.InitialCare => "Anfangsbericht Betreuung",
        ReportKind.Progress => "Sachstandsbericht",
        _ => "Endbericht",
    };

    /// <summary>LEK-04: both Anfangsberichte lock the LEKs that got their start date that day.</summary>
    public static bool IsInitial(ReportKind kind) => kind is ReportKind.InitialCounselling or ReportKind.InitialCare;
}

/// <summary>
/// REP-03: one generated report, immutable: who, when, the SHA-256 of the PDF and where the (encrypted) bytes
/// are stored. Regeneration creates a new version; nothing changes or deletes a version (the audit interceptor refuses it).
/// </summary>
public sealed class ReportVersion : IServiceScoped, IAuditedEntity, IClientRelated, ICaseRelated
{
    private ReportVersion()
    {
        Sha256 = string.Empty;
        StorageKey = string.Empty;
        Title = string.Empty;
    }

    public ReportVersion(Case @case, ReportKind kind, int number, string title, string sha256, string storageKey, long size, DateTimeOffset createdAt, string? createdBy)
        : this()
    {
        Id = Guid.CreateVersion7();
        ServiceId = @case.ServiceId;
        IntegrationOfficeId = @case.IntegrationOfficeId;
        ClientId = @case.ClientId;
        CaseId = @case.Id;
        Kind = kind;
        Number = number;
        Title = title;
        Sha256 = sha256;
        StorageKey = storageKey;
        Size = size;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
    }

    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid CaseId { get; private set; }
    public ReportKind Kind { get; private set; }

    /// <summary>Version number per case and kind, from 1.</summary>
    public int Number { get; private set; }

    public string Title { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the PDF bytes.</summary>
    public string Sha256 { get; private set; }

    public string StorageKey { get; private set; }
    public long Size { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? CreatedBy { get; private set; }

    Guid? IClientRelated.ClientId => ClientId;
    Guid? ICaseRelated.CaseId => CaseId;
}

/// <summary>REP-04: InA-Koordination or a Reha-Träger asks for a Sachstandsbericht by a due date.</summary>
public sealed class ReportRequest : IServiceScoped, IAuditedEntity, IClientRelated, ICaseRelated
{
    private ReportRequest()
    {
        RequestedBy = string.Empty;
    }

    public ReportRequest(Case @case, ReportKind kind, string requestedBy, DateOnly dueDate, DateTimeOffset createdAt, string? createdByUserId)
        : this()
    {
        Id = Guid.CreateVersion7();
        ServiceId = @case.ServiceId;
        IntegrationOfficeId = @case.IntegrationOfficeId;
        ClientId = @case.ClientId;
        CaseId = @case.Id;
        Kind = kind;
        RequestedBy = requestedBy;
        DueDate = dueDate;
        CreatedAt = createdAt;
        CreatedByUserId = createdByUserId;
    }

    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid CaseId { get; private set; }
    public ReportKind Kind { get; private set; }

    /// <summary>Who asks (e.g. "InA-Koordination Thüringen", "Deutsche Rentenversicherung").</summary>
    public string RequestedBy { get; private set; }

    public DateOnly DueDate { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? CreatedByUserId { get; private set; }

    /// <summary>The report version that answered the request.</summary>
    public Guid? FulfilledByReportId { get; private set; }

    public DateTimeOffset? FulfilledAt { get; private set; }

    public bool IsOpen => FulfilledByReportId is null;

    Guid? IClientRelated.ClientId => ClientId;
    Guid? ICaseRelated.CaseId => CaseId;

    /// <summary>REP-04: a report of the requested kind generated after the request fulfils it.</summary>
    public bool FulfilWith(ReportVersion report)
    {
        if (!IsOpen || report.Kind != Kind || report.CreatedAt < CreatedAt)
        {
            return false;
        }

        FulfilledByReportId = report.Id;
        FulfilledAt = report.CreatedAt;
        return true;
    }
}
