using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Catalogues;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Catalogues;

/// <summary>
/// Catalogue maintenance (TOP-01): administrators maintain every catalogue, InA-Koordination the valid form
/// versions (DOC-04). Entries in use can only be retired; deleting goes through a review page (<see cref="DeleteEntryModel"/>).
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.IntegrationOfficeCoordinator)]
internal sealed class CataloguesModel(CatalogueService catalogues) : PageModel
{
    public const string Path = "/verwaltung/kataloge";

    public const string MessageKey = "CatalogueMessage";

    [BindProperty(SupportsGet = true, Name = "katalog")]
    public string? Catalogue { get; set; }

    [BindProperty]
    public string? NewCode { get; set; }

    [BindProperty]
    public string? NewLabel { get; set; }

    [BindProperty]
    public string? NewGroup { get; set; }

    [BindProperty]
    public string? NewForm { get; set; }

    [BindProperty]
    public string? NewValidFrom { get; set; }

    /// <summary>The catalogue shown: the one asked for, else the first the user may maintain.</summary>
    public string Name { get; private set; } = string.Empty;

    public List<string> Available { get; private set; } = [];
    public List<CatalogueEntry> Entries { get; private set; } = [];
    public string? Message { get; private set; }

    /// <summary>The entry whose label form stays open because its change was refused.</summary>
    public string? OpenRow { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Choose() is { } refused)
        {
            return refused;
        }

        Message = TempData[MessageKey] as string;
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostRelabelAsync(string? code, string? form, string? label, CancellationToken ct)
    {
        if (Choose() is { } refused)
        {
            return refused;
        }

        if (await FindAsync(code, form, ct) is not { } entry)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(label) || label.Trim().Length > 300)
        {
            OpenRow = CataloguePages.RowKey(entry);
            ModelState.AddModelError($"label-{OpenRow}", string.IsNullOrWhiteSpace(label)
                ? $"Bitte eine neue Bezeichnung für „{entry.Label}“ angeben."
                : "Die Bezeichnung ist zu lang (höchstens 300 Zeichen).");
            return await ShowAsync(ct);
        }

        var before = entry.Version;
        await catalogues.UpdateAsync(entry, label, null, ct);
        return Done(entry.Version == before
            ? $"Die Bezeichnung von „{entry.Code}“ ist unverändert."
            : $"Die Bezeichnung von „{entry.Code}“ ist geändert (Version {entry.Version}).");
    }

    public async Task<IActionResult> OnPostStatusAsync(string? code, string? form, bool active, CancellationToken ct)
    {
        if (Choose() is { } refused)
        {
            return refused;
        }

        if (await FindAsync(code, form, ct) is not { } entry)
        {
            return NotFound();
        }

        await catalogues.UpdateAsync(entry, null, active, ct);
        return Done(active ? $"„{entry.Label}“ ist wieder aktiv." : $"„{entry.Label}“ ist stillgelegt und für neue Daten nicht mehr wählbar.");
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (Choose() is { } refused)
        {
            return refused;
        }

        DateOnly? validFrom = null;
        if (Name == CatalogueNames.FormVersions && !string.IsNullOrWhiteSpace(NewValidFrom))
        {
            if (!DateOnly.TryParseExact(NewValidFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                ModelState.AddModelError(nameof(NewValidFrom), "Bitte „gültig ab“ als Datum angeben, z. B. 01.01.2027.");
                return await ShowAsync(ct);
            }

            validFrom = day;
        }

        var (entry, errors) = await catalogues.AddAsync(
            Name, NewCode, NewLabel,
            Name == CatalogueNames.LegalBases ? NewGroup : null,
            Name == CatalogueNames.FormVersions ? NewForm : null,
            validFrom, ct);
        if (entry is null)
        {
            ModelState.AddViolations(errors, new Dictionary<string, string>
            {
                ["code"] = nameof(NewCode),
                ["label"] = nameof(NewLabel),
                ["form"] = string.IsNullOrWhiteSpace(NewForm) ? nameof(NewForm) : nameof(NewValidFrom),
            });
            return await ShowAsync(ct);
        }

        return Done($"„{entry.Label}“ ist angelegt.");
    }

    /// <summary>Unknown catalogue: 404; one the user may not maintain (InA beyond the form versions): 403.</summary>
    private IActionResult? Choose()
    {
        Available = [.. CatalogueNames.All.Where(n => CataloguesApi.MayMaintain(HttpContext, n))];
        Name = string.IsNullOrEmpty(Catalogue) ? Available.FirstOrDefault() ?? string.Empty : Catalogue;
        if (!CatalogueService.Exists(Name))
        {
            return NotFound();
        }

        return CataloguesApi.MayMaintain(HttpContext, Name) ? null : Forbid();
    }

    private Task<CatalogueEntry?> FindAsync(string? code, string? form, CancellationToken ct)
        => string.IsNullOrEmpty(code) ? Task.FromResult<CatalogueEntry?>(null) : catalogues.FindAsync(Name, code, form ?? string.Empty, ct);

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Entries = await catalogues.ListAsync(Name, includeRetired: true, ct, includeHidden: true);
        return Page();
    }

    /// <summary>An entry of the state profile file: shown, but maintained in the profile, not here (TOP-01, DOC-04).</summary>
    public bool FromProfile(CatalogueEntry e) => catalogues.IsFromStateProfile(Name, e.Code);

    public bool HiddenByProfile(CatalogueEntry e) => catalogues.IsHiddenByStateProfile(Name, e.Code);

    public string ProfileCode => catalogues.StateProfileCode;

    private RedirectResult Done(string message)
    {
        TempData[MessageKey] = message;
        return Redirect($"{Path}?katalog={Uri.EscapeDataString(Name)}");
    }
}
