"""A plan typed in the legacy TCVN3 (ABC) fonts (.VnTime, .VnTimeH) and saved or printed as if its
text were Latin-1 reads as the plan written in Unicode, from a text file, a Word file or a PDF."""
from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest
from gold import REAL

from ingest.rules import legacy_fonts

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import layouts


def _as_tcvn3(text: str) -> str:
    """The text as a TCVN3 font stores it: each Vietnamese letter in its font slot; a capital the
    normal font has no slot for in the slot the capitals font draws it from (the lower-case one)."""
    slot = {letter: code for code, letter in legacy_fonts()["tcvn3"].items()}
    return "".join(ch if ch.isascii() else slot.get(ch, slot.get(ch.lower(), ch)) for ch in unicodedata.normalize("NFC", text))


PLAN = REAL / "0a97eb9c3c536047.md"


@pytest.mark.parametrize("layout", ["md", "docx", "pdf"])
def test_a_plan_typed_in_a_tcvn3_font_reads_as_the_plan(layout, tmp_path, monkeypatch):
    from ingest.blocks import map_text
    from ingest.pipeline import extract
    from ingest.readers import read

    if layout == "md":
        typed = tmp_path / PLAN.name
        typed.write_text(_as_tcvn3(PLAN.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        # the Word file or PDF written from the plan's model, its every text in the font's slots
        model = layouts.model
        monkeypatch.setattr(layouts, "model", lambda path: [map_text(b, _as_tcvn3) for b in model(path)])
        typed = layouts.write(layout, PLAN, tmp_path)
    assert "TCVN3" in read(typed).encoding  # the file's text was in the font's slots
    got, written = layouts.record(extract(typed).to_json()), layouts.record(extract(PLAN).to_json())
    if layout == "pdf":
        # the PDF writer drops the soft hyphen, the slot TCVN3 keeps "ư" in ("nhà n­íc"): only
        # the header, read after the text layer is in its letters and its columns parted, is whole
        assert got["metadata"] == written["metadata"]
    else:
        assert got == written
    assert any("TCVN3" in w for w in extract(typed).to_json()["warnings"])


def test_vni_text_is_still_refused_with_its_name(tmp_path):
    from ingest.errors import EncodingError
    from ingest.readers import read

    path = tmp_path / "vni.txt"
    path.write_text("Keá hoaïch thöïc hieän daân chuû ôû cô sôû. UÛy ban nhaân daân tænh ban haønh.\n" * 20, encoding="utf-8")
    with pytest.raises(EncodingError, match="VNI"):
        read(path)
