using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Catalogues;
using Teilhabe.Web.Features.Catalogues;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Clients;

[Authorize(Roles = "Caseworker,Deputy,ServiceLead,Trainer,ProgrammeLead")]
internal sealed class NewModel(ClientService clients, CatalogueService catalogues) : PageModel
{
    [BindProperty]
    public ClientForm Form { get; set; } = new();

    [BindProperty]
    public bool IgnoreDuplicates { get; set; }

    public List<ClientService.DuplicateCandidate> Candidates { get; private set; } = [];
    public ClientFormView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();

        // CL-02: hits are shown before anything is saved; the user opens one or decides to go on.
        if (!IgnoreDuplicates)
        {
            Candidates = await clients.DuplicatesAsync(Form.LastName, Form.FirstName, Form.BirthDate, null, ct);
            if (Candidates.Count > 0)
            {
                await LoadAsync(ct);
                return Page();
            }
        }

        var outcome = await clients.CreateAsync(Form.ToInput(), ct);
        if (outcome.Value is null)
        {
            ModelState.AddViolations(outcome.Violations, ClientForm.FieldMap);
            await LoadAsync(ct);
            return Page();
        }

        var created = outcome.Value;
        TempData["Message"] = $"{created.FirstName} {created.LastName} ist angelegt. Als Nächstes auf dieser Seite: den Nachweis der Behinderung erfassen und einen Auftrag anlegen.";
        return Redirect($"/klienten/{created.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
        => View = new ClientFormView(Form, ModelState, await catalogues.ListAsync(CatalogueNames.WorkingLifePositions, false, ct));
}
