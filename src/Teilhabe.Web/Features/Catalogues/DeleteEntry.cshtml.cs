using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Catalogues;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Catalogues;

/// <summary>
/// The review step before a catalogue entry is deleted (cannot be undone): names the entry and its catalogue,
/// tells whether stored data uses it (TOP-01: then it can only be retired) and deletes only on confirmation.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.IntegrationOfficeCoordinator)]
internal sealed class DeleteEntryModel(CatalogueService catalogues) : PageModel
{
    public const string Path = "/verwaltung/kataloge/loeschen";

    [BindProperty(SupportsGet = true, Name = "katalog")]
    public string? Catalogue { get; set; }

    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true, Name = "form")]
    public string? Form { get; set; }

    public CatalogueEntry Entry { get; private set; } = null!;

    public bool InUse { get; private set; }

    public string BackLink => $"{CataloguesModel.Path}?katalog={Uri.EscapeDataString(Entry.Catalogue)}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        InUse = await catalogues.IsUsedAsync(Entry, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var violations = await catalogues.DeleteAsync(Entry, ct);
        if (violations.Count > 0)
        {
            InUse = true;
            ModelState.AddViolations(violations, new Dictionary<string, string> { ["code"] = "retire" });
            return Page();
        }

        TempData[CataloguesModel.MessageKey] = $"„{Entry.Label}“ ist gelöscht.";
        return Redirect(BackLink);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Catalogue) || !CatalogueService.Exists(Catalogue) || string.IsNullOrEmpty(Code))
        {
            return NotFound();
        }

        if (!CataloguesApi.MayMaintain(HttpContext, Catalogue))
        {
            return Forbid();
        }

        if (await catalogues.FindAsync(Catalogue, Code, Form ?? string.Empty, ct) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;
        return null;
    }
}
