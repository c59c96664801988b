using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Profiles;

/// <summary>A profile is checked at start-up: a missing or out-of-range number stops the start with a message naming it.</summary>
public sealed class ProfileStartupTests
{
    private static string FolderWith(string code, Func<string, string> change)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"teilhabe-profiles-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(folder);
        var example = File.ReadAllText(Path.Combine(TeilhabeFactory.ExampleProfilesPath, "XX.json"));
        File.WriteAllText(Path.Combine(folder, $"{code}.json"), change(example.Replace("\"code\": \"XX\"", $"\"code\": \"{code}\"", StringComparison.Ordinal)));
        return folder;
    }

    private static async Task<Exception> StartAsync(string folder)
    {
        await using var factory = TeilhabeFactory.With(new TeilhabeFactoryOptions
        {
            Settings = new Dictionary<string, string?> { ["Teilhabe:Profiles:Path"] = folder },
        });
        try
        {
            return Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    private static string Messages(Exception e) => e.InnerException is null ? e.Message : $"{e.Message} {Messages(e.InnerException)}";

    [Fact]
    public async Task A_profile_without_the_documentation_window_stops_the_start_naming_the_number()
    {
        var folder = FolderWith("YY", json => json.Replace("\"contactBackdatingWeeks\": 4,", string.Empty, StringComparison.Ordinal));

        var error = await StartAsync(folder);

        Assert.Contains("Landesprofil YY", Messages(error));
        Assert.Contains("„contactBackdatingWeeks“ (CT-03) fehlt", Messages(error));
    }

    [Fact]
    public async Task A_profile_with_an_out_of_range_upload_size_stops_the_start_naming_the_number()
    {
        var folder = FolderWith("YY", json => json.Replace("\"uploadMaxBytes\": 8388608", "\"uploadMaxBytes\": 0", StringComparison.Ordinal));

        var error = await StartAsync(folder);

        Assert.Contains("„uploadMaxBytes“ (DOC-01) ist 0", Messages(error));
    }
}
