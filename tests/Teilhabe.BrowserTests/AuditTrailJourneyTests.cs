using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;
using Xunit.Abstractions;

namespace Teilhabe.BrowserTests;

/// <summary>ACC-09 for people: the lead reads the audit trail at 1280 px — German action names, case numbers, no horizontal scrolling.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AuditTrailJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    [Trait("Rule", "ACC-09")]
    public async Task Lead_reads_the_audit_trail_at_1280_px_without_horizontal_scrolling()
    {
        var caseworker = browser.User(Roles.Caseworker);
        string caseNumber;
        using (var api = await browser.Factory.LoginAsync(caseworker))
        {
            var clientId = await CaseJourneyTests.CreateCompleteClientAsync(api);
            using var created = await api.PostAsync("/api/v1/cases", System.Net.Http.Json.JsonContent.Create(new { clientId }));
            var caseId = await created.ReadCreatedIdAsync();
            using var read = await api.GetAsync($"/api/v1/cases/{caseId}");
            caseNumber = System.Text.Json.JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement.GetProperty("caseNumber").GetString()!;
        }

        var page = await browser.NewPageAsync(bypassCsp: true);
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, browser.User(Roles.ServiceLead));
        await page.GotoAsync($"/protokoll?aktion=read&userId={caseworker.Id}");
        var table = page.Locator("table.audit-table");
        await Assertions.Expect(table).ToContainTextAsync("Lesen");
        await Assertions.Expect(table).ToContainTextAsync($"Auftrag {caseNumber}");
        await Assertions.Expect(table).Not.ToContainTextAsync(new Regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}"));
        await Assertions.Expect(page.Locator("#aktion")).ToHaveValueAsync("read");

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"the page is {widths[0]} px wide in a {widths[1]} px window");
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        await page.Context.CloseAsync();
    }
}
