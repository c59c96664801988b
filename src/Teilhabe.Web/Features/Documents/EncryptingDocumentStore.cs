using System.Security.Cryptography;

namespace Teilhabe.Web.Features.Documents;

/// <summary>
/// Documents encrypted at rest with AES-256-GCM by the product itself, whatever the backend below.
/// Layout of a stored object: the marker "THD2", 12-byte nonce, 16-byte tag, ciphertext; the storage key is the
/// associated data, so a ciphertext copied under another document's key does not decrypt (the tag fails).
/// Objects of the first layout (nonce, tag, ciphertext, no associated data) stay readable; the key rotation rewrites
/// them in the current one. New objects are written with the first (current) key of the key ring; reading tries the
/// current key, then older ones (GCM's tag tells a wrong key), so a key rotation can run while the product is in use.
/// </summary>
internal sealed class EncryptingDocumentStore : IDocumentStore
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] Marker = "THD2"u8.ToArray();
    private readonly IBlobStore _inner;
    private readonly byte[][] _keys;

    public EncryptingDocumentStore(IBlobStore inner, byte[] key)
        : this(inner, [key])
    {
    }

    public EncryptingDocumentStore(IBlobStore inner, IReadOnlyList<byte[]> keys)
    {
        if (keys.Count == 0 || keys.Any(k => k.Length != 32))
        {
            throw new ArgumentException("Der Dokumentschlüssel muss 256 Bit haben.", nameof(keys));
        }

        _inner = inner;
        _keys = [.. keys];
    }

    private byte[] CurrentKey => _keys[0];

    /// <summary>Re-encrypts one object with the current key in the current layout; false when it already was (or does not exist).</summary>
    public async Task<bool> ReencryptAsync(string key, CancellationToken ct)
    {
        var data = await _inner.GetAsync(StorageKey.Validate(key), ct);
        if (data is null || data.Length < NonceSize + TagSize)
        {
            return false;
        }

        var (plain, keyIndex, bound) = Decrypt(key, data);
        if (keyIndex == 0 && bound)
        {
            return false;
        }

        await SaveAsync(key, plain, ct);
        return true;
    }

    /// <summary>The plaintext, the index of the key that opened it and whether it was bound to its storage key.</summary>
    private (byte[] Plain, int KeyIndex, bool Bound) Decrypt(string key, byte[] data)
    {
        if (data.AsSpan().StartsWith(Marker) && data.Length >= Marker.Length + NonceSize + TagSize
            && TryDecrypt(data.AsSpan(Marker.Length), AssociatedData(key)) is ({ } bound, var index))
        {
            return (bound, index, true);
        }

        // The first layout (an object written before the marker; its random nonce may even begin like the marker).
        if (TryDecrypt(data, []) is ({ } plain, var oldIndex))
        {
            return (plain, oldIndex, false);
        }

        throw new CryptographicException($"Das gespeicherte Dokument {key} lässt sich mit keinem Schlüssel des Schlüsselbunds entschlüsseln (falscher Schlüssel, beschädigt oder unter einem anderen Speicherschlüssel verschlüsselt).");
    }

    private (byte[]? Plain, int KeyIndex) TryDecrypt(ReadOnlySpan<byte> sealedData, ReadOnlySpan<byte> associated)
    {
        var plain = new byte[sealedData.Length - NonceSize - TagSize];
        for (var i = 0; i < _keys.Length; i++)
        {
            try
            {
                using var aes = new AesGcm(_keys[i], TagSize);
                aes.Decrypt(sealedData[..NonceSize], sealedData[(NonceSize + TagSize)..], sealedData.Slice(NonceSize, TagSize), plain, associated);
                return (plain, i);
            }
            catch (AuthenticationTagMismatchException)
            {
                // Written with another key of the ring, under another storage key, or damaged: try the next one.
            }
        }

        return (null, -1);
    }

    private static byte[] AssociatedData(string key) => System.Text.Encoding.UTF8.GetBytes("teilhabe-document:" + key);

    public Task SaveAsync(string key, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        StorageKey.Validate(key);
        var data = new byte[Marker.Length + NonceSize + TagSize + content.Length];
        Marker.CopyTo(data, 0);
        var body = data.AsSpan(Marker.Length);
        var nonce = body[..NonceSize];
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(CurrentKey, TagSize))
        {
            aes.Encrypt(nonce, content.Span, body[(NonceSize + TagSize)..], body.Slice(NonceSize, TagSize), AssociatedData(key));
        }

        return _inner.PutAsync(key, data, ct);
    }

    public async Task<byte[]?> ReadAsync(string key, CancellationToken ct)
    {
        var data = await _inner.GetAsync(StorageKey.Validate(key), ct);
        if (data is null)
        {
            return null;
        }

        if (data.Length < NonceSize + TagSize)
        {
            throw new CryptographicException($"Das gespeicherte Dokument {key} ist unvollständig.");
        }

        return Decrypt(key, data).Plain;
    }

    public Task DeleteAsync(string key, CancellationToken ct) => _inner.DeleteAsync(StorageKey.Validate(key), ct);
}

/// <summary>
/// The document keys live in a file outside the database (Teilhabe:Storage:KeyFile), created on first start:
/// one base64 key (256 bit) per line, the first is the current one. A file with one line is the original format.
/// </summary>
internal static class DocumentKeyFile
{
    public static byte[] LoadOrCreate(string keyFile) => LoadRingOrCreate(keyFile)[0];

    public static IReadOnlyList<byte[]> LoadRingOrCreate(string keyFile)
    {
        if (File.Exists(keyFile))
        {
            return Read(keyFile);
        }

        var key = RandomNumberGenerator.GetBytes(32);
        if (!TryCreate(keyFile, key))
        {
            // Another instance on the same shared storage created it first: use that one, never a key of our own.
            return Read(keyFile);
        }

        return [key];
    }

    /// <summary>
    /// Reads the ring. A file another instance has just created may still be empty or held by its writer for a
    /// moment: a file counts as complete only when it ends with a line break, so that is waited for (briefly).
    /// </summary>
    private static List<byte[]> Read(string keyFile)
    {
        for (var attempt = 0; ; attempt++)
        {
            string text;
            try
            {
                text = File.ReadAllText(keyFile);
            }
            catch (IOException) when (attempt < 100)
            {
                Thread.Sleep(20);
                continue;
            }

            if (!text.EndsWith('\n') && attempt < 100)
            {
                Thread.Sleep(20);
                continue;
            }

            var keys = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(Convert.FromBase64String).ToList();
            return keys.Count > 0 && keys.All(k => k.Length == 32)
                ? keys
                : throw new InvalidOperationException($"Der Dokumentschlüssel in {keyFile} hat nicht 256 Bit.");
        }
    }

    /// <summary>
    /// Writes a new key file unless one exists. Creating it is atomic on every file system (O_CREAT|O_EXCL, also on
    /// NFS): exactly one instance creates it, the others find it there. The key and its line break are written in one
    /// write, readable by the owner only.
    /// </summary>
    private static bool TryCreate(string keyFile, byte[] key)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        FileStream stream;
        try
        {
            stream = new FileStream(keyFile, options);
        }
        catch (IOException) when (File.Exists(keyFile))
        {
            return false;
        }

        using (stream)
        {
            stream.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(key) + "\n"));
            stream.Flush(flushToDisk: true);
        }

        return true;
    }

    /// <summary>Replaces the key file atomically (write beside it, then rename), readable by the owner only.</summary>
    public static void Write(string keyFile, IEnumerable<byte[]> keys)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
        var temp = keyFile + ".new";
        File.WriteAllLines(temp, keys.Select(Convert.ToBase64String));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temp, keyFile, overwrite: true);
    }
}

/// <summary>
/// Key rotation (README "Operations"): a new key becomes current, every stored object is re-encrypted with it,
/// then the old keys are dropped. Interrupted, it can simply be run again: until it finishes the ring keeps the
/// old keys, and objects already re-encrypted are skipped.
/// </summary>
internal static class DocumentKeyRotation
{
    public sealed record Result(int Objects, int Reencrypted);

    public static async Task<Result> RotateAsync(IBlobStore blobs, string keyFile, CancellationToken ct)
    {
        var ring = DocumentKeyFile.LoadRingOrCreate(keyFile).ToList();
        var fresh = RandomNumberGenerator.GetBytes(32);
        ring.Insert(0, fresh);
        DocumentKeyFile.Write(keyFile, ring);

        var store = new EncryptingDocumentStore(blobs, ring);
        int objects = 0, reencrypted = 0;
        await foreach (var key in blobs.ListAsync(ct))
        {
            objects++;
            if (await store.ReencryptAsync(key, ct))
            {
                reencrypted++;
            }
        }

        DocumentKeyFile.Write(keyFile, [fresh]);
        return new Result(objects, reencrypted);
    }
}
