using Teilhabe.Core.Clients;

using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Clients;

/// <summary>German labels for client enums (UI text).</summary>
internal static class ClientLabels
{
    public static string Of(Gender gender) => gender switch
    {
        Gender.Female => "weiblich",
        Gender.Male => "männlich",
        Gender.Diverse => "divers",
        _ => "keine Angabe",
    };

    public static string Of(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Feststellungsbescheid => "Feststellungsbescheid",
        EvidenceKind.Gleichstellungsbescheid => "Gleichstellungsbescheid",
        _ => "Schwerbehindertenausweis",
    };

    public static string Of(EmploymentState state) => state == EmploymentState.Expected ? "voraussichtlich" : "eingetroffen";

}
