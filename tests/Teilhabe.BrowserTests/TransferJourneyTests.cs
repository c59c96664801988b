using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;
using Xunit.Abstractions;

namespace Teilhabe.BrowserTests;

/// <summary>
/// TR-02 through the pages for a person with a closed and two open cases: the sending IFD asks for the transfer (the
/// form names the case that moves along), the receiving IFD uploads the release, InA-Koordination confirms, the
/// receiving IFD takes both open cases over; the closed one stays with the sending IFD.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TransferJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    [Fact]
    [Trait("Rule", "TR-02")]
    public async Task TR02_request_release_confirmation_and_takeover_move_both_open_cases_and_leave_the_closed_one()
    {
        var tenant = browser.Tenant;
        using var api = await browser.Factory.LoginAsync(browser.User(Roles.Caseworker));
        var clientId = await CaseJourneyTests.CreateCompleteClientAsync(api);
        var ina = await FunderChangeJourneyTests.CreateFunderAsync(api, "Integrationsamt", "IntegrationOffice");
        var closed = await CreateCaseAsync(api, new { clientId });
        using (var close = await api.PostAsJsonAsync($"/api/v1/cases/{closed}/transitions", new { to = "P4", reasonCode = "no-further-need" }))
        {
            await close.ExpectAsync(HttpStatusCode.OK);
        }

        var first = await CreateCaseAsync(api, new { clientId, careTypeCode = "retention", funderId = ina });
        var second = await CreateCaseAsync(api, new { clientId, careTypeCode = "placement", funderId = ina });
        var firstNumber = (await GetCaseAsync(api, first)).GetProperty("caseNumber").GetString()!;
        var secondNumber = (await GetCaseAsync(api, second)).GetProperty("caseNumber").GetString()!;

        // The sending IFD asks for the transfer on the case page.
        var sending = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(sending, browser.User(Roles.Caseworker));
        await sending.GotoAsync($"/faelle/{first}/koordination");
        var panel = sending.Locator("section[aria-labelledby='koordination']");
        await Assertions.Expect(panel).ToContainTextAsync("weiteren offenen Aufträge der Person");
        await Assertions.Expect(panel.GetByRole(AriaRole.Listitem).Filter(new() { HasText = secondNumber })).ToBeVisibleAsync();
        await Assertions.Expect(panel).ToContainTextAsync("Ein abgeschlossener Auftrag bleibt");
        // The option values are the services' ids as the database writes them (upper case on SQLite).
        var target = sending.GetByLabel("Aufnehmender IFD");
        var values = await target.Locator("option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        await target.SelectOptionAsync(values.Single(v => string.Equals(v, tenant.ServiceB, StringComparison.OrdinalIgnoreCase)));
        await sending.GetByRole(AriaRole.Button, new() { Name = "Übergabe anfragen" }).ClickAsync();
        await Assertions.Expect(sending.GetByRole(AriaRole.Status).First).ToContainTextAsync("Die Übergabe ist angefragt");
        await AccessibilityTests.AssertAccessibleAsync(sending, output);
        await sending.Context.CloseAsync();

        // The receiving IFD uploads the Schweigepflichtentbindung.
        var receiving = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(receiving, tenant.CaseworkerB!);
        await receiving.GotoAsync("/uebernahmen");
        var row = receiving.Locator("tr", new() { Has = receiving.GetByRole(AriaRole.Rowheader, new() { Name = firstNumber, Exact = true }) });
        await row.GetByLabel(new System.Text.RegularExpressions.Regex("^Entbindung von der Schweigepflicht")).SetInputFilesAsync(
            new FilePayload { Name = "entbindung.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Hochladen") }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Bestätigung der InA-Koordination ausstehend");
        await AccessibilityTests.AssertAccessibleAsync(receiving, output);

        // InA-Koordination confirms the receipt.
        var coordination = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(coordination, browser.User(Roles.IntegrationOfficeCoordinator));
        await coordination.GotoAsync("/ina/uebernahmen");
        var open = coordination.Locator("tr", new() { Has = coordination.GetByRole(AriaRole.Link, new() { Name = firstNumber, Exact = true }) });
        await open.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Eingang bestätigen") }).ClickAsync();
        await Assertions.Expect(coordination.GetByRole(AriaRole.Status).First).ToBeVisibleAsync();
        await AccessibilityTests.AssertAccessibleAsync(coordination, output);
        await coordination.Context.CloseAsync();

        // The receiving IFD takes the case over; the second open case comes with it.
        await receiving.GotoAsync("/uebernahmen");
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Fall übernehmen") }).ClickAsync();
        await Assertions.Expect(receiving.GetByRole(AriaRole.Status).First).ToBeVisibleAsync();
        await AccessibilityTests.AssertAccessibleAsync(receiving, output);
        await receiving.Context.CloseAsync();

        using var receiver = await browser.Factory.LoginAsync(tenant.CaseworkerB!);
        Assert.Equal(tenant.CaseworkerB!.Id, (await GetCaseAsync(receiver, first)).GetProperty("caseworkerId").GetString());
        Assert.Equal(tenant.CaseworkerB!.Id, (await GetCaseAsync(receiver, second)).GetProperty("caseworkerId").GetString());
        using (var notMoved = await receiver.GetAsync($"/api/v1/cases/{closed}"))
        {
            await notMoved.ExpectAsync(HttpStatusCode.NotFound);
        }

        Assert.Equal("P4", (await GetCaseAsync(api, closed)).GetProperty("phase").GetString());
        using var gone = await api.GetAsync($"/api/v1/cases/{second}");
        await gone.ExpectAsync(HttpStatusCode.NotFound);
    }

    private static async Task<string> CreateCaseAsync(HttpClient api, object body)
    {
        using var created = await api.PostAsJsonAsync("/api/v1/cases", body);
        return await created.ReadCreatedIdAsync();
    }

    private static async Task<JsonElement> GetCaseAsync(HttpClient api, string caseId)
    {
        using var response = await api.GetAsync($"/api/v1/cases/{caseId}");
        await response.ExpectAsync(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
