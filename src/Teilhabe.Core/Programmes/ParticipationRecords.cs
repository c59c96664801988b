namespace Teilhabe.Core.Programmes;

/// <summary>PRG-LO-05: how far a module goal was reached.</summary>
public enum GoalAchievement
{
    Open,
    Achieved,
    PartlyAchieved,
    NotAchieved,
}

/// <summary>PRG-LO-06: the ICF components of the final report.</summary>
public enum IcfComponent
{
    /// <summary>b: Körperfunktionen.</summary>
    BodyFunctions,

    /// <summary>d: Aktivitäten und Teilhabe.</summary>
    ActivitiesAndParticipation,

    /// <summary>e: Umweltfaktoren.</summary>
    EnvironmentalFactors,
}

/// <summary>PRG-LO-04 / PRG-LO-05 / PRG-LO-06: reflection talks, module goals and ICF items of a participation.</summary>
public sealed partial class Participation
{
    private readonly List<ReflectionTalk> _reflections = [];
    private readonly List<ModuleGoal> _moduleGoals = [];
    private readonly List<IcfItem> _icfItems = [];

    public IReadOnlyList<ReflectionTalk> Reflections => _reflections;
    public IReadOnlyList<ModuleGoal> ModuleGoals => _moduleGoals;
    public IReadOnlyList<IcfItem> IcfItems => _icfItems;

    private void ClearRecords()
    {
        _reflections.Clear();
        _moduleGoals.Clear();
        _icfItems.Clear();
    }

    public ReflectionTalk AddReflection(DateOnly on, int selfRating, string? criticism, string? notes)
    {
        var talk = new ReflectionTalk(on, selfRating, criticism, notes);
        _reflections.Add(talk);
        return talk;
    }

    public ModuleGoal AddModuleGoal(string moduleCode, string goal, GoalAchievement achievement, string? note, DateOnly recordedOn)
    {
        var entry = new ModuleGoal(moduleCode, goal, achievement, note, recordedOn);
        _moduleGoals.Add(entry);
        return entry;
    }

    public IcfItem AddIcfItem(IcfComponent component, string code, string description, int qualifier)
    {
        var item = new IcfItem(component, code, description, qualifier);
        _icfItems.Add(item);
        return item;
    }
}

/// <summary>PRG-LO-04: a reflection talk in which the participant rates their own success (1–5) and may criticise.</summary>
public sealed class ReflectionTalk
{
    private ReflectionTalk()
    {
    }

    internal ReflectionTalk(DateOnly on, int selfRating, string? criticism, string? notes)
    {
        Id = Guid.CreateVersion7();
        On = on;
        SelfRating = selfRating;
        Criticism = string.IsNullOrWhiteSpace(criticism) ? null : criticism.Trim();
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
    }

    public Guid Id { get; private set; }
    public DateOnly On { get; private set; }
    public int SelfRating { get; private set; }
    public string? Criticism { get; private set; }
    public string? Notes { get; private set; }
}

/// <summary>PRG-LO-05: the goal of one module and how far it was reached.</summary>
public sealed class ModuleGoal
{
    private ModuleGoal()
    {
        ModuleCode = string.Empty;
        Goal = string.Empty;
    }

    internal ModuleGoal(string moduleCode, string goal, GoalAchievement achievement, string? note, DateOnly recordedOn)
    {
        Id = Guid.CreateVersion7();
        ModuleCode = moduleCode;
        Goal = goal.Trim();
        Achievement = achievement;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        RecordedOn = recordedOn;
    }

    public Guid Id { get; private set; }
    public string ModuleCode { get; private set; }
    public string Goal { get; private set; }
    public GoalAchievement Achievement { get; private set; }
    public string? Note { get; private set; }
    public DateOnly RecordedOn { get; private set; }
}

/// <summary>PRG-LO-06: one ICF item (component, code such as d845, description, qualifier 0–4) of the final report.</summary>
public sealed class IcfItem
{
    private IcfItem()
    {
        Code = string.Empty;
        Description = string.Empty;
    }

    internal IcfItem(IcfComponent component, string code, string description, int qualifier)
    {
        Id = Guid.CreateVersion7();
        Component = component;
        Code = code.Trim();
        Description = description.Trim();
        Qualifier = qualifier;
    }

    public Guid Id { get; private set; }
    public IcfComponent Component { get; private set; }
    public string Code { get; private set; }
    public string Description { get; private set; }
    public int Qualifier { get; private set; }
}
