"""Legal references: every document a text implements, is based on, or cites.

Symbols are read by a grammar of their own (Decree 30/2020: number / year / type code -
issuer code, the Party's number - type code / issuer code, a law's number / year / QHnn,
an official letter's number / issuer code - department code), type and issuer codes from
data/rules/doc_types.yaml; laws cited by name come from the legal registry or from the
name that follows the word `Luật`. Each mention is read with its type word, date, issuer and
description ("về …", "quy định …").

The relation comes from the sentence, not from the document:
- the opening paragraphs (`Căn cứ …`: based on; `Thực hiện …`, `Triển khai …`, `Để tiếp tục
  thực hiện …`: implements; `Xét …`, `Theo đề nghị …`: cites) govern every document they
  list, item by item (`;`, `,` and `và` between references), and the title implements what
  it names after `thực hiện`/`triển khai`;
- a document named inside another one's description ("Kế hoạch số 283/KH-UBND … về thực
  hiện Nghị quyết số 71/NQ-CP …") is only cited; coordination (`… 71/NQ-CP … và Chương trình
  số 10-CTr/TU`) keeps the level of the reference it follows, an amending act named in a
  `Căn cứ` item ("… được sửa đổi, bổ sung bởi Luật số …") keeps the item's relation;
- everything else is cited. The document's own symbol is not a reference.
Mentions of one document merge into one reference with the strongest relation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import places
from .agencies import find_agencies
from .ids import local_document_id
from .jurisdiction import Jurisdiction, full_name_of
from .models import Document, LegalRef, Line, Mention
from .rules import CAPITALS, alternation, cues, doc_types, fold, law_titles, misreadable, modern_tones, registry, unmarked

_STRENGTH = {"implements": 3, "based_on": 2, "cites": 1}
_CODE = r"[A-ZĐ][A-Za-zĐđ&]*\d*"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    dt = doc_types()
    # "66.7/2025/NQ-CP": the Government numbers a series of resolutions under one number
    number = r"(?P<num>\d{1,5}(?:\.\d{1,2}(?=/))?[a-z]?)"
    year = r"(?P<year>(?:19|20)\d{2})"
    pieces = {
        # 10/2022/QH15 — a law's (or the Assembly's resolution's) symbol carries the legislature
        "law": rf"{number}/{year}/(?P<issuer>(?:UBTVQH|QH)\d{{1,2}})",
        # 47/2025/NQ-HĐND, 20/NQ-HĐND, 33/CT-TTg, 574/UBND-NC, 8935/BNV-CTTN&BĐG, 223/KH- UBND
        "state": rf"{number}(?:/{year})?/(?P<code>{_CODE})\s?-\s?(?P<issuer>{_CODE}(?:\s?-\s?{_CODE})*)",
        # 120-KL/TW, 11-QĐi/TW, 52-KH/BCĐTW, 10- CTr/TU; a PDF break may leave "120- KL/TW"
        "party": rf"{number}\s?-\s?(?P<code>[A-ZĐ][A-Za-zĐđ]*)/\s?(?P<issuer>[A-ZĐ][A-Za-zĐđ]*(?:-[A-ZĐ][A-Za-zĐđ]*)*)",
        # 552/TB-VPCP is "state"; a bare type code after the slash: 45/CT is too ambiguous
        # QCVN 06:2022/BXD, Sửa đổi 1:2023 QCVN 06:2022/BXD, TCVN 10299:2025
        "standard": r"(?:(?P<amend>Sửa\s+đổi\s+\d{1,2}\s*:\s*\d{4})\s+)?(?P<code>QCVN|TCVN)\s*"
        rf"(?P<num>\d{{1,5}}(?:-\d{{1,3}})*)\s*:\s*{year}(?:\s*/\s*(?P<issuer>[A-ZĐ]{{2,}}))?",
    }
    type_words = "|".join(re.escape(n) for n in dt.all_names)
    return {
        **{f"symbol_{k}": re.compile(rf"(?<![\w/])(?<!\d\.)(?:{v})(?![\w/])") for k, v in pieces.items()},
        "type_before": re.compile(rf"(?P<tw>{type_words})(?:\s+[a-zà-ỹđ]+){{0,2}}?\s*(?:(?:s[ốo]|số hiệu)\s*)?[:]?\s*$", re.I),
        "date_after": re.compile(
            r"^\s*,?\s*(?:ban hành\s+)?ngày\s+(?:(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})"
            r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))",
            re.I,
        ),
        "of_issuer": re.compile(r"^\s*,?\s*(?:của|do)\s+", re.I),
        # "theo Mẫu số 01/BCĐBHĐND-MT": a form's code (doc_types.yaml: form_names)
        "form_before": re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(dt.form_names)})\s*:?\s*$", re.I) if dt.form_names else re.compile(r"(?!)"),
        "term": re.compile(r"^\s*\((?:khóa|khoá)\s+[IVXLC]+\)", re.I),
        "type_words": re.compile(rf"(?:{type_words})", re.I),
    }


@cache
def _law_name_regex() -> re.Pattern[str] | None:
    names = [n for d in registry().documents.values() for n in d.names]
    if not names:
        return None
    alts = alternation(names)
    return re.compile(rf"(?P<name>{alts})(?:\s*\(?\s*năm\s+(?P<year>\d{{4}})\s*\)?)?", re.I)


@cache
def _registry_names_without_law() -> bool:
    """Does the registry name a document without the word "Luật" (a constitution, a code)?"""
    return any("luật" not in n.lower() for d in registry().documents.values() for n in d.names)


# The year a law is cited with: "năm 2019", "ngày 19/6/2015", "ngày 25 tháng 6 năm 2015", or the
# date alone ("Luật Tổ chức chính quyền địa phương 19/02/2025").
_LAW_YEAR = (
    r"(?:\s*\(?\s*(?:năm\s+(?P<year>\d{4})"
    r"|(?:ngày\s+)?(?P<day>\d{1,2})(?:\s*/\s*(?P<month>\d{1,2})\s*/\s*|\s+tháng\s+(?P<month2>\d{1,2})\s+năm\s+)"
    r"(?P<year2>\d{4}))\s*\)?)?"
)


@cache
def _named_law_regex() -> re.Pattern[str]:
    """`Luật Bảo vệ bí mật nhà nước`, `Luật Phòng, chống ma túy`, `Luật Giáo dục năm 2019`."""
    stops = alternation(cues()["law_name_stops"])
    word = rf"(?!(?:{stops}|Luật)(?![\wÀ-ỹ])|\d)[\wÀ-ỹ]+"
    return re.compile(
        rf"(?<![\wÀ-ỹ])Luật\s+(?P<name>(?:sửa đổi,?\s+bổ sung\s+(?:một số điều của\s+)?(?:các\s+)?Luật\s+)?[{CAPITALS}][\wÀ-ỹ]*"
        rf"(?:,\s+[a-zà-ỹđ][\wÀ-ỹ]*)?(?:\s+{word}){{0,7}})" + _LAW_YEAR
    )


def _title_key(title: str) -> str:
    """A title compared without case, commas or the spacing between its words."""
    return " ".join(fold(title).replace(",", " ").split())


@cache
def _law_titles_by_form() -> dict[str, str]:
    """Every way a listed code or law is written (data/registry/law_titles.yaml: as listed, or
    with a usual abbreviation: "Luật Ban hành văn bản QPPL"), by its key → the title as listed."""
    listed = law_titles()
    forms: dict[str, str] = {}
    for kind, titles in (("Bộ luật", listed.codes), ("Luật", listed.laws)):
        for title in titles:
            full = f"{kind} {title}"
            forms[_title_key(full)] = full
            for short, words in listed.abbreviations.items():
                if _title_key(words) in _title_key(title):
                    forms[_title_key(full).replace(_title_key(words), _title_key(short))] = full
    return forms


@cache
def _one_titled_law() -> str:
    """One listed code or law, however its commas are written ("Luật Thi đua khen thưởng")."""
    words = [
        r",?\s+".join(re.escape(w) for w in form.split())
        for form in sorted(_law_titles_by_form(), key=len, reverse=True)
    ]
    return rf"(?:{'|'.join(words)})(?![\wÀ-ỹ&])"


@cache
def _titled_law_regex() -> re.Pattern[str]:
    """A code or law by its title as listed (data/registry/law_titles.yaml), commas and "và"
    inside it kept: `Luật Phí và lệ phí`, `Bộ luật Lao động năm 2019`; and the act that amends
    such laws, with every law it names: `Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công
    chức và Luật Viên chức năm 2019`, `… của 37 luật có liên quan đến quy hoạch`."""
    law = _one_titled_law()
    amend = r"Luật\s+s[ửữ]a\s+đổi,?\s+bổ\s+sung\s+(?:một\s+số\s+điều\s+(?:của\s+)?)?(?:các\s+)?"
    several = r"\d+\s+luật(?:\s+(?!ngày|năm)[\wÀ-ỹ]+){1,10}?(?=\s*(?:ngày|năm|\d|[;,.)]|$|và\s+(?:điều|khoản|điểm)\s))"
    # "pháp luật đất đai" is the law of a field, not the Law on Land
    return re.compile(
        rf"(?<![\wÀ-ỹ])(?<!pháp )(?P<name>{amend}(?:{law}(?:\s*(?:,|và)\s*{law})*|{several})|{law})" + _LAW_YEAR,
        re.I,
    )


def _as_listed(name: str) -> str:
    """A titled law's name in the text's own words, but with its abbreviations written out
    ("Luật Ban hành văn bản QPPL" → "… quy phạm pháp luật") and the amending words as the
    Assembly writes them ("Luật sữa đổi, bổ sung" → "Luật sửa đổi, bổ sung")."""
    name = re.sub(r"^Luật\s+s[ửữ]a\s+đổi,?\s+bổ\s+sung", "Luật sửa đổi, bổ sung", name, flags=re.I)
    forms = _law_titles_by_form()

    def spelt_out(m: re.Match[str]) -> str:
        listed = forms.get(_title_key(m.group(0)), m.group(0))
        return m.group(0) if _title_key(listed) == _title_key(m.group(0)) else listed

    return re.sub(_one_titled_law(), spelt_out, name, flags=re.I)


@cache
def _description_regex() -> re.Pattern[str]:
    words = alternation(cues()["description_cues"])
    return re.compile(rf"^\s*,?\s*(?:[“\"(]|(?:{words})(?![\wÀ-ỹ]))", re.I)


@cache
def _description_word() -> re.Pattern[str]:
    words = alternation(cues()["description_cues"])
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{words})(?![\wÀ-ỹ])", re.I)


@cache
def _issuer_name_stop() -> str:
    """A word that opens what a cited document is about, where its issuer's name ends."""
    return rf"(?:{alternation(cues()['issuer_name_stops'])})(?![\wÀ-ỹ])"


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
    issuer_kind: str | None = None  # the kind of body the issuer is (a department is its province's)
    issuer_place: str | None = None
    subject: str | None = None
    tail_end: int = 0  # after symbol, date and issuer
    has_description: bool = False
    subject_at: int = 0  # where the subject starts in the line
    listed: bool = False  # the next item of an opening's list, after the previous one's description
    line: Line | None = None
    context: str = "body"  # title | preamble | body | footnote
    relation: str = "cites"
    quote: str = ""
    level: int = 0


def extract_refs(doc: Document, where: Jurisdiction) -> tuple[list[LegalRef], list[str]]:
    """All legal references of a document, merged by document, and warnings about them."""
    hits: list[_Hit] = []
    title_src = set(doc.header.title_src or ((doc.header.title_line,) if doc.header.title_line else ()))
    opening_srcs = {line.src for line in doc.preamble}
    for att in doc.attachments:
        # a promulgated document's opening says what the decision carries out
        if att.genre != "Phụ lục":
            opening_srcs |= {line.src for line in att.preamble}
    started = False
    carried: str | None = None  # the relation of a ground list a `;` leaves open
    for line in doc.lines:
        if title_src and set(line.src) & title_src and doc.header.title:
            hits += _scan(Line(doc.header.title, line.src), "title")
            started = True
        elif line.src in opening_srcs:
            found = _scan(line, "preamble", carried)
            hits += found
            cue = _opening_cue(line.text)
            relation = (cue.lastgroup if cue else None) or carried
            # "Căn cứ Nghị định số 08/2015/NĐ-CP …;" / "Nghị định số 167/2025/NĐ-CP … sửa đổi …;":
            # a paragraph without a cue after one that ends in ";" goes on with its grounds
            carried = relation if line.text.rstrip(" *_").endswith(";") else None
            started = True
        elif started or not (title_src or opening_srcs):
            hits += _scan(line, "body")
    for note in doc.footnotes.values():
        hits += _scan(note, "footnote")
    own = _own_symbols(doc)
    hits = [h for h in hits if not (h.symbol and _symbol_key(h.symbol) in own)]
    _share_tails(hits)
    _programme_carried_out(hits, doc.header.title)
    _same_named_laws(hits)
    _named_as_numbered(hits)
    return _merge(hits, where)


_NAMED_WITH_YEAR = re.compile(r"^(?P<name>(?:Bộ luật|Luật)\s.*?)(?: năm (?P<year>\d{4}))?$", re.I)


def _same_named_laws(hits: list[_Hit]) -> None:
    """One document for one law however often it is named: a law named again without its year
    ("… của Luật Phí và lệ phí") is the one the text named with a year ("Căn cứ Luật Phí và lệ
    phí ngày 25 tháng 11 năm 2015") when it named only one such, and a law written two ways
    ("Luật Thi đua, khen thưởng", later "Luật Thi đua khen thưởng") keeps its first capitalised
    writing."""
    first: dict[tuple[str, str | None], str] = {}
    years: dict[str, set[str | None]] = {}
    named = [(h, m) for h in hits if h.symbol is None and (m := _NAMED_WITH_YEAR.match(h.doc_id_hint or ""))]
    # the first writing with its capitals ("Luật Việc làm" over a title's "luật việc làm")
    for h, m in sorted(named, key=lambda hm: (hm[1].group(0)[0].islower(), hm[0].line.first if hm[0].line else 0, hm[0].start)):
        key = _title_key(m.group("name"))
        first.setdefault((key, m.group("year")), h.doc_id_hint or "")
        years.setdefault(key, set()).add(m.group("year"))
    for h, m in named:
        key, year = _title_key(m.group("name")), m.group("year")
        dated = years[key] - {None}
        if year is None and len(dated) == 1:
            year = next(iter(dated))
        h.doc_id_hint = first[(key, year)]


# between a law's title and its number: "Luật Thú y số 79/2015/QH13", "Luật Thú y, 79/2015/QH13"
_BEFORE_NUMBER = r"\s*,?\s*(?:số\s*)?"


def _named_as_numbered(hits: list[_Hit]) -> None:
    """A law named without its number ("… hướng dẫn thi hành Luật Thú y") is the one the text
    cites by title and number ("Căn cứ Luật Thú y số 79/2015/QH13"), when only one law of that
    title is cited with a number (of the year it is named with, if any)."""
    numbered: dict[str, list[_Hit]] = {}
    for h in hits:
        title = _numbered_law_title(h)
        if title:
            numbered.setdefault(_title_key(title), []).append(h)
    for h in hits:
        m = _NAMED_WITH_YEAR.match(h.doc_id_hint or "") if h.symbol is None else None
        if m is None:
            continue
        same = {n.symbol: n for n in numbered.get(_title_key(m.group("name")), []) if not m.group("year") or n.year == m.group("year")}
        if len(same) == 1:
            n = next(iter(same.values()))
            h.symbol, h.doc_id_hint, h.code, h.issuer_code, h.year, h.type_word = n.symbol, n.doc_id_hint, n.code, n.issuer_code, n.year, n.type_word


def _numbered_law_title(h: _Hit) -> str | None:
    """The title a law cited by number is written with just before it ("Luật Thú y số …"), read
    from the start of its clause (an amending law's title holds the law it amends)."""
    if not h.symbol or not h.line or not re.search(r"/QH\d*$", h.symbol):
        return None
    text = h.line.text[: h.end]
    clause = max(text.rfind(";", 0, h.start), text.rfind(":", 0, h.start)) + 1
    m = re.search(rf"(?<![\wÀ-ỹ])(?P<title>Luật\s+.+?){_BEFORE_NUMBER}{re.escape(h.symbol)}", text[clause:])
    return m.group("title") if m else None


_CONTENT = re.compile(r"[\wÀ-ỹ]+")


def _programme_carried_out(hits: list[_Hit], title: str | None) -> None:
    """"Kế hoạch triển khai Đề án X" with "Căn cứ Quyết định số … phê duyệt Đề án X": the
    decision listed as a basis is the programme the plan carries out — implemented."""
    if not title:
        return
    m = re.search(r"(?:triển khai|thực hiện|thi hành)\s+(?:thực hiện\s+)?(?P<obj>.+)$", title, re.I)
    if not m:
        return
    obj = {fold(w) for w in _CONTENT.findall(m.group("obj")) if len(w) > 1}
    if len(obj) < 4:
        return
    for h in hits:
        if h.context != "preamble" or h.relation != "based_on" or not h.subject or h.level:
            continue
        said = re.search(r"(?:phê duyệt|ban hành)\s+(?P<what>.+)$", h.subject, re.I)
        if not said:
            continue
        what = {fold(w) for w in _CONTENT.findall(said.group("what")) if len(w) > 1}
        if len(obj & what) >= 0.8 * len(obj):
            h.relation = "implements"


def _own_symbols(doc: Document) -> set[str]:
    """The document's own symbol (an appendix caption names it, the body says "Kế hoạch này")."""
    out = set()
    if doc.header.symbol and doc.header.number:
        out.add(_symbol_key(doc.header.symbol))
    return out


def _symbol_key(symbol: str) -> str:
    return fold(re.sub(r"\s+", "", symbol)).replace("đ", "d")


def normalise_symbol(raw: str) -> str:
    """Spaces out; a symbol printed in capitals gets its codes' own case (`CT-TTG` -> `CT-TTg`)."""
    symbol = re.sub(r"\s+", "", raw)
    letters = [c for c in symbol if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        dt = doc_types()
        known = {fold(t.code): t.code for t in dt.types} | {fold(k): k for k in dt.issuers}
        symbol = "".join(known.get(fold(p), p) for p in re.split(r"([/-])", symbol))
    return symbol


def _symbol_pieces(text: str) -> tuple[str, ...]:
    """The symbol grammars worth trying on a line: every symbol but a standard's has a slash,
    a standard's its code (most lines have neither)."""
    slashed = ("law", "state", "party") if "/" in text else ()
    return (("standard",) if "CVN" in text else ()) + slashed


def cited_document_spans(text: str) -> list[tuple[int, int]]:
    """Where the text cites a document by its symbol and names who issued it ("Quyết định số
    1441/QĐ-UBND ngày 25/9/2025 của Chủ tịch UBND tỉnh"): from the symbol to the end of the
    issuer's name. That issuer is the cited document's, not a body the text gives work to."""
    p = _patterns()
    spans: list[tuple[int, int]] = []
    for piece in _symbol_pieces(text):
        for m in p[f"symbol_{piece}"].finditer(text):
            end = m.end()
            date = p["date_after"].match(text[end:])
            end += date.end() if date else 0
            of = p["of_issuer"].match(text[end:])
            if of:
                issuer = re.match(r"[^,;]*", text[end + of.end() :])
                spans.append((m.start(), end + of.end() + (issuer.end() if issuer else 0)))
    return spans


def _scan(line: Line, context: str, carried: str | None = None) -> list[_Hit]:
    """Every reference on a line: by symbol, by a law's registered name, by a law's name alone
    (`carried`: the relation of the ground list the line goes on with, if it opens with no cue)."""
    hits = _symbol_hits(line, context)
    _named_law_hits(line, context, hits)
    _congress_resolution_hits(line, context, hits)
    hits.sort(key=lambda h: h.start)
    for h in hits:
        h.quote = _sentence(line.text, h.start, h.end)
    _relations(hits, line.text, context, carried)
    _close_descriptions(hits, line.text)
    return hits


def _close_descriptions(hits: list[_Hit], text: str) -> None:
    """"Thực hiện A … về X, B … về Y và C …": A's subject is X, not X with B and C after it. A
    description ends where the next item of the opening's list begins (as _levels found it)."""
    for a, b in zip(hits, hits[1:]):
        if a.subject and b.listed and a.subject_at <= b.start < a.subject_at + len(a.subject):
            cut = re.sub(r"(?:\s*,)?\s*(?:(?:và|hoặc)\s*)?$", "", text[a.subject_at : b.start])
            a.subject = cut.strip(" ,") or None


def _symbol_hits(line: Line, context: str) -> list[_Hit]:
    """References by their symbol ("59/2023/NĐ-CP", "27-NQ/TW"), with the type word before them."""
    p = _patterns()
    text = line.text
    hits: list[_Hit] = []
    matches: list = []
    for piece in _symbol_pieces(text):
        for m in p[f"symbol_{piece}"].finditer(text):
            if any(a <= m.start() < b for a, b, _ in matches):
                continue
            g = m.groupdict()
            if piece == "state" and not _plausible_state(g):
                continue
            if p["form_before"].search(text, max(0, m.start() - 20), m.start()):
                continue  # a form's code, not a document's symbol
            matches.append((m.start(), m.end(), m))
    for _, _, m in sorted(matches, key=lambda t: t[0]):
        g = m.groupdict()
        symbol = _standard_symbol(g) if g.get("code") in _STANDARDS else normalise_symbol(m.group(0))
        if g.get("code") and not g.get("year") and "-" in symbol and "/" in symbol and doc_types().party_issuer.match(symbol.rsplit("-", 1)[-1]):
            # "27/NQ-TW" written the state's way: the Party numbers it "27-NQ/TW"
            number, _, rest = symbol.partition("/")
            code, _, issuer = rest.rpartition("-")
            symbol = f"{number}-{code}/{issuer}"
        before = p["type_before"].search(text[: m.start()])
        if before and g.get("code") in _STANDARDS and getattr(doc_types().by_name(before.group("tw")), "code", None) != g["code"]:
            before = None  # "theo quy định tại QCVN 13:2018/BXD": a regulation's word, not its type
        type_word = before.group("tw") if before else None
        start = before.start() if before else m.start()
        code = g.get("code")
        # "47/2025/NQ-HĐND" -> HĐND, "574/UBND-NC" (a letter: issuer, then its drafting unit) -> UBND
        issuer_code = g.get("issuer") if g.get("code") in _STANDARDS else doc_types().issuer_code(symbol)
        hit = _Hit(start, m.end(), symbol, None, code, issuer_code, g.get("year"), type_word, line=line, context=context)
        if hit.issuer_code and hit.issuer_code.startswith("QH") and not hit.code:
            hit.code = "Luật"
        elif hit.issuer_code and hit.issuer_code.startswith("UBTVQH") and not hit.code:
            hit.code = "NQ"  # 60/2024/UBTVQH15: a resolution of the Assembly's Standing Committee
        _read_tail(hit, text)
        hits.append(hit)
    return hits


_STANDARDS = ("QCVN", "TCVN")  # the codes of the "standard" symbol piece


# "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "Nghị quyết Đại hội Đảng bộ tỉnh
# lần thứ XX": the resolution of a Party congress has no symbol; the congress names it
_CONGRESS_RESOLUTION = re.compile(
    r"(?<![\wÀ-ỹ])Nghị\s+quyết\s+Đại\s+hội(?:\s+(?!lần\s)[\wÀ-ỹ]+){0,8}?\s+lần\s+thứ\s+[IVXLC]+(?![\wÀ-ỹ])"
    r"(?:\s+của\s+Đảng(?![\wÀ-ỹ]))?",
    re.I,
)


def _congress_name(written: str) -> str:
    """The national congress's resolution by its full name however it is shortened ("Nghị quyết
    đại hội lần thứ XIII của Đảng", "Nghị quyết Đại hội Đảng lần thứ XIII"); a local Party
    organisation's congress ("… Đảng bộ tỉnh lần thứ XX") as written."""
    name = " ".join(written.split())
    words = fold(name)
    national = "đảng bộ" not in words and ("toàn quốc" in words or "của đảng" in words or "đảng lần thứ" in words)
    if not national:
        return name
    term = re.search(r"lần\s+thứ\s+([IVXLC]+)", name, re.I)
    return f"Nghị quyết Đại hội đại biểu toàn quốc lần thứ {term.group(1).upper()} của Đảng" if term else name


def _congress_resolution_hits(line: Line, context: str, hits: list[_Hit]) -> None:
    if "đại hội" not in line.text.lower():
        return
    for m in _CONGRESS_RESOLUTION.finditer(line.text):
        if any(h.start <= m.start() < max(h.end, h.tail_end) for h in hits):
            continue
        hit = _Hit(m.start(), m.end(), None, _congress_name(m.group(0)), None, None, None, "Nghị quyết", line=line, context=context)
        hit.tail_end = m.end()
        hits.append(hit)


def _standard_symbol(g: dict[str, str | None]) -> str:
    """`QCVN06:2022/BXD` as `QCVN 06:2022/BXD`; an amendment keeps its own number before it."""
    symbol = f"{g['code']} {g['num']}:{g['year']}" + (f"/{g['issuer']}" if g.get("issuer") else "")
    amend = g.get("amend")
    if not amend:
        return symbol
    return re.sub(r"\s*:\s*", ":", " ".join(amend.split())) + " " + symbol


def _named_law_hits(line: Line, context: str, hits: list[_Hit]) -> None:
    """Laws named without a symbol: by the registry's name ("Luật Thực hiện dân chủ ở cơ sở"),
    or by any "Luật X năm Y" the registry does not know; added to `hits` where none is."""
    text = line.text
    # every pattern below asks for the word "Luật" (the registry's names too, in any case)
    if "luật" not in text.lower() and not _registry_names_without_law():
        return
    law_re = _law_name_regex()
    if law_re:
        for m in law_re.finditer(text):
            if any(h.start <= m.start() < h.end for h in hits):
                continue
            reg = registry().by_name(m.group("name"))
            if reg is None:
                continue
            hit = _Hit(m.start(), m.end(), None, reg.id, "Luật", "QH", m.group("year"), "Luật", line=line, context=context)
            hit.tail_end = m.end()
            hits.append(hit)
    # "Luật Thuỷ sản" and "Luật Thủy sản": the titles are listed with the modern tone marks
    # most lines name no law: the long alternation of titles is not run on them
    titled = list(_titled_law_regex().finditer(modern_tones(text)))
    for m in titled:
        _add_named_law(m, _as_listed(m.group("name")), line, context, hits)
    for m in _named_law_regex().finditer(text):
        # "Luật Quản lý, sử dụng tài sản công số 15/2017/QH14": the title (its symbol names it) is
        # read, not its first words again
        if not any(t.start() <= m.start() < t.end() for t in titled):
            _add_named_law(m, "Luật " + m.group("name"), line, context, hits)


def _add_named_law(m: re.Match[str], name: str, line: Line, context: str, hits: list[_Hit]) -> None:
    """A law named by its title, as `Luật <title> năm <year>`, unless a hit already covers it,
    its number follows ("Luật Thú y số 79/2015/QH13": the symbol names it) or the registry
    knows the title (the registry's pass read it)."""
    text = line.text
    if any(h.start <= m.start() < max(h.end, h.tail_end) for h in hits):
        return
    if re.match(rf"^{_BEFORE_NUMBER}\d+/\d{{4}}/QH", text[m.end() : m.end() + 40], re.I):
        return
    name = re.sub(r"\s+", " ", name).strip(" ,")
    if registry().by_name(name):
        return
    year = m.group("year") or m.group("year2")
    law_id = name + (f" năm {year}" if year else "")
    hit = _Hit(m.start(), m.end(), None, law_id, "Luật", "QH", year, "Luật", line=line, context=context)
    hit.tail_end = m.end()
    month = m.group("month") or m.group("month2")
    if m.group("year2") and month and 1 <= int(month) <= 12 and 1 <= int(m.group("day")) <= 31:
        hit.date = f"{m.group('year2')}-{int(month):02d}-{int(m.group('day')):02d}"
    hits.append(hit)


def _plausible_state(g: dict) -> bool:
    """`574/UBND-NC` (an official letter) or `47/2025/NQ-HĐND`; not `4G/5G` or `1/2-NQ`."""
    code = g.get("code") or ""
    return doc_types().by_code(code) is not None or code in doc_types().issuers or len(code) >= 2


def _read_date(hit: _Hit, text: str, pos: int) -> int:
    """The date at `pos` ("ngày 31/3/2022", "ngày 24-5-2025", "ngày 05 tháng 3 năm 2026") into
    the hit; how many characters it took."""
    dm = _patterns()["date_after"].match(text[pos:])
    if not dm:
        return 0
    d = dm.group("d") or dm.group("d2")
    mo = dm.group("m") or dm.group("m2")
    y = dm.group("y") or dm.group("y2")
    if not (1 <= int(mo) <= 12 and 1 <= int(d) <= 31):
        return 0
    hit.date = f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
    return dm.end()


def _read_tail(hit: _Hit, text: str) -> None:
    """Date, issuer and description that follow a symbol."""
    p = _patterns()
    pos = hit.end
    pos += _read_date(hit, text, pos)
    om = p["of_issuer"].match(text[pos:])
    if om:
        rest = text[pos + om.end():]
        rest_plain = re.sub(rf"^(?:Bộ trưởng|Thủ trưởng|Chủ tịch|Giám đốc|Trưởng ban)\s+(?=[{CAPITALS}])", "", rest)
        shift = len(rest) - len(rest_plain)
        agencies = find_agencies(rest_plain[:140])
        if agencies and agencies[0].start == 0:
            a = agencies[0]
            hit.issuer_text = a.name
            hit.issuer_level = a.level
            hit.issuer_place = a.place
            hit.issuer_kind = a.kind
            pos += om.end() + shift + a.end
            term = p["term"].match(text[pos:])
            if term:
                pos += term.end()
        else:
            # a body the gazetteer does not know ("Ban chấp hành Đảng bộ tỉnh Nghệ An"): its
            # name runs to the description or the end of the clause
            named = re.match(rf"^([{CAPITALS}][^;:()“\"]{{2,160}}?)(?=\s+{_issuer_name_stop()})", rest)
            named = named or re.match(rf"^([{CAPITALS}][^,;:()“\"]{{2,110}}?)(?=\s*[,;(“\"]|\s*$)", rest)
            if named:
                pos += om.end() + named.end()
        if hit.date is None:  # "… 411/QĐ-TTg của Thủ tướng Chính phủ ngày 31/3/2022 phê duyệt …"
            pos += _read_date(hit, text, pos)
        # the rest of a long name the gazetteer cut short, and "(nay là …)" asides
        # (a title copied with its capital: "của Thủ tướng Chính phủ Phê duyệt Đề án …")
        name_stop = _issuer_name_stop()
        more = re.match(rf"^[^,;:“\"()]{{0,60}}?(?=\s*\([^)]{{0,120}}\)\s*{name_stop}|\s+{name_stop})", text[pos:], re.I)
        if more and not re.search(r"(?<![\wÀ-ỹ])(?:và|hoặc)\s+(?:các\s+)?(?:" + p["type_words"].pattern + r")", more.group(0), re.I):
            pos += more.end()
        aside = re.match(r"^\s*\([^)]{0,120}\)", text[pos:])
        if aside:
            pos += aside.end()
    hit.tail_end = pos
    sm = _description_regex().match(text[pos:])
    if sm:
        hit.has_description = True
        subject = text[pos:].lstrip(" ,")
        hit.subject_at = len(text) - len(subject)
        stop = re.search(r"\s*(?:;|\.\s|\.$)", subject)
        if stop:
            subject = subject[: stop.start()]
        for agency in find_agencies(subject):
            comma = subject.rfind(",", 0, agency.start)
            if comma >= 0 and not subject[comma + 1 : agency.start].strip():
                subject = subject[:comma]
                break
        hit.subject = subject.strip(" ,")[:300]


@cache
def _opening_cue_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The cue that opens an opening paragraph, one named group per relation (cues.yaml); the
    cues of two words or more without their marks, for a scan that misread one ("Cân cứ"); and
    the cue after a purpose clause and its comma (cues.yaml: relation_cue_purposes)."""
    rc = cues()["relation_cues"]
    alts, loose = [], []
    for rel, words in rc.items():
        alts.append(rf"(?P<{rel}>{alternation(words)})")
        long = misreadable(words)
        if long:
            loose.append(rf"(?P<{rel}>{alternation(long)})")
    purpose = rf"^\s*(?:{alternation(cues()['relation_cue_purposes'])})\s+[^,;:]{{3,200}}?,\s*"
    return (
        re.compile(rf"^\s*(?:{'|'.join(alts)})(?![\wÀ-ỹ])", re.I),
        re.compile(rf"^\s*(?:{'|'.join(loose)})(?![\wÀ-ỹ])", re.I),
        re.compile(rf"{purpose}(?:{'|'.join(alts)})(?![\wÀ-ỹ])", re.I),
    )


def _opening_cue(text: str) -> re.Match[str] | None:
    """The relation cue a paragraph (or an item of it) opens with, as written or misread by a
    mark, or after a purpose clause."""
    exact, loose, purposed = _opening_cue_regexes()
    return exact.match(text) or loose.match(unmarked(text)) or purposed.match(text)


def _relations(hits: list[_Hit], text: str, context: str, carried: str | None = None) -> None:
    """Relation of each reference of one paragraph, from its opening cue (or the ground list it
    goes on with) and nesting."""
    if context not in ("title", "preamble"):
        return
    if context == "title":
        # the title implements what it names after "thực hiện", "triển khai", "thi hành"
        relation = "implements"
    else:
        m = _opening_cue(text)
        relation = (m.lastgroup if m else None) or carried or "cites"
        if relation == "implements" and m and hits:
            # "Thực hiện chỉ đạo của … tại Công văn số …" governs; "Thực hiện tốt công tác …" names none
            first = hits[0]
            if first.start - m.end() > 120:
                relation = "cites"
    _levels(hits, text)
    # "Thực hiện Nghị quyết …; căn cứ Luật … và Nghị định …, Ủy ban nhân dân ban hành": an item
    # of the paragraph that opens with a cue of its own takes that cue's relation
    switches = [] if context == "title" else _item_cues(text)
    for h in hits:
        if context == "title" and h.start > 0 and not re.search(r"(?:thực hiện|triển khai|thi hành|cụ thể hóa|cụ thể hoá)", text[: h.start], re.I):
            h.relation = "cites"
            continue
        own = next((rel for at, rel in reversed(switches) if at <= h.start), relation)
        h.relation = own if h.level == 0 else "cites"


def _item_cues(text: str) -> list[tuple[int, str]]:
    """(position, relation) of each `;`-separated item that opens with a relation cue."""
    out = []
    for m in re.finditer(r";\s*", text):
        cue = _opening_cue(text[m.end():])
        if cue and cue.lastgroup:
            out.append((m.end(), cue.lastgroup))
    return out


@cache
def _level_patterns() -> dict[str, re.Pattern[str]]:
    """What lies between two references, for _levels: a coordinator, an amendment, the close of a
    description, the next item of a list."""
    coordinator = re.compile(
        rf"^\s*(?:[,;]|và|,\s*và|hoặc)?\s*(?:(?:các\s+)?(?:{_patterns()['type_words'].pattern})(?:\s+[a-zà-ỹđ]+){{0,2}}?\s*:?\s*)?(?:s[ốo]\s*)?:?\s*$",
        re.I,
    )
    amend = re.compile(r"sửa đổi,?\s*bổ sung(?:\s+(?:bởi|theo|tại))?\s*(?:\S+\s+){0,3}$", re.I)
    # a description closes at "và <hướng dẫn|chỉ đạo> … tại", or after a quoted title
    # ("… phê duyệt Chương trình “…” và Kế hoạch số …")
    closes = re.compile(
        r"\bvà\s+(?:hướng dẫn|chỉ đạo|ý kiến|kết luận|đề nghị|yêu cầu)\b.*\b(?:tại|theo)\s+(?:\S+\s+){0,3}$"
        rf"|[”\"]\s*(?:,|và|,\s*và)\s*(?:(?:{_patterns()['type_words'].pattern})(?:\s+[a-zà-ỹđ]+){{0,2}}?\s*)?(?:s[ốo]\s*)?:?\s*$",
        re.I,
    )
    # "Thực hiện A … về X, B … của Y và C …": after a description, a full citation (its own date
    # or issuer) set off by a comma is the next item the opening lists, not an object of A's
    # description; once the list is seen, "và" joins its last item — and before, a citation with
    # its own date and issuer ("A … về X và Hướng dẫn số B ngày … của Y"): a second object of the
    # opening, not of A's description, which names no document
    listed = re.compile(rf",\s*(?:(?:các\s+)?(?:{_patterns()['type_words'].pattern})(?:\s+[a-zà-ỹđ]+){{0,2}}?\s*)?(?:s[ốo]\s*)?:?\s*$", re.I)
    joined = re.compile(rf"\s+và\s+(?:(?:các\s+)?(?:{_patterns()['type_words'].pattern})(?:\s+[a-zà-ỹđ]+){{0,2}}?\s*)?(?:s[ốo]\s*)?:?\s*$", re.I)
    return {"coordinator": coordinator, "amend": amend, "closes": closes, "listed": listed, "joined": joined}


def _levels(hits: list[_Hit], text: str) -> None:
    """Nesting depth of each reference inside the descriptions of earlier ones.

    Items of an enumeration (`;`) start at depth 0. Inside an item, a reference joined to the
    previous one by `,` or `và` alone takes its depth; one named after `sửa đổi, bổ sung
    (bởi)` takes the item's depth; one named after an open description is one deeper — unless
    the description is closed by "và <hướng dẫn|chỉ đạo> … tại", which names a new object of
    the opening verb.
    """
    p = _level_patterns()
    coordinator, amend, closes, listed, joined = p["coordinator"], p["amend"], p["closes"], p["listed"], p["joined"]
    enumerating = False
    item_start = 0
    prev: _Hit | None = None
    open_desc: list[_Hit] = []  # references whose description is still open, innermost last
    for h in hits:
        semi = text.rfind(";", 0, h.start)
        if semi >= item_start and semi >= 0 and (prev is None or semi >= prev.end):
            item_start = semi + 1
            prev = None
            open_desc = []
            enumerating = False
        if prev is None:
            h.level = 0
        else:
            gap = text[max(prev.tail_end, prev.end) : h.start]
            gap_from_desc = text[prev.tail_end : h.start] if prev.has_description else gap
            if amend.search(text[prev.end : h.start]):
                h.level = 0
            elif not prev.has_description and coordinator.match(gap):
                # "… các điều của Luật X và Quyết định Y": a genitive complement ("của X") takes no
                # coordinate, so Y joins the level above; an object ("về thực hiện X và Y") does
                genitive = prev.level > 0 and re.search(r"(?<![\wÀ-ỹ])của\s*$", text[: prev.start])
                h.level = prev.level - 1 if genitive else prev.level
            elif prev.has_description:
                own_citation = bool(h.date or h.issuer_text)
                words = len(re.findall(r"[\wÀ-ỹ]+", gap_from_desc))
                if closes.search(gap_from_desc):
                    h.level = 0
                    open_desc = []
                elif prev.level == 0 and own_citation and words >= 3 and (listed.search(gap_from_desc) or ((enumerating or bool(h.date and h.issuer_text)) and joined.search(gap_from_desc))):
                    h.level = 0
                    h.listed = True
                    open_desc = []
                    enumerating = True
                else:
                    h.level = prev.level + 1
            elif open_desc:
                if closes.search(gap):
                    h.level = 0
                    open_desc = []
                else:
                    h.level = open_desc[-1].level + 1
            elif _description_word().search(gap):
                h.level = prev.level + 1  # named inside a description the tail did not reach
            else:
                h.level = 0
        if h.has_description:
            open_desc.append(h)
        prev = h


def _share_tails(hits: list[_Hit]) -> None:
    """`QĐ 217-QĐ/TW; QĐ 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị`: both get the tail."""
    joined = re.compile(r"\s*[;,]?\s*(?:và\s+)?(?:s[ốo]\s*)?")
    for i in range(len(hits) - 2, -1, -1):
        a, b = hits[i], hits[i + 1]
        if a.line is None or a.line is not b.line:
            continue
        if not (a.date or a.issuer_text or a.symbol is None):
            gap = a.line.text[a.end : b.start]
            if joined.fullmatch(gap) and (a.type_word or "").lower() == (b.type_word or "").lower():
                a.date, a.issuer_text, a.issuer_level, a.issuer_place, a.issuer_kind = b.date, b.issuer_text, b.issuer_level, b.issuer_place, b.issuer_kind
                a.subject = a.subject or b.subject
        # "Các Kế hoạch: số 12/KHPH-UBND ngày …, số 13/KHPH-UBND": the list's type word names
        # the next symbol too, where its code names no type of its own
        if b.type_word is None and a.type_word and a.symbol and not (b.code and doc_types().by_code(b.code)) and joined.fullmatch(a.line.text[max(a.end, a.tail_end) : b.start]):
            b.type_word = a.type_word


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start))
    left = 0 if left < 0 else left + 2
    right_candidates = [i for i in (text.find(". ", end), text.find("; ", end)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    quote = text[left:right].strip()
    if len(quote) > 400:
        quote = text[max(0, start - 150) : min(len(text), end + 200)].strip()
    return quote


def _national(ref: LegalRef) -> bool:
    """A national body's symbol is unique without a place ("8935/BNV-CTTN&BĐG": a ministry's unit)."""
    dt = doc_types()
    return bool(ref.issuer_code and dt.is_national_code(ref.issuer_code)) or dt.is_national(ref.symbol or "")


def _provincial_department(h: _Hit) -> bool:
    """A department named with no level or place, of no ministry ("Sở Nội vụ", not "Thanh tra Bộ …")."""
    if h.issuer_level is not None or h.issuer_kind != "department" or not h.issuer_text:
        return False
    # (a ministry named inside: "Thanh tra Bộ Lao động - …", read past the first word)
    inside = h.issuer_text.split(" ", 1)[-1]
    return not any(a.kind == "central_government" for a in find_agencies(inside))


def _merge(hits: list[_Hit], where: Jurisdiction) -> tuple[list[LegalRef], list[str]]:
    refs: dict[str, LegalRef] = {}
    first_dates: dict[str, list[tuple[str, int]]] = {}
    warnings: list[str] = []
    # resolve each hit's document key; symbols without a year need their issuer's place
    for h in hits:
        key, symbol = _hit_key(h)
        type_name = _hit_type(h)
        issuer_full = None
        place = None
        if h.issuer_text:
            place = h.issuer_place or where.place_for_level(h.issuer_level)
            issuer_full = full_name_of(h.issuer_text, h.issuer_level, place)
            if place is None and _provincial_department(h) and where.province:
                # "Công văn số 812/SNV-XDCQ … của Sở Nội vụ" in a commune's text: a department is
                # its province's, as an agency the text names is (resolve.jurisdiction_of)
                place = where.province
                issuer_full = f"{h.issuer_text} {places.full_name(place)}"
        ref = refs.get(key)
        if ref is None:
            ref = refs[key] = LegalRef(key, symbol, None, None, None, "cites")
        ref.type = ref.type or type_name
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
        ref.issuer_code = ref.issuer_code or h.issuer_code
    out = [_completed(ref, first_dates.get(key, []), where, warnings) for key, ref in refs.items()]
    out.sort(key=lambda r: (-_STRENGTH[r.relation], min((m.line for m in r.mentions), default=0)))
    return out, warnings


def _hit_key(h: _Hit) -> tuple[str, str | None]:
    """The document key a hit names, and its symbol."""
    if h.doc_id_hint:
        key = h.doc_id_hint
        return key, (key if h.symbol is None and re.match(r"^\d", key) else h.symbol)
    symbol = h.symbol or ""
    return symbol, symbol


def _hit_type(h: _Hit) -> str | None:
    """The genre a hit names: by the word before it, or by the code in its symbol where that
    word is missing or a generic one ("văn bản số 1605/TTr-SNgV" is a proposal); a code that
    names no genre is an official letter's ("574/UBND-NC")."""
    dt = doc_types()
    by_word = dt.by_name(h.type_word) if h.type_word else None
    by_code = dt.by_code(h.code) if h.code else None
    if by_word and not (by_code and dt.is_generic(h.type_word or "")):
        return by_word.name
    if by_code:
        return by_code.name
    return "Công văn" if h.code else None


def _completed(ref: LegalRef, dates: list[tuple[str, int]], where: Jurisdiction, warnings: list[str]) -> LegalRef:
    """A reference with its date (the first the text gives; others warned about), what the
    registry knows of it, its issuer by its code, and a local id for a symbol without a year."""
    dt = doc_types()
    reg = registry()
    distinct = list(dict.fromkeys(d for d, _ in dates))
    ref.date = distinct[0] if distinct else None
    ref.dates_in_text = distinct
    if len(distinct) > 1:
        where_lines = ", ".join(f"{d} (line {ln})" for d, ln in dates)
        warnings.append(f"{ref.symbol or ref.id} is dated differently in the text: {where_lines}; kept {distinct[0]}")
    known = reg.documents.get(ref.id)
    if known:
        ref.type = ref.type or known.type
        ref.issuer = ref.issuer or known.issuer
        if ref.type == "Luật":
            ref.issuer = known.issuer
    code = ref.issuer_code
    if ref.issuer is None and code:
        ref.issuer = dt.issuer_name(code)
    if ref.symbol and re.match(r"^\d", ref.symbol) and not ref.year and not _national(ref):
        year = ref.date[:4] if ref.date else "?"
        # a provincial Party committee's document cited by a commune is the province's
        provincial = ref.place is None and code in dt.provincial_codes and where.province
        ref.id = local_document_id(ref.symbol, ref.place or (where.province if provincial else where.place), year)
    return ref
