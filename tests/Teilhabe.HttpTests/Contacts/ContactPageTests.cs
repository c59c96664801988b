using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Contacts;

/// <summary>The caseworker's pages for contacts and LEK (issue 5): contact form, drafts, timeline, LEK pages.</summary>
public sealed class ContactPageTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private sealed record Setup(TestTenant Tenant, HttpClient Api, HttpClient Pages, string CaseId) : IDisposable
    {
        public void Dispose()
        {
            Api.Dispose();
            Pages.Dispose();
        }
    }

    private async Task<Setup> SetupAsync()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var api = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await api.CreateCaseAsync(new { clientId = await api.CreateClientAsync() });
        return new(tenant, api, await factory.SignInToPagesAsync(tenant.CaseworkerA), id);
    }

    private string BerlinLocal(TimeSpan back)
        => TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow() - back, Berlin).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Posts a form (repeated keys allowed) with the antiforgery token of the page at <paramref name="pagePath"/>.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pagePath, string postPath, IEnumerable<(string Key, string Value)> fields)
    {
        var token = PageSignIn.AntiforgeryToken(await client.GetStringAsync(pagePath));
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token)).ToList();
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(postPath, content);
    }

    private List<(string, string)> ContactFields(string? outcomeId, string keywords = "Stichwort Arbeitszeit", string note = "Notiz: Gespräch mit Frau Beispiel")
    {
        var fields = new List<(string, string)>
        {
            ("Entry.OccurredAt", BerlinLocal(TimeSpan.FromHours(1))),
            ("Entry.Form", "phone"),
            ("Entry.Keywords", keywords),
            ("Entry.Client", "true"),
            ("Entry.Others", "Herr Dritter"),
            ("Entry.Topics", "counselling-job"),
            ("Entry.Topics", "counselling-benefits"),
            ("Entry.Note", note),
        };
        if (outcomeId is not null)
        {
            fields.Add(("Entry.Outcomes", outcomeId));
        }

        return fields;
    }

    private static string Decoded(string html) => WebUtility.HtmlDecode(html);

    [Fact]
    [Trait("Rule", "CT-01")]
    public async Task CT01_the_contact_form_without_LEK_is_refused_with_CT01_and_keeps_every_value()
    {
        using var s = await SetupAsync();
        var path = $"/faelle/{s.CaseId}/kontakte/neu";
        var fields = ContactFields(outcomeId: null);

        using var response = await PostAsync(s.Pages, path, path, fields);

        await response.ExpectAsync(HttpStatusCode.OK);
        var html = Decoded(await response.Content.ReadAsStringAsync());
        Assert.Contains("Ein Kontakt ist mindestens einer LEK zuzuordnen. (CT-01)", html);
        Assert.Contains("id=\"fehler\"", html);
        Assert.Contains($"value=\"{fields[0].Item2}\"", html);
        Assert.Contains("value=\"phone\" checked=\"checked\"", html);
        Assert.Contains("value=\"Stichwort Arbeitszeit\"", html);
        Assert.Contains("Herr Dritter</textarea>", html);
        Assert.Contains("Notiz: Gespräch mit Frau Beispiel</textarea>", html);
        Assert.Contains("value=\"counselling-job\" checked=\"checked\"", html);
        Assert.Contains("value=\"counselling-benefits\" checked=\"checked\"", html);
        Assert.Contains("name=\"Entry.Client\" value=\"true\" checked=\"checked\"", html);
        Assert.Equal(0, (await s.Api.GetJsonAsync($"/api/v1/cases/{s.CaseId}/contacts")).GetArrayLength());
    }

    [Fact]
    [Trait("Rule", "CT-01")]
    public async Task CT01_the_contact_form_without_keywords_is_refused_at_the_keywords_field_and_keeps_the_note()
    {
        using var s = await SetupAsync();
        var path = $"/faelle/{s.CaseId}/kontakte/neu";
        var lek = await s.Api.CreateOutcomeAsync(s.CaseId);

        using var response = await PostAsync(s.Pages, path, path, ContactFields(lek, keywords: ""));

        await response.ExpectAsync(HttpStatusCode.OK);
        var html = Decoded(await response.Content.ReadAsStringAsync());
        Assert.Contains("<span class=\"field-error\" id=\"Entry_Keywords-fehler\">Bitte Stichworte zum Kontakt angeben", html);
        Assert.Contains("Notiz: Gespräch mit Frau Beispiel</textarea>", html);
        Assert.Equal(0, (await s.Api.GetJsonAsync($"/api/v1/cases/{s.CaseId}/contacts")).GetArrayLength());
    }

    [Fact]
    [Trait("Rule", "CT-01")]
    public async Task CT01_a_valid_contact_form_creates_the_contact_and_leads_to_the_timeline_which_shows_its_duration()
    {
        using var s = await SetupAsync();
        var lek = await s.Api.CreateOutcomeAsync(s.CaseId);
        var path = $"/faelle/{s.CaseId}/kontakte/neu";

        var fields = ContactFields(lek);
        fields.Add(("Entry.DurationMinutes", "25"));
        Assert.Contains("name=\"Entry.DurationMinutes\"", await s.Pages.GetStringAsync(path));

        using var response = await PostAsync(s.Pages, path, path, fields);

        await response.ExpectAsync(HttpStatusCode.Redirect);
        Assert.Equal($"/faelle/{s.CaseId}/verlauf", response.Headers.Location?.OriginalString);
        var contact = Assert.Single((await s.Api.GetJsonAsync($"/api/v1/cases/{s.CaseId}/contacts")).EnumerateArray());
        Assert.Equal("phone", contact.GetProperty("form").GetString());
        Assert.Equal(25, contact.GetProperty("durationMinutes").GetInt32());
        Assert.Equal(2, contact.GetProperty("participants").GetArrayLength());
        Assert.Equal(lek, contact.GetProperty("outcomeIds")[0].GetString());
        var timeline = Decoded(await s.Pages.GetStringAsync($"/faelle/{s.CaseId}/verlauf"));
        Assert.Contains("Der Kontakt vom", timeline);
        Assert.Contains("Stichwort Arbeitszeit", timeline);
        Assert.Contains("<dt>Dauer</dt><dd>25 Minuten</dd>", timeline);
    }

    [Fact]
    [Trait("Rule", "CT-01")]
    [Trait("Rule", "LEK-02")]
    public async Task CT01_a_first_contact_can_create_its_LEK_in_the_same_submit()
    {
        using var s = await SetupAsync();
        var path = $"/faelle/{s.CaseId}/kontakte/neu";
        var fields = ContactFields(null);
        fields.Add(("Entry.NewOutcomeCode", "qb-done"));

        using var response = await PostAsync(s.Pages, path, path, fields);

        await response.ExpectAsync(HttpStatusCode.Redirect);
        var outcome = Assert.Single((await s.Api.GetJsonAsync($"/api/v1/cases/{s.CaseId}/outcomes")).EnumerateArray());
        Assert.Equal("qb-done", outcome.GetProperty("outcomeCode").GetString());
        Assert.Equal(factory.BerlinToday().Iso(), outcome.GetProperty("startDate").GetString());
    }

    [Fact]
    [Trait("Rule", "CT-03")]
    public async Task CT03_a_refused_contact_stores_neither_the_new_LEK_nor_the_files()
    {
        using var s = await SetupAsync();
        var path = $"/faelle/{s.CaseId}/kontakte/neu";
        var fields = ContactFields(null);
        fields[0] = ("Entry.OccurredAt", BerlinLocal(TimeSpan.FromDays(60)));
        fields.Add(("Entry.NewOutcomeCode", "qb-done"));

        using var response = await PostAsync(s.Pages, path, path, fields);

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("(CT-03)", Decoded(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, (await s.Api.GetJsonAsync($"/api/v1/cases/{s.CaseId}/outcomes")).GetArrayLength());
        Assert.Equal(0, (await s.Api.GetJsonAsync($"/api/v1/cases/{s.CaseId}/contacts")).GetArrayLength());
    }

    [Fact]
    public async Task A_draft_saved_by_the_autosave_is_restored_for_its_owner_only_and_deleted_with_the_contact()
    {
        using var s = await SetupAsync();
        var path = $"/faelle/{s.CaseId}/kontakte/neu";

        using (var saved = await PostAsync(s.Pages, path, path + "?handler=Draft", ContactFields(null, keywords: "Entwurf-Stichwort")))
        {
            await saved.ExpectAsync(HttpStatusCode.OK);
            Assert.StartsWith("Entwurf gespeichert um", await saved.Content.ReadAsStringAsync());
        }

        var restored = Decoded(await s.Pages.GetStringAsync(path));
        Assert.Contains("Ein nicht gespeicherter Entwurf vom", restored);
        Assert.Contains("value=\"Entwurf-Stichwort\"", restored);
        Assert.Contains("Entwurf verwerfen", restored);

        using (var lead = await factory.SignInToPagesAsync(s.Tenant.LeadA))
        {
            var other = Decoded(await lead.GetStringAsync(path));
            Assert.DoesNotContain("Entwurf-Stichwort", other);
            Assert.DoesNotContain("Ein nicht gespeicherter Entwurf", other);
        }

        var lek = await s.Api.CreateOutcomeAsync(s.CaseId);
        using (var created = await PostAsync(s.Pages, path, path, ContactFields(lek, keywords: "Entwurf-Stichwort")))
        {
            await created.ExpectAsync(HttpStatusCode.Redirect);
        }

        var fresh = Decoded(await s.Pages.GetStringAsync(path));
        Assert.DoesNotContain("Ein nicht gespeicherter Entwurf", fresh);
        Assert.DoesNotContain("Entwurf-Stichwort", fresh);
    }

    [Fact]
    public async Task A_refused_submit_is_kept_as_draft_and_restored_after_a_new_login()
    {
        using var s = await SetupAsync();
        var path = $"/faelle/{s.CaseId}/kontakte/neu";
        using (var refused = await PostAsync(s.Pages, path, path, ContactFields(null, note: "Nichts geht verloren")))
        {
            await refused.ExpectAsync(HttpStatusCode.OK);
        }

        using var again = await factory.SignInToPagesAsync(s.Tenant.CaseworkerA);
        var restored = Decoded(await again.GetStringAsync(path));
        Assert.Contains("Ein nicht gespeicherter Entwurf vom", restored);
        Assert.Contains("Nichts geht verloren</textarea>", restored);
    }

    [Fact]
    public async Task The_timeline_filter_returns_only_the_selected_kinds()
    {
        using var s = await SetupAsync();
        var lek = await s.Api.CreateOutcomeAsync(s.CaseId);
        using (var contact = await s.Api.RecordContactAsync(s.CaseId, factory.Clock.GetUtcNow().AddHours(-1), [lek]))
        {
            await contact.ExpectAsync(HttpStatusCode.Created);
        }

        await s.Api.UploadOkAsync(s.CaseId, "Other");

        var all = Decoded(await s.Pages.GetStringAsync($"/faelle/{s.CaseId}/verlauf"));
        Assert.Contains("Kontakt (persönlich)", all);
        Assert.Contains("Dokument: ", all);
        Assert.Contains("LEK angelegt: ", all);

        var documents = Decoded(await s.Pages.GetStringAsync($"/faelle/{s.CaseId}/verlauf?art=dokumente"));
        Assert.Contains("Dokument: ", documents);
        Assert.DoesNotContain("Kontakt (persönlich)", documents);
        Assert.DoesNotContain("LEK angelegt: ", documents);
        Assert.DoesNotContain("Auftrag angelegt in", documents);

        var contactsAndLek = Decoded(await s.Pages.GetStringAsync($"/faelle/{s.CaseId}/verlauf?art=kontakte&art=lek"));
        Assert.Contains("Kontakt (persönlich)", contactsAndLek);
        Assert.Contains("LEK-Start: ", contactsAndLek);
        Assert.DoesNotContain("Dokument: ", contactsAndLek);

        var otherTopic = Decoded(await s.Pages.GetStringAsync($"/faelle/{s.CaseId}/verlauf?aufgabe=bem"));
        Assert.DoesNotContain("Kontakt (persönlich)", otherTopic);
        var past = factory.BerlinToday().AddDays(-10).Iso();
        var beforeContact = Decoded(await s.Pages.GetStringAsync($"/faelle/{s.CaseId}/verlauf?art=kontakte&bis={past}"));
        Assert.DoesNotContain("Kontakt (persönlich)", beforeContact);
    }

    [Fact]
    [Trait("Rule", "ACC-07")]
    public async Task ACC07_InA_coordination_sees_the_contact_on_the_timeline_but_not_its_note()
    {
        using var s = await SetupAsync();
        var lek = await s.Api.CreateOutcomeAsync(s.CaseId);
        using (var contact = await s.Api.RecordContactAsync(s.CaseId, factory.Clock.GetUtcNow().AddHours(-1), [lek]))
        {
            await contact.ExpectAsync(HttpStatusCode.Created);
        }

        const string note = "Vereinbart: nächster Termin in zwei Wochen.";
        Assert.Contains(note, Decoded(await s.Pages.GetStringAsync($"/faelle/{s.CaseId}/verlauf")));

        using var coordinator = await factory.SignInToPagesAsync(s.Tenant.Coordinator);
        using var response = await coordinator.GetAsync($"/faelle/{s.CaseId}/verlauf");
        await response.ExpectAsync(HttpStatusCode.OK);
        var html = Decoded(await response.Content.ReadAsStringAsync());
        Assert.Contains("Kontakt (persönlich)", html);
        Assert.DoesNotContain(note, html);
        Assert.DoesNotContain("Gespräch zur Arbeitssituation", html);
        Assert.DoesNotContain("Kontakt erfassen", html);
    }

    [Fact]
    [Trait("Rule", "LEK-03")]
    public async Task LEK03_the_list_shows_an_LEK_without_start_date_and_not_one_with()
    {
        using var s = await SetupAsync();
        var linked = await s.Api.CreateOutcomeAsync(s.CaseId, "employer-counselled");
        await s.Api.CreateOutcomeAsync(s.CaseId, "qb-done");
        using (var contact = await s.Api.RecordContactAsync(s.CaseId, factory.Clock.GetUtcNow().AddHours(-1), [linked]))
        {
            await contact.ExpectAsync(HttpStatusCode.Created);
        }

        var html = Decoded(await s.Pages.GetStringAsync("/lek-ohne-startdatum"));
        Assert.Contains("Qualifizierte Beratung durchgeführt", html);
        Assert.DoesNotContain("Arbeitgeber beraten", html);
        Assert.Contains($"/faelle/{s.CaseId}/lek", html);

        using var lead = await factory.SignInToPagesAsync(s.Tenant.LeadA);
        var forLead = Decoded(await lead.GetStringAsync("/lek-ohne-startdatum"));
        Assert.Contains("Fachkraft: ", forLead);
        Assert.Contains("Qualifizierte Beratung durchgeführt", forLead);
    }

    [Fact]
    [Trait("Rule", "LEK-01")]
    public async Task LEK01_the_LEK_page_declares_an_LEK_invalid_only_with_a_reason_and_keeps_it_listed()
    {
        using var s = await SetupAsync();
        var lek = await s.Api.CreateOutcomeAsync(s.CaseId);
        var path = $"/faelle/{s.CaseId}/lek";

        using (var refused = await PostAsync(s.Pages, path, path + "?handler=Invalidate", [("OutcomeId", lek), ("Reason", "")]))
        {
            await refused.ExpectAsync(HttpStatusCode.OK);
            Assert.Contains("Bitte begründen", Decoded(await refused.Content.ReadAsStringAsync()));
        }

        using (var done = await PostAsync(s.Pages, path, path + "?handler=Invalidate", [("OutcomeId", lek), ("Reason", "Doppelt angelegt")]))
        {
            await done.ExpectAsync(HttpStatusCode.Redirect);
        }

        var html = Decoded(await s.Pages.GetStringAsync(path));
        Assert.Contains("Doppelt angelegt", html);
        Assert.Contains("ungültig seit", html);
        var listed = Assert.Single((await s.Api.GetJsonAsync($"/api/v1/cases/{s.CaseId}/outcomes")).EnumerateArray());
        Assert.False(listed.GetProperty("valid").GetBoolean());
    }

    [Fact]
    [Trait("Rule", "LEK-04")]
    public async Task LEK04_the_start_date_is_removed_on_the_LEK_page_and_the_LEK_then_lacks_a_start_date()
    {
        using var s = await SetupAsync();
        var lek = await s.Api.CreateOutcomeAsync(s.CaseId, "qb-done");
        using (var contact = await s.Api.RecordContactAsync(s.CaseId, factory.Clock.GetUtcNow().AddHours(-1), [lek]))
        {
            await contact.ExpectAsync(HttpStatusCode.Created);
        }

        var path = $"/faelle/{s.CaseId}/lek";
        Assert.Contains("Startdatum entfernen", Decoded(await s.Pages.GetStringAsync(path)));

        using (var removed = await PostAsync(s.Pages, path, path + "?handler=RemoveStartDate", [("OutcomeId", lek)]))
        {
            await removed.ExpectAsync(HttpStatusCode.Redirect);
        }

        var listed = Assert.Single((await s.Api.GetJsonAsync($"/api/v1/cases/{s.CaseId}/outcomes")).EnumerateArray());
        Assert.True(listed.GetProperty("withoutStartDate").GetBoolean());
        var page = Decoded(await s.Pages.GetStringAsync(path));
        Assert.Contains("ohne Startdatum", page);
        Assert.DoesNotContain(">Startdatum entfernen<", page);

        using var again = await PostAsync(s.Pages, path, path + "?handler=RemoveStartDate", [("OutcomeId", lek)]);
        await again.ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("(LEK-04)", Decoded(await again.Content.ReadAsStringAsync()));
    }

    [Fact]
    [Trait("Rule", "PH-P2-03")]
    public async Task PHP203_after_a_third_party_contact_in_P2_the_timeline_prompts_the_move_with_a_link()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var api = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await api.CreateCompleteClientAsync(factory);
        var ina = await api.CreateFunderAsync(factory, "IntegrationOffice");
        var id = await api.CreateCaseAsync(new { clientId = client, careTypeCode = "retention", funderId = ina, legalBasisCode = "sgb9-185-2", caseGroupCode = "support-need", referringBodyCode = "employer" });
        await api.SignNoticeAsync(id, factory.Today());
        await api.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof", "GoalAgreement");
        await api.PatchOkAsync(id, new { plannedContents = "Konflikt mit dem Vorgesetzten klären" });
        using (var p2 = await api.MoveAsync(id, new { to = "P2" }))
        {
            await p2.ExpectAsync(HttpStatusCode.OK);
        }

        var lek = await api.CreateOutcomeAsync(id);
        using var pages = await factory.SignInToPagesAsync(tenant.CaseworkerA);
        var path = $"/faelle/{id}/kontakte/neu";

        using var response = await PostAsync(pages, path, path, ContactFields(lek));

        await response.ExpectAsync(HttpStatusCode.Redirect);
        var timeline = Decoded(await pages.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Contains("(PH-P2-03)", timeline);
        Assert.Contains($"href=\"/faelle/{id}/phase#phase-wechseln\"", timeline);
    }

    [Fact]
    [Trait("Rule", "PH-FDS-05")]
    public async Task PHFDS05_an_additional_FDS_case_offers_no_contact_form_and_explains_why()
    {
        using var s = await SetupAsync();
        var client = await s.Api.CreateClientAsync();
        var ina = await s.Api.CreateFunderAsync(factory, "IntegrationOffice");
        var main = await s.Api.CreateCaseAsync(new { clientId = client, careTypeCode = "retention", funderId = ina, legalBasisCode = "sgb9-185-2" });
        var extra = await s.Api.CreateCaseAsync(new { clientId = client, careTypeCode = "expert-statement", funderId = ina, legalBasisCode = "fds-27-schwbav", parentCaseId = main });
        var path = $"/faelle/{extra}/kontakte/neu";

        var html = Decoded(await s.Pages.GetStringAsync(path));

        Assert.Contains("(PH-FDS-05)", html);
        Assert.Contains($"/faelle/{main}/kontakte/neu", html);
        Assert.DoesNotContain("id=\"kontakt-form\"", html);
        Assert.DoesNotContain($"href=\"/faelle/{extra}/kontakte/neu\"", Decoded(await s.Pages.GetStringAsync($"/faelle/{extra}")));
        var lek = await s.Api.CreateOutcomeAsync(main);
        using var posted = await PostAsync(s.Pages, $"/faelle/{main}/kontakte/neu", path, ContactFields(lek));
        await posted.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, (await s.Api.GetJsonAsync($"/api/v1/cases/{extra}/contacts")).GetArrayLength());
    }

    private static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string path, IEnumerable<(string Key, string Value)> fields, byte[] file)
    {
        var token = PageSignIn.AntiforgeryToken(await client.GetStringAsync(path));
        using var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent("Other"), "Entry.FileKind");
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(content, "Files", "gespraech.pdf");
        return await client.PostAsync(path, form);
    }

    [Fact]
    [Trait("Rule", "DOC-01")]
    public async Task DOC01_files_are_stored_with_the_contact_and_a_refused_file_stores_no_contact()
    {
        using var s = await SetupAsync();
        var lek = await s.Api.CreateOutcomeAsync(s.CaseId);
        var path = $"/faelle/{s.CaseId}/kontakte/neu";

        using (var refused = await PostMultipartAsync(s.Pages, path, ContactFields(lek, keywords: "Mit falscher Datei"), "kein pdf"u8.ToArray()))
        {
            await refused.ExpectAsync(HttpStatusCode.OK);
            var html = Decoded(await refused.Content.ReadAsStringAsync());
            Assert.Contains("(DOC-01)", html);
            Assert.Contains("value=\"Mit falscher Datei\"", html);
        }

        Assert.Equal(0, (await s.Api.GetJsonAsync($"/api/v1/cases/{s.CaseId}/contacts")).GetArrayLength());
        var unlinked = Assert.Single((await s.Api.GetJsonAsync($"/api/v1/cases/{s.CaseId}/outcomes")).EnumerateArray());
        Assert.True(unlinked.GetProperty("withoutStartDate").GetBoolean());

        using (var stored = await PostMultipartAsync(s.Pages, path, ContactFields(lek), CaseApi.SmallPdf))
        {
            await stored.ExpectAsync(HttpStatusCode.Redirect);
        }

        var contact = Assert.Single((await s.Api.GetJsonAsync($"/api/v1/cases/{s.CaseId}/contacts")).EnumerateArray());
        var timeline = Decoded(await s.Pages.GetStringAsync($"/faelle/{s.CaseId}/verlauf?art=kontakte"));
        Assert.Contains("gespraech.pdf", timeline);
        Assert.NotNull(contact.GetProperty("id").GetString());
    }
}
