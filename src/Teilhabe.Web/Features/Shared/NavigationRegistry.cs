using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.Web.Features.Directory;

namespace Teilhabe.Web.Features.Shared;

/// <summary>The main navigation per role. Features add their entry here.</summary>
internal static class NavigationRegistry
{
    private static readonly List<(string Href, string Label, string[] Roles)> Entries =
    [
        ("/klienten", "Klientinnen und Klienten", [Roles.Caseworker, Roles.Deputy, Roles.ServiceLead, Roles.Trainer, Roles.ProgrammeLead, Roles.IntegrationOfficeCoordinator]),
        ("/faelle", "Aufträge", [Roles.Caseworker, Roles.Deputy, Roles.ServiceLead, Roles.IntegrationOfficeCoordinator]),
        ("/wiedervorlagen", "Wiedervorlagen", [Roles.Caseworker, Roles.Deputy, Roles.ServiceLead, Roles.IntegrationOfficeCoordinator, Roles.Trainer, Roles.ProgrammeLead]),
        ("/team", "Team", [Roles.ServiceLead]),
        ("/lek-ohne-startdatum", "LEK ohne Startdatum", [Roles.Caseworker, Roles.Deputy, Roles.ServiceLead]),
        ("/institutionen", "Institutionen", DirectoryApi.DirectoryEditors),
        ("/leistungstraeger", "Leistungsträger", DirectoryApi.DirectoryEditors),
        ("/ina", "InA-Koordination", [Roles.IntegrationOfficeCoordinator]),
        ("/ina/freischaltungen", "Freischaltungen", [Roles.IntegrationOfficeCoordinator]),
        ("/abwesenheiten", "Abwesenheiten", [Roles.Caseworker, Roles.Deputy, Roles.ServiceLead]),
        ("/faelle/umverteilen", "Aufträge umverteilen", [Roles.ServiceLead]),
        ("/uebernahmen", "Übernahmen", [Roles.Caseworker, Roles.ServiceLead]),
        ("/ina/uebernahmen", "Übernahmen zwischen IFD", [Roles.IntegrationOfficeCoordinator]),
        ("/ina/meldungen", "Meldungen", [Roles.IntegrationOfficeCoordinator]),
        ("/verwaltung/benutzer", "Benutzerkonten", [Roles.Administrator, Roles.IntegrationOfficeCoordinator]),
        ("/verwaltung/organisationen", "Organisationen und IFD", [Roles.Administrator]),
        ("/verwaltung/landesprofile", "Landesprofile", [Roles.Administrator]),
        ("/verwaltung/kataloge", "Kataloge", [Roles.Administrator, Roles.IntegrationOfficeCoordinator]),
        ("/programme", "Programme", [Roles.Trainer, Roles.ProgrammeLead]),
        ("/protokoll", "Protokoll", [Roles.Administrator, Roles.ServiceLead]),
        ("/statistik", "Statistik", [Roles.ServiceLead, Roles.IntegrationOfficeCoordinator]),
        ("/netzwerke", "Netzwerke", [Roles.ServiceLead, Roles.Caseworker, Roles.IntegrationOfficeCoordinator]),
        ("/loeschung", "Zur Löschung anstehend", [Roles.ServiceLead, Roles.Administrator]),
    ];

    public static IEnumerable<LayoutModel.NavLink> For(ICurrentUser user)
        => Entries.Where(e => e.Roles.Any(user.IsInRole)).Select(e => new LayoutModel.NavLink(e.Href, e.Label));
}
