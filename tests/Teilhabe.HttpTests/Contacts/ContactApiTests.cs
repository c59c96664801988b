using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Contacts;

/// <summary>Contacts and LEK (issue "Contacts and LEK") over the API, on SQLite and PostgreSQL, with the fake clock.</summary>
public sealed class ContactApiTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private async Task<(HttpClient Caseworker, string CaseId, TestTenant Tenant)> CaseAsync()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        return (caseworker, id, tenant);
    }

    private static bool IsAbsent(JsonElement e, string name) => !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null;

    [Fact]
    [Trait("Rule", "CT-03")]
    public async Task CT03_a_contact_43_days_back_is_refused()
    {
        var (caseworker, id, _) = await CaseAsync();
        using var _c = caseworker;
        var lek = await caseworker.CreateOutcomeAsync(id);

        using var refused = await caseworker.RecordContactAsync(id, ContactApi.OnDay(factory.BerlinToday().AddDays(-43)), [lek]);

        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["CT-03"], await refused.ReadViolatedRulesAsync());
        Assert.Equal(0, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/contacts")).GetArrayLength());
    }

    [Fact]
    [Trait("Rule", "CT-02")]
    public async Task CT02_a_contact_8_working_days_back_is_accepted_and_flagged_late()
    {
        var (caseworker, id, _) = await CaseAsync();
        using var _c = caseworker;
        var lek = await caseworker.CreateOutcomeAsync(id);

        using var late = await caseworker.RecordContactAsync(id, ContactApi.OnDay(factory.WorkingDaysBack(8)), [lek]);
        await late.ExpectAsync(HttpStatusCode.Created);
        Assert.True((await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("late").GetBoolean());

        using var onTime = await caseworker.RecordContactAsync(id, factory.Clock.GetUtcNow().AddMinutes(-30), [lek]);
        await onTime.ExpectAsync(HttpStatusCode.Created);
        Assert.False((await onTime.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("late").GetBoolean());
        var listed = await caseworker.GetJsonAsync($"/api/v1/cases/{id}/contacts");
        Assert.Equal([true, false], listed.EnumerateArray().Select(c => c.GetProperty("late").GetBoolean()));
    }

    [Fact]
    [Trait("Rule", "CT-01")]
    public async Task CT01_a_contact_without_LEK_is_refused()
    {
        var (caseworker, id, _) = await CaseAsync();
        using var _c = caseworker;
        using var refused = await caseworker.RecordContactAsync(id, factory.Clock.GetUtcNow().AddHours(-1), []);
        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["CT-01"], await refused.ReadViolatedRulesAsync());
    }

    [Fact]
    [Trait("Rule", "CT-01")]
    public async Task CT01_a_contact_without_keywords_is_refused_naming_the_keywords_and_nothing_is_saved()
    {
        var (caseworker, id, _) = await CaseAsync();
        using var _c = caseworker;
        var lek = await caseworker.CreateOutcomeAsync(id);
        using var refused = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/contacts", new
        {
            occurredAt = factory.Clock.GetUtcNow().AddHours(-1),
            form = "personal",
            keywords = " ",
            participants = new[] { new { kind = "client", name = "Frau Beispiel" } },
            note = "Ohne Stichworte.",
            topicCodes = ContactApi.Topics,
            outcomeIds = new[] { lek },
        });

        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["CT-01"], await refused.ReadViolatedRulesAsync());
        Assert.Contains("\"keywords\"", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/contacts")).GetArrayLength());
    }

    [Fact]
    [Trait("Rule", "LEK-01")]
    public async Task LEK01_DELETE_of_an_LEK_answers_405()
    {
        var (caseworker, id, _) = await CaseAsync();
        using var _c = caseworker;
        var lek = await caseworker.CreateOutcomeAsync(id);

        using var deleted = await caseworker.DeleteAsync($"/api/v1/outcomes/{lek}");

        await deleted.ExpectAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["LEK-01"], await deleted.ReadViolatedRulesAsync());
        Assert.Equal(1, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/outcomes")).GetArrayLength());
    }

    [Fact]
    [Trait("Rule", "LEK-01")]
    public async Task LEK01_an_invalidated_LEK_is_still_listed_as_not_valid()
    {
        var (caseworker, id, _) = await CaseAsync();
        using var _c = caseworker;
        var lek = await caseworker.CreateOutcomeAsync(id);

        using var invalidated = await caseworker.PostAsJsonAsync($"/api/v1/outcomes/{lek}/invalidate", new { reason = "Doppelt erfasst" });
        await invalidated.ExpectAsync(HttpStatusCode.OK);

        var listed = Assert.Single((await caseworker.GetJsonAsync($"/api/v1/cases/{id}/outcomes")).EnumerateArray());
        Assert.Equal(lek, listed.GetProperty("id").GetString());
        Assert.False(listed.GetProperty("valid").GetBoolean());
        Assert.Equal("Doppelt erfasst", listed.GetProperty("invalidationReason").GetString());
    }

    [Fact]
    [Trait("Rule", "LEK-02")]
    [Trait("Rule", "LEK-04")]
    public async Task LEK02_start_and_end_date_follow_the_linked_contacts_and_the_start_date_can_be_removed()
    {
        var (caseworker, id, _) = await CaseAsync();
        using var _c = caseworker;
        var lek = await caseworker.CreateOutcomeAsync(id);
        var today = factory.BerlinToday();
        var empty = Assert.Single((await caseworker.GetJsonAsync($"/api/v1/cases/{id}/outcomes")).EnumerateArray());
        Assert.True(IsAbsent(empty, "startDate"));

        using (var first = await caseworker.RecordContactAsync(id, ContactApi.OnDay(today.AddDays(-10)), [lek]))
        {
            await first.ExpectAsync(HttpStatusCode.Created);
        }

        using (var last = await caseworker.RecordContactAsync(id, ContactApi.OnDay(today.AddDays(-3)), [lek], form: "phone"))
        {
            await last.ExpectAsync(HttpStatusCode.Created);
        }

        var dated = Assert.Single((await caseworker.GetJsonAsync($"/api/v1/cases/{id}/outcomes")).EnumerateArray());
        Assert.Equal(today.AddDays(-10).Iso(), dated.GetProperty("startDate").GetString());
        Assert.Equal(today.AddDays(-3).Iso(), dated.GetProperty("endDate").GetString());
        Assert.True(dated.GetProperty("valid").GetBoolean());

        using var removed = await caseworker.DeleteAsync($"/api/v1/outcomes/{lek}/start-date");
        await removed.ExpectAsync(HttpStatusCode.NoContent);
        var startless = Assert.Single((await caseworker.GetJsonAsync($"/api/v1/cases/{id}/outcomes")).EnumerateArray());
        Assert.True(IsAbsent(startless, "startDate"));
        Assert.True(startless.GetProperty("withoutStartDate").GetBoolean());
        using var again = await caseworker.DeleteAsync($"/api/v1/outcomes/{lek}/start-date");
        await again.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["LEK-04"], await again.ReadViolatedRulesAsync());
    }

    [Fact]
    [Trait("Rule", "PH-P2-05")]
    [Trait("Rule", "PH-P2-03")]
    public async Task PHP205_after_a_personal_contact_in_P2_an_InA_case_may_move_to_P3()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateCompleteClientAsync(factory);
        var ina = await caseworker.CreateFunderAsync(factory, "IntegrationOffice");
        var id = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "retention", funderId = ina, legalBasisCode = "sgb9-185-2", caseGroupCode = "support-need", referringBodyCode = "employer" });
        await caseworker.SignNoticeAsync(id, factory.Today());
        await caseworker.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof", "GoalAgreement");
        await caseworker.PatchOkAsync(id, new { plannedContents = "Konflikt mit dem Vorgesetzten klären" });
        using (var p2 = await caseworker.MoveAsync(id, new { to = "P2" }))
        {
            await p2.ExpectAsync(HttpStatusCode.OK);
        }

        using (var agreement = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/agreements", new { kind = "P2-to-P3", agreedOn = factory.Today(), agreedWith = "Frau Koordinatorin" }))
        {
            Assert.True(agreement.IsSuccessStatusCode, await agreement.Content.ReadAsStringAsync());
        }

        using (var refused = await caseworker.MoveAsync(id, new { to = "P3" }))
        {
            await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["PH-P2-05"], await refused.ReadViolatedRulesAsync());
        }

        var lek = await caseworker.CreateOutcomeAsync(id);
        using (var employer = await caseworker.RecordContactAsync(id, factory.Clock.GetUtcNow().AddHours(-2), [lek], participantKind: "institution-contact"))
        {
            await employer.ExpectAsync(HttpStatusCode.Created);
            Assert.Equal("PH-P2-03", (await employer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("prompt").GetProperty("rule").GetString());
        }

        using (var personal = await caseworker.RecordContactAsync(id, factory.Clock.GetUtcNow().AddHours(-1), [lek]))
        {
            await personal.ExpectAsync(HttpStatusCode.Created);
        }

        using var moved = await caseworker.MoveAsync(id, new { to = "P3" });
        await moved.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("P3", await caseworker.PhaseOfAsync(id));
    }

    [Fact]
    [Trait("Rule", "ACC-10")]
    public async Task ACC10_a_contact_level_document_is_404_for_InA_and_the_IFD_lead_and_200_for_the_caseworker()
    {
        var (caseworker, id, tenant) = await CaseAsync();
        using var _c = caseworker;
        var lek = await caseworker.CreateOutcomeAsync(id);
        using var recorded = await caseworker.RecordContactAsync(id, factory.Clock.GetUtcNow().AddHours(-1), [lek]);
        var contact = await recorded.ReadCreatedIdAsync();
        using var uploaded = await caseworker.UploadAsync(id, "GoalAgreement", contactId: contact);
        var document = await uploaded.ReadCreatedIdAsync();

        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        using var lead = await factory.LoginAsync(tenant.LeadA);
        using (var ina = await coordinator.GetAsync($"/api/v1/documents/{document}"))
        {
            await ina.ExpectAsync(HttpStatusCode.NotFound);
        }

        using (var ifdLead = await lead.GetAsync($"/api/v1/documents/{document}"))
        {
            await ifdLead.ExpectAsync(HttpStatusCode.NotFound);
        }

        using var own = await caseworker.GetAsync($"/api/v1/documents/{document}");
        await own.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_upload_naming_a_contact_of_another_case_is_refused_with_400()
    {
        var (caseworker, id, _) = await CaseAsync();
        using var _c = caseworker;
        var other = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        var lek = await caseworker.CreateOutcomeAsync(other);
        using var recorded = await caseworker.RecordContactAsync(other, factory.Clock.GetUtcNow().AddHours(-1), [lek]);
        var contact = await recorded.ReadCreatedIdAsync();

        using var refused = await caseworker.UploadAsync(id, "Other", contactId: contact);
        await refused.ExpectAsync(HttpStatusCode.BadRequest);
    }
}
