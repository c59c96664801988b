using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Data;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Catalogues;

/// <summary>
/// TOP-01 for every catalogue of API.md: an entry that stored data uses is refused with 422 TOP-01 ("stilllegen statt
/// löschen"), an unused one is deleted (204); the page deletes only after its review step.
/// </summary>
public sealed class CatalogueIntegrityTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Theory]
    [Trait("Rule", "TOP-01")]
    [InlineData("legal-bases")]
    [InlineData("care-types")]
    [InlineData("case-groups")]
    [InlineData("referring-bodies")]
    [InlineData("closing-reasons")]
    [InlineData("outcome-categories")]
    [InlineData("topics")]
    [InlineData("outcomes")]
    [InlineData("disability-categories")]
    [InlineData("employment-kinds")]
    [InlineData("working-life-positions")]
    public async Task TOP01_deleting_an_entry_in_use_is_refused_and_an_unused_entry_is_deleted(string catalogue)
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var admin = await factory.AdminClientAsync();
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var used = await AddAsync(admin, catalogue, "genutzt");
        var unused = await AddAsync(admin, catalogue, "frei");

        await UseAsync(caseworker, catalogue, used);

        using (var refused = await admin.DeleteAsync($"/api/v1/catalogues/{catalogue}/{used}"))
        {
            await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["TOP-01"], await refused.ReadViolatedRulesAsync());
            Assert.Contains("stilllegen statt löschen", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var entries = await admin.GetJsonAsync($"/api/v1/catalogues/{catalogue}");
        Assert.Contains(entries.EnumerateArray(), e => e.GetProperty("code").GetString() == used);

        using (var deleted = await admin.DeleteAsync($"/api/v1/catalogues/{catalogue}/{unused}"))
        {
            await deleted.ExpectAsync(HttpStatusCode.NoContent);
        }

        var after = await admin.GetJsonAsync($"/api/v1/catalogues/{catalogue}");
        Assert.DoesNotContain(after.EnumerateArray(), e => e.GetProperty("code").GetString() == unused);
    }

    [Fact]
    [Trait("Rule", "TOP-01")]
    public async Task TOP01_a_form_version_signed_on_a_Merkblatt_is_refused_and_an_unused_one_is_deleted()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var admin = await factory.AdminClientAsync();
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var caseId = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync(factory.Unique("Fassung"), "Frida") });
        await caseworker.SignNoticeAsync(caseId, factory.Today());

        using (var refused = await admin.DeleteAsync("/api/v1/catalogues/form-versions/2026-01?form=DataProtectionNotice"))
        {
            await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["TOP-01"], await refused.ReadViolatedRulesAsync());
        }

        var code = factory.Unique("2099").ToLowerInvariant();
        using (var added = await admin.PostAsJsonAsync("/api/v1/catalogues/form-versions", new { code, label = "Fassung 2099", form = "GoalAgreement", validFrom = "2099-01-01" }))
        {
            await added.ExpectAsync(HttpStatusCode.Created);
        }

        using var deleted = await admin.DeleteAsync($"/api/v1/catalogues/form-versions/{code}?form=GoalAgreement");
        await deleted.ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    [Trait("Rule", "TOP-01")]
    public async Task TOP01_the_delete_page_asks_first_offers_retiring_an_entry_in_use_and_deletes_an_unused_one_only_on_confirmation()
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        using var api = await factory.AdminClientAsync();
        using var caseworker = await factory.LoginAsync(tenant.CaseworkerA);
        var used = await AddAsync(api, "disability-categories", "seite");
        var unused = await AddAsync(api, "disability-categories", "seite-frei");
        await UseAsync(caseworker, "disability-categories", used);
        var admin = await factory.CreateUserAsync(Teilhabe.Core.Accounts.Roles.Administrator);
        using var pages = await factory.SignInToPagesAsync(admin);

        var catalogue = await pages.GetStringAsync("/verwaltung/kataloge?katalog=disability-categories");
        Assert.Contains($"/verwaltung/kataloge/loeschen?katalog=disability-categories&amp;code={used}", catalogue, StringComparison.Ordinal);

        var inUse = await pages.GetStringAsync($"/verwaltung/kataloge/loeschen?katalog=disability-categories&code={used}");
        Assert.Contains("stilllegen statt löschen", inUse, StringComparison.Ordinal);
        Assert.Contains("Stattdessen stilllegen", inUse, StringComparison.Ordinal);
        Assert.DoesNotContain("Endgültig löschen", inUse, StringComparison.Ordinal);

        var path = $"/verwaltung/kataloge/loeschen?katalog=disability-categories&code={unused}";
        var review = await pages.GetStringAsync(path);
        Assert.Contains("Endgültig löschen", review, StringComparison.Ordinal);
        Assert.Contains((await api.GetJsonAsync("/api/v1/catalogues/disability-categories")).EnumerateArray(), e => e.GetProperty("code").GetString() == unused);

        using var confirmed = await pages.PostFormAsync(path, new Dictionary<string, string>
        {
            ["katalog"] = "disability-categories",
            ["code"] = unused,
            ["form"] = string.Empty,
        });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.DoesNotContain((await api.GetJsonAsync("/api/v1/catalogues/disability-categories")).EnumerateArray(), e => e.GetProperty("code").GetString() == unused);

        using var refused = await pages.PostFormAsync($"/verwaltung/kataloge/loeschen?katalog=disability-categories&code={used}", new Dictionary<string, string>
        {
            ["katalog"] = "disability-categories",
            ["code"] = used,
            ["form"] = string.Empty,
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("TOP-01", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains((await api.GetJsonAsync("/api/v1/catalogues/disability-categories")).EnumerateArray(), e => e.GetProperty("code").GetString() == used);
    }

    private async Task<string> AddAsync(HttpClient admin, string catalogue, string prefix)
    {
        var code = factory.Unique(prefix).ToLowerInvariant();
        object body = catalogue == "legal-bases"
            ? new { code, label = $"Test {code}", group = "IntegrationOffice" }
            : new { code, label = $"Test {code}" };
        using var added = await admin.PostAsJsonAsync($"/api/v1/catalogues/{catalogue}", body);
        await added.ExpectAsync(HttpStatusCode.Created);
        return code;
    }

    /// <summary>Stores the code where the product keeps it: through the API where a form takes it, else on a case row.</summary>
    private async Task UseAsync(HttpClient caseworker, string catalogue, string code)
    {
        var clientId = await caseworker.CreateClientAsync(factory.Unique("Katalog"), "Karla");
        switch (catalogue)
        {
            case "disability-categories":
                await PostOkAsync(caseworker, $"/api/v1/clients/{clientId}/disabilities", new { categoryCode = code, description = "Test" });
                return;
            case "employment-kinds":
                await PostOkAsync(caseworker, $"/api/v1/clients/{clientId}/employment-situations", new { kindCode = code, from = "2020-01-01" });
                return;
            case "working-life-positions":
                await UpdateAsync(db => db.Clients.IgnoreQueryFilters().Where(c => c.Id == Guid.Parse(clientId))
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.WorkingLifePosition, code)));
                return;
        }

        var caseId = await caseworker.CreateCaseAsync(new { clientId });
        var id = Guid.Parse(caseId);
        switch (catalogue)
        {
            case "topics":
                var outcome = await caseworker.CreateOutcomeAsync(caseId);
                await PostOkAsync(caseworker, $"/api/v1/cases/{caseId}/contacts", new
                {
                    occurredAt = ContactApi.OnDay(factory.BerlinToday()),
                    form = "personal",
                    keywords = "Gespräch",
                    participants = new[] { new { kind = "client", name = "Frau Beispiel" } },
                    note = "Notiz",
                    topicCodes = new[] { code },
                    outcomeIds = new[] { outcome },
                });
                return;
            case "outcomes":
                await PostOkAsync(caseworker, $"/api/v1/cases/{caseId}/outcomes", new { outcomeCode = code });
                return;
            case "legal-bases":
                await UpdateAsync(db => db.Cases.IgnoreQueryFilters().Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LegalBasisCode, code)));
                return;
            case "care-types":
                await UpdateAsync(db => db.Cases.IgnoreQueryFilters().Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CareTypeCode, code)));
                return;
            case "case-groups":
                await UpdateAsync(db => db.Cases.IgnoreQueryFilters().Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CaseGroupCode, code)));
                return;
            case "referring-bodies":
                await UpdateAsync(db => db.Cases.IgnoreQueryFilters().Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReferringBodyCode, code)));
                return;
            case "closing-reasons":
                await UpdateAsync(db => db.Cases.IgnoreQueryFilters().Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosingReasonCode, code)));
                return;
            case "outcome-categories":
                await UpdateAsync(db => db.Cases.IgnoreQueryFilters().Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.OutcomeCategoryCode, code)));
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(catalogue), catalogue, "no usage for this catalogue in the test");
        }
    }

    private static async Task PostOkAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        await response.ExpectAsync(HttpStatusCode.Created);
    }

    private async Task UpdateAsync(Func<TeilhabeDbContext, Task<int>> update)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        Assert.Equal(1, await update(db));
    }
}
