using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Teilhabe.Core.Organisations;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Clients;

/// <summary>The kinds of the client's records that CL-03 corrects or removes (besides the master data).</summary>
public enum ClientRecordKind
{
    [JsonStringEnumMemberName("disability-evidence")]
    DisabilityEvidence,

    [JsonStringEnumMemberName("disabilities")]
    Disability,

    [JsonStringEnumMemberName("employment-situations")]
    EmploymentSituation,
}

/// <summary>
/// CL-03: the earlier state of a corrected or removed record of the client — who changed it, when, what it said
/// before and, for a removal, why. The record itself holds only the newest state (or is gone).
/// </summary>
public sealed class ClientRecordChange : IServiceScoped
{
    public const string Rule = "CL-03";
    public const int ReasonMaxLength = 1000;

    private ClientRecordChange()
    {
        ChangedBy = string.Empty;
        Earlier = "{}";
    }

    private ClientRecordChange(Client client, ClientRecordKind kind, Guid recordId, IReadOnlyDictionary<string, string?> earlier, DateTimeOffset at, string by, string? reason)
        : this()
    {
        Id = Guid.CreateVersion7();
        ClientId = client.Id;
        ServiceId = client.ServiceId;
        IntegrationOfficeId = client.IntegrationOfficeId;
        RecordKind = kind;
        RecordId = recordId;
        ChangedAt = at;
        ChangedBy = by;
        Earlier = JsonSerializer.Serialize(earlier);
        Reason = reason;
    }

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public ClientRecordKind RecordKind { get; private set; }
    public Guid RecordId { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
    public string ChangedBy { get; private set; }

    /// <summary>The values before the change as a JSON object: field name (camelCase as in the API) → value, dates as YYYY-MM-DD.</summary>
    public string Earlier { get; private set; }

    public IReadOnlyDictionary<string, string?> EarlierValues
        => JsonSerializer.Deserialize<Dictionary<string, string?>>(Earlier) ?? [];

    /// <summary>The reason of a removal; null for a correction.</summary>
    public string? Reason { get; private set; }

    public bool Removed => Reason is not null;

    /// <summary>CL-03: a removal needs a reason (at most <see cref="ReasonMaxLength"/> characters).</summary>
    public static IReadOnlyList<RuleViolation> CheckReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return [new(Rule, "Bitte begründen, warum der Eintrag entfernt wird (z. B. „Bescheid einer anderen Person“ oder „doppelt erfasst“).", "reason")];
        }

        return reason.Trim().Length > ReasonMaxLength
            ? [RuleViolation.Input($"Die Begründung ist zu lang (höchstens {ReasonMaxLength} Zeichen).", "reason")]
            : [];
    }

    internal static ClientRecordChange Corrected(Client client, ClientRecordKind kind, Guid recordId, IReadOnlyDictionary<string, string?> earlier, DateTimeOffset at, string by)
        => new(client, kind, recordId, earlier, at, by, null);

    internal static ClientRecordChange RemovedWith(Client client, ClientRecordKind kind, Guid recordId, IReadOnlyDictionary<string, string?> earlier, DateTimeOffset at, string by, string reason)
        => new(client, kind, recordId, earlier, at, by, reason.Trim());

    internal static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string? Number(int? n) => n?.ToString(CultureInfo.InvariantCulture);

    internal static string Flag(bool b) => b ? "true" : "false";
}
