using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Catalogues;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Catalogues;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Clients;

[Authorize(Roles = "Caseworker,Deputy,ServiceLead,Trainer,ProgrammeLead")]
internal sealed class EditModel(ClientService clients, CatalogueService catalogues) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ClientForm Form { get; set; } = new();

    /// <summary>The version the form was loaded at: a newer one in the database means somebody else saved meanwhile.</summary>
    [BindProperty]
    public int Version { get; set; }

    public bool Conflict { get; private set; }
    public ClientFormView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var client = await clients.GetAsync(Id, ct);
        if (client is null)
        {
            return NotFound();
        }

        Form = ClientForm.From(client);
        Version = client.Version;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await clients.UpdateAsync(Id, Version, Form.ToInput(), ct);
        switch (outcome.Status)
        {
            case ResultStatus.NotFound:
                return NotFound();
            case ResultStatus.Conflict:
                // The user's input is kept; saving again now deliberately replaces the newer version they were shown.
                Conflict = true;
                Version = (await clients.GetAsync(Id, ct))?.Version ?? Version;
                break;
            case ResultStatus.Invalid:
                ModelState.AddViolations(outcome.Violations, ClientForm.FieldMap);
                break;
            default:
                TempData["Message"] = "Die Stammdaten sind gespeichert.";
                return Redirect($"/klienten/{Id}");
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
        => View = new ClientFormView(Form, ModelState, await catalogues.ListAsync(CatalogueNames.WorkingLifePositions, false, ct));
}
