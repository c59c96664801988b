using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Organisations;

namespace Teilhabe.Core.Contacts;

/// <summary>
/// CT-06: an exception to the contact continuity (CT-04, CT-05) agreed with InA-Koordination, with reason and
/// period; while today lies in the period, the case shows no continuity warnings.
/// </summary>
public sealed class ContactException : IServiceScoped, IAuditedEntity, IClientRelated, ICaseRelated
{
    public const string Rule = "CT-06";

    private ContactException()
    {
        Reason = string.Empty;
        RecordedBy = string.Empty;
    }

    public ContactException(Case @case, string reason, DateOnly from, DateOnly to, DateTimeOffset recordedAt, string? recordedBy)
        : this()
    {
        Id = Guid.CreateVersion7();
        ServiceId = @case.ServiceId;
        IntegrationOfficeId = @case.IntegrationOfficeId;
        ClientId = @case.ClientId;
        CaseId = @case.Id;
        Reason = reason.Trim();
        From = from;
        To = to;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy ?? string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid CaseId { get; private set; }
    public string Reason { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; }

    Guid? IClientRelated.ClientId => ClientId;
    Guid? ICaseRelated.CaseId => CaseId;

    /// <summary>Reason, from and to are required input (400); CT-06: the period ends not before it begins (422).</summary>
    public static IReadOnlyList<Rules.RuleViolation> Validate(string? reason, DateOnly? from, DateOnly? to)
    {
        var errors = new List<Rules.RuleViolation>();
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new(Rules.RuleIds.Input, "Bitte den Grund der Ausnahme angeben.", "reason"));
        }
        else if (reason.Length > 1000)
        {
            errors.Add(new(Rules.RuleIds.Input, "Der Grund umfasst höchstens 1000 Zeichen.", "reason"));
        }

        if (from is null)
        {
            errors.Add(new(Rules.RuleIds.Input, "Bitte angeben, ab wann die Ausnahme gilt.", "from"));
        }

        if (to is null)
        {
            errors.Add(new(Rules.RuleIds.Input, "Bitte angeben, bis wann die Ausnahme gilt.", "to"));
        }
        else if (from is not null && to < from)
        {
            errors.Add(new(Rule, "Das Ende der Ausnahme liegt nicht vor ihrem Beginn.", "to"));
        }

        return errors;
    }
}
