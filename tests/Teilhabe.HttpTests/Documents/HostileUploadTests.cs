using System.Net;
using System.Net.Http.Headers;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Documents;

/// <summary>Hostile uploads (DOC-01): refused before they cost memory, disk or a look at someone else's case.</summary>
public sealed class HostileUploadTests(ProbedTeilhabe app) : IClassFixture<ProbedTeilhabe>
{
    private TeilhabeFactory Factory => app.Factory;

    [Fact]
    [Trait("Rule", "ACC-06")]
    public async Task An_upload_without_access_is_refused_before_its_body_is_read()
    {
        var tenant = await TestTenant.CreateAsync(Factory);
        using var owner = await Factory.LoginAsync(tenant.CaseworkerA);
        using var foreign = await Factory.LoginAsync(tenant.CaseworkerB!);
        var id = await owner.CreateCaseAsync(new { clientId = await owner.CreateClientAsync() });
        var file = new byte[3 * 1024 * 1024];
        CaseApi.SmallPdf.CopyTo(file, 0);

        var probe = Guid.NewGuid().ToString("N");
        using var form = new MultipartFormDataContent { { new StringContent("Other"), "kind" }, { new ByteArrayContent(file), "file", "fremd.pdf" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{id}/documents") { Content = form };
        request.Headers.Add(BodyReadProbe.Header, probe);
        using var refused = await foreign.SendAsync(request);

        await refused.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, app.Probe.BytesReadBeforeAnswer(probe));
        Assert.Equal(0, (await owner.GetJsonAsync($"/api/v1/cases/{id}/documents")).GetArrayLength());
    }

    [Fact]
    [Trait("Rule", "DOC-01")]
    public async Task DOC01_an_oversized_upload_is_refused_before_it_is_buffered()
    {
        var tenant = await TestTenant.CreateAsync(Factory, withSecondService: false);
        using var caseworker = await Factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });

        // The profile allows 4 MB per file, ten files in one request: 200 MB is announced, none of it is sent unless read.
        var probe = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{id}/documents") { Content = new AnnouncedContent(200L * 1024 * 1024) };
        request.Headers.Add(BodyReadProbe.Header, probe);
        using var refused = await caseworker.SendAsync(request);

        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["DOC-01"], await refused.ReadViolatedRulesAsync());
        var message = (await refused.ReadProblemAsync()).GetProperty("violations")[0].GetProperty("message").GetString()!;
        Assert.Contains("4 MB", message, StringComparison.Ordinal);
        Assert.Equal(0, app.Probe.BytesReadBeforeAnswer(probe));
        Assert.Equal(0, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/documents")).GetArrayLength());
    }

    /// <summary>A multipart body that announces its length and produces zeros only as far as it is read.</summary>
    private sealed class AnnouncedContent : HttpContent
    {
        private readonly long _length;

        public AnnouncedContent(long length)
        {
            _length = length;
            Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=grenze");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            for (var sent = 0L; sent < _length; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, _length - sent)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return true;
        }
    }
}
