using System.Text.Json.Serialization;

namespace Teilhabe.Core.Cases;

/// <summary>Kinds of uploaded documents (API.md "Documents").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DocumentKind>))]
public enum DocumentKind
{
    /// <summary>Feststellungs- or Gleichstellungsbescheid; belongs to the client and counts for all the client's cases.</summary>
    DisabilityProof,

    /// <summary>SB-Ausweis: not a proof (DIS-01).</summary>
    DisabilityCard,

    /// <summary>Merkblatt zum Sozialdatenschutz (signed scan).</summary>
    DataProtectionNotice,

    /// <summary>Zielvereinbarung.</summary>
    GoalAgreement,

    /// <summary>Schriftliche Beauftragung.</summary>
    WrittenCommission,

    /// <summary>The finished Fachdienstliche Stellungnahme / Empfehlung / Einschätzung.</summary>
    ExpertStatement,

    /// <summary>Entbindung von der Schweigepflicht.</summary>
    ConfidentialityRelease,

    Other,
}

public static class DocumentLabels
{
    public static string German(DocumentKind kind) => kind switch
    {
        DocumentKind.DisabilityProof => "Nachweis der Behinderung (Feststellungs- oder Gleichstellungsbescheid)",
        DocumentKind.DisabilityCard => "Schwerbehindertenausweis",
        DocumentKind.DataProtectionNotice => "Merkblatt zum Sozialdatenschutz",
        DocumentKind.GoalAgreement => "Zielvereinbarung",
        DocumentKind.WrittenCommission => "Schriftliche Beauftragung",
        DocumentKind.ExpertStatement => "Fertige Stellungnahme / Empfehlung / Einschätzung",
        DocumentKind.ConfidentialityRelease => "Entbindung von der Schweigepflicht",
        _ => "Sonstiges Dokument",
    };
}
