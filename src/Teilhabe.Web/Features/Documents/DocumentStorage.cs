using Microsoft.Extensions.Options;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Documents;

/// <summary>Builds the document store from configuration (Teilhabe:Storage:Path, Teilhabe:Storage:KeyFile).</summary>
public static class DocumentStorage
{
    public static IDocumentStore Create(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<TeilhabeOptions>>().Value.Storage;
        var env = sp.GetRequiredService<IHostEnvironment>();
        var root = Path.IsPathRooted(options.Path) ? options.Path : Path.Combine(env.ContentRootPath, options.Path);
        var keyFile = options.KeyFile ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(root))!, "document-key.b64");
        return new EncryptedFileDocumentStore(root, keyFile);
    }
}
