using Teilhabe.Core.Clients;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Cases;

/// <summary>Everything the phase machine needs to know about a case, its client and its surroundings.</summary>
public sealed record TransitionFacts
{
    public required Case Case { get; init; }
    public required Client Client { get; init; }
    public required Phase To { get; init; }
    public required DateOnly Date { get; init; }
    public required DateOnly Today { get; init; }
    public required StateProfile Profile { get; init; }

    public FunderKind? FunderKind { get; init; }

    /// <summary>FU-06: the Auftraggeber group of the case's legal basis.</summary>
    public string? LegalBasisGroup { get; init; }

    /// <summary>Documents of the case and the client's proofs (a DisabilityProof counts for all the client's cases).</summary>
    public IReadOnlySet<DocumentKind> Documents { get; init; } = new HashSet<DocumentKind>();

    /// <summary>DOC-04: the valid form versions on the phase date, per form.</summary>
    public IReadOnlyDictionary<string, string> ValidFormVersions { get; init; } = new Dictionary<string, string>();

    /// <summary>PH-P2-05: personal contacts with the client documented in P2.</summary>
    public int PersonalContactsInP2 { get; init; }

    /// <summary>PH-P2-04: the client had a Qualifizierte Beratung before (another case).</summary>
    public bool ClientHadEarlierCounselling { get; init; }

    /// <summary>PH-P3-04: the client had an InA P3 before (another case); PH-P3-03: its latest P3 date.</summary>
    public DateOnly? LatestOtherInaCommission { get; init; }

    /// <summary>
    /// PH-P2-04 across the Integrationsamt: the same person had a Qualifizierte Beratung at another IFD of this
    /// Integrationsamt. Only the fact is known here; nothing of the other IFD reaches a message.
    /// </summary>
    public bool EarlierCounsellingAtOtherService { get; init; }

    /// <summary>PH-P3-03 / PH-P3-04 across the Integrationsamt: the latest InA P3 of the same person at another IFD (for the rule only, never shown).</summary>
    public DateOnly? LatestInaCommissionAtOtherService { get; init; }

    public string? ReasonCode { get; init; }

    /// <summary>"P4" or "FP5": which transition the reason belongs to (closing-reasons catalogue).</summary>
    public string? ReasonPhase { get; init; }

    public string? OutcomeCategoryCode { get; init; }

    /// <summary>BA-IB-01: on the phase date the client works for an Inklusionsbetrieb (current employment situation's employer).</summary>
    public bool EmployedAtInclusionCompany { get; init; }

    /// <summary>BA-IB-01: InA-Koordination approved this case's application to accompany the client there.</summary>
    public bool InclusionCompanyApproved { get; init; }

    /// <summary>STAT-01 / BA-ST-01: the care type the outcome category is counted under (its catalogue parent), if any.</summary>
    public string? OutcomeCareType { get; init; }

    /// <summary>PH-FDS-05: care type and legal basis of the main case of an additional statement.</summary>
    public string? ParentCareTypeCode { get; init; }

    public string? ParentLegalBasisCode { get; init; }

    /// <summary>PH-FDS-04: the user confirmed removing what goes beyond the commission.</summary>
    public bool ConfirmPurge { get; init; }

    /// <summary>BA-ST-01: the guided successful placement dates the closing and the new P3 by the (possibly future) job start.</summary>
    public bool AllowFutureDate { get; init; }

    /// <summary>BA-SI-04: a stufenweise Wiedereingliederung is recorded (topic or LEK) …</summary>
    public bool ReintegrationRecorded { get; init; }

    /// <summary>… and the health insurer pays Krankengeld (a reintegration LEK with a health insurer as LEK funder).</summary>
    public bool SickPayReceived { get; init; }
}

/// <summary>The outcome of a check: refusals (violations) and warnings; allowed when nothing refuses (PH-GEN-01).</summary>
public sealed record TransitionCheck(IReadOnlyList<RuleViolation> Violations, IReadOnlyList<RuleViolation> Warnings)
{
    public bool Allowed => Violations.Count == 0;
}

/// <summary>
/// The one phase machine (DOMAIN.md section 3, DOC-REQ, FU-01/02/06). Pages and API call it the same way;
/// it returns every violated rule at once (PH-GEN-01). "Warns" rules go into the warnings and never block.
/// </summary>
public static partial class PhaseMachine
{
    public const string ClientRefuses = "client-refuses";

    private static readonly Dictionary<Phase, Phase[]> Allowed = new()
    {
        [Phase.P1] = [Phase.P2, Phase.P3, Phase.P4],
        [Phase.P2] = [Phase.P3, Phase.P4],
        [Phase.P3] = [Phase.P4],
        [Phase.FP1] = [Phase.FP3, Phase.FP4, Phase.FP5],
        [Phase.FP3] = [Phase.FP4, Phase.FP5],
    };

    public static bool IsAllowedEdge(Phase from, Phase to, bool additionalStatement)
    {
        if (!Allowed.TryGetValue(from, out var targets) || !targets.Contains(to))
        {
            return false;
        }

        // FP1 → FP4 only for the Zusatzaufträge of PH-FDS-05; they know no FP3.
        if (from == Phase.FP1 && to == Phase.FP4)
        {
            return additionalStatement;
        }

        return !(additionalStatement && to == Phase.FP3);
    }

    public static TransitionCheck Check(TransitionFacts f)
    {
        var v = new List<RuleViolation>();
        var w = new List<RuleViolation>();
        var c = f.Case;

        if (!IsAllowedEdge(c.Phase, f.To, c.IsAdditionalStatement))
        {
            v.Add(new("PH-00", $"Ein Wechsel von {PhaseLabels.German(c.Phase)} nach {PhaseLabels.German(f.To)} ist nicht vorgesehen.", "to"));
            return new TransitionCheck(v, w);
        }

        CheckDate(f, v);
        switch (f.To)
        {
            case Phase.P2:
                CheckCounselling(f, v, w);
                break;
            case Phase.P3:
                CheckCommission(f, v, w);
                break;
            case Phase.P4:
                CheckClosing(f, v, w);
                break;
            case Phase.FP3:
                CheckStatementStart(f, v);
                break;
            case Phase.FP4:
                CheckStatementDone(f, v, w);
                break;
            case Phase.FP5:
                CheckStatementReturn(f, v, w);
                break;
        }

        return new TransitionCheck(v, w);
    }

    /// <summary>CT-03: phase dates lie at most the profile's weeks back, never in the future, never before the current phase.</summary>
    private static void CheckDate(TransitionFacts f, List<RuleViolation> v)
    {
        if (f.Date > f.Today && !f.AllowFutureDate)
        {
            v.Add(new("CT-03", "Das Datum des Phasenwechsels darf nicht in der Zukunft liegen.", "date"));
        }
        else if (f.Date < f.Today.AddDays(-7 * f.Profile.BackdatingWeeks))
        {
            v.Add(new("CT-03", $"Ein Phasenwechsel kann höchstens {f.Profile.BackdatingWeeks} Wochen rückwirkend dokumentiert werden.", "date"));
        }

        if (f.Date < f.Case.PhaseSince)
        {
            v.Add(new("PH-00", $"Das Datum liegt vor dem Beginn der aktuellen Phase ({f.Case.PhaseSince:dd.MM.yyyy}).", "date"));
        }
    }

    private static void CheckCounselling(TransitionFacts f, List<RuleViolation> v, List<RuleViolation> w)
    {
        var c = f.Case;
        CheckNotice(f, v, "PH-P2-01");
        RequireDocuments(f, v, "PH-P2-01", DocumentKind.DisabilityProof, DocumentKind.DataProtectionNotice);
        if (string.IsNullOrWhiteSpace(c.Texts.PlannedContents))
        {
            v.Add(new("PH-P2-01", "Das Feld „Geplante Inhalte und Maßnahmen der QB“ ist auszufüllen.", "plannedContents"));
        }

        if (LooksLikeSeveralConcerns(c.Texts.Concern))
        {
            w.Add(new("PH-P2-01", "Eine Qualifizierte Beratung behandelt ein konkretes Anliegen; das Anliegen nennt offenbar mehrere.", "concern"));
        }

        // FU-01: in P2 a funder only with a concrete commission, and then with its care type.
        if ((c.FunderId is null) != (c.CareTypeCode is null))
        {
            v.Add(new("FU-01", "In der Beratungsphase werden Auftraggeber und Betreuungsart nur gemeinsam angegeben (bei konkreter Beauftragung) – sonst beide leer lassen.", "funderId"));
        }

        // PH-P2-04: a renewed P2 of an InA case needs prior agreement with InA-Koordination.
        if (IsInaCase(f) && !HasAgreement(c, CaseAgreement.P2Renewal))
        {
            if (f.ClientHadEarlierCounselling)
            {
                v.Add(new("PH-P2-04", "Eine erneute Qualifizierte Beratung ist vorher mit der InA-Koordination abzustimmen (Abstimmung erfassen).", "agreements"));
            }
            else if (f.EarlierCounsellingAtOtherService)
            {
                v.Add(new("PH-P2-04", ElsewhereMessage("in der Qualifizierten Beratung"), "agreements"));
            }
        }
    }

    private static void CheckCommission(TransitionFacts f, List<RuleViolation> v, List<RuleViolation> w)
    {
        var c = f.Case;
        CheckNotice(f, v, "PH-P3-01");
        var required = new List<DocumentKind> { DocumentKind.DisabilityProof, DocumentKind.DataProtectionNotice, DocumentKind.GoalAgreement };
        if (f.LegalBasisGroup == "Rehabilitation")
        {
            required.Add(DocumentKind.WrittenCommission);
        }

        RequireDocuments(f, v, "PH-P3-01", [.. required]);
        foreach (var field in StatisticalFields.Missing(f.Client, c, f.Date))
        {
            v.Add(new("PH-P3-01", $"Für die Beauftragung fehlt: {field.Label}.", field.Key));
        }

        if (IsInaCase(f) && c.CareTypeCode is not null && c.CareTypeCode != CareTypes.Retention)
        {
            v.Add(new("FU-02", "Im Auftrag des Integrationsamtes ist die Betreuungsart in P3 „Sicherung“.", "careTypeCode"));
        }

        CheckGroupMatchesFunder(f, v);
        CheckCommissionKind(f, v, w);

        // BA-IB-01: accompanying a client in an Inklusionsbetrieb (§ 215 SGB IX) for the InA needs its own, approved application.
        if (IsInaCase(f) && f.EmployedAtInclusionCompany && !f.InclusionCompanyApproved)
        {
            v.Add(new("BA-IB-01", "Die Begleitung in einem Inklusionsbetrieb ist gesondert bei der InA-Koordination zu beantragen (Bedarf über § 217 SGB IX hinaus); die Beauftragung ist erst nach der Bewilligung möglich.", "inclusionApplication"));
        }

        if (c.Phase == Phase.P2)
        {
            if (f.PersonalContactsInP2 == 0)
            {
                v.Add(new("PH-P2-05", "Vor der Beauftragung ist mindestens ein persönlicher Kontakt mit der Klientin / dem Klienten in P2 zu dokumentieren.", "contacts"));
            }

            if (IsInaCase(f) && !HasAgreement(c, CaseAgreement.P2ToP3))
            {
                v.Add(new("PH-P2-04", "Der Wechsel von P2 nach P3 ist vorher mit der InA-Koordination abzustimmen (Abstimmung erfassen).", "agreements"));
            }
        }

        if (IsInaCase(f) && f.LatestOtherInaCommission is { } earlier)
        {
            if (earlier > f.Date.AddMonths(-f.Profile.DuplicateRegistrationMonths))
            {
                v.Add(new("PH-P3-03", $"Dieselbe Person wurde am {earlier:dd.MM.yyyy} bereits in P3 für das Integrationsamt angemeldet; innerhalb eines Monats ist das ausgeschlossen.", "date"));
            }

            if (!HasAgreement(c, CaseAgreement.P3Renewal))
            {
                v.Add(new("PH-P3-04", "Eine erneute Beauftragung in Zuständigkeit des Integrationsamtes ist vorher mit der InA-Koordination abzustimmen.", "agreements"));
            }
        }
        else if (IsInaCase(f) && f.LatestInaCommissionAtOtherService is { } elsewhere)
        {
            // The other IFD's case stays hidden: no case number, no IFD, no date (ACC-06).
            if (elsewhere > f.Date.AddMonths(-f.Profile.DuplicateRegistrationMonths))
            {
                v.Add(new("PH-P3-03", "Die Person war bereits bei einem IFD dieses Integrationsamtes in P3 angemeldet; innerhalb eines Monats ist eine erneute Anmeldung ausgeschlossen – bitte mit der InA-Koordination klären.", "date"));
            }

            if (!HasAgreement(c, CaseAgreement.P3Renewal))
            {
                v.Add(new("PH-P3-04", ElsewhereMessage("in P3"), "agreements"));
            }
        }
    }

    /// <summary>PH-P2-04, PH-P3-03, PH-P3-04: a registration at another IFD of the Integrationsamt, told without any of its details.</summary>
    private static string ElsewhereMessage(string what)
        => $"Die Person war bereits bei einem IFD dieses Integrationsamtes {what} angemeldet – bitte mit der InA-Koordination klären (Abstimmung erfassen).";

    private static void CheckClosing(TransitionFacts f, List<RuleViolation> v, List<RuleViolation> w)
    {
        var c = f.Case;
        if (f.ReasonCode is null || f.ReasonPhase != "P4")
        {
            v.Add(new("PH-P4-01", "Für die Abmeldung ist ein Abmeldegrund zu wählen. Ein Wechsel der Fachkraft oder des IFD ist kein Abmeldegrund, sondern eine Übergabe.", "reasonCode"));
        }

        if (c.Phase is Phase.P2 or Phase.P3)
        {
            if (string.IsNullOrWhiteSpace(c.Texts.ClosingResult))
            {
                v.Add(new("PH-P4-02", "Das Feld „Sachstand zur Abmeldung / Ergebnis“ des Endberichts ist auszufüllen.", "closingResult"));
            }

            if (f.OutcomeCategoryCode is null)
            {
                v.Add(new("PH-P4-02", "Für die Statistik ist das Ergebnis (Ergebniskategorie) anzugeben.", "outcomeCategoryCode"));
            }
        }

        CheckClosingKind(f, v, w);

        if (c.Phase == Phase.P2 && f.PersonalContactsInP2 == 0)
        {
            w.Add(new("PH-P2-05", "In der Beratungsphase ist kein persönlicher Kontakt dokumentiert.", "contacts"));
        }
    }

    private static void CheckStatementStart(TransitionFacts f, List<RuleViolation> v)
    {
        var c = f.Case;
        if (c.FunderId is null)
        {
            v.Add(new("PH-FDS-02", "Für die Bearbeitung ist der Auftraggeber anzugeben.", "funderId"));
        }

        if (c.LegalBasisCode is null)
        {
            v.Add(new("PH-FDS-02", "Für die Bearbeitung ist die Art der Stellungnahme (gesetzliche Grundlage) anzugeben.", "legalBasisCode"));
        }

        CheckNotice(f, v, "PH-FDS-02");
        RequireDocuments(f, v, "PH-FDS-02", DocumentKind.DisabilityProof, DocumentKind.DataProtectionNotice, DocumentKind.WrittenCommission);
    }

    private static void CheckStatementDone(TransitionFacts f, List<RuleViolation> v, List<RuleViolation> w)
    {
        var c = f.Case;
        if (c.IsAdditionalStatement)
        {
            CheckAdditionalStatement(f, v);
            return;
        }

        RequireDocuments(f, v, "PH-FDS-03", DocumentKind.ExpertStatement, DocumentKind.ConfidentialityRelease);
        w.Add(new("PH-FDS-03", "Die fertige Stellungnahme geht per Post an den Auftraggeber.", null));
    }

    /// <summary>PH-FDS-05 / PH-FDS-06: Zusatzauftrag FP1 → FP4 with the finished document only.</summary>
    private static void CheckAdditionalStatement(TransitionFacts f, List<RuleViolation> v)
    {
        var c = f.Case;
        if (c.LegalBasisCode is not ("fds-27-schwbav" or "fds-jobcoaching"))
        {
            v.Add(new("PH-FDS-05", "Ein Zusatzauftrag ist eine „Fachdienstliche Empfehlung Leistungen § 27 SchwbAV“ oder eine „Fachdienstliche Einschätzung Jobcoaching“.", "legalBasisCode"));
        }

        if (f.ParentCareTypeCode != CareTypes.Retention && f.ParentLegalBasisCode != "sgb9-55-3")
        {
            v.Add(new("PH-FDS-05", "Ein Zusatzauftrag gehört zu einem Hauptauftrag der Betreuungsart Sicherung oder der UB-Berufsbegleitung.", "parentCaseId"));
        }

        RequireDocuments(f, v, "PH-FDS-05", DocumentKind.ExpertStatement);
        if (c.LegalBasisCode == "fds-27-schwbav")
        {
            if (c.EmployerAppliedBeforeIfd)
            {
                v.Add(new("PH-FDS-06", "Die Empfehlung nach § 27 SchwbAV ist ausgeschlossen, wenn der Arbeitgeber den Antrag vor der Bearbeitung durch den IFD gestellt hat.", "employerAppliedBeforeIfd"));
            }

            if (!c.ApplicationWithIfdSupportConfirmed || !c.PriorMeasuresExhaustedConfirmed)
            {
                v.Add(new("PH-FDS-06", "Bitte bestätigen, dass der Antrag mit Unterstützung des IFD gestellt wird und alle vorrangigen Maßnahmen (organisatorisch, strukturell, pädagogisch, technisch) ausgeschöpft sind.", "confirmations"));
            }
        }
    }

    private static void CheckStatementReturn(TransitionFacts f, List<RuleViolation> v, List<RuleViolation> w)
    {
        if (f.ReasonCode is null || f.ReasonPhase != "FP5")
        {
            v.Add(new("PH-FDS-04", "Für die Rückgabe ist ein Grund zu wählen (Mitwirkung verweigert oder Stellungnahme nicht möglich).", "reasonCode"));
            return;
        }

        if (f.ReasonCode == ClientRefuses)
        {
            var beyond = f.Case.Texts.FilledFieldNames().Select(CaseTexts.GermanLabel).ToList();
            if (f.Case.DataProtectionNotice is not null)
            {
                beyond.Add("Unterschrift auf dem Merkblatt");
            }

            var extra = f.Documents.Where(d => d is not (DocumentKind.WrittenCommission or DocumentKind.DisabilityProof)).Select(d => "Dokument " + DocumentLabels.German(d));
            beyond.AddRange(extra);
            if (beyond.Count > 0)
            {
                var message = "Bei verweigerter Mitwirkung darf nichts über die schriftliche Beauftragung hinaus dokumentiert bleiben. Entfernt wird: " + string.Join(", ", beyond) + ".";
                if (f.ConfirmPurge)
                {
                    w.Add(new("PH-FDS-04", message, "confirmPurge"));
                }
                else
                {
                    v.Add(new("PH-FDS-04", message + " Bitte das Entfernen bestätigen.", "confirmPurge"));
                }
            }
        }
    }

    /// <summary>DOC-02 / DOC-04: the Merkblatt signed (flag + date + version) on the valid version.</summary>
    private static void CheckNotice(TransitionFacts f, List<RuleViolation> v, string rule)
    {
        var notice = f.Case.DataProtectionNotice;
        if (f.Case.NoticeRenewalRequired)
        {
            v.Add(new("DOC-02", "Der Auftrag wurde von einem anderen IFD übernommen (TR-02): ein neues Merkblatt zum Sozialdatenschutz des aufnehmenden IFD ist zu unterschreiben.", "dataProtectionNotice"));
            return;
        }

        if (notice is null)
        {
            v.Add(new(rule, "Das Merkblatt zum Sozialdatenschutz muss unterschrieben sein (Datum und Fassung erfassen).", "dataProtectionNotice"));
            return;
        }

        if (f.ValidFormVersions.TryGetValue("DataProtectionNotice", out var valid) && notice.Version != valid)
        {
            v.Add(new("DOC-04", $"Das Merkblatt wurde auf der Fassung {notice.Version} unterschrieben; gültig ist {valid}.", "dataProtectionNotice"));
        }
    }

    private static void RequireDocuments(TransitionFacts f, List<RuleViolation> v, string rule, params DocumentKind[] kinds)
    {
        foreach (var kind in kinds.Where(k => !f.Documents.Contains(k)))
        {
            var message = kind == DocumentKind.DisabilityProof && f.Documents.Contains(DocumentKind.DisabilityCard)
                ? "Nachweis der Behinderung fehlt: der Schwerbehindertenausweis allein reicht nicht (DIS-01), bitte Feststellungs- oder Gleichstellungsbescheid hochladen."
                : $"Dokument fehlt: {DocumentLabels.German(kind)} (hochladen).";
            v.Add(new(rule, message, "documents." + kind));
            if (rule != "DOC-REQ")
            {
                v.Add(new("DOC-REQ", message, "documents." + kind));
            }
        }
    }

    /// <summary>FU-06: the legal basis's group must fit the kind of funder.</summary>
    private static void CheckGroupMatchesFunder(TransitionFacts f, List<RuleViolation> v)
    {
        if (f.FunderKind is not { } kind || f.LegalBasisGroup is null)
        {
            return;
        }

        var fits = f.LegalBasisGroup switch
        {
            "IntegrationOffice" => kind == Directory.FunderKind.IntegrationOffice,
            "JobPlacement" => kind is Directory.FunderKind.EmploymentAgency or Directory.FunderKind.Jobcenter,
            "Rehabilitation" => kind is not (Directory.FunderKind.IntegrationOffice or Directory.FunderKind.Jobcenter),
            _ => true,
        };

        // BA-UB-02 (HaGe 3.2): "Sofern ein Rehabilitationsträger die UB beauftragt, legt dieser den zeitlichen Rahmen fest" —
        // the UB-Berufsbegleitung is the Integrationsamt's legal basis, yet a Reha-Träger may commission it too.
        fits |= CommissionKinds.IsSupportedEmployment(f.Case.LegalBasisCode)
            && kind is not Directory.FunderKind.Jobcenter;
        if (!fits)
        {
            v.Add(new("FU-06", "Die gesetzliche Grundlage gehört zu einer anderen Auftraggebergruppe als der gewählte Auftraggeber.", "legalBasisCode"));
        }
    }

    /// <summary>FU-06: "InA case" means the case funder is the Integrationsamt; a P2 without funder is counselling for the InA.</summary>
    public static bool IsInaCase(TransitionFacts f)
        => f.FunderKind == Directory.FunderKind.IntegrationOffice || (f.Case.FunderId is null && f.To == Phase.P2);

    private static bool HasAgreement(Case c, string kind) => c.Agreements.Any(a => a.Kind == kind);

    private static bool LooksLikeSeveralConcerns(string? concern)
    {
        if (string.IsNullOrWhiteSpace(concern))
        {
            return false;
        }

        var lines = concern.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Count(l => l.StartsWith('-') || l.StartsWith('•') || (l.Length > 1 && char.IsDigit(l[0]) && l[1] is '.' or ')')) > 1
               || concern.Contains(';', StringComparison.Ordinal);
    }
}
