using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Catalogues;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Data;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Catalogues;
using Teilhabe.Web.Features.Directory;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Clients;

internal sealed class DetailsModel(ClientService clients, ClientCorrectionService corrections, CatalogueService catalogues, TeilhabeDbContext db, CaseService cases, DirectoryService directory) : PageModel
{
    public sealed class EvidenceInput
    {
        public EvidenceKind? Kind { get; set; }
        public DateOnly? NoticeDate { get; set; }
        public DateOnly? EffectiveFrom { get; set; }
        public int? Degree { get; set; }
    }

    public sealed class DisabilityInput
    {
        public string? CategoryCode { get; set; }
        public string? Description { get; set; }
        public bool NotRecognised { get; set; }
        public bool CareRelevant { get; set; }
    }

    public sealed class EmploymentInput
    {
        public string? KindCode { get; set; }
        public DateOnly? From { get; set; }
        public Guid? InstitutionId { get; set; }
    }

    [BindProperty]
    public EvidenceInput Evidence { get; set; } = new();

    [BindProperty]
    public DisabilityInput NewDisability { get; set; } = new();

    [BindProperty]
    public EmploymentInput Employment { get; set; } = new();

    [BindProperty]
    public NewCaseForm NewCase { get; set; } = new();

    public Client Client { get; private set; } = null!;
    public Dictionary<string, string> Categories { get; private set; } = [];
    public Dictionary<string, string> EmploymentKinds { get; private set; } = [];
    public Dictionary<string, string> Positions { get; private set; } = [];
    public List<CatalogueEntry> ActiveCategories { get; private set; } = [];
    public List<CatalogueEntry> ActiveEmploymentKinds { get; private set; } = [];
    public List<Institution> Employers { get; private set; } = [];
    public Dictionary<Guid, string> InstitutionNames { get; private set; } = [];
    public string? Message { get; private set; }
    public ClientCases Cases { get; private set; } = null!;

    /// <summary>CL-03: corrections and removals of the client's records, newest first, with the labels of their values.</summary>
    public List<ClientCorrectionService.ChangeRow> Changes { get; private set; } = [];

    public ClientRecordLabels ChangeLabels { get; private set; } = null!;
    public bool CanEdit => ClientService.EditorRoles.Any(User.IsInRole);
    public bool SeesContactData => clients.SeesContactData;
    public DateOnly Today => clients.Today;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
        => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEvidenceAsync(Guid id, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var outcome = await clients.AddEvidenceAsync(id, Evidence.Kind, Evidence.NoticeDate, Evidence.EffectiveFrom, Evidence.Degree, null, ct);
        return await AfterAsync(id, outcome.Status, outcome.Violations, "Evidence", "Der Bescheid ist erfasst.", ct);
    }

    public async Task<IActionResult> OnPostDisabilityAsync(Guid id, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var outcome = await clients.AddDisabilityAsync(id, NewDisability.CategoryCode, NewDisability.Description, !NewDisability.NotRecognised, NewDisability.CareRelevant, ct);
        return await AfterAsync(id, outcome.Status, outcome.Violations, "NewDisability", "Die Behinderung ist erfasst.", ct);
    }

    public async Task<IActionResult> OnPostCareRelevantAsync(Guid id, Guid disabilityId, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var outcome = await clients.MarkCareRelevantAsync(id, disabilityId, ct);
        return await AfterAsync(id, outcome.Status, outcome.Violations, string.Empty, "Die betreuungsrelevante Behinderung ist geändert.", ct);
    }

    public async Task<IActionResult> OnPostEmploymentAsync(Guid id, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var outcome = await clients.AddEmploymentAsync(id, Employment.KindCode, Employment.From, Employment.InstitutionId, ct);
        return await AfterAsync(id, outcome.Status, outcome.Violations, "Employment", "Die Beschäftigungssituation ist erfasst.", ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, Guid situationId, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var outcome = await clients.ConfirmEmploymentAsync(id, situationId, ct);
        return await AfterAsync(id, outcome.Status, outcome.Violations, string.Empty, "Die Beschäftigungssituation ist als „eingetroffen“ bestätigt.", ct);
    }

    /// <summary>Opens a case for this client (CaseService.CreateAsync) and goes to it.</summary>
    public async Task<IActionResult> OnPostCaseAsync(Guid id, CancellationToken ct)
    {
        if (!CaseForms.IsIfdUser(User))
        {
            return Forbid();
        }

        var (created, errors) = await cases.CreateAsync(NewCase.Input(id), ct);
        if (created is not null)
        {
            TempData[Features.Cases.DetailsModel.MessageKey] = $"Der Auftrag {created.CaseNumber} ist angelegt ({Core.Cases.PhaseLabels.German(created.Phase)}).";
            return Redirect($"/faelle/{created.Id}");
        }

        ModelState.Clear();
        ModelState.AddViolations(errors.At("NewCase"));
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> AfterAsync(Guid id, ResultStatus failure, IReadOnlyList<Core.Rules.RuleViolation> errors, string prefix, string success, CancellationToken ct)
    {
        if (failure == ResultStatus.NotFound)
        {
            return NotFound();
        }

        ModelState.Clear();
        if (failure == ResultStatus.Invalid)
        {
            ModelState.AddViolations(errors.Select(e => e with { Field = e.Field is null || prefix.Length == 0 ? e.Field : $"{prefix}.{char.ToUpperInvariant(e.Field[0])}{e.Field[1..]}" }));
        }
        else
        {
            // Post/Redirect/Get: a reload does not submit twice.
            TempData["Message"] = success;
            return Redirect($"/klienten/{id}");
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var client = await clients.GetAsync(id, ct);
        if (client is null)
        {
            return false;
        }

        Client = client;
        Message = TempData["Message"] as string;
        Categories = await catalogues.LabelsAsync(CatalogueNames.DisabilityCategories, ct);
        EmploymentKinds = await catalogues.LabelsAsync(CatalogueNames.EmploymentKinds, ct);
        Positions = await catalogues.LabelsAsync(CatalogueNames.WorkingLifePositions, ct);
        ActiveCategories = await catalogues.ListAsync(CatalogueNames.DisabilityCategories, false, ct);
        ActiveEmploymentKinds = await catalogues.ListAsync(CatalogueNames.EmploymentKinds, false, ct);
        Employers = await db.Institutions.AsNoTracking().OrderBy(i => i.Name).Take(500).ToListAsync(ct);
        var ids = client.Employment.Where(e => e.InstitutionId != null).Select(e => e.InstitutionId!.Value).ToList();
        InstitutionNames = await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        Changes = await corrections.ChangesAsync(id, ct);
        ChangeLabels = await ClientRecordLabels.LoadAsync(catalogues, db, Changes.Select(c => c.Change.EarlierValues), ct);
        Cases = await ClientCases.LoadAsync(id, NewCase, CaseForms.IsIfdUser(User), ModelState, cases, catalogues, directory, db, ct);
        return true;
    }
}
