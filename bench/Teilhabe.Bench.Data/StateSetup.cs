using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Data;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Organisations;

namespace Teilhabe.Bench.Data;

/// <summary>The fixed part of the state (a few hundred rows), created through the product's own entities and EF.</summary>
public sealed class State
{
    public const string Password = "Bench#Teilhabe1";
    public const int CaseworkersPerService = 15;

    public required Guid OfficeId { get; init; }
    public required Guid[] Services { get; init; }

    /// <summary>Caseworkers per service (user ids); index 0 of service 0 is bench.fachkraft.</summary>
    public required string[][] Caseworkers { get; init; }

    public required string[] Leads { get; init; }
    public required string CoordinatorId { get; init; }
    public required string FachkraftId { get; init; }
    public required Guid InaFunder { get; init; }
    public required Guid[] Agencies { get; init; }
    public required Guid[] Jobcenters { get; init; }
    public required Guid[] RehaFunders { get; init; }
    public required Guid HealthInsurer { get; init; }

    /// <summary>Employers per service: (institution id, contact person id, contact name).</summary>
    public required (Guid Id, Guid ContactId, string ContactName)[][] Employers { get; init; }

    public int Users { get; init; }

    public static async Task<State> CreateAsync(TeilhabeDbContext db, int seed, DateTimeOffset now)
    {
        var rng = new Rng(seed, 0, 0);
        var office = WithId(db, new Organisation(OrganisationKind.IntegrationOffice, "Integrationsamt Thüringen", "TH"), rng.Guid7(now));
        var providers = new[]
        {
            WithId(db, new Organisation(OrganisationKind.Provider, "Inklusion Thüringen gGmbH", "TH"), rng.Guid7(now)),
            WithId(db, new Organisation(OrganisationKind.Provider, "Fachdienste Mitteldeutschland e. V.", "TH"), rng.Guid7(now)),
        };
        db.Organisations.Add(office);
        db.Organisations.AddRange(providers);
        var services = Names.Regions.Select((r, i) => WithId(db, new Service(r.Service, providers[i % 2].Id, office.Id), rng.Guid7(now))).ToArray();
        db.Services.AddRange(services);

        var ina = Funder(db, rng, now, office.Id, "TLVwA – Referat 640 – Integrationsamt", FunderKind.IntegrationOffice);
        var agencies = Names.Regions.Select(r => Funder(db, rng, now, office.Id, "Agentur für Arbeit " + r.Towns[0], FunderKind.EmploymentAgency)).ToArray();
        var jobcenters = Names.Regions.Select(r => Funder(db, rng, now, office.Id, "Jobcenter " + r.Towns[0], FunderKind.Jobcenter)).ToArray();
        var reha = new[]
        {
            Funder(db, rng, now, office.Id, "Deutsche Rentenversicherung Mitteldeutschland", FunderKind.PensionInsurance),
            Funder(db, rng, now, office.Id, "Deutsche Rentenversicherung Bund", FunderKind.PensionInsurance),
            Funder(db, rng, now, office.Id, "Berufsgenossenschaft Holz und Metall", FunderKind.AccidentInsurance),
            Funder(db, rng, now, office.Id, "Unfallkasse Thüringen", FunderKind.AccidentInsurance),
        };
        var aok = Funder(db, rng, now, office.Id, "AOK PLUS", FunderKind.HealthInsurance);
        var others = new[]
        {
            Funder(db, rng, now, office.Id, "BARMER", FunderKind.HealthInsurance),
            Funder(db, rng, now, office.Id, "Landratsamt Gotha – Eingliederungshilfe", FunderKind.IntegrationAssistance),
            Funder(db, rng, now, office.Id, "Jugendamt Erfurt", FunderKind.YouthWelfare),
        };

        // FU-04: every LEK funder released for every IFD.
        foreach (var f in db.ChangeTracker.Entries<Funder>().Select(e => e.Entity))
        {
            f.AddContact("Frau Sachbearbeitung", "Sachbearbeitung", "0361 " + rng.Next(100000, 999999).ToString(CultureInfo.InvariantCulture), null);
            foreach (var s in services)
            {
                f.Release(s.Id, null, now);
            }
        }

        var employers = new List<(Guid, Guid, string)>[services.Length];
        for (var s = 0; s < services.Length; s++)
        {
            employers[s] = [];
            var (_, postal, towns) = Names.Regions[s];
            for (var i = 0; i < 40; i++)
            {
                var town = towns[i % towns.Length];
                var kind = i switch { 0 => InstitutionKind.ShelteredWorkshop, 1 => InstitutionKind.School, 2 => InstitutionKind.InclusionCompany, _ => InstitutionKind.Employer };
                var name = kind switch
                {
                    InstitutionKind.ShelteredWorkshop => "Werkstätten " + town,
                    InstitutionKind.School => "Förderzentrum " + town,
                    InstitutionKind.InclusionCompany => "Inklusionsbetrieb " + town + " gGmbH",
                    _ => $"{rng.Pick(Names.EmployerStems)} {town} {rng.Pick(Names.LastNames)} GmbH",
                };
                var institution = WithId(db, new Institution(office.Id, name, kind, null, new Address(rng.Pick(Names.Streets) + " " + rng.Next(1, 80), postal + rng.Next(10, 99), town)), rng.Guid7(now));
                var person = (rng.Chance(0.5) ? "Frau " : "Herr ") + rng.Pick(Names.LastNames);
                var contact = institution.AddContact(person, "Personalleitung", "0361 " + rng.Next(100000, 999999).ToString(CultureInfo.InvariantCulture), null);
                db.Institutions.Add(institution);
                employers[s].Add((institution.Id, contact.Id, person));
            }
        }

        await db.SaveChangesAsync();

        // Identity: the roles as the app creates them, one password hash (the app's hasher) shared by all users.
        foreach (var role in Roles.All)
        {
            if (!await db.Roles.AnyAsync(r => r.Name == role))
            {
                db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = rng.Guid7(now).ToString() });
            }
        }

        await db.SaveChangesAsync();
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Password);
        var users = 0;

        string AddUser(string userName, string displayName, Guid? serviceId, Guid? officeId, params string[] roles)
        {
            var user = new AppUser(userName, displayName)
            {
                Id = rng.Guid7(now).ToString(),
                NormalizedUserName = userName.ToUpperInvariant(),
                PasswordHash = hash,
                SecurityStamp = rng.Hex(16).ToUpperInvariant(),
                ConcurrencyStamp = rng.Guid7(now).ToString(),
                LockoutEnabled = true,
                ServiceId = serviceId,
                IntegrationOfficeId = officeId,
                MustChangePassword = false,
                PasswordChangedAt = now,
            };
            db.Users.Add(user);
            db.PasswordHistory.Add(new PasswordHistoryEntry(user.Id, hash, now));
            foreach (var role in roles)
            {
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleIds[role] });
            }

            users++;
            return user.Id;
        }

        var caseworkers = new string[services.Length][];
        var leads = new string[services.Length];
        for (var s = 0; s < services.Length; s++)
        {
            var town = Names.Regions[s].Towns[0].ToLowerInvariant().Replace("ö", "oe", StringComparison.Ordinal).Replace("ü", "ue", StringComparison.Ordinal);
            leads[s] = AddUser(s == 0 ? "bench.leitung" : $"leitung.{town}", "Leitung " + Names.Regions[s].Service, services[s].Id, office.Id, Roles.ServiceLead);
            caseworkers[s] = new string[CaseworkersPerService];
            for (var i = 0; i < CaseworkersPerService; i++)
            {
                var female = rng.Chance(0.7);
                var display = $"{rng.Pick(female ? Names.FemaleFirstNames : Names.MaleFirstNames)} {rng.Pick(Names.LastNames)}";
                var userName = s == 0 && i == 0 ? "bench.fachkraft" : $"fk.{town}.{i + 1:D2}";
                caseworkers[s][i] = AddUser(userName, s == 0 && i == 0 ? "Bench Fachkraft" : display, services[s].Id, office.Id, Roles.Caseworker);
            }
        }

        var coordinator = AddUser("bench.ina", "Bench InA-Koordination", null, office.Id, Roles.IntegrationOfficeCoordinator);
        AddUser("bench.admin", "Bench Administration", null, null, Roles.Administrator);
        await db.SaveChangesAsync();

        return new State
        {
            OfficeId = office.Id,
            Services = [.. services.Select(s => s.Id)],
            Caseworkers = caseworkers,
            Leads = leads,
            CoordinatorId = coordinator,
            FachkraftId = caseworkers[0][0],
            InaFunder = ina.Id,
            Agencies = [.. agencies.Select(f => f.Id)],
            Jobcenters = [.. jobcenters.Select(f => f.Id)],
            RehaFunders = [.. reha.Select(f => f.Id)],
            HealthInsurer = aok.Id,
            Employers = [.. employers.Select(e => e.ToArray())],
            Users = users,
        };
    }

    private static Funder Funder(TeilhabeDbContext db, Rng rng, DateTimeOffset now, Guid office, string name, FunderKind kind)
    {
        var f = WithId(db, new Funder(office, name, kind, null), rng.Guid7(now));
        db.Funders.Add(f);
        return f;
    }

    /// <summary>Replaces the random Guid v7 of a new entity with one from the seeded stream (deterministic ids).</summary>
    private static T WithId<T>(TeilhabeDbContext db, T entity, Guid id)
        where T : class
    {
        db.Entry(entity).Property("Id").CurrentValue = id;
        return entity;
    }
}
