using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Cases;

/// <summary>
/// Rules on a case's settings and records outside the phase machine: sub-commissions (PH-FDS-05), what may change
/// after P3 (PH-P3-02, PH-00), the planned end (BA-UB-02), the Merkblatt (DOC-02, DOC-04) and the return after
/// refused cooperation (PH-FDS-04).
/// </summary>
public static class CaseRules
{
    /// <summary>PH-FDS-05: only the two FDS statements belong to a Sicherung or UB-Berufsbegleitung main case.</summary>
    public static RuleViolation? CheckSubCase(Case parent, string? careTypeCode, string? legalBasisCode)
    {
        if (careTypeCode != CareTypes.ExpertStatement || legalBasisCode is not ("fds-27-schwbav" or "fds-jobcoaching"))
        {
            return new("PH-FDS-05", "Zu einem Hauptauftrag gehören nur die Zusatzaufträge „Fachdienstliche Empfehlung Leistungen § 27 SchwbAV“ und „Fachdienstliche Einschätzung Jobcoaching“ (Betreuungsart FDS).", "legalBasisCode");
        }

        return parent.CareTypeCode != CareTypes.Retention && parent.LegalBasisCode != "sgb9-55-3"
            ? new("PH-FDS-05", "Ein Zusatzauftrag gehört zu einem Hauptauftrag der Betreuungsart Sicherung oder der UB-Berufsbegleitung.", "parentCaseId")
            : null;
    }

    /// <summary>PH-FDS-05: an additional FDS statement records no outcomes (LEK); they belong to the main case.</summary>
    public static RuleViolation? CheckOutcomeAllowed(Case c)
        => c.IsAdditionalStatement
            ? new("PH-FDS-05", "Ein FDS-Zusatzauftrag führt keine LEK; sie gehören zum Hauptauftrag.", "outcomeCode")
            : c.RestrictedToCommission
                ? new("PH-FDS-04", "Nach der Rückgabe wegen verweigerter Mitwirkung werden keine LEK mehr aufgenommen.", "outcomeCode")
                : null;

    /// <summary>PH-FDS-04: after the return for refused cooperation no documents are added.</summary>
    public static RuleViolation? CheckDocumentAllowed(Case c)
        => c.RestrictedToCommission
            ? new("PH-FDS-04", "Nach der Rückgabe wegen verweigerter Mitwirkung werden keine Dokumente mehr aufgenommen.", "file")
            : null;

    /// <summary>PH-P3-02, PH-00, PH-FDS-04: what an edit of the settings and texts may not change.</summary>
    public static List<RuleViolation> CheckEdit(Case c, CaseSettings settings, CaseTexts texts)
    {
        var errors = new List<RuleViolation>();
        var committed = c.Phase is Phase.P3 or Phase.P4 or Phase.FP3 or Phase.FP4 or Phase.FP5;
        if (committed && (settings.FunderId != c.FunderId || settings.LegalBasisCode != c.LegalBasisCode))
        {
            errors.Add(new("PH-P3-02", "Ab der Beauftragung ändern sich Auftraggeber und gesetzliche Grundlage nicht mehr; ein Wechsel schließt den Auftrag und eröffnet einen neuen (Aktion „Auftraggeber wechseln“).", "funderId"));
        }

        var wasFds = c.CareTypeCode == CareTypes.ExpertStatement;
        var becomesFds = settings.CareTypeCode == CareTypes.ExpertStatement;
        if (becomesFds && !wasFds)
        {
            // PH-FDS-01: an FDS is a commission of its own that begins in FP1; a case of the phases P1–P4 does not turn into one.
            errors.Add(new("PH-FDS-01", "Eine fachdienstliche Stellungnahme (FDS) ist ein eigener Auftrag, der in FP1 beginnt. Bitte für die Person einen neuen Auftrag mit der Betreuungsart FDS anlegen; dieser Auftrag bleibt, wie er ist.", "careTypeCode"));
        }
        else if (wasFds && !becomesFds)
        {
            errors.Add(new("PH-00", "Ein FDS-Auftrag wechselt nicht in die Phasen P1–P4; bitte einen neuen Auftrag anlegen.", "careTypeCode"));
        }

        if (c.RestrictedToCommission && texts.FilledFieldNames().Any())
        {
            errors.Add(new("PH-FDS-04", "Nach der Rückgabe wegen verweigerter Mitwirkung dürfen keine weiteren Angaben erfasst werden.", null));
        }

        return errors;
    }

    /// <summary>PH-P3-02: the guided change of funder or legal basis is for a case in P3 and changes at least one.</summary>
    public static List<RuleViolation> CheckFunderChange(Case c, bool funderChanged, bool basisChanged)
    {
        var errors = new List<RuleViolation>();
        if (c.Phase != Phase.P3)
        {
            errors.Add(new("PH-P3-02", "Der geführte Auftraggeberwechsel gilt für Aufträge in P3; vorher werden Auftraggeber und Grundlage einfach geändert.", "phase"));
        }

        if (!funderChanged && !basisChanged)
        {
            errors.Add(new("PH-P3-02", "Bitte den neuen Auftraggeber oder die neue gesetzliche Grundlage angeben.", "funderId"));
        }

        return errors;
    }

    /// <summary>
    /// BA-UB-02: only a Unterstützte Beschäftigung of a Rehabilitationsträger carries a planned end of its own (its
    /// approval period), not before the commission starts.
    /// </summary>
    public static RuleViolation? CheckPlannedEnd(Case c, CaseSettings settings, bool funderIsIntegrationOffice, DateOnly? date)
    {
        if (settings.LegalBasisCode != "sgb9-55-3" || settings.FunderId is null || funderIsIntegrationOffice)
        {
            return new("BA-UB-02", "Das geplante Ende wird nur bei einer Unterstützten Beschäftigung eines Rehabilitationsträgers eingetragen (dessen Bewilligungszeitraum); sonst ergibt es sich aus dem P3-Datum.", "plannedEndDate");
        }

        return date is { } d && d < (c.CommissionStart ?? c.StartDate)
            ? new("BA-UB-02", "Das geplante Ende liegt vor dem Beginn der Beauftragung.", "plannedEndDate")
            : null;
    }

    /// <summary>DOC-04 and PH-FDS-04: the Merkblatt is signed on the form version valid that day; nothing is recorded after the return.</summary>
    public static List<RuleViolation> CheckNoticeSignature(Case c, string? version, string? validVersion, bool signedOnKnown)
    {
        var errors = new List<RuleViolation>();
        if (!string.IsNullOrWhiteSpace(version) && signedOnKnown && (validVersion is null || validVersion != version))
        {
            errors.Add(new("DOC-04", $"Das Merkblatt muss auf der gültigen Fassung unterschrieben sein ({validVersion ?? "keine gültige Fassung hinterlegt"}); „{version}“ ist es nicht.", "version"));
        }

        if (c.RestrictedToCommission)
        {
            errors.Add(new("PH-FDS-04", "Nach der Rückgabe wegen verweigerter Mitwirkung wird nichts mehr erfasst.", null));
        }

        return errors;
    }

    /// <summary>DOC-02: an application to InA during P2 or P3 is noted with a second signature on the case's signed Merkblatt.</summary>
    public static List<RuleViolation> CheckSecondSignature(Case c)
    {
        var errors = new List<RuleViolation>();
        if (c.DataProtectionNotice is null)
        {
            errors.Add(new("DOC-02", "Die zweite Unterschrift kommt auf das bereits unterschriebene Merkblatt dieses Auftrags; es fehlt noch.", "dataProtectionNotice"));
        }

        if (c.Phase is not (Phase.P2 or Phase.P3))
        {
            errors.Add(new("DOC-02", "Ein Antrag beim Integrationsamt wird während P2 oder P3 auf dem Merkblatt vermerkt.", "phase"));
        }

        return errors;
    }
}
