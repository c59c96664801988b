using Teilhabe.Core.Cases;

namespace Teilhabe.Web.Features.Cases;

internal sealed record PhaseChangeDto(Phase From, Phase To, DateOnly Date, DateTimeOffset At, string? UserId, string? ReasonCode);

internal sealed record AgreementDto(Guid Id, string Kind, DateOnly AgreedOn, string AgreedWith, bool ApprovedByIntegrationOffice);

internal sealed record NoticeDto(DateOnly SignedOn, string Version, DateOnly? CommissionDate, DateOnly? ApplicationDate, DateOnly? SecondSignedOn);

internal sealed record CaseDto(
    Guid Id,
    string CaseNumber,
    Guid ClientId,
    Phase Phase,
    Guid? FunderId,
    string? CareTypeCode,
    string? LegalBasisCode,
    string? CaseGroupCode,
    string? ReferringBodyCode,
    Guid? ParentCaseId,
    string CaseworkerId,
    IReadOnlyList<string> DeputyIds,
    DateOnly StartDate,
    DateOnly PhaseSince,
    DateOnly? CommissionStart,
    DateOnly? PlannedEndDate,
    DateOnly? ClosedOn,
    string? ClosingReasonCode,
    string? OutcomeCategoryCode,
    string? CommissionStatus,
    int? ContactFrequencyDays,
    bool RestrictedToCommission,
    bool EmployerAppliedBeforeIfd,
    bool ApplicationWithIfdSupportConfirmed,
    bool PriorMeasuresExhaustedConfirmed,
    string? Concern,
    string? PlannedContents,
    string? DisabilityImpact,
    string? GoalAgreement,
    string? Supplements,
    string? Progress,
    string? ClosingResult,
    string? Todo,
    NoticeDto? DataProtectionNotice,
    IReadOnlyList<AgreementDto> Agreements,
    IReadOnlyList<PhaseChangeDto> PhaseHistory,
    int Version,
    ObjectionDto? Objection = null,
    bool ConflictOfInterest = false,
    bool NoticeRenewalRequired = false)
{
    /// <summary>ACC-07: InA-Koordination sees metadata, phases, dates and reports — not the caseworker's notes and work list.</summary>
    public static CaseDto From(Case c, bool internalTexts, string? commissionStatus = null, bool conflictOfInterest = false) => new(
        c.Id, c.CaseNumber, c.ClientId, c.Phase, c.FunderId, c.CareTypeCode, c.LegalBasisCode, c.CaseGroupCode, c.ReferringBodyCode, c.ParentCaseId,
        c.CaseworkerId, [.. c.Deputies.Select(d => d.UserId)], c.StartDate, c.PhaseSince, c.CommissionStart, c.PlannedEndDate, c.ClosedOn,
        c.ClosingReasonCode, c.OutcomeCategoryCode, commissionStatus, c.ContactFrequencyDays, c.RestrictedToCommission,
        c.EmployerAppliedBeforeIfd, c.ApplicationWithIfdSupportConfirmed, c.PriorMeasuresExhaustedConfirmed,
        c.Texts.Concern, c.Texts.PlannedContents, c.Texts.DisabilityImpact, c.Texts.GoalAgreement, c.Texts.Supplements, c.Texts.Progress,
        c.Texts.ClosingResult, internalTexts ? c.Texts.Todo : null,
        c.DataProtectionNotice is { } n ? new NoticeDto(n.SignedOn, n.Version, n.CommissionDate, n.ApplicationDate, n.SecondSignedOn) : null,
        [.. c.Agreements.Select(a => new AgreementDto(a.Id, a.Kind, a.AgreedOn, a.AgreedWith, a.ApprovedByUserId is not null))],
        [.. c.History.OrderBy(h => h.At).Select(h => new PhaseChangeDto(h.From, h.To, h.On, h.At, h.UserId, h.ReasonCode))],
        c.Version,
        c.ObjectedOn is { } objectedOn ? new ObjectionDto(objectedOn, c.ObjectionReason!, c.ObjectedBy) : null,
        conflictOfInterest,
        c.NoticeRenewalRequired);
}

/// <summary>BA-SI-01: the Integrationsamt's objection to the request for commission.</summary>
internal sealed record ObjectionDto(DateOnly On, string Reason, string? ByUserId);

internal sealed record CaseSummaryDto(Guid Id, string CaseNumber, Guid ClientId, Phase Phase, string? CareTypeCode, Guid? FunderId, string CaseworkerId, DateOnly PhaseSince, DateOnly? PlannedEndDate);

internal sealed record CheckDto(bool Allowed, IReadOnlyList<Infrastructure.ApiResults.ViolationDto> Violations, IReadOnlyList<Infrastructure.ApiResults.ViolationDto> Warnings)
{
    public static CheckDto From(TransitionCheck check) => new(
        check.Allowed,
        [.. check.Violations.Select(v => new Infrastructure.ApiResults.ViolationDto(v.Rule, v.Message, v.Field))],
        [.. check.Warnings.Select(v => new Infrastructure.ApiResults.ViolationDto(v.Rule, v.Message, v.Field))]);
}

internal sealed record DocumentDto(Guid Id, DocumentKind Kind, string FileName, long Size, string ContentType, Guid? ContactId, Guid? CaseId, DateTimeOffset UploadedAt, string Sha256, string? FormVersion)
{
    public static DocumentDto From(CaseDocument d) => new(d.Id, d.Kind, d.FileName, d.Size, d.ContentType, d.ContactId, d.CaseId, d.UploadedAt, d.Sha256, d.FormVersion);
}
