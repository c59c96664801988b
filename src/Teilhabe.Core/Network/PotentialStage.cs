using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Network;

/// <summary>NET-02: the pipeline of a job potential.</summary>
public enum PotentialStage
{
    /// <summary>Potenzial erkannt.</summary>
    Identified,

    /// <summary>In Prüfung.</summary>
    Reviewing,

    /// <summary>Lösung entwickelt.</summary>
    Solution,

    /// <summary>Maßnahmen eingeleitet.</summary>
    Measures,

    /// <summary>Arbeitsplatz geschaffen (terminal).</summary>
    Created,

    /// <summary>Neugründung Inklusionsbetrieb (terminal).</summary>
    NewInclusionCompany,

    /// <summary>Verworfen (terminal).</summary>
    Dropped,
}

/// <summary>
/// NET-02: the allowed moves. Forward through the pipeline (skipping steps is allowed, going back is not),
/// "verworfen" from any open stage, and the three end stages are final.
/// </summary>
public static class PotentialPipeline
{
    public static readonly IReadOnlyList<PotentialStage> Order = Enum.GetValues<PotentialStage>();

    public static bool IsTerminal(PotentialStage stage)
        => stage is PotentialStage.Created or PotentialStage.NewInclusionCompany or PotentialStage.Dropped;

    /// <summary>Position in the pipeline; the two success ends share the last step.</summary>
    private static int Step(PotentialStage stage) => stage switch
    {
        PotentialStage.Identified => 0,
        PotentialStage.Reviewing => 1,
        PotentialStage.Solution => 2,
        PotentialStage.Measures => 3,
        _ => 4,
    };

    public static IReadOnlyList<RuleViolation> Check(PotentialStage from, PotentialStage to)
    {
        if (IsTerminal(from))
        {
            return [new(RuleIds.NetworkPipeline, $"Das Potenzial ist abgeschlossen ({Label(from)}); die Stufe ändert sich nicht mehr.", "stage")];
        }

        if (to == PotentialStage.Dropped)
        {
            return [];
        }

        return Step(to) > Step(from)
            ? []
            : [new(RuleIds.NetworkPipeline, $"Von „{Label(from)}“ geht es nur vorwärts, nicht zu „{Label(to)}“.", "stage")];
    }

    /// <summary>The stages an open potential may move to, in pipeline order.</summary>
    public static IReadOnlyList<PotentialStage> NextStages(PotentialStage from)
        => [.. Order.Where(s => Check(from, s).Count == 0)];

    public static string Code(PotentialStage stage) => stage switch
    {
        PotentialStage.Identified => "identified",
        PotentialStage.Reviewing => "reviewing",
        PotentialStage.Solution => "solution",
        PotentialStage.Measures => "measures",
        PotentialStage.Created => "created",
        PotentialStage.NewInclusionCompany => "new-inclusion-company",
        _ => "dropped",
    };

    public static PotentialStage? Parse(string? code) => Order.Select(s => (PotentialStage?)s).FirstOrDefault(s => Code(s!.Value) == code);

    public static string Label(PotentialStage stage) => stage switch
    {
        PotentialStage.Identified => "Potenzial erkannt",
        PotentialStage.Reviewing => "In Prüfung",
        PotentialStage.Solution => "Lösung entwickelt",
        PotentialStage.Measures => "Maßnahmen eingeleitet",
        PotentialStage.Created => "Arbeitsplatz geschaffen",
        PotentialStage.NewInclusionCompany => "Neugründung Inklusionsbetrieb",
        _ => "Verworfen",
    };
}
