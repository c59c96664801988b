using System.Text.Json.Serialization;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Organisations;

namespace Teilhabe.Core.Clients;

public enum EmploymentState
{
    /// <summary>"voraussichtlich": dated in the future, or not yet confirmed.</summary>
    [JsonStringEnumMemberName("expected")]
    Expected,

    /// <summary>"eingetroffen".</summary>
    [JsonStringEnumMemberName("occurred")]
    Occurred,
}

/// <summary>
/// EMP-01: one dated employment situation of the client's timeline (Chronologie). A situation dated in
/// the future is "voraussichtlich"; once its date has passed it is confirmed as "eingetroffen".
/// </summary>
public sealed class EmploymentSituation : IServiceScoped, IAuditedEntity, IClientRelated
{
    public const string Rule = "EMP-01";

    private EmploymentSituation()
    {
        KindCode = string.Empty;
    }

    internal EmploymentSituation(Client client, string kindCode, DateOnly from, Guid? institutionId, DateOnly today)
    {
        Id = Guid.CreateVersion7();
        ClientId = client.Id;
        ServiceId = client.ServiceId;
        IntegrationOfficeId = client.IntegrationOfficeId;
        KindCode = kindCode;
        From = from;
        InstitutionId = institutionId;
        CreatedOn = today;
        State = from > today ? EmploymentState.Expected : EmploymentState.Occurred;
    }

    /// <summary>TR-02: the same situation on the receiving IFD's copy of the record (<see cref="Client.CopyForService"/>).</summary>
    internal EmploymentSituation CopyFor(Client owner)
        => new(owner, KindCode, From, InstitutionId, CreatedOn) { State = State, ConfirmedOn = ConfirmedOn };

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public string KindCode { get; private set; }
    public DateOnly From { get; private set; }
    public Guid? InstitutionId { get; private set; }
    public DateOnly CreatedOn { get; private set; }
    public EmploymentState State { get; private set; }
    public DateOnly? ConfirmedOn { get; private set; }

    Guid? IClientRelated.ClientId => ClientId;

    public IReadOnlyDictionary<string, string?> Snapshot() => new Dictionary<string, string?>
    {
        ["kindCode"] = KindCode,
        ["from"] = ClientRecordChange.Date(From),
        ["institutionId"] = InstitutionId?.ToString(),
        ["state"] = State == EmploymentState.Expected ? "expected" : "occurred",
    };

    /// <summary>
    /// CL-03 with EMP-01: a corrected date decides the state as it would have when recorded with it — in the future
    /// "voraussichtlich", otherwise "eingetroffen". A correction that keeps the date keeps the state.
    /// </summary>
    internal void Correct(string kindCode, DateOnly from, Guid? institutionId, DateOnly today)
    {
        if (from != From)
        {
            State = from > today ? EmploymentState.Expected : EmploymentState.Occurred;
            ConfirmedOn = null;
        }

        KindCode = kindCode;
        From = from;
        InstitutionId = institutionId;
    }

    /// <summary>An expected situation whose date has passed waits for confirmation (EMP-01, deadline list).</summary>
    public bool AwaitsConfirmation(DateOnly today) => State == EmploymentState.Expected && From <= today;

    /// <summary>EMP-01: confirm as "eingetroffen" — only once its date has come.</summary>
    public IReadOnlyList<Rules.RuleViolation> Confirm(DateOnly today)
    {
        if (State == EmploymentState.Occurred)
        {
            return [];
        }

        if (From > today)
        {
            return [new Rules.RuleViolation(Rule,
                $"Die Beschäftigungssituation beginnt erst am {From:dd.MM.yyyy} und kann vorher nicht als „eingetroffen“ bestätigt werden.", "from")];
        }

        State = EmploymentState.Occurred;
        ConfirmedOn = today;
        return [];
    }
}
