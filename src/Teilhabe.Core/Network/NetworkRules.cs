using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Network;

/// <summary>The refusals of NET-01 (members) and NET-02 (the pipeline of a job potential).</summary>
public static class NetworkRules
{
    /// <summary>NET-01: an organisation is a member once.</summary>
    public static RuleViolation AlreadyMember(string organisationName)
        => new(RuleIds.NetworkMembers, $"„{organisationName}“ ist bereits Mitglied des Netzwerks.", "organisationId");

    /// <summary>NET-01: the coordinating organisation stays a member of its network.</summary>
    public static RuleViolation CoordinatorStays => new(RuleIds.NetworkMembers, "Die koordinierende Organisation bleibt Mitglied ihres Netzwerks.", "organisationId");

    /// <summary>NET-01: the organisation responsible for a potential is a member.</summary>
    public static RuleViolation? CheckResponsible(JobNetwork network, Guid? responsibleId)
        => responsibleId is { } r && !network.HasMember(r)
            ? new(RuleIds.NetworkMembers, "Verantwortlich ist ein Mitglied des Netzwerks.", "responsibleOrganisationId")
            : null;

    /// <summary>NET-02: a closed potential is offered nobody any more.</summary>
    public static RuleViolation? CheckOpenForCandidates(JobPotential potential)
        => PotentialPipeline.IsTerminal(potential.Stage)
            ? new(RuleIds.NetworkPipeline, "Einem abgeschlossenen Potenzial werden keine Personen mehr angeboten.", "clientId")
            : null;
}
