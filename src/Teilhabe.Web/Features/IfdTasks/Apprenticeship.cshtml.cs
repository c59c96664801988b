using Microsoft.AspNetCore.Mvc;
using Teilhabe.Core.Directory;
using Teilhabe.Core.IfdTasks;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.IfdTasks;

/// <summary>IFD-01: accompaniment of an in-company apprenticeship (linked to the EMP-01 timeline).</summary>
internal sealed class ApprenticeshipModel(IfdTasksService tasks) : IfdTaskPageModel(tasks)
{
    public sealed class ApprenticeshipForm
    {
        public Guid? ApprenticeshipId { get; set; }
        public int? Version { get; set; }
        public Guid? EmployerId { get; set; }
        public string? Occupation { get; set; }
        public string? Chamber { get; set; }
        public string? ChamberName { get; set; }
        public Guid? VocationalSchoolId { get; set; }
        public DateOnly? StartDate { get; set; }
        public DateOnly? PlannedEndDate { get; set; }
        public DateOnly? IntermediateExamOn { get; set; }
        public DateOnly? FinalExamOn { get; set; }
        public string? Status { get; set; }
        public DateOnly? EndedOn { get; set; }
        public string? AbortReason { get; set; }

        public ApprenticeshipDraft Draft() => new(EmployerId, Occupation, ApprenticeshipLabels.ParseChamber(Chamber), ChamberName, VocationalSchoolId, StartDate,
            PlannedEndDate, IntermediateExamOn, FinalExamOn, ApprenticeshipLabels.ParseStatus(Status), EndedOn, AbortReason);

        public static ApprenticeshipForm Of(Apprenticeship a) => new()
        {
            ApprenticeshipId = a.Id,
            Version = a.Version,
            EmployerId = a.EmployerId,
            Occupation = a.Occupation,
            Chamber = ApprenticeshipLabels.ChamberCode(a.Chamber),
            ChamberName = a.ChamberName,
            VocationalSchoolId = a.VocationalSchoolId,
            StartDate = a.StartDate,
            PlannedEndDate = a.PlannedEndDate,
            IntermediateExamOn = a.IntermediateExamOn,
            FinalExamOn = a.FinalExamOn,
            Status = ApprenticeshipLabels.StatusCode(a.Status),
            EndedOn = a.EndedOn,
            AbortReason = a.AbortReason,
        };
    }

    [BindProperty]
    public ApprenticeshipForm Input { get; set; } = new();

    public IReadOnlyList<Apprenticeship> Apprenticeships { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<Option> Employers { get; private set; } = [];
    public IReadOnlyList<Option> Schools { get; private set; } = [];

    public static readonly IReadOnlyList<Option> Chambers =
        [.. Enum.GetValues<Chamber>().Select(c => new Option(ApprenticeshipLabels.ChamberCode(c), ApprenticeshipLabels.Chamber(c)))];

    public static readonly IReadOnlyList<Option> Statuses =
        [.. Enum.GetValues<ApprenticeshipStatus>().Select(s => new Option(ApprenticeshipLabels.StatusCode(s), ApprenticeshipLabels.Status(s)))];

    public string Name(Guid? id) => id is { } g && Names.TryGetValue(g, out var n) ? n : "–";

    /// <summary>The apprenticeship being edited (query "bearbeiten"); the form adds a new one otherwise.</summary>
    [BindProperty(SupportsGet = true, Name = "bearbeiten")]
    public Guid? Editing { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await GateAsync(ct) is { } denied)
        {
            return denied;
        }

        await LoadAsync(ct);
        if (Editing is { } aid)
        {
            var edited = Apprenticeships.FirstOrDefault(a => a.Id == aid);
            if (edited is null)
            {
                return NotFound();
            }

            Input = ApprenticeshipForm.Of(edited);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await GateAsync(ct) is { } denied)
        {
            return denied;
        }

        var outcome = await Tasks.SaveApprenticeshipAsync(Case, Input.ApprenticeshipId, Input.Version, Input.Draft(), ct);
        var (saved, errors) = outcome;
        var conflict = outcome.Status == ResultStatus.Conflict;
        if (saved is not null)
        {
            return Done($"Ausbildung „{saved.Occupation}“ gespeichert ({ApprenticeshipLabels.Status(saved.Status)}).", "ausbildung");
        }

        if (conflict)
        {
            ShowConflict();
        }
        else if (errors.Count == 0)
        {
            return NotFound();
        }
        else
        {
            ShowErrors(errors, "Input");
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Apprenticeships = await Tasks.ApprenticeshipsAsync(Case, ct);
        var employers = await Tasks.InstitutionChoicesAsync([InstitutionKind.Employer, InstitutionKind.InclusionCompany, InstitutionKind.Other], ct);
        var schools = await Tasks.InstitutionChoicesAsync([InstitutionKind.School], ct);
        Employers = Options(employers.Select(i => (i.Id, i.Name)));
        Schools = Options(schools.Select(i => (i.Id, i.Name)));
        Names = await Tasks.InstitutionNamesAsync(Apprenticeships.SelectMany(a => new[] { a.EmployerId, a.VocationalSchoolId }), ct);
    }
}
