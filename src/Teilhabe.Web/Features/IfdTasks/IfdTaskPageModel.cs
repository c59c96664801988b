using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.IfdTasks;

/// <summary>
/// Common ground of the IFD-01 pages of a case: only the responsible caseworkers, their deputies and the IFD lead
/// (InA-Koordination does not see this case content, ACC-07); unknown or foreign cases answer 404.
/// </summary>
[Authorize(Roles = CaseForms.IfdRoles)]
internal abstract class IfdTaskPageModel(IfdTasksService tasks) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Case Case { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public FormErrors Errors => new(ModelState);

    protected IfdTasksService Tasks => tasks;

    /// <summary>Null when the caller may work on the case's IFD-01 records; otherwise the answer to return.</summary>
    protected async Task<IActionResult?> GateAsync(CancellationToken ct)
    {
        var found = await tasks.CaseAsync(Id, ct);
        switch (found.Status)
        {
            case ResultStatus.NotFound:
                return NotFound();
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                Case = found.Value!;
                return null;
        }
    }

    /// <summary>Shows every violation at its field (API field names mapped to the form's keys) and in the error summary.</summary>
    protected void ShowErrors(IEnumerable<RuleViolation> errors, string prefix)
    {
        ModelState.Clear();
        ModelState.AddViolations(errors.Select(e => e with { Field = e.Field is null ? null : $"{prefix}.{char.ToUpperInvariant(e.Field[0])}{e.Field[1..]}" }));
    }

    protected void ShowConflict()
    {
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, ResultMessages.Conflict);
    }

    protected RedirectResult Done(string message, string path)
    {
        Message = message;
        return Redirect($"/faelle/{Id}/{path}");
    }

    public static IReadOnlyList<Option> Options(IEnumerable<(Guid Id, string Name)> items) => [.. items.Select(i => new Option(i.Id.ToString(), i.Name))];
}
