namespace Teilhabe.Core.Programmes;

/// <summary>The two built-in programme templates (seeds 002 and 003).</summary>
public enum ProgrammeTemplate
{
    /// <summary>Individual coaching with referral by Agentur für Arbeit / Jobcenter (PRG-TR-01…08).</summary>
    Coaching,

    /// <summary>Modular qualification financed by a Persönliches Budget (PRG-LO-01…06).</summary>
    ModularQualification,
}

/// <summary>Legal sphere of a referral (PRG-TR-02): SGB II (Jobcenter), SGB III (Agentur), SGB IX (Eingliederungshilfe, Persönliches Budget).</summary>
public enum LegalSphere
{
    Sgb2,
    Sgb3,
    Sgb9,
}

/// <summary>Unit of a module's duration window.</summary>
public enum DurationUnit
{
    Weeks,
    Months,
}

/// <summary>
/// PRG-LO-01: one module of a programme — a duration window and an hour cap (or a cap per calendar month).
/// The definitions are data of the programme (copied from its template, then maintained by the ProgrammeLead),
/// not code per customer. <see cref="IsEntry"/> marks the module that comes first (Einstiegsphase);
/// a retired module keeps its bookings but takes no new ones; <see cref="HourlyRate"/> overrides the rate (PRG-LO-03).
/// </summary>
public sealed record ModuleDefinition(
    string Code,
    string Label,
    int MinDuration,
    int MaxDuration,
    DurationUnit Unit,
    decimal? HourCap,
    decimal? HoursPerMonthCap,
    bool Bookable = true,
    bool IsEntry = false,
    bool Retired = false,
    decimal? HourlyRate = null)
{
    public DateOnly LatestDay(DateOnly start)
        => Unit == DurationUnit.Weeks ? start.AddDays((7 * MaxDuration) - 1) : start.AddMonths(MaxDuration).AddDays(-1);

    public DateOnly MinimumEnd(DateOnly start)
        => Unit == DurationUnit.Weeks ? start.AddDays((7 * MinDuration) - 1) : start.AddMonths(MinDuration).AddDays(-1);

    public string DurationText => MinDuration == 0
        ? $"bis {MaxDuration} {(Unit == DurationUnit.Weeks ? "Wochen" : "Monate")}"
        : $"{MinDuration}–{MaxDuration} {(Unit == DurationUnit.Weeks ? "Wochen" : "Monate")}";

    public string CapText => HoursPerMonthCap is { } m ? $"{m:0.##} Std. je Monat" : HourCap is { } h ? $"{h:0.##} Std." : "—";
}

/// <summary>
/// The module table of the built-in modular qualification template (seed 003, pass(t)genau). A programme created
/// from the template gets a copy (<see cref="Programme.Modules"/>); the rules read the programme's own modules.
/// </summary>
public static class ProgrammeModules
{
    public const string Entry = "entry";
    public const string Qualification = "qualification";
    public const string Stabilisation = "stabilisation";
    public const string Transition = "transition";
    public const string JobRetention = "job-retention";
    public const string JobCoaching = "job-coaching";

    public static readonly IReadOnlyList<ModuleDefinition> Modular =
    [
        new(Entry, "Einstiegsphase", 2, 4, DurationUnit.Weeks, 48m, null, IsEntry: true),
        new(Qualification, "Qualifizierungsphase", 4, 10, DurationUnit.Months, 540m, null),
        new(Stabilisation, "Stabilisierungsphase", 3, 7, DurationUnit.Months, 378m, null),
        new(Transition, "Übergangsphase", 0, 6, DurationUnit.Months, 324m, null),
        new(JobRetention, "Sicherung Arbeitsplatz", 0, 6, DurationUnit.Months, null, 30m),
        new(JobCoaching, "Jobcoaching (als IFD-Auftrag, nicht hier gebucht)", 0, 0, DurationUnit.Months, null, null, Bookable: false),
    ];

    public static IReadOnlyList<ModuleDefinition> For(ProgrammeTemplate template)
        => template == ProgrammeTemplate.ModularQualification ? Modular : [];

    public static ModuleDefinition? Find(IEnumerable<ModuleDefinition> modules, string? code)
        => modules.FirstOrDefault(m => m.Code == code);
}

/// <summary>
/// The coaching numbers of a programme (seed 002), copied from its template and then maintained by the ProgrammeLead:
/// PRG-TR-05 referral period and the longest extension (none = per case without limit), PRG-TR-04 days until the
/// information talk appointment, PRG-TR-07 aftercare period after a job start (none = not limited).
/// </summary>
public sealed record ProgrammeParameters(int ReferralMonths, int InformationTalkDays, int? MaxExtensionMonths, int? AftercareMonths)
{
    /// <summary>Seed 002: referral for 12 months as a rule, extension per case; appointment within one week of contact.</summary>
    public static readonly ProgrammeParameters Default = new(12, 7, null, null);

    public static ProgrammeParameters For(ProgrammeTemplate template) => Default;
}
