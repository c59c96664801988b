using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Clients;

/// <summary>CL-03 through the pages: the prefilled correction form and the removal step, plain POSTs with antiforgery.</summary>
public sealed class ClientRecordCorrectionPageTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private static string Decoded(string html) => WebUtility.HtmlDecode(html);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient pages, string path, IEnumerable<(string Key, string Value)> fields)
    {
        var token = PageSignIn.AntiforgeryToken(await pages.GetStringAsync(path));
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token)).ToList();
        using var content = new FormUrlEncodedContent(form);
        return await pages.PostAsync(path, content);
    }

    private static string VersionOf(string html)
        => System.Text.RegularExpressions.Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;

    private async Task<(HttpClient Api, HttpClient Pages, string ClientId)> SetupAsync()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        var api = await factory.LoginAsync(tenant.CaseworkerA);
        var pages = await factory.SignInToPagesAsync(tenant.CaseworkerA);
        return (api, pages, await api.CreateClientAsync());
    }

    [Fact]
    [Trait("Rule", "CL-03")]
    public async Task CL03_the_page_form_corrects_a_degree_of_disability_and_the_client_page_shows_it_with_the_earlier_value()
    {
        var (api, pages, clientId) = await SetupAsync();
        using var _ = api;
        using var __ = pages;
        using var created = await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/disability-evidence", new { kind = "Feststellungsbescheid", noticeDate = "2025-03-01", degree = 40 });
        var eid = await created.ReadCreatedIdAsync();
        var details = Decoded(await pages.GetStringAsync($"/klienten/{clientId}"));
        var path = $"/klienten/{clientId}/bescheide/{eid}/korrigieren";
        Assert.Contains($"href=\"{path}\"", details);

        var form = Decoded(await pages.GetStringAsync(path));
        Assert.Contains("value=\"40\"", form);
        Assert.Contains("value=\"2025-03-01\"", form);

        using var response = await PostAsync(pages, path,
            [("Version", VersionOf(form)), ("Evidence.Kind", "Feststellungsbescheid"), ("Evidence.NoticeDate", "2025-03-01"), ("Evidence.EffectiveFrom", ""), ("Evidence.Degree", "60")]);

        await response.ExpectAsync(HttpStatusCode.Redirect);
        Assert.StartsWith($"/klienten/{clientId}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var evidence = (await api.GetJsonAsync($"/api/v1/clients/{clientId}")).GetProperty("disabilityEvidence").EnumerateArray().Single();
        Assert.Equal(60, evidence.GetProperty("degree").GetInt32());
        var after = Decoded(await pages.GetStringAsync($"/klienten/{clientId}"));
        Assert.Contains("ist korrigiert", after);
        Assert.Contains("Korrekturen und Entfernungen", after);
        Assert.Contains("GdB: 40", after);
    }

    [Fact]
    [Trait("Rule", "CL-03")]
    public async Task CL03_bad_input_on_the_correction_form_shows_the_error_at_the_field_and_keeps_what_was_typed()
    {
        var (api, pages, clientId) = await SetupAsync();
        using var _ = api;
        using var __ = pages;
        using var created = await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/disabilities", new { categoryCode = "mental", description = "Depression", recognised = true });
        var did = await created.ReadCreatedIdAsync();
        var path = $"/klienten/{clientId}/behinderungen/{did}/korrigieren";
        var form = Decoded(await pages.GetStringAsync(path));

        using var response = await PostAsync(pages, path,
            [("Version", VersionOf(form)), ("Disability.CategoryCode", "mental"), ("Disability.Description", ""), ("Disability.NotRecognised", "true")]);

        await response.ExpectAsync(HttpStatusCode.OK);
        var html = Decoded(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"fehler\"", html);
        Assert.Contains("<span class=\"field-error\" id=\"Disability_Description-fehler\">Bitte die Behinderung beschreiben", html);
        Assert.Matches("id=\"Disability_NotRecognised\"[^>]*checked", html);
        Assert.Equal("Depression", (await api.GetJsonAsync($"/api/v1/clients/{clientId}")).GetProperty("disabilities")[0].GetProperty("description").GetString());
    }

    [Fact]
    [Trait("Rule", "CL-03")]
    public async Task CL03_the_removal_step_asks_for_a_reason_and_then_removes_the_employment_situation()
    {
        var (api, pages, clientId) = await SetupAsync();
        using var _ = api;
        using var __ = pages;
        using var created = await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/employment-situations", new { kindCode = "employed", from = "2023-01-01" });
        var sid = await created.ReadCreatedIdAsync();
        var path = $"/klienten/{clientId}/beschaeftigung/{sid}/entfernen";
        Assert.Contains($"href=\"{path}\"", Decoded(await pages.GetStringAsync($"/klienten/{clientId}")));
        var step = Decoded(await pages.GetStringAsync(path));
        Assert.Contains("entfernen?", step);
        Assert.Contains("01.01.2023", step);

        using (var refused = await PostAsync(pages, path, [("Version", VersionOf(step)), ("Reason", "")]))
        {
            await refused.ExpectAsync(HttpStatusCode.OK);
            var html = Decoded(await refused.Content.ReadAsStringAsync());
            Assert.Contains("id=\"Reason-fehler\">Bitte begründen", html);
            Assert.Single((await api.GetJsonAsync($"/api/v1/clients/{clientId}")).GetProperty("employmentSituations").EnumerateArray());
        }

        using var removed = await PostAsync(pages, path, [("Version", VersionOf(step)), ("Reason", "Falsche Person erfasst")]);

        await removed.ExpectAsync(HttpStatusCode.Redirect);
        Assert.Empty((await api.GetJsonAsync($"/api/v1/clients/{clientId}")).GetProperty("employmentSituations").EnumerateArray());
        var after = Decoded(await pages.GetStringAsync($"/klienten/{clientId}"));
        Assert.Contains("Falsche Person erfasst", after);
        Assert.Contains("Beschäftigungssituation entfernt", after);
    }

    [Fact]
    [Trait("Rule", "CL-03")]
    public async Task A_stale_version_on_the_correction_form_is_a_conflict_shown_on_the_page()
    {
        var (api, pages, clientId) = await SetupAsync();
        using var _ = api;
        using var __ = pages;
        using var created = await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/employment-situations", new { kindCode = "employed", from = "2023-01-01" });
        var sid = await created.ReadCreatedIdAsync();
        var path = $"/klienten/{clientId}/beschaeftigung/{sid}/korrigieren";
        var stale = VersionOf(Decoded(await pages.GetStringAsync(path)));
        using (var meanwhile = await api.PutAsJsonAsync($"/api/v1/clients/{clientId}/employment-situations/{sid}", new { kindCode = "unemployed", from = "2023-01-01" }))
        {
            await meanwhile.ExpectAsync(HttpStatusCode.OK);
        }

        using var response = await PostAsync(pages, path, [("Version", stale), ("Employment.KindCode", "apprenticeship"), ("Employment.From", "2023-02-01")]);

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("inzwischen von jemand anderem geändert", Decoded(await response.Content.ReadAsStringAsync()));
        JsonElement situation = (await api.GetJsonAsync($"/api/v1/clients/{clientId}")).GetProperty("employmentSituations")[0];
        Assert.Equal("unemployed", situation.GetProperty("kindCode").GetString());
    }
}
