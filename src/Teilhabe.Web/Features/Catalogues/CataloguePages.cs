using Teilhabe.Core.Catalogues;

namespace Teilhabe.Web.Features.Catalogues;

/// <summary>German labels for the catalogue fields that are stored as code names.</summary>
internal static class CataloguePages
{
    /// <summary>FU-06: the Auftraggeber groups of the legal bases.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Groups =
    [
        (CatalogueSeed.GroupIntegrationOffice, "Integrationsamt"),
        (CatalogueSeed.GroupRehabilitation, "Rehabilitationsträger"),
        (CatalogueSeed.GroupJobPlacement, "Träger der Arbeitsvermittlung"),
    ];

    /// <summary>DOC-04: the forms that have versions.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Forms =
    [
        ("DataProtectionNotice", "Merkblatt zum Sozialdatenschutz"),
        ("GoalAgreement", "Zielvereinbarung"),
        ("ConfidentialityRelease", "Entbindung von der Schweigepflicht"),
    ];

    public static string GroupLabel(string? code) => Label(Groups, code);

    public static string FormLabel(string? code) => Label(Forms, code);

    /// <summary>Identifies an entry on the page: the code, within a form for form versions (codes repeat across forms).</summary>
    public static string RowKey(string? form, string code) => string.IsNullOrEmpty(form) ? code : $"{form}-{code}";

    public static string RowKey(CatalogueEntry entry) => RowKey(entry.Form, entry.Code);

    private static string Label(IReadOnlyList<(string Code, string Label)> list, string? code)
        => string.IsNullOrEmpty(code) ? "–" : list.FirstOrDefault(x => x.Code == code).Label ?? code;
}
