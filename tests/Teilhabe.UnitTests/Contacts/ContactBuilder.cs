using Teilhabe.Core.Cases;
using Teilhabe.Core.Contacts;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Time;

namespace Teilhabe.UnitTests.Contacts;

/// <summary>Builds a contact draft and its context; each test sets only what its rule is about.</summary>
public sealed class ContactBuilder
{
    private Case _case = new Cases.CaseBuilder().Build().Case;
    private DateTimeOffset _now = At(new DateOnly(2026, 11, 23), 12);
    private DateTimeOffset? _occurredAt = At(new DateOnly(2026, 11, 23), 9);
    private ContactForm? _form = ContactForm.Personal;
    private string? _keywords = "Gespräch";
    private List<ParticipantDraft> _participants = [new(ParticipantKind.Client, null, "Klientin")];
    private List<string> _topics = ["counselling-job"];
    private List<Guid> _outcomes = [Guid.NewGuid()];
    private bool _protected;
    private bool _release;
    private readonly HashSet<Guid> _invalid = [];

    public static DateTimeOffset At(DateOnly day, int hour) => BerlinTime.StartOfDayUtc(day).AddHours(hour);

    public ContactBuilder OnCase(Case @case)
    {
        _case = @case;
        return this;
    }

    public ContactBuilder Now(DateOnly day)
    {
        _now = At(day, 12);
        return this;
    }

    public ContactBuilder OccurredOn(DateOnly day)
    {
        _occurredAt = At(day, 9);
        return this;
    }

    public ContactBuilder OccurredAt(DateTimeOffset? at)
    {
        _occurredAt = at;
        return this;
    }

    public ContactBuilder WithForm(ContactForm? form)
    {
        _form = form;
        return this;
    }

    public ContactBuilder WithParticipant(ParticipantKind kind, string name = "Herr Meister")
    {
        _participants.Add(new(kind, null, name));
        return this;
    }

    public ContactBuilder WithTopics(params string[] topics)
    {
        _topics = [.. topics];
        return this;
    }

    public ContactBuilder WithKeywords(string? keywords)
    {
        _keywords = keywords;
        return this;
    }

    public ContactBuilder WithoutTopics()
    {
        _topics = [];
        return this;
    }

    public ContactBuilder WithoutOutcomes()
    {
        _outcomes = [];
        return this;
    }

    public ContactBuilder WithInvalidOutcome()
    {
        _invalid.Add(_outcomes[0]);
        return this;
    }

    public ContactBuilder PassingProtectedData(bool releaseOnCase)
    {
        _protected = true;
        _release = releaseOnCase;
        return this;
    }

    public ContactDraft Draft() => new(_occurredAt, _form, _keywords, _participants, "Notiz", _topics, _outcomes, _protected);

    public ContactCheck Check() => ContactRules.Check(Draft(), new ContactContext(_case, _now, StateProfiles.Thuringia, _release, _invalid));
}
