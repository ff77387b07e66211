#!/usr/bin/env python3
"""Inter, cut down to what the site prints: `make install` and the Docker build run this.

Writes build/fonts/inter/ (git-ignored), which STATICFILES_DIRS serves as static fonts/inter/:
- InterVariable-subset.woff2: upright, weights 400 to 600 in one file. The site uses 400, 500 and
  600 on every page, and one variable file of those weights is about half of three static ones.
  The optical size is fixed at 14, Inter's text design, which the static fonts use too.
- Inter-Italic-subset.woff2: italic 400 only, for <cite> and the editors' italics.
Sources are the full builds in node_modules/inter-ui (package-lock.json pins the version).
"""

import shutil
import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "node_modules" / "inter-ui"
OUT = ROOT / "build" / "fonts" / "inter"

# Norwegian (Bokmål, Nynorsk) and Sami text, names from the rest of Western Europe, and the
# typography we print. A character outside the set falls back to another font mid-word, so the
# whole of Latin-1 is in (cheap) and tests/test_page_weight.py checks every page's text.
UNICODES = [
    *range(0x20, 0x7F),  # Basic Latin
    *range(0xA0, 0x100),  # Latin-1: æøå, é è ü ö ä, « », ·, ×, no-break and soft hyphen
    *map(ord, "ČčĐđŊŋŠšŦŧŽžŒœ"),  # Sami letters beyond Latin-1 (and œ)
    *range(0x2010, 0x2016),  # hyphens and dashes: ‐ ‑ ‒ – — ―
    *map(ord, "‘’‚“”„•…‰′″‹›⁄€™−"),  # quotes, bullet, ellipsis, per mille, primes, euro, minus
    *range(0x2190, 0x2194),  # arrows ← ↑ → ↓
    0x2009,  # thin space
    0x202F,  # narrow no-break space
]
# What browsers apply by default and Inter uses (kerning, contextual alternates such as
# punctuation centred between capitals), plus cv05, the tailed l that site.css turns on.
# Small caps, fractions, stylistic sets and the rest are left out: nothing here asks for them.
LAYOUT_FEATURES = ["kern", "calt", "cv05"]
# Copyright, names, the licence text and its address: the OFL asks that copies carry them.
NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 13, 14]

FONTS = {
    "InterVariable-subset.woff2": (
        "variable/InterVariable.woff2",
        {"opsz": 14, "wght": (400, 600)},
    ),
    "Inter-Italic-subset.woff2": ("web/Inter-Italic.woff2", None),
}


def build(source, axes):
    # No timestamp: the same input gives the same bytes, so the hashed static name changes only
    # when the font does and browsers keep their cached copy across deploys.
    font = TTFont(source, recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = LAYOUT_FEATURES
    options.name_IDs = NAME_IDS
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=UNICODES)
    subsetter.subset(font)
    if axes:
        # After subsetting: fewer glyphs to interpolate, and the instancer keeps HVAR consistent.
        font = instancer.instantiateVariableFont(font, axes)
    font.flavor = "woff2"
    return font


def main():
    missing = [name for name, (source, _) in FONTS.items() if not (SOURCE / source).is_file()]
    if missing:
        sys.exit(f"build_fonts: {SOURCE} lacks the Inter sources; run `npm ci` (make install)")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # Build beside the output and swap it in whole: a failed run leaves the last good fonts, and
    # a renamed font leaves no stale file behind.
    with tempfile.TemporaryDirectory(dir=OUT.parent) as tmp:
        staging = Path(tmp) / "inter"
        staging.mkdir()
        for name, (source, axes) in FONTS.items():
            build(SOURCE / source, axes).save(staging / name)
            print(f"{name}: {(staging / name).stat().st_size} bytes")
        if OUT.exists():
            shutil.rmtree(OUT)
        staging.rename(OUT)


if __name__ == "__main__":
    main()
