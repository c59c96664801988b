using System.Security.Cryptography;
using System.Text;
using Teilhabe.Web.Features.Documents;

namespace Teilhabe.UnitTests.Documents;

public sealed class EncryptingDocumentStoreTests
{
    private static readonly byte[] Plain = Encoding.UTF8.GetBytes("%PDF-1.7 Zielvereinbarung Frau Beispiel, GdB 50");

    [Fact]
    public async Task A_document_round_trips_and_the_inner_store_only_sees_ciphertext()
    {
        var inner = new MemoryBlobStore();
        var store = new EncryptingDocumentStore(inner, RandomNumberGenerator.GetBytes(32));

        await store.SaveAsync("2026/3f2a9c1e", Plain, CancellationToken.None);

        var raw = inner.Objects["2026/3f2a9c1e"];
        Assert.Equal(Plain.Length + 32, raw.Length);
        Assert.Equal(-1, raw.AsSpan().IndexOf(Plain.AsSpan(0, 8)));
        Assert.Equal(Plain, await store.ReadAsync("2026/3f2a9c1e", CancellationToken.None));
    }

    [Fact]
    public async Task A_wrong_key_cannot_read_the_document()
    {
        var inner = new MemoryBlobStore();
        await new EncryptingDocumentStore(inner, RandomNumberGenerator.GetBytes(32)).SaveAsync("2026/a", Plain, CancellationToken.None);

        var other = new EncryptingDocumentStore(inner, RandomNumberGenerator.GetBytes(32));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => other.ReadAsync("2026/a", CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_document_reads_as_null()
    {
        var store = new EncryptingDocumentStore(new MemoryBlobStore(), RandomNumberGenerator.GetBytes(32));
        Assert.Null(await store.ReadAsync("2026/none", CancellationToken.None));
    }

    [Theory]
    [InlineData("../key")]
    [InlineData("2026/../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("2026\\a")]
    [InlineData("2026/a.pdf")]
    [InlineData("")]
    public async Task Keys_not_made_by_the_product_are_refused(string key)
    {
        var inner = new MemoryBlobStore();
        var store = new EncryptingDocumentStore(inner, RandomNumberGenerator.GetBytes(32));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(key, Plain, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ReadAsync(key, CancellationToken.None));
        Assert.Empty(inner.Objects);
    }

    [Fact]
    public async Task A_file_in_the_existing_layout_stays_readable_with_the_existing_key_file()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("teilhabe-docs-");
        try
        {
            var keyFile = Path.Combine(folder.FullName, "document-key.b64");
            var key = RandomNumberGenerator.GetBytes(32);
            await File.WriteAllTextAsync(keyFile, Convert.ToBase64String(key));

            // The layout the file store has always written: nonce (12), tag (16), ciphertext.
            var nonce = RandomNumberGenerator.GetBytes(12);
            var tag = new byte[16];
            var cipher = new byte[Plain.Length];
            using (var aes = new AesGcm(key, 16))
            {
                aes.Encrypt(nonce, Plain, cipher, tag);
            }

            var root = Path.Combine(folder.FullName, "documents");
            System.IO.Directory.CreateDirectory(Path.Combine(root, "2025"));
            await File.WriteAllBytesAsync(Path.Combine(root, "2025", "0d4e"), [.. nonce, .. tag, .. cipher]);

            var store = new EncryptingDocumentStore(new FileSystemBlobStore(root), DocumentKeyFile.LoadOrCreate(keyFile));
            Assert.Equal(Plain, await store.ReadAsync("2025/0d4e", CancellationToken.None));

            await store.SaveAsync("2026/0d4f", Plain, CancellationToken.None);
            Assert.NotEqual(Plain, await File.ReadAllBytesAsync(Path.Combine(root, "2026", "0d4f")));
            await store.DeleteAsync("2026/0d4f", CancellationToken.None);
            Assert.False(File.Exists(Path.Combine(root, "2026", "0d4f")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Key_rotation_reencrypts_every_object_and_drops_the_old_key()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("teilhabe-rotate-");
        try
        {
            var keyFile = Path.Combine(folder.FullName, "document-key.b64");
            var blobs = new FileSystemBlobStore(Path.Combine(folder.FullName, "documents"));
            var before = new EncryptingDocumentStore(blobs, DocumentKeyFile.LoadRingOrCreate(keyFile));
            await before.SaveAsync("2025/a1", Plain, CancellationToken.None);
            await before.SaveAsync("2026/b2", new byte[] { 1, 2, 3 }, CancellationToken.None);
            var oldKey = await File.ReadAllTextAsync(keyFile);

            var result = await DocumentKeyRotation.RotateAsync(blobs, keyFile, CancellationToken.None);

            Assert.Equal(new DocumentKeyRotation.Result(2, 2), result);
            var ring = DocumentKeyFile.LoadRingOrCreate(keyFile);
            Assert.Single(ring);
            Assert.NotEqual(oldKey.Trim(), Convert.ToBase64String(ring[0]));
            var after = new EncryptingDocumentStore(blobs, ring);
            Assert.Equal(Plain, await after.ReadAsync("2025/a1", CancellationToken.None));
            Assert.Equal([1, 2, 3], await after.ReadAsync("2026/b2", CancellationToken.None));
            await Assert.ThrowsAnyAsync<CryptographicException>(() => before.ReadAsync("2025/a1", CancellationToken.None));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task During_a_rotation_objects_of_both_keys_are_readable_and_new_ones_use_the_new_key()
    {
        var inner = new MemoryBlobStore();
        var oldKey = RandomNumberGenerator.GetBytes(32);
        var newKey = RandomNumberGenerator.GetBytes(32);
        await new EncryptingDocumentStore(inner, oldKey).SaveAsync("2025/a", Plain, CancellationToken.None);
        var ring = new EncryptingDocumentStore(inner, [newKey, oldKey]);

        await ring.SaveAsync("2026/b", Plain, CancellationToken.None);

        Assert.Equal(Plain, await ring.ReadAsync("2025/a", CancellationToken.None));
        Assert.Equal(Plain, await new EncryptingDocumentStore(inner, newKey).ReadAsync("2026/b", CancellationToken.None));
        Assert.True(await ring.ReencryptAsync("2025/a", CancellationToken.None));
        Assert.False(await ring.ReencryptAsync("2025/a", CancellationToken.None));
    }

    [Fact]
    public async Task A_documents_ciphertext_swapped_onto_another_document_does_not_decrypt()
    {
        var inner = new MemoryBlobStore();
        var store = new EncryptingDocumentStore(inner, RandomNumberGenerator.GetBytes(32));
        await store.SaveAsync("2026/aaaa", Plain, CancellationToken.None);
        await store.SaveAsync("2026/bbbb", Encoding.UTF8.GetBytes("%PDF-1.7 Merkblatt Herr Muster"), CancellationToken.None);

        // Someone with access to the storage (not to the key) copies A's object over B's.
        inner.Objects["2026/bbbb"] = inner.Objects["2026/aaaa"];

        await Assert.ThrowsAnyAsync<CryptographicException>(() => store.ReadAsync("2026/bbbb", CancellationToken.None));
        Assert.Equal(Plain, await store.ReadAsync("2026/aaaa", CancellationToken.None));
    }

    [Fact]
    public async Task A_document_stored_in_the_old_layout_stays_readable_and_the_rotation_binds_it_to_its_key()
    {
        var inner = new MemoryBlobStore();
        var key = RandomNumberGenerator.GetBytes(32);
        inner.Objects["2025/cccc"] = OldLayout(key, Plain);
        var store = new EncryptingDocumentStore(inner, key);

        Assert.Equal(Plain, await store.ReadAsync("2025/cccc", CancellationToken.None));

        // Re-encrypted with the same key it moves to the bound layout; moved elsewhere, it then no longer opens.
        Assert.True(await store.ReencryptAsync("2025/cccc", CancellationToken.None));
        Assert.False(await store.ReencryptAsync("2025/cccc", CancellationToken.None));
        Assert.Equal(Plain, await store.ReadAsync("2025/cccc", CancellationToken.None));
        inner.Objects["2025/dddd"] = inner.Objects["2025/cccc"];
        await Assert.ThrowsAnyAsync<CryptographicException>(() => store.ReadAsync("2025/dddd", CancellationToken.None));
    }

    /// <summary>The layout written before documents were bound to their storage key: nonce (12), tag (16), ciphertext.</summary>
    private static byte[] OldLayout(byte[] key, byte[] plain)
    {
        var nonce = RandomNumberGenerator.GetBytes(12);
        var tag = new byte[16];
        var cipher = new byte[plain.Length];
        using (var aes = new AesGcm(key, 16))
        {
            aes.Encrypt(nonce, plain, cipher, tag);
        }

        return [.. nonce, .. tag, .. cipher];
    }

    private sealed class MemoryBlobStore : IBlobStore
    {
        public Dictionary<string, byte[]> Objects { get; } = [];

        public Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken ct)
        {
            Objects[key] = content.ToArray();
            return Task.CompletedTask;
        }

        public Task<byte[]?> GetAsync(string key, CancellationToken ct) =>
            Task.FromResult(Objects.TryGetValue(key, out var bytes) ? bytes : null);

        public Task DeleteAsync(string key, CancellationToken ct)
        {
            Objects.Remove(key);
            return Task.CompletedTask;
        }

        public async IAsyncEnumerable<string> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            foreach (var key in Objects.Keys.ToList())
            {
                yield return key;
            }

            await Task.CompletedTask;
        }
    }
}
