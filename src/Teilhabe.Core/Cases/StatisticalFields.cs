using Teilhabe.Core.Clients;

namespace Teilhabe.Core.Cases;

/// <summary>
/// PH-P3-01 / STAT-01: the statistically required fields of client and case, declared once. The P3 check,
/// the form markers and the statistics all read this list, so the user is told what is missing rather
/// than having to guess.
/// </summary>
public static class StatisticalFields
{
    public sealed record Field(string Key, string Label, Func<Client, Case, DateOnly, bool> IsPresent);

    public static readonly IReadOnlyList<Field> All =
    [
        new("client.workingLifePosition", "Stellung im Erwerbsleben (Personengruppe)", (cl, _, _) => cl.WorkingLifePosition is not null),
        new("client.disabilityStatus", "Status der Behinderung mit Nachweis (Feststellungs- oder Gleichstellungsbescheid)",
            (cl, _, _) => cl.DisabilityStatus is not (DisabilityStatus.None or DisabilityStatus.Incomplete)),
        new("client.careRelevantDisability", "Betreuungsrelevante Behinderung (Art der Beeinträchtigung)", (cl, _, _) => cl.Disabilities.Any(d => d.CareRelevant)),
        new("client.employmentSituation", "Aktuelle Beschäftigungssituation", (cl, _, today) => cl.EmploymentOn(today) is not null),
        new("case.referringBodyCode", "Einleitende Stelle", (_, c, _) => c.ReferringBodyCode is not null),
        new("case.caseGroupCode", "Fallgruppe", (_, c, _) => c.CaseGroupCode is not null),
        new("case.funderId", "Auftraggeber (Fallleistungsträger)", (_, c, _) => c.FunderId is not null),
        new("case.legalBasisCode", "Gesetzliche Grundlage", (_, c, _) => c.LegalBasisCode is not null),
        new("case.careTypeCode", "Betreuungsart", (_, c, _) => c.CareTypeCode is not null),
    ];

    public static IReadOnlyList<Field> Missing(Client client, Case @case, DateOnly today)
        => [.. All.Where(f => !f.IsPresent(client, @case, today))];
}
