using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Reports;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Cases;

namespace Teilhabe.Web.Features.Reports;

/// <summary>The report as accessible HTML before it is generated (REP-07 corrections and REP-01 findings first).</summary>
[Authorize(Roles = CaseForms.ListRoles)]
internal sealed class PreviewModel(ReportService reports, CaseAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public ReportKind ReportKind { get; private set; }
    public ReportDocument Document { get; private set; } = null!;
    public IReadOnlyList<RuleViolation> Violations { get; private set; } = [];
    public IReadOnlyList<RuleViolation> Corrections { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var @case = await reports.FindCaseAsync(Id, ct);
        if (@case is null)
        {
            return NotFound();
        }

        if (ReportsApi.ParseKind(Kind) is not { } kind)
        {
            return BadRequest();
        }

        ReportKind = kind;
        CanEdit = access.CanEdit(@case);
        var check = await reports.CheckAsync(@case, kind, ct);
        Violations = [.. check.Violations.Where(v => v.Rule != RuleIds.Roles)];
        Corrections = check.Corrections;
        Document = await reports.PreviewAsync(@case, kind, ct);
        return Page();
    }
}
