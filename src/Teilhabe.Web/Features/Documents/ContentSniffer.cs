using System.IO.Compression;

namespace Teilhabe.Web.Features.Documents;

/// <summary>DOC-01: the real content type from the first bytes (and, for DOCX/ODT, the package), not from the name.</summary>
internal static class ContentSniffer
{
    public static string? Detect(ReadOnlySpan<byte> data, byte[] whole)
    {
        if (data.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (data.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return "image/png";
        }

        if (data.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return "image/jpeg";
        }

        if (data.StartsWith("II*\0"u8) || data.StartsWith("MM\0*"u8))
        {
            return "image/tiff";
        }

        return data.StartsWith("PK\u0003\u0004"u8) ? DetectPackage(whole) : null;
    }

    private static string? DetectPackage(byte[] whole)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(whole), ZipArchiveMode.Read);
            if (zip.GetEntry("[Content_Types].xml") is not null && zip.Entries.Any(e => e.FullName.StartsWith("word/", StringComparison.Ordinal)))
            {
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            }

            if (zip.GetEntry("mimetype") is { } mime)
            {
                using var reader = new StreamReader(mime.Open());
                if (reader.ReadToEnd().Trim() == "application/vnd.oasis.opendocument.text")
                {
                    return "application/vnd.oasis.opendocument.text";
                }
            }
        }
        catch (InvalidDataException)
        {
            return null;
        }

        return null;
    }
}
