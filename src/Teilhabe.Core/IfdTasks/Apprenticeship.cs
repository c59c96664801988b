using System.Text.Json.Serialization;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Organisations;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.IfdTasks;

[JsonConverter(typeof(JsonStringEnumConverter<Chamber>))]
public enum Chamber
{
    [JsonStringEnumMemberName("ihk")]
    Ihk,

    [JsonStringEnumMemberName("hwk")]
    Hwk,

    [JsonStringEnumMemberName("other")]
    Other,
}

[JsonConverter(typeof(JsonStringEnumConverter<ApprenticeshipStatus>))]
public enum ApprenticeshipStatus
{
    [JsonStringEnumMemberName("running")]
    Running,

    [JsonStringEnumMemberName("passed")]
    Passed,

    [JsonStringEnumMemberName("aborted")]
    Aborted,
}

public static class ApprenticeshipLabels
{
    public static string Chamber(Chamber c) => c switch
    {
        IfdTasks.Chamber.Ihk => "Industrie- und Handelskammer (IHK)",
        IfdTasks.Chamber.Hwk => "Handwerkskammer (HWK)",
        _ => "andere zuständige Stelle",
    };

    public static string ChamberCode(Chamber c) => c switch
    {
        IfdTasks.Chamber.Ihk => "ihk",
        IfdTasks.Chamber.Hwk => "hwk",
        _ => "other",
    };

    public static Chamber? ParseChamber(string? code) => code switch
    {
        "ihk" => IfdTasks.Chamber.Ihk,
        "hwk" => IfdTasks.Chamber.Hwk,
        "other" => IfdTasks.Chamber.Other,
        _ => null,
    };

    public static string Status(ApprenticeshipStatus s) => s switch
    {
        ApprenticeshipStatus.Running => "läuft",
        ApprenticeshipStatus.Passed => "bestanden",
        _ => "abgebrochen",
    };

    public static string StatusCode(ApprenticeshipStatus s) => s switch
    {
        ApprenticeshipStatus.Running => "running",
        ApprenticeshipStatus.Passed => "passed",
        _ => "aborted",
    };

    public static ApprenticeshipStatus? ParseStatus(string? code) => code switch
    {
        "running" => ApprenticeshipStatus.Running,
        "passed" => ApprenticeshipStatus.Passed,
        "aborted" => ApprenticeshipStatus.Aborted,
        _ => null,
    };
}

public sealed record ApprenticeshipDraft(
    Guid? EmployerId,
    string? Occupation,
    Chamber? Chamber,
    string? ChamberName,
    Guid? VocationalSchoolId,
    DateOnly? StartDate,
    DateOnly? PlannedEndDate,
    DateOnly? IntermediateExamOn,
    DateOnly? FinalExamOn,
    ApprenticeshipStatus? Status,
    DateOnly? EndedOn,
    string? AbortReason)
{
    public IReadOnlyList<RuleViolation> Validate(DateOnly today)
    {
        var v = new List<RuleViolation>();
        if (EmployerId is null)
        {
            v.Add(new(RuleIds.Input, "Bitte den Ausbildungsbetrieb aus dem Verzeichnis wählen.", "employerId"));
        }

        if (string.IsNullOrWhiteSpace(Occupation))
        {
            v.Add(new(RuleIds.Input, "Bitte den Ausbildungsberuf angeben.", "occupation"));
        }
        else if (Occupation.Length > 200)
        {
            v.Add(new(RuleIds.Input, "Höchstens 200 Zeichen.", "occupation"));
        }

        if (Chamber is null)
        {
            v.Add(new(RuleIds.Input, "Bitte die zuständige Kammer wählen: ihk, hwk oder other.", "chamber"));
        }

        if (ChamberName is { Length: > 200 })
        {
            v.Add(new(RuleIds.Input, "Höchstens 200 Zeichen.", "chamberName"));
        }

        if (StartDate is null)
        {
            v.Add(new(RuleIds.Input, "Bitte den Beginn der Ausbildung angeben.", "startDate"));
        }

        if (PlannedEndDate is not null && StartDate is not null && PlannedEndDate <= StartDate)
        {
            v.Add(new(RuleIds.Input, "Das geplante Ende liegt nach dem Beginn.", "plannedEndDate"));
        }

        if (Status is null)
        {
            v.Add(new(RuleIds.Input, "Bitte den Stand wählen: running (läuft), passed (bestanden) oder aborted (abgebrochen).", "status"));
        }
        else if (Status != ApprenticeshipStatus.Running)
        {
            if (EndedOn is null)
            {
                v.Add(new(RuleIds.Input, "Bitte das Datum des Abschlusses bzw. Abbruchs angeben.", "endedOn"));
            }
            else if (EndedOn > today)
            {
                v.Add(new(RuleIds.Input, "Abschluss oder Abbruch kann nicht in der Zukunft liegen.", "endedOn"));
            }
            else if (StartDate is not null && EndedOn < StartDate)
            {
                v.Add(new(RuleIds.Input, "Abschluss oder Abbruch liegt nach dem Beginn.", "endedOn"));
            }
        }

        if (Status == ApprenticeshipStatus.Aborted && string.IsNullOrWhiteSpace(AbortReason))
        {
            v.Add(new(RuleIds.Input, "Bitte den Grund des Abbruchs angeben.", "abortReason"));
        }

        if (AbortReason is { Length: > 2000 })
        {
            v.Add(new(RuleIds.Input, "Höchstens 2000 Zeichen.", "abortReason"));
        }

        return v;
    }
}

/// <summary>
/// IFD-01: accompaniment of an in-company apprenticeship. Linked to the "in Ausbildung" situation of the client's
/// employment timeline (EMP-01) instead of keeping a second start date and company there.
/// </summary>
public sealed class Apprenticeship : IServiceScoped, IAuditedEntity, IClientRelated, ICaseRelated
{
    private Apprenticeship()
    {
        Occupation = string.Empty;
    }

    public Apprenticeship(Case @case, DateTimeOffset createdAt)
        : this()
    {
        Id = Guid.CreateVersion7();
        ServiceId = @case.ServiceId;
        IntegrationOfficeId = @case.IntegrationOfficeId;
        ClientId = @case.ClientId;
        CaseId = @case.Id;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid CaseId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? EmployerId { get; private set; }
    public string Occupation { get; private set; }
    public Chamber Chamber { get; private set; }
    public string? ChamberName { get; private set; }
    public Guid? VocationalSchoolId { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly? PlannedEndDate { get; private set; }
    public DateOnly? IntermediateExamOn { get; private set; }
    public DateOnly? FinalExamOn { get; private set; }
    public ApprenticeshipStatus Status { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public string? AbortReason { get; private set; }

    /// <summary>EMP-01: the "apprenticeship" situation of the client's timeline this accompaniment belongs to.</summary>
    public Guid? EmploymentSituationId { get; private set; }

    public int Version { get; private set; }

    Guid? IClientRelated.ClientId => ClientId;
    Guid? ICaseRelated.CaseId => CaseId;

    public IReadOnlyList<RuleViolation> Update(ApprenticeshipDraft d, DateOnly today)
    {
        var v = d.Validate(today);
        if (v.Count > 0)
        {
            return v;
        }

        EmployerId = d.EmployerId;
        Occupation = d.Occupation!.Trim();
        Chamber = d.Chamber!.Value;
        ChamberName = string.IsNullOrWhiteSpace(d.ChamberName) ? null : d.ChamberName.Trim();
        VocationalSchoolId = d.VocationalSchoolId;
        StartDate = d.StartDate!.Value;
        PlannedEndDate = d.PlannedEndDate;
        IntermediateExamOn = d.IntermediateExamOn;
        FinalExamOn = d.FinalExamOn;
        Status = d.Status!.Value;
        EndedOn = Status == ApprenticeshipStatus.Running ? null : d.EndedOn;
        AbortReason = Status == ApprenticeshipStatus.Aborted ? d.AbortReason!.Trim() : null;
        Version++;
        return [];
    }

    public void LinkTimeline(Guid employmentSituationId) => EmploymentSituationId = employmentSituationId;
}
