namespace Teilhabe.Web.Features.Cases;

/// <summary>
/// The case as a workspace: an overview at /faelle/{id} and sections with their own addresses under it. Sections of the
/// case page are rendered by <see cref="DetailsModel"/>; the others are pages of their own (timeline, LEK, coordination,
/// goals) and are reached from the same navigation.
/// </summary>
internal static class CaseSections
{
    public const string Overview = "";
    public const string Phase = "phase";
    public const string Fields = "angaben";
    public const string Documents = "dokumente";
    public const string Reports = "berichte";
    public const string Notice = "merkblatt";
    public const string Deadlines = "fristen";
    public const string History = "historie";
    public const string Tasks = "aufgaben";

    /// <summary>One entry of the section navigation; <see cref="OwnPage"/> marks a page of its own (a full page load).</summary>
    public sealed record Link(string Key, string Label, string Path, bool OwnPage = false);

    /// <summary>The navigation of a case; the IFD tasks only for those who document on it (IFD-01).</summary>
    public static IReadOnlyList<Link> For(Guid caseId, bool canEdit)
    {
        var links = new List<Link>
        {
            new(Overview, "Überblick", Path(caseId, Overview)),
            new(Phase, "Phase und Auftraggeber", Path(caseId, Phase)),
            new("verlauf", "Verlauf und Kontakte", Path(caseId, "verlauf"), OwnPage: true),
            new("lek", "LEK", Path(caseId, "lek"), OwnPage: true),
            new(Deadlines, "Fristen", Path(caseId, Deadlines)),
            new(Fields, "Angaben", Path(caseId, Fields)),
            new(Documents, "Dokumente", Path(caseId, Documents)),
            new(Reports, "Berichte und Ziele", Path(caseId, Reports)),
            new(Notice, "Merkblatt und Abstimmungen", Path(caseId, Notice)),
        };
        if (canEdit)
        {
            links.Add(new(Tasks, "IFD-Aufgaben", Path(caseId, Tasks)));
        }

        links.Add(new("koordination", "Koordination", Path(caseId, "koordination"), OwnPage: true));
        links.Add(new(History, "Phasenverlauf", Path(caseId, History)));
        return links;
    }

    /// <summary>The section a form of the case page belongs to: its message, errors and redirect land there.</summary>
    public static string ForHandler(string? handler) => handler switch
    {
        "Move" or "FunderChange" or "ExtensionRequest" or "InclusionApplication" or "SupportedEmploymentPreset" or "SuccessfulPlacement" => Phase,
        "Fields" => Fields,
        "Upload" => Documents,
        "Report" or "ReportRequest" => Reports,
        "Notice" or "SecondSignature" or "Agreement" => Notice,
        "ContactException" => Deadlines,
        _ => Overview,
    };

    /// <summary>The address of a section (the overview without a segment).</summary>
    public static string Path(Guid caseId, string section, string? anchor = null)
        => $"/faelle/{caseId}{(section.Length == 0 ? string.Empty : "/" + section)}{(anchor is null ? string.Empty : "#" + anchor)}";
}
