using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Teilhabe.Web.Features.Documents;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.UnitTests.Documents;

/// <summary>The S3 store against a tiny in-process S3 endpoint (path-style PUT/GET/DELETE, as MinIO answers them).</summary>
public sealed class S3BlobStoreTests : IDisposable
{
    private readonly FakeS3 _server = new();

    [Fact]
    public async Task Objects_are_put_read_and_deleted_under_bucket_and_prefix()
    {
        var store = NewStore("teilhabe-docs", "ifd-erfurt");

        await store.PutAsync("2026/3f2a", new byte[] { 1, 2, 3, 250 }, CancellationToken.None);

        Assert.Equal(new byte[] { 1, 2, 3, 250 }, _server.Objects["/teilhabe-docs/ifd-erfurt/2026/3f2a"]);
        Assert.Equal(new byte[] { 1, 2, 3, 250 }, await store.GetAsync("2026/3f2a", CancellationToken.None));

        await store.DeleteAsync("2026/3f2a", CancellationToken.None);
        Assert.Empty(_server.Objects);
        Assert.Null(await store.GetAsync("2026/3f2a", CancellationToken.None));
    }

    [Fact]
    public void Object_keys_are_the_storage_keys_under_the_prefix_and_path_tricks_are_refused()
    {
        var store = NewStore("b", "/tenant/");
        Assert.Equal("tenant/2026/ab-12", store.ObjectKeyOf("2026/ab-12"));
        Assert.Equal("2026/ab-12", NewStore("b", null).ObjectKeyOf("2026/ab-12"));
        Assert.Throws<ArgumentException>(() => store.ObjectKeyOf("../other/2026"));
    }

    private S3BlobStore NewStore(string bucket, string? prefix) =>
        new(S3BlobStore.CreateClient(new S3StorageOptions
        {
            ServiceUrl = _server.Url,
            Bucket = bucket,
            Region = "us-east-1",
            AccessKey = "test-access",
            SecretKey = "test-secret",
            ForcePathStyle = true,
        }), bucket, prefix);

    public void Dispose() => _server.Dispose();

    private sealed class FakeS3 : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly CancellationTokenSource _stop = new();

        public FakeS3()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            Url = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Url { get; }
        public ConcurrentDictionary<string, byte[]> Objects { get; } = new();

        private async Task ServeAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }

                var path = context.Request.Url!.AbsolutePath;
                var response = context.Response;
                switch (context.Request.HttpMethod)
                {
                    case "PUT":
                        using (var body = new MemoryStream())
                        {
                            await context.Request.InputStream.CopyToAsync(body);
                            Objects[path] = body.ToArray();
                        }

                        response.Headers["ETag"] = "\"fake\"";
                        response.StatusCode = 200;
                        break;
                    case "GET" when Objects.TryGetValue(path, out var bytes):
                        response.ContentType = "application/octet-stream";
                        response.ContentLength64 = bytes.Length;
                        await response.OutputStream.WriteAsync(bytes);
                        break;
                    case "GET":
                        response.StatusCode = 404;
                        response.ContentType = "application/xml";
                        await response.OutputStream.WriteAsync("<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code><Message>missing</Message></Error>"u8.ToArray());
                        break;
                    case "DELETE":
                        Objects.TryRemove(path, out _);
                        response.StatusCode = 204;
                        break;
                    default:
                        response.StatusCode = 405;
                        break;
                }

                response.Close();
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Close();
            _stop.Dispose();
        }
    }
}
