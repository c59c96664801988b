namespace Teilhabe.Core.Accounts;

/// <summary>The roles of ACC-06.</summary>
public static class Roles
{
    public const string Caseworker = "Caseworker";
    public const string Deputy = "Deputy";
    public const string ServiceLead = "ServiceLead";
    public const string IntegrationOfficeCoordinator = "IntegrationOfficeCoordinator";
    public const string Administrator = "Administrator";
    public const string Trainer = "Trainer";
    public const string ProgrammeLead = "ProgrammeLead";

    public static readonly IReadOnlyList<string> All =
        [Caseworker, Deputy, ServiceLead, IntegrationOfficeCoordinator, Administrator, Trainer, ProgrammeLead];

    /// <summary>Roles that work inside one IFD and therefore need a service.</summary>
    public static readonly IReadOnlySet<string> ServiceBound =
        new HashSet<string> { Caseworker, Deputy, ServiceLead, Trainer, ProgrammeLead };

    public static string GermanLabel(string role) => role switch
    {
        Caseworker => "Fachkraft",
        Deputy => "Vertretung",
        ServiceLead => "IFD-Leitung",
        IntegrationOfficeCoordinator => "InA-Koordination",
        Administrator => "Administration",
        Trainer => "Trainer/in",
        ProgrammeLead => "Programmleitung",
        _ => role,
    };
}
