"""A scan's slips in marks: repaired in a scan's text, never in a typed one (ingest/marks.py).

The scans are the 22 real plans of `tests/data/real/` with one mark misread in 5 % of the words
that carry one, as `tests/misread.py` writes them; the table of word pairs is counted from the
unkeyed corpus only, so these plans' own words are not in it. Figures printed with -s."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from gold import CORPUS, DATA, PLANS, REAL, REAL_OTHER, score_with_shared_scorer
from misread import misread

from ingest import marks, rules
from ingest.errors import RulesError
from ingest.pipeline import extract

REAL_PLANS = sorted(p for p in REAL.glob("*.md") if p.name != "README.md")


@pytest.mark.parametrize(
    "slipped,repaired",
    [
        # the words that end a body's name or start its duty, as the 22 plans' scans misread them
        ("các ngân hàng thương mại trên địa ban tỉnh", "các ngân hàng thương mại trên địa bàn tỉnh"),
        ("Các cơ sở giáo dục mầm non triên khai nội dung", "Các cơ sở giáo dục mầm non triển khai nội dung"),
        ("Sơ Tư pháp chủ trì, phối hợp", "Sở Tư pháp chủ trì, phối hợp"),
        ("Ban Quản ly Khu kinh tế tỉnh", "Ban Quản lý Khu kinh tế tỉnh"),
        ("Văn phòng Đoàn đại biêu Quốc hội và Hội đồng nhân dân tỉnh", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"),
        ("tổ chức thưc hiện Kế hoạch", "tổ chức thực hiện Kế hoạch"),
        # the plan of probes/huyen_88_kh_ocr.txt: its genre heading, a subject, a town
        ("KÉ HOẠCH", "KẾ HOẠCH"),
        ("của UBND tỉnh Nghệ An vê thực hiện dân chủ", "của UBND tỉnh Nghệ An về thực hiện dân chủ"),
        ("tại các xã, thị trân; thời gian", "tại các xã, thị trấn; thời gian"),
        # a common word the neighbours on both sides call another ("tài" follows "vụ" more often)
        ("hướng dẫn của Bộ Nội vụ tai Công văn số 8935", "hướng dẫn của Bộ Nội vụ tại Công văn số 8935"),
        # left as written: a symbol's parts, a roman numeral in a name, words the neighbours agree with
        ("Chương trình số 14-KH/TU ngày", "Chương trình số 14-KH/TU ngày"),
        ("Chi cục Hải quan khu vực V", "Chi cục Hải quan khu vực V"),
        ("Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp", "Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp"),
    ],
)
def test_a_scans_line_is_repaired_to_the_words_its_neighbours_are_written_with(slipped, repaired):
    # a document of these lines reads as a scan's (its rare words repairable), so each is repaired
    repair = marks.repairer(["trên địa ban", "thưc hiện", "Quản ly", "đại biêu", "triên khai"])
    assert repair is not None
    assert repair(slipped) == repaired
    assert len(repair(slipped)) == len(slipped)


@pytest.mark.parametrize(
    "read,written",
    [
        ("ngày O3 tháng 1O năm 2O25", "ngày 03 tháng 10 năm 2025"),
        ("Số: l2O/KH-UBND", "Số: 120/KH-UBND"),
        # no figure in them: a word, a roman label, a code
        ("COVID-19 và Quý III/2025", "COVID-19 và Quý III/2025"),
        ("Điều l. Phạm vi", "Điều l. Phạm vi"),
        ("lO l Ol", "lO l Ol"),
    ],
)
def test_a_numbers_letters_are_figures_in_any_document(read, written):
    assert marks.figures(read) == written


def _typed_documents() -> list[Path]:
    seeds = sorted(PLANS.glob("*.txt"))
    other = sorted(p for p in REAL_OTHER.glob("*.md") if p.name != "README.md")
    probes = sorted(p for p in (DATA / "probes").iterdir() if p.suffix in {".txt", ".md", ".html"} and "ocr" not in p.name and p.name != "README.md")
    return seeds + REAL_PLANS + other + probes


def test_no_typed_document_reads_as_a_scan():
    """The seeds, the 22 plans, the other real genres and the probes that are not scans: their
    few words the corpus never wrote are typos and names ("nươc", "kiềm", "Viet"), fewer than one
    in two hundred, so no word of theirs is changed (their output stays what it was)."""
    typed = _typed_documents()
    scans = [p.name for p in typed if marks.reads_as_scan(p.read_text(encoding="utf-8", errors="replace").splitlines())]
    print(f"\n{len(typed)} typed documents, {len(scans)} read as scans")
    assert len(typed) > 150 and scans == []


@pytest.fixture(scope="module")
def scanned_plans(tmp_path_factory) -> list[tuple[Path, Path]]:
    """(the plan, the same with a scan's misread marks), for the 22 plans."""
    out = tmp_path_factory.mktemp("scans")
    rng = random.Random(1)
    pairs = []
    for plan in REAL_PLANS:
        scan = out / plan.name
        scan.write_text(misread(plan.read_text(encoding="utf-8"), 0.05, rng), encoding="utf-8")
        pairs.append((plan, scan))
    return pairs


def test_a_scans_slips_are_mostly_repaired_and_its_other_words_kept(scanned_plans):
    """Word by word against the typed text: today 84 % of the slips repaired (3,576 of 4,261)
    and 94 of the 110,940 words the scan read right changed (0.08 %: "cơ số" to "cơ sở", which
    the corpus writes far more often; a name's rare word to a common one)."""
    restored = slips = broken = words = 0
    for typed, scan in scanned_plans:
        assert marks.reads_as_scan(scan.read_text(encoding="utf-8").splitlines()), scan.name
        repair = marks.repairer(scan.read_text(encoding="utf-8").splitlines())
        right = typed.read_text(encoding="utf-8").split()
        read = scan.read_text(encoding="utf-8").split()
        fixed = "\n".join(repair(line) for line in scan.read_text(encoding="utf-8").split("\n")).split()
        assert len(right) == len(read) == len(fixed)
        for r, s, f in zip(right, read, fixed):
            slips += r != s
            restored += r != s and f == r
            broken += r == s and f != r
            words += r == s
    print(f"\nslips {slips}, repaired {restored} ({restored / slips:.1%}); words read right {words}, changed {broken} ({broken / words:.2%})")
    assert restored / slips >= 0.78
    assert broken / words <= 0.0012


def _score(extracted: list[dict], tmp: Path, *floors: str) -> tuple[int, str]:
    return score_with_shared_scorer(REAL / "gold.jsonl", extracted, tmp, "--symbols-only", *floors)


def _role_f1(report: str) -> float:
    """The role pairs' F1 of the scorer's last line ("… roles P=0.866 R=0.890 F1=0.878; …")."""
    return float(report.splitlines()[-1].split("roles ")[1].split("F1=")[1].split(";")[0])


def test_the_22_plans_read_from_a_scan_score_near_their_typed_text(scanned_plans, tmp_path):
    """Role pairs F1 from the scans 0.878 (0.858 without the repair; 0.887 from the typed
    text), references 0.992 (0.984), implements 12/12 (11/12), metadata 88/88 (88/88)."""
    repaired = [extract(scan).to_json() for _, scan in scanned_plans]
    code, report = _score(repaired, tmp_path, "--min-ref-f1", "0.98", "--min-impl", "0.95", "--min-role-f1", "0.87", "--min-meta", "0.98", "--max-rejected", "0")
    print("\nrepaired: " + report.splitlines()[-1])
    as_read = [extract(scan, skip_steps=("repair_marks",)).to_json() for _, scan in scanned_plans]
    _, report_as_read = _score(as_read, tmp_path)
    print("as read:  " + report_as_read.splitlines()[-1])
    assert code == 0, report.splitlines()[-1]
    assert _role_f1(report) >= _role_f1(report_as_read) + 0.015


def test_the_table_is_what_the_corpus_writes():
    """data/rules/word_pairs.tsv is counted from the unkeyed corpus (tests/data/corpus), nothing
    else: `python -m ingest.marks build tests/data/corpus/*.md` writes it again unchanged."""
    texts = (p.read_text(encoding="utf-8", errors="replace") for p in sorted(CORPUS.glob("*.md")))
    assert marks.count_table(texts) == (rules.RULES_DIR / "word_pairs.tsv").read_text(encoding="utf-8")


def test_the_table_counts_words_and_neighbours_as_written():
    table = marks.count_table(["Sở Nội vụ chủ trì; Sở Nội vụ.", "KH/TU ngày"])
    lines = table.splitlines()
    assert "sở nội\t2" in lines and "vụ chủ\t1" in lines and "nội\t2" in lines
    assert not any(line.startswith("trì sở") for line in lines)  # a semicolon parts them
    assert "ngày\t1" in lines and not any("tu" in line.split("\t")[0].split() for line in lines)  # a symbol's part


def test_a_broken_table_is_named_with_its_line(tmp_path, monkeypatch):
    (tmp_path / "word_pairs.tsv").write_text("sở nội\t2\nchủ trì phối\t3\n", encoding="utf-8")
    monkeypatch.setattr(rules, "RULES_DIR", tmp_path)
    rules.word_pairs.cache_clear()
    try:
        with pytest.raises(RulesError, match=r"line 2: expected") as err:
            rules.word_pairs()
        assert "word_pairs.tsv" in str(err.value)
    finally:
        rules.word_pairs.cache_clear()


def test_a_scan_in_any_reader_is_repaired(tmp_path):
    """The repair is made before the layout is read, so a scan's text as Markdown is repaired as
    in plain text."""
    scan = tmp_path / "scan.md"
    scan.write_text((DATA / "probes" / "huyen_88_kh_ocr.txt").read_text(encoding="utf-8"), encoding="utf-8")
    doc = extract(scan).to_json()
    assert doc["document"]["type"] == "Kế hoạch"
    assert any("thị trấn" in t["text"] for t in doc["tasks"]), [t["text"] for t in doc["tasks"]]
    assert json.dumps(doc, ensure_ascii=False).count("thị trân") == 0
