using Microsoft.AspNetCore.Mvc.ModelBinding;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Data;
using Teilhabe.Web.Features.Catalogues;
using Teilhabe.Web.Features.Directory;

using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Cases;

/// <summary>
/// The "Aufträge" section of the client page: the client's cases the user may see (CaseAccess through
/// CaseService.ListAsync) and, for IFD roles, the form that opens a new one (CaseService.CreateAsync).
/// </summary>
internal sealed class ClientCases
{
    public required Guid ClientId { get; init; }
    public required IReadOnlyList<IndexModel.Row> Rows { get; init; }
    public required CaseChoices Choices { get; init; }
    public required NewCaseForm Form { get; init; }
    public required bool CanCreate { get; init; }
    public required FormErrors Errors { get; init; }

    /// <summary>PH-FDS-05: a Zusatzauftrag hangs on a main case of the same person (the service checks its kind).</summary>
    public IReadOnlyList<Option> MainCases
        => [.. Rows.Where(r => r.Case.CareTypeCode != CareTypes.ExpertStatement)
            .Select(r => new Option(r.Case.Id.ToString(), $"{r.Case.CaseNumber} – {r.CareType}, {CaseLabels.Phase(r.Case.Phase)}"))];

    public static async Task<ClientCases> LoadAsync(
        Guid clientId, NewCaseForm form, bool canCreate, ModelStateDictionary state,
        CaseService cases, CatalogueService catalogues, DirectoryService directory, TeilhabeDbContext db, CancellationToken ct)
    {
        var choices = await CaseChoices.LoadAsync(catalogues, directory, ct);
        var (items, _) = await cases.ListAsync(new CaseService.Filter(clientId, null, null, null, null, null), 1, 200, ct);
        return new ClientCases
        {
            ClientId = clientId,
            Rows = await IndexModel.RowsAsync(db, items, choices, ct),
            Choices = choices,
            Form = form,
            CanCreate = canCreate,
            Errors = new FormErrors(state),
        };
    }
}
