using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Data;
using Teilhabe.Core.Directory;
using Teilhabe.Core.IfdTasks;

namespace Teilhabe.Web.Infrastructure;

/// <summary>
/// IFD-01 in the demo: an agreed ability profile and school career orientation for the school leaver Dominik Weiß,
/// his accompanied apprenticeship, and Jürgen Müller's consent to inform his colleagues.
/// </summary>
internal static class DemoIfdTasks
{
    public static async Task SeedAsync(TeilhabeDbContext db, DateOnly today, CancellationToken ct = default)
    {
        var caseworker = await db.Users.FirstAsync(u => u.UserName == "fachkraft.erfurt", ct);
        var now = DateTimeOffset.UtcNow;
        var weiss = await db.Clients.Include(c => c.Employment).FirstAsync(c => c.LastName == "Weiß", ct);
        var mueller = await db.Clients.FirstAsync(c => c.LastName == "Müller", ct);
        var cases = await db.Cases.Where(c => c.ClientId == weiss.Id || c.ClientId == mueller.Id).ToListAsync(ct);
        var schoolLeaver = cases.First(c => c.ClientId == weiss.Id && c.CaseGroupCode == "school-leaver");
        var accompanied = cases.FirstOrDefault(c => c.ClientId == weiss.Id && c.CareTypeCode == CareTypes.Retention) ?? schoolLeaver;
        var retention = cases.First(c => c.ClientId == mueller.Id && c.Phase == Phase.P3);
        var agency = await db.Funders.FirstAsync(f => f.Kind == FunderKind.EmploymentAgency, ct);

        var school = new Institution(weiss.IntegrationOfficeId, "Staatliche Regelschule Erfurt-Nord (Förderschwerpunkt Lernen)", InstitutionKind.School, null, new Address("Schulstraße 12", "99089", "Erfurt"));
        school.AddContact("Frau Keller", "Klassenleitung 9b", "0361 7401", null);
        var vocational = new Institution(weiss.IntegrationOfficeId, "Staatliche Berufsbildende Schule für Bau, Holz und Farbe Erfurt", InstitutionKind.School, null, new Address("Am Schwemmbach 2", "99099", "Erfurt"));
        var joinery = new Institution(weiss.IntegrationOfficeId, "Tischlerei Holzwerk Erfurt", InstitutionKind.Employer, null, new Address("Ilversgehofener Platz 3", "99089", "Erfurt"));
        db.Institutions.AddRange(school, vocational, joinery);

        var profile = new AbilityProfile(schoolLeaver, now);
        profile.Save(new AbilityProfileDraft(
            today.AddDays(-2),
            "Handwerklich geschickt, sorgfältig, arbeitet gern mit Holz; freundlich im Umgang mit Kolleginnen und Kollegen.",
            "Vier bis sechs Stunden täglich mit festen Pausen",
            "Ruhig, braucht bei neuen Aufgaben mehr Zeit",
            "Gut, wenn die Aufgaben klar gegliedert sind",
            "Arbeitet genau nach Anleitung; Umstellung auf neue Abläufe braucht Begleitung.",
            "Holzbearbeitung, Garten- und Landschaftsbau",
            "Lernbehinderung: schriftliche Anweisungen in einfacher Sprache, Rechnen mit Hilfsmitteln",
            "Fachpraktikerausbildung (§ 66 BBiG / § 42r HwO) in einem Handwerksbetrieb mit Ausbildungsbegleitung",
            ClientParticipated: true,
            FunderParticipated: true,
            agency.Name + " – Reha-Beratung",
            school.Id,
            "Frau Keller (Klassenleitung)"), today.AddDays(-2), today, now, caseworker.Id);
        db.AbilityProfiles.Add(profile);

        var orientation = new SchoolOrientation(schoolLeaver, now);
        orientation.Update(new SchoolOrientationDraft(today.AddDays(-3).AddMonths(-10), agency.Id, school.Id, "2025/26", "9b",
            "Potenzialanalyse und Praktikum bestätigen das Interesse an Holzberufen; Empfehlung einer Fachpraktikerausbildung mit Ausbildungsbegleitung."), today);
        orientation.AddActivity(OrientationActivityKind.PotentialAnalysis, today.AddMonths(-9), "Stärken im handwerklichen Bereich, Unterstützungsbedarf beim Lesen", today);
        orientation.AddActivity(OrientationActivityKind.Internship, today.AddMonths(-7), "Drei Wochen Tischlerei Holzwerk Erfurt: Betrieb bietet Ausbildungsplatz an", today);
        orientation.AddActivity(OrientationActivityKind.CareerConference, today.AddMonths(-6), "Mit Eltern, Schule, Reha-Beratung: Fachpraktikerausbildung ab Herbst", today);
        db.SchoolOrientations.Add(orientation);

        var start = today.AddMonths(-2);
        var apprenticeship = new Apprenticeship(accompanied, now);
        apprenticeship.Update(new ApprenticeshipDraft(joinery.Id, "Fachpraktiker für Holzverarbeitung", Chamber.Hwk, "Handwerkskammer Erfurt", vocational.Id,
            start, start.AddYears(3), start.AddMonths(18), start.AddYears(3).AddDays(-45), ApprenticeshipStatus.Running, null, null), today);
        apprenticeship.LinkTimeline(weiss.AddEmployment("apprenticeship", start, joinery.Id, today).Id);
        db.Apprenticeships.Add(apprenticeship);

        var (consent, _) = ColleagueConsent.Record(retention, new ConsentDraft(today.AddDays(-20), ConsentForm.Written,
            "Team Netzleitstelle und Schichtleitung", "Auswirkungen der Rückenerkrankung und der Depression auf Belastbarkeit und Pausen; wie Kolleginnen und Kollegen unterstützen können"),
            today, now, caseworker.Id);
        db.ColleagueConsents.Add(consent!);

        await db.SaveChangesAsync(ct);
    }
}
