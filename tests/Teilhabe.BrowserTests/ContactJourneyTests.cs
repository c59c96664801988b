using System.Net.Http.Json;
using Microsoft.Playwright;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;
using Xunit.Abstractions;

namespace Teilhabe.BrowserTests;

/// <summary>
/// A caseworker records a contact with the keyboard only (issue 5): from the case page to the form, through the
/// fields with Tab and Space, typing, Ctrl+Enter to save, and the contact on the timeline. The new pages are
/// scanned with axe on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContactJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>Presses Tab (or the given key, e.g. Shift+Tab) until the focused element matches the JS predicate (on <c>el</c>); fails after 60 presses.</summary>
    internal static async Task TabToAsync(IPage page, string predicate, string key = "Tab")
    {
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync(key);
            if (await page.EvaluateAsync<bool>($"(() => {{ const el = document.activeElement; return !!el && ({predicate}); }})()"))
            {
                return;
            }
        }

        throw new Xunit.Sdk.XunitException($"No focusable element matching {predicate} was reached with {key}.");
    }

    [Fact]
    [Trait("Rule", "CT-01")]
    [Trait("Rule", "PH-P1-01")]
    public async Task CT01_caseworker_records_a_contact_with_the_keyboard_only_and_sees_it_on_the_timeline()
    {
        var user = browser.User(Roles.Caseworker);
        using var api = await browser.Factory.LoginAsync(user);
        var clientId = await CaseJourneyTests.CreateCompleteClientAsync(api);
        string caseId;
        using (var created = await api.PostAsJsonAsync("/api/v1/cases", new { clientId }))
        {
            caseId = await created.ReadCreatedIdAsync();
        }

        using (var lek = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/outcomes", new { outcomeCode = "qb-done" }))
        {
            await lek.ReadCreatedIdAsync();
        }

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, user);
        await page.GotoAsync($"/faelle/{caseId}");

        await TabToAsync(page, "el.textContent.trim() === 'Kontakt erfassen'");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/faelle/{caseId}/kontakte/neu$"));

        // autofocus: the first field has the focus; date and time, form and client are preset.
        Assert.Equal("Entry_OccurredAt", await page.EvaluateAsync<string>("document.activeElement.id"));
        await Assertions.Expect(page.Locator("#Entry_Form")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#Entry_Client")).ToBeCheckedAsync();
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        await TabToAsync(page, "el.id === 'Entry_Keywords'");
        await page.Keyboard.TypeAsync("Tastatur-Kontakt");
        await TabToAsync(page, "el.value === 'counselling-job'");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "el.id === 'Entry_Outcomes'");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "el.id === 'Entry_Note'");
        await page.Keyboard.TypeAsync("Alles mit der Tastatur erfasst.");
        await page.Keyboard.PressAsync("Control+Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/faelle/{caseId}/verlauf$"));
        var status = page.GetByRole(AriaRole.Status).First;
        await Assertions.Expect(status).ToContainTextAsync("ist gespeichert");
        await Assertions.Expect(status).ToContainTextAsync("PH-P1-01");
        var list = page.Locator("#verlauf-liste");
        await Assertions.Expect(list).ToContainTextAsync("Tastatur-Kontakt");
        await Assertions.Expect(list).ToContainTextAsync("Alles mit der Tastatur erfasst.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Drucken" })).ToBeVisibleAsync();
        await AccessibilityTests.AssertAccessibleAsync(page, output);

        await page.GotoAsync($"/faelle/{caseId}/lek");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Qualifizierte Beratung durchgeführt");
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        await page.Context.CloseAsync();
    }

    [Fact]
    [Trait("Rule", "CT-01")]
    public async Task CT01_a_refused_contact_form_keeps_the_input_and_the_autosaved_draft_is_restored()
    {
        var user = browser.User(Roles.Caseworker);
        using var api = await browser.Factory.LoginAsync(user);
        var clientId = await CaseJourneyTests.CreateCompleteClientAsync(api);
        string caseId;
        using (var created = await api.PostAsJsonAsync("/api/v1/cases", new { clientId }))
        {
            caseId = await created.ReadCreatedIdAsync();
        }

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, user);
        await page.GotoAsync($"/faelle/{caseId}/kontakte/neu");
        await page.Locator("#Entry_Keywords").FillAsync("Ohne LEK");
        await page.Keyboard.PressAsync("Control+Enter");

        // The refused submit is kept as the user's draft; typing saves the draft again (htmx autosave).
        await page.Locator("#Entry_Note").PressSequentiallyAsync("Autosave-Notiz");
        await Assertions.Expect(page.Locator("#entwurf-status")).ToContainTextAsync("Entwurf gespeichert um", new() { Timeout = 10_000 });
        await page.GotoAsync($"/faelle/{caseId}/kontakte/neu");
        await Assertions.Expect(page.GetByText("Ein nicht gespeicherter Entwurf vom")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Entry_Note")).ToHaveValueAsync("Autosave-Notiz");
        await Assertions.Expect(page.Locator("#Entry_Keywords")).ToHaveValueAsync("Ohne LEK");
        await page.Keyboard.PressAsync("Control+Enter");

        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync("CT-01");
        await Assertions.Expect(page.Locator("#Entry_Keywords")).ToHaveValueAsync("Ohne LEK");
        await AccessibilityTests.AssertAccessibleAsync(page, output);
        await page.Context.CloseAsync();
    }
}
