using System.Text.Json;
using Microsoft.Playwright;

namespace Teilhabe.BrowserTests;

/// <summary>axe-core from npm (package.json beside this project; installed by npm ci), injected into the page.</summary>
public static class AxeCore
{
    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly Lazy<string> ScriptPath = new(FindScript);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Violation(string Id, string? Impact, string Help, string[] Targets);

    /// <summary>Runs axe on the whole document for WCAG 2.1 A and AA; the page's context must bypass the CSP.</summary>
    public static async Task<IReadOnlyList<Violation>> RunAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = ScriptPath.Value });
        var result = await page.EvaluateAsync<JsonElement>(
            """
            async (tags) => {
              const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
              return results.violations.map(v => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                targets: v.nodes.map(n => n.target.join(' ')),
              }));
            }
            """,
            WcagTags);
        return result.Deserialize<Violation[]>(Json) ?? [];
    }

    /// <summary>Walks up from the test binaries to the folder with package.json (the test project).</summary>
    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "package.json")))
            {
                var script = Path.Combine(dir.FullName, "node_modules", "axe-core", "axe.min.js");
                return File.Exists(script)
                    ? script
                    : throw new FileNotFoundException($"axe-core is not installed: run 'npm ci' in {dir.FullName}.", script);
            }
        }

        throw new DirectoryNotFoundException($"No package.json above {AppContext.BaseDirectory}.");
    }
}
