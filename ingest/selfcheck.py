"""Checks that need no answer key: is what was read from a document plausible?

Real documents arrive without a key. Each is still an administrative document (Decree
30/2020), so some things must hold of what the extractor read:
- its header fields are found: issuer, symbol, date (and a place for a local body);
- they are plausible: the issuer is a kind of body (not a scrap of the motto), the place a
  known place or one the text names with its level word, the symbol's type code the genre's,
  the date a real date not in the future;
- a sentence that gives work (`chủ trì`, `phối hợp với`, `giao`, `chịu trách nhiệm`, `yêu
  cầu` — cues.yaml: `assignment_language`) lies inside a task that has a lead.
`check` answers these for one document; `summarise` turns many answers into rates. A
corpus of unlabeled documents is a second judge: rates held in the test suite catch a change
that breaks what no answer key covers. Run `python -m ingest.selfcheck FILES_OR_FOLDERS`.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from . import places
from .agencies import find_agencies
from .models import Document, Extraction
from .rules import CAPITALS, cues, doc_types, fold
from .structure import SILENT_ROLES
from .tables import is_motto
from .tasks import procedure_step_nodes


@dataclass
class DocumentCheck:
    source: str
    genre: str | None
    issuer: str | None
    issuer_plausible: bool
    place: str | None
    place_plausible: bool
    symbol: str | None
    symbol_valid: bool
    date: str | None
    date_valid: bool
    cue_sentences: int = 0  # sentences of the body that give work
    cue_covered: int = 0  # of those, inside a task that has a lead
    uncovered: list[str] = field(default_factory=list)  # the first few that are not

    @property
    def problems(self) -> list[str]:
        out = []
        if not self.issuer:
            out.append("no issuer")
        elif not self.issuer_plausible:
            out.append(f"implausible issuer {self.issuer!r}")
        if self.place and not self.place_plausible:
            out.append(f"implausible place {self.place!r}")
        if not self.symbol:
            out.append("no symbol")
        elif not self.symbol_valid:
            out.append(f"symbol {self.symbol!r} does not fit the genre {self.genre!r}")
        if not self.date:
            out.append("no date")
        elif not self.date_valid:
            out.append(f"invalid date {self.date!r}")
        return out


@cache
def _cue_regex() -> re.Pattern[str]:
    alts = "|".join(cues()["assignment_language"])
    return re.compile(rf"(?:{alts})", re.I)


def check(doc: Document, ex: Extraction, today: dt.date | None = None) -> DocumentCheck:
    d = ex.document
    text = " ".join(line.text for line in doc.lines)
    symbol = d.symbol or (doc.header.symbol if doc.header.symbol_code else None)
    result = DocumentCheck(
        ex.source,
        d.type,
        d.issuer,
        _plausible_issuer(d.issuer),
        d.place,
        _plausible_place(d.place, text),
        symbol,
        _valid_symbol(symbol, d.type),
        d.date,
        _valid_date(d.date, today or dt.date.today()),
    )
    # a task is resolved when it found who acts: a lead, supervisors, or the vague group the
    # text names ("Thủ trưởng các đơn vị liên quan chịu trách nhiệm thi hành")
    led = [set(t.lines) for t in ex.tasks if t.lead or t.supervise or t.others]
    for top in doc.sections + [n for att in doc.attachments for n in att.sections]:
        if top.role in SILENT_ROLES:
            continue
        steps = procedure_step_nodes(top)  # a procedure's steps give no work by design: not counted
        for node in top.walk():
            if node.kind in ("section", "chapter", "part", "subsection") or node.role in SILENT_ROLES or id(node) in steps:
                continue
            # a heading that gives work ("Giao Ủy ban nhân dân Thành phố:") is covered by its items
            spans = {n for d in node.walk() for n in d.lines}
            for sentence in _sentences(node.text):
                if not _cue_regex().search(sentence):
                    continue
                result.cue_sentences += 1
                if any(spans & lines for lines in led):
                    result.cue_covered += 1
                elif len(result.uncovered) < 5:
                    result.uncovered.append(sentence[:160])
    return result


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(rf"(?<=[.;])\s+(?=[{CAPITALS}])", text) if s.strip()]


def _plausible_issuer(issuer: str | None) -> bool:
    if not issuer or is_motto(issuer) or re.search(r"chủ nghĩa việt nam|độc lập\s*-", fold(issuer)):
        return False  # a scrap of the national motto: the header was misread
    found = find_agencies(issuer)
    if found and found[0].start == 0:
        return True
    # a unit of a body, a team or committee named in the block ("Đoàn kiểm tra …", "Tiểu ban …")
    units = tuple(fold(u) for u in cues()["issuer_units"])
    return fold(issuer).startswith(units)


def _plausible_place(place: str | None, text: str) -> bool:
    if not place:
        return True
    if place == "Việt Nam" or places.province(place) or places.communes(place):
        return True
    # a place of before the 2025 reform (a district) that the text names with its level word
    levels = "|".join(re.escape(w) for w in cues()["issuer_levels"])
    return bool(re.search(rf"(?i:{levels})\s+{re.escape(place)}(?![\wÀ-ỹ])", text))


def _valid_symbol(symbol: str | None, genre: str | None) -> bool:
    if not symbol:
        return False
    code = re.split(r"[-/]", re.sub(r"^\d+[a-zA-Z]?[/-]|^(?:19|20)\d{2}/", "", symbol).lstrip("/"))[0]
    code = re.sub(r"^(?:19|20)\d{2}/", "", code)
    dt_ = doc_types()
    parts = re.split(r"[-/]", symbol)
    if any(p in dt_.any_genre_codes for p in parts):
        return True  # a consolidated text ("57/VBHN-BCT") keeps the heading of what it consolidates
    wanted = next((t for t in dt_.types if t.name == genre), None)
    if wanted is None:
        return True  # a genre without a type code of its own (Danh mục …)
    if wanted.name == cues()["letter"]["genre"]:
        return dt_.by_code(code) is None or code == wanted.code  # a letter's symbol has no type code
    # "33/2022/NQ-HĐND", "10/2022/QH15" (a law), "120-KL/TW" (the Party's)
    return wanted.code in parts or (wanted.name == "Luật" and any(p.startswith("QH") for p in parts))


def _valid_date(date: str | None, today: dt.date) -> bool:
    if not date:
        return False
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", date)
    if not m:
        return False
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        when = dt.date(year, month, day)
    except ValueError:
        return False
    return 1945 <= year and when <= today


@dataclass
class Summary:
    read: int
    refused: int
    tracebacks: int
    rates: dict[str, float]
    cue_sentences: int
    cue_covered: int
    problems: dict[str, list[str]]

    @property
    def cue_coverage(self) -> float:
        return self.cue_covered / self.cue_sentences if self.cue_sentences else 1.0

    def lines(self) -> list[str]:
        r = self.rates
        return [
            f"read {self.read}, refused {self.refused}, tracebacks {self.tracebacks}",
            f"issuer {r['issuer']:.1%} (plausible {r['issuer_plausible']:.1%}), symbol {r['symbol']:.1%} (fits its genre {r['symbol_valid']:.1%}), "
            f"date {r['date']:.1%} (valid {r['date_valid']:.1%}), place plausible {r['place_plausible']:.1%}",
            f"sentences that give work: {self.cue_sentences}, inside a task with a lead: {self.cue_covered} ({self.cue_coverage:.1%})",
        ]


def summarise(checks: list[DocumentCheck], refused: int = 0, tracebacks: int = 0) -> Summary:
    n = max(len(checks), 1)
    rate = lambda f: sum(1 for c in checks if f(c)) / n
    rates = {
        "issuer": rate(lambda c: c.issuer),
        "issuer_plausible": rate(lambda c: c.issuer and c.issuer_plausible),
        "symbol": rate(lambda c: c.symbol),
        "symbol_valid": rate(lambda c: c.symbol and c.symbol_valid),
        "date": rate(lambda c: c.date),
        "date_valid": rate(lambda c: c.date and c.date_valid),
        "place_plausible": rate(lambda c: c.place_plausible),
    }
    problems = {c.source: c.problems for c in checks if c.problems}
    return Summary(len(checks), refused, tracebacks, rates, sum(c.cue_sentences for c in checks), sum(c.cue_covered for c in checks), problems)


def check_files(paths: list[Path], workers: int = 1) -> tuple[Summary, list[DocumentCheck]]:
    """Read every file and check it; a refusal is counted, a traceback is counted and named."""
    from concurrent.futures import ProcessPoolExecutor

    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            results = list(pool.map(_check_one, [str(p) for p in paths], chunksize=4))
    else:
        results = [_check_one(str(p)) for p in paths]
    checks = [r for r in results if isinstance(r, DocumentCheck)]
    refused = sum(1 for r in results if isinstance(r, str) and not r.startswith("traceback"))
    tracebacks = sum(1 for r in results if isinstance(r, str) and r.startswith("traceback"))
    summary = summarise(checks, refused, tracebacks)
    for r in results:
        if isinstance(r, str):
            summary.problems.setdefault(r.split(": ", 2)[1] if ": " in r else r, []).append(r)
    return summary, checks


def _check_one(path: str) -> DocumentCheck | str:
    from .errors import DcsKgError
    from .pipeline import extract_document

    try:
        doc, ex = extract_document(path)
    except DcsKgError as exc:
        return f"refused: {exc}"
    except Exception as exc:  # noqa: BLE001 — the check exists to count these
        return f"traceback: {path}: {exc.__class__.__name__}: {exc}"
    return check(doc, ex)


def main(argv: list[str]) -> int:
    from .pipeline import corpus_files

    files = [f for f in corpus_files([Path(a) for a in argv]) if f.suffix.lower() in (".md", ".txt", ".html", ".htm", ".docx", ".pdf", ".markdown", ".text")]
    summary, _ = check_files(files, workers=2)
    print("\n".join(summary.lines()))
    for source, problems in sorted(summary.problems.items()):
        print(f"  {source}: {'; '.join(problems)}")
    return 0 if not summary.refused and not summary.tracebacks else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
