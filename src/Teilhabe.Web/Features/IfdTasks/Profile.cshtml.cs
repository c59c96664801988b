using Microsoft.AspNetCore.Mvc;
using Teilhabe.Core.Directory;
using Teilhabe.Core.IfdTasks;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.IfdTasks;

/// <summary>IFD-01: the Fähigkeits-, Leistungs- und Interessenprofil of a case (draft, agreed, Fassungen, printable).</summary>
internal sealed class ProfileModel(IfdTasksService tasks) : IfdTaskPageModel(tasks)
{
    public sealed class ProfileForm
    {
        public int? Version { get; set; }
        public DateOnly? ProfileDate { get; set; }
        public string? Abilities { get; set; }
        public string? Resilience { get; set; }
        public string? WorkPace { get; set; }
        public string? Endurance { get; set; }
        public string? Performance { get; set; }
        public string? Interests { get; set; }
        public string? Limitations { get; set; }
        public string? Recommendation { get; set; }
        public bool ClientParticipated { get; set; }
        public bool FunderParticipated { get; set; }
        public string? FunderName { get; set; }
        public Guid? InstitutionId { get; set; }
        public string? InstitutionContact { get; set; }
        public DateOnly? AgreedOn { get; set; }

        public AbilityProfileDraft Draft() => new(ProfileDate, Abilities, Resilience, WorkPace, Endurance, Performance, Interests, Limitations, Recommendation,
            ClientParticipated, FunderParticipated, FunderName, InstitutionId, InstitutionContact);

        public static ProfileForm Of(AbilityProfile? p) => p is null ? new() : new()
        {
            Version = p.Version,
            ProfileDate = p.ProfileDate,
            Abilities = p.Abilities,
            Resilience = p.Resilience,
            WorkPace = p.WorkPace,
            Endurance = p.Endurance,
            Performance = p.Performance,
            Interests = p.Interests,
            Limitations = p.Limitations,
            Recommendation = p.Recommendation,
            ClientParticipated = p.ClientParticipated,
            FunderParticipated = p.FunderParticipated,
            FunderName = p.FunderName,
            InstitutionId = p.InstitutionId,
            InstitutionContact = p.InstitutionContact,
        };
    }

    private static readonly InstitutionKind[] SendingKinds = [InstitutionKind.School, InstitutionKind.ShelteredWorkshop, InstitutionKind.Other];

    [BindProperty]
    public ProfileForm Input { get; set; } = new();

    public AbilityProfile? Profile { get; private set; }
    public string? InstitutionName { get; private set; }
    public IReadOnlyList<Option> Institutions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await GateAsync(ct) is { } denied)
        {
            return denied;
        }

        await LoadAsync(ct);
        Input = ProfileForm.Of(Profile);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await GateAsync(ct) is { } denied)
        {
            return denied;
        }

        var outcome = await Tasks.SaveProfileAsync(Case, Input.Version ?? 0, Input.Draft(), Input.AgreedOn, ct);
        var (saved, errors) = outcome;
        var conflict = outcome.Status == ResultStatus.Conflict;
        if (saved is not null)
        {
            var status = saved.IsAgreed ? $"abgestimmt am {GermanFormat.Date(saved.AgreedOn)}" : "Entwurf";
            return Done($"Profil gespeichert (Fassung {saved.Edition}, {status}).", "profil");
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

    private async Task LoadAsync(CancellationToken ct)
    {
        Profile = await Tasks.ProfileAsync(Case, ct);
        InstitutionName = (await Tasks.InstitutionAsync(Profile?.InstitutionId, ct))?.Name;
        Institutions = Options((await Tasks.InstitutionChoicesAsync(SendingKinds, ct)).Select(i => (i.Id, i.Name)));
    }
}
