using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.Core.Accounts;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Deadlines;

/// <summary>
/// GET /api/v1/deadlines and the contact exceptions (CT-06) on SQLite and PostgreSQL. Tests that move time use
/// their own factory and its FakeTimeProvider; the others share the class fixture.
/// </summary>
public sealed class DeadlineApiTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    [Trait("Rule", "PH-P2-02")]
    public async Task PHP202_a_P2_case_is_listed_from_day_one_and_overdue_two_months_and_a_day_later()
    {
        await using var app = new TeilhabeFactory();
        var tenant = await TestTenant.CreateAsync(app, withSecondService: false);
        using var caseworker = await app.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateP2CaseAsync(app);
        var start = app.BerlinToday();

        var item = Assert.Single(await DeadlinesAsync(caseworker), i => i.CaseId == id && i.Rule == "PH-P2-02");
        Assert.Equal(start.AddMonths(2), item.DueDate);
        Assert.False(item.Overdue);

        app.Clock.Advance(TimeSpan.FromDays(start.AddMonths(2).AddDays(1).DayNumber - start.DayNumber));
        using var later = await app.LoginAsync(tenant.CaseworkerA);
        var overdue = Assert.Single(await DeadlinesAsync(later, "?overdue=true"), i => i.CaseId == id && i.Rule == "PH-P2-02");
        Assert.True(overdue.Overdue);
        Assert.Equal(start.AddMonths(2), overdue.DueDate);
    }

    [Fact]
    [Trait("Rule", "CT-04")]
    [Trait("Rule", "CT-05")]
    public async Task CT04_a_case_without_personal_contact_for_eight_weeks_is_listed_overdue()
    {
        await using var app = new TeilhabeFactory();
        var tenant = await TestTenant.CreateAsync(app, withSecondService: false);
        using var caseworker = await app.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateP2CaseAsync(app);
        var contactDay = app.BerlinToday();
        await caseworker.RecordOkAsync(id, contactDay);

        app.Clock.Advance(TimeSpan.FromDays(57));
        using var later = await app.LoginAsync(tenant.CaseworkerA);
        var items = await DeadlinesAsync(later);
        var ct04 = Assert.Single(items, i => i.CaseId == id && i.Rule == "CT-04");
        Assert.True(ct04.Overdue);
        Assert.Equal(contactDay.AddDays(56), ct04.DueDate);
        Assert.True(Assert.Single(items, i => i.CaseId == id && i.Rule == "CT-05").Overdue);

        // A short phone call keeps neither; a long goal-related one keeps CT-05, not CT-04 (durationMinutes is optional
        // in the contact API).
        var outcome = await later.CreateOutcomeAsync(id);
        using (var shortCall = await later.PostAsJsonAsync($"/api/v1/cases/{id}/contacts", ContactBody(ContactApi.OnDay(app.BerlinToday()), "phone", outcome, 10)))
        {
            await shortCall.ExpectAsync(HttpStatusCode.Created);
        }

        Assert.True(Assert.Single(await DeadlinesAsync(later), i => i.CaseId == id && i.Rule == "CT-05").Overdue);
        using (var call = await later.PostAsJsonAsync($"/api/v1/cases/{id}/contacts", ContactBody(ContactApi.OnDay(app.BerlinToday()), "phone", outcome, 25)))
        {
            await call.ExpectAsync(HttpStatusCode.Created);
        }

        var afterCall = await DeadlinesAsync(later);
        Assert.True(Assert.Single(afterCall, i => i.CaseId == id && i.Rule == "CT-04").Overdue);
        Assert.DoesNotContain(afterCall, i => i.CaseId == id && i.Rule == "CT-05");
        var contacts = await later.GetJsonAsync($"/api/v1/cases/{id}/contacts");
        Assert.Contains(contacts.EnumerateArray(), c => c.TryGetProperty("durationMinutes", out var d) && d.ValueKind == JsonValueKind.Number && d.GetInt32() == 25);
    }

    [Fact]
    [Trait("Rule", "CT-05")]
    public async Task CT05_an_email_keeps_the_four_week_gap_when_the_hearing_flag_or_a_hearing_disability_says_so_and_not_otherwise()
    {
        await using var app = new TeilhabeFactory();
        var tenant = await TestTenant.CreateAsync(app, withSecondService: false);
        using var caseworker = await app.LoginAsync(tenant.CaseworkerA);
        var plain = await caseworker.CreateClientAsync(app.Unique("Hören"), "Paula");
        var flagged = await caseworker.CreateClientAsync(app.Unique("Hören"), "Frieda");
        var byDisability = await caseworker.CreateClientAsync(app.Unique("Hören"), "Doris");
        var master = await caseworker.GetJsonAsync($"/api/v1/clients/{flagged}");
        using (var flag = await caseworker.PutAsJsonAsync($"/api/v1/clients/{flagged}", new
        {
            lastName = master.GetProperty("lastName").GetString(),
            firstName = "Frieda",
            birthDate = "1975-04-12",
            gender = "female",
            nationality = "deutsch",
            address = new { street = "Anger 1", postalCode = "99084", city = "Erfurt" },
            workingLifePosition = "employee",
            hearingImpaired = true,
        }))
        {
            await flag.ExpectAsync(HttpStatusCode.OK);
        }

        using (var disability = await caseworker.PostAsJsonAsync($"/api/v1/clients/{byDisability}/disabilities", new { categoryCode = "hearing", description = "Gehörlosigkeit", recognised = true, careRelevant = false }))
        {
            await disability.ExpectAsync(HttpStatusCode.Created);
        }

        var cases = new Dictionary<string, string>();
        foreach (var (name, client) in new[] { ("plain", plain), ("flagged", flagged), ("disability", byDisability) })
        {
            var id = await caseworker.CreateCaseAsync(new { clientId = client });
            await caseworker.SignNoticeAsync(id, app.Today());
            await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof");
            await caseworker.PatchOkAsync(id, new { plannedContents = "Beratung zum Kündigungsschutz" });
            using (var p2 = await caseworker.MoveAsync(id, new { to = "P2" }))
            {
                await p2.ExpectAsync(HttpStatusCode.OK);
            }

            await caseworker.RecordOkAsync(id, app.BerlinToday());
            cases[name] = id;
        }

        app.Clock.Advance(TimeSpan.FromDays(29));
        using var later = await app.LoginAsync(tenant.CaseworkerA);
        foreach (var id in cases.Values)
        {
            var outcome = await later.CreateOutcomeAsync(id);
            using var email = await later.PostAsJsonAsync($"/api/v1/cases/{id}/contacts", ContactBody(ContactApi.OnDay(app.BerlinToday()), "electronic", outcome));
            await email.ExpectAsync(HttpStatusCode.Created);
        }

        var items = await DeadlinesAsync(later);
        Assert.True(Assert.Single(items, i => i.CaseId == cases["plain"] && i.Rule == "CT-05").Overdue);
        Assert.DoesNotContain(items, i => i.CaseId == cases["flagged"] && i.Rule == "CT-05" && i.Overdue);
        Assert.DoesNotContain(items, i => i.CaseId == cases["disability"] && i.Rule == "CT-05" && i.Overdue);
    }

    [Fact]
    [Trait("Rule", "CT-06")]
    public async Task CT06_an_exception_posted_by_InA_Koordination_silences_CT04_and_CT05_and_a_caseworker_gets_403()
    {
        await using var app = new TeilhabeFactory();
        var tenant = await TestTenant.CreateAsync(app, withSecondService: false);
        using var caseworker = await app.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateP2CaseAsync(app);
        await caseworker.RecordOkAsync(id, app.BerlinToday());
        app.Clock.Advance(TimeSpan.FromDays(60));
        using var later = await app.LoginAsync(tenant.CaseworkerA);
        Assert.Contains(await DeadlinesAsync(later), i => i.CaseId == id && i.Rule == "CT-04");

        var today = app.BerlinToday();
        var body = new { reason = "Klientin in stationärer Reha, Kontakt nur schriftlich", from = today.AddDays(-3).Iso(), to = today.AddDays(30).Iso() };
        using (var refused = await later.PostAsJsonAsync($"/api/v1/cases/{id}/contact-exceptions", body))
        {
            await refused.ExpectAsync(HttpStatusCode.Forbidden);
        }

        using var coordinator = await app.LoginAsync(tenant.Coordinator);
        using (var missing = await coordinator.PostAsJsonAsync($"/api/v1/cases/{id}/contact-exceptions", new { from = today.Iso(), to = today.Iso() }))
        {
            await missing.ExpectAsync(HttpStatusCode.BadRequest);
            Assert.Contains("Grund", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var reversed = await coordinator.PostAsJsonAsync($"/api/v1/cases/{id}/contact-exceptions", new { reason = "Reha", from = today.Iso(), to = today.AddDays(-1).Iso() }))
        {
            await reversed.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Contains("CT-06", await reversed.ReadViolatedRulesAsync());
        }

        var other = await TestTenant.CreateAsync(app, withSecondService: false);
        using (var foreign = await (await app.LoginAsync(other.Coordinator)).PostAsJsonAsync($"/api/v1/cases/{id}/contact-exceptions", body))
        {
            await foreign.ExpectAsync(HttpStatusCode.NotFound);
        }

        using (var created = await coordinator.PostAsJsonAsync($"/api/v1/cases/{id}/contact-exceptions", body))
        {
            await created.ExpectAsync(HttpStatusCode.Created);
            Assert.False(string.IsNullOrEmpty(await created.ReadCreatedIdAsync()));
        }

        var items = await DeadlinesAsync(later);
        Assert.DoesNotContain(items, i => i.CaseId == id && i.Rule is "CT-04" or "CT-05");
        var listed = Assert.Single((await later.GetJsonAsync($"/api/v1/cases/{id}/contact-exceptions")).EnumerateArray());
        Assert.Equal(body.to, listed.GetProperty("to").GetString());
    }

    [Fact]
    [Trait("Rule", "BA-EXT-01")]
    [Trait("Rule", "BA-SI-01")]
    [Trait("Rule", "BA-SI-02")]
    public async Task BAEXT01_an_InA_Sicherung_at_eight_and_a_half_months_asks_for_the_extension_two_weeks_before_its_end()
    {
        await using var app = new TeilhabeFactory();
        var tenant = await TestTenant.CreateAsync(app, withSecondService: false);
        using var caseworker = await app.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateCompleteClientAsync(app);
        var ina = await caseworker.CreateFunderAsync(app, "IntegrationOffice");
        var id = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "retention", funderId = ina, legalBasisCode = "sgb9-185-2", caseGroupCode = "support-need", referringBodyCode = "employer" });
        await caseworker.SignNoticeAsync(id, app.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof", "GoalAgreement");
        using (var moved = await caseworker.MoveAsync(id, new { to = "P3" }))
        {
            await moved.ExpectAsync(HttpStatusCode.OK);
        }

        var start = app.BerlinToday();
        var end = start.AddMonths(9);
        using (var coordinator = await app.LoginAsync(tenant.Coordinator))
        {
            var objection = Assert.Single(await DeadlinesAsync(coordinator), i => i.CaseId == id && i.Rule == "BA-SI-01");
            Assert.Equal(start.AddDays(28), objection.DueDate);
            Assert.Contains("Widerspruchsfrist läuft bis", objection.Label, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(await DeadlinesAsync(caseworker), i => i.CaseId == id && i.Rule == "BA-EXT-01");

        app.Clock.Advance(TimeSpan.FromDays(end.AddDays(-15).DayNumber - start.DayNumber));
        using var later = await app.LoginAsync(tenant.CaseworkerA);
        var items = await DeadlinesAsync(later);
        var extension = Assert.Single(items, i => i.CaseId == id && i.Rule == "BA-EXT-01");
        Assert.Equal(end.AddDays(-14), extension.DueDate);
        Assert.False(extension.Overdue);
        Assert.Equal(end, Assert.Single(items, i => i.CaseId == id && i.Rule == "BA-SI-02").DueDate);
        Assert.DoesNotContain(items, i => i.CaseId == id && i.Rule == "BA-SI-01");
    }

    [Fact]
    [Trait("Rule", "ACC-06")]
    [Trait("Rule", "PH-P2-02")]
    public async Task The_lead_sees_the_items_of_every_caseworker_of_the_IFD_and_nothing_of_another_IFD()
    {
        var tenant = await TestTenant.CreateAsync(factory);
        var colleague = await factory.CreateUserAsync(Roles.Caseworker, tenant.ServiceA);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        using var second = await factory.LoginAsync(colleague);
        using var otherIfd = await factory.LoginAsync(tenant.CaseworkerB!);
        var own = await caseworker.CreateP2CaseAsync(factory);
        var theirs = await second.CreateP2CaseAsync(factory);
        var foreign = await otherIfd.CreateP2CaseAsync(factory);

        using var lead = await factory.LoginAsync(tenant.LeadA);
        var items = await DeadlinesAsync(lead);
        Assert.Contains(items, i => i.CaseId == own && i.Rule == "PH-P2-02");
        Assert.Contains(items, i => i.CaseId == theirs && i.Rule == "PH-P2-02");
        Assert.DoesNotContain(items, i => i.CaseId == foreign);
        Assert.Equal(items.OrderBy(i => i.DueDate).Select(i => i.DueDate), items.Select(i => i.DueDate));

        var filtered = await DeadlinesAsync(lead, "?caseworkerId=" + colleague.Id);
        Assert.Contains(filtered, i => i.CaseId == theirs);
        Assert.DoesNotContain(filtered, i => i.CaseId == own);

        var mine = await DeadlinesAsync(caseworker);
        Assert.Contains(mine, i => i.CaseId == own);
        Assert.DoesNotContain(mine, i => i.CaseId == theirs || i.CaseId == foreign);

        using var leadB = await factory.LoginAsync(tenant.LeadB!);
        var itemsB = await DeadlinesAsync(leadB);
        Assert.Contains(itemsB, i => i.CaseId == foreign);
        Assert.DoesNotContain(itemsB, i => i.CaseId == own || i.CaseId == theirs);
    }

    [Fact]
    [Trait("Rule", "ACC-04")]
    public async Task ACC04_an_old_own_password_is_a_personal_item_without_case()
    {
        await using var app = new TeilhabeFactory();
        var tenant = await TestTenant.CreateAsync(app, withSecondService: false);
        using (var fresh = await app.LoginAsync(tenant.CaseworkerA))
        {
            Assert.DoesNotContain(await DeadlinesAsync(fresh), i => i.Rule == "ACC-04");
        }

        app.Clock.Advance(TimeSpan.FromDays(366));
        using var old = await app.LoginAsync(tenant.CaseworkerA);
        var item = Assert.Single(await DeadlinesAsync(old), i => i.Rule == "ACC-04");
        Assert.Null(item.CaseId);
        Assert.True(item.Overdue);
    }

    private sealed record Item(string? CaseId, string Rule, DateOnly DueDate, bool Overdue, string Label);

    private static async Task<List<Item>> DeadlinesAsync(HttpClient client, string query = "")
    {
        var json = await client.GetJsonAsync("/api/v1/deadlines" + query);
        return
        [
            .. json.EnumerateArray().Select(e => new Item(
                e.TryGetProperty("caseId", out var caseId) && caseId.ValueKind == JsonValueKind.String ? caseId.GetString() : null,
                e.GetProperty("rule").GetString()!,
                DateOnly.Parse(e.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture),
                e.GetProperty("overdue").GetBoolean(),
                e.GetProperty("label").GetString()!)),
        ];
    }

    internal static object ContactBody(DateTimeOffset occurredAt, string form, string outcomeId, int? durationMinutes = null) => new
    {
        occurredAt,
        form,
        keywords = "Gespräch zur Arbeitssituation",
        participants = new[] { new { kind = "client", name = "Frau Beispiel" } },
        note = "Ziele besprochen.",
        topicCodes = new[] { "counselling-job" },
        outcomeIds = new[] { outcomeId },
        durationMinutes,
    };
}

/// <summary>Intent methods for the deadline tests.</summary>
internal static class DeadlineSetup
{
    /// <summary>A case in P2 since today (notice, proof, planned contents), created by the caller.</summary>
    public static async Task<string> CreateP2CaseAsync(this HttpClient caseworker, TeilhabeFactory factory)
    {
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync(factory.Unique("Frist"), "Fiona") });
        await caseworker.SignNoticeAsync(id, factory.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof");
        await caseworker.PatchOkAsync(id, new { plannedContents = "Beratung zum Kündigungsschutz" });
        using var p2 = await caseworker.MoveAsync(id, new { to = "P2" });
        await p2.ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    /// <summary>A personal contact with the client on the given day, with an LEK of the case.</summary>
    public static async Task RecordOkAsync(this HttpClient caseworker, string caseId, DateOnly day)
    {
        var outcome = await caseworker.CreateOutcomeAsync(caseId);
        using var response = await caseworker.RecordContactAsync(caseId, ContactApi.OnDay(day), [outcome]);
        await response.ExpectAsync(HttpStatusCode.Created);
    }
}
