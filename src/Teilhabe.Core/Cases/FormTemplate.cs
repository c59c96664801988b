using Teilhabe.Core.Organisations;

namespace Teilhabe.Core.Cases;

/// <summary>
/// DOC-04: the PDF template to print of one form version (Merkblatt, Zielvereinbarung, Schweigepflichtentbindung),
/// maintained by InA-Koordination or an administrator beside the catalogue entry of the version. It holds no social
/// data; the bytes lie encrypted in the document store like every upload. Every change is audited (IAuditedEntity).
/// </summary>
public sealed class FormTemplate : IAuditedEntity
{
    private FormTemplate()
    {
        Form = string.Empty;
        VersionCode = string.Empty;
        FileName = string.Empty;
        Sha256 = string.Empty;
        StorageKey = string.Empty;
    }

    public FormTemplate(string form, string versionCode, string fileName, long size, string sha256, string storageKey, DateTimeOffset uploadedAt, string? uploadedBy)
        : this()
    {
        Id = Guid.CreateVersion7();
        Form = form;
        VersionCode = versionCode;
        FileName = fileName;
        Size = size;
        Sha256 = sha256;
        StorageKey = storageKey;
        UploadedAt = uploadedAt;
        UploadedBy = uploadedBy;
    }

    public Guid Id { get; private set; }

    /// <summary>The catalogue entry's form: DataProtectionNotice, GoalAgreement or ConfidentialityRelease.</summary>
    public string Form { get; private set; }

    /// <summary>The catalogue entry's code, e.g. "2026-01".</summary>
    public string VersionCode { get; private set; }

    public string FileName { get; private set; }
    public long Size { get; private set; }
    public string Sha256 { get; private set; }
    public string StorageKey { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public string? UploadedBy { get; private set; }
}
