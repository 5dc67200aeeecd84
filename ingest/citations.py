"""Legal references: every document a plan implements, is based on, or cites.

The symbol grammar is assembled from named pieces and the type codes in
data/rules/doc_types.yaml; laws cited by name come from the legal registry. Each mention
is read with its type word, date, issuer and subject; the relation comes from the role of
the sentence (title and "Thực hiện ..." opening: implements; "Căn cứ ...": based on;
anything else: cites). Mentions of one document merge into one reference.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .agencies import find_agencies
from .jurisdiction import Jurisdiction, full_name_of
from .models import Document, LegalRef, Line, Mention
from .rules import cues, doc_types, fold, registry

_STRENGTH = {"implements": 3, "based_on": 2, "cites": 1}


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    dt = doc_types()
    codes = sorted((t.code for t in dt.types if t.code != "Luật"), key=len, reverse=True)
    type_code = "(?:" + "|".join(re.escape(c) for c in codes) + ")"
    # issuer code: "HĐND", "UBND", "VPUBND", "TTg", "BNV", "UBND-NC" (department suffix)
    issuer_code = r"[A-ZĐ][A-Za-zĐđ]*\d*(?:-[A-ZĐ][A-Za-zĐđ]*\d*)*"
    number = r"(?P<num>\d{1,5}[a-z]?)"
    year = r"(?P<year>(?:19|20)\d{2})"
    pieces = {
        # 47/2025/NQ-HĐND, 20/NQ-HĐND, 33/CT-TTg, 94/QĐ-VPUBND
        "state": rf"{number}(?:/{year})?/(?P<code>{type_code})-(?P<issuer>{issuer_code})",
        # 10/2022/QH15 — a law's symbol carries the legislature and its term
        "law": rf"{number}/{year}/(?P<issuer>QH\d{{1,2}})",
        # 120-KL/TW, 11-QĐi/TW, 217-QĐ/TW; a PDF break may leave "120- KL/TW"
        "party": rf"{number}-\s?(?P<code>{type_code})/(?P<issuer>[A-ZĐ][A-Za-zĐđ]*)",
    }
    type_words = "|".join(re.escape(n) for n in dt.all_names)
    return {
        **{f"symbol_{k}": re.compile(rf"(?<![\w/])(?:{v})(?![\w/])") for k, v in pieces.items()},
        "type_before": re.compile(rf"(?P<tw>{type_words})\s*(?:số\s*)?[:]?\s*$", re.I),
        "date_after": re.compile(
            r"^\s*,?\s*(?:ban hành\s+)?ngày\s+(?:(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})"
            r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))",
            re.I,
        ),
        "of_issuer": re.compile(r"^\s*,?\s*của\s+", re.I),
        "term": re.compile(r"^\s*\((?:khóa|khoá)\s+[IVXLC]+\)", re.I),
        "type_words": re.compile(rf"(?:{type_words})", re.I),
    }


@cache
def _law_name_regex() -> re.Pattern[str] | None:
    names = [n for d in registry().documents.values() for n in d.names]
    if not names:
        return None
    alts = "|".join(r"\s+".join(re.escape(w) for w in n.split()) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?P<name>{alts})(?:\s*\(?\s*năm\s+(?P<year>\d{{4}})\s*\)?)?", re.I)


@dataclass
class _Hit:
    start: int
    end: int
    symbol: str | None
    doc_id_hint: str | None
    code: str | None
    issuer_code: str | None
    year: str | None
    type_word: str | None
    date: str | None = None
    issuer_text: str | None = None
    issuer_level: str | None = None
    issuer_place: str | None = None
    subject: str | None = None
    subject_end: int = 0
    nested: bool = False
    line: Line | None = None
    context: str = "body"  # title | preamble | body | footnote
    relation: str = "cites"
    quote: str = ""
    extra: dict = field(default_factory=dict)


def extract_refs(doc: Document, where: Jurisdiction) -> tuple[list[LegalRef], list[str]]:
    """All legal references of a plan, merged by document, and warnings about them."""
    hits: list[_Hit] = []
    title_src = (doc.header.title_line,) if doc.header.title_line else None
    preamble_srcs = {line.src for line in doc.preamble}
    started = False
    for line in doc.lines:
        if title_src and line.src[:1] == title_src:
            hits += _scan(line, "title")
            started = True
        elif line.src in preamble_srcs:
            hits += _scan(line, "preamble")
            started = True
        elif started or not (title_src or preamble_srcs):
            hits += _scan(line, "body")
    for note in doc.footnotes.values():
        hits += _scan(note, "footnote")
    _share_tails(hits)
    return _merge(hits, where)


def _scan(line: Line, context: str) -> list[_Hit]:
    p = _patterns()
    text = line.text
    hits: list[_Hit] = []
    matches = []
    for piece in ("state", "law", "party"):
        for m in p[f"symbol_{piece}"].finditer(text):
            if not any(a <= m.start() < b for a, b, _ in matches):
                matches.append((m.start(), m.end(), m))
    for _, _, m in sorted(matches, key=lambda t: t[0]):
        g = m.groupdict()
        symbol = re.sub(r"\s+", "", m.group(0))
        before = p["type_before"].search(text[: m.start()])
        type_word = before.group("tw") if before else None
        start = before.start() if before else m.start()
        hit = _Hit(start, m.end(), symbol, None, g.get("code"), g.get("issuer"), g.get("year"), type_word, line=line, context=context)
        if hit.issuer_code and hit.issuer_code.startswith("QH") and not hit.code:
            hit.code = "Luật"
        _read_tail(hit, text)
        hits.append(hit)
    law_re = _law_name_regex()
    if law_re:
        for m in law_re.finditer(text):
            if any(h.start <= m.start() < h.end for h in hits):
                continue
            reg = registry().by_name(m.group("name"))
            if reg is None:
                continue
            hit = _Hit(m.start(), m.end(), None, reg.id, "Luật", "QH", m.group("year"), "Luật", line=line, context=context)
            hit.subject_end = m.end()
            hits.append(hit)
    hits.sort(key=lambda h: h.start)
    for h in hits:
        h.quote = _sentence(text, h.start, h.end)
    # A mention inside another document's subject is nested ("NĐ 59 ... của Luật ...").
    for outer in hits:
        for inner in hits:
            if inner is not outer and outer.end <= inner.start < outer.subject_end:
                inner.nested = True
    _relations(hits, text, context)
    return hits


def _read_tail(hit: _Hit, text: str) -> None:
    """Date, issuer and subject that follow a symbol."""
    p = _patterns()
    pos = hit.end
    term = p["term"].match(text[pos:])
    dm = p["date_after"].match(text[pos:])
    if dm:
        d = dm.group("d") or dm.group("d2")
        mo = dm.group("m") or dm.group("m2")
        y = dm.group("y") or dm.group("y2")
        hit.date = f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
        pos += dm.end()
    om = p["of_issuer"].match(text[pos:])
    if om:
        rest = text[pos + om.end():]
        agencies = find_agencies(rest[:120])
        if agencies and agencies[0].start == 0:
            a = agencies[0]
            hit.issuer_text = a.name
            hit.issuer_level = a.level
            hit.issuer_place = a.place
            pos += om.end() + a.end
            term = p["term"].match(text[pos:])
            if term:
                pos += term.end()
    # subject: "về ...", "quy định ...", "ban hành ..." up to the end of the clause
    not_a_ref = rf"(?!(?:{p['type_words'].pattern})\s+(?:số\s*)?\d)"
    sm = re.match(rf"^\s*,?\s*({not_a_ref}(?:về|quy định|ban hành|hướng dẫn|thực hiện)\b.*)", text[pos:], re.I)
    if sm:
        subject = sm.group(1)
        next_ref = r"(?=(?:" + p["type_words"].pattern + r")\s+(?:số\s+)?\d|Luật\s)"
        stop = re.search(r"\s*(?:;|\(|\.\s|\.$|,\s*" + next_ref + r"|\s+và\s+" + next_ref + ")", subject)
        if stop:
            subject = subject[: stop.start()]
        # ", UBND huyện ban hành Kế hoạch ...": the sentence moves on to another actor
        for agency in find_agencies(subject):
            comma = subject.rfind(",", 0, agency.start)
            if comma >= 0 and not subject[comma + 1 : agency.start].strip():
                subject = subject[:comma]
                break
        hit.subject = subject.strip(" ,")
        hit.subject_end = pos + sm.start(1) + len(hit.subject)
    else:
        hit.subject_end = pos


@cache
def _relation_cue_regex() -> re.Pattern[str]:
    """Opening cues of a preamble clause, one named group per relation (cues.yaml)."""
    rc = cues()["relation_cues"]
    return re.compile(
        "|".join(
            rf"(?P<{rel}>(?<![\wÀ-ỹ])(?:{'|'.join(re.escape(c) for c in sorted(words, key=len, reverse=True))})(?![\wÀ-ỹ]))"
            for rel, words in rc.items()
        ),
        re.I,
    )


def _relations(hits: list[_Hit], text: str, context: str) -> None:
    if context == "title":
        for h in hits:
            h.relation = "cites" if h.nested else "implements"
        return
    if context != "preamble":
        return
    cue_re = _relation_cue_regex()
    for h in hits:
        if h.nested:
            continue
        clause_start = max(text.rfind(";", 0, h.start), -1) + 1
        # Only a cue that opens the clause governs it: "Căn cứ Luật Thực hiện dân chủ ..."
        # must not read the "Thực hiện" inside the Law's name as a cue.
        cm = cue_re.match(text[clause_start:].lstrip())
        h.relation = cm.lastgroup if cm else "cites"


def _share_tails(hits: list[_Hit]) -> None:
    """`QĐ 217-QĐ/TW; QĐ 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị`: both get the tail."""
    for i in range(len(hits) - 2, -1, -1):
        a, b = hits[i], hits[i + 1]
        if a.line is not b.line or a.date or a.issuer_text or a.symbol is None:
            continue
        gap = a.line.text[a.end : b.start]
        if re.fullmatch(r"\s*[;,]?\s*(?:và\s+)?", gap) and (a.type_word or "").lower() == (b.type_word or "").lower():
            a.date, a.issuer_text, a.issuer_level, a.issuer_place = b.date, b.issuer_text, b.issuer_level, b.issuer_place
            a.subject = a.subject or b.subject


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start))
    left = 0 if left < 0 else left + 2
    right_candidates = [i for i in (text.find(". ", end), text.find("; ", end)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    quote = text[left:right].strip()
    if len(quote) > 400:
        quote = text[max(0, start - 150) : min(len(text), end + 200)].strip()
    return quote


def _merge(hits: list[_Hit], where: Jurisdiction) -> tuple[list[LegalRef], list[str]]:
    dt = doc_types()
    reg = registry()
    refs: dict[str, LegalRef] = {}
    first_dates: dict[str, list[tuple[str, int]]] = {}
    warnings: list[str] = []
    # resolve each hit's document key; symbols without a year need their issuer's place
    for h in hits:
        if h.doc_id_hint:
            key = h.doc_id_hint
            symbol = key
        else:
            symbol = h.symbol or ""
            key = symbol
        type_name = None
        if h.type_word:
            t = dt.by_name(h.type_word)
            type_name = t.name if t else h.type_word
        elif h.code:
            t = dt.by_code(h.code)
            type_name = t.name if t else h.code
        issuer_full = None
        place = None
        if h.issuer_text:
            place = h.issuer_place or where.place_for_level(h.issuer_level)
            issuer_full = full_name_of(h.issuer_text, h.issuer_level, place)
        ref = refs.get(key)
        if ref is None:
            ref = LegalRef(key, symbol, type_name, issuer_full, None, "cites")
            ref.place = place
            refs[key] = ref
        if ref.type is None:
            ref.type = type_name
        if ref.issuer is None and issuer_full:
            ref.issuer, ref.place = issuer_full, place
        if h.subject and not ref.subject:
            ref.subject = h.subject
        if h.date:
            first_dates.setdefault(key, []).append((h.date, h.line.first if h.line else 0))
        line_no = h.line.first if h.line else 0
        ref.mentions.append(Mention(line_no, h.quote))
        if _STRENGTH[h.relation] > _STRENGTH[ref.relation]:
            ref.relation = h.relation
        ref.year = ref.year or h.year
    out: list[LegalRef] = []
    for key, ref in refs.items():
        dates = first_dates.get(key, [])
        distinct = list(dict.fromkeys(d for d, _ in dates))
        ref.date = distinct[0] if distinct else None
        ref.dates_in_text = distinct
        if len(distinct) > 1:
            where_lines = ", ".join(f"{d} (line {ln})" for d, ln in dates)
            warnings.append(f"{ref.symbol} is dated differently in the text: {where_lines}; kept {distinct[0]}")
        known = reg.documents.get(key)
        if known:
            ref.type = ref.type or known.type
            ref.issuer = ref.issuer or known.issuer
            if ref.type == "Luật":
                ref.issuer = known.issuer
        if ref.issuer is None and ref.symbol:
            code = ref.symbol.rsplit("/", 1)[-1].split("-")[-1]
            ref.issuer = dt.issuers.get(code)
        if ref.symbol and not ref.year and not dt.is_national(ref.symbol):
            year = ref.date[:4] if ref.date else "?"
            ref.id = f"{ref.symbol}@{ref.place or '?'}/{year}"
        out.append(ref)
    out.sort(key=lambda r: (-_STRENGTH[r.relation], min((m.line for m in r.mentions), default=0)))
    return out, warnings

