using System.Text.Json.Serialization;

namespace Teilhabe.Core.Cases;

/// <summary>Case lifecycle (DOMAIN.md section 3, HaGe 2).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Phase>))]
public enum Phase
{
    /// <summary>Kontakt: clarification only.</summary>
    P1,

    /// <summary>Qualifizierte Beratung.</summary>
    P2,

    /// <summary>Beauftragung.</summary>
    P3,

    /// <summary>Abmeldung.</summary>
    P4,

    /// <summary>FDS Anmeldung.</summary>
    FP1,

    /// <summary>FDS Bearbeitung.</summary>
    FP3,

    /// <summary>FDS Abgegeben.</summary>
    FP4,

    /// <summary>FDS Zurückgegeben.</summary>
    FP5,
}

public static class PhaseLabels
{
    public static string German(Phase phase) => phase switch
    {
        Phase.P1 => "P1 Kontakt",
        Phase.P2 => "P2 Qualifizierte Beratung",
        Phase.P3 => "P3 Beauftragung",
        Phase.P4 => "P4 Abmeldung",
        Phase.FP1 => "FP1 FDS Anmeldung",
        Phase.FP3 => "FP3 FDS Bearbeitung",
        Phase.FP4 => "FP4 FDS Abgegeben",
        _ => "FP5 FDS Zurückgegeben",
    };

    public static bool IsClosed(Phase phase) => phase is Phase.P4 or Phase.FP4 or Phase.FP5;

    public static bool IsExpertStatement(Phase phase) => phase is Phase.FP1 or Phase.FP3 or Phase.FP4 or Phase.FP5;
}
