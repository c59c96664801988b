using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Data;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Catalogues;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Clients;

/// <summary>
/// CL-03 "Entfernen": the review step names the record and what follows before anything happens; the removal is the
/// form on it with its required reason (a plain POST, no JavaScript needed).
/// </summary>
[Authorize(Roles = "Caseworker,Deputy,ServiceLead,Trainer,ProgrammeLead")]
internal sealed class RemoveRecordModel(ClientService clients, ClientCorrectionService corrections, CatalogueService catalogues, TeilhabeDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public Guid RecordId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public ClientRecordKind RecordKind { get; private set; }
    public Client Client { get; private set; } = null!;
    public IReadOnlyList<(string Label, string Value)> Current { get; private set; } = [];
    public string Noun => ClientRecordLabels.Noun(RecordKind);
    public string BackHref => $"/klienten/{Id}#{ClientRecordLabels.Anchor(RecordKind)}";

    /// <summary>What follows from the removal for the derived states (DIS-01 status, DIS-03 mark, EMP-01 timeline).</summary>
    public string Consequence => RecordKind switch
    {
        ClientRecordKind.DisabilityEvidence => "Der Bescheid verschwindet aus der Akte; der Status des Nachweises ergibt sich danach aus den übrigen Bescheiden.",
        ClientRecordKind.Disability => "Die Behinderung verschwindet aus der Liste; war sie betreuungsrelevant, geht die Markierung an die erste andere anerkannte Behinderung.",
        _ => "Die Situation verschwindet aus der Zeitleiste; es gilt dann die vorherige Situation.",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Version = Client.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ClientRecordLabels.Parse(Kind) is not { } kind)
        {
            return NotFound();
        }

        var outcome = await corrections.RemoveAsync(Id, kind, RecordId, Version, Reason, ct);
        if (outcome.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (outcome.Succeeded)
        {
            TempData["Message"] = $"{ClientRecordLabels.Noun(kind)} ist entfernt; die bisherigen Angaben und der Grund stehen unter „Korrekturen und Entfernungen“.";
            return Redirect($"/klienten/{Id}#{ClientRecordLabels.Anchor(kind)}");
        }

        ModelState.Clear();
        ModelState.AddResult(outcome, new Dictionary<string, string> { ["reason"] = nameof(Reason) });
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Version = Client.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (ClientRecordLabels.Parse(Kind) is not { } kind || await clients.GetAsync(Id, ct) is not { } client || client.SnapshotOf(kind, RecordId) is not { } current)
        {
            return false;
        }

        RecordKind = kind;
        Client = client;
        Current = (await ClientRecordLabels.LoadAsync(catalogues, db, [current], ct)).Facts(kind, current);
        return true;
    }
}
