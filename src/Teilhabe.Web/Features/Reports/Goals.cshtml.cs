using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Reports;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Reports;

/// <summary>The goals of a case's Zielvereinbarung (REP-01) and their rating for the Endbericht (REP-05).</summary>
[Authorize(Roles = CaseForms.ListRoles)]
internal sealed class GoalsModel(ReportService reports, CaseAccess access) : PageModel
{
    public sealed class GoalForm
    {
        public Guid? GoalId { get; set; }
        public int? Version { get; set; }
        public string? Goal { get; set; }
        public string? SubGoals { get; set; }
        public string? Activities { get; set; }
        public DateOnly? DueDate { get; set; }
        public string? Resources { get; set; }
        public string? Responsible { get; set; }

        public GoalDraft Draft() => new(Goal, SubGoals, Activities, DueDate, Resources, Responsible);
    }

    public sealed class RatingForm
    {
        public Guid? GoalId { get; set; }
        public string? Rating { get; set; }
        public string? Explanation { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public GoalForm Input { get; set; } = new();

    [BindProperty]
    public RatingForm Rating { get; set; } = new();

    public Case Case { get; private set; } = null!;
    public IReadOnlyList<CaseGoal> Goals { get; private set; } = [];
    public IReadOnlyList<(Case Case, CaseGoal Goal)> PreviousRatings { get; private set; } = [];
    public bool CanEdit { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public FormErrors Errors => new(ModelState);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (await EditableAsync(ct) is { } refusal)
        {
            return refusal;
        }

        var (goal, errors) = await reports.AddGoalAsync(Case, Input.Draft(), ct);
        return goal is null ? await RefusedAsync(errors, "Input", ct) : Done($"Ziel „{goal.Goal}“ gespeichert.");
    }

    public async Task<IActionResult> OnPostEditAsync(CancellationToken ct)
    {
        if (await EditableAsync(ct) is { } refusal)
        {
            return refusal;
        }

        var goal = (await reports.GoalsAsync(Id, ct, tracked: true)).FirstOrDefault(g => g.Id == Input.GoalId);
        if (goal is null)
        {
            return NotFound();
        }

        var outcome = await reports.UpdateGoalAsync(goal, Input.Version, Input.Draft(), ct);
        var (updated, errors) = outcome;
        var conflict = outcome.Status == ResultStatus.Conflict;
        if (conflict)
        {
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, "Das Ziel wurde inzwischen von jemand anderem geändert. Bitte die Seite neu laden und die Änderung erneut eintragen.");
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        return updated is null ? await RefusedAsync(errors, "Input", ct) : Done($"Ziel „{updated.Goal}“ geändert.");
    }

    public async Task<IActionResult> OnPostRateAsync(CancellationToken ct)
    {
        if (await EditableAsync(ct) is { } refusal)
        {
            return refusal;
        }

        var goal = (await reports.GoalsAsync(Id, ct, tracked: true)).FirstOrDefault(g => g.Id == Rating.GoalId);
        if (goal is null)
        {
            return NotFound();
        }

        var errors = await reports.RateGoalAsync(goal, GoalRatings.Parse(Rating.Rating), Rating.Explanation, ct);
        return errors.Count > 0 ? await RefusedAsync(errors, "Rating", ct) : Done($"Ziel „{goal.Goal}“ bewertet.");
    }

    private async Task<IActionResult?> EditableAsync(CancellationToken ct)
    {
        var @case = await reports.FindCaseAsync(Id, ct);
        if (@case is null)
        {
            return NotFound();
        }

        Case = @case;
        return access.CanEdit(@case) ? null : Forbid();
    }

    private async Task<IActionResult> RefusedAsync(IReadOnlyList<RuleViolation> errors, string prefix, CancellationToken ct)
    {
        ModelState.Clear();
        ModelState.AddViolations(errors.Select(e => e with { Field = e.Field is null ? null : $"{prefix}.{char.ToUpperInvariant(e.Field[0])}{e.Field[1..]}" }));
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private RedirectResult Done(string message)
    {
        Message = message;
        return Redirect($"/faelle/{Id}/ziele");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var @case = await reports.FindCaseAsync(Id, ct);
        if (@case is null)
        {
            return false;
        }

        Case = @case;
        CanEdit = access.CanEdit(@case);
        Goals = await reports.ReadGoalsAsync(@case, ct);
        PreviousRatings = await reports.PreviousRatingsAsync(@case, ct);
        return true;
    }
}
