using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
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

    [Fact]
    [Trait("Rule", "DOC-01")]
    public async Task DOC01_a_zip_bomb_is_refused()
        // A DOCX of a few hundred KB whose one picture expands to 256 MB: refused from the package directory, not expanded.
        => await AssertRefusedAsBombAsync(Bomb.Value);

    [Fact]
    [Trait("Rule", "DOC-01")]
    public async Task DOC01_a_zip_bomb_whose_headers_declare_small_sizes_is_refused()
        // The same 256 MB picture, but its local and central headers claim 1 KB: the declared sizes pass, the real ones do not.
        => await AssertRefusedAsBombAsync(ForgedBomb.Value);

    [Fact]
    [Trait("Rule", "DOC-01")]
    public async Task DOC01_a_zip_bomb_hidden_behind_junk_between_the_entries_is_refused()
        // The forged picture moved behind 16 bytes of junk: readers that follow the central directory still find it.
        => await AssertRefusedAsBombAsync(JunkBefore(ForgedBomb.Value, "word/media/bild1.png"));

    /// <summary>Inserts junk before one entry's local header and moves the central directory's offsets behind it.</summary>
    private static byte[] JunkBefore(byte[] archive, string entryName)
    {
        var name = Encoding.UTF8.GetBytes(entryName);
        var bytes = archive.AsSpan();
        var at = -1;
        for (var i = 0; i + 30 < bytes.Length && at < 0; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes[i..]) == 0x04034B50 && bytes[(i + 30)..].StartsWith(name))
            {
                at = i;
            }
        }

        Assert.True(at > 0, "the entry was not found");
        const int Junk = 16;
        var moved = new byte[archive.Length + Junk];
        archive.AsSpan(0, at).CopyTo(moved);
        archive.AsSpan(at).CopyTo(moved.AsSpan(at + Junk));

        // Central headers (PK\x01\x02) keep the local header's offset at 42; the end record (PK\x05\x06) the directory's at 16.
        for (var i = at + Junk; i + 46 < moved.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(moved.AsSpan(i));
            if (signature == 0x02014B50)
            {
                var local = BinaryPrimitives.ReadUInt32LittleEndian(moved.AsSpan(i + 42));
                if (local >= at)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(moved.AsSpan(i + 42), local + Junk);
                }
            }
        }

        for (var i = moved.Length - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(moved.AsSpan(i)) == 0x06054B50)
            {
                var directory = BinaryPrimitives.ReadUInt32LittleEndian(moved.AsSpan(i + 16));
                BinaryPrimitives.WriteUInt32LittleEndian(moved.AsSpan(i + 16), directory + Junk);
                break;
            }
        }

        using var zip = new ZipArchive(new MemoryStream(moved, writable: false), ZipArchiveMode.Read);
        Assert.Contains(zip.Entries, e => e.FullName == entryName);
        return moved;
    }

    /// <summary>The archive, uploaded as a DOCX, is refused under DOC-01 as a zip bomb and nothing is stored.</summary>
    private async Task AssertRefusedAsBombAsync(byte[] archive)
    {
        var tenant = await TestTenant.CreateAsync(Factory, withSecondService: false);
        using var caseworker = await Factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });

        using var refused = await caseworker.UploadAsync(id, "Other", archive, "bericht.docx");

        await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["DOC-01"], await refused.ReadViolatedRulesAsync());
        var message = (await refused.ReadProblemAsync()).GetProperty("violations")[0].GetProperty("message").GetString()!;
        Assert.Contains("Zip-Bombe", message, StringComparison.Ordinal);
        Assert.Equal(0, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/documents")).GetArrayLength());
    }

    [Fact]
    [Trait("Rule", "DOC-01")]
    public async Task DOC01_an_OpenDocument_text_written_with_data_descriptors_is_stored()
    {
        var tenant = await TestTenant.CreateAsync(Factory, withSecondService: false);
        using var caseworker = await Factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });

        // Written to a stream that cannot seek, as office suites stream their packages: sizes follow each entry's data.
        using var stored = await caseworker.UploadAsync(id, "Other", StreamedOdt(), "bericht.odt");

        await stored.ExpectAsync(HttpStatusCode.Created);
    }

    private static byte[] StreamedOdt()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(new ForwardOnly(buffer), ZipArchiveMode.Create))
        {
            using (var mime = new StreamWriter(zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open()))
            {
                mime.Write("application/vnd.oasis.opendocument.text");
            }

            using var content = new StreamWriter(zip.CreateEntry("content.xml", CompressionLevel.Optimal).Open());
            content.Write(string.Concat(Enumerable.Repeat("<text:p>Bericht über den Verlauf</text:p>", 2000)));
        }

        var bytes = buffer.ToArray();
        Assert.True((BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(6)) & 0x8) != 0, "the package was written without data descriptors");
        return bytes;
    }

    /// <summary>A write-only stream without seeking, so that ZipArchive writes data descriptors.</summary>
    private sealed class ForwardOnly(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }

    [Fact]
    public void The_forged_bomb_declares_only_small_sizes()
    {
        using var zip = new ZipArchive(new MemoryStream(ForgedBomb.Value, writable: false), ZipArchiveMode.Read);

        Assert.True(zip.Entries.Sum(e => e.Length) < 1024 * 1024, "the forged archive still declares its real size");
    }

    [Fact]
    [Trait("Rule", "DOC-01")]
    public async Task DOC01_a_macro_enabled_Word_file_is_refused_and_a_plain_one_is_stored()
    {
        var tenant = await TestTenant.CreateAsync(Factory, withSecondService: false);
        using var caseworker = await Factory.LoginAsync(tenant.CaseworkerA);
        var id = await caseworker.CreateCaseAsync(new { clientId = await caseworker.CreateClientAsync() });

        // Once with a VBA project named .docx, once as .docm with the macro-enabled content type only.
        foreach (var (bytes, name) in new[] { (Docx(withVbaProject: true), "bericht.docx"), (Docx(macroContentType: true), "bericht.docm") })
        {
            using var refused = await caseworker.UploadAsync(id, "Other", bytes, name);
            await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["DOC-01"], await refused.ReadViolatedRulesAsync());
            var message = (await refused.ReadProblemAsync()).GetProperty("violations")[0].GetProperty("message").GetString()!;
            Assert.Contains("Makros", message, StringComparison.Ordinal);
        }

        Assert.Equal(0, (await caseworker.GetJsonAsync($"/api/v1/cases/{id}/documents")).GetArrayLength());
        using var plain = await caseworker.UploadAsync(id, "Other", Docx(), "bericht.docx");
        await plain.ExpectAsync(HttpStatusCode.Created);
    }

    private static readonly Lazy<byte[]> Bomb = new(() => Docx(picture: 256L * 1024 * 1024));

    private static readonly Lazy<byte[]> ForgedBomb = new(() => DeclareSize(Bomb.Value, "word/media/bild1.png", 1024));

    /// <summary>Writes <paramref name="size"/> as the uncompressed size of one entry into its local and its central header.</summary>
    private static byte[] DeclareSize(byte[] archive, string entryName, uint size)
    {
        var bytes = (byte[])archive.Clone();
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (bytes[i] != 0x50 || bytes[i + 1] != 0x4B)
            {
                continue;
            }

            // Local file header PK\x03\x04: name at 30, uncompressed size at 22; central header PK\x01\x02: name at 46, size at 24.
            var (nameAt, sizeAt) = (bytes[i + 2], bytes[i + 3]) switch
            {
                (3, 4) => (30, 22),
                (1, 2) => (46, 24),
                _ => (-1, -1),
            };
            if (nameAt > 0 && bytes.AsSpan(i + nameAt).StartsWith(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + sizeAt), size);
            }
        }

        return bytes;
    }

    private static byte[] Docx(bool withVbaProject = false, bool macroContentType = false, long picture = 0)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var main = macroContentType ? "application/vnd.ms-word.document.macroEnabled.main+xml" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
            Write(zip, "[Content_Types].xml", $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="{main}"/></Types>""");
            Write(zip, "word/document.xml", """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Bericht</w:t></w:r></w:p></w:body></w:document>""");
            if (withVbaProject)
            {
                Write(zip, "word/vbaProject.bin", "Attribute VB_Name = \"AutoOpen\"");
            }

            if (picture > 0)
            {
                using var stream = zip.CreateEntry("word/media/bild1.png", CompressionLevel.Fastest).Open();
                var zeros = new byte[1024 * 1024];
                for (var written = 0L; written < picture; written += zeros.Length)
                {
                    stream.Write(zeros);
                }
            }
        }

        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
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
