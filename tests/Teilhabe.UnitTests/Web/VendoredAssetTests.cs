using System.Security.Cryptography;
using System.Text.Json;

namespace Teilhabe.UnitTests.Web;

/// <summary>Vendored scripts are the release they claim to be: version and SHA-256 are recorded beside the file.</summary>
public sealed class VendoredAssetTests
{
    [Fact]
    public void Htmx_is_the_recorded_release_byte_for_byte()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "Teilhabe.Web", "wwwroot", "lib", "htmx");
        using var source = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "htmx.source.json")));
        var recorded = source.RootElement.GetProperty("sha256").GetString();
        var version = source.RootElement.GetProperty("version").GetString();
        var bytes = File.ReadAllBytes(Path.Combine(folder, "htmx.min.js"));

        Assert.Equal(recorded, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Contains($"version:\"{version}\"", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Teilhabe.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Teilhabe.slnx not found above the test binaries.");
    }
}
