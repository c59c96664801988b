using System.Text.Json.Serialization;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Organisations;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Reports;

/// <summary>REP-05: how far a goal was reached.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GoalRating>))]
public enum GoalRating
{
    [JsonStringEnumMemberName("achieved")]
    Achieved,

    [JsonStringEnumMemberName("partly-achieved")]
    PartlyAchieved,

    [JsonStringEnumMemberName("not-achieved")]
    NotAchieved,
}

public static class GoalRatings
{
    public static string Label(GoalRating rating) => rating switch
    {
        GoalRating.Achieved => "erreicht",
        GoalRating.PartlyAchieved => "teilweise erreicht",
        _ => "nicht erreicht",
    };

    public static string Code(GoalRating rating) => rating switch
    {
        GoalRating.Achieved => "achieved",
        GoalRating.PartlyAchieved => "partly-achieved",
        _ => "not-achieved",
    };

    public static GoalRating? Parse(string? code) => code switch
    {
        "achieved" => GoalRating.Achieved,
        "partly-achieved" => GoalRating.PartlyAchieved,
        "not-achieved" => GoalRating.NotAchieved,
        _ => null,
    };
}

/// <summary>The structured content of a goal (REP-01 Zielvereinbarung: goal, sub-goals, activities, timing, resources, who).</summary>
public sealed record GoalDraft(string? Goal, string? SubGoals, string? Activities, DateOnly? DueDate, string? Resources, string? Responsible)
{
    public IReadOnlyList<RuleViolation> Validate()
    {
        var v = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(Goal))
        {
            v.Add(new(RuleIds.Input, "Bitte das Ziel angeben.", "goal"));
        }

        Check(v, Goal, 1000, "goal");
        Check(v, SubGoals, 4000, "subGoals");
        Check(v, Activities, 4000, "activities");
        Check(v, Resources, 2000, "resources");
        Check(v, Responsible, 1000, "responsible");
        return v;
    }

    private static void Check(List<RuleViolation> v, string? text, int max, string field)
    {
        if (text is { Length: var n } && n > max)
        {
            v.Add(new(RuleIds.Input, $"Höchstens {max} Zeichen.", field));
        }
    }
}

/// <summary>REP-01 / REP-05: one goal of the Zielvereinbarung of a case, rated for the Endbericht.</summary>
public sealed class CaseGoal : IServiceScoped, IAuditedEntity, IClientRelated, ICaseRelated
{
    private CaseGoal()
    {
        Goal = string.Empty;
    }

    public CaseGoal(Case @case, GoalDraft draft, DateTimeOffset createdAt)
        : this()
    {
        Id = Guid.CreateVersion7();
        ServiceId = @case.ServiceId;
        IntegrationOfficeId = @case.IntegrationOfficeId;
        ClientId = @case.ClientId;
        CaseId = @case.Id;
        CreatedAt = createdAt;
        Apply(draft);
    }

    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid CaseId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public string Goal { get; private set; }
    public string? SubGoals { get; private set; }
    public string? Activities { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public string? Resources { get; private set; }

    /// <summary>Who does what.</summary>
    public string? Responsible { get; private set; }

    public GoalRating? Rating { get; private set; }
    public string? RatingExplanation { get; private set; }
    public DateTimeOffset? RatedAt { get; private set; }
    public string? RatedBy { get; private set; }

    /// <summary>Optimistic concurrency (ETag / If-Match).</summary>
    public int Version { get; private set; }

    Guid? IClientRelated.ClientId => ClientId;
    Guid? ICaseRelated.CaseId => CaseId;

    public bool IsRated => Rating is not null;

    public void Update(GoalDraft draft)
    {
        Apply(draft);
        Version++;
    }

    /// <summary>REP-05: erreicht / teilweise erreicht / nicht erreicht with a short explanation.</summary>
    public IReadOnlyList<RuleViolation> Rate(GoalRating? rating, string? explanation, DateTimeOffset at, string? userId)
    {
        var v = new List<RuleViolation>();
        if (rating is null)
        {
            v.Add(new(RuleIds.Input, "Bitte die Bewertung wählen: achieved, partly-achieved oder not-achieved.", "rating"));
        }

        if (string.IsNullOrWhiteSpace(explanation))
        {
            v.Add(new("REP-05", "Bitte die Bewertung kurz begründen.", "explanation"));
        }
        else if (explanation.Length > 2000)
        {
            v.Add(new(RuleIds.Input, "Höchstens 2000 Zeichen.", "explanation"));
        }

        if (v.Count > 0)
        {
            return v;
        }

        Rating = rating;
        RatingExplanation = explanation!.Trim();
        RatedAt = at;
        RatedBy = userId;
        Version++;
        return [];
    }

    private void Apply(GoalDraft d)
    {
        Goal = d.Goal?.Trim() ?? string.Empty;
        SubGoals = Clean(d.SubGoals);
        Activities = Clean(d.Activities);
        DueDate = d.DueDate;
        Resources = Clean(d.Resources);
        Responsible = Clean(d.Responsible);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
