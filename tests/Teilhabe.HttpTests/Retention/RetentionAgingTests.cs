using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Data;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.HttpTests.Programmes;
using Teilhabe.TestSupport;
using Teilhabe.Web.Features.Retention;

namespace Teilhabe.HttpTests.Retention;

/// <summary>
/// DEL-01 end to end: a full data set about one person, every free text carrying a unique marker, is aged past the
/// retention period by moving the clock (own factory, so no other class sees the clock jump), the retention runs, and
/// then every text and date column of every table of the EF model is searched for the person's traces.
/// </summary>
public sealed class RetentionAgingTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private const string BirthDate = "1961-07-23";

    private static readonly string[] TablesWithTraces =
    [
        "Clients", "Cases", "Contacts", "ContactParticipants", "Documents", "RemovedDocuments", "Outcomes", "CaseTransferRequests",
        "ExtensionRequests", "InclusionCompanyApplications", "ContactExceptions", "IncidentAccesses", "CoordinationNotifications",
        "ColleagueConsents", "NetworkCandidates", "Participations", "ParticipationPlanEntries", "ParticipationReflections",
        "ParticipationAftercareContacts",
    ];

    [Fact]
    [Trait("Rule", "DEL-01")]
    public async Task DEL01_after_the_period_no_table_holds_the_name_birth_date_or_any_free_text_of_the_person()
    {
        var tenant = await TestTenant.CreateAsync(factory);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        using var lead = await factory.LoginAsync(tenant.LeadA);
        var marker = "Mk" + Guid.NewGuid().ToString("N")[..12];
        var today = factory.BerlinToday();

        var clientId = await CreateClientAsync(caseworker, marker, "Person");
        var withoutCase = await CreateClientAsync(caseworker, marker, "OhneAuftrag");
        var caseId = await caseworker.CreateCaseAsync(new { clientId });
        var outcome = await caseworker.CreateOutcomeAsync(caseId);
        using (var contact = await caseworker.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", new
        {
            occurredAt = ContactApi.OnDay(today),
            form = "personal",
            keywords = $"{marker} Stichworte",
            participants = new[] { new { kind = "client", name = $"{marker} Teilnehmerin" } },
            note = $"{marker} Kontaktnotiz",
            topicCodes = ContactApi.Topics,
            outcomeIds = new[] { outcome },
        }))
        {
            var contactId = await contact.ReadCreatedIdAsync();
            using var attached = await caseworker.UploadAsync(caseId, "Other", fileName: $"{marker}-kontakt.pdf", contactId: contactId);
            await attached.ExpectAsync(HttpStatusCode.Created);
        }

        using (var uploaded = await caseworker.UploadAsync(caseId, "Other", fileName: $"{marker}-akte.pdf"))
        {
            await uploaded.ExpectAsync(HttpStatusCode.Created);
        }

        using (var wrong = await caseworker.UploadAsync(caseId, "Other", fileName: $"{marker}-falsch.pdf"))
        {
            var documentId = await wrong.ReadCreatedIdAsync();
            using var removed = await caseworker.PostAsJsonAsync($"/api/v1/documents/{documentId}/removal", new { reason = $"{marker} falsche Person", caseId });
            await removed.ExpectAsync(HttpStatusCode.NoContent);
        }

        using (var invalidated = await caseworker.PostAsJsonAsync($"/api/v1/outcomes/{outcome}/invalidate", new { reason = $"{marker} LEK ungültig" }))
        {
            Assert.True(invalidated.IsSuccessStatusCode, await invalidated.Content.ReadAsStringAsync());
        }

        var funder = await lead.CreateFunderAsync("EmploymentAgency", factory.Unique("Agentur für Arbeit"));
        await PersonRecords.AddAsync(factory, tenant, caseId, funder, marker);
        await CloseAsync(caseId, today, marker);

        // Before the run the traces are there, in every kind of record: the search itself finds them.
        var before = await TracesAsync(marker);
        foreach (var table in TablesWithTraces)
        {
            Assert.Contains(before, t => t.StartsWith(table + ".", StringComparison.Ordinal));
        }

        factory.Clock.SetUtcNow(factory.Clock.GetUtcNow().AddYears(7));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<RetentionService>().RunAsync(factory.BerlinToday());
            Assert.True(result.Cases >= 1 && result.Participations >= 1 && result.ClientsDeleted >= 1, result.ToString());
        }

        Assert.Empty(await TracesAsync(marker));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
            Assert.False(await db.Clients.IgnoreQueryFilters().AnyAsync(c => c.Id == Guid.Parse(withoutCase)));
            Assert.True(await db.Clients.IgnoreQueryFilters().AnyAsync(c => c.Id == Guid.Parse(clientId) && c.AnonymisedOn != null));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "delete" && a.Entity == "Client" && a.EntityId == withoutCase));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "create" && a.ClientId == Guid.Parse(clientId)));
        }
    }

    private static async Task<string> CreateClientAsync(HttpClient client, string marker, string what)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/clients", new
        {
            lastName = $"{marker}{what}Nachname",
            firstName = $"{marker}{what}Vorname",
            birthDate = BirthDate,
            gender = "female",
            nationality = $"{marker}land",
            address = new { street = $"{marker}straße 1", postalCode = "99084", city = $"{marker}stadt" },
            phone = "0361 5550199",
            email = $"{marker.ToLowerInvariant()}@example.org",
            workingLifePosition = "employee",
        });
        return await response.ReadCreatedIdAsync();
    }

    private async Task CloseAsync(string caseId, DateOnly today, string marker)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        var c = await db.Cases.IgnoreQueryFilters().Include(x => x.History).SingleAsync(x => x.Id == Guid.Parse(caseId));
        var at = factory.Clock.GetUtcNow();
        c.UpdateTexts(new CaseTexts { Concern = $"{marker} Anliegen", Progress = $"{marker} Verlauf", Todo = $"{marker} ToDo" });
        c.MoveTo(Phase.P2, today, c.CaseworkerId, at, null, null, null);
        c.MoveTo(Phase.P3, today, c.CaseworkerId, at, null, null, null);
        c.MoveTo(Phase.P4, today, c.CaseworkerId, at, "fulfilled", "job-secured", null);
        await db.SaveChangesAsync();
    }

    /// <summary>Every (table, column, value) of the database holding the marker or the birth date, over the relational model of the DbContext.</summary>
    private async Task<List<string>> TracesAsync(string marker)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        var birth = DateOnly.ParseExact(BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        string[] needles = [marker, BirthDate, birth.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)];
        var found = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var tables = db.Model.GetRelationalModel().Tables.ToList();
            Assert.Contains(tables, t => t.Name == "AuditEntries");
            foreach (var table in tables)
            {
                var columns = table.Columns.Where(c => c.ProviderClrType == typeof(string) || c.ProviderClrType == typeof(DateOnly)).ToList();
                if (columns.Count == 0)
                {
                    continue;
                }

                var name = table.Schema is null ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"";
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c.Name}\""))} FROM {name}";
                await using DbDataReader reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    for (var i = 0; i < columns.Count; i++)
                    {
                        var text = reader.IsDBNull(i) ? null : reader.GetValue(i) switch
                        {
                            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                            DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                            var v => Convert.ToString(v, CultureInfo.InvariantCulture),
                        };
                        if (text is not null && needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
                        {
                            found.Add($"{table.Name}.{columns[i].Name}: {text}");
                        }
                    }
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return found;
    }
}
