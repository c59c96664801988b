using Microsoft.AspNetCore.Mvc;

namespace Teilhabe.Web.Features.Programmes;

/// <summary>PRG-TR-03 eligibility check and PRG-TR-06 Förder- und Integrationsplan on the participation page.</summary>
internal sealed partial class ParticipationModel
{
    [BindProperty]
    public bool SeekingWork { get; set; }

    [BindProperty]
    public bool SeverelyDisabled { get; set; }

    [BindProperty]
    public string? AdditionalBarriers { get; set; }

    [BindProperty]
    public string? PlanChallenge { get; set; }

    [BindProperty]
    public string? PlanGoal { get; set; }

    [BindProperty]
    public string? PlanSteps { get; set; }

    [BindProperty]
    public DateOnly? PlanReviewOn { get; set; }

    public async Task<IActionResult> OnPostEligibilityAsync(Guid id, CancellationToken ct)
        => await AfterAsync(id, await programmes.RecordEligibilityAsync(id, SeekingWork, SeverelyDisabled, AdditionalBarriers, ct), "Die Prüfung der Zugangsvoraussetzungen ist eingetragen.", ct,
            new Dictionary<string, string> { ["additionalBarriers"] = nameof(AdditionalBarriers) });

    public async Task<IActionResult> OnPostPlanEntryAsync(Guid id, CancellationToken ct)
        => await AfterAsync(id, await programmes.AddPlanEntryAsync(id, PlanChallenge, PlanGoal, PlanSteps, PlanReviewOn, ct), "Der Eintrag im Förder- und Integrationsplan ist gespeichert.", ct,
            new Dictionary<string, string> { ["goal"] = nameof(PlanGoal) });
}
