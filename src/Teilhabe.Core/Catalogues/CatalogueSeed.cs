namespace Teilhabe.Core.Catalogues;

/// <summary>
/// The built-in catalogue entries: the stable codes of API.md, the HaGe (seed 001) and the BIH categories.
/// Missing codes are added at start; labels administrators changed are left alone.
/// </summary>
public static class CatalogueSeed
{
    public sealed record Seed(string Catalogue, string Code, string Label, string? Group = null, string? Parent = null, string Form = "", DateOnly? ValidFrom = null, bool PresetsCaseFunder = false);

    public const string GroupIntegrationOffice = "IntegrationOffice";
    public const string GroupRehabilitation = "Rehabilitation";
    public const string GroupJobPlacement = "JobPlacement";

    public static IEnumerable<Seed> All()
        => LegalBases().Concat(CareTypes()).Concat(CaseGroups()).Concat(ReferringBodies()).Concat(DisabilityCategories())
            .Concat(EmploymentKinds()).Concat(ClosingReasons()).Concat(OutcomeCategories()).Concat(FormVersions())
            .Concat(WorkingLifePositions()).Concat(Topics()).Concat(Outcomes());

    /// <summary>FU-02, FU-06, BA-UB-01, BA-ST-01, PH-FDS-05: legal bases with their Auftraggeber group and care type.</summary>
    private static IEnumerable<Seed> LegalBases()
    {
        const string c = CatalogueNames.LegalBases;
        yield return new(c, "sgb9-185-2", "Begleitende Hilfe im Arbeitsleben § 185 Abs. 2 SGB IX (Sicherung)", GroupIntegrationOffice, "retention");
        yield return new(c, "sgb9-55-3", "Berufsbegleitung Unterstützte Beschäftigung (§ 55 Abs. 3 SGB IX)", GroupIntegrationOffice, "retention");
        yield return new(c, "sgb9-196-3", "Stabilisierungsphase gemeinsame Empfehlung (§ 196 Abs. 3 SGB IX)", GroupRehabilitation, "retention");
        yield return new(c, "sgb9-196-3-analog", "Stabilisierungsphase gemeinsame Empfehlung analog (§ 196 Abs. 3 SGB IX analog)", GroupJobPlacement, "retention");
        yield return new(c, "reha-196", "Beauftragung durch Rehabilitationsträger (§ 196 SGB IX)", GroupRehabilitation);
        yield return new(c, "placement-sgb3-sgb2", "Beauftragung durch Träger der Arbeitsvermittlung (§ 45 SGB III, § 16 SGB II)", GroupJobPlacement, "placement");
        yield return new(c, "fds-ina", "Fachdienstliche Stellungnahme für das Integrationsamt", GroupIntegrationOffice, "expert-statement");
        yield return new(c, "fds-reha", "Fachdienstliche Stellungnahme für einen Rehabilitationsträger", GroupRehabilitation, "expert-statement");
        yield return new(c, "fds-27-schwbav", "Fachdienstliche Empfehlung Leistungen § 27 SchwbAV", GroupIntegrationOffice, "expert-statement");
        yield return new(c, "fds-jobcoaching", "Fachdienstliche Einschätzung Jobcoaching", GroupIntegrationOffice, "expert-statement");
    }

    private static IEnumerable<Seed> CareTypes()
    {
        const string c = CatalogueNames.CareTypes;
        yield return new(c, "placement", "Vermittlung");
        yield return new(c, "retention", "Sicherung");
        yield return new(c, "expert-statement", "Fachdienstliche Stellungnahme (FDS)");
    }

    /// <summary>Fallgruppen after the target groups of § 192 SGB IX.</summary>
    private static IEnumerable<Seed> CaseGroups()
    {
        const string c = CatalogueNames.CaseGroups;
        yield return new(c, "support-need", "Schwerbehinderte Menschen mit besonderem Bedarf an arbeitsbegleitender Betreuung (§ 192 Abs. 2 Nr. 1 SGB IX)");
        yield return new(c, "workshop-transition", "Übergang aus der Werkstatt für behinderte Menschen (§ 192 Abs. 2 Nr. 2 SGB IX)");
        yield return new(c, "school-leaver", "Schulabgängerinnen und Schulabgänger (§ 192 Abs. 2 Nr. 3 SGB IX)");
        yield return new(c, "not-severely-disabled", "Behinderte Menschen ohne Schwerbehinderung (§ 192 Abs. 4 SGB IX)");
        yield return new(c, "mental-illness", "Menschen mit seelischer Behinderung");
        yield return new(c, "other", "Sonstige");
    }

    /// <summary>Einleitende Stelle (STAT-01 breakdown incl. Arbeitgeber).</summary>
    private static IEnumerable<Seed> ReferringBodies()
    {
        const string c = CatalogueNames.ReferringBodies;
        yield return new(c, "integration-office", "Integrationsamt");
        yield return new(c, "employment-agency", "Agentur für Arbeit");
        yield return new(c, "jobcenter", "Jobcenter");
        yield return new(c, "pension-insurance", "Deutsche Rentenversicherung");
        yield return new(c, "accident-insurance", "Unfallversicherung / Berufsgenossenschaft");
        yield return new(c, "health-insurance", "Krankenkasse");
        yield return new(c, "integration-assistance", "Träger der Eingliederungshilfe");
        yield return new(c, "youth-welfare", "Träger der Jugendhilfe");
        yield return new(c, "employer", "Arbeitgeber");
        yield return new(c, "representative", "Schwerbehindertenvertretung / Betriebs- oder Personalrat");
        yield return new(c, "self", "Eigeninitiative der Klientin / des Klienten");
        yield return new(c, "school", "Schule");
        yield return new(c, "sheltered-workshop", "Werkstatt für behinderte Menschen");
        yield return new(c, "clinic", "Klinik / Rehabilitationseinrichtung");
        yield return new(c, "counselling-service", "Beratungsstelle / Sozialdienst");
        yield return new(c, "other", "Sonstige");
    }

    /// <summary>Art der Beeinträchtigung as the BIH publishes it (STAT-01).</summary>
    private static IEnumerable<Seed> DisabilityCategories()
    {
        const string c = CatalogueNames.DisabilityCategories;
        yield return new(c, "mental", "Seelische Behinderung");
        yield return new(c, "intellectual-learning", "Geistige Behinderung / Lernbehinderung");
        yield return new(c, "physical-orthopaedic", "Körperbehinderung (orthopädisch)");
        yield return new(c, "physical-organic", "Körperbehinderung (organisch, innere Erkrankung)");
        yield return new(c, "hearing", "Hörbehinderung / Gehörlosigkeit");
        yield return new(c, "visual", "Sehbehinderung / Blindheit");
        yield return new(c, "neurological", "Neurologische Behinderung (z. B. Epilepsie, MS, Hirnschädigung)");
        yield return new(c, "other", "Sonstige Behinderung");
    }

    /// <summary>EMP-01 / BA-SI-03: employment kinds of the timeline.</summary>
    private static IEnumerable<Seed> EmploymentKinds()
    {
        const string c = CatalogueNames.EmploymentKinds;
        yield return new(c, "employed", "sozialversicherungspflichtig beschäftigt");
        yield return new(c, "apprenticeship", "in Ausbildung");
        yield return new(c, "unemployed", "arbeitslos");
        yield return new(c, "reduced-earning-pension", "Erwerbsminderungsrente");
        yield return new(c, "old-age-pension", "Altersrente");
        yield return new(c, "marginal-employment", "geringfügig beschäftigt");
        yield return new(c, "sheltered-workshop", "Werkstatt für behinderte Menschen (WfbM)");
        yield return new(c, "school", "Schule");
        yield return new(c, "self-employed", "selbstständig");
        yield return new(c, "other", "sonstige");
    }

    /// <summary>PH-P4-01 (P4) and PH-FDS-04 (FP5).</summary>
    private static IEnumerable<Seed> ClosingReasons()
    {
        const string c = CatalogueNames.ClosingReasons;
        yield return new(c, "funder-changed", "Auftraggeber hat sich geändert", Parent: "P4");
        yield return new(c, "legal-basis-changed", "Gesetzliche Grundlage hat sich geändert", Parent: "P4");
        yield return new(c, "fulfilled", "Auftrag erfüllt (z. B. Problem gelöst)", Parent: "P4");
        yield return new(c, "no-further-need", "Kein weiterer Unterstützungsbedarf", Parent: "P4");
        yield return new(c, "period-expired", "Auftragszeitraum abgelaufen", Parent: "P4");
        yield return new(c, "retention-failed", "Sicherung gescheitert", Parent: "P4");
        yield return new(c, "objection", "Widerspruch des Integrationsamtes", Parent: "P4");
        yield return new(c, "placement-successful", "Erfolgreiche Vermittlung", Parent: "P4");
        yield return new(c, "client-refuses", "Klient/in verweigert die Mitwirkung", Parent: "FP5");
        yield return new(c, "not-possible", "Stellungnahme nicht möglich", Parent: "FP5");
    }

    /// <summary>STAT-01: outcomes of closed Vermittlung and Sicherung cases.</summary>
    private static IEnumerable<Seed> OutcomeCategories()
    {
        const string c = CatalogueNames.OutcomeCategories;
        yield return new(c, "apprenticeship", "Vermittelt in Ausbildung", Parent: "placement");
        yield return new(c, "fixed-term-employment", "Vermittelt in befristete Beschäftigung", Parent: "placement");
        yield return new(c, "permanent-employment", "Vermittelt in unbefristete Beschäftigung", Parent: "placement");
        yield return new(c, "inclusion-company", "Vermittelt in Beschäftigung in einem Inklusionsbetrieb", Parent: "placement");
        yield return new(c, "sheltered-workshop", "Wechsel in eine WfbM", Parent: "placement");
        yield return new(c, "not-placed", "Nicht vermittelt", Parent: "placement");
        yield return new(c, "job-secured", "Arbeitsverhältnis gesichert", Parent: "retention");
        yield return new(c, "job-ended-agreement", "Beendet: einvernehmliche Auflösung", Parent: "retention");
        yield return new(c, "job-ended-dismissal-employer", "Beendet: Kündigung durch Arbeitgeber", Parent: "retention");
        yield return new(c, "job-ended-dismissal-employee", "Beendet: Kündigung durch Arbeitnehmer/in", Parent: "retention");
        yield return new(c, "job-ended-fixed-term", "Beendet: Ende der Befristung", Parent: "retention");
        yield return new(c, "job-ended-pension", "Beendet: Rente", Parent: "retention");
        yield return new(c, "other", "Sonstiger Verlauf");
    }

    /// <summary>DOC-04: the valid form versions of profile TH (maintained by InA-Koordination).</summary>
    private static IEnumerable<Seed> FormVersions()
    {
        const string c = CatalogueNames.FormVersions;
        var from = new DateOnly(2026, 1, 1);
        yield return new(c, "2026-01", "Merkblatt zum Sozialdatenschutz mit Hinweisblatt zum Datenschutz, Fassung 01/2026", Form: "DataProtectionNotice", ValidFrom: from);
        yield return new(c, "2026-01", "Zielvereinbarung, Fassung 01/2026", Form: "GoalAgreement", ValidFrom: from);
        yield return new(c, "2026-01", "Entbindung von der Schweigepflicht, Fassung 01/2026", Form: "ConfidentialityRelease", ValidFrom: from);
    }

    /// <summary>Personengruppe (STAT-01): the client's position in working life.</summary>
    private static IEnumerable<Seed> WorkingLifePositions()
    {
        const string c = CatalogueNames.WorkingLifePositions;
        yield return new(c, "employee", "Beschäftigte/r");
        yield return new(c, "unemployed", "Arbeitslose/r");
        yield return new(c, "pupil", "Schüler/in");
        yield return new(c, "sheltered-workshop", "Beschäftigte/r einer WfbM");
    }

    /// <summary>Aufgaben (TOP-01): what is worked on, evaluated qualitatively. Parent groups them for the form.</summary>
    private static IEnumerable<Seed> Topics()
    {
        const string c = CatalogueNames.Topics;
        (string Code, string Label, string Group)[] topics =
        [
            ("clarify-eligibility", "Klärung Zielgruppe und Zuständigkeit", "Abklärung"),
            ("clarify-funder", "Klärung des Kostenträgers", "Abklärung"),
            ("profile", "Fähigkeits-, Leistungs- und Interessenprofil erarbeiten", "Beratung"),
            ("counselling-job", "Beratung zu Fragen des Arbeitsverhältnisses", "Beratung"),
            ("counselling-benefits", "Beratung zu Leistungen und Anträgen", "Beratung"),
            ("dismissal-protection", "Besonderer Kündigungsschutz", "Sicherung"),
            ("workplace-conflict", "Konflikte am Arbeitsplatz", "Sicherung"),
            ("workplace-adaptation", "Arbeitsplatzgestaltung / technische Arbeitshilfen", "Sicherung"),
            ("reintegration", "Stufenweise Wiedereingliederung", "Sicherung"),
            ("bem", "Betriebliches Eingliederungsmanagement (BEM)", "Sicherung"),
            ("workplace-accompaniment", "Begleitung am Arbeitsplatz", "Sicherung"),
            ("jobcoaching", "Jobcoaching", "Sicherung"),
            ("schwbav-27", "Leistungen nach § 27 SchwbAV", "Sicherung"),
            ("crisis", "Krisenintervention", "Psychosoziale Unterstützung"),
            ("psychosocial", "Psychosoziale Betreuung", "Psychosoziale Unterstützung"),
            ("health", "Gesundheitliche Situation / Leistungsfähigkeit", "Psychosoziale Unterstützung"),
            ("inform-colleagues", "Information und Beratung von Kolleginnen und Kollegen (mit Einwilligung)", "Arbeitgeber"),
            ("employer-counselling", "Beratung des Arbeitgebers", "Arbeitgeber"),
            ("employer-benefits", "Unterstützung des Arbeitgebers bei Anträgen", "Arbeitgeber"),
            ("job-search", "Arbeitsplatzsuche und Bewerbung", "Vermittlung"),
            ("job-development", "Arbeitsplätze erschließen (Akquise)", "Vermittlung"),
            ("internship", "Praktikum / Probebeschäftigung", "Vermittlung"),
            ("preparation", "Vorbereitung auf den Arbeitsplatz", "Vermittlung"),
            ("career-orientation", "Berufsorientierung (Schule)", "Übergang Schule – Beruf"),
            ("apprenticeship-support", "Ausbildungsbegleitung", "Übergang Schule – Beruf"),
            ("workshop-transition", "Übergang aus der WfbM", "Übergang Schule – Beruf"),
            ("aftercare", "Nachbetreuung", "Sicherung"),
            ("retirement", "Übergang in Rente", "Sonstiges"),
            ("other", "Sonstiges", "Sonstiges"),
        ];
        foreach (var (code, label, group) in topics)
        {
            yield return new(c, code, label, Parent: group);
        }
    }

    /// <summary>Leistungen und Ergebnisse (LEK), evaluated statistically; some preset the case funder as LEK funder (FU-05).</summary>
    private static IEnumerable<Seed> Outcomes()
    {
        const string c = CatalogueNames.Outcomes;
        (string Code, string Label, string Group, bool Preset)[] outcomes =
        [
            ("qb-done", "Qualifizierte Beratung durchgeführt", "Beratung", true),
            ("profile-done", "Fähigkeits-, Leistungs- und Interessenprofil erstellt", "Beratung", true),
            ("workplace-analysis", "Arbeitsplatzanalyse durchgeführt", "Sicherung", true),
            ("technical-aids", "Technische Arbeitshilfe beantragt / bewilligt", "Sicherung", false),
            ("workplace-adaptation", "Behinderungsgerechte Arbeitsplatzgestaltung umgesetzt", "Sicherung", false),
            ("reintegration", "Stufenweise Wiedereingliederung begleitet", "Sicherung", false),
            ("bem-support", "BEM-Verfahren begleitet", "Sicherung", true),
            ("workplace-accompaniment", "Arbeitsplatzbegleitung durchgeführt", "Sicherung", true),
            ("jobcoaching", "Jobcoaching durchgeführt", "Sicherung", false),
            ("schwbav-27", "Leistungen nach § 27 SchwbAV (besondere Aufwendungen) bewilligt", "Sicherung", false),
            ("wage-subsidy", "Lohnkostenzuschuss / Eingliederungszuschuss bewilligt", "Sicherung", false),
            ("dismissal-protection", "Kündigungsschutzverfahren begleitet", "Sicherung", true),
            ("conflict-resolved", "Konflikt am Arbeitsplatz geklärt", "Sicherung", true),
            ("internal-move", "Innerbetriebliche Umsetzung erreicht", "Sicherung", true),
            ("crisis-intervention", "Krisenintervention durchgeführt", "Psychosoziale Unterstützung", true),
            ("psychosocial-support", "Psychosoziale Betreuung durchgeführt", "Psychosoziale Unterstützung", true),
            ("therapy-referral", "Vermittlung in Therapie / Beratungsstelle", "Psychosoziale Unterstützung", false),
            ("colleagues-informed", "Kolleginnen und Kollegen informiert (mit Einwilligung)", "Arbeitgeber", true),
            ("employer-counselled", "Arbeitgeber beraten", "Arbeitgeber", true),
            ("employer-application", "Arbeitgeber bei Antrag unterstützt", "Arbeitgeber", true),
            ("internship", "Praktikum durchgeführt", "Vermittlung", true),
            ("trial-employment", "Probebeschäftigung vereinbart", "Vermittlung", false),
            ("job-found", "Arbeitsplatz gefunden", "Vermittlung", true),
            ("apprenticeship-found", "Ausbildungsplatz gefunden", "Vermittlung", true),
            ("job-developed", "Arbeitsplatz erschlossen", "Vermittlung", true),
            ("career-orientation", "Berufsorientierung durchgeführt (Schule)", "Übergang Schule – Beruf", true),
            ("apprenticeship-accompanied", "Ausbildung begleitet", "Übergang Schule – Beruf", true),
            ("workshop-transition", "Übergang aus der WfbM begleitet", "Übergang Schule – Beruf", true),
            ("aftercare", "Nachbetreuung durchgeführt", "Sicherung", true),
            ("pension-transition", "Übergang in Rente begleitet", "Sonstiges", false),
        ];
        foreach (var (code, label, group, preset) in outcomes)
        {
            yield return new(c, code, label, Parent: group, PresetsCaseFunder: preset);
        }
    }
}
