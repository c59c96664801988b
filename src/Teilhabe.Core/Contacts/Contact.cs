using System.Text.Json.Serialization;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Organisations;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Contacts;

/// <summary>CT-01: the form of a contact.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContactForm>))]
public enum ContactForm
{
    Personal,
    Phone,
    Written,
    Electronic,
}

/// <summary>CT-01: who took part in a contact; anyone but the client is a third party (PH-P2-03).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ParticipantKind>))]
public enum ParticipantKind
{
    Client,
    InstitutionContact,
    FunderContact,
    Other,
}

/// <summary>
/// A documented contact on a case (CT-01). Checked by <see cref="ContactRules"/> before it is created; it is
/// flagged late when entered after the CT-02 window and stores the phase it was recorded in (PH-P2-05).
/// </summary>
public sealed class Contact : IServiceScoped, IAuditedEntity, IClientRelated, ICaseRelated
{
    private readonly List<ContactParticipant> _participants = [];
    private readonly List<ContactTopic> _topics = [];
    private readonly List<ContactOutcomeLink> _outcomes = [];

    private Contact()
    {
        RecordedBy = string.Empty;
    }

    public Contact(Case @case, ContactDraft draft, bool late, DateTimeOffset recordedAt, string? recordedBy)
        : this()
    {
        Id = Guid.CreateVersion7();
        ServiceId = @case.ServiceId;
        IntegrationOfficeId = @case.IntegrationOfficeId;
        ClientId = @case.ClientId;
        CaseId = @case.Id;
        Phase = @case.Phase;
        OccurredAt = draft.OccurredAt!.Value.ToUniversalTime();
        Form = draft.Form!.Value;
        Keywords = draft.Keywords?.Trim();
        Note = draft.Note?.Trim();
        PassesProtectedData = draft.PassesProtectedData;
        DurationMinutes = draft.DurationMinutes;
        Late = late;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy ?? string.Empty;
        _participants.AddRange(draft.Participants.Select(p => new ContactParticipant(p.Kind, p.ReferenceId, p.Name.Trim())));
        _topics.AddRange(draft.TopicCodes.Distinct(StringComparer.Ordinal).Select(c => new ContactTopic(c)));
        _outcomes.AddRange(draft.OutcomeIds.Distinct().Select(id => new ContactOutcomeLink(id)));
    }

    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid CaseId { get; private set; }

    /// <summary>The phase of the case when the contact was recorded (PH-P2-05 counts personal contacts in P2).</summary>
    public Phase Phase { get; private set; }

    /// <summary>When the contact took place, UTC.</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    public ContactForm Form { get; private set; }
    public string? Keywords { get; private set; }
    public string? Note { get; private set; }

    /// <summary>DOC-05: the contact passes on especially protected data (needs a Schweigepflichtentbindung).</summary>
    public bool PassesProtectedData { get; private set; }

    /// <summary>CT-05: how long the contact lasted, where recorded (a long phone call counts as a contact).</summary>
    public int? DurationMinutes { get; private set; }

    /// <summary>CT-02: entered later than the profile's working-day window ("verspätet").</summary>
    public bool Late { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; }

    public IReadOnlyList<ContactParticipant> Participants => _participants;
    public IReadOnlyList<ContactTopic> Topics => _topics;
    public IReadOnlyList<ContactOutcomeLink> Outcomes => _outcomes;

    Guid? IClientRelated.ClientId => ClientId;
    Guid? ICaseRelated.CaseId => CaseId;

    /// <summary>CT-08: 1 as first recorded, one more per correction; the ETag of the API and the page form.</summary>
    public int Revision { get; private set; } = 1;

    public DateTimeOffset? CorrectedAt { get; private set; }
    public string? CorrectedBy { get; private set; }

    /// <summary>CT-08: documented in the wrong case; stays visible but counts for nothing any more.</summary>
    public DateTimeOffset? CancelledAt { get; private set; }

    public string? CancelledBy { get; private set; }
    public string? CancellationReason { get; private set; }

    public bool IsCancelled => CancelledAt is not null;

    public bool IsCorrected => Revision > 1;

    /// <summary>
    /// CT-08: the contact takes the corrected content; the returned version keeps what it said before. The caller ran
    /// <see cref="ContactRules.CheckCorrection"/> first.
    /// </summary>
    public ContactVersion Correct(ContactDraft draft, bool late, DateTimeOffset at, string by)
    {
        var previous = new ContactVersion(this, at, by);
        OccurredAt = draft.OccurredAt!.Value.ToUniversalTime();
        Form = draft.Form!.Value;
        Keywords = draft.Keywords?.Trim();
        Note = draft.Note?.Trim();
        PassesProtectedData = draft.PassesProtectedData;
        DurationMinutes = draft.DurationMinutes;
        Late = late;
        _participants.Clear();
        _participants.AddRange(draft.Participants.Select(p => new ContactParticipant(p.Kind, p.ReferenceId, p.Name.Trim())));

        // Topics and LEK links are keyed by code / LEK: only what changed is removed or added.
        var topics = draft.TopicCodes.ToHashSet(StringComparer.Ordinal);
        _topics.RemoveAll(t => !topics.Contains(t.Code));
        _topics.AddRange([.. topics.Where(c => _topics.All(t => t.Code != c)).Select(c => new ContactTopic(c))]);
        var outcomes = draft.OutcomeIds.ToHashSet();
        _outcomes.RemoveAll(o => !outcomes.Contains(o.OutcomeId));
        _outcomes.AddRange([.. outcomes.Where(id => _outcomes.All(o => o.OutcomeId != id)).Select(id => new ContactOutcomeLink(id))]);
        Revision++;
        CorrectedAt = at;
        CorrectedBy = by;
        return previous;
    }

    /// <summary>CT-08: a contact documented in the wrong case is cancelled with a reason (while CT-03 would still accept its date).</summary>
    public IReadOnlyList<RuleViolation> Cancel(string? reason, DateTimeOffset at, string by, DateOnly today, Profiles.StateProfile profile)
    {
        var v = new List<RuleViolation>(ContactRules.CheckStillEditable(this, today, profile));
        if (string.IsNullOrWhiteSpace(reason))
        {
            v.Add(new("CT-08", "Bitte begründen, warum der Kontakt storniert wird (z. B. „im falschen Auftrag erfasst“).", "reason"));
        }
        else if (reason.Trim().Length > 1000)
        {
            v.Add(new(RuleIds.Input, "Die Begründung ist zu lang (höchstens 1000 Zeichen).", "reason"));
        }

        if (v.Count > 0)
        {
            return v;
        }

        CancelledAt = at;
        CancelledBy = by;
        CancellationReason = reason!.Trim();
        Revision++;
        return [];
    }

    /// <summary>PH-P2-05: a personal contact in which the client took part.</summary>
    public bool IsPersonalWithClient => Form == ContactForm.Personal && _participants.Any(p => p.Kind == ParticipantKind.Client);
}

/// <summary>One participant of a contact; the reference points into the directory where there is one.</summary>
public sealed class ContactParticipant
{
    private ContactParticipant()
    {
        Name = string.Empty;
    }

    public ContactParticipant(ParticipantKind kind, Guid? referenceId, string name)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        ReferenceId = referenceId;
        Name = name;
    }

    public Guid Id { get; private set; }
    public ParticipantKind Kind { get; private set; }
    public Guid? ReferenceId { get; private set; }
    public string Name { get; private set; }
}

/// <summary>A topic (Aufgabe, catalogue "topics") a contact worked on.</summary>
public sealed class ContactTopic
{
    private ContactTopic()
    {
        Code = string.Empty;
    }

    public ContactTopic(string code) => Code = code;

    public string Code { get; private set; }
}

/// <summary>The link of a contact to an LEK of the same case.</summary>
public sealed class ContactOutcomeLink
{
    private ContactOutcomeLink()
    {
    }

    public ContactOutcomeLink(Guid outcomeId) => OutcomeId = outcomeId;

    public Guid OutcomeId { get; private set; }
}
