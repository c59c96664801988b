using Microsoft.Extensions.Options;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Documents;

/// <summary>
/// Builds the document store from configuration: Teilhabe:Storage:Provider (FileSystem or S3) chooses the raw
/// store; encryption with the key from Teilhabe:Storage:KeyFile is the same layer over either.
/// </summary>
public static class DocumentStorage
{
    public static IDocumentStore Create(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<TeilhabeOptions>>().Value.Storage;
        var env = sp.GetRequiredService<IHostEnvironment>();
        var root = Path.IsPathRooted(options.Path) ? options.Path : Path.Combine(env.ContentRootPath, options.Path);
        var keyFile = options.KeyFile ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(root))!, "document-key.b64");
        IBlobStore blobs = options.Provider switch
        {
            StorageProvider.S3 => CreateS3(options.S3),
            _ => new FileSystemBlobStore(root),
        };
        return new EncryptingDocumentStore(blobs, DocumentKeyFile.LoadOrCreate(keyFile));
    }

    private static S3BlobStore CreateS3(S3StorageOptions s3)
    {
        if (string.IsNullOrWhiteSpace(s3.Bucket))
        {
            throw new InvalidOperationException("Teilhabe:Storage:S3:Bucket fehlt (Speicher-Provider S3).");
        }

        return new S3BlobStore(S3BlobStore.CreateClient(s3), s3.Bucket, s3.Prefix);
    }
}
