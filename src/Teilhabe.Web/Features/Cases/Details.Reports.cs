using Microsoft.AspNetCore.Mvc;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Reports;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Reports;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Cases;

/// <summary>The "Berichte" panel of the case page: versions (REP-03), requests (REP-04), plausibility list (REP-07, REP-01), previous ratings (REP-05).</summary>
internal sealed partial class DetailsModel
{
    [BindProperty]
    public ReportForm Report { get; set; } = new();

    public sealed class ReportForm
    {
        public string? Kind { get; set; }
    }

    [BindProperty]
    public ReportRequestForm ReportRequest { get; set; } = new();

    /// <summary>REP-04: who asks for the Sachstandsbericht (a Reha-Träger, entered by the caseworker) and by when.</summary>
    public sealed class ReportRequestForm
    {
        public string? RequestedBy { get; set; }
        public DateOnly? DueDate { get; set; }
    }

    public sealed record ReportsPanel(
        IReadOnlyList<ReportVersion> Versions,
        IReadOnlyList<ReportRequest> Requests,
        IReadOnlyList<CaseGoal> Goals,
        IReadOnlyList<(Case Case, CaseGoal Goal)> PreviousRatings,
        DateOnly? NextInterimReportDue,
        IReadOnlyList<RuleViolation> Corrections,
        IReadOnlyDictionary<ReportKind, IReadOnlyList<RuleViolation>> Missing);

    private ReportService Reports => HttpContext.RequestServices.GetRequiredService<ReportService>();

    /// <summary>Loaded by the partial itself, so the page's own loading stays as it is.</summary>
    public async Task<ReportsPanel> LoadReportsPanelAsync()
    {
        var ct = HttpContext.RequestAborted;
        var reports = Reports;
        var (corrections, missing) = CanEdit ? await reports.PlausibilityAsync(Case, ct) : ([], new Dictionary<ReportKind, IReadOnlyList<RuleViolation>>());
        var versions = await reports.VersionsAsync(Case.Id, ct);
        await LoadUserNamesAsync(versions.Select(v => v.CreatedBy).OfType<string>().ToHashSet(), ct);

        return new ReportsPanel(
            versions,
            await reports.RequestsAsync(Case.Id, ct),
            await reports.GoalsAsync(Case.Id, ct),
            await reports.PreviousRatingsAsync(Case, ct),
            await reports.NextInterimReportDueAsync(Case, ct),
            corrections,
            missing);
    }

    /// <summary>REP-03: generates a new version; REP-01 / REP-05 refusals are listed with their rule IDs.</summary>
    public async Task<IActionResult> OnPostReportAsync(CancellationToken ct)
    {
        var reports = Reports;
        var @case = await reports.FindCaseAsync(Id, ct);
        if (@case is null)
        {
            return NotFound();
        }

        if (!access.CanEdit(@case))
        {
            return Forbid();
        }

        ModelState.Clear();
        if (ReportsApi.ParseKind(Report.Kind) is not { } kind)
        {
            ModelState.AddModelError("Report_Kind", "Bitte die Art des Berichts wählen.");
            return await PageAsync(ct);
        }

        var (version, violations) = await reports.GenerateAsync(@case, kind, ct);
        if (version is null)
        {
            ModelState.AddViolations(violations.Select(v => v with { Field = "bericht-" + kind }));
            return await PageAsync(ct);
        }

        return Done($"{ReportKinds.Title(kind)} erstellt (Version {version.Number}).", []);
    }

    /// <summary>
    /// REP-04: InA-Koordination requests a Sachstandsbericht for a case it can see (recorded in its name), or the
    /// caseworker records the request of a Reha-Träger; both land on the caseworker's deadline list.
    /// </summary>
    public async Task<IActionResult> OnPostReportRequestAsync(CancellationToken ct)
    {
        var reports = Reports;
        var @case = await reports.FindCaseAsync(Id, ct);
        if (@case is null)
        {
            return NotFound();
        }

        if (!access.CanEdit(@case) && !access.IsCoordinator)
        {
            return Forbid();
        }

        var requestedBy = access.IsCoordinator
            ? $"InA-Koordination ({User.FindFirst("name")?.Value ?? User.Identity?.Name})"
            : ReportRequest.RequestedBy;
        var (request, errors) = await reports.AddRequestAsync(@case, ReportKind.Progress, requestedBy, ReportRequest.DueDate, ct);
        if (request is null)
        {
            ModelState.Clear();
            ModelState.AddViolations(errors.At("ReportRequest"));
            return await PageAsync(ct);
        }

        return Done(access.IsCoordinator
            ? $"Der Sachstandsbericht ist bis {request.DueDate:dd.MM.yyyy} angefordert; er steht auf der Fristenliste der Fachkraft."
            : $"Die Anforderung von {request.RequestedBy} bis {request.DueDate:dd.MM.yyyy} ist erfasst und steht auf der Fristenliste.", []);
    }

    /// <summary>REP-03: re-download of a stored version (audited); 404 when it is not of this case or not visible.</summary>
    public async Task<IActionResult> OnGetReportAsync(Guid reportId, CancellationToken ct)
    {
        var opened = await Reports.OpenAsync(reportId, ct);
        return opened is { } o && o.Case.Id == Id
            ? File(o.Content, "application/pdf", ReportService.FileName(o.Version, o.Case))
            : NotFound();
    }
}
