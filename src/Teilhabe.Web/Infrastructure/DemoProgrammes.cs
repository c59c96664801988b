using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Data;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Organisations;
using Teilhabe.Core.Programmes;

namespace Teilhabe.Web.Infrastructure;

/// <summary>Demo programmes (section 9): an individual coaching programme and a modular qualification with a Budgetnehmer.</summary>
internal static class DemoProgrammes
{
    public static async Task SeedAsync(TeilhabeDbContext db, Service service, DateOnly today)
    {
        var agency = await db.Funders.IgnoreQueryFilters().FirstAsync(f => f.IntegrationOfficeId == service.IntegrationOfficeId && f.Kind == FunderKind.EmploymentAgency);
        var jobcenter = new Funder(service.IntegrationOfficeId, "Jobcenter Erfurt", FunderKind.Jobcenter, new Address("Max-Reger-Straße 1", "99096", "Erfurt"));
        var eh = new Funder(service.IntegrationOfficeId, "Eingliederungshilfe Stadt Erfurt", FunderKind.IntegrationAssistance, new Address("Fischmarkt 1", "99084", "Erfurt"));
        db.Funders.AddRange(jobcenter, eh);

        var coaching = new Programme(service.Id, service.IntegrationOfficeId, service.ProviderId, "Inklusionsinitiative Einzelcoaching", ProgrammeTemplate.Coaching, 150);
        coaching.AddSite("Erfurt Innenstadt", 50, "Aufzug, barrierefreies WC, induktive Höranlage im Beratungsraum");
        coaching.AddSite("Erfurt Nord", 40, "ebenerdiger Zugang, barrierefreies WC");
        coaching.AddSite("Arnstadt", 30, "Rampe am Seiteneingang, Beratungsraum im Erdgeschoss");
        coaching.AddSite("Sömmerda", 30, "Aufzug, Leitsystem für blinde Menschen");
        coaching.AddReferringBody(agency.Id);
        coaching.AddReferringBody(jobcenter.Id);

        var modular = new Programme(service.Id, service.IntegrationOfficeId, service.ProviderId, "pass(t)genau – Qualifizierung mit Persönlichem Budget", ProgrammeTemplate.ModularQualification, 20);
        modular.AddSite("Erfurt Werkhof", 20, "ebenerdig, barrierefreies WC");
        modular.AddReferringBody(eh.Id);
        db.Programmes.AddRange(coaching, modular);

        Client Person(string last, string first, DateOnly birth, Gender g)
        {
            var c = new Client(service.Id, service.IntegrationOfficeId, new ClientData(last, first, birth, g, "deutsch", new Address("Domplatz 3", "99084", "Erfurt"), WorkingLifePosition: "unemployed"));
            db.Clients.Add(c);
            return c;
        }

        var becker = Person("Becker", "Laura", new DateOnly(1999, 6, 14), Gender.Female);
        var yilmaz = Person("Yılmaz", "Emre", new DateOnly(1990, 1, 9), Gender.Male);
        var wagner = Person("Wagner", "Jonas", new DateOnly(2001, 11, 2), Gender.Male);

        var overdue = new Participation(coaching, becker.Id, agency.Id, LegalSphere.Sgb3, today.AddDays(-9), today.AddDays(-9), ParticipationStatus.Active);
        overdue.RecordEligibility(today.AddDays(-9), true, true, "Lange Arbeitslosigkeit, fehlender Berufsabschluss");
        var talked = new Participation(coaching, yilmaz.Id, jobcenter.Id, LegalSphere.Sgb2, today.AddDays(-40), today.AddDays(-40), ParticipationStatus.Active);
        talked.SetInformationTalk(today.AddDays(-36));
        talked.AddPlanEntry("Unsicherheit im Bewerbungsgespräch", "Ausbildungsplatz im Lager", "Bewerbungstraining, zwei Praktika", today.AddDays(10));
        db.Participations.AddRange(overdue, talked);

        var budget = new Participation(modular, wagner.Id, eh.Id, LegalSphere.Sgb9, today.AddDays(-75), today.AddDays(-75), ParticipationStatus.Active);
        budget.SetInformationTalk(today.AddDays(-72));
        var now = DateTimeOffset.UtcNow;
        var start = today.AddDays(-70);
        for (var week = 0; week < 3; week++)
        {
            budget.Book(ProgrammeModules.Entry, start.AddDays(7 * week), 8, null, now);
            budget.Book(ProgrammeModules.Entry, start.AddDays((7 * week) + 2), 8, null, now);
        }

        for (var week = 3; week < 10; week++)
        {
            budget.Book(ProgrammeModules.Qualification, start.AddDays(7 * week), 6, null, now);
            budget.Book(ProgrammeModules.Qualification, start.AddDays((7 * week) + 3), 6, null, now);
        }

        db.Participations.Add(budget);
        await db.SaveChangesAsync();
    }
}
