using Teilhabe.Core.Audit;
using Teilhabe.Core.Organisations;

namespace Teilhabe.Core.Cases;

/// <summary>
/// An uploaded file (DOC-01). A DisabilityProof or DisabilityCard belongs to the client (CaseId null) and
/// counts for all the client's cases; a document on a contact is visible only to the case's caseworkers (ACC-10).
/// </summary>
public sealed class CaseDocument : IServiceScoped, IAuditedEntity, IClientRelated, ICaseRelated
{
    private CaseDocument()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        StorageKey = string.Empty;
    }

    public CaseDocument(Guid serviceId, Guid integrationOfficeId, Guid clientId, Guid? caseId, Guid? contactId, DocumentKind kind,
        string fileName, string contentType, long size, string sha256, string storageKey, DateTimeOffset uploadedAt, string? uploadedBy)
        : this()
    {
        Id = Guid.CreateVersion7();
        ServiceId = serviceId;
        IntegrationOfficeId = integrationOfficeId;
        ClientId = clientId;
        CaseId = IsClientLevel(kind) ? null : caseId;
        ContactId = contactId;
        Kind = kind;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        StorageKey = storageKey;
        UploadedAt = uploadedAt;
        UploadedBy = uploadedBy;
    }

    /// <summary>
    /// TR-02: a client-level document (proof of disability) for the receiving IFD's copy of the record; the bytes are
    /// stored again under <paramref name="storageKey"/>, so removing one copy never removes the other.
    /// </summary>
    public CaseDocument CopyForClient(Guid serviceId, Guid clientId, string storageKey)
        => new(serviceId, IntegrationOfficeId, clientId, CaseId, ContactId, Kind, FileName, ContentType, Size, Sha256, storageKey, UploadedAt, UploadedBy);

    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid? CaseId { get; private set; }
    public Guid? ContactId { get; private set; }
    public DocumentKind Kind { get; private set; }
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public long Size { get; private set; }
    public string Sha256 { get; private set; }

    /// <summary>Where the encrypted bytes lie in the document store; never shown.</summary>
    public string StorageKey { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }
    public string? UploadedBy { get; private set; }

    /// <summary>DOC-04: the form version a Merkblatt, Zielvereinbarung or Schweigepflichtentbindung was signed on, when given.</summary>
    public string? FormVersion { get; private set; }

    public void RecordFormVersion(string? version) => FormVersion = string.IsNullOrWhiteSpace(version) ? null : version.Trim();

    Guid? IClientRelated.ClientId => ClientId;
    Guid? ICaseRelated.CaseId => CaseId;

    public static bool IsClientLevel(DocumentKind kind) => kind is DocumentKind.DisabilityProof or DocumentKind.DisabilityCard;

    /// <summary>ACC-07: the case-level documents InA-Koordination may see (never contact-level ones, ACC-10).</summary>
    public bool IsReleasedToIntegrationOffice
        => ContactId is null && Kind is not (DocumentKind.Other or DocumentKind.DisabilityCard);
}
