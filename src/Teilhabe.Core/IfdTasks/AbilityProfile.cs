using System.Text.Json;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Organisations;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.IfdTasks;

/// <summary>The content of a Fähigkeits-, Leistungs- und Interessenprofil as entered.</summary>
public sealed record AbilityProfileDraft(
    DateOnly? ProfileDate,
    string? Abilities,
    string? Resilience,
    string? WorkPace,
    string? Endurance,
    string? Performance,
    string? Interests,
    string? Limitations,
    string? Recommendation,
    bool ClientParticipated,
    bool FunderParticipated,
    string? FunderName,
    Guid? InstitutionId,
    string? InstitutionContact)
{
    public IReadOnlyList<RuleViolation> Validate(DateOnly today)
    {
        var v = new List<RuleViolation>();
        if (new[] { Abilities, Resilience, WorkPace, Endurance, Performance, Interests, Limitations, Recommendation }.All(string.IsNullOrWhiteSpace))
        {
            v.Add(new(RuleIds.Input, "Bitte mindestens eine Einschätzung eintragen (Fähigkeiten, Leistung, Interessen, Einschränkungen oder Empfehlung).", "abilities"));
        }

        if (ProfileDate > today)
        {
            v.Add(new(RuleIds.Input, "Das Datum des Profils kann nicht in der Zukunft liegen.", "profileDate"));
        }

        Max(v, Abilities, 4000, "abilities");
        Max(v, Resilience, 1000, "resilience");
        Max(v, WorkPace, 1000, "workPace");
        Max(v, Endurance, 1000, "endurance");
        Max(v, Performance, 4000, "performance");
        Max(v, Interests, 4000, "interests");
        Max(v, Limitations, 4000, "limitations");
        Max(v, Recommendation, 4000, "recommendation");
        Max(v, FunderName, 200, "funderName");
        Max(v, InstitutionContact, 200, "institutionContact");
        return v;
    }

    private static void Max(List<RuleViolation> v, string? text, int max, string field)
    {
        if (text is { Length: var n } && n > max)
        {
            v.Add(new(RuleIds.Input, $"Höchstens {max} Zeichen.", field));
        }
    }
}

/// <summary>
/// IFD-01: the Fähigkeits-, Leistungs- und Interessenprofil of a case, drawn up together with the client, the
/// commissioning body and the sending school or rehabilitation institution. A draft until it is agreed
/// ("abgestimmt am"); a change after the agreement starts the next Fassung, which is a draft again. Every save
/// keeps a revision (who, when, content).
/// </summary>
public sealed class AbilityProfile : IServiceScoped, IAuditedEntity, IClientRelated, ICaseRelated
{
    private readonly List<AbilityProfileRevision> _revisions = [];

    private AbilityProfile()
    {
    }

    public AbilityProfile(Case @case, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        ServiceId = @case.ServiceId;
        IntegrationOfficeId = @case.IntegrationOfficeId;
        ClientId = @case.ClientId;
        CaseId = @case.Id;
        CreatedAt = createdAt;
        Edition = 1;
    }

    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid CaseId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public DateOnly? ProfileDate { get; private set; }
    public string? Abilities { get; private set; }
    public string? Resilience { get; private set; }
    public string? WorkPace { get; private set; }
    public string? Endurance { get; private set; }
    public string? Performance { get; private set; }
    public string? Interests { get; private set; }
    public string? Limitations { get; private set; }
    public string? Recommendation { get; private set; }
    public bool ClientParticipated { get; private set; }
    public bool FunderParticipated { get; private set; }
    public string? FunderName { get; private set; }

    /// <summary>The sending school, WfbM or rehabilitation institution (directory).</summary>
    public Guid? InstitutionId { get; private set; }

    public string? InstitutionContact { get; private set; }

    /// <summary>"Fassung": 1 until the first agreement; a change of an agreed profile starts the next one.</summary>
    public int Edition { get; private set; }

    /// <summary>"abgestimmt am"; null while the current Fassung is a draft.</summary>
    public DateOnly? AgreedOn { get; private set; }

    public DateTimeOffset? UpdatedAt { get; private set; }
    public string? UpdatedBy { get; private set; }

    /// <summary>Optimistic concurrency (ETag / If-Match).</summary>
    public int Version { get; private set; }

    public IReadOnlyList<AbilityProfileRevision> Revisions => _revisions;

    Guid? IClientRelated.ClientId => ClientId;
    Guid? ICaseRelated.CaseId => CaseId;

    public bool IsAgreed => AgreedOn is not null;

    /// <summary>Saves the content; <paramref name="agreedOn"/> marks the Fassung as agreed on that day.</summary>
    public IReadOnlyList<RuleViolation> Save(AbilityProfileDraft d, DateOnly? agreedOn, DateOnly today, DateTimeOffset at, string? userId)
    {
        var v = d.Validate(today).ToList();
        if (agreedOn > today)
        {
            v.Add(new(RuleIds.Input, "Das Profil kann nicht für einen künftigen Tag als abgestimmt erfasst werden.", "agreedOn"));
        }

        if (agreedOn is not null && string.IsNullOrWhiteSpace(d.Abilities) && string.IsNullOrWhiteSpace(d.Recommendation) && !v.Any(x => x.Field == "abilities"))
        {
            v.Add(new(RuleIds.Input, "Ein abgestimmtes Profil nennt mindestens die Fähigkeiten oder die Empfehlung für den allgemeinen Arbeitsmarkt.", "abilities"));
        }

        if (v.Count > 0)
        {
            return v;
        }

        var changed = Version == 0 || Snapshot(d) != Snapshot(Current());
        if (IsAgreed && changed)
        {
            Edition++;
            AgreedOn = null;
        }

        Apply(d);
        if (agreedOn is not null)
        {
            AgreedOn = agreedOn;
        }

        UpdatedAt = at;
        UpdatedBy = userId;
        Version++;
        _revisions.Add(new AbilityProfileRevision(this, at, userId, Snapshot(d)));
        return [];
    }

    public AbilityProfileDraft Current() => new(ProfileDate, Abilities, Resilience, WorkPace, Endurance, Performance, Interests, Limitations, Recommendation,
        ClientParticipated, FunderParticipated, FunderName, InstitutionId, InstitutionContact);

    /// <summary>Hints (never blocking): who should have taken part according to the task of the IFD.</summary>
    public IReadOnlyList<string> CooperationHints()
    {
        var hints = new List<string>();
        if (!ClientParticipated)
        {
            hints.Add("Das Profil wird in enger Kooperation mit der Klientin/dem Klienten erarbeitet – Mitwirkung ist nicht vermerkt.");
        }

        if (!FunderParticipated)
        {
            hints.Add("Die Mitwirkung des Auftraggebers ist nicht vermerkt.");
        }

        if (InstitutionId is null)
        {
            hints.Add("Keine abgebende Schule oder Einrichtung der beruflichen Bildung oder Rehabilitation angegeben.");
        }

        return hints;
    }

    private void Apply(AbilityProfileDraft d)
    {
        ProfileDate = d.ProfileDate;
        Abilities = Clean(d.Abilities);
        Resilience = Clean(d.Resilience);
        WorkPace = Clean(d.WorkPace);
        Endurance = Clean(d.Endurance);
        Performance = Clean(d.Performance);
        Interests = Clean(d.Interests);
        Limitations = Clean(d.Limitations);
        Recommendation = Clean(d.Recommendation);
        ClientParticipated = d.ClientParticipated;
        FunderParticipated = d.FunderParticipated;
        FunderName = d.FunderParticipated ? Clean(d.FunderName) : null;
        InstitutionId = d.InstitutionId;
        InstitutionContact = d.InstitutionId is null ? null : Clean(d.InstitutionContact);
    }

    private static string Snapshot(AbilityProfileDraft d) => JsonSerializer.Serialize(d with
    {
        Abilities = Clean(d.Abilities),
        Resilience = Clean(d.Resilience),
        WorkPace = Clean(d.WorkPace),
        Endurance = Clean(d.Endurance),
        Performance = Clean(d.Performance),
        Interests = Clean(d.Interests),
        Limitations = Clean(d.Limitations),
        Recommendation = Clean(d.Recommendation),
        FunderName = d.FunderParticipated ? Clean(d.FunderName) : null,
        InstitutionContact = d.InstitutionId is null ? null : Clean(d.InstitutionContact),
    });

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>One saved state of a profile: Fassung, status, who and when, and the content as JSON.</summary>
public sealed class AbilityProfileRevision
{
    private AbilityProfileRevision()
    {
        Content = string.Empty;
    }

    internal AbilityProfileRevision(AbilityProfile p, DateTimeOffset at, string? userId, string content)
        : this()
    {
        Id = Guid.CreateVersion7();
        ProfileId = p.Id;
        Edition = p.Edition;
        Version = p.Version;
        AgreedOn = p.AgreedOn;
        SavedAt = at;
        SavedBy = userId;
        Content = content;
    }

    public Guid Id { get; private set; }
    public Guid ProfileId { get; private set; }
    public int Edition { get; private set; }
    public int Version { get; private set; }
    public DateOnly? AgreedOn { get; private set; }
    public DateTimeOffset SavedAt { get; private set; }
    public string? SavedBy { get; private set; }
    public string Content { get; private set; }
}
