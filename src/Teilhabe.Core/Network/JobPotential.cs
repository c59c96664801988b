using Teilhabe.Core.Organisations;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Network;

/// <summary>NET-02: a possible new job (or new Inklusionsbetrieb) the network works on.</summary>
public sealed class JobPotential : IAuditedEntity
{
    private readonly List<PotentialStageChange> _stageChanges = [];

    private JobPotential()
    {
        Title = string.Empty;
        EmployerName = string.Empty;
        Region = string.Empty;
        CreatedBy = string.Empty;
    }

    public JobPotential(JobNetwork network, PotentialDraft draft, Guid responsibleOrganisationId, DateOnly today, DateTimeOffset now, string? by)
        : this()
    {
        Id = Guid.CreateVersion7();
        NetworkId = network.Id;
        Title = draft.Title.Trim();
        EmployerName = draft.EmployerName.Trim();
        EmployerInstitutionId = draft.EmployerInstitutionId;
        Jobs = draft.Jobs;
        FundingSource = string.IsNullOrWhiteSpace(draft.FundingSource) ? null : draft.FundingSource.Trim();
        Region = string.IsNullOrWhiteSpace(draft.Region) ? network.Region : draft.Region.Trim();
        ResponsibleOrganisationId = responsibleOrganisationId;
        Stage = PotentialStage.Identified;
        IdentifiedOn = today;
        StageSince = today;
        CreatedBy = by ?? string.Empty;
        _stageChanges.Add(new PotentialStageChange(null, PotentialStage.Identified, today, now, by));
    }

    public Guid Id { get; private set; }
    public Guid NetworkId { get; private set; }
    public string Title { get; private set; }
    public string EmployerName { get; private set; }

    /// <summary>The employer in the directory shared by the IFDs of an Integrationsamt, when it is there.</summary>
    public Guid? EmployerInstitutionId { get; private set; }

    public int Jobs { get; private set; }

    /// <summary>NET-02: e.g. "Ausgleichsabgabe".</summary>
    public string? FundingSource { get; private set; }

    public string Region { get; private set; }

    /// <summary>The member organisation in charge; candidates are revealed to it (NET-03).</summary>
    public Guid ResponsibleOrganisationId { get; private set; }

    public PotentialStage Stage { get; private set; }
    public DateOnly IdentifiedOn { get; private set; }
    public DateOnly StageSince { get; private set; }
    public string CreatedBy { get; private set; }
    public IReadOnlyList<PotentialStageChange> StageChanges => _stageChanges;

    /// <summary>NET-02: moves along the pipeline and records the change with date and user.</summary>
    public IReadOnlyList<RuleViolation> MoveTo(PotentialStage to, DateOnly today, DateTimeOffset now, string? by)
    {
        var errors = PotentialPipeline.Check(Stage, to);
        if (errors.Count > 0)
        {
            return errors;
        }

        _stageChanges.Add(new PotentialStageChange(Stage, to, today, now, by));
        Stage = to;
        StageSince = today;
        return [];
    }

    public static IReadOnlyList<RuleViolation> Validate(PotentialDraft draft)
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(draft.Title))
        {
            errors.Add(new(RuleIds.Input, "Bitte geben Sie einen Titel an.", "title"));
        }

        if (string.IsNullOrWhiteSpace(draft.EmployerName))
        {
            errors.Add(new(RuleIds.Input, "Bitte nennen Sie den Arbeitgeber.", "employerName"));
        }

        if (draft.Jobs is < 1 or > 1000)
        {
            errors.Add(new(RuleIds.Input, "Die Zahl der Arbeitsplätze liegt zwischen 1 und 1000.", "jobs"));
        }

        InputCheck.MaxLength(errors, "title", draft.Title, 200, "Der Titel");
        InputCheck.MaxLength(errors, "employerName", draft.EmployerName, 200, "Der Arbeitgeber");
        InputCheck.MaxLength(errors, "fundingSource", draft.FundingSource, 200, "Die Finanzierung");
        InputCheck.MaxLength(errors, "region", draft.Region, 100, "Die Region");
        return errors;
    }
}

public sealed record PotentialDraft(string Title, string EmployerName, int Jobs, string? FundingSource, string? Region = null, Guid? EmployerInstitutionId = null);

/// <summary>NET-02: one move of a potential, with the day and who moved it.</summary>
public sealed class PotentialStageChange
{
    private PotentialStageChange()
    {
        By = string.Empty;
    }

    internal PotentialStageChange(PotentialStage? from, PotentialStage to, DateOnly on, DateTimeOffset at, string? by)
        : this()
    {
        Id = Guid.CreateVersion7();
        From = from;
        To = to;
        On = on;
        At = at;
        By = by ?? string.Empty;
    }

    public Guid Id { get; private set; }
    public PotentialStage? From { get; private set; }
    public PotentialStage To { get; private set; }
    public DateOnly On { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string By { get; private set; }
}
