using Teilhabe.Core.Organisations;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Catalogues;

/// <summary>
/// One entry of a catalogue (legal bases, care types, topics, LEK …). The code never changes (API.md
/// "Stable codes"); the label is maintained by administrators. TOP-01: an entry in use can only be
/// retired, not deleted; every label change raises the version.
/// </summary>
public sealed class CatalogueEntry : IAuditedEntity
{
    public const string RetireRule = "TOP-01";

    /// <summary>FU-06: every legal basis belongs to one funder group.</summary>
    public static RuleViolation LegalBasisNeedsGroup => new("FU-06", "Jede gesetzliche Grundlage gehört zu einer Auftraggebergruppe: IntegrationOffice, Rehabilitation oder JobPlacement.", "group");

    /// <summary>TOP-01: an entry in use is retired, never deleted.</summary>
    public RuleViolation InUse() => new(RetireRule, $"„{Label}“ wird bereits verwendet und kann nur stillgelegt, nicht gelöscht werden.", "code");

    private CatalogueEntry()
    {
        Catalogue = string.Empty;
        Code = string.Empty;
        Label = string.Empty;
    }

    public CatalogueEntry(string catalogue, string code, string label, int sortOrder)
    {
        Id = Guid.CreateVersion7();
        Catalogue = catalogue;
        Code = code;
        Label = label;
        SortOrder = sortOrder;
        Active = true;
        Version = 1;
    }

    public Guid Id { get; private set; }
    public string Catalogue { get; private set; }
    public string Code { get; private set; }
    public string Label { get; private set; }
    public bool Active { get; private set; }
    public int SortOrder { get; private set; }
    public int Version { get; private set; }

    /// <summary>FU-06: the Auftraggeber group of a legal basis (IntegrationOffice, Rehabilitation, JobPlacement).</summary>
    public string? Group { get; set; }

    /// <summary>DOC-04: the form a form version belongs to (DataProtectionNotice, GoalAgreement, ConfidentialityRelease); empty elsewhere.</summary>
    public string Form { get; set; } = string.Empty;

    /// <summary>DOC-04: from when a form version is the valid one.</summary>
    public DateOnly? ValidFrom { get; set; }

    /// <summary>A related code: the care type a legal basis implies, or the catalogue group of a topic or LEK.</summary>
    public string? Parent { get; set; }

    /// <summary>FU-05: an LEK entry that presets the case funder as LEK funder.</summary>
    public bool PresetsCaseFunder { get; set; }

    public void Relabel(string label)
    {
        if (label.Trim() == Label)
        {
            return;
        }

        Label = label.Trim();
        Version++;
    }

    public void Retire() => Active = false;

    public void Reactivate() => Active = true;
}

/// <summary>The catalogue names of API.md.</summary>
public static class CatalogueNames
{
    public const string LegalBases = "legal-bases";
    public const string CareTypes = "care-types";
    public const string CaseGroups = "case-groups";
    public const string ReferringBodies = "referring-bodies";
    public const string Topics = "topics";
    public const string Outcomes = "outcomes";
    public const string DisabilityCategories = "disability-categories";
    public const string EmploymentKinds = "employment-kinds";
    public const string ClosingReasons = "closing-reasons";
    public const string OutcomeCategories = "outcome-categories";
    public const string FormVersions = "form-versions";
    public const string WorkingLifePositions = "working-life-positions";

    public static readonly IReadOnlyList<string> All =
    [
        LegalBases, CareTypes, CaseGroups, ReferringBodies, Topics, Outcomes, DisabilityCategories,
        EmploymentKinds, ClosingReasons, OutcomeCategories, FormVersions, WorkingLifePositions,
    ];

    public static string GermanLabel(string name) => name switch
    {
        LegalBases => "Gesetzliche Grundlagen",
        CareTypes => "Betreuungsarten",
        CaseGroups => "Fallgruppen",
        ReferringBodies => "Einleitende Stellen",
        Topics => "Aufgaben",
        Outcomes => "Leistungen und Ergebnisse (LEK)",
        DisabilityCategories => "Arten der Beeinträchtigung",
        EmploymentKinds => "Beschäftigungssituationen",
        ClosingReasons => "Abmeldegründe",
        OutcomeCategories => "Ergebniskategorien",
        FormVersions => "Formularversionen",
        WorkingLifePositions => "Stellung im Erwerbsleben",
        _ => name,
    };
}
