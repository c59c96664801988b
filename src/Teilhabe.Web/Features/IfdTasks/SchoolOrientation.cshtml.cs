using Microsoft.AspNetCore.Mvc;
using Teilhabe.Core.Directory;
using Teilhabe.Core.IfdTasks;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.IfdTasks;

/// <summary>IFD-01: school career orientation on request of the Bundesagentur für Arbeit, documented per young person.</summary>
internal sealed class SchoolOrientationModel(IfdTasksService tasks) : IfdTaskPageModel(tasks)
{
    public sealed class OrientationForm
    {
        public int? Version { get; set; }
        public DateOnly? RequestedOn { get; set; }
        public Guid? RequestingFunderId { get; set; }
        public Guid? SchoolId { get; set; }
        public string? SchoolYear { get; set; }
        public string? SchoolClass { get; set; }
        public string? Summary { get; set; }

        public SchoolOrientationDraft Draft() => new(RequestedOn, RequestingFunderId, SchoolId, SchoolYear, SchoolClass, Summary);
    }

    public sealed class ActivityForm
    {
        public string? Kind { get; set; }
        public DateOnly? Date { get; set; }
        public string? Result { get; set; }
    }

    [BindProperty]
    public OrientationForm Input { get; set; } = new();

    [BindProperty]
    public ActivityForm Activity { get; set; } = new();

    public SchoolOrientation? Orientation { get; private set; }
    public IReadOnlyList<Option> Agencies { get; private set; } = [];
    public IReadOnlyList<Option> Schools { get; private set; } = [];
    public string? AgencyName { get; private set; }
    public string? SchoolName { get; private set; }

    public static readonly IReadOnlyList<Option> Kinds =
        [.. OrientationActivityKinds.All.Select(k => new Option(OrientationActivityKinds.Code(k), OrientationActivityKinds.Label(k)))];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await GateAsync(ct) is { } denied)
        {
            return denied;
        }

        await LoadAsync(ct);
        if (Orientation is { } o)
        {
            Input = new()
            {
                Version = o.Version,
                RequestedOn = o.RequestedOn,
                RequestingFunderId = o.RequestingFunderId,
                SchoolId = o.SchoolId,
                SchoolYear = o.SchoolYear,
                SchoolClass = o.SchoolClass,
                Summary = o.Summary,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await GateAsync(ct) is { } denied)
        {
            return denied;
        }

        var outcome = await Tasks.SaveOrientationAsync(Case, Input.Version ?? 0, Input.Draft(), ct);
        var (saved, errors) = outcome;
        var conflict = outcome.Status == ResultStatus.Conflict;
        if (saved is not null)
        {
            return Done("Berufsorientierung gespeichert.", "berufsorientierung");
        }

        if (conflict)
        {
            ShowConflict();
        }
        else
        {
            ShowErrors(errors, "Input");
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostActivityAsync(CancellationToken ct)
    {
        if (await GateAsync(ct) is { } denied)
        {
            return denied;
        }

        var (saved, errors) = await Tasks.AddActivityAsync(Case, OrientationActivityKinds.Parse(Activity.Kind), Activity.Date, Activity.Result, ct);
        if (saved is not null)
        {
            return Done("Aktivität gespeichert.", "berufsorientierung");
        }

        ShowErrors(errors, "Activity");
        await LoadAsync(ct);
        if (Orientation is { } o)
        {
            Input = new() { Version = o.Version, RequestedOn = o.RequestedOn, RequestingFunderId = o.RequestingFunderId, SchoolId = o.SchoolId, SchoolYear = o.SchoolYear, SchoolClass = o.SchoolClass, Summary = o.Summary };
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Orientation = await Tasks.OrientationAsync(Case, ct);
        Agencies = Options((await Tasks.AgencyChoicesAsync(ct)).Select(f => (f.Id, f.Name)));
        Schools = Options((await Tasks.InstitutionChoicesAsync([InstitutionKind.School], ct)).Select(i => (i.Id, i.Name)));
        AgencyName = await Tasks.FunderNameAsync(Orientation?.RequestingFunderId, ct);
        SchoolName = (await Tasks.InstitutionAsync(Orientation?.SchoolId, ct))?.Name;
    }
}
