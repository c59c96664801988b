using Teilhabe.Core.Profiles;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Cases;

/// <summary>
/// The rules of the kinds of commission (DOMAIN.md section 4): the InA objection (BA-SI-01), extensions (BA-EXT-01),
/// Inklusionsbetrieb applications (BA-IB-01) and the guided successful placement (BA-ST-01). Each check returns
/// every violation; the service loads what the check needs and saves when it passes.
/// </summary>
public static class CommissionRules
{
    /// <summary>BA-SI-01: InA-Koordination objects within the objection weeks after the P3 date, with a reason.</summary>
    public static List<RuleViolation> CheckObjection(Case c, bool inaRetention, string? reason, DateOnly today, StateProfile profile)
    {
        var errors = new List<RuleViolation>();
        if (!inaRetention || c.Phase != Phase.P3 || c.CommissionStart is null)
        {
            errors.Add(new("BA-SI-01", "Widersprochen werden kann nur einer Sicherung im Auftrag des Integrationsamtes in P3 (Antrag auf Beauftragung).", "phase"));
        }
        else if (c.ObjectedOn is not null)
        {
            errors.Add(new("BA-SI-01", $"Der Beauftragung wurde bereits am {c.ObjectedOn:dd.MM.yyyy} widersprochen.", "reason"));
        }
        else if (today > CommissionKinds.ObjectionDeadline(c.CommissionStart.Value, profile))
        {
            errors.Add(new("BA-SI-01", $"Die Widerspruchsfrist von {profile.ObjectionWeeks} Wochen ist am {CommissionKinds.ObjectionDeadline(c.CommissionStart.Value, profile):dd.MM.yyyy} abgelaufen; der IFD gilt als beauftragt.", "reason"));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new("BA-SI-01", "Bitte den Grund des Widerspruchs angeben.", "reason"));
        }

        InputCheck.MaxLength(errors, "reason", reason, 4000, "Der Grund");
        return errors;
    }

    /// <summary>BA-EXT-01: an extension is requested with a Sachstandsbericht at least the lead weeks before the planned end.</summary>
    public static List<RuleViolation> CheckExtensionRequest(
        Case c, bool extendable, bool pendingRequest, string? progressReport, DateOnly? requestedEndDate, DateOnly today, StateProfile profile)
    {
        var errors = new List<RuleViolation>();
        if (!extendable || c.Phase != Phase.P3 || c.PlannedEndDate is null)
        {
            errors.Add(new("BA-EXT-01", $"Eine Verlängerung gibt es für laufende Sicherungen ({profile.RetentionMonths} Monate) und UB-Berufsbegleitungen ({profile.SupportedEmploymentMonths} Monate) im Auftrag des Integrationsamtes in P3.", "phase"));
        }
        else
        {
            var latest = c.PlannedEndDate!.Value.AddDays(-7 * profile.ExtensionLeadWeeks);
            if (today > latest)
            {
                errors.Add(new("BA-EXT-01", $"Die Verlängerung ist spätestens {profile.ExtensionLeadWeeks} Wochen vor dem Ende ({c.PlannedEndDate:dd.MM.yyyy}) zu beantragen, also bis zum {latest:dd.MM.yyyy}.", "requestedEndDate"));
            }

            if (requestedEndDate is { } wanted && wanted <= c.PlannedEndDate)
            {
                errors.Add(new("BA-EXT-01", $"Das beantragte Ende muss nach dem bisherigen Ende ({c.PlannedEndDate:dd.MM.yyyy}) liegen.", "requestedEndDate"));
            }

            if (pendingRequest)
            {
                errors.Add(new("BA-EXT-01", "Es liegt bereits ein Verlängerungsantrag vor, über den die InA-Koordination noch nicht entschieden hat.", null));
            }
        }

        if (string.IsNullOrWhiteSpace(progressReport))
        {
            errors.Add(new("BA-EXT-01", "Die Verlängerung wird mit einem Sachstandsbericht beantragt (Feld „Sachstandsbericht“).", "progressReport"));
        }

        if (requestedEndDate is null)
        {
            errors.Add(new(RuleIds.Input, "Bitte das beantragte neue Ende angeben.", "requestedEndDate"));
        }

        InputCheck.MaxLength(errors, "progressReport", progressReport, 8000, "Der Sachstandsbericht");
        return errors;
    }

    /// <summary>BA-EXT-01: InA-Koordination decides once; an approval moves the end of a running P3 commission later.</summary>
    public static List<RuleViolation> CheckExtensionDecision(Case c, ExtensionRequest request, bool? approved, string? note, DateOnly newEnd)
    {
        var errors = new List<RuleViolation>();
        if (approved is null)
        {
            errors.Add(new(RuleIds.Input, "Bitte angeben, ob die Verlängerung bewilligt wird (approved).", "approved"));
        }

        if (!request.IsPending)
        {
            errors.Add(new("BA-EXT-01", "Über diesen Antrag wurde bereits entschieden.", null));
        }

        if (approved == true && c.PlannedEndDate is { } current && newEnd <= current)
        {
            errors.Add(new("BA-EXT-01", $"Das neue Ende muss nach dem bisherigen Ende ({current:dd.MM.yyyy}) liegen.", "newEndDate"));
        }

        if (approved == true && c.Phase != Phase.P3)
        {
            errors.Add(new("BA-EXT-01", "Verlängert werden kann nur ein laufender Auftrag in P3.", "phase"));
        }

        InputCheck.MaxLength(errors, "note", note, 4000, "Die Notiz");
        return errors;
    }

    /// <summary>BA-IB-01: the application describes the need beyond § 217 SGB IX; none for a closed commission.</summary>
    public static List<RuleViolation> CheckInclusionCompanyApplication(Case c, string? need)
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(need))
        {
            errors.Add(new("BA-IB-01", "Bitte den Begleitungsbedarf beschreiben, der über die Leistungen des Inklusionsbetriebs nach § 217 SGB IX hinausgeht.", "need"));
        }

        if (PhaseLabels.IsClosed(c.Phase))
        {
            errors.Add(new("BA-IB-01", "Für einen abgeschlossenen Auftrag wird kein Antrag mehr gestellt.", "phase"));
        }

        InputCheck.MaxLength(errors, "need", need, 8000, "Die Beschreibung des Bedarfs");
        return errors;
    }

    /// <summary>BA-IB-01: InA-Koordination decides an application once.</summary>
    public static List<RuleViolation> CheckInclusionCompanyDecision(InclusionCompanyApplication application, bool? approved, string? note)
    {
        var errors = new List<RuleViolation>();
        if (approved is null)
        {
            errors.Add(new(RuleIds.Input, "Bitte angeben, ob der Antrag bewilligt wird (approved).", "approved"));
        }

        if (!application.IsPending)
        {
            errors.Add(new("BA-IB-01", "Über diesen Antrag wurde bereits entschieden.", null));
        }

        InputCheck.MaxLength(errors, "note", note, 4000, "Die Notiz");
        return errors;
    }

    /// <summary>What the guided successful placement (BA-ST-01) needs to know beyond the case.</summary>
    public sealed record PlacementFacts(
        DateOnly? JobStart,
        string? EmploymentKindCode,
        bool EmployerKnown,
        string? LegalBasisCode,
        DateOnly? NoticeSignedOn,
        string? NoticeVersion,
        string? ValidNoticeVersion,
        string? OutcomeCategoryCode = null);

    /// <summary>
    /// BA-ST-01: a Vermittlung in P3 closes with the first working day after its commission, an insured employment
    /// at a known employer, the stabilisation legal basis and the Merkblatt of the new Sicherung signed on the valid
    /// version (DOC-04); the Vermittlung's final report names its result (PH-P4-02).
    /// </summary>
    public static List<RuleViolation> CheckPlacement(Case c, PlacementFacts facts, DateOnly today)
    {
        var errors = new List<RuleViolation>();
        if (c.Phase != Phase.P3 || c.CareTypeCode != CareTypes.Placement)
        {
            errors.Add(new("BA-ST-01", "Die erfolgreiche Vermittlung schließt einen Vermittlungsauftrag in P3 ab; dieser Auftrag ist keiner.", "phase"));
        }

        if (facts.JobStart is null)
        {
            errors.Add(new("BA-ST-01", "Bitte den ersten Arbeitstag angeben.", "jobStart"));
        }
        else if (facts.JobStart.Value.AddDays(-1) < c.PhaseSince)
        {
            errors.Add(new("BA-ST-01", $"Der erste Arbeitstag muss nach dem Beginn der Beauftragung ({c.PhaseSince:dd.MM.yyyy}) liegen.", "jobStart"));
        }

        if (facts.EmploymentKindCode is null || !CommissionKinds.InsuredEmploymentKinds.Contains(facts.EmploymentKindCode))
        {
            errors.Add(new("BA-ST-01", "Die neue Beschäftigungssituation ist eine Beschäftigung („employed“) oder Ausbildung („apprenticeship“).", "employmentKindCode"));
        }

        if (!facts.EmployerKnown)
        {
            errors.Add(new("BA-ST-01", "Bitte den Arbeitgeber (Institution) wählen.", "institutionId"));
        }

        if (facts.OutcomeCategoryCode is { } outcome)
        {
            if (!CommissionKinds.PlacementOutcomes.TryGetValue(outcome, out var needs))
            {
                errors.Add(new("BA-ST-01", "Das Ergebnis einer erfolgreichen Vermittlung ist Ausbildung, befristete oder unbefristete Beschäftigung oder Beschäftigung in einem Inklusionsbetrieb.", "outcomeCategoryCode"));
            }
            else if (facts.EmploymentKindCode is { } kind && CommissionKinds.InsuredEmploymentKinds.Contains(kind) && kind != needs)
            {
                errors.Add(new("BA-ST-01", needs == "apprenticeship"
                    ? "Das Ergebnis „Vermittelt in Ausbildung“ passt nur zur Beschäftigung „Ausbildung“."
                    : "Zur Beschäftigung „Ausbildung“ passt das Ergebnis „Vermittelt in Ausbildung“.", "outcomeCategoryCode"));
            }
        }

        if (!CommissionKinds.IsStabilisation(facts.LegalBasisCode))
        {
            errors.Add(new("BA-ST-01", "Die gesetzliche Grundlage der Stabilisierungsphase ist „Stabilisierungsphase gemeinsame Empfehlung (§ 196 Abs. 3 SGB IX)“ (sgb9-196-3) oder „… analog“ (sgb9-196-3-analog).", "legalBasisCode"));
        }

        if (facts.NoticeSignedOn is null || facts.NoticeSignedOn > today)
        {
            errors.Add(new("BA-ST-01", "Bitte das Datum der Unterschrift auf dem Merkblatt des neuen Auftrags angeben (nicht in der Zukunft).", "dataProtectionNoticeSignedOn"));
        }
        else if (string.IsNullOrWhiteSpace(facts.NoticeVersion) || facts.ValidNoticeVersion != facts.NoticeVersion)
        {
            errors.Add(new("DOC-04", $"Das Merkblatt muss auf der gültigen Fassung unterschrieben sein ({facts.ValidNoticeVersion ?? "keine gültige Fassung hinterlegt"}).", "dataProtectionNoticeVersion"));
        }

        if (string.IsNullOrWhiteSpace(c.Texts.ClosingResult))
        {
            errors.Add(new("PH-P4-02", "Das Feld „Sachstand zur Abmeldung / Ergebnis“ des Endberichts der Vermittlung ist auszufüllen.", "closingResult"));
        }

        return errors;
    }

    /// <summary>BA-ST-01 with PH-P3-01: a file the new Sicherung needs is missing.</summary>
    public static IEnumerable<RuleViolation> MissingPlacementFile(string field, string label)
    {
        yield return new("BA-ST-01", $"Für den neuen Auftrag fehlt die Datei „{label}“ (PH-P3-01).", field);
        yield return new("PH-P3-01", $"Dokument fehlt: {label} (hochladen).", field);
    }

    /// <summary>BA-ST-01: the new employment situation could not be recorded (and named no reason).</summary>
    public static RuleViolation EmploymentNotRecorded => new("BA-ST-01", "Die Beschäftigungssituation konnte nicht erfasst werden.", "employmentKindCode");
}
