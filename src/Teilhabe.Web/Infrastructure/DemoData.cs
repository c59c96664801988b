using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.Core.Organisations;
using Teilhabe.Web.Features.Accounts;

namespace Teilhabe.Web.Infrastructure;

/// <summary>Demo data for the first README command: one Integrationsamt, one Träger, two IFDs, a user for every role.</summary>
public static class DemoData
{
    /// <summary>Shared by all demo users; printed at start. Demo only — never used outside --demo.</summary>
    public const string Password = "Demo#Teilhabe1";

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string? Service)> Users =
    [
        ("admin", "Administration", Roles.Administrator, null),
        ("ina.koordination", "Ines Koordinatorin (InA Thüringen)", Roles.IntegrationOfficeCoordinator, null),
        ("leitung.erfurt", "Lena Leitung (IFD Erfurt)", Roles.ServiceLead, "IFD Erfurt"),
        ("fachkraft.erfurt", "Frank Fachkraft (IFD Erfurt)", Roles.Caseworker, "IFD Erfurt"),
        ("vertretung.erfurt", "Vera Vertretung (IFD Erfurt)", Roles.Deputy, "IFD Erfurt"),
        ("leitung.jena", "Jonas Leitung (IFD Jena)", Roles.ServiceLead, "IFD Jena"),
        ("fachkraft.jena", "Julia Fachkraft (IFD Jena)", Roles.Caseworker, "IFD Jena"),
        ("trainer.erfurt", "Tim Trainer (Programm)", Roles.Trainer, "IFD Erfurt"),
        ("programmleitung.erfurt", "Paula Programmleitung", Roles.ProgrammeLead, "IFD Erfurt"),
    ];

    public static async Task SeedAsync(IServiceProvider sp)
    {
        var db = sp.GetRequiredService<TeilhabeDbContext>();
        if (await db.Organisations.AnyAsync())
        {
            return;
        }

        var office = new Organisation(OrganisationKind.IntegrationOffice, "Integrationsamt Thüringen", "TH");
        var provider = new Organisation(OrganisationKind.Provider, "Inklusion Thüringen gGmbH", "TH");
        db.Organisations.AddRange(office, provider);
        var services = new Dictionary<string, Service>
        {
            ["IFD Erfurt"] = new("IFD Erfurt", provider.Id, office.Id),
            ["IFD Jena"] = new("IFD Jena", provider.Id, office.Id),
        };
        db.Services.AddRange(services.Values);
        await db.SaveChangesAsync();

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var accounts = sp.GetRequiredService<AccountService>();
        foreach (var (userName, displayName, role, serviceName) in Users)
        {
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }

            var service = serviceName is null ? null : services[serviceName];
            var user = new AppUser(userName, displayName)
            {
                ServiceId = service?.Id,
                IntegrationOfficeId = role == Roles.Administrator ? null : office.Id,
            };
            var roles = role == Roles.Deputy ? new[] { Roles.Caseworker, Roles.Deputy } : [role];
            await accounts.CreateAsync(user, Password, roles, mustChangePassword: false);
        }
    }
}
