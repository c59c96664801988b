using Microsoft.Extensions.Options;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Documents;

/// <summary>
/// Builds the document store from configuration: Teilhabe:Storage:Provider (FileSystem or S3) chooses the raw
/// store; encryption with the key from Teilhabe:Storage:KeyFile is the same layer over either.
/// </summary>
internal static class DocumentStorage
{
    public static IDocumentStore Create(IServiceProvider sp)
    {
        var (blobs, keyFile) = Backend(sp);
        return new EncryptingDocumentStore(blobs, DocumentKeyFile.LoadRingOrCreate(keyFile));
    }

    /// <summary>The raw store and the key file as configured (also for the key rotation command).</summary>
    public static (IBlobStore Blobs, string KeyFile) Backend(IServiceProvider sp)
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
        return (blobs, keyFile);
    }

    /// <summary>`Teilhabe.Web rotate-document-key`: rotates the document key and re-encrypts every stored object.</summary>
    public static async Task<int> RotateKeyCommandAsync(IServiceProvider sp)
    {
        var (blobs, keyFile) = Backend(sp);
        var result = await DocumentKeyRotation.RotateAsync(blobs, keyFile, CancellationToken.None);
        Console.Out.WriteLine($"Dokumentschlüssel erneuert: {result.Reencrypted} von {result.Objects} gespeicherten Objekten neu verschlüsselt ({keyFile}).");
        return 0;
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
