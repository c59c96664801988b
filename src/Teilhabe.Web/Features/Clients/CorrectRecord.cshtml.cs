using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Catalogues;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Data;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Catalogues;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Clients;

/// <summary>
/// CL-03 "Korrigieren": one proof of disability, disability or employment situation of the client in a prefilled form
/// (plain POST and redirect); the earlier values stay in the client's list of changes. The client's version is the
/// concurrency check.
/// </summary>
[Authorize(Roles = "Caseworker,Deputy,ServiceLead,Trainer,ProgrammeLead")]
internal sealed class CorrectRecordModel(ClientService clients, ClientCorrectionService corrections, CatalogueService catalogues, TeilhabeDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public Guid RecordId { get; set; }

    [BindProperty]
    public DetailsModel.EvidenceInput Evidence { get; set; } = new();

    [BindProperty]
    public DetailsModel.DisabilityInput Disability { get; set; } = new();

    [BindProperty]
    public DetailsModel.EmploymentInput Employment { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public ClientRecordKind RecordKind { get; private set; }
    public Client Client { get; private set; } = null!;
    public IReadOnlyList<(string Label, string Value)> Current { get; private set; } = [];
    public List<CatalogueEntry> ActiveCategories { get; private set; } = [];
    public List<CatalogueEntry> ActiveEmploymentKinds { get; private set; } = [];
    public List<Institution> Employers { get; private set; } = [];
    public string Noun => ClientRecordLabels.Noun(RecordKind);
    public string BackHref => $"/klienten/{Id}#{ClientRecordLabels.Anchor(RecordKind)}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Prefill();
        Version = Client.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ClientRecordLabels.Parse(Kind) is not { } kind)
        {
            return NotFound();
        }

        var outcome = kind switch
        {
            ClientRecordKind.DisabilityEvidence => await corrections.CorrectEvidenceAsync(Id, RecordId, Version,
                new(Evidence.Kind, Evidence.NoticeDate, Evidence.EffectiveFrom, Evidence.Degree, ValidUntil: await CurrentValidUntilAsync(ct)), ct),
            ClientRecordKind.Disability => await corrections.CorrectDisabilityAsync(Id, RecordId, Version,
                new(Disability.CategoryCode, Disability.Description, !Disability.NotRecognised, Disability.CareRelevant), ct),
            _ => await corrections.CorrectEmploymentAsync(Id, RecordId, Version, new(Employment.KindCode, Employment.From, Employment.InstitutionId), ct),
        };
        if (outcome.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (outcome.Succeeded)
        {
            TempData["Message"] = $"{ClientRecordLabels.Noun(kind)} ist korrigiert; die bisherigen Angaben stehen unter „Korrekturen und Entfernungen“.";
            return Redirect($"/klienten/{Id}#{ClientRecordLabels.Anchor(kind)}");
        }

        // The input stays as typed; after a conflict the form carries the newer version, so saving again is deliberate.
        ModelState.Clear();
        ModelState.AddResult(outcome, FieldMap(kind));
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Version = Client.Version;
        return Page();
    }

    public static IReadOnlyDictionary<string, string> FieldMap(ClientRecordKind kind)
    {
        var prefix = kind switch
        {
            ClientRecordKind.DisabilityEvidence => nameof(Evidence),
            ClientRecordKind.Disability => nameof(Disability),
            _ => nameof(Employment),
        };
        string[] fields = ["kind", "noticeDate", "effectiveFrom", "degree", "categoryCode", "description", "kindCode", "from", "institutionId"];
        return fields.ToDictionary(f => f, f => $"{prefix}.{char.ToUpperInvariant(f[0])}{f[1..]}");
    }

    private async Task<DateOnly?> CurrentValidUntilAsync(CancellationToken ct)
        => await db.DisabilityEvidence.AsNoTracking().Where(e => e.Id == RecordId && e.ClientId == Id).Select(e => e.ValidUntil).FirstOrDefaultAsync(ct);

    private void Prefill()
    {
        switch (RecordKind)
        {
            case ClientRecordKind.DisabilityEvidence:
                var e = Client.Evidence.Single(x => x.Id == RecordId);
                Evidence = new() { Kind = e.Kind, NoticeDate = e.NoticeDate, EffectiveFrom = e.EffectiveFrom, Degree = e.Degree };
                break;
            case ClientRecordKind.Disability:
                var d = Client.Disabilities.Single(x => x.Id == RecordId);
                Disability = new() { CategoryCode = d.CategoryCode, Description = d.Description, NotRecognised = !d.Recognised, CareRelevant = d.CareRelevant };
                break;
            default:
                var s = Client.Employment.Single(x => x.Id == RecordId);
                Employment = new() { KindCode = s.KindCode, From = s.From, InstitutionId = s.InstitutionId };
                break;
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (ClientRecordLabels.Parse(Kind) is not { } kind || await clients.GetAsync(Id, ct) is not { } client || client.SnapshotOf(kind, RecordId) is not { } current)
        {
            return false;
        }

        RecordKind = kind;
        Client = client;
        ActiveCategories = await catalogues.ListAsync(CatalogueNames.DisabilityCategories, false, ct);
        ActiveEmploymentKinds = await catalogues.ListAsync(CatalogueNames.EmploymentKinds, false, ct);
        Employers = await db.Institutions.AsNoTracking().OrderBy(i => i.Name).Take(500).ToListAsync(ct);
        var labels = await ClientRecordLabels.LoadAsync(catalogues, db, [current], ct);
        Current = labels.Facts(kind, current);
        return true;
    }
}
