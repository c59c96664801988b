using Teilhabe.Core.Organisations;

namespace Teilhabe.Core.Contacts;

/// <summary>
/// CT-08: one earlier state of a corrected contact (who changed it, when, and what it said before). Versions are
/// numbered from 1 (as first recorded); the contact itself holds the newest.
/// </summary>
public sealed class ContactVersion : IServiceScoped
{
    private ContactVersion()
    {
        ChangedBy = string.Empty;
        Participants = string.Empty;
        TopicCodes = string.Empty;
        OutcomeIds = string.Empty;
    }

    internal ContactVersion(Contact c, DateTimeOffset changedAt, string changedBy)
        : this()
    {
        Id = Guid.CreateVersion7();
        ContactId = c.Id;
        ServiceId = c.ServiceId;
        IntegrationOfficeId = c.IntegrationOfficeId;
        Version = c.Revision;
        ChangedAt = c.Revision == 1 ? c.RecordedAt : c.CorrectedAt ?? c.RecordedAt;
        ChangedBy = c.Revision == 1 ? c.RecordedBy : c.CorrectedBy ?? c.RecordedBy;
        SupersededAt = changedAt;
        SupersededBy = changedBy;
        OccurredAt = c.OccurredAt;
        Form = c.Form;
        Keywords = c.Keywords;
        Note = c.Note;
        Participants = string.Join("\n", c.Participants.Select(p => $"{p.Kind}|{p.ReferenceId}|{p.Name}"));
        TopicCodes = string.Join(",", c.Topics.Select(t => t.Code));
        OutcomeIds = string.Join(",", c.Outcomes.Select(o => o.OutcomeId));
    }

    public Guid Id { get; private set; }
    public Guid ContactId { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public int Version { get; private set; }

    /// <summary>Who wrote this version and when.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    public string ChangedBy { get; private set; }

    /// <summary>Who replaced it by a correction and when.</summary>
    public DateTimeOffset SupersededAt { get; private set; }

    public string? SupersededBy { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }
    public ContactForm Form { get; private set; }
    public string? Keywords { get; private set; }
    public string? Note { get; private set; }

    /// <summary>Kind|reference|name per line.</summary>
    public string Participants { get; private set; }

    public string TopicCodes { get; private set; }
    public string OutcomeIds { get; private set; }

    public IReadOnlyList<string> Topics => TopicCodes.Length == 0 ? [] : TopicCodes.Split(',');

    public IReadOnlyList<Guid> Outcomes => OutcomeIds.Length == 0 ? [] : [.. OutcomeIds.Split(',').Select(Guid.Parse)];

    public IReadOnlyList<string> ParticipantNames => Participants.Length == 0 ? [] : [.. Participants.Split('\n').Select(p => p[(p.LastIndexOf('|') + 1)..])];
}
