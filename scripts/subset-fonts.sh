#!/usr/bin/env bash
# Regenerates the core report fonts (Assets/Fonts/DejaVuSans*-Core.ttf) from the full DejaVu Sans files next to them.
#
# Why: SkiaSharp's PDF backend is built without a font subsetter and embeds every typeface it draws with whole
# (~370 KB per face after compression). The reports therefore set their text in core faces that hold only the
# characters German reports need; PdfFonts falls back to the full face for anything else (so nothing vanishes,
# that document just gets bigger) and prints U+FFFD for a character DejaVu Sans does not have at all.
#
# Needs Debian's fonttools (apt-get install -y fonttools). Hinting and the name table (licence) are kept; the
# OpenType layout tables are dropped because Skia draws positioned glyphs without shaping.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v pyftsubset >/dev/null || { echo "pyftsubset fehlt: apt-get install -y fonttools" >&2; exit 1; }

fonts=src/Teilhabe.Web/Assets/Fonts
# Basic Latin, Latin-1 Supplement, Latin Extended-A (Turkish, Polish, Czech, Croatian … names), Romanian Ș ș Ț ț,
# General Punctuation (– — „ “ ‚ ‘ … • ‰), €, №, ™, arrows ← ↑ → ↓ ↔ ↕ ⇒, − ≈ ≠ ≤ ≥, ■ □ ○ ●, ✓ ✗,
# the ligatures ﬁ ﬂ (pasted from other PDFs) and U+FFFD, the replacement for characters no face has.
unicodes="U+0020-007E,U+00A0-00FF,U+0100-017F,U+0218-021B,U+2000-206F,U+20AC,U+2116,U+2122,U+2190-2195,U+21D2"
unicodes+=",U+2212,U+2248,U+2260,U+2264,U+2265,U+25A0,U+25A1,U+25CB,U+25CF,U+2713,U+2717,U+FB01,U+FB02,U+FFFD"

for face in DejaVuSans DejaVuSans-Bold; do
  pyftsubset "$fonts/$face.ttf" --unicodes="$unicodes" --layout-features='' --name-IDs='*' \
    --output-file="$fonts/$face-Core.ttf"
  echo "$fonts/$face-Core.ttf: $(stat -c %s "$fonts/$face-Core.ttf") Bytes"
done
