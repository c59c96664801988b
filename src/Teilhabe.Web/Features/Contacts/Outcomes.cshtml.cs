using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Catalogues;
using Teilhabe.Core.Contacts;
using Teilhabe.Core.Data;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Rules;
using Teilhabe.Core.Time;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Catalogues;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Contacts;

/// <summary>
/// The LEK of a case: create from the catalogue (LEK funder per FU-05 as the API), declare invalid with a reason
/// (LEK-01), remove a start date where LEK-04 allows it. Every action goes through ContactService.
/// </summary>
[Authorize(Roles = CaseForms.ListRoles)]
internal sealed class OutcomesModel(CaseService cases, CaseAccess access, ContactService contacts, CatalogueService catalogues, TeilhabeDbContext db, TimeProvider clock, StateProfile profile) : PageModel
{
    private const string MessageKey = "OutcomeMessage";

    public sealed record Row(Outcome Outcome, string Label, string Funder, string? InvalidatedBy, string? StartDateBlocked);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? OutcomeCode { get; set; }

    [BindProperty]
    public string? ServiceFunderId { get; set; }

    [BindProperty]
    public Guid OutcomeId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Case Case { get; private set; } = null!;
    public string ClientName { get; private set; } = "–";
    public bool CanEdit { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<CatalogueEntry> Catalogue { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Funders { get; private set; } = [];
    public string? Message { get; private set; }
    public Guid? FailedOutcomeId { get; private set; }
    public FormErrors Errors => new(ModelState);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var @case = await cases.GetAsync(Id, ct);
        if (@case is null)
        {
            return NotFound();
        }

        await LoadAsync(@case, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var (@case, refusal) = await EditableAsync(ct);
        if (refusal is not null)
        {
            return refusal;
        }

        ModelState.Clear();
        Guid? funder = Guid.TryParse(ServiceFunderId, out var f) ? f : null;
        var (outcome, errors) = await contacts.CreateOutcomeAsync(@case, OutcomeCode, funder, ct);
        return outcome is null ? await RefusedAsync(@case, errors, ct) : Done("Die LEK ist angelegt. Der erste verknüpfte Kontakt setzt ihr Startdatum (LEK-02).");
    }

    /// <summary>LEK-01: never deleted, only declared invalid with a reason.</summary>
    public async Task<IActionResult> OnPostInvalidateAsync(CancellationToken ct)
    {
        var (found, refusal) = await OutcomeAsync(ct);
        if (refusal is not null)
        {
            return refusal;
        }

        ModelState.Clear();
        var errors = await contacts.InvalidateAsync(found!.Value.Outcome, Reason, ct);
        FailedOutcomeId = OutcomeId;
        return errors.Count > 0 ? await RefusedAsync(found.Value.Case, errors.Select(e => e with { Field = e.Field is null ? null : "reason-" + OutcomeId }).ToList(), ct) : Done("Die LEK ist für ungültig erklärt; sie bleibt sichtbar und zählt nicht mehr in der Statistik (LEK-01).");
    }

    /// <summary>LEK-04.</summary>
    public async Task<IActionResult> OnPostRemoveStartDateAsync(CancellationToken ct)
    {
        var (found, refusal) = await OutcomeAsync(ct);
        if (refusal is not null)
        {
            return refusal;
        }

        ModelState.Clear();
        var errors = await contacts.RemoveStartDateAsync(found!.Value.Outcome, ct);
        return errors.Count > 0 ? await RefusedAsync(found.Value.Case, errors.Select(e => e with { Field = null }).ToList(), ct) : Done("Das Startdatum ist entfernt; die LEK steht in der Liste „LEK ohne Startdatum“ (LEK-03, LEK-04).");
    }

    private async Task<((Outcome Outcome, Case Case)? Found, IActionResult? Refusal)> OutcomeAsync(CancellationToken ct)
    {
        var (_, refusal) = await EditableAsync(ct);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        var found = await contacts.FindOutcomeAsync(OutcomeId, ct);
        return found is null || found.Value.Case.Id != Id ? (null, NotFound()) : (found, null);
    }

    private async Task<(Case Case, IActionResult? Refusal)> EditableAsync(CancellationToken ct)
    {
        var @case = await cases.GetAsync(Id, ct);
        if (@case is null)
        {
            return (null!, NotFound());
        }

        return access.CanEdit(@case) ? (@case, null) : (@case, Forbid());
    }

    private async Task<IActionResult> RefusedAsync(Case @case, IReadOnlyList<RuleViolation> errors, CancellationToken ct)
    {
        ModelState.AddViolations(errors, new Dictionary<string, string> { ["outcomeCode"] = "OutcomeCode", ["serviceFunderId"] = "ServiceFunderId" });
        await LoadAsync(@case, ct);
        return Page();
    }

    private RedirectResult Done(string message)
    {
        TempData[MessageKey] = message;
        return Redirect($"/faelle/{Id}/lek");
    }

    private async Task LoadAsync(Case @case, CancellationToken ct)
    {
        Case = @case;
        CanEdit = access.CanEdit(@case);
        Message = TempData[MessageKey] as string;
        ClientName = await db.Clients.AsNoTracking().Where(c => c.Id == @case.ClientId)
            .Select(c => c.LastName + ", " + c.FirstName).FirstOrDefaultAsync(ct) ?? "–";
        Catalogue = await catalogues.ListAsync(CatalogueNames.Outcomes, false, ct);
        var labels = await catalogues.LabelsAsync(CatalogueNames.Outcomes, ct);
        var outcomes = await contacts.ListOutcomesAsync(@case, ct);
        var funders = await db.Funders.AsNoTracking().Include(f => f.Releases).OrderBy(f => f.Name).ToListAsync(ct);
        var funderNames = funders.ToDictionary(f => f.Id, f => f.Name);
        Funders = [.. funders.Where(f => f.IsReleasedFor(@case.ServiceId)).Select(f => (f.Id, f.Name))];
        var userIds = outcomes.Where(o => o.InvalidatedBy != null).Select(o => o.InvalidatedBy!).ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Rows = [.. outcomes.Select(o => new Row(o, labels.Or(o.OutcomeCode),
            o.ServiceFunderId is { } fid ? funderNames.GetValueOrDefault(fid, "–") : "–",
            o.InvalidatedBy is null ? null : users.GetValueOrDefault(o.InvalidatedBy, "–"),
            StartDateBlocked(o)))];
    }

    /// <summary>LEK-04 asked without changing anything: why the start date cannot be removed, or null when it can.</summary>
    private string? StartDateBlocked(Outcome o)
    {
        if (o.StartDate is null)
        {
            return null;
        }

        var reasons = o.CheckStartDateRemoval(clock.Today(), profile);
        return reasons.Count == 0 ? null : string.Join(" ", reasons.Select(r => r.Message)) + " (LEK-04)";
    }
}
