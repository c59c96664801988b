using Teilhabe.Core.Audit;
using Teilhabe.Core.Organisations;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Cases;

/// <summary>
/// DOC-06: what is left of a wrong upload after its removal — kind, file name, size and SHA-256 with who, when and
/// why. The file itself is destroyed; the case page uses this to say that a past phase change relied on it.
/// </summary>
public sealed class RemovedDocument : IServiceScoped, IAuditedEntity, IClientRelated, ICaseRelated
{
    public const string Rule = "DOC-06";

    private RemovedDocument()
    {
        FileName = string.Empty;
        Sha256 = string.Empty;
        RemovedBy = string.Empty;
        Reason = string.Empty;
    }

    private RemovedDocument(CaseDocument d, Guid? caseId, DateTimeOffset at, string by, string reason)
        : this()
    {
        Id = d.Id;
        ServiceId = d.ServiceId;
        IntegrationOfficeId = d.IntegrationOfficeId;
        ClientId = d.ClientId;
        CaseId = d.CaseId ?? caseId;
        ContactId = d.ContactId;
        Kind = d.Kind;
        FileName = d.FileName;
        Size = d.Size;
        Sha256 = d.Sha256;
        UploadedAt = d.UploadedAt;
        RemovedAt = at;
        RemovedBy = by;
        Reason = reason;
    }

    /// <summary>The id the document had.</summary>
    public Guid Id { get; private set; }

    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public Guid ClientId { get; private set; }

    /// <summary>The case it was removed from (for a client-level proof: the case the removal was made on).</summary>
    public Guid? CaseId { get; private set; }

    public Guid? ContactId { get; private set; }
    public DocumentKind Kind { get; private set; }
    public string FileName { get; private set; }
    public long Size { get; private set; }
    public string Sha256 { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public DateTimeOffset RemovedAt { get; private set; }
    public string RemovedBy { get; private set; }
    public string Reason { get; private set; }

    Guid? IClientRelated.ClientId => ClientId;
    Guid? ICaseRelated.CaseId => CaseId;

    /// <summary>DOC-REQ: the documents a change into <paramref name="to"/> needed.</summary>
    public static IReadOnlyList<DocumentKind> NeededFor(Phase to) => to switch
    {
        Phase.P2 => [DocumentKind.DisabilityProof, DocumentKind.DataProtectionNotice],
        Phase.P3 => [DocumentKind.DisabilityProof, DocumentKind.DataProtectionNotice, DocumentKind.GoalAgreement, DocumentKind.WrittenCommission],
        Phase.FP3 => [DocumentKind.DisabilityProof, DocumentKind.DataProtectionNotice, DocumentKind.WrittenCommission],
        Phase.FP4 => [DocumentKind.ExpertStatement, DocumentKind.ConfidentialityRelease],
        _ => [],
    };

    /// <summary>
    /// DOC-06 with DOC-REQ: the removed documents a past phase change of the case relied on and that have no
    /// replacement of the same kind yet, with the change that needed them.
    /// </summary>
    public static IReadOnlyList<(RemovedDocument Removed, PhaseChange Change)> MissingForPastChanges(
        IEnumerable<RemovedDocument> removed, IEnumerable<PhaseChange> history, IEnumerable<DocumentKind> present)
    {
        var have = present.ToHashSet();
        var changes = history.OrderBy(h => h.At).ToList();
        return [.. removed.Where(r => !have.Contains(r.Kind))
            .Select(r => (Removed: r, Change: changes.FirstOrDefault(h => h.At >= r.UploadedAt && NeededFor(h.To).Contains(r.Kind))))
            .Where(x => x.Change is not null)
            .Select(x => (x.Removed, x.Change!))];
    }

    /// <summary>DOC-06: a removal needs a reason; the record keeps everything but the file.</summary>
    public static (RemovedDocument? Removed, IReadOnlyList<RuleViolation> Errors) Remove(CaseDocument d, Guid? caseId, string? reason, DateTimeOffset at, string by)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return (null, [new(Rule, "Bitte begründen, warum das Dokument entfernt wird (z. B. „falsche Person“).", "reason")]);
        }

        return reason.Trim().Length > 1000
            ? (null, [new(RuleIds.Input, "Die Begründung ist zu lang (höchstens 1000 Zeichen).", "reason")])
            : (new RemovedDocument(d, caseId, at, by, reason.Trim()), []);
    }
}
