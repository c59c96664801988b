using Microsoft.Playwright;

namespace Teilhabe.BrowserTests;

/// <summary>API.md: a developer opens /api-docs and reads the interactive reference of /openapi/v1.json under the strict CSP.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiDocsJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Api_docs_render_the_operations_without_console_or_CSP_errors_and_load_nothing_from_elsewhere()
    {
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        var foreign = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(browser.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
                && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                foreign.Add(request.Url);
            }
        };

        // The reference script is large and the document lists the whole API: more time than a form page needs.
        var loaded = new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 };
        await page.GotoAsync("/api-docs", new PageGotoOptions { Timeout = 60_000 });

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Teilhabe API" }).First).ToBeVisibleAsync(loaded);
        await Assertions.Expect(page.GetByText("/api/v1/auth/token").First).ToBeAttachedAsync(new LocatorAssertionsToBeAttachedOptions { Timeout = 60_000 });

        // Let late style and script work settle before judging the console.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(foreign.Count == 0, string.Join("\n", foreign));
        await page.Context.CloseAsync();
    }
}
