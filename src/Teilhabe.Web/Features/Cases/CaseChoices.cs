using Teilhabe.Core.Catalogues;
using Teilhabe.Web.Features.Catalogues;
using Teilhabe.Web.Features.Directory;

using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Cases;

/// <summary>
/// The choices of the case forms: the active catalogue entries (only those can be chosen for new data, TOP-01),
/// the funder directory (FU-02), and the labels of every code, retired ones included, for display.
/// </summary>
internal sealed class CaseChoices
{
    public required IReadOnlyList<Option> Funders { get; init; }
    public required IReadOnlyList<CatalogueEntry> CareTypes { get; init; }
    public required IReadOnlyList<CatalogueEntry> LegalBases { get; init; }
    public required IReadOnlyList<CatalogueEntry> CaseGroups { get; init; }
    public required IReadOnlyList<CatalogueEntry> ReferringBodies { get; init; }
    public required IReadOnlyDictionary<string, string> CareTypeLabels { get; init; }
    public required IReadOnlyDictionary<string, string> LegalBasisLabels { get; init; }
    public required IReadOnlyDictionary<string, string> CaseGroupLabels { get; init; }
    public required IReadOnlyDictionary<string, string> ReferringBodyLabels { get; init; }

    /// <summary>The choices; without a directory the funders are left out (a view that offers no funder to choose).</summary>
    public static async Task<CaseChoices> LoadAsync(CatalogueService catalogues, DirectoryService? directory, CancellationToken ct)
    {
        List<Core.Directory.Funder> funders = directory is null ? [] : await directory.FundersAsync(null, null, ct);
        return new CaseChoices
        {
            Funders = [.. funders.Select(f => new Option(f.Id.ToString(), $"{f.Name} ({DirectoryPages.German(f.Kind)})"))],
            CareTypes = await catalogues.ListAsync(CatalogueNames.CareTypes, false, ct),
            LegalBases = await catalogues.ListAsync(CatalogueNames.LegalBases, false, ct),
            CaseGroups = await catalogues.ListAsync(CatalogueNames.CaseGroups, false, ct),
            ReferringBodies = await catalogues.ListAsync(CatalogueNames.ReferringBodies, false, ct),
            CareTypeLabels = await catalogues.LabelsAsync(CatalogueNames.CareTypes, ct),
            LegalBasisLabels = await catalogues.LabelsAsync(CatalogueNames.LegalBases, ct),
            CaseGroupLabels = await catalogues.LabelsAsync(CatalogueNames.CaseGroups, ct),
            ReferringBodyLabels = await catalogues.LabelsAsync(CatalogueNames.ReferringBodies, ct),
        };
    }

    /// <summary>The active entries; a retired code still set on the case stays visible (and is refused on saving, TOP-01).</summary>
    public static IReadOnlyList<Option> Options(IEnumerable<CatalogueEntry> active, IReadOnlyDictionary<string, string> labels, string? current)
    {
        var options = active.Select(e => new Option(e.Code, e.Label)).ToList();
        if (current is not null && options.All(o => o.Value != current))
        {
            options.Add(new Option(current, labels.GetValueOrDefault(current, current) + " (nicht mehr wählbar)"));
        }

        return options;
    }
}
