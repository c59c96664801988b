using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.Core.Organisations;

namespace Teilhabe.Web.Features.Admin;

[Authorize(Roles = Roles.Administrator)]
internal sealed class OrganisationsModel(TeilhabeDbContext db) : PageModel
{
    public List<Organisation> Organisations { get; private set; } = [];
    public List<Service> Services { get; private set; } = [];
    public string? Message { get; private set; }
    public string? OrganisationName { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostOrganisationAsync(string? name, OrganisationKind kind, string? state, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            ModelState.AddModelError("org-name", "Bitte den Namen der Organisation angeben.");
        }

        if (string.IsNullOrWhiteSpace(state) || state.Trim().Length != 2)
        {
            ModelState.AddModelError("org-state", "Bitte das Bundesland als Kürzel mit zwei Buchstaben angeben, z. B. „TH“.");
        }

        if (ModelState.IsValid)
        {
            db.Organisations.Add(new Organisation(kind, name!, state!));
            await db.SaveChangesAsync(ct);
            Message = $"{name} ist angelegt.";
        }
        else
        {
            OrganisationName = name;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostServiceAsync(string? name, Guid providerId, Guid integrationOfficeId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            ModelState.AddModelError("svc-name", "Bitte den Namen des IFD angeben.");
        }

        var providerOk = await db.Organisations.AnyAsync(o => o.Id == providerId && o.Kind == OrganisationKind.Provider, ct);
        var officeOk = await db.Organisations.AnyAsync(o => o.Id == integrationOfficeId && o.Kind == OrganisationKind.IntegrationOffice, ct);
        if (!providerOk)
        {
            ModelState.AddModelError("svc-provider", "Bitte zuerst einen Träger anlegen und auswählen.");
        }

        if (!officeOk)
        {
            ModelState.AddModelError("svc-office", "Bitte zuerst ein Integrationsamt anlegen und auswählen.");
        }

        if (ModelState.IsValid)
        {
            db.Services.Add(new Service(name!, providerId, integrationOfficeId));
            await db.SaveChangesAsync(ct);
            Message = $"{name} ist angelegt.";
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);
        Services = await db.Services.AsNoTracking().Include(s => s.Provider).Include(s => s.IntegrationOffice).OrderBy(s => s.Name).ToListAsync(ct);
    }
}
