using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Directory;
using Teilhabe.Web.Features.Commissions;
using Teilhabe.Web.Features.Documents;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Cases;

/// <summary>The kinds of commission on the case page: status, objection, extensions, Inklusionsbetrieb, UB preset, successful placement.</summary>
internal sealed partial class DetailsModel
{
    public sealed class ExtensionForm
    {
        public string? ProgressReport { get; set; }
        public DateOnly? RequestedEndDate { get; set; }
    }

    public sealed class InclusionForm
    {
        public string? Need { get; set; }
    }

    public sealed class PlacementForm
    {
        public DateOnly? JobStart { get; set; }
        public string? EmploymentKindCode { get; set; } = "employed";

        /// <summary>BA-ST-01: the outcome the Vermittlung closes with (empty: derived from the employment).</summary>
        public string? OutcomeCategoryCode { get; set; }
        public Guid? InstitutionId { get; set; }
        public string? LegalBasisCode { get; set; }
        public DateOnly? DataProtectionNoticeSignedOn { get; set; }
        public string? DataProtectionNoticeVersion { get; set; } = "2026-01";
        public IFormFile? DataProtectionNotice { get; set; }
        public IFormFile? GoalAgreement { get; set; }
        public IFormFile? WrittenCommission { get; set; }
    }

    public sealed record CommissionView(
        string? Status,
        bool InaRetention,
        bool Extendable,
        DateOnly? ObjectionDeadline,
        string? ObjectedByName,
        IReadOnlyList<ExtensionRequest> Extensions,
        IReadOnlyList<InclusionCompanyApplication> Applications,
        bool Conflict,
        IReadOnlyList<Option> Employers);

    [BindProperty]
    public ExtensionForm Extension { get; set; } = new();

    [BindProperty]
    public InclusionForm Inclusion { get; set; } = new();

    [BindProperty]
    public PlacementForm Placement { get; set; } = new();

    private CommissionService Commissions => HttpContext.RequestServices.GetRequiredService<CommissionService>();

    /// <summary>BA-UB-02: a Reha-Träger's UB case takes the funder's period as planned end (entered on the case form).</summary>
    public async Task<bool> TakesFundersPeriodAsync(CancellationToken ct = default)
        => CommissionKinds.IsSupportedEmployment(Case.LegalBasisCode) && Case.FunderId is not null
            && await Commissions.FunderKindAsync(Case, ct) is { } kind && kind != FunderKind.IntegrationOffice;

    /// <summary>BA-ST-01: the guided successful placement is offered for a Vermittlung in P3 to those who document on it.</summary>
    public bool ShowsPlacement => CanEdit && Case.Phase == Phase.P3 && Case.CareTypeCode == CareTypes.Placement;

    public async Task<CommissionView> CommissionViewAsync(CancellationToken ct = default)
    {
        var service = Commissions;
        var kind = await service.FunderKindAsync(Case, ct);
        var inaRetention = CommissionKinds.IsInaRetention(Case, kind);
        var by = Case.ObjectedBy is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == Case.ObjectedBy).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        // The employers are the choices of the successful-placement form only; other cases do not read them.
        var employers = ShowsPlacement
            ? await db.Institutions.AsNoTracking().Where(i => i.Kind == InstitutionKind.Employer || i.Kind == InstitutionKind.InclusionCompany)
                .OrderBy(i => i.Name).Take(500).Select(i => new { i.Id, i.Name }).ToListAsync(ct)
            : [];
        return new CommissionView(
            CommissionKinds.StatusOf(Case, inaRetention, Today, service.Profile),
            inaRetention,
            kind == FunderKind.IntegrationOffice && (inaRetention || CommissionKinds.IsSupportedEmployment(Case.LegalBasisCode)) && Case.Phase == Phase.P3,
            Case.CommissionStart is { } start && inaRetention ? CommissionKinds.ObjectionDeadline(start, service.Profile) : null,
            by ?? Case.ObjectedBy,
            await service.ExtensionsAsync(Case.Id, ct),
            await service.ApplicationsAsync(Case.Id, ct),
            await service.ConflictOfInterestAsync(Case, ct),
            // The GUID is formatted here, not in SQL (SQLite would give it in capitals and the chosen option would not match).
            [.. employers.Select(i => new Option(i.Id.ToString(), i.Name))]);
    }

    /// <summary>BA-EXT-01.</summary>
    public async Task<IActionResult> OnPostExtensionRequestAsync(CancellationToken ct)
    {
        var (@case, refusal) = await EditableAsync(tracked: false, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        ModelState.Clear();
        var (request, errors) = await Commissions.RequestExtensionAsync(@case, Extension.ProgressReport, Extension.RequestedEndDate, ct);
        if (request is null)
        {
            ModelState.AddViolations(Merged(errors).At("Extension"));
            return await PageAsync(ct);
        }

        return Done("Der Verlängerungsantrag liegt der InA-Koordination vor (BA-EXT-01).", []);
    }

    /// <summary>BA-IB-01.</summary>
    public async Task<IActionResult> OnPostInclusionApplicationAsync(CancellationToken ct)
    {
        var (@case, refusal) = await EditableAsync(tracked: false, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        ModelState.Clear();
        var (application, errors) = await Commissions.ApplyInclusionCompanyAsync(@case, Inclusion.Need, ct);
        if (application is null)
        {
            ModelState.AddViolations(Merged(errors).At("Inclusion"));
            return await PageAsync(ct);
        }

        return Done("Der Antrag auf Begleitung im Inklusionsbetrieb liegt der InA-Koordination vor (BA-IB-01).", []);
    }

    /// <summary>BA-UB-01: "UB-Berufsbegleitung vorbelegen" — legal basis § 55 Abs. 3, funder Integrationsamt, Sicherung, referring body Integrationsamt.</summary>
    public async Task<IActionResult> OnPostSupportedEmploymentPresetAsync(CancellationToken ct)
    {
        var (@case, refusal) = await EditableAsync(tracked: false, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        ModelState.Clear();
        var preset = await cases.WithSupportedEmploymentPresetsAsync(new CaseService.CreateInput(
            @case.ClientId, null, null, CommissionKinds.SupportedEmployment, @case.CaseGroupCode, null, null), ct);
        var outcome = await cases.UpdateAsync(@case.Id, @case.Version,
            new CaseSettings(preset.FunderId, preset.CareTypeCode, preset.LegalBasisCode, @case.CaseGroupCode, preset.ReferringBodyCode), @case.Texts, @case.ContactFrequencyDays, ct);
        var (_, errors) = outcome;
        var conflict = outcome.Status == ResultStatus.Conflict;
        if (conflict || errors.Count > 0)
        {
            ModelState.AddViolations(Merged(errors));
            if (conflict)
            {
                ModelState.AddModelError(string.Empty, "Der Auftrag wurde inzwischen geändert. Bitte neu laden.");
            }

            return await PageAsync(ct);
        }

        return Done("UB-Berufsbegleitung vorbelegt: Integrationsamt, Sicherung, § 55 Abs. 3 SGB IX, einleitende Stelle Integrationsamt. P3 ist ab dem ersten Arbeitstag möglich (BA-UB-01).", []);
    }

    /// <summary>BA-ST-01: the same guided action as POST /api/v1/cases/{id}/successful-placement.</summary>
    public async Task<IActionResult> OnPostSuccessfulPlacementAsync(CancellationToken ct)
    {
        var (@case, refusal) = await EditableAsync(tracked: true, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        ModelState.Clear();
        var p = Placement;
        await using var notice = p.DataProtectionNotice?.OpenReadStream();
        await using var goals = p.GoalAgreement?.OpenReadStream();
        await using var written = p.WrittenCommission?.OpenReadStream();
        var (created, errors) = await Commissions.SuccessfulPlacementAsync(@case, new CommissionService.PlacementInput(
            p.JobStart, p.EmploymentKindCode, p.InstitutionId, p.LegalBasisCode, p.DataProtectionNoticeSignedOn, p.DataProtectionNoticeVersion,
            p.DataProtectionNotice is null ? null : new DocumentService.Upload(p.DataProtectionNotice.FileName, notice!, p.DataProtectionNotice.Length),
            p.GoalAgreement is null ? null : new DocumentService.Upload(p.GoalAgreement.FileName, goals!, p.GoalAgreement.Length),
            string.IsNullOrWhiteSpace(p.OutcomeCategoryCode) ? null : p.OutcomeCategoryCode,
            p.WrittenCommission is null ? null : new DocumentService.Upload(p.WrittenCommission.FileName, written!, p.WrittenCommission.Length)), ct);
        if (created is null)
        {
            ModelState.AddViolations(Merged(errors).At("Placement"));
            return await PageAsync(ct);
        }

        TempData[MessageKey] = $"Erfolgreiche Vermittlung: Auftrag {@case.CaseNumber} ist abgeschlossen; dies ist die neue Sicherung (Stabilisierungsphase) in P3 (BA-ST-01).";
        return Redirect($"/faelle/{created.Id}");
    }
}
