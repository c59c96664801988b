using Teilhabe.Core.Directory;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Contacts;

/// <summary>FU-04 / FU-05: which body is the LEK funder.</summary>
public static class OutcomeFunder
{
    /// <summary>
    /// A chosen funder must be released for the IFD (FU-04). Without a choice: the case funder where the
    /// catalogue entry presets it; otherwise (no money flows) the Integrationsamt — unless a Reha-Träger is the
    /// case funder, then that Reha-Träger (FU-05).
    /// </summary>
    public static (Guid? FunderId, IReadOnlyList<RuleViolation> Errors) Resolve(
        bool presetsCaseFunder, Funder? chosen, Guid serviceId, Funder? caseFunder, Guid? integrationOfficeFunderId)
    {
        if (chosen is not null)
        {
            return chosen.IsReleasedFor(serviceId)
                ? (chosen.Id, [])
                : (null, [new(Funder.ReleaseRule, $"„{chosen.Name}“ ist für diesen IFD noch nicht als Leistungsträger für LEK freigegeben.", "serviceFunderId")]);
        }

        if (presetsCaseFunder && caseFunder is not null)
        {
            return (caseFunder.Id, []);
        }

        if (caseFunder is not null && IsRehabilitationBody(caseFunder.Kind))
        {
            return (caseFunder.Id, []);
        }

        return (integrationOfficeFunderId, []);
    }

    /// <summary>Rehabilitationsträger of § 6 SGB IX among the funder kinds (not the Jobcenter, not the Integrationsamt).</summary>
    public static bool IsRehabilitationBody(FunderKind kind) => kind is FunderKind.EmploymentAgency or FunderKind.PensionInsurance
        or FunderKind.AccidentInsurance or FunderKind.HealthInsurance or FunderKind.IntegrationAssistance or FunderKind.YouthWelfare;
}
