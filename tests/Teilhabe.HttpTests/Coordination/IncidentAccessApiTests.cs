using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Coordination;

/// <summary>ACC-08: occasion-based full access of InA-Koordination to a case the Integrationsamt funds.</summary>
public sealed class IncidentAccessApiTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private const string Note = "Vereinbart: nächster Termin in zwei Wochen.";

    /// <summary>An InA-funded case (or one of another funder) with a contact that carries a note and a contact-level document.</summary>
    internal static async Task<(TestTenant Tenant, HttpClient Caseworker, string CaseId, string DocumentId)> CaseWithNotesAsync(TeilhabeFactory factory, string funderKind = "IntegrationOffice")
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await caseworker.CreateClientAsync();
        var funder = await caseworker.CreateFunderAsync(factory, funderKind);
        var id = await caseworker.CreateCaseAsync(new { clientId = client, careTypeCode = "retention", funderId = funder });
        await caseworker.PatchOkAsync(id, new { todo = "Privat: Rückruf Arbeitgeber" });
        var lek = await caseworker.CreateOutcomeAsync(id);
        using var contact = await caseworker.RecordContactAsync(id, factory.Clock.GetUtcNow().AddMinutes(-30), [lek]);
        var contactId = await contact.ReadCreatedIdAsync();
        using var upload = await caseworker.UploadAsync(id, "Other", contactId: contactId);
        var documentId = await upload.ReadCreatedIdAsync();
        return (tenant, caseworker, id, documentId);
    }

    private static string? NoteOf(JsonElement contacts)
        => contacts.EnumerateArray().Single().TryGetProperty("note", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;

    [Fact]
    [Trait("Rule", "ACC-08")]
    public async Task ACC08_during_the_access_the_coordinator_sees_notes_and_contact_documents_and_every_read_is_audited_with_the_occasion()
    {
        var (tenant, caseworker, id, documentId) = await CaseWithNotesAsync(factory);
        using var _c = caseworker;
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);

        // ACC-07 by default: no notes, no contact-level documents.
        Assert.Null(NoteOf(await coordinator.GetJsonAsync($"/api/v1/cases/{id}/contacts")));
        Assert.DoesNotContain((await coordinator.GetJsonAsync($"/api/v1/cases/{id}/documents")).EnumerateArray(), d => d.GetProperty("id").GetString() == documentId);

        using (var noReason = await coordinator.PostAsJsonAsync($"/api/v1/cases/{id}/incident-access", new { reason = " " }))
        {
            await noReason.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["ACC-08"], await noReason.ReadViolatedRulesAsync());
        }

        using (var byIfd = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/incident-access", new { reason = "Beschwerde" }))
        {
            await byIfd.ExpectAsync(HttpStatusCode.Forbidden);
        }

        const string reason = "Beschwerde des Klienten vom 20.11.";
        using var opened = await coordinator.PostAsJsonAsync($"/api/v1/cases/{id}/incident-access", new { reason });
        await opened.ExpectAsync(HttpStatusCode.Created);
        var body = await opened.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(factory.Clock.GetUtcNow().AddDays(7), body.GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));

        Assert.Equal(Note, NoteOf(await coordinator.GetJsonAsync($"/api/v1/cases/{id}/contacts")));
        Assert.Contains((await coordinator.GetJsonAsync($"/api/v1/cases/{id}/documents")).EnumerateArray(), d => d.GetProperty("id").GetString() == documentId);
        using (var download = await coordinator.GetAsync($"/api/v1/documents/{documentId}"))
        {
            await download.ExpectAsync(HttpStatusCode.OK);
        }

        // The ToDo stays a private work list even now.
        var @case = await coordinator.GetJsonAsync($"/api/v1/cases/{id}");
        Assert.True(!@case.TryGetProperty("todo", out var todo) || todo.ValueKind == JsonValueKind.Null);

        using var admin = await factory.AdminClientAsync();
        var rows = (await admin.GetJsonAsync($"/api/v1/admin/audit?caseId={id}")).EnumerateArray()
            .Where(r => r.GetProperty("userId").GetString() == tenant.Coordinator.Id && r.GetProperty("action").GetString() == "read").ToList();
        Assert.Contains(rows, r => r.TryGetProperty("reason", out var rr) && rr.GetString()?.StartsWith("ACC-08 Anlassbezogene Einsicht ", StringComparison.Ordinal) == true && r.GetProperty("entity").GetString() == "Case");
        Assert.Contains(rows, r => r.TryGetProperty("reason", out var rr) && rr.GetString()?.StartsWith("ACC-08 Anlassbezogene Einsicht ", StringComparison.Ordinal) == true && r.GetProperty("entity").GetString() == "CaseDocument");

        // Visible to the IFD.
        var listed = (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/incident-accesses")).EnumerateArray().Single();
        Assert.Equal(reason, listed.GetProperty("reason").GetString());
        Assert.Equal(tenant.Coordinator.Id, listed.GetProperty("userId").GetString());
        Assert.True(listed.GetProperty("active").GetBoolean());
    }

    [Fact]
    [Trait("Rule", "ACC-08")]
    public async Task ACC08_a_case_of_another_funder_is_never_opened()
    {
        var (tenant, caseworker, id, _) = await CaseWithNotesAsync(factory, "PensionInsurance");
        using var _c = caseworker;
        using var coordinator = await factory.LoginAsync(tenant.Coordinator);

        using var refused = await coordinator.PostAsJsonAsync($"/api/v1/cases/{id}/incident-access", new { reason = "Beschwerde" });

        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["ACC-08"], await refused.ReadViolatedRulesAsync());
        Assert.Null(NoteOf(await coordinator.GetJsonAsync($"/api/v1/cases/{id}/contacts")));
        Assert.Equal(0, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/incident-accesses")).GetArrayLength());
    }

    [Fact]
    [Trait("Rule", "ACC-08")]
    public async Task ACC08_the_coordination_section_offers_the_form_to_InA_and_the_case_overview_shows_the_open_access_to_the_IFD()
    {
        var (tenant, caseworker, id, _) = await CaseWithNotesAsync(factory);
        using var _c = caseworker;
        using var inaPages = await factory.SignInToPagesAsync(tenant.Coordinator);
        var page = WebUtility.HtmlDecode(await inaPages.GetStringAsync($"/faelle/{id}/koordination"));
        Assert.Contains("Anlassbezogene Einsicht öffnen", page, StringComparison.Ordinal);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Reason"] = "Beschwerde über die Begleitung",
            ["__RequestVerificationToken"] = PageSignIn.AntiforgeryToken(page),
        });
        using var opened = await inaPages.PostAsync($"/faelle/{id}/koordination?handler=Incident", form);
        Assert.True(opened.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.OK, opened.StatusCode.ToString());

        using var ifdPages = await factory.SignInToPagesAsync(tenant.CaseworkerA);
        var ifdPage = WebUtility.HtmlDecode(await ifdPages.GetStringAsync($"/faelle/{id}"));
        Assert.Contains("Anlassbezogene Einsicht durch InA-Koordination", ifdPage, StringComparison.Ordinal);
        Assert.Contains("Beschwerde über die Begleitung", ifdPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Anlassbezogene Einsicht öffnen", WebUtility.HtmlDecode(await ifdPages.GetStringAsync($"/faelle/{id}/koordination")), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "ACC-08")]
    public async Task ACC08_the_access_ends_after_the_profiles_seven_days()
    {
        // A factory of its own: this test moves the clock.
        await using var own = TeilhabeFactory.With(new TeilhabeFactoryOptions());
        var (tenant, caseworker, id, documentId) = await CaseWithNotesAsync(own);
        using var _c = caseworker;
        using var coordinator = await own.LoginAsync(tenant.Coordinator);
        using (var opened = await coordinator.PostAsJsonAsync($"/api/v1/cases/{id}/incident-access", new { reason = "Widerspruch gegen Bescheid" }))
        {
            await opened.ExpectAsync(HttpStatusCode.Created);
        }

        // Tokens follow the clock too: sign in again after each step.
        own.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        using (var stillOpen = await own.LoginAsync(tenant.Coordinator))
        {
            Assert.Equal(Note, NoteOf(await stillOpen.GetJsonAsync($"/api/v1/cases/{id}/contacts")));
        }

        own.Clock.Advance(TimeSpan.FromDays(1));
        using var expired = await own.LoginAsync(tenant.Coordinator);
        Assert.Null(NoteOf(await expired.GetJsonAsync($"/api/v1/cases/{id}/contacts")));
        Assert.DoesNotContain((await expired.GetJsonAsync($"/api/v1/cases/{id}/documents")).EnumerateArray(), d => d.GetProperty("id").GetString() == documentId);
        using var ifd = await own.LoginAsync(tenant.CaseworkerA);
        Assert.False((await ifd.GetJsonAsync($"/api/v1/cases/{id}/incident-accesses")).EnumerateArray().Single().GetProperty("active").GetBoolean());
    }
}
