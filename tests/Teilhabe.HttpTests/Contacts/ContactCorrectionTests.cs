using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Contacts;

/// <summary>CT-08 corrections and cancellations of contacts (API and the no-JS page forms), on SQLite and PostgreSQL.</summary>
public sealed class ContactCorrectionTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private sealed record Setup(TestTenant Tenant, HttpClient Caseworker, string CaseId, string OutcomeId) : IDisposable
    {
        public void Dispose() => Caseworker.Dispose();
    }

    private async Task<Setup> SetupAsync(bool withSecondService = false)
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService);
        var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        return new(tenant, caseworker, id, await caseworker.CreateOutcomeAsync(id));
    }

    private static async Task<string> RecordAsync(HttpClient client, string caseId, DateTimeOffset at, string outcomeId)
    {
        using var created = await client.RecordContactAsync(caseId, at, [outcomeId]);
        return await created.ReadCreatedIdAsync();
    }

    private static object Corrected(DateTimeOffset at, string outcomeId, string note, string topic) => new
    {
        occurredAt = at,
        form = "phone",
        keywords = "Gespräch zur Arbeitssituation",
        participants = new[] { new { kind = "client", name = "Frau Beispiel" } },
        note,
        topicCodes = new[] { topic },
        outcomeIds = new[] { outcomeId },
    };

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string contactId, object body, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/contacts/{contactId}") { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return await client.SendAsync(request);
    }

    private static async Task<string> ETagAsync(HttpClient client, string contactId)
    {
        using var response = await client.GetAsync($"/api/v1/contacts/{contactId}");
        await response.ExpectAsync(HttpStatusCode.OK);
        return response.Headers.ETag!.Tag;
    }

    private static async Task<JsonElement> OutcomeAsync(HttpClient client, string caseId, string outcomeId)
        => (await client.GetJsonAsync($"/api/v1/cases/{caseId}/outcomes")).EnumerateArray().Single(o => o.GetProperty("id").GetString() == outcomeId);

    [Fact]
    [Trait("Rule", "CT-08")]
    public async Task CT08_a_correction_of_note_and_topic_keeps_the_earlier_version_and_marks_the_contact_corrected()
    {
        using var s = await SetupAsync();
        var at = factory.Clock.GetUtcNow().AddHours(-2);
        var contact = await RecordAsync(s.Caseworker, s.CaseId, at, s.OutcomeId);

        using var corrected = await PutAsync(s.Caseworker, contact, Corrected(at, s.OutcomeId, "Korrigierte Notiz", "counselling-benefits"), await ETagAsync(s.Caseworker, contact));

        await corrected.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("\"2\"", corrected.Headers.ETag!.Tag);
        var versions = (await s.Caseworker.GetJsonAsync($"/api/v1/contacts/{contact}/versions")).EnumerateArray().ToList();
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal("Vereinbart: nächster Termin in zwei Wochen.", versions[0].GetProperty("note").GetString());
        Assert.Equal(["counselling-job"], versions[0].GetProperty("topicCodes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("personal", versions[0].GetProperty("form").GetString());
        Assert.Equal("Korrigierte Notiz", versions[1].GetProperty("note").GetString());
        Assert.Equal(["counselling-benefits"], versions[1].GetProperty("topicCodes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(s.Tenant.CaseworkerA.Id, versions[1].GetProperty("changedBy").GetString());
        var listed = (await s.Caseworker.GetJsonAsync($"/api/v1/cases/{s.CaseId}/contacts")).EnumerateArray().Single();
        Assert.True(listed.GetProperty("corrected").GetBoolean());
        Assert.Equal("Korrigierte Notiz", listed.GetProperty("note").GetString());
    }

    [Fact]
    [Trait("Rule", "CT-08")]
    public async Task CT08_a_correction_with_a_stale_ETag_answers_409_and_changes_nothing()
    {
        using var s = await SetupAsync();
        var at = factory.Clock.GetUtcNow().AddHours(-2);
        var contact = await RecordAsync(s.Caseworker, s.CaseId, at, s.OutcomeId);
        var first = await ETagAsync(s.Caseworker, contact);
        using var ok = await PutAsync(s.Caseworker, contact, Corrected(at, s.OutcomeId, "Erste Korrektur", "counselling-job"), first);
        await ok.ExpectAsync(HttpStatusCode.OK);

        using var stale = await PutAsync(s.Caseworker, contact, Corrected(at, s.OutcomeId, "Zweite Korrektur auf alter Fassung", "counselling-job"), first);

        await stale.ExpectAsync(HttpStatusCode.Conflict);
        var listed = (await s.Caseworker.GetJsonAsync($"/api/v1/cases/{s.CaseId}/contacts")).EnumerateArray().Single();
        Assert.Equal("Erste Korrektur", listed.GetProperty("note").GetString());
        Assert.Equal(2, (await s.Caseworker.GetJsonAsync($"/api/v1/contacts/{contact}/versions")).GetArrayLength());
    }

    [Fact]
    [Trait("Rule", "CT-03")]
    public async Task CT03_a_correction_or_cancellation_after_6_weeks_is_refused()
    {
        using var s = await SetupAsync();
        var at = ContactApi.OnDay(factory.BerlinToday().AddDays(-41));
        var contact = await RecordAsync(s.Caseworker, s.CaseId, at, s.OutcomeId);
        factory.Clock.Advance(TimeSpan.FromDays(3));
        using var caseworker = await factory.LoginAsync(s.Tenant.CaseworkerA);

        using var refused = await PutAsync(caseworker, contact, Corrected(at, s.OutcomeId, "Zu spät", "counselling-job"), await ETagAsync(caseworker, contact));
        using var cancel = await caseworker.PostAsJsonAsync($"/api/v1/contacts/{contact}/cancellation", new { reason = "im falschen Auftrag erfasst" });

        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("CT-03", await refused.ReadViolatedRulesAsync());
        await cancel.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["CT-03"], await cancel.ReadViolatedRulesAsync());
        var listed = (await caseworker.GetJsonAsync($"/api/v1/cases/{s.CaseId}/contacts")).EnumerateArray().Single();
        Assert.False(listed.GetProperty("corrected").GetBoolean());
        Assert.False(listed.GetProperty("cancelled").GetBoolean());
    }

    [Fact]
    [Trait("Rule", "CT-08")]
    [Trait("Rule", "LEK-02")]
    public async Task CT08_LEK02_a_cancelled_contact_stays_listed_as_cancelled_and_the_LEK_end_date_moves_back()
    {
        using var s = await SetupAsync();
        var today = factory.BerlinToday();
        await RecordAsync(s.Caseworker, s.CaseId, ContactApi.OnDay(today.AddDays(-10)), s.OutcomeId);
        var wrong = await RecordAsync(s.Caseworker, s.CaseId, ContactApi.OnDay(today.AddDays(-3)), s.OutcomeId);
        Assert.Equal(today.AddDays(-3).Iso(), (await OutcomeAsync(s.Caseworker, s.CaseId, s.OutcomeId)).GetProperty("endDate").GetString());

        using var noReason = await s.Caseworker.PostAsJsonAsync($"/api/v1/contacts/{wrong}/cancellation", new { reason = " " });
        using var cancelled = await s.Caseworker.PostAsJsonAsync($"/api/v1/contacts/{wrong}/cancellation", new { reason = "im falschen Auftrag erfasst" });

        await noReason.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["CT-08"], await noReason.ReadViolatedRulesAsync());
        await cancelled.ExpectAsync(HttpStatusCode.NoContent);
        var lek = await OutcomeAsync(s.Caseworker, s.CaseId, s.OutcomeId);
        Assert.Equal(today.AddDays(-10).Iso(), lek.GetProperty("startDate").GetString());
        Assert.Equal(today.AddDays(-10).Iso(), lek.GetProperty("endDate").GetString());
        var listed = (await s.Caseworker.GetJsonAsync($"/api/v1/cases/{s.CaseId}/contacts")).EnumerateArray().Single(c => c.GetProperty("id").GetString() == wrong);
        Assert.True(listed.GetProperty("cancelled").GetBoolean());
        Assert.Equal("im falschen Auftrag erfasst", listed.GetProperty("cancellationReason").GetString());
        using var again = await PutAsync(s.Caseworker, wrong, Corrected(ContactApi.OnDay(today.AddDays(-3)), s.OutcomeId, "x", "counselling-job"), null);
        await again.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["CT-08"], await again.ReadViolatedRulesAsync());
    }

    [Fact]
    [Trait("Rule", "LEK-02")]
    public async Task LEK02_a_corrected_contact_date_moves_the_LEK_start_date()
    {
        using var s = await SetupAsync();
        var today = factory.BerlinToday();
        var contact = await RecordAsync(s.Caseworker, s.CaseId, ContactApi.OnDay(today.AddDays(-2)), s.OutcomeId);

        using var corrected = await PutAsync(s.Caseworker, contact, Corrected(ContactApi.OnDay(today.AddDays(-5)), s.OutcomeId, "Datum korrigiert", "counselling-job"), "\"1\"");

        await corrected.ExpectAsync(HttpStatusCode.OK);
        var lek = await OutcomeAsync(s.Caseworker, s.CaseId, s.OutcomeId);
        Assert.Equal(today.AddDays(-5).Iso(), lek.GetProperty("startDate").GetString());
        Assert.Equal(today.AddDays(-5).Iso(), lek.GetProperty("endDate").GetString());
    }

    [Fact]
    [Trait("Rule", "ACC-06")]
    public async Task ACC06_a_caseworker_of_another_IFD_gets_404_for_correction_cancellation_and_versions()
    {
        using var s = await SetupAsync(withSecondService: true);
        var at = factory.Clock.GetUtcNow().AddHours(-2);
        var contact = await RecordAsync(s.Caseworker, s.CaseId, at, s.OutcomeId);
        using var other = await factory.LoginAsync(s.Tenant.CaseworkerB!);

        using var put = await PutAsync(other, contact, Corrected(at, s.OutcomeId, "fremd", "counselling-job"), "\"1\"");
        using var cancel = await other.PostAsJsonAsync($"/api/v1/contacts/{contact}/cancellation", new { reason = "fremd" });
        using var versions = await other.GetAsync($"/api/v1/contacts/{contact}/versions");

        await put.ExpectAsync(HttpStatusCode.NotFound);
        await cancel.ExpectAsync(HttpStatusCode.NotFound);
        await versions.ExpectAsync(HttpStatusCode.NotFound);
        Assert.False((await s.Caseworker.GetJsonAsync($"/api/v1/cases/{s.CaseId}/contacts")).EnumerateArray().Single().GetProperty("corrected").GetBoolean());
    }

    [Fact]
    [Trait("Rule", "CT-08")]
    public async Task CT08_the_page_forms_correct_and_cancel_without_JavaScript()
    {
        using var s = await SetupAsync();
        var today = factory.BerlinToday();
        await RecordAsync(s.Caseworker, s.CaseId, ContactApi.OnDay(today.AddDays(-10)), s.OutcomeId);
        var contact = await RecordAsync(s.Caseworker, s.CaseId, factory.Clock.GetUtcNow().AddHours(-2), s.OutcomeId);
        using var pages = await factory.SignInToPagesAsync(s.Tenant.CaseworkerA);
        var path = $"/kontakte/{contact}";
        var local = TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow().AddHours(-2), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        using var corrected = await PostAsync(pages, path, path + "?handler=Correct",
        [
            ("Revision", "1"), ("Entry.OccurredAt", local), ("Entry.Form", "phone"), ("Entry.Client", "true"), ("Entry.Keywords", "Gespräch zur Arbeitssituation"),
            ("Entry.Topics", "counselling-benefits"), ("Entry.Outcomes", s.OutcomeId), ("Entry.Note", "Notiz über das Formular korrigiert"),
        ]);
        using var stale = await PostAsync(pages, path, path + "?handler=Correct",
        [
            ("Revision", "1"), ("Entry.OccurredAt", local), ("Entry.Form", "phone"), ("Entry.Client", "true"), ("Entry.Keywords", "Gespräch zur Arbeitssituation"),
            ("Entry.Topics", "counselling-job"), ("Entry.Outcomes", s.OutcomeId), ("Entry.Note", "veraltet"),
        ]);
        using var cancelled = await PostAsync(pages, path, path + "?handler=Cancel", [("Revision", "2"), ("Reason", "im falschen Auftrag erfasst")]);

        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("inzwischen von jemand anderem geändert", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var listed = (await s.Caseworker.GetJsonAsync($"/api/v1/cases/{s.CaseId}/contacts")).EnumerateArray().Single(c => c.GetProperty("id").GetString() == contact);
        Assert.Equal("Notiz über das Formular korrigiert", listed.GetProperty("note").GetString());
        Assert.True(listed.GetProperty("corrected").GetBoolean());
        Assert.True(listed.GetProperty("cancelled").GetBoolean());
        Assert.Equal(today.AddDays(-10).Iso(), (await OutcomeAsync(s.Caseworker, s.CaseId, s.OutcomeId)).GetProperty("endDate").GetString());
        var page = WebUtility.HtmlDecode(await pages.GetStringAsync(path));
        Assert.Contains("storniert", page);
        Assert.Contains("Vereinbart: nächster Termin in zwei Wochen.", page);
        Assert.Contains("Notiz über das Formular korrigiert", page);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pagePath, string postPath, IEnumerable<(string Key, string Value)> fields)
    {
        var token = PageSignIn.AntiforgeryToken(await client.GetStringAsync(pagePath));
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token)).ToList();
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(postPath, content);
    }
}
