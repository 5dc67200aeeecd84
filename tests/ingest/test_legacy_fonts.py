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


def _as_vni(text: str) -> str:
    """The text as a VNI font stores it: each letter its base, then the byte of its marks."""
    rules = legacy_fonts()["vni"]
    byte = {unicodedata.normalize("NFD", "a" + marks)[1:]: code for code, marks in rules["marks"].items()}  # marks in canonical order
    own = {letter: code for code, letter in {**rules["bases"], **rules["letters"]}.items()}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in own:
            out.append(own[ch])
            continue
        base, *marks = unicodedata.normalize("NFD", ch)
        horn = "\u031b" in marks  # ơ, ư: the base with its horn has a slot of its own
        marks = [m for m in marks if m != "\u031b"]
        if horn:
            base = own[unicodedata.normalize("NFC", base + "\u031b")]
        if base.lower() == "i" and marks:
            out.append(own[unicodedata.normalize("NFC", base + "".join(marks))])
            continue
        code = byte.get("".join(marks), "")
        out.append(base + (code.upper() if base.isupper() else code))
    return "".join(out)


def test_a_plan_typed_in_a_vni_font_reads_as_the_plan(tmp_path):
    from ingest.pipeline import extract

    typed = tmp_path / PLAN.name
    typed.write_text(_as_vni(PLAN.read_text(encoding="utf-8")), encoding="utf-8")
    assert "Keá hoaïch" in typed.read_text(encoding="utf-8")
    got = extract(typed).to_json()
    assert layouts.record(got) == layouts.record(extract(PLAN).to_json())
    warning = next(w for w in got["warnings"] if "VNI" in w)
    from dcskg.i18n import sentences
    from queries.present import say

    assert say(warning, sentences("vi")) == "văn bản gõ bằng phông VNI cũ: đã đọc theo chữ tiếng Việt mà phông thể hiện"
