using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Teilhabe.Web.Infrastructure;

/// <summary>
/// The keys of the backups: a ring file like the document key's (one base64 line of 256 bit per key, the first is the
/// current one, older ones below it), by default <c>backup-key.b64</c> beside the document key file and created on the
/// first backup. A backup names the fingerprint of its key, so a restore picks the right one of the ring and old
/// backups stay restorable as long as their key stays in the file.
/// </summary>
internal sealed class BackupKeys(IReadOnlyList<byte[]> ring, string file)
{
    public string File { get; } = file;

    public byte[] Current => ring[0];

    public string CurrentId => Fingerprint(Current);

    public byte[]? Find(string id) => ring.FirstOrDefault(k => Fingerprint(k) == id);

    public static string Fingerprint(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key))[..16];

    public static BackupKeys LoadOrCreate(string file) => new(Features.Documents.DocumentKeyFile.LoadRingOrCreate(file), file);
}

/// <summary>
/// AES-256-GCM for backup files of any size, in chunks of 1 MiB (streamed, never the whole file in memory). Each chunk
/// carries its own nonce and tag; the associated data binds the file's name in the backup, the chunk's number and
/// whether it is the last, so a swapped file, a reordered, removed or appended chunk and a cut-off end are all refused.
/// </summary>
internal static class BackupCipher
{
    private const int ChunkSize = 1 << 20;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] Magic = "THB1"u8.ToArray();

    public static async Task EncryptAsync(Stream input, Stream output, byte[] key, string name, CancellationToken ct)
    {
        await output.WriteAsync(Magic, ct);
        using var aes = new AesGcm(key, TagSize);
        var plain = new byte[ChunkSize];
        var cipher = new byte[ChunkSize];
        var header = new byte[4 + NonceSize + TagSize];
        for (long index = 0; ; index++)
        {
            var read = await input.ReadAtLeastAsync(plain, ChunkSize, throwOnEndOfStream: false, ct);
            var last = read < ChunkSize;
            BinaryPrimitives.WriteInt32BigEndian(header, read);
            RandomNumberGenerator.Fill(header.AsSpan(4, NonceSize));
            aes.Encrypt(header.AsSpan(4, NonceSize), plain.AsSpan(0, read), cipher.AsSpan(0, read), header.AsSpan(4 + NonceSize, TagSize), AssociatedData(name, index, last));
            await output.WriteAsync(header, ct);
            await output.WriteAsync(cipher.AsMemory(0, read), ct);
            if (last)
            {
                return;
            }
        }
    }

    public static async Task DecryptAsync(Stream input, Stream output, byte[] key, string name, CancellationToken ct)
    {
        var magic = new byte[Magic.Length];
        if (await input.ReadAtLeastAsync(magic, magic.Length, throwOnEndOfStream: false, ct) != magic.Length || !magic.AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{name} ist keine verschlüsselte Teilhabe-Sicherung.");
        }

        using var aes = new AesGcm(key, TagSize);
        var plain = new byte[ChunkSize];
        var cipher = new byte[ChunkSize];
        var header = new byte[4 + NonceSize + TagSize];
        for (long index = 0; ; index++)
        {
            if (await input.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct) != header.Length)
            {
                throw new InvalidDataException($"{name} ist abgeschnitten.");
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(header);
            if (length is < 0 or > ChunkSize || await input.ReadAtLeastAsync(cipher, length, throwOnEndOfStream: false, ct) != length)
            {
                throw new InvalidDataException($"{name} ist beschädigt oder abgeschnitten.");
            }

            var last = length < ChunkSize;
            try
            {
                aes.Decrypt(header.AsSpan(4, NonceSize), cipher.AsSpan(0, length), header.AsSpan(4 + NonceSize, TagSize), plain.AsSpan(0, length), AssociatedData(name, index, last));
            }
            catch (AuthenticationTagMismatchException e)
            {
                throw new InvalidDataException($"{name} lässt sich mit diesem Schlüssel nicht entschlüsseln oder wurde verändert.", e);
            }

            await output.WriteAsync(plain.AsMemory(0, length), ct);
            if (last)
            {
                return;
            }
        }
    }

    private static byte[] AssociatedData(string name, long index, bool last)
    {
        var text = Encoding.UTF8.GetBytes("teilhabe-backup:" + name);
        var data = new byte[text.Length + 9];
        text.CopyTo(data, 0);
        BinaryPrimitives.WriteInt64BigEndian(data.AsSpan(text.Length), index);
        data[^1] = last ? (byte)1 : (byte)0;
        return data;
    }
}
