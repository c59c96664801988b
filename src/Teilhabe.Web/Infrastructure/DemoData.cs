using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Data;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Organisations;
using Teilhabe.Core.Time;
using Teilhabe.Web.Features.Accounts;

namespace Teilhabe.Web.Infrastructure;

/// <summary>Demo data for the first README command: one Integrationsamt, one Träger, two IFDs, a user for every role.</summary>
internal static class DemoData
{
    /// <summary>Shared by all demo users; printed at start. Demo only — never used outside --demo.</summary>
    public const string Password = "Demo#Teilhabe1";

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string? Service)> Users =
    [
        ("admin", "Administration", Roles.Administrator, null),
        ("ina.koordination", "Ines Koordinatorin", Roles.IntegrationOfficeCoordinator, null),
        ("leitung.erfurt", "Lena Leitung", Roles.ServiceLead, "IFD Erfurt"),
        ("fachkraft.erfurt", "Frank Fachkraft", Roles.Caseworker, "IFD Erfurt"),
        ("vertretung.erfurt", "Vera Vertretung", Roles.Deputy, "IFD Erfurt"),
        ("leitung.jena", "Jonas Leitung", Roles.ServiceLead, "IFD Jena"),
        ("fachkraft.jena", "Julia Fachkraft", Roles.Caseworker, "IFD Jena"),
        ("trainer.erfurt", "Tim Trainer", Roles.Trainer, "IFD Erfurt"),
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

        var today = sp.GetRequiredService<TimeProvider>().Today();
        await SeedDirectoryAndClientsAsync(db, office.Id, provider.Id, services["IFD Erfurt"], services["IFD Jena"], today);
        await DemoCases.SeedAsync(db, sp.GetRequiredService<Features.Documents.IDocumentStore>(), today);
        await DemoIfdTasks.SeedAsync(db, today);

        // REP-03: a generated Anfangsbericht on the P3 Sicherung of IFD Erfurt.
        var sicherung = await db.Cases.Include(c => c.History).Include(c => c.Deputies)
            .FirstOrDefaultAsync(c => c.ServiceId == services["IFD Erfurt"].Id && c.Phase == Core.Cases.Phase.P3 && c.CareTypeCode == Core.Cases.CareTypes.Retention);
        if (sicherung is not null)
        {
            await sp.GetRequiredService<Features.Reports.ReportService>().GenerateUncheckedAsync(sicherung, Core.Reports.ReportKind.InitialCare, CancellationToken.None);
        }
        await DemoProgrammes.SeedAsync(db, services["IFD Erfurt"], today);
        await DemoNetwork.SeedAsync(db, office.Id, provider.Id, today);
    }

    private static async Task SeedDirectoryAndClientsAsync(TeilhabeDbContext db, Guid office, Guid provider, Service erfurt, Service jena, DateOnly today)
    {
        var employer = new Institution(office, "Stadtwerke Erfurt GmbH", InstitutionKind.Employer, null, new Address("Magdeburger Allee 34", "99086", "Erfurt"));
        employer.AddContact("Herr Brandt", "Personalleitung", "0361 5640", null);
        var bakery = new Institution(office, "Bäckerei Rosenthal", InstitutionKind.Employer, null, new Address("Krämerbrücke 5", "99084", "Erfurt"));
        var inclusion = new Institution(office, "Inklusionsbetrieb Saalegrün gGmbH", InstitutionKind.InclusionCompany, provider, new Address("Am Anger 2", "07743", "Jena"));
        var workshop = new Institution(office, "Werkstätten Thüringer Land", InstitutionKind.ShelteredWorkshop, null, new Address("Werkstraße 1", "99091", "Erfurt"));
        db.Institutions.AddRange(employer, bakery, inclusion, workshop);

        var ina = new Funder(office, "TLVwA – Referat 640 – Integrationsamt", FunderKind.IntegrationOffice, new Address("Weimarplatz 4", "99423", "Weimar"));
        var agency = new Funder(office, "Agentur für Arbeit Erfurt", FunderKind.EmploymentAgency, new Address("Max-Reger-Straße 1", "99096", "Erfurt"));
        var drv = new Funder(office, "Deutsche Rentenversicherung Mitteldeutschland", FunderKind.PensionInsurance, null);
        var aok = new Funder(office, "AOK PLUS", FunderKind.HealthInsurance, null);
        aok.AddContact("Frau Lindner", "Krankengeldfallmanagement", "0800 1059000", null);
        aok.Release(erfurt.Id, null, DateTimeOffset.UtcNow);
        db.Funders.AddRange(ina, agency, drv, aok);

        Client Person(Service s, string last, string first, DateOnly birth, Gender g, string position)
        {
            var c = new Client(s.Id, s.IntegrationOfficeId, new ClientData(last, first, birth, g, "deutsch", new Address("Musterweg 1", "99084", "Erfurt"), WorkingLifePosition: position));
            db.Clients.Add(c);
            return c;
        }

        var mueller = Person(erfurt, "Müller", "Jürgen", new DateOnly(1968, 5, 1), Gender.Male, "employee");
        mueller.AddEvidence(EvidenceKind.Feststellungsbescheid, new DateOnly(2024, 3, 12), new DateOnly(2024, 1, 1), 50, null);
        mueller.AddDisability("physical-orthopaedic", "Funktionsbehinderung der Wirbelsäule", true, false);
        mueller.AddDisability("mental", "Depressive Störung", true, false);
        mueller.AddEmployment("employed", new DateOnly(2015, 8, 1), employer.Id, today);

        var schmidt = Person(erfurt, "Schmidt", "Aylin", new DateOnly(1995, 9, 17), Gender.Female, "unemployed");
        schmidt.AddEvidence(EvidenceKind.Feststellungsbescheid, new DateOnly(2023, 6, 1), null, 30, null);
        schmidt.AddEvidence(EvidenceKind.Gleichstellungsbescheid, new DateOnly(2023, 9, 1), null, 30, null);
        schmidt.AddDisability("hearing", "Hochgradige Schwerhörigkeit beidseits", true, false);
        schmidt.AddEmployment("unemployed", new DateOnly(2025, 10, 1), null, today);
        schmidt.AddEmployment("employed", today.AddMonths(1), bakery.Id, today);

        var weiss = Person(erfurt, "Weiß", "Dominik", new DateOnly(2007, 2, 3), Gender.Male, "pupil");
        weiss.AddEvidence(EvidenceKind.Schwerbehindertenausweis, new DateOnly(2022, 4, 4), null, 60, null);
        weiss.AddDisability("intellectual-learning", "Lernbehinderung", true, false);
        weiss.AddEmployment("school", new DateOnly(2013, 8, 1), null, today);

        var kaya = Person(jena, "Kaya", "Sam", new DateOnly(1983, 12, 24), Gender.Diverse, "sheltered-workshop");
        kaya.AddEvidence(EvidenceKind.Feststellungsbescheid, new DateOnly(2019, 11, 30), null, 80, null);
        kaya.AddDisability("neurological", "Epilepsie", true, false);
        kaya.AddEmployment("sheltered-workshop", new DateOnly(2010, 9, 1), workshop.Id, today);

        await db.SaveChangesAsync();
    }
}
