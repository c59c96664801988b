using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Data;
using Teilhabe.Core.Directory;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Directory;

/// <summary>The funder directory (FU-02, FU-03): search, release status for the own IFD, create after a duplicate search (FU-04).</summary>
[Authorize(Roles = DirectoryPages.Editors)]
internal sealed class FundersModel(DirectoryService directory, ICurrentUser current) : PageModel, IAddressForm
{
    public const string Path = "/leistungstraeger";

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? KindFilter { get; set; }

    [BindProperty]
    public string? NewName { get; set; }

    [BindProperty]
    public string? NewKind { get; set; }

    [BindProperty]
    public string? Street { get; set; }

    [BindProperty]
    public string? PostalCode { get; set; }

    [BindProperty]
    public string? City { get; set; }

    /// <summary>The name whose duplicate candidates the user has seen and chose to ignore ("Trotzdem anlegen").</summary>
    [BindProperty]
    public string? ConfirmedName { get; set; }

    public List<Funder> Funders { get; private set; } = [];
    public List<DirectoryService.NameCandidate> Duplicates { get; private set; } = [];

    /// <summary>The IFD of the user: its release status is shown per funder (FU-04). None for InA-Koordination.</summary>
    public Guid? ServiceId => current.ServiceId;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Htmx.WantsPartial(HttpContext) ? Partial("_FunderResults", this) : Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        // FU-04: creating a funder runs a duplicate search first.
        if (!string.Equals(ConfirmedName?.Trim(), NewName?.Trim(), StringComparison.Ordinal))
        {
            Duplicates = await directory.FunderDuplicatesAsync(NewName, ct);
            if (Duplicates.Count > 0)
            {
                ConfirmedName = NewName?.Trim();
                await LoadAsync(ct);
                return Page();
            }
        }

        var (funder, errors) = await directory.CreateFunderAsync(
            NewName, DirectoryPages.Parse<FunderKind>(NewKind), DirectoryPages.ToAddress(Street, PostalCode, City), ct);
        if (funder is null)
        {
            ModelState.AddViolations(errors, DirectoryFormMapping.CreateFields);
            await LoadAsync(ct);
            return Page();
        }

        TempData[DirectoryPages.MessageKey] = $"Der Leistungsträger „{funder.Name}“ ist angelegt.";
        return Redirect($"{Path}/{funder.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
        => Funders = await directory.FundersAsync(Query, DirectoryPages.Parse<FunderKind>(KindFilter), ct);
}
