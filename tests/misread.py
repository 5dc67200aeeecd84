"""Copies of plans with marks misread as a scan misreads them, to measure extraction on OCR text.

    python tests/misread.py SRC_DIR OUT_DIR RATE [SEED]

In RATE of the words that carry a mark, one marked letter is read with another tone, or
without its hat, breve or horn ("tháng" -> "thảng", "Nội" -> "Nôi", "ngũ" -> "ngu"), the way
Vietnamese OCR goes wrong; letters, spaces and lines are kept, so an answer key still applies.
Seeded, so a figure can be measured again.
"""
from __future__ import annotations

import random
import sys
import unicodedata
from pathlib import Path

TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
SHAPES = "\u0302\u0306\u031b"  # the hat (â ê ô), the breve (ă) and the horn (ơ ư)


def misreadings(letter: str) -> list[str]:
    """The letters a scan may read for `letter`: the same vowel with another tone, or without its shape mark."""
    decomposed = unicodedata.normalize("NFD", letter)
    base, marks = decomposed[0], decomposed[1:]
    shape = "".join(m for m in marks if m in SHAPES)
    tone = "".join(m for m in marks if m not in SHAPES)
    out = {unicodedata.normalize("NFC", base + shape + t) for t in TONES}
    out.add(unicodedata.normalize("NFC", base + tone))
    out.discard(letter)
    return sorted(out)


def misread(text: str, rate: float, rng: random.Random) -> str:
    words = text.split(" ")
    for i, word in enumerate(words):
        marked = [k for k, c in enumerate(word) if c not in "đĐ" and unicodedata.normalize("NFD", c) != c]
        if marked and rng.random() < rate:
            k = rng.choice(marked)
            options = misreadings(word[k])
            if options:
                words[i] = word[:k] + rng.choice(options) + word[k + 1 :]
    return " ".join(words)


def main(argv: list[str]) -> int:
    if len(argv) not in (3, 4):
        print(__doc__)
        return 2
    src, out, rate = Path(argv[0]), Path(argv[1]), float(argv[2])
    rng = random.Random(int(argv[3]) if len(argv) == 4 else 1)
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(src.glob("*.md")):
        if path.name != "README.md":
            (out / path.name).write_text(misread(path.read_text(encoding="utf-8"), rate, rng), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
