using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.HttpTests.Programmes;
using Teilhabe.TestSupport;
using UglyToad.PdfPig;

namespace Teilhabe.HttpTests.Clients;

/// <summary>GDPR Art. 15: GET /api/v1/clients/{id}/export (API.md "Data protection"), audited as ACC-09 requires.</summary>
public sealed class ClientExportTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task ACC09_the_Art_15_export_holds_everything_about_the_person_and_is_audited()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var lastName = factory.Unique("Auskunft");
        var clientId = await caseworker.CreateClientAsync(lastName: lastName);
        var caseId = await caseworker.CreateCaseAsync(new { clientId });
        var outcome = await caseworker.CreateOutcomeAsync(caseId);
        using (var contact = await caseworker.RecordContactAsync(caseId, ContactApi.OnDay(factory.BerlinToday()), [outcome]))
        {
            await contact.ExpectAsync(HttpStatusCode.Created);
        }

        using var uploaded = await caseworker.UploadAsync(caseId, "Other");
        var documentId = await uploaded.ReadCreatedIdAsync();

        using var response = await caseworker.GetAsync($"/api/v1/clients/{clientId}/export");
        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);

        string json;
        using (var reader = new StreamReader(zip.GetEntry("person.json")!.Open(), Encoding.UTF8))
        {
            json = await reader.ReadToEndAsync();
        }

        Assert.Contains(lastName, json, StringComparison.Ordinal);
        Assert.Contains("Vereinbart: nächster Termin in zwei Wochen.", json, StringComparison.Ordinal);
        var file = Assert.Single(zip.Entries, e => e.FullName.StartsWith($"documents/{documentId}", StringComparison.Ordinal));
        using (var stream = new MemoryStream())
        {
            await using (var s = file.Open())
            {
                await s.CopyToAsync(stream);
            }

            Assert.Equal(CaseApi.SmallPdf, stream.ToArray());
        }

        byte[] pdf;
        using (var stream = new MemoryStream())
        {
            await using (var s = zip.GetEntry("summary.pdf")!.Open())
            {
                await s.CopyToAsync(stream);
            }

            pdf = stream.ToArray();
        }

        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        using (var document = PdfDocument.Open(pdf))
        {
            var text = string.Concat(document.GetPages().Select(p => p.Text));
            Assert.Contains(lastName, text, StringComparison.Ordinal);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "export" && a.ClientId == Guid.Parse(clientId) && a.UserId == tenant.CaseworkerA.Id));
    }

    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task ACC09_InA_coordination_and_another_IFD_get_no_export()
    {
        var tenant = await TestTenant.CreateAsync(factory);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var clientId = await caseworker.CreateClientAsync(lastName: factory.Unique("Auskunft"));
        await caseworker.CreateCaseAsync(new { clientId });

        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        using var refused = await coordinator.GetAsync($"/api/v1/clients/{clientId}/export");
        Assert.Contains(refused.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });

        using var foreign = await factory.LoginAsync(tenant.CaseworkerB!);
        using var notFound = await foreign.GetAsync($"/api/v1/clients/{clientId}/export");
        await notFound.ExpectAsync(HttpStatusCode.NotFound);

        using var lead = await factory.LoginAsync(tenant.LeadA);
        using var ok = await lead.GetAsync($"/api/v1/clients/{clientId}/export");
        await ok.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    [Trait("Rule", "ACC-10")]
    public async Task ACC10_the_export_leaves_out_contact_notes_of_a_case_the_caller_may_not_see()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        using var colleague = await factory.LoginAsync(await factory.CreateUserAsync(Roles.Caseworker, tenant.ServiceA));
        var clientId = await caseworker.CreateClientAsync(lastName: factory.Unique("Zwei Aufträge"));
        var ownCase = await caseworker.CreateCaseAsync(new { clientId });
        var otherCase = await colleague.CreateCaseAsync(new { clientId });
        var ownNote = factory.Unique("Notiz im eigenen Auftrag");
        var otherNote = factory.Unique("Notiz im Auftrag der Kollegin");
        var ownContact = await RecordContactAsync(caseworker, ownCase, ownNote);
        var otherContact = await RecordContactAsync(colleague, otherCase, otherNote);
        using (var own = await caseworker.UploadAsync(ownCase, "Other", fileName: "eigener-kontakt.pdf", contactId: ownContact))
        {
            await own.ExpectAsync(HttpStatusCode.Created);
        }

        using (var other = await colleague.UploadAsync(otherCase, "Other", fileName: "kontakt-der-kollegin.pdf", contactId: otherContact))
        {
            await other.ExpectAsync(HttpStatusCode.Created);
        }

        var (json, pdf, files) = await ExportAsync(caseworker, clientId);
        Assert.Contains(ownNote, json, StringComparison.Ordinal);
        Assert.Contains("eigener-kontakt.pdf", json, StringComparison.Ordinal);
        Assert.DoesNotContain(otherNote, json, StringComparison.Ordinal);
        Assert.DoesNotContain("kontakt-der-kollegin.pdf", json, StringComparison.Ordinal);
        Assert.DoesNotContain(otherCase, json, StringComparison.Ordinal);
        Assert.DoesNotContain(otherNote, pdf, StringComparison.Ordinal);
        Assert.DoesNotContain(files, f => f.Contains("kontakt-der-kollegin", StringComparison.Ordinal));
        Assert.Equal(1, JsonDocument.Parse(json).RootElement.GetProperty("casesNotVisible").GetInt32());

        // The IFD lead reads the notes of every case of the IFD, but no document attached to a contact (ACC-06, ACC-10).
        using var lead = await factory.LoginAsync(tenant.LeadA);
        var (leadJson, _, leadFiles) = await ExportAsync(lead, clientId);
        Assert.Contains(ownNote, leadJson, StringComparison.Ordinal);
        Assert.Contains(otherNote, leadJson, StringComparison.Ordinal);
        Assert.DoesNotContain("eigener-kontakt.pdf", leadJson, StringComparison.Ordinal);
        Assert.DoesNotContain("kontakt-der-kollegin.pdf", leadJson, StringComparison.Ordinal);
        Assert.DoesNotContain(leadFiles, f => f.StartsWith("documents/", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task The_export_contains_programme_participation_bookings_network_candidacy_transfers_extension_requests_and_IFD_tasks()
    {
        var tenant = await TestTenant.CreateAsync(factory);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        using var lead = await factory.LoginAsync(tenant.LeadA);
        var clientId = await caseworker.CreateClientAsync(lastName: factory.Unique("Alle Arten"));
        var caseId = await caseworker.CreateCaseAsync(new { clientId });
        var funder = await lead.CreateFunderAsync("EmploymentAgency", factory.Unique("Agentur für Arbeit"));
        var marker = factory.Unique("Auskunftsmarke");
        var seeded = await PersonRecords.AddAsync(factory, tenant, caseId, funder, marker);

        var (json, pdf, _) = await ExportAsync(caseworker, clientId);
        var root = JsonDocument.Parse(json).RootElement;
        var participation = Assert.Single(root.GetProperty("programmeParticipations").EnumerateArray());
        Assert.Equal(seeded.ProgrammeName, participation.GetProperty("programme").GetString());
        Assert.Equal(seeded.ParticipationId.ToString(), participation.GetProperty("participation").GetProperty("id").GetString());
        Assert.Single(participation.GetProperty("participation").GetProperty("bookings").EnumerateArray());
        var candidacy = Assert.Single(root.GetProperty("networkCandidacies").EnumerateArray());
        Assert.Equal(seeded.CandidateId.ToString(), candidacy.GetProperty("candidate").GetProperty("id").GetString());
        Assert.Equal(seeded.TransferId.ToString(), Assert.Single(root.GetProperty("transfers").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(seeded.ExtensionRequestId.ToString(), Assert.Single(root.GetProperty("extensionRequests").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(seeded.InclusionApplicationId.ToString(), Assert.Single(root.GetProperty("inclusionCompanyApplications").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(seeded.ConsentId.ToString(), Assert.Single(root.GetProperty("ifdTasks").GetProperty("colleagueConsents").EnumerateArray()).GetProperty("id").GetString());
        foreach (var text in Texts)
        {
            Assert.Contains($"{marker} {text}", json, StringComparison.Ordinal);
        }

        Assert.Contains(seeded.ProgrammeName, pdf, StringComparison.Ordinal);
        Assert.Contains("Verlängerungsanträge", pdf, StringComparison.Ordinal);
        Assert.Contains(seeded.Pseudonym, pdf, StringComparison.Ordinal);
    }

    private static readonly string[] Texts =
        ["Sachstand", "Bedarf", "Ausnahme", "Anlass", "Kollegium", "Kapazität", "Verlängerung", "Barrieren", "Herausforderung", "Reflexion", "Nachbetreuung", "Ende", "Fähigkeiten"];

    private async Task<string> RecordContactAsync(HttpClient client, string caseId, string note)
    {
        var outcome = await client.CreateOutcomeAsync(caseId);
        using var response = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", new
        {
            occurredAt = ContactApi.OnDay(factory.BerlinToday()),
            form = "personal",
            keywords = "Gespräch",
            participants = new[] { new { kind = "client", name = "Frau Beispiel" } },
            note,
            topicCodes = ContactApi.Topics,
            outcomeIds = new[] { outcome },
        });
        return await response.ReadCreatedIdAsync();
    }

    private static async Task<(string Json, string PdfText, List<string> Files)> ExportAsync(HttpClient client, string clientId)
    {
        using var response = await client.GetAsync($"/api/v1/clients/{clientId}/export");
        await response.ExpectAsync(HttpStatusCode.OK);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        string json;
        using (var reader = new StreamReader(zip.GetEntry("person.json")!.Open(), Encoding.UTF8))
        {
            json = await reader.ReadToEndAsync();
        }

        using var stream = new MemoryStream();
        await using (var s = zip.GetEntry("summary.pdf")!.Open())
        {
            await s.CopyToAsync(stream);
        }

        using var document = PdfDocument.Open(stream.ToArray());
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        return (json, text, [.. zip.Entries.Select(e => e.FullName)]);
    }
}
