using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Documents;

/// <summary>
/// Objects in an S3-compatible bucket (AWS, MinIO, Ceph …). The bytes arriving here are already encrypted by
/// <see cref="EncryptingDocumentStore"/>; the object key is the product's storage key under an optional prefix.
/// </summary>
internal sealed class S3BlobStore(IAmazonS3 s3, string bucket, string? prefix = null) : IBlobStore
{
    private readonly string _prefix = string.IsNullOrEmpty(prefix) ? string.Empty : prefix.Trim('/') + "/";

    public string ObjectKeyOf(string key) => _prefix + StorageKey.Validate(key);

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        using var body = new MemoryStream(content.ToArray(), writable: false);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = ObjectKeyOf(key),
            InputStream = body,
            UseChunkEncoding = false,
            ContentType = "application/octet-stream",
        }, ct);
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken ct)
    {
        try
        {
            using var response = await s3.GetObjectAsync(bucket, ObjectKeyOf(key), ct);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, ct);
            return buffer.ToArray();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct) =>
        await s3.DeleteObjectAsync(bucket, ObjectKeyOf(key), ct);

    public async IAsyncEnumerable<string> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = _prefix };
        ListObjectsV2Response response;
        do
        {
            response = await s3.ListObjectsV2Async(request, ct);
            foreach (var o in response.S3Objects ?? [])
            {
                yield return o.Key[_prefix.Length..];
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
    }

    /// <summary>The client for Teilhabe:Storage:S3; credentials come from the environment, never from the repository.</summary>
    public static IAmazonS3 CreateClient(S3StorageOptions options)
    {
        // Checksums only where S3 requires them: S3-compatible services (MinIO, Ceph) do not all accept the newer trailers.
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (!string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }

        return string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }
}
