using System.Text.RegularExpressions;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Programmes;

/// <summary>PRG-LO-04 (reflection talks), PRG-LO-05 (goal achievement per module) and PRG-LO-06 (ICF final report).</summary>
public static partial class ParticipationRecordRules
{
    public const string Reflection = "PRG-LO-04";
    public const string GoalAchievementRule = "PRG-LO-05";
    public const string FinalReport = "PRG-LO-06";

    public static readonly IReadOnlyList<(GoalAchievement Value, string Code, string Label)> Achievements =
    [
        (GoalAchievement.Achieved, "achieved", "erreicht"),
        (GoalAchievement.PartlyAchieved, "partly-achieved", "teilweise erreicht"),
        (GoalAchievement.NotAchieved, "not-achieved", "nicht erreicht"),
        (GoalAchievement.Open, "open", "offen"),
    ];

    public static readonly IReadOnlyList<(IcfComponent Value, string Code, string Label)> Components =
    [
        (IcfComponent.BodyFunctions, "b", "Körperfunktionen (b)"),
        (IcfComponent.ActivitiesAndParticipation, "d", "Aktivitäten und Teilhabe (d)"),
        (IcfComponent.EnvironmentalFactors, "e", "Umweltfaktoren (e)"),
    ];

    public static GoalAchievement? ParseAchievement(string? code) => Achievements.Where(a => a.Code == code).Select(a => (GoalAchievement?)a.Value).FirstOrDefault();

    public static string AchievementCode(GoalAchievement a) => Achievements.First(x => x.Value == a).Code;

    public static string AchievementLabel(GoalAchievement a) => Achievements.First(x => x.Value == a).Label;

    public static IcfComponent? ParseComponent(string? code) => Components.Where(c => c.Code == code).Select(c => (IcfComponent?)c.Value).FirstOrDefault();

    public static string ComponentCode(IcfComponent c) => Components.First(x => x.Value == c).Code;

    public static string ComponentLabel(IcfComponent c) => Components.First(x => x.Value == c).Label;

    /// <summary>PRG-LO-04: a reflection talk has a date (not in the future) and a self-rating from 1 to 5.</summary>
    public static List<RuleViolation> CheckReflection(DateOnly? on, int? selfRating, string? criticism, string? notes, DateOnly today)
    {
        var errors = new List<RuleViolation>();
        if (on is null)
        {
            errors.Add(new(Reflection, "Das Datum des Reflexionsgesprächs fehlt.", "on"));
        }
        else if (on > today)
        {
            errors.Add(new(Reflection, "Ein Reflexionsgespräch kann nicht in der Zukunft liegen.", "on"));
        }

        if (selfRating is not (>= 1 and <= 5))
        {
            errors.Add(new(Reflection, "Die Selbsteinschätzung des Erfolgs liegt zwischen 1 und 5.", "selfRating"));
        }

        InputCheck.MaxLength(errors, "criticism", criticism, 2000, "Die Kritik");
        InputCheck.MaxLength(errors, "notes", notes, 4000, "Die Notizen");
        return errors;
    }

    /// <summary>PRG-LO-05: a goal is documented for a module of the programme, with its degree of achievement.</summary>
    public static List<RuleViolation> CheckModuleGoal(IReadOnlyList<ModuleDefinition> modules, string? moduleCode, string? goal, string? achievement, string? note)
    {
        var errors = new List<RuleViolation>();
        if (ProgrammeModules.Find(modules, moduleCode) is null)
        {
            var codes = string.Join(", ", modules.Select(m => m.Code));
            errors.Add(new(GoalAchievementRule, $"Das Ziel gehört zu einem Modul des Programms ({codes}).", "moduleCode"));
        }

        if (string.IsNullOrWhiteSpace(goal))
        {
            errors.Add(new(GoalAchievementRule, "Das Ziel des Moduls fehlt.", "goal"));
        }

        if (ParseAchievement(achievement) is null)
        {
            errors.Add(new(GoalAchievementRule, "Die Zielerreichung ist achieved, partly-achieved, not-achieved oder open.", "achievement"));
        }

        InputCheck.MaxLength(errors, "goal", goal, 1000, "Das Ziel");
        InputCheck.MaxLength(errors, "note", note, 2000, "Die Anmerkung");
        return errors;
    }

    /// <summary>PRG-LO-06: an ICF item has a component b/d/e, a code of that component (e.g. d845) and a qualifier 0–4.</summary>
    public static List<RuleViolation> CheckIcfItem(string? component, string? code, string? description, int? qualifier)
    {
        var errors = new List<RuleViolation>();
        if (ParseComponent(component) is null)
        {
            errors.Add(new(FinalReport, "Die ICF-Komponente ist b (Körperfunktionen), d (Aktivitäten und Teilhabe) oder e (Umweltfaktoren).", "component"));
        }
        else if (code is null || !IcfCode().IsMatch(code.Trim()) || code.Trim()[0] != component![0])
        {
            errors.Add(new(FinalReport, $"Der ICF-Code beginnt mit „{component}“ und hat drei bis fünf Ziffern (z. B. {component}845).", "code"));
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            errors.Add(new(FinalReport, "Die Beschreibung des ICF-Items fehlt.", "description"));
        }

        if (qualifier is not (>= 0 and <= 4))
        {
            errors.Add(new(FinalReport, "Das Beurteilungsmerkmal (Qualifier) liegt zwischen 0 und 4.", "qualifier"));
        }

        InputCheck.MaxLength(errors, "description", description, 1000, "Die Beschreibung");
        return errors;
    }

    [GeneratedRegex("^[bde][0-9]{3,5}$")]
    private static partial Regex IcfCode();
}
