using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Rules;

namespace Teilhabe.Web.Features.Documents;

/// <summary>
/// DOC-01: the real content type from the first bytes (and, for DOCX/ODT, the package), not from the name.
/// A package is judged by its directory alone, with bounds: too many entries or too much declared content (a zip
/// bomb) is refused without expanding anything, and the one small part read (the ODF "mimetype") is read bounded.
/// Office files that carry macros are refused, whatever their name says.
/// </summary>
internal static class ContentSniffer
{
    /// <summary>More entries than any letter or scan has.</summary>
    public const int MaxPackageEntries = 2_000;

    /// <summary>Total uncompressed size a package may declare (a 4 MB file of text expands to a few times that).</summary>
    public const long MaxPackageBytes = 100L * 1024 * 1024;

    private const int MaxPartBytes = 64 * 1024;

    private static readonly string[] MacroExtensions = [".docm", ".dotm", ".xlsm", ".xltm", ".xlam", ".pptm", ".potm", ".ppsm", ".ppam", ".sldm"];

    public static string? Detect(byte[] whole) => Inspect(whole, string.Empty).ContentType;

    /// <summary>The content type, or the refusal (unknown type, zip bomb, macros) with the file's name in it.</summary>
    public static (string? ContentType, RuleViolation? Refusal) Inspect(byte[] whole, string fileName, string field = "file")
    {
        ReadOnlySpan<byte> data = whole.AsSpan(0, Math.Min(whole.Length, 16));
        if (data.StartsWith("%PDF-"u8))
        {
            return ("application/pdf", null);
        }

        if (data.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return ("image/png", null);
        }

        if (data.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return ("image/jpeg", null);
        }

        if (data.StartsWith("II*\0"u8) || data.StartsWith("MM\0*"u8))
        {
            return ("image/tiff", null);
        }

        return data.StartsWith("PK\u0003\u0004"u8) ? InspectPackage(whole, fileName, field) : (null, UploadRules.UnknownType(fileName, field));
    }

    private static (string? ContentType, RuleViolation? Refusal) InspectPackage(byte[] whole, string fileName, string field)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(whole, writable: false), ZipArchiveMode.Read);
            var entries = zip.Entries;
            if (entries.Count > MaxPackageEntries || entries.Sum(e => e.Length) > MaxPackageBytes
                || entries.Any(e => e.Length > MaxPackageBytes))
            {
                return (null, UploadRules.Bomb(fileName, field));
            }

            // The sizes above are what the archive declares; forged headers can claim little and expand to much in
            // another reader. The real sizes are counted by inflating, bounded by MaxPackageBytes whatever the headers say.
            if (!ExpandsWithinLimit(whole, entries))
            {
                return (null, UploadRules.Bomb(fileName, field));
            }

            if (MacroExtensions.Any(x => fileName.EndsWith(x, StringComparison.OrdinalIgnoreCase)) || entries.Any(IsMacroPart))
            {
                return (null, UploadRules.MacroEnabled(fileName, field));
            }

            if (zip.GetEntry("[Content_Types].xml") is { } types && entries.Any(e => e.FullName.StartsWith("word/", StringComparison.Ordinal)))
            {
                // OOXML declares a macro-enabled document in its content types (…macroEnabled.main+xml).
                return ReadBounded(types).Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)
                    ? (null, UploadRules.MacroEnabled(fileName, field))
                    : ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", null);
            }

            if (zip.GetEntry("mimetype") is { } mime && ReadBounded(mime).Trim() == "application/vnd.oasis.opendocument.text")
            {
                return ("application/vnd.oasis.opendocument.text", null);
            }
        }
        catch (InvalidDataException)
        {
            return (null, UploadRules.UnknownType(fileName, field));
        }

        return (null, UploadRules.UnknownType(fileName, field));
    }

    /// <summary>
    /// True when all entries together really inflate to at most <see cref="MaxPackageBytes"/>. The archive's own reader
    /// stops an entry at its declared size, so the raw data of every local entry is inflated here with a fresh
    /// DeflateStream, counting what comes out and stopping at the first byte beyond the limit (or when the entries
    /// cannot all be walked from the start, or use a method other than stored/deflate).
    /// </summary>
    private static bool ExpandsWithinLimit(byte[] whole, IReadOnlyCollection<ZipArchiveEntry> entries)
    {
        var compressed = entries.GroupBy(e => e.FullName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(e => e.CompressedLength), StringComparer.Ordinal);
        var scratch = new byte[81_920];
        var total = 0L;
        var offset = 0;
        var walked = 0;
        for (; walked <= MaxPackageEntries && offset + 30 <= whole.Length; walked++)
        {
            var header = whole.AsSpan(offset);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != 0x04034B50)
            {
                // The central directory follows the last local entry. Fewer local entries than the directory lists means
                // entries hidden behind other bytes, which this walk would not have measured: refused.
                return walked >= entries.Count;
            }

            var flags = BinaryPrimitives.ReadUInt16LittleEndian(header[6..]);
            var method = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(header[18..]);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[26..]);
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
            var name = Encoding.UTF8.GetString(header.Slice(30, Math.Min(nameLength, header.Length - 30)));
            if ((flags & 0x8) != 0 || size == uint.MaxValue)
            {
                // Sizes in a trailing data descriptor or a Zip64 extra field: the central directory's figure.
                size = compressed.GetValueOrDefault(name, -1);
            }

            var dataStart = (long)offset + 30 + nameLength + extraLength;
            if (size < 0 || dataStart + size > whole.Length)
            {
                return false;
            }

            if (method == 0)
            {
                total += size;
                if (total > MaxPackageBytes)
                {
                    return false;
                }
            }
            else if (method == 8)
            {
                using var inflate = new DeflateStream(new MemoryStream(whole, (int)dataStart, (int)size, writable: false), CompressionMode.Decompress);
                int read;
                while ((read = inflate.Read(scratch, 0, scratch.Length)) > 0)
                {
                    total += read;
                    if (total > MaxPackageBytes)
                    {
                        return false;
                    }
                }
            }
            else
            {
                return false;
            }

            offset = (int)(dataStart + size);
            if ((flags & 0x8) != 0)
            {
                // The data descriptor: optional signature, CRC, both sizes (4 bytes each; 8 with Zip64, not written by Office).
                offset += offset + 4 <= whole.Length && BinaryPrimitives.ReadUInt32LittleEndian(whole.AsSpan(offset)) == 0x08074B50 ? 16 : 12;
            }
        }

        return walked >= entries.Count;
    }

    /// <summary>VBA projects of OOXML and the Basic/script libraries of ODF.</summary>
    private static bool IsMacroPart(ZipArchiveEntry e)
        => e.Name.Equals("vbaProject.bin", StringComparison.OrdinalIgnoreCase)
            || e.Name.Equals("vbaData.xml", StringComparison.OrdinalIgnoreCase)
            || e.FullName.StartsWith("Basic/", StringComparison.Ordinal)
            || e.FullName.StartsWith("Scripts/", StringComparison.Ordinal);

    /// <summary>A small part, read at most <see cref="MaxPartBytes"/> whatever the entry claims.</summary>
    private static string ReadBounded(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var buffer = new byte[MaxPartBytes];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, total);
    }
}
