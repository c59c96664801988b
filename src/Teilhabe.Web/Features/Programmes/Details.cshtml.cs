using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Programmes;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Programmes;

[Authorize(Roles = ProgrammePages.Staff)]
internal sealed class DetailsModel(ProgrammeService programmes) : PageModel
{
    public Programme Programme { get; private set; } = null!;
    public int PlacesUsed { get; private set; }
    public List<ProgrammeService.ParticipationRow> Active { get; private set; } = [];
    public List<ProgrammeService.ParticipationRow> Waiting { get; private set; } = [];
    public List<Funder> ReferringBodies { get; private set; } = [];
    public List<Client> Clients { get; private set; } = [];
    public List<ProgrammeService.OutcomeRow> Outcomes { get; private set; } = [];
    public DateOnly Today => programmes.Today;

    /// <summary>PRG-TR-01: the first of the waiting list (by referral date) and whether a place within the yearly places is free.</summary>
    public ProgrammeService.ParticipationRow? NextWaiting { get; private set; }
    public bool PlaceFree => PlacesUsed < Programme.YearlyPlaces;
    public bool IsLead => programmes.IsLead;

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public Guid? ClientId { get; set; }

    [BindProperty]
    public Guid? ReferringBodyId { get; set; }

    [BindProperty]
    public string? LegalSphere { get; set; }

    [BindProperty]
    public DateOnly? FirstContactOn { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
        => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var programme = await programmes.GetAsync(id, ct);
        if (programme is null)
        {
            return false;
        }

        Programme = programme;
        PlacesUsed = await programmes.PlacesUsedAsync(id, ct);
        var rows = await programmes.ParticipationsAsync(id, ct);
        Active = [.. rows.Where(r => r.Participation.Status != ParticipationStatus.Waiting)];
        Waiting = [.. rows.Where(r => r.Participation.Status == ParticipationStatus.Waiting)];
        var next = ProgrammeService.NextWaiting(rows);
        NextWaiting = rows.FirstOrDefault(r => r.Participation == next);
        ReferringBodies = await programmes.ReferringBodyChoicesAsync(programme, ct);
        Clients = await programmes.ClientChoicesAsync(programme.ServiceId, ct);
        Outcomes = await programmes.OutcomeReportAsync(id, Today.Year, ct);
        FirstContactOn ??= Today;
        LegalSphere ??= programme.Template == ProgrammeTemplate.Coaching ? "SGB3" : "SGB9";
        return true;
    }

    public async Task<IActionResult> OnPostReferAsync(Guid id, CancellationToken ct)
    {
        var result = await programmes.ReferAsync(id, new(ClientId, ReferringBodyId, ProgrammesApi.ParseSphere(LegalSphere), FirstContactOn), ct);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (result.Status != ResultStatus.Ok)
        {
            ModelState.AddViolations(result.Violations);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        Notice = result.Value!.Status == ParticipationStatus.Waiting
            ? "Die Kapazität ist erreicht: die Zuweisung steht auf der Warteliste (PRG-TR-01)."
            : "Die Zuweisung ist angelegt.";
        return Redirect($"/teilnahmen/{result.Value.Id}");
    }

    public async Task<IActionResult> OnPostAdmitAsync(Guid id, Guid participationId, string? reason, CancellationToken ct)
        => await AfterAsync(id, await programmes.AdmitAsync(participationId, reason, ct),
            "Die Zuweisung ist über die Kapazität aufgenommen; die Begründung ist vermerkt.", new Dictionary<string, string> { ["reason"] = $"reason-{participationId}" }, ct);

    /// <summary>PRG-TR-01: the ProgrammeLead moves the first of the waiting list up into a freed place.</summary>
    public async Task<IActionResult> OnPostMoveUpAsync(Guid id, CancellationToken ct)
        => await AfterAsync(id, await programmes.MoveUpAsync(id, ct),
            "Die erste Person der Warteliste ist nachgerückt und nimmt jetzt teil.", new Dictionary<string, string> { ["moveUp"] = "move-up" }, ct);

    /// <summary>404 / 403 as the service answers; a refusal stays on the page with each message at its field; success redirects with the notice.</summary>
    private async Task<IActionResult> AfterAsync<T>(Guid id, Result<T> result, string notice, IReadOnlyDictionary<string, string> fields, CancellationToken ct)
    {
        switch (result.Status)
        {
            case ResultStatus.NotFound:
                return NotFound();
            case ResultStatus.Forbidden:
                return Forbid();
            case ResultStatus.Invalid:
                ModelState.AddViolations(result.Violations, fields);
                return await LoadAsync(id, ct) ? Page() : NotFound();
            default:
                Notice = notice;
                return Redirect($"/programme/{id}");
        }
    }
}
