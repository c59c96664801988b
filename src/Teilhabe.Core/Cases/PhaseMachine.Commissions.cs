using Teilhabe.Core.Clients;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Cases;

/// <summary>The transition checks of the kinds of commission (DOMAIN.md section 4).</summary>
public static partial class PhaseMachine
{
    private static void CheckCommissionKind(TransitionFacts f, List<RuleViolation> v, List<RuleViolation> w)
    {
        var c = f.Case;

        // BA-UB-01: an UB-Berufsbegleitung reaches P3 only from the first day of the employment it accompanies.
        if (CommissionKinds.IsSupportedEmployment(c.LegalBasisCode))
        {
            var job = f.Client.Employment.Where(e => CommissionKinds.InsuredEmploymentKinds.Contains(e.KindCode))
                .OrderByDescending(e => e.From).ThenByDescending(e => e.CreatedOn).FirstOrDefault();
            if (job is null)
            {
                v.Add(new("BA-UB-01", "Die Berufsbegleitung (UB) beginnt erst mit dem ersten Arbeitstag: bitte zuerst die Beschäftigung mit ihrem Beginn erfassen.", "employment"));
            }
            else if (job.From > f.Date)
            {
                v.Add(new("BA-UB-01", $"Die Berufsbegleitung (UB) beginnt erst mit dem ersten Arbeitstag ({job.From:dd.MM.yyyy}); P3 ist vorher nicht möglich.", "date"));
            }
        }

        if (f.FunderKind == Directory.FunderKind.IntegrationOffice && CommissionKinds.IsInaRetention(c, f.FunderKind))
        {
            // BA-SI-05: a warning, not a refusal.
            if (f.Client.DisabilityStatus is not (DisabilityStatus.SeverelyDisabled or DisabilityStatus.Equated))
            {
                w.Add(new("BA-SI-05", "Eine Sicherung im Auftrag des Integrationsamtes setzt voraus, dass die Person schwerbehindert oder gleichgestellt ist; ein entsprechender Bescheid ist nicht erfasst.", "disabilityEvidence"));
            }

            var current = f.Client.EmploymentOn(f.Date);
            if (current is null || !CommissionKinds.InsuredEmploymentKinds.Contains(current.KindCode))
            {
                w.Add(new("BA-SI-05", "Eine Sicherung im Auftrag des Integrationsamtes setzt ein sozialversicherungspflichtiges Beschäftigungsverhältnis voraus; die aktuelle Beschäftigungssituation passt nicht (z. B. geringfügig, arbeitslos, Rente).", "employment"));
            }
        }

        CheckReintegration(f, w);
    }

    private static void CheckClosingKind(TransitionFacts f, List<RuleViolation> v, List<RuleViolation> w)
    {
        var c = f.Case;

        // BA-SI-01: an objected request is closed with "objection" and nothing else; "objection" needs an objection.
        if (c.ObjectedOn is not null && f.ReasonCode is not null && f.ReasonCode != CommissionKinds.ObjectionReason)
        {
            v.Add(new("BA-SI-01", $"Das Integrationsamt hat am {c.ObjectedOn:dd.MM.yyyy} der Beauftragung widersprochen; der Auftrag wird mit dem Abmeldegrund „Widerspruch des Integrationsamtes“ beendet.", "reasonCode"));
        }
        else if (c.ObjectedOn is null && f.ReasonCode == CommissionKinds.ObjectionReason)
        {
            v.Add(new("BA-SI-01", "Der Abmeldegrund „Widerspruch des Integrationsamtes“ setzt einen erfassten Widerspruch der InA-Koordination voraus.", "reasonCode"));
        }

        // BA-ST-01: "erfolgreiche Vermittlung" closes a Vermittlung, with one of the outcomes of a placement.
        if (f.ReasonCode == CommissionKinds.PlacementSuccessfulReason)
        {
            if (c.CareTypeCode != CareTypes.Placement)
            {
                v.Add(new("BA-ST-01", "„Erfolgreiche Vermittlung“ ist ein Abmeldegrund nur für Aufträge der Betreuungsart Vermittlung.", "reasonCode"));
            }
            else if (f.OutcomeCategoryCode is { } placed && !CommissionKinds.PlacementOutcomes.ContainsKey(placed))
            {
                v.Add(new("BA-ST-01", "Nach einer erfolgreichen Vermittlung ist das Ergebnis Ausbildung, befristete oder unbefristete Beschäftigung oder Beschäftigung in einem Inklusionsbetrieb.", "outcomeCategoryCode"));
            }
        }

        // STAT-01: the outcome belongs to the care type it is counted under (Vermittlung → …, Sicherung → …).
        if (f.OutcomeCareType is { } outcomeCareType && c.CareTypeCode is { } careType && careType is CareTypes.Placement or CareTypes.Retention
            && outcomeCareType != careType)
        {
            v.Add(new("PH-P4-02", careType == CareTypes.Placement
                ? "Dieses Ergebnis gehört zu einer Sicherung; für eine Vermittlung bitte ein Ergebnis der Vermittlung wählen."
                : "Dieses Ergebnis gehört zu einer Vermittlung; für eine Sicherung bitte ein Ergebnis der Sicherung wählen.", "outcomeCategoryCode"));
        }

        if (f.ReasonCode == CommissionKinds.RetentionFailedReason)
        {
            CheckFailedRetention(f, v);
        }

        if (c.Phase == Phase.P3)
        {
            CheckReintegration(f, w);
        }
    }

    /// <summary>
    /// BA-SI-03: first the new employment situation (recorded on or after the P3 date; its start may lie in the
    /// future), then P4 dated the day the caseworker learned of it. That day lies between the P3 date and today
    /// (CT-03); it may precede the day the situation was recorded, because one learns first and records then.
    /// </summary>
    private static void CheckFailedRetention(TransitionFacts f, List<RuleViolation> v)
    {
        var c = f.Case;
        if (c.CareTypeCode != CareTypes.Retention)
        {
            v.Add(new("BA-SI-03", "„Sicherung gescheitert“ ist ein Abmeldegrund nur für Aufträge der Betreuungsart Sicherung.", "reasonCode"));
            return;
        }

        var since = c.CommissionStart ?? c.StartDate;
        var ending = f.Client.Employment.Any(e => CommissionKinds.EndingEmploymentKinds.Contains(e.KindCode) && e.CreatedOn >= since);
        if (!ending)
        {
            v.Add(new("BA-SI-03", "Vor der Abmeldung „Sicherung gescheitert“ zuerst die neue Beschäftigungssituation erfassen (arbeitslos, Erwerbsminderungsrente, Altersrente oder geringfügige Beschäftigung, mit ihrem – ggf. künftigen – Beginn); danach abmelden, datiert auf den Tag, an dem Sie davon erfahren haben.", "employment"));
        }
    }

    /// <summary>BA-SI-04: InA is responsible for a stufenweise Wiedereingliederung only while Krankengeld is paid.</summary>
    private static void CheckReintegration(TransitionFacts f, List<RuleViolation> w)
    {
        if (f.FunderKind == Directory.FunderKind.IntegrationOffice && f.ReintegrationRecorded && !f.SickPayReceived)
        {
            w.Add(new("BA-SI-04", "Stufenweise Wiedereingliederung: Das Integrationsamt ist nur zuständig, solange Krankengeld bezogen wird und die Krankenkasse zuständig ist – bitte zuerst die Zuständigkeit eines Reha-Trägers prüfen (oder die Krankenkasse als Leistungsträger der LEK erfassen).", "outcomes"));
        }
    }
}
