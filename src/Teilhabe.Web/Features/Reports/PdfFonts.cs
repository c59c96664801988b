using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Teilhabe.Web.Features.Reports;

/// <summary>
/// The shipped DejaVu Sans faces for the product's PDFs and the rule which face draws which character.
/// SkiaSharp's PDF backend embeds every typeface it draws with whole (it is built without a subsetter), so text is set
/// in core faces reduced to the characters German reports need (<c>scripts/subset-fonts.sh</c>, about 35 KB per face
/// in the PDF instead of 370 KB). A character outside the core falls back to the full face, which is then embedded in
/// that document only; a character no face has is printed as U+FFFD, so nothing a caseworker wrote vanishes unseen.
/// </summary>
internal static class PdfFonts
{
    /// <summary>What is printed for a character that no shipped face has.</summary>
    public const char Replacement = '\uFFFD';

    private static readonly Lazy<Core> CoreRegular = new(() => new Core(Load("DejaVuSans-Core.ttf")));
    private static readonly Lazy<Core> CoreBold = new(() => new Core(Load("DejaVuSans-Bold-Core.ttf")));
    private static readonly Lazy<SKTypeface> FullRegular = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> FullBold = new(() => Load("DejaVuSans-Bold.ttf"));

    /// <summary>
    /// Splits a text into pieces that one face each can draw: NFC first (a decomposed "u" + U+0308 becomes "ü"),
    /// whitespace becomes a plain space, invisible control and format characters are dropped.
    /// </summary>
    public static List<(string Text, SKTypeface Face)> Runs(string text, bool bold)
    {
        var (core, covered) = bold ? CoreBold.Value : CoreRegular.Value;
        var runs = new List<(string, SKTypeface)>(1);
        if (text.All(c => covered[c]) && text.IsNormalized(NormalizationForm.FormC))
        {
            // The common case: the whole text is in the core face.
            runs.Add((text, core));
            return runs;
        }

        var piece = new StringBuilder(text.Length);
        var current = core;
        foreach (var original in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var rune = original;
            var face = core;
            if (!(rune.IsBmp && covered[rune.Value]))
            {
                var full = bold ? FullBold.Value : FullRegular.Value;
                if (Rune.IsWhiteSpace(rune))
                {
                    rune = new Rune(' ');
                }
                else if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format)
                {
                    continue;
                }
                else if (full.ContainsGlyph(rune.Value))
                {
                    face = full;
                }
                else
                {
                    rune = new Rune(Replacement);
                }
            }

            if (face != current && piece.Length > 0)
            {
                runs.Add((piece.ToString(), current));
                piece.Clear();
            }

            current = face;
            piece.Append(rune.ToString());
        }

        if (piece.Length > 0)
        {
            runs.Add((piece.ToString(), current));
        }

        return runs;
    }

    /// <summary>The advance width of a text as <see cref="Draw"/> sets it.</summary>
    public static float Measure(string text, bool bold, float size)
    {
        var width = 0f;
        foreach (var (piece, face) in Runs(text, bold))
        {
            using var font = Font(face, size);
            width += font.MeasureText(piece);
        }

        return width;
    }

    /// <summary>Draws a text on the baseline at x (its left end, or its right end for <see cref="SKTextAlign.Right"/>).</summary>
    public static void Draw(SKCanvas canvas, string text, float x, float y, bool bold, float size, SKPaint paint, SKTextAlign align = SKTextAlign.Left)
    {
        if (align != SKTextAlign.Left)
        {
            var width = Measure(text, bold, size);
            x -= align == SKTextAlign.Right ? width : width / 2;
        }

        foreach (var (piece, face) in Runs(text, bold))
        {
            using var font = Font(face, size);
            canvas.DrawText(piece, x, y, SKTextAlign.Left, font, paint);
            x += font.MeasureText(piece);
        }
    }

    /// <summary>A core face and, per UTF-16 code unit, whether it draws it itself (never a surrogate or a control character).</summary>
    private sealed record Core(SKTypeface Face, bool[] Covered)
    {
        public Core(SKTypeface face)
            : this(face, Coverage(face))
        {
        }

        private static bool[] Coverage(SKTypeface face)
        {
            var glyphs = face.GetGlyphs([.. Enumerable.Range(0, char.MaxValue + 1)]);
            return [.. glyphs.Select((g, i) => g != 0 && !char.IsControl((char)i) && !char.IsSurrogate((char)i))];
        }
    }

    private static SKFont Font(SKTypeface face, float size) => new(face, size) { Subpixel = true };

    /// <summary>A shipped face (embedded resources, so the output does not depend on the host's fonts).</summary>
    private static SKTypeface Load(string file)
    {
        var name = typeof(PdfFonts).Assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + file, StringComparison.Ordinal));
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream(name)!;
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return SKTypeface.FromStream(copy) ?? throw new InvalidOperationException($"Schrift {file} konnte nicht geladen werden.");
    }
}
