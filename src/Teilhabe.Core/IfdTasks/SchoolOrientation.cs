using System.Text.Json.Serialization;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Organisations;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.IfdTasks;

/// <summary>What the IFD did in school career orientation.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrientationActivityKind>))]
public enum OrientationActivityKind
{
    [JsonStringEnumMemberName("potential-analysis")]
    PotentialAnalysis,

    [JsonStringEnumMemberName("internship")]
    Internship,

    [JsonStringEnumMemberName("career-conference")]
    CareerConference,

    [JsonStringEnumMemberName("counselling")]
    Counselling,

    [JsonStringEnumMemberName("other")]
    Other,
}

public static class OrientationActivityKinds
{
    public static readonly IReadOnlyList<OrientationActivityKind> All = Enum.GetValues<OrientationActivityKind>();

    public static string Label(OrientationActivityKind k) => k switch
    {
        OrientationActivityKind.PotentialAnalysis => "Potenzialanalyse",
        OrientationActivityKind.Internship => "Betriebspraktikum",
        OrientationActivityKind.CareerConference => "Berufswegekonferenz",
        OrientationActivityKind.Counselling => "Beratungsgespräch",
        _ => "Sonstiges",
    };

    public static string Code(OrientationActivityKind k) => k switch
    {
        OrientationActivityKind.PotentialAnalysis => "potential-analysis",
        OrientationActivityKind.Internship => "internship",
        OrientationActivityKind.CareerConference => "career-conference",
        OrientationActivityKind.Counselling => "counselling",
        _ => "other",
    };

    public static OrientationActivityKind? Parse(string? code) => All.Cast<OrientationActivityKind?>().FirstOrDefault(k => Code(k!.Value) == code);
}

public sealed record SchoolOrientationDraft(DateOnly? RequestedOn, Guid? RequestingFunderId, Guid? SchoolId, string? SchoolYear, string? SchoolClass, string? Summary)
{
    public IReadOnlyList<RuleViolation> Validate(DateOnly today)
    {
        var v = new List<RuleViolation>();
        if (RequestedOn is null)
        {
            v.Add(new(RuleIds.Input, "Bitte das Datum der Anforderung durch die Agentur für Arbeit angeben.", "requestedOn"));
        }
        else if (RequestedOn > today)
        {
            v.Add(new(RuleIds.Input, "Die Anforderung kann nicht in der Zukunft liegen.", "requestedOn"));
        }

        if (SchoolId is null)
        {
            v.Add(new(RuleIds.Input, "Bitte die Schule aus dem Verzeichnis wählen.", "schoolId"));
        }

        if (SchoolYear is { Length: > 20 })
        {
            v.Add(new(RuleIds.Input, "Schuljahr: höchstens 20 Zeichen (z. B. 2026/27).", "schoolYear"));
        }

        if (SchoolClass is { Length: > 50 })
        {
            v.Add(new(RuleIds.Input, "Klasse: höchstens 50 Zeichen.", "schoolClass"));
        }

        if (Summary is { Length: > 4000 })
        {
            v.Add(new(RuleIds.Input, "Höchstens 4000 Zeichen.", "summary"));
        }

        return v;
    }
}

/// <summary>
/// IFD-01: support of the Bundesagentur für Arbeit, on its request, in career orientation at school, documented per
/// young person (the client of the case): request, school, school year and class, activities with results, summary.
/// </summary>
public sealed class SchoolOrientation : IServiceScoped, IAuditedEntity, IClientRelated, ICaseRelated
{
    private readonly List<OrientationActivity> _activities = [];

    private SchoolOrientation()
    {
    }

    public SchoolOrientation(Case @case, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        ServiceId = @case.ServiceId;
        IntegrationOfficeId = @case.IntegrationOfficeId;
        ClientId = @case.ClientId;
        CaseId = @case.Id;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid CaseId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateOnly? RequestedOn { get; private set; }

    /// <summary>The requesting Agentur für Arbeit (funder directory).</summary>
    public Guid? RequestingFunderId { get; private set; }

    public Guid? SchoolId { get; private set; }
    public string? SchoolYear { get; private set; }
    public string? SchoolClass { get; private set; }
    public string? Summary { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<OrientationActivity> Activities => _activities;

    Guid? IClientRelated.ClientId => ClientId;
    Guid? ICaseRelated.CaseId => CaseId;

    public IReadOnlyList<RuleViolation> Update(SchoolOrientationDraft d, DateOnly today)
    {
        var v = d.Validate(today);
        if (v.Count > 0)
        {
            return v;
        }

        RequestedOn = d.RequestedOn;
        RequestingFunderId = d.RequestingFunderId;
        SchoolId = d.SchoolId;
        SchoolYear = Clean(d.SchoolYear);
        SchoolClass = Clean(d.SchoolClass);
        Summary = Clean(d.Summary);
        Version++;
        return [];
    }

    public (OrientationActivity? Activity, IReadOnlyList<RuleViolation> Errors) AddActivity(OrientationActivityKind? kind, DateOnly? on, string? result, DateOnly today)
    {
        var v = new List<RuleViolation>();
        if (kind is null)
        {
            v.Add(new(RuleIds.Input, "Bitte die Art der Aktivität wählen: potential-analysis, internship, career-conference, counselling oder other.", "kind"));
        }

        if (on is null)
        {
            v.Add(new(RuleIds.Input, "Bitte das Datum der Aktivität angeben.", "date"));
        }
        else if (on > today)
        {
            v.Add(new(RuleIds.Input, "Eine Aktivität in der Zukunft kann noch nicht dokumentiert werden.", "date"));
        }

        if (result is { Length: > 2000 })
        {
            v.Add(new(RuleIds.Input, "Höchstens 2000 Zeichen.", "result"));
        }

        if (v.Count > 0)
        {
            return (null, v);
        }

        var activity = new OrientationActivity(Id, kind!.Value, on!.Value, Clean(result));
        _activities.Add(activity);
        Version++;
        return (activity, []);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed class OrientationActivity
{
    private OrientationActivity()
    {
    }

    internal OrientationActivity(Guid orientationId, OrientationActivityKind kind, DateOnly date, string? result)
    {
        Id = Guid.CreateVersion7();
        SchoolOrientationId = orientationId;
        Kind = kind;
        Date = date;
        Result = result;
    }

    public Guid Id { get; private set; }
    public Guid SchoolOrientationId { get; private set; }
    public OrientationActivityKind Kind { get; private set; }
    public DateOnly Date { get; private set; }
    public string? Result { get; private set; }
}
