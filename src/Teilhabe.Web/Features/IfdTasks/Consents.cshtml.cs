using Microsoft.AspNetCore.Mvc;
using Teilhabe.Core.IfdTasks;
using Teilhabe.Core.Rules;
using Teilhabe.Core.Time;

namespace Teilhabe.Web.Features.IfdTasks;

/// <summary>IFD-01: the client's consent to inform colleagues (given, form, scope, revoked).</summary>
internal sealed class ConsentsModel(IfdTasksService tasks, TimeProvider clock) : IfdTaskPageModel(tasks)
{
    public sealed class ConsentForm
    {
        public DateOnly? GivenOn { get; set; }
        public string? Form { get; set; }
        public string? Colleagues { get; set; }
        public string? Information { get; set; }
    }

    public sealed class RevokeForm
    {
        public Guid? ConsentId { get; set; }
        public DateOnly? RevokedOn { get; set; }
    }

    [BindProperty]
    public ConsentForm Input { get; set; } = new();

    [BindProperty]
    public RevokeForm Revocation { get; set; } = new();

    public IReadOnlyList<ColleagueConsent> Consents { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await GateAsync(ct) is { } denied)
        {
            return denied;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (await GateAsync(ct) is { } denied)
        {
            return denied;
        }

        var draft = new ConsentDraft(Input.GivenOn, Core.IfdTasks.ConsentForms.Parse(Input.Form), Input.Colleagues, Input.Information);
        var (consent, errors) = await Tasks.RecordConsentAsync(Case, draft, ct);
        if (consent is not null)
        {
            return Done($"Einwilligung vom {consent.GivenOn:dd.MM.yyyy} gespeichert.", "einwilligungen-kollegen");
        }

        ShowErrors(errors, "Input");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        if (await GateAsync(ct) is { } denied)
        {
            return denied;
        }

        var consentId = Revocation.ConsentId ?? Guid.Empty;
        var revoked = await Tasks.RevokeConsentAsync(Case, consentId, Revocation.RevokedOn, ct);
        if (revoked.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (revoked.Value is { } consent)
        {
            return Done($"Widerruf vom {consent.RevokedOn:dd.MM.yyyy} gespeichert. Ab diesem Tag dürfen die Kolleginnen und Kollegen nicht mehr informiert werden.", "einwilligungen-kollegen");
        }

        ShowErrors(revoked.Violations.Select(x => x with { Field = x.Field is null ? null : x.Field + "-" + consentId.ToString("N") }), "Revocation");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = clock.Today();
        Consents = await Tasks.ConsentsAsync(Case, ct);
    }
}
