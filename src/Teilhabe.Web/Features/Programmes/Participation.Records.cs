using Microsoft.AspNetCore.Mvc;
using Teilhabe.Core.Rules;

namespace Teilhabe.Web.Features.Programmes;

/// <summary>PRG-LO-04 reflection talks, PRG-LO-05 module goals, PRG-LO-06 ICF items and final report on the participation page.</summary>
internal sealed partial class ParticipationModel
{
    [BindProperty]
    public DateOnly? ReflectionOn { get; set; }

    [BindProperty]
    public int? SelfRating { get; set; }

    [BindProperty]
    public string? Criticism { get; set; }

    [BindProperty]
    public string? ReflectionNotes { get; set; }

    [BindProperty]
    public string? GoalModuleCode { get; set; }

    [BindProperty]
    public string? Goal { get; set; }

    [BindProperty]
    public string? Achievement { get; set; }

    [BindProperty]
    public string? GoalNote { get; set; }

    [BindProperty]
    public string? IcfComponent { get; set; }

    [BindProperty]
    public string? IcfCode { get; set; }

    [BindProperty]
    public string? IcfDescription { get; set; }

    [BindProperty]
    public int? IcfQualifier { get; set; }

    public async Task<IActionResult> OnPostReflectionAsync(Guid id, CancellationToken ct)
        => await AfterAsync(id, await programmes.AddReflectionAsync(id, ReflectionOn, SelfRating, Criticism, ReflectionNotes, ct), "Das Reflexionsgespräch ist eingetragen.", ct,
            new Dictionary<string, string> { ["on"] = nameof(ReflectionOn), ["selfRating"] = nameof(SelfRating), ["criticism"] = nameof(Criticism), ["notes"] = nameof(ReflectionNotes) });

    public async Task<IActionResult> OnPostModuleGoalAsync(Guid id, CancellationToken ct)
        => await AfterAsync(id, await programmes.AddModuleGoalAsync(id, GoalModuleCode, Goal, Achievement, GoalNote, ct), "Das Modulziel ist eingetragen.", ct,
            new Dictionary<string, string> { ["moduleCode"] = nameof(GoalModuleCode), ["goal"] = nameof(Goal), ["achievement"] = nameof(Achievement), ["note"] = nameof(GoalNote) });

    public async Task<IActionResult> OnPostIcfItemAsync(Guid id, CancellationToken ct)
        => await AfterAsync(id, await programmes.AddIcfItemAsync(id, IcfComponent, IcfCode, IcfDescription, IcfQualifier, ct), "Das ICF-Item ist eingetragen.", ct,
            new Dictionary<string, string> { ["component"] = nameof(IcfComponent), ["code"] = nameof(IcfCode), ["description"] = nameof(IcfDescription), ["qualifier"] = nameof(IcfQualifier) });

    public async Task<IActionResult> OnGetFinalReportAsync(Guid id, CancellationToken ct)
    {
        var result = await programmes.FinalReportAsync(id, ct);
        return result.Status == ResultStatus.Ok ? File(result.Value!, "application/pdf", "abschlussbericht-icf.pdf") : NotFound();
    }
}
