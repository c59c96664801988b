using Teilhabe.Web.Features.Documents;

namespace Teilhabe.UnitTests.Documents;

/// <summary>Scale-out: nodes on one shared storage must end up with one document key, never one each.</summary>
public sealed class DocumentKeyFileTests
{
    [Fact]
    public async Task ScaleOut_nodes_creating_the_missing_key_file_at_the_same_moment_all_get_the_same_key()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("teilhabe-keyfile-");
        try
        {
            for (var round = 0; round < 20; round++)
            {
                var keyFile = Path.Combine(folder.FullName, $"document-key-{round}.b64");
                using var go = new ManualResetEventSlim();
                var nodes = Enumerable.Range(0, 8)
                    .Select(_ => Task.Run(() =>
                    {
                        go.Wait();
                        return Convert.ToBase64String(DocumentKeyFile.LoadOrCreate(keyFile));
                    }))
                    .ToArray();
                go.Set();
                var keys = await Task.WhenAll(nodes);

                Assert.Single(keys.Distinct());
                Assert.Equal(keys[0], Convert.ToBase64String(DocumentKeyFile.LoadOrCreate(keyFile)));
            }

            // No temporary files are left behind.
            Assert.Equal(20, System.IO.Directory.GetFiles(folder.FullName).Length);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
