using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Contacts;
using Teilhabe.Core.Data;
using Teilhabe.Core.IfdTasks;
using Teilhabe.Core.Network;
using Teilhabe.Core.Programmes;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Clients;

/// <summary>
/// The records about one person beyond the case, its contacts and documents — programme participation with a booking,
/// network candidacy, transfer request, extension request, Inklusionsbetrieb application, contact exception, incident
/// access, coordination notice and an IFD task — written through the domain, every free text starting with the marker.
/// </summary>
public static class PersonRecords
{
    public sealed record Seeded(Guid ParticipationId, Guid CandidateId, Guid TransferId, Guid ExtensionRequestId, Guid InclusionApplicationId, Guid ConsentId, string ProgrammeName, string Pseudonym);

    public static async Task<Seeded> AddAsync(TeilhabeFactory factory, TestTenant tenant, string caseId, string referringBodyId, string marker)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        var c = await db.Cases.IgnoreQueryFilters().SingleAsync(x => x.Id == Guid.Parse(caseId));
        var client = await db.Clients.IgnoreQueryFilters().SingleAsync(x => x.Id == c.ClientId);
        var now = factory.Clock.GetUtcNow();
        var today = factory.BerlinToday();
        var by = tenant.CaseworkerA.Id;
        var provider = Guid.Parse(tenant.ProviderId);
        var funder = Guid.Parse(referringBodyId);

        var extension = new ExtensionRequest(c, $"{marker} Sachstand", today.AddMonths(6), today, by);
        extension.Decide(true, $"{marker} Entscheidung", null, today, tenant.Coordinator.Id);
        var inclusion = new InclusionCompanyApplication(c, $"{marker} Bedarf", today, by);
        inclusion.Decide(false, $"{marker} Ablehnung", today, tenant.Coordinator.Id);
        var transfer = new CaseTransferRequest(c, Guid.Parse(tenant.ServiceB ?? tenant.ServiceA), client.FullName, client.BirthDate, by, now);
        var exception = new ContactException(c, $"{marker} Ausnahme", today, today.AddDays(30), now, by);
        var incident = new IncidentAccess(c, tenant.Coordinator.Id, $"{marker} Anlass", now, 7);
        var notice = new CoordinationNotification(c, CoordinationNotification.AdditionalStatementFinished, $"{marker} Mitteilung", now);
        var (consent, errors) = ColleagueConsent.Record(c, new ConsentDraft(today, ConsentForm.Oral, $"{marker} Kollegium", $"{marker} Information"), today, now, by);
        Assert.Empty(errors);

        var programme = new Programme(c.ServiceId, c.IntegrationOfficeId, provider, factory.Unique("Programm"), ProgrammeTemplate.Coaching, 10);
        programme.AddReferringBody(funder);
        var participation = new Participation(programme, client.Id, funder, LegalSphere.Sgb3, today, today, ParticipationStatus.Waiting);
        participation.AdmitOverCapacity($"{marker} Kapazität", by, today);
        participation.Extend(today.AddMonths(13), $"{marker} Verlängerung");
        participation.RecordEligibility(today, true, true, $"{marker} Barrieren");
        participation.Book(ProgrammeModules.Entry, today, 2, by, now);
        participation.AddPlanEntry($"{marker} Herausforderung", $"{marker} Ziel", $"{marker} Schritte", today.AddMonths(1));
        participation.AddReflection(today, 3, $"{marker} Kritik", $"{marker} Reflexion");
        participation.AddAftercareContact(today, AftercareParty.Participant, ContactForm.Phone, $"{marker} Nachbetreuung", by, now);
        participation.End(today, ParticipationEndReason.Placement, $"{marker} Ende");

        var pseudonym = "K-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var network = new JobNetwork(factory.Unique("Netz"), "Mittelthüringen", provider, MemberKind.Ifd, today, by);
        var potential = new JobPotential(network, new PotentialDraft("Küchenhilfe", "Stadtwerke", 1, null), provider, today, now, by);
        var candidate = new NetworkCandidate(potential, client, new CandidateProfileInput($"{marker} Fähigkeiten", $"{marker} Wünsche", $"{marker} Unterstützung", null), pseudonym, today, by);

        db.AddRange(extension, inclusion, transfer, exception, incident, notice, consent!, programme, participation, network, potential, candidate);
        await db.SaveChangesAsync();
        return new Seeded(participation.Id, candidate.Id, transfer.Id, extension.Id, inclusion.Id, consent!.Id, programme.Name, pseudonym);
    }
}
