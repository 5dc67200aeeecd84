"""Text whose OCR or PDF layer put letters of other scripts inside Vietnamese words ("củа" with a
Cyrillic а, "NĐ-СР") reads as the same text written in Latin letters."""
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import pytest
from gold import CORPUS, REAL

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import layouts

# Cyrillic letters an OCR engine or a broken PDF font gives for Latin ones
LOOK_ALIKES = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "x": "\u0445", "y": "\u0443",
               "A": "\u0410", "B": "\u0412", "C": "\u0421", "E": "\u0415", "H": "\u041d", "K": "\u041a", "M": "\u041c", "O": "\u041e", "P": "\u0420", "T": "\u0422"}


def _with_look_alikes(text: str) -> str:
    """About one word in twenty written with look-alike letters (chosen by the word's hash: the
    same text is changed the same way every run)."""
    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        if hashlib.md5(f"{m.start()}{word}".encode()).digest()[0] >= 13:
            return word
        return "".join(LOOK_ALIKES.get(ch, ch) for ch in word)
    return re.sub(r"[^\W\d_]+", swap, text)


# three of the development plans and two corpus documents (a decision, a Government decree)
DOCUMENTS = [REAL / "0a97eb9c3c536047.md", REAL / "62f25a030c183151.md", REAL / "d40513a8b25883ec.md",
             CORPUS / "1726b1b0ca691ac5.md", CORPUS / "1180a89cc49ca3fe.md"]


@pytest.mark.parametrize("source", DOCUMENTS, ids=[p.stem[:8] for p in DOCUMENTS])
def test_look_alike_letters_read_as_the_latin_ones(source, tmp_path):
    from ingest.pipeline import extract

    text = source.read_text(encoding="utf-8")
    changed = _with_look_alikes(text)
    assert sum(ch in LOOK_ALIKES.values() for ch in changed) > 30  # the text really holds them
    copy = tmp_path / source.name
    copy.write_text(changed, encoding="utf-8")
    assert layouts.record(extract(copy).to_json()) == layouts.record(extract(source).to_json())


def test_a_plan_written_with_the_eth_for_d_reads_as_written(tmp_path):
    """Every Đ and đ written as the Icelandic eth (Ð, ð), as old font converters leave them: the
    plan's appendix table, its columns named "ÐƠN VỊ CHỦ TRÌ", still gives its 232 tasks."""
    from ingest.pipeline import extract

    source = REAL / "f004d93b21e7fc5f.md"
    copy = tmp_path / source.name
    copy.write_text(source.read_text(encoding="utf-8").replace("Đ", "\u00d0").replace("đ", "\u00f0"), encoding="utf-8")
    written, eth = extract(source).to_json(), extract(copy).to_json()
    assert len(eth["tasks"]) == len(written["tasks"]) > 200
    assert layouts.record(eth) == layouts.record(written)
