using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Data;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Organisations;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Directory;

/// <summary>Search and create institutions; a new one is saved only after its duplicate search was seen.</summary>
[Authorize(Roles = DirectoryPages.Editors)]
internal sealed class InstitutionsModel(DirectoryService directory, TeilhabeDbContext db) : PageModel, IAddressForm
{
    public const string Path = "/institutionen";

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? KindFilter { get; set; }

    [BindProperty]
    public string? NewName { get; set; }

    [BindProperty]
    public string? NewKind { get; set; }

    [BindProperty]
    public string? NewProviderId { get; set; }

    [BindProperty]
    public string? Street { get; set; }

    [BindProperty]
    public string? PostalCode { get; set; }

    [BindProperty]
    public string? City { get; set; }

    /// <summary>The name whose duplicate candidates the user has seen and chose to ignore ("Trotzdem anlegen").</summary>
    [BindProperty]
    public string? ConfirmedName { get; set; }

    public List<Institution> Institutions { get; private set; } = [];
    public List<Organisation> Providers { get; private set; } = [];
    public List<DirectoryService.NameCandidate> Duplicates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Htmx.WantsPartial(HttpContext) ? Partial("_InstitutionResults", this) : Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!string.Equals(ConfirmedName?.Trim(), NewName?.Trim(), StringComparison.Ordinal))
        {
            Duplicates = await directory.InstitutionDuplicatesAsync(NewName, ct);
            if (Duplicates.Count > 0)
            {
                ConfirmedName = NewName?.Trim();
                await LoadAsync(ct);
                return Page();
            }
        }

        var (institution, errors) = await directory.CreateInstitutionAsync(
            NewName, DirectoryPages.Parse<InstitutionKind>(NewKind), DirectoryPages.ParseId(NewProviderId),
            DirectoryPages.ToAddress(Street, PostalCode, City), ct);
        if (institution is null)
        {
            ModelState.AddViolations(errors, DirectoryFormMapping.CreateFields);
            await LoadAsync(ct);
            return Page();
        }

        TempData[DirectoryPages.MessageKey] = $"Die Institution „{institution.Name}“ ist angelegt.";
        return Redirect($"{Path}/{institution.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Institutions = await directory.InstitutionsAsync(Query, DirectoryPages.Parse<InstitutionKind>(KindFilter), ct);
        Providers = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Provider).OrderBy(o => o.Name).ToListAsync(ct);
    }
}
