using Teilhabe.Core.Accounts;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Directory;

namespace Teilhabe.Web.Features.Cases;

/// <summary>The forms of the case pages. Each only carries what the user typed; the services decide.</summary>
internal static class CaseForms
{
    /// <summary>The roles that open cases in an IFD (CaseService.CreateAsync needs an IFD).</summary>
    public const string IfdRoles = Roles.Caseworker + "," + Roles.Deputy + "," + Roles.ServiceLead;

    /// <summary>Who sees the case list: the IFD roles and InA-Koordination.</summary>
    public const string ListRoles = IfdRoles + "," + Roles.IntegrationOfficeCoordinator;

    public static bool IsIfdUser(System.Security.Claims.ClaimsPrincipal user)
        => IfdRoles.Split(',').Any(user.IsInRole);

    /// <summary>
    /// Where on the case page a violation's field is: rule checks name the case's fields, documents, the Merkblatt
    /// or agreements; anything else belongs to the form that was sent (prefix). Null: no place on this page.
    /// </summary>
    public static string? Key(string? field, string prefix)
    {
        if (field is null)
        {
            return null;
        }

        if (field.StartsWith("documents.", StringComparison.Ordinal))
        {
            return "Upload.Kind";
        }

        if (field.StartsWith("client.", StringComparison.Ordinal))
        {
            return null;
        }

        if (field.StartsWith("case.", StringComparison.Ordinal))
        {
            field = field["case.".Length..];
        }

        return field switch
        {
            "dataProtectionNotice" => "Notice.SignedOn",
            "agreements" => "Agreement.Kind",
            "inclusionApplication" => "Inclusion.Need",
            "confirmations" => "Fields.ApplicationWithIfdSupport",
            "employerAppliedBeforeIfd" => "Fields.EmployerAppliedBeforeIfd",
            "contacts" or "phase" => null,
            "funderId" or "legalBasisCode" when prefix == "FunderChange" => prefix + "." + Pascal(field),
            "funderId" or "careTypeCode" or "legalBasisCode" or "caseGroupCode" or "referringBodyCode" or "contactFrequencyDays"
                or "concern" or "plannedContents" or "disabilityImpact" or "goalAgreement" or "supplements" or "progress" or "closingResult" or "todo"
                when prefix != "NewCase" => "Fields." + Pascal(field),
            _ => prefix + "." + Pascal(field),
        };
    }

    public static IEnumerable<RuleViolation> At(this IEnumerable<RuleViolation> violations, string prefix)
        => violations.Select(v => v with { Field = Key(v.Field, prefix) });

    private static string Pascal(string field) => char.ToUpperInvariant(field[0]) + field[1..];
}

/// <summary>"Phase wechseln" (PH-GEN-01, PH-P4-01, PH-FDS-04).</summary>
internal sealed class MoveForm
{
    public Phase? To { get; set; }
    public DateOnly? Date { get; set; }
    public string? ReasonCode { get; set; }
    public string? OutcomeCategoryCode { get; set; }
}

/// <summary>"Auftraggeber oder gesetzliche Grundlage wechseln" (PH-P3-02).</summary>
internal sealed class FunderChangeForm
{
    public Guid? FunderId { get; set; }
    public string? LegalBasisCode { get; set; }
    public DateOnly? Date { get; set; }
    public string? OutcomeCategoryCode { get; set; }
}

/// <summary>DOC-02 / DOC-04: the signed Merkblatt.</summary>
internal sealed class NoticeForm
{
    public DateOnly? SignedOn { get; set; }
    public string? Version { get; set; }
    public DateOnly? CommissionDate { get; set; }
}

/// <summary>DOC-02: application to InA during P2/P3 with a second signature.</summary>
internal sealed class SecondSignatureForm
{
    public DateOnly? ApplicationDate { get; set; }
    public DateOnly? SignedOn { get; set; }
}

/// <summary>PH-P2-04 / PH-P3-04.</summary>
internal sealed class AgreementForm
{
    public string? Kind { get; set; }
    public DateOnly? AgreedOn { get; set; }
    public string? AgreedWith { get; set; }
}

/// <summary>DOC-01: one kind, one or more files; for a Nachweis der Behinderung also the Bescheid's data (DIS-01, DIS-02).</summary>
internal sealed class UploadForm
{
    public DocumentKind? Kind { get; set; }
    public List<IFormFile> Files { get; set; } = [];

    /// <summary>DOC-04: the form version the signed form is on; empty = the valid one.</summary>
    public string? FormVersion { get; set; }
    public Teilhabe.Core.Clients.EvidenceKind? EvidenceKind { get; set; }
    public DateOnly? NoticeDate { get; set; }
    public DateOnly? EffectiveFrom { get; set; }
    public int? Degree { get; set; }

    /// <summary>Whether any of the Bescheid's fields is filled in.</summary>
    public bool HasEvidence => EvidenceKind is not null || NoticeDate is not null || EffectiveFrom is not null || Degree is not null;
}

/// <summary>Case fields and report texts (REP-01, REP-02, CT-07), with the version the form was loaded at.</summary>
internal sealed class CaseFieldsForm
{
    /// <summary>One report text (REP-01): its German label and hint, its column size, its value in the form and on the case.</summary>
    public sealed record TextField(string Name, string Label, string? Hint, int MaxLength, Func<CaseFieldsForm, string?> Input, Func<CaseTexts, string?> Stored);

    public const string TodoLabel = "ToDo – privat, erscheint in keinem Bericht";

    /// <summary>The report texts in the order of the reports; ToDo last, it is private (REP-02).</summary>
    public static readonly IReadOnlyList<TextField> TextFields =
    [
        new("Concern", "Anliegen", "Eine Qualifizierte Beratung behandelt ein konkretes Anliegen (PH-P2-01).", 4000, f => f.Concern, t => t.Concern),
        new("PlannedContents", "Geplante Inhalte und Maßnahmen der QB", "Pflicht für P2 (PH-P2-01) und den Anfangsbericht QB (REP-01).", 8000, f => f.PlannedContents, t => t.PlannedContents),
        new("DisabilityImpact", "Auswirkung der Behinderung auf die Teilhabe am Arbeitsleben", null, 8000, f => f.DisabilityImpact, t => t.DisabilityImpact),
        new("GoalAgreement", "Zielvereinbarung (Ziele und Teilziele, Aktivitäten, Zeitplan, Ressourcen, wer macht was)", null, 8000, f => f.GoalAgreement, t => t.GoalAgreement),
        new("Supplements", "Ergänzungen", "„keine Ergänzungen“ ist eine gültige Angabe.", 8000, f => f.Supplements, t => t.Supplements),
        new("Progress", "Sachstand / Begründung zur Verlängerung", null, 8000, f => f.Progress, t => t.Progress),
        new("ClosingResult", "Sachstand zur Abmeldung / Ergebnis", "Pflicht für die Abmeldung aus P2 oder P3 (PH-P4-02).", 8000, f => f.ClosingResult, t => t.ClosingResult),
        new("Todo", TodoLabel, "Ihre Arbeitsliste zu diesem Auftrag (REP-02).", 4000, f => f.Todo, t => t.Todo),
    ];

    public string? FunderId { get; set; }
    public string? CareTypeCode { get; set; }
    public string? LegalBasisCode { get; set; }
    public string? CaseGroupCode { get; set; }
    public string? ReferringBodyCode { get; set; }
    public string? Concern { get; set; }
    public string? PlannedContents { get; set; }
    public string? DisabilityImpact { get; set; }
    public string? GoalAgreement { get; set; }
    public string? Supplements { get; set; }
    public string? Progress { get; set; }
    public string? ClosingResult { get; set; }
    public string? Todo { get; set; }
    public string? ContactFrequencyDays { get; set; }

    /// <summary>BA-UB-02: the Reha-Träger's period for its UB commission (only shown for such cases).</summary>
    public string? PlannedEndDate { get; set; }

    public bool PlannedEndShown { get; set; }

    /// <summary>PH-FDS-06: the § 27 SchwbAV confirmations (only shown for a § 27 recommendation).</summary>
    public bool SchwbAv27Shown { get; set; }

    public bool EmployerAppliedBeforeIfd { get; set; }
    public bool ApplicationWithIfdSupport { get; set; }
    public bool PriorMeasuresExhausted { get; set; }

    public int Version { get; set; }

    public static CaseFieldsForm From(Case c) => new()
    {
        FunderId = c.FunderId?.ToString(),
        CareTypeCode = c.CareTypeCode,
        LegalBasisCode = c.LegalBasisCode,
        CaseGroupCode = c.CaseGroupCode,
        ReferringBodyCode = c.ReferringBodyCode,
        Concern = c.Texts.Concern,
        PlannedContents = c.Texts.PlannedContents,
        DisabilityImpact = c.Texts.DisabilityImpact,
        GoalAgreement = c.Texts.GoalAgreement,
        Supplements = c.Texts.Supplements,
        Progress = c.Texts.Progress,
        ClosingResult = c.Texts.ClosingResult,
        Todo = c.Texts.Todo,
        ContactFrequencyDays = c.ContactFrequencyDays?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        PlannedEndDate = c.PlannedEndDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        EmployerAppliedBeforeIfd = c.EmployerAppliedBeforeIfd,
        ApplicationWithIfdSupport = c.ApplicationWithIfdSupportConfirmed,
        PriorMeasuresExhausted = c.PriorMeasuresExhaustedConfirmed,
        Version = c.Version,
    };

    /// <summary>The § 27 confirmations as ticked; only passed on when the form showed them (PH-FDS-06).</summary>
    public CaseService.SchwbAv27Confirmations? Confirmations()
        => SchwbAv27Shown ? new(EmployerAppliedBeforeIfd, ApplicationWithIfdSupport, PriorMeasuresExhausted) : null;

    public CaseSettings Settings() => new(DirectoryPages.ParseId(FunderId), CareTypeCode, LegalBasisCode, CaseGroupCode, ReferringBodyCode);

    /// <summary>Blank texts are empty; line breaks as the browser sends them (CRLF) are stored as LF.</summary>
    public CaseTexts Texts() => new()
    {
        Concern = Clean(Concern),
        PlannedContents = Clean(PlannedContents),
        DisabilityImpact = Clean(DisabilityImpact),
        GoalAgreement = Clean(GoalAgreement),
        Supplements = Clean(Supplements),
        Progress = Clean(Progress),
        ClosingResult = Clean(ClosingResult),
        Todo = Clean(Todo),
    };

    /// <summary>Plain input checks before the service: lengths of the texts and a whole number of days.</summary>
    public List<RuleViolation> InputErrors(out int? contactFrequencyDays)
    {
        var errors = new List<RuleViolation>();
        var texts = Texts();
        foreach (var field in TextFields)
        {
            InputCheck.MaxLength(errors, char.ToLowerInvariant(field.Name[0]) + field.Name[1..], field.Stored(texts), field.MaxLength, $"Das Feld „{field.Label}“");
        }

        contactFrequencyDays = null;
        if (!string.IsNullOrWhiteSpace(ContactFrequencyDays))
        {
            if (int.TryParse(ContactFrequencyDays.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var days))
            {
                contactFrequencyDays = days;
            }
            else
            {
                errors.Add(new(RuleIds.Input, "Die Kontaktfrequenz ist eine ganze Zahl von Tagen.", "contactFrequencyDays"));
            }
        }

        if (PlannedEndShown && !string.IsNullOrWhiteSpace(PlannedEndDate) && PlannedEnd() is null)
        {
            errors.Add(new(RuleIds.Input, "Das geplante Ende ist ein Datum (TT.MM.JJJJ).", "plannedEndDate"));
        }

        return errors;
    }

    /// <summary>The planned end as entered; only passed on when the form showed the field.</summary>
    public CaseService.PlannedEndChange? PlannedEndChange() => PlannedEndShown ? new(PlannedEnd()) : null;

    private DateOnly? PlannedEnd()
        => DateOnly.TryParseExact(PlannedEndDate?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n", StringComparison.Ordinal);
}

/// <summary>"Neuen Auftrag anlegen" on the client page.</summary>
internal sealed class NewCaseForm
{
    public string? CareTypeCode { get; set; }
    public string? FunderId { get; set; }
    public string? LegalBasisCode { get; set; }
    public string? CaseGroupCode { get; set; }
    public string? ReferringBodyCode { get; set; }
    public string? ParentCaseId { get; set; }

    /// <summary>CT-03: the day the case began (empty: today).</summary>
    public DateOnly? StartDate { get; set; }

    public CaseService.CreateInput Input(Guid clientId)
        => new(clientId, CareTypeCode, DirectoryPages.ParseId(FunderId), LegalBasisCode, CaseGroupCode, ReferringBodyCode, DirectoryPages.ParseId(ParentCaseId), StartDate: StartDate);
}
