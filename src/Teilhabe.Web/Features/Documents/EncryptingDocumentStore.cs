using System.Security.Cryptography;

namespace Teilhabe.Web.Features.Documents;

/// <summary>
/// Documents encrypted at rest with AES-256-GCM by the product itself, whatever the backend below.
/// Layout of a stored object: 12-byte nonce, 16-byte tag, ciphertext (unchanged since the first file store,
/// so existing files stay readable).
/// </summary>
public sealed class EncryptingDocumentStore : IDocumentStore
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly IBlobStore _inner;
    private readonly byte[] _key;

    public EncryptingDocumentStore(IBlobStore inner, byte[] key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("Der Dokumentschlüssel muss 256 Bit haben.", nameof(key));
        }

        _inner = inner;
        _key = key;
    }

    public Task SaveAsync(string key, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var data = new byte[NonceSize + TagSize + content.Length];
        var nonce = data.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(_key, TagSize))
        {
            aes.Encrypt(nonce, content.Span, data.AsSpan(NonceSize + TagSize), data.AsSpan(NonceSize, TagSize));
        }

        return _inner.PutAsync(StorageKey.Validate(key), data, ct);
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

        var plain = new byte[data.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize + TagSize), data.AsSpan(NonceSize, TagSize), plain);
        return plain;
    }

    public Task DeleteAsync(string key, CancellationToken ct) => _inner.DeleteAsync(StorageKey.Validate(key), ct);
}

/// <summary>The document key lives in a file outside the database (Teilhabe:Storage:KeyFile), created on first start.</summary>
public static class DocumentKeyFile
{
    public static byte[] LoadOrCreate(string keyFile)
    {
        if (File.Exists(keyFile))
        {
            var existing = Convert.FromBase64String(File.ReadAllText(keyFile).Trim());
            return existing.Length == 32 ? existing : throw new InvalidOperationException($"Der Dokumentschlüssel in {keyFile} hat nicht 256 Bit.");
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(keyFile, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
