using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Data;
using Teilhabe.Core.Directory;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Directory;

/// <summary>One institution with its contact persons. Institutions of another Integrationsamt are not found (404).</summary>
[Authorize(Roles = DirectoryPages.Editors)]
internal sealed class InstitutionModel(DirectoryService directory, TeilhabeDbContext db) : PageModel, IContactForm
{
    [BindProperty]
    public string? ContactName { get; set; }

    [BindProperty]
    public string? ContactRole { get; set; }

    [BindProperty]
    public string? ContactPhone { get; set; }

    [BindProperty]
    public string? ContactEmail { get; set; }

    public Institution Institution { get; private set; } = null!;
    public string? ProviderName { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Message = TempData[DirectoryPages.MessageKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostContactAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var errors = this.Check();
        if (errors.Count > 0)
        {
            ModelState.AddViolations(errors, DirectoryFormMapping.ContactFields);
            return Page();
        }

        var contact = await directory.AddContactAsync(Institution, this.ToInput(), ct);
        TempData[DirectoryPages.MessageKey] = $"{contact.Name} ist als Ansprechperson gespeichert.";
        return Redirect($"{InstitutionsModel.Path}/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await directory.InstitutionAsync(id, ct) is not { } institution)
        {
            return false;
        }

        Institution = institution;
        ProviderName = institution.ProviderId is { } p
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == p).Select(o => o.Name).FirstOrDefaultAsync(ct)
            : null;
        return true;
    }
}
