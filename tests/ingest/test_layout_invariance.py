"""The layout of a document must never decide whether its facts are read.

Every real development plan (tests/data/real/*.md, as a legal portal exports it) is written
out in nine other layouts by `tests/layouts.py` — plain text with tab rows, an HTML page with a
portal's menus, DOCX with Word tables, a PDF read back through the project's own reader,
`pdftotext -layout` style text, Markdown with inline HTML, Markdown with pandoc's grid tables,
text with one cell per line as docx2txt writes it, Markdown as docling writes a PDF — and each must give the record the
portal's Markdown gives: metadata, references with their relation, role pairs. The table
layout × field is printed (pytest -s); the exceptions below say why they differ.
"""
from __future__ import annotations

import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from gold import CORPUS, REAL, REAL_OTHER

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import layouts

PLANS = sorted(p for p in REAL.glob("*.md") if p.name != "README.md")

# (document, layout, field) -> why the record differs. Each names a difference of the layouts'
# words, not a reading the extractor gets wrong in one of them.
EXCEPTIONS: dict[tuple[str, str, str], str] = {
    ("6bac4a0d92da936d.md", "pdf", "role_pairs"): "open: the PDF's wrap falls after a verb and before a common noun written with a "
    "capital ('… Đồng thời, hướng dẫn' / 'Nhà đầu tư thực hiện …'); no sign marks the line as cut, so the item's last paragraph opens "
    "with 'Nhà đầu tư' as its subject (a lead the Markdown does not give)",
}


def _records(path: str) -> tuple[str, dict[str, object], dict[str, dict[str, object] | str]]:
    """The portal record of one plan and the record of each other layout (or why it was refused)."""
    from ingest.errors import DcsKgError
    from ingest.pipeline import extract

    source = Path(path)
    base = layouts.record(extract(source).to_json())
    out: dict[str, dict[str, object] | str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for layout in layouts.LAYOUTS:
            if layout == "pdf" and not layouts.pdf_available():
                continue
            folder = Path(tmp) / layout
            folder.mkdir()
            try:
                out[layout] = layouts.record(extract(layouts.write(layout, source, folder)).to_json())
            except DcsKgError as exc:
                out[layout] = f"refused: {exc}"
    return source.name, base, out


@pytest.fixture(scope="module")
def records():
    with ProcessPoolExecutor(2) as pool:
        return list(pool.map(_records, [str(p) for p in PLANS]))


def test_there_are_the_22_development_plans():
    assert len(PLANS) == 22


def test_the_pdf_layout_can_be_written():
    # the PDF round trip needs the DejaVu font (Debian's fonts-dejavu-core, which .ci/run installs)
    assert layouts.pdf_available(), "install fonts-dejavu-core: the PDF layout cannot be written without it"


def test_every_layout_gives_the_record_the_portal_text_gives(records):
    _hold_the_records(records)


def _hold_the_records(records) -> None:
    """Print the table layout × field and fail on any difference not listed with its reason."""
    table = {layout: {field: 0 for field in layouts.FIELDS} for layout in layouts.LAYOUTS}
    differences = []
    for name, base, others in records:
        for layout, got in others.items():
            if isinstance(got, str):
                differences.append((name, layout, "refused", got))
                continue
            for field in layouts.FIELDS:
                if got[field] == base[field]:
                    table[layout][field] += 1
                elif (name, layout, field) not in EXCEPTIONS:
                    a, b = base[field], got[field]
                    shown = (sorted(a - b), sorted(b - a)) if isinstance(a, frozenset) else (a, b)
                    differences.append((name, layout, field, shown))
    print(f"\n{'layout':16}" + "".join(f"{f:>14}" for f in layouts.FIELDS))
    for layout, counts in table.items():
        print(f"{layout:16}" + "".join(f"{counts[f]:>11}/{len(records):<2}" for f in layouts.FIELDS))
    for key, why in EXCEPTIONS.items():
        print(f"exception {key}: {why}")
    assert not differences, differences[:5]



# Keyed documents of the unkeyed corpus (tests/data/corpus_keys): decisions that promulgate a plan
# or a regulation, a ministry's decision and circular, a city's decision on a centre's duties,
# Prime Minister's dispatches and Government notices …
_CORPUS_LAYOUTS = ["6a406c1f9dfed9c3", "001c610b2efdcf0c", "db769f685bf6bb23", "1a434d0a7e14dc93", "448306af3d3a91f7", "1813348fc14ac2b7",
                   "bcb420579d35d2e9", "a328fbb46798c2b5", "98be6e047028fade", "24701a1c97c8c368", "50f694478a35aefd",
                   # … and pages the portal saved as one layout table (menus, metadata, the document's
                   # header, body and signature each a cell), which `tests/layouts.py` writes out as
                   # the document they hold: dispatches of the Prime Minister and a ministry, a
                   # customs ruling, Government notices, a decree, the Assembly Standing Committee's
                   # and three People's Councils' resolutions, decisions handing powers down
                   "15e6fb3d3f3b2644", "344b9eec106a648a", "a8e9e9675ab618ee", "39a27d44cc6e362b", "ad0066b8d39e5c85", "b2fa001677379e64",
                   "21c5e5f284e66d03", "284dd97bc14e3aeb", "0abcf1a5292b31ec", "d5f01e57dbf5a890", "06c6f91f5c3b4c21", "3e09f285f64c35a5",
                   # a Prime Minister's plan and founding decision, a national steering committee's
                   # rules, a service centre's procedure printed as an appendix, two notices
                   "86367f2ddb2225cd", "322358d6040a153b", "cdf2fbc53d083c98", "7006a7aeb5bba582", "299dbc033cf2dcb6", "296e373d796986f4",
                   # a province's coordination regulation (entries with lettered duties), three
                   # provinces' decisions (opening hours, a system's rules, electrical safety)
                   "1a3950726cd8511f", "33afd0d9738224e1", "ce4ad96dbd9a518d", "3bc52886147b6a70",
                   # decisions handing powers down, a decree, two circulars, council and Government
                   # resolutions, a notice whose topics hold semicolons, a project with a task table
                   "b1ce4a2380c2c8e3", "fa3395538c5c7356", "c15a1748f51c3fd0", "5eaeb632f6582871", "04e0c7e10cd38cdd",
                   "518fe8ba9a6bd9dc", "abca9704d4c889cd", "c2b60521aafae842", "e09bc3b35c473bea", "ec00bd6f58be7864",
                   # procedures decisions, a coordination regulation, a price circular, a centre's duties
                   "2e037ff2daea1c76", "741f24db1e774799", "50693ea4bb4bda20", "875cbe611015707a", "7599f6525eb44d2e",
                   # a typhoon dispatch, a notice, petrol hours, a simplification plan, a delegation
                   "cfef94bb5eaf59df", "05729ab54fc07c39", "1fa949f85858c62f", "8c306b6991495e34", "0a5a51958af8e293",
                   # a notice whose points are numbered in brackets, each a body's duty
                   "75a0867a09525909",
                   # session 58's blind batch: a delegation, a simplification plan, a customs ruling,
                   # a council's resolution, a fee circular with its English translation after it
                   "5c600e2251eec56f", "5ed85a656c095d25", "fc5c0bce58bee8ce", "592501a25aaf5012", "39db3d8c3cc4571d",
                   # session 59's: two decisions, a council's resolution, a customs ruling, a decree
                   "44bc41ecfb3f3b21", "1726b1b0ca691ac5", "f1e9ca38ca659c82", "e7eff1a535c155c1", "1180a89cc49ca3fe"]


# … and the shared resolutions, decisions and directives (tests/data/real/other), three of them
# such pages (98b67fb1…, b1bac569…, c53841af…).
_OTHER_LAYOUTS = ["f1e0981425ec38be", "3066a06b520a2418", "676c9815964a33af", "4e39af96b6891368", "4f30202155d56bdd", "6bac4a0d92da936d",
                  "98b67fb117d01944", "b1bac569be973504", "c53841af6c236aed"]


@pytest.fixture(scope="module")
def corpus_records():
    paths = [CORPUS / f"{name}.md" for name in _CORPUS_LAYOUTS] + [REAL_OTHER / f"{name}.md" for name in _OTHER_LAYOUTS]
    with ProcessPoolExecutor(2) as pool:
        return list(pool.map(_records, [str(p) for p in paths]))


def test_documents_of_other_genres_read_the_same_in_every_layout(corpus_records):
    """The PDF of a plan whose number stands under `Số:` lost its number; national texts whose
    rules stand beside the number gave the place "--------------- Hà Nội"; a seven-column
    appendix in PDF text lost every support; "66.2/2025/NQ-CP" was "2/2025/NQ-CP"; a decision
    whose recipients and signature stand side by side in the PDF lost the plan it issues (57
    tasks to 2)."""
    _hold_the_records(corpus_records)
