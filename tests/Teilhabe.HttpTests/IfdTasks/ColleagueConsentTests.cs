using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.IfdTasks;

/// <summary>IFD-01: colleagues are informed only with the client's recorded consent — API and page form.</summary>
public sealed class ColleagueConsentTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private const string Message = "Einwilligung der Klientin/des Klienten zur Information der Kolleginnen und Kollegen erfassen";

    private async Task<(HttpClient Caseworker, string CaseId, TestTenant Tenant)> CaseAsync()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });
        return (caseworker, id, tenant);
    }

    private static Task<HttpResponseMessage> InformAsync(HttpClient client, string caseId, DateTimeOffset at, string[] topicCodes, string[] outcomeIds)
        => client.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", new
        {
            occurredAt = at,
            form = "personal",
            keywords = "Teambesprechung",
            participants = new[] { new { kind = "client", name = "Frau Beispiel" } },
            note = "Team über Epilepsie informiert.",
            topicCodes,
            outcomeIds,
        });

    private static async Task<string> ConsentAsync(HttpClient client, string caseId, DateOnly givenOn)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/colleague-consents",
            new { givenOn = givenOn.Iso(), form = "written", colleagues = "Team Versand", information = "Art der Anfälle, Verhalten im Notfall" });
        return await response.ReadCreatedIdAsync();
    }

    [Fact]
    [Trait("Rule", "IFD-01")]
    public async Task IFD01_a_contact_informing_colleagues_without_consent_is_refused_with_every_violation()
    {
        var (caseworker, id, _) = await CaseAsync();
        using var _c = caseworker;
        var lek = await caseworker.CreateOutcomeAsync(id);

        using var refused = await InformAsync(caseworker, id, factory.Clock.GetUtcNow().AddHours(-1), ["inform-colleagues"], [lek]);

        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        var problem = await refused.ReadProblemAsync();
        var violation = Assert.Single(problem.GetProperty("violations").EnumerateArray());
        Assert.Equal("IFD-01", violation.GetProperty("rule").GetString());
        Assert.Equal("topicCodes", violation.GetProperty("field").GetString());
        Assert.Contains(Message, violation.GetProperty("message").GetString());
        Assert.Equal(0, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/contacts")).GetArrayLength());
    }

    [Fact]
    [Trait("Rule", "IFD-01")]
    public async Task IFD01_the_LEK_colleagues_informed_needs_a_recorded_consent()
    {
        var (caseworker, id, _) = await CaseAsync();
        using var _c = caseworker;

        using var refused = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/outcomes", new { outcomeCode = "colleagues-informed" });
        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["IFD-01"], await refused.ReadViolatedRulesAsync());

        await ConsentAsync(caseworker, id, factory.BerlinToday().AddDays(-2));
        var lek = await caseworker.CreateOutcomeAsync(id, "colleagues-informed");
        using var accepted = await InformAsync(caseworker, id, factory.Clock.GetUtcNow().AddHours(-1), ["workplace-conflict"], [lek]);
        await accepted.ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    [Trait("Rule", "IFD-01")]
    public async Task IFD01_with_a_valid_consent_the_contact_is_accepted_but_not_on_a_day_before_it_was_given()
    {
        var (caseworker, id, _) = await CaseAsync();
        using var _c = caseworker;
        var today = factory.BerlinToday();
        await ConsentAsync(caseworker, id, today.AddDays(-3));
        var lek = await caseworker.CreateOutcomeAsync(id, "colleagues-informed");

        using var before = await InformAsync(caseworker, id, ContactApi.OnDay(today.AddDays(-5)), ["inform-colleagues"], [lek]);
        await before.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        var fields = (await before.ReadProblemAsync()).GetProperty("violations").EnumerateArray()
            .Where(v => v.GetProperty("rule").GetString() == "IFD-01").Select(v => v.GetProperty("field").GetString()).Order().ToList();
        Assert.Equal(["outcomeIds", "topicCodes"], fields);

        using var accepted = await InformAsync(caseworker, id, factory.Clock.GetUtcNow().AddHours(-1), ["inform-colleagues"], [lek]);
        await accepted.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(1, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/contacts")).GetArrayLength());
    }

    [Fact]
    [Trait("Rule", "IFD-01")]
    public async Task IFD01_after_the_revocation_informing_colleagues_is_refused_again()
    {
        var (caseworker, id, _) = await CaseAsync();
        using var _c = caseworker;
        var today = factory.BerlinToday();
        var consent = await ConsentAsync(caseworker, id, today.AddDays(-10));
        var lek = await caseworker.CreateOutcomeAsync(id, "colleagues-informed");

        using var revoked = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/colleague-consents/{consent}/revoke", new { revokedOn = today.AddDays(-1).Iso() });
        await revoked.ExpectAsync(HttpStatusCode.OK);

        using var refused = await InformAsync(caseworker, id, factory.Clock.GetUtcNow().AddHours(-1), ["inform-colleagues"], [lek]);
        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["IFD-01", "IFD-01"], await refused.ReadViolatedRulesAsync());

        // Before the revocation the consent was valid: documenting that earlier day is still possible.
        using var earlier = await InformAsync(caseworker, id, ContactApi.OnDay(today.AddDays(-2)), ["inform-colleagues"], [lek]);
        await earlier.ExpectAsync(HttpStatusCode.Created);

        var listed = Assert.Single((await caseworker.GetJsonAsync($"/api/v1/cases/{id}/colleague-consents")).EnumerateArray());
        Assert.Equal(today.AddDays(-1).Iso(), listed.GetProperty("revokedOn").GetString());
        Assert.False(listed.GetProperty("validToday").GetBoolean());

        using var twice = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/colleague-consents/{consent}/revoke", new { revokedOn = today.Iso() });
        await twice.ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    [Trait("Rule", "IFD-01")]
    public async Task IFD01_a_consent_needs_date_form_and_scope_and_cannot_lie_in_the_future()
    {
        var (caseworker, id, _) = await CaseAsync();
        using var _c = caseworker;

        using var empty = await caseworker.PostAsJsonAsync($"/api/v1/cases/{id}/colleague-consents", new { givenOn = factory.BerlinToday().AddDays(1).Iso() });
        await empty.ExpectAsync(HttpStatusCode.BadRequest);
        var fields = (await empty.ReadProblemAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["givenOn", "form", "colleagues", "information"], fields);
        Assert.Equal(0, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/colleague-consents")).GetArrayLength());
    }

    [Fact]
    [Trait("Rule", "IFD-01")]
    public async Task IFD01_InA_coordination_does_not_see_consents_and_every_read_is_audited()
    {
        var (caseworker, id, tenant) = await CaseAsync();
        using var _c = caseworker;
        await ConsentAsync(caseworker, id, factory.BerlinToday());

        using var coordinator = await factory.LoginAsync(tenant.Coordinator);
        using var denied = await coordinator.GetAsync($"/api/v1/cases/{id}/colleague-consents");
        await denied.ExpectAsync(HttpStatusCode.Forbidden);
        using var deniedPost = await coordinator.PostAsJsonAsync($"/api/v1/cases/{id}/colleague-consents", new { givenOn = factory.BerlinToday().Iso(), form = "oral", colleagues = "x", information = "y" });
        await deniedPost.ExpectAsync(HttpStatusCode.Forbidden);

        using var lead = await factory.LoginAsync(tenant.LeadA);
        Assert.Equal(1, (await lead.GetJsonAsync($"/api/v1/cases/{id}/colleague-consents")).GetArrayLength());

        using var admin = await factory.AdminClientAsync();
        using var adminRead = await admin.GetAsync($"/api/v1/cases/{id}/colleague-consents");
        await adminRead.ExpectAsync(HttpStatusCode.NotFound);

        var rows = await admin.GetJsonAsync($"/api/v1/admin/audit?caseId={id}");
        Assert.Contains(rows.EnumerateArray(), r => r.GetProperty("action").GetString() == "read" && r.GetProperty("entity").GetString() == "ColleagueConsent"
            && r.GetProperty("userId").GetString() == tenant.LeadA.Id);
    }

    [Fact]
    [Trait("Rule", "IFD-01")]
    public async Task IFD01_the_contact_form_without_consent_is_refused_keeps_the_entry_and_names_what_to_do()
    {
        var (caseworker, id, tenant) = await CaseAsync();
        using var _c = caseworker;
        var lek = await caseworker.CreateOutcomeAsync(id);
        using var pages = await factory.SignInToPagesAsync(tenant.CaseworkerA);
        var path = $"/faelle/{id}/kontakte/neu";
        var at = TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow().AddHours(-1), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"))
            .ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Entry.OccurredAt", at),
            new("Entry.Form", "personal"),
            new("Entry.Keywords", "Teamgespräch Versand"),
            new("Entry.Client", "true"),
            new("Entry.Topics", "inform-colleagues"),
            new("Entry.Outcomes", lek),
            new("Entry.Note", "Kolleginnen über Anfallsgeschehen informiert"),
        };

        async Task<HttpResponseMessage> PostAsync()
        {
            var token = PageSignIn.AntiforgeryToken(await pages.GetStringAsync(path));
            using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
            return await pages.PostAsync(path, content);
        }

        using var refused = await PostAsync();
        await refused.ExpectAsync(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("id=\"fehler\"", html);
        Assert.Contains(Message, html);
        Assert.Contains("(IFD-01)", html);
        Assert.Contains("value=\"Teamgespräch Versand\"", html);
        Assert.Contains("Kolleginnen über Anfallsgeschehen informiert</textarea>", html);
        Assert.Contains("value=\"inform-colleagues\" checked=\"checked\"", html);
        Assert.Equal(0, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/contacts")).GetArrayLength());

        var consentPage = "/faelle/" + id + "/einwilligungen-kollegen";
        var consentToken = PageSignIn.AntiforgeryToken(await pages.GetStringAsync(consentPage));
        using var consentForm = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.GivenOn"] = factory.BerlinToday().Iso(),
            ["Input.Form"] = "oral",
            ["Input.Colleagues"] = "Team Versand",
            ["Input.Information"] = "Anfallsgeschehen und Erste Hilfe",
            ["__RequestVerificationToken"] = consentToken,
        });
        using var recorded = await pages.PostAsync(consentPage + "?handler=Add", consentForm);
        await recorded.ExpectAsync(HttpStatusCode.Redirect);
        Assert.Contains("Team Versand", WebUtility.HtmlDecode(await pages.GetStringAsync(consentPage)));

        using var accepted = await PostAsync();
        await accepted.ExpectAsync(HttpStatusCode.Redirect);
        Assert.Equal(1, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/contacts")).GetArrayLength());
    }

    [Fact]
    [Trait("Rule", "IFD-01")]
    public async Task IFD01_the_contact_form_creating_the_LEK_colleagues_informed_without_consent_stores_nothing()
    {
        var (caseworker, id, tenant) = await CaseAsync();
        using var _c = caseworker;
        using var pages = await factory.SignInToPagesAsync(tenant.CaseworkerA);
        var path = $"/faelle/{id}/kontakte/neu";
        var at = TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow().AddHours(-1), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"))
            .ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var token = PageSignIn.AntiforgeryToken(await pages.GetStringAsync(path));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Entry.OccurredAt"] = at,
            ["Entry.Form"] = "personal",
            ["Entry.Keywords"] = "Team informiert",
            ["Entry.Client"] = "true",
            ["Entry.Topics"] = "inform-colleagues",
            ["Entry.NewOutcomeCode"] = "colleagues-informed",
            ["__RequestVerificationToken"] = token,
        });

        using var refused = await pages.PostAsync(path, content);

        await refused.ExpectAsync(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(2, html.Split("(IFD-01)</a>").Length - 1);
        Assert.Contains("href=\"#Entry_Topics\"", html);
        Assert.Contains("href=\"#Entry_NewOutcomeCode\"", html);
        Assert.Equal(0, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/outcomes")).GetArrayLength());
        Assert.Equal(0, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/contacts")).GetArrayLength());
    }
}
