"""Source lines -> normalised logical lines, by a named list of cleaning steps.

Each step maps a list of `Line` to a list of `Line`; every `Line` keeps the source line
numbers it was built from, so provenance survives cleaning. Steps can be switched off by
name (`normalize(src, skip={"join_pdf_lines"})`) and are tested one by one.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from . import layout, marks
from .blocks import PAGE_NUMBER, Block, Table, block_lines, map_text
from .markup import text_blocks
from .models import Line
from .readers import SourceText
from .rules import CAPITALS, alternation, cues, doc_types, gazetteer, level_words, mark_restoring_phrases, marks_restorer, printed_genres

# PDF fonts with a broken ToUnicode table emit look-alike letters from other scripts.
# Each pair was seen in a real plan's text layer (seed 004's "Kӂ HOҤCH" = "KẾ HOẠCH").
MOJIBAKE = {
    "\u04c2": "Ế",  # Ӂ  CYRILLIC SMALL LETTER ZHE WITH BREVE, in "Kӂ HOҤCH"
    "\u04c1": "Ế",  # Ӂ  its capital, same font slot
    "\u04a4": "Ạ",  # Ҥ  CYRILLIC CAPITAL LIGATURE EN GHE, in "HOҤCH"
    "\u04a5": "ạ",  # ҥ  its small form
    "\u00a0": " ",  # no-break space from Word/PDF layout
    "\u200b": "",  # zero-width space from portal HTML
    "\ufeff": "",  # stray byte-order mark inside text
    "\u00ad": "",  # soft hyphen from PDF justification
    "\ufffe": "-",  # a hyphen PDFium's text cannot map ("Nghị định số 39/2010/NĐ\ufffeCP")
}

# UTF-8 read as Windows-1252 ("Nghá»‹ quyáº¿t"): recognisable by these pairs.
_UTF8_AS_CP1252 = re.compile(r"(?:á»|áº|Ã[\u0080-\u00bf]|Ä[‘\u0090-\u00bf]|Æ°|Æ¡)")

# After a division's number ("Điều 6"): what shows it heads a division, not a reference a wrapped
# line opens with ("Điều 6, Điều 7 …", "Điều 5 của Luật …" — a PDF's line breaks put them first)
DIVISION_NUMBER_END = r"(?!\s*[,;])(?!\s+[a-zđà-ỹ])"
# ("a.  Chủ trì …", a lettered point with a full stop, as Word's lists convert: a capital follows;
# not "p. Cống Vị", "q. Ba Đình", "x. Nga Sơn": a ward's, a district's, a commune's abbreviation)
_LABEL = re.compile(
    rf"^(?:[IVXLC]+\s*[.)]|\d{{1,2}}(?:\.\d{{1,2}})*\s*[.)]|[a-zđ]\s*\)|[a-nđ]\.\s+(?=[{CAPITALS}])|[-–—+•*]\s|(?:Điều|Chương|Mục|Phần)\s+(?:\d+|[IVXLC]+)\b{DIVISION_NUMBER_END})",
)
_DIVISION_LABEL = re.compile(rf"^(?:Điều|Chương|Mục|Phần)\s+(?:\d+|[IVXLC]+)\b{DIVISION_NUMBER_END}")
_BULLET_LABEL = re.compile(r"^[-–—+•*]\s")
# a point numbered in brackets ("(3) Bộ Công an …"): an item's first line, though no label that
# parts a paragraph here (a bracketed number may open a wrapped line mid-sentence)
POINT_LABEL = r"\((?P<label>\d{1,2})\)"
_POINT = re.compile(rf"^{POINT_LABEL}\s")
_TERMINAL = (".", ":", ";", "!", "?", "…", "”", '"', ")")
# Words no line ends on however short it is ("và", "của", "các", "với", "để"), and more after
# which a sentence cannot end: a line ending in one was cut by the PDF layout.
_NEVER_LAST = ("và", "của", "các", "với", "để")
_HARD_END = re.compile(rf"\b(?:{'|'.join(_NEVER_LAST)})$", re.I)  # in capitals too: "… NĂM 2026 CỦA" / "BỘ NỘI VỤ"
# a place-and-date line whose day, month and year a draft left blank ("Hà Nội, ngày   tháng   năm")
_BLANK_DATE_END = re.compile(r",\s*ngày\s+tháng\s+năm$", re.I)
_CONNECTOR_END = re.compile(rf"(?:\b(?:{'|'.join(_NEVER_LAST)}|số|ở|tại|ngày|về|theo|những|cho|trong|là|năm|tháng|điều|khoản|điểm)|[-,])$", re.I)


@dataclass
class Step:
    name: str
    func: Callable[[list[Line]], list[Line]]
    doc: str


def _map_text(lines: list[Line], func: Callable[[str], str]) -> list[Line]:
    # a line the step leaves as it was is kept (Line is frozen): most steps change few lines
    return [line if (text := func(line.text)) is line.text else Line(text, line.src, line.heading) for line in lines]


def nfc(lines: list[Line]) -> list[Line]:
    return _map_text(lines, lambda s: unicodedata.normalize("NFC", s))


# a scan reads the "I" of a Roman label, or the "1" of an item's, as "l" ("ll. NHIỆM VỤ", "l. Văn
# phòng … chủ trì"): no label of a Vietnamese text holds an "l"
_SCANNED_LABEL = re.compile(r"(?=[IVXl]*l)([IVXl]{1,4})\.\s+")


def _scanned_label(text: str) -> str:
    """A heading in capitals after it was a Roman label ("lll. TỔ CHỨC THỰC HIỆN"); a sentence
    after a lone "l." was the first item ("l. Văn phòng … chủ trì")."""
    lead = text[: len(text) - len(text.lstrip("*#_ "))]  # Markdown's emphasis or heading marks
    m = _SCANNED_LABEL.match(text, len(lead)) if text[len(lead) : len(lead) + 1] in ("l", "I", "V", "X") else None
    if m is None:
        return text
    rest = text[m.end() :]
    roman = m.group(1).replace("l", "I")
    if rest[:2].isupper() and re.fullmatch(r"I{1,3}|IV|VI{0,3}|IX|XI{0,3}", roman):
        return f"{lead}{roman}. {rest}"
    if m.group(1) == "l" and rest[:1].isupper() and rest[1:2].islower():
        return f"{lead}1. {rest}"
    return text


def fix_mojibake(lines: list[Line]) -> list[Line]:
    table = str.maketrans(MOJIBAKE)
    odd = re.compile("[" + "".join(MOJIBAKE) + "]")

    def fix(text: str) -> str:
        text = _scanned_label(text)
        if text.isascii():
            return text
        if _UTF8_AS_CP1252.search(text):
            try:
                text = text.encode("cp1252").decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                pass
        if odd.search(text):  # (translating a line builds it anew, changed or not)
            text = text.translate(table)
        return unicodedata.normalize("NFC", _latin_look_alikes(text))

    return _map_text(lines, fix)


@cache
def _look_alikes() -> tuple[re.Pattern[str], dict[int, str], re.Pattern[str]]:
    """A word that mixes Latin letters with letters of other scripts that look like them, the
    Latin letter each stands for (cues.yaml: look_alike_letters), and any such letter (most lines
    have none: looked for alone, it is found without trying a word at every letter)."""
    letters = cues()["look_alike_letters"]
    odd = "".join(letters)
    # a symbol's parts are one word ("NĐ-СР" with a Cyrillic С and Р, "137/2020/NĐ-СР")
    word = re.compile(rf"[\w{odd}\u0300-\u036f/-]*[{odd}][\w{odd}\u0300-\u036f/-]*")
    return word, str.maketrans(letters), re.compile(f"[{odd}]")


def _latin_look_alikes(text: str) -> str:
    """"củа", "Ủy bаn", "NĐ-СР" (Cyrillic а, С, Р): the Latin letter in a word that has Latin
    letters; a word wholly of another script is left as written."""
    word, table, odd = _look_alikes()
    if not odd.search(text):
        return text
    return word.sub(lambda m: m.group(0).translate(table) if _LATIN.search(m.group(0)) else m.group(0), text)


# Latin letters, Vietnamese ones included ("À-ỹ" would take in Cyrillic and Greek, which lie between)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_STRONG = re.compile(r"(\*\*|__)(.+?)\1")
_MD_EM = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")
_MD_BULLET = re.compile(r"^(\s*)\*\s+")
_MD_CHARS = re.compile(r"[*#_\\]")
_MD_TRAILING = re.compile(r"^\*{1,2}(?=\S)|(?<=\S)\*{1,2}$")
_BLANKS = re.compile(r"[ \t\f\v]+")
_DASH_PLUS = re.compile(r"^[-–]\s*\+\s*")


# patterns of the footnote, markdown and line-joining steps, compiled once (each runs per line)
_ALONE_BRACKET = re.compile(r"\[(\d{1,2})\]")
_GLUED_NUMBER = re.compile(r"(?<=[^\W\d_])(\d{1,2})(?=[;,.:)\s]|$)")
_STARS = re.compile(r"\*{2,}")
_STRAY_STAR = re.compile(r"(?<!\()\*(?!\))")
_HASH_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")
_ENUMERATED_HEAD = re.compile(r"(?<![\wÀ-ỹ])(?i:các)\s+[^\s:]+(?:,\s*[^\s:]+)*\s*:$")
_LONE_BULLET = re.compile(r"\s*[-–+•]\s*")
_DASH_END = re.compile(r"\S\s[-–]$")
_OPENER = re.compile(r"^(?:[-–]|\()\s*(\S)")
_YEAR_END = re.compile(r"\b(?:19|20)\d{2}$")
_YEAR_RANGE_START = re.compile(r"^[-–]\s*(?:19|20)\d{2}\b")
_DIVISION_NUMBER = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,5})\b")

# (a list's label may stand outside the bold, as converters write a numbered heading: "3. **Đề nghị …**")
_WHOLE_STRONG = re.compile(r"^\s*(?:#{1,6}\s+)?(?:(?:[IVXLC]{1,5}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]\s+)?(\*\*|__)(?=\S)(?:(?!\1).)+?(?<=\S)\1[\s.:]*$")


def strip_markdown(lines: list[Line]) -> list[Line]:
    """Markdown markers out; a line that was wholly bold or a `#` heading is marked a heading."""

    def fix(text: str) -> str:
        if not _MD_CHARS.search(text):
            return text
        text = _MD_HEADING.sub("", text)
        text = _MD_BULLET.sub(r"\1- ", text)
        text = _MD_STRONG.sub(r"\2", text)
        text = _MD_EM.sub(r"\1", text)
        # An emphasis span cut by a hard line break leaves unmatched markers.
        text = _MD_TRAILING.sub("", text.rstrip())
        text = _STARS.sub("", text)
        # stray single markers left where emphasis was cut ("2040*” *và"); "(*)" is a note mark
        text = _STRAY_STAR.sub("", text)
        return text.replace("\\", "")

    out = []
    for line in lines:
        heading = line.heading or bool(_WHOLE_STRONG.match(line.text) or _HASH_HEADING.match(line.text))
        out.append(Line(fix(line.text), line.src, heading))
    return out


def squeeze_whitespace(lines: list[Line]) -> list[Line]:
    return _map_text(lines, _squeeze)


def _squeeze(text: str) -> str:
    # most lines have single spaces only: nothing to squeeze
    if "  " in text or "\t" in text or "\f" in text or "\v" in text:
        text = _BLANKS.sub(" ", text)
    return text.strip()


def fix_bullets(lines: list[Line]) -> list[Line]:
    """`- + Cơ quan thực hiện` (a dash and a plus on one line) is a plus bullet; labels written
    with a slash, as some provinces' offices write them ("I/ NHIỆM VỤ", "1/ Phòng Kinh tế:",
    "a/ Chủ trì …"), are the labels "I.", "1.", "a)"."""
    return _map_text(lines, lambda s: _slash_label(_DASH_PLUS.sub("+ ", s)))


_SLASH_LABEL = re.compile(r"^(?P<label>[IVXL]{1,5}|\d{1,2}|[a-zđ])/\s+(?=\S)")


def _slash_label(text: str) -> str:
    m = _SLASH_LABEL.match(text)
    if m is None:
        return text
    label = m.group("label")
    return f"{label}{')' if label.islower() else '.'} {text[m.end():]}"


_FOOTNOTE_BODY = re.compile(rf"^(?P<n>\d{{1,2}})\s+(?P<text>[{CAPITALS}].+)$")
def _is_structural(text: str) -> bool:
    # the parts of a plan start with a capital; "yêu cầu các cơ quan …" in lower case is a
    # wrapped line, not the closing paragraph
    return not text[:1].islower() and bool(_structural().match(text))


@cache
def _structural() -> re.Pattern[str]:
    """Lines that open a new part of the plan (closing paragraph, recipients, signature,
    Roman section): never a continuation. From data/rules/cues.yaml."""
    c = cues()
    closing = "|".join(re.escape(x) for x in c["closing_cues"])
    formulas = "|".join(re.escape(f) + r"\." for f in c["signature_formulas"])
    return re.compile(rf"^(?:{closing}|{c['recipients_heading'].lstrip('^')}|(?:{formulas})\s|[IVXLC]+\s*\.)", re.I)


@dataclass
class Footnotes:
    notes: dict[str, Line] = field(default_factory=dict)


_BRACKET_BODY = re.compile(r"^\[(?P<n>\d{1,2})\]\s*(?P<text>\S.*)$")
_BRACKET_ANCHOR = re.compile(r"\[(\d{1,2})\]")
_GLUED_BRACKET_ANCHOR = re.compile(r"(?<=[^\W\d_])\[\d{1,2}\]")


def extract_footnotes(lines: list[Line], store: Footnotes | None = None, in_tables: Iterable[str] = ()) -> list[Line]:
    """Cut footnote bodies out of the running text; keep them keyed by their number.

    A footnote body starts with its number and a capital ("1 Thực hiện ...") after the
    anchor ("lãng phí1;") appeared glued to a word earlier, or, in portal exports, with its
    number in brackets ("[1] Nghị quyết số …" after "văn bản có liên quan[1];"). Anchors are
    removed from the text so they do not turn into numbers of something. `in_tables`: anchors
    the tables hold ("Cơ quan chủ trì[1]" in a header row no line keeps).
    """
    store = store if store is not None else Footnotes()
    out: list[Line] = []
    anchors: dict[str, int] = {}
    bracketed = set(in_tables)  # "[1]" anchors: a bracketed body only ("[1] Tại …")
    i = 0
    while i < len(lines):
        line = lines[i]
        alone = _ALONE_BRACKET.fullmatch(line.text.strip())
        if alone and alone.group(1) in bracketed and i + 1 < len(lines) and lines[i + 1].text:
            # "[2]" / "Toàn bộ 34 tỉnh, …": the number on a line of its own, its body below
            i += 1
            line = Line(f"{line.text.strip()} {lines[i].text}", line.src + lines[i].src)
        m = _FOOTNOTE_BODY.match(line.text)
        bracket = _BRACKET_BODY.match(line.text)
        if (m and m.group("n") in anchors and not _LABEL.match(line.text)) or (bracket and bracket.group("n") in bracketed):
            m = m if m and m.group("n") in anchors and not _LABEL.match(line.text) else bracket
            assert m is not None  # one of the two matched, by the test above
            body = [m.group("text")]
            src = list(line.src)
            i += 1
            while i < len(lines) and not body[-1].endswith("."):
                nxt = lines[i]
                if not nxt.text:
                    i += 1
                    continue
                if _is_structural(nxt.text) or _FOOTNOTE_BODY.match(nxt.text) or _BRACKET_BODY.match(nxt.text) or _LABEL.match(nxt.text):
                    break
                body.append(nxt.text)
                src.extend(nxt.src)
                i += 1
            store.notes[m.group("n")] = Line(" ".join(body), tuple(src))
            continue
        for anchor in _GLUED_NUMBER.finditer(line.text):
            if line.text[anchor.start() - 1].islower():  # "lãng phí1": a footnote mark after a word
                anchors.setdefault(anchor.group(1), line.first)
        bracketed.update(_bracket_anchors(line.text))
        out.append(line)
        i += 1
    if store.notes:
        pattern = re.compile(r"(?<=[^\W\d_])(" + "|".join(map(re.escape, store.notes)) + r")(?=[;,.:)\s]|$)")
        brackets = re.compile(r"\[(?:" + "|".join(map(re.escape, store.notes)) + r")\]")
        out = _map_text(out, lambda s: brackets.sub("", pattern.sub(lambda m: "" if s[m.start() - 1].islower() else m.group(0), s)))
    # a consolidated text's anchors whose notes the portal left out ("cơ quan có chức năng quản lý
    # đất đai cấp tỉnh[8] xem xét …"): glued to a word, a mark, not a number of the text
    return _map_text(out, lambda s: _GLUED_BRACKET_ANCHOR.sub("", s) if "[" in s else s)


def _table_anchors(blocks: list[Block]) -> set[str]:
    """The note numbers anchored in the tables' cells ("Cơ quan chủ trì[1]")."""
    return {
        a
        for b in blocks
        if isinstance(b, Table)
        for row in b.rows
        for cell in row
        for line in cell.lines
        for a in _bracket_anchors(line.text)
    }


def _bracket_anchors(text: str) -> list[str]:
    """The note numbers a text anchors ("Cơ quan chủ trì[1]"); a "[1]" that opens the line is
    the note's own body, not an anchor."""
    return [a.group(1) for a in _BRACKET_ANCHOR.finditer(text) if a.start() > 0]


def _heading_like(text: str) -> bool:
    letters = list(filter(str.isalpha, text))
    return len(letters) >= 2 and sum(map(str.isupper, letters)) / len(letters) > 0.6


_BARE_LABEL = re.compile(r"^(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)]$")


def _glue_heading(block: list[Line]) -> list[Line]:
    """A label cut from its heading inside one block ("III." / "NHIỆM VỤ …", "I. MỤC" / "ĐÍCH").

    Emphasis marks usually hold such a heading together; without them the block itself
    still shows that the lines belong to one heading.
    """
    if len(block) < 2 or block[0].heading or block[1].heading or _LABEL.match(block[1].text):
        return block
    first, second = block[0].text, block[1].text
    bare = bool(_BARE_LABEL.match(first))
    caps_cut = bool(_LABEL.match(first)) and _heading_like(first) and _heading_like(second) and len(first) + len(second) < 160
    if not (bare or caps_cut):
        return block
    return [Line(f"{first} {second}", block[0].src + block[1].src), *block[2:]]


def _wrapped_paragraph(block: list[Line], width: int, first_line: float = 0.0) -> bool:
    """A blank-separated block that is one paragraph hard-wrapped at the page width.

    Portal Markdown writes each paragraph as a block of lines cut near the page width (the
    first is often shorter: the indent was counted); lines of a list, a signature or a
    heading block are short or open with a label.
    """
    if len(block) < 2 or any(l.heading for l in block):
        return False
    texts = [l.text for l in block]
    if any(_LABEL.match(t) or _is_structural(t) for t in texts[1:]):
        return False
    if _heading_like(texts[0]) or any(_heading_like(t) for t in texts[1:]):
        return False
    if texts[0].endswith(_TERMINAL) and not texts[1][:1].islower():
        return False
    if len(block) == 2 and _DIVISION_LABEL.match(texts[0]) and (_subject_and_verb(texts[1]) or _opens_with_a_verb(texts[1])):
        # "Điều 3. Những nội dung …" / "Phòng Hành chính - Tổng hợp chủ trì, …", "Điều 8. Đề nghị Ủy
        # ban MTTQ tỉnh" / "Chỉ đạo Ban Thanh tra nhân dân …": a title, then its duty
        return False
    middle = texts[1:-1]
    if len(block) == 2:
        # the first line is short by the portal's indent: as long as the document's other
        # paragraphs' first lines, it was wrapped too
        return len(texts[0]) >= min(0.4 * width, 0.85 * first_line if first_line else width)
    return all(len(t) >= 0.7 * width for t in middle)


def _first_line_length(lines: list[Line], width: int) -> float:
    """How long the first line of a wrapped paragraph is in this document: the median over
    blocks of three or more lines that are surely wrapped (a portal counts the indent)."""
    firsts: list[int] = []
    block: list[Line] = []
    for line in lines + [Line("", ())]:
        if line.text:
            block.append(line)
            continue
        if len(block) >= 3 and _wrapped_paragraph(block, width):
            firsts.append(len(block[0].text))
        block = []
    if len(firsts) < 3:
        return 0.0
    firsts.sort()
    return float(firsts[len(firsts) // 2])


def join_pdf_lines(lines: list[Line]) -> list[Line]:
    """Re-join sentences cut by PDF layout or hard wraps, keeping real item boundaries.

    A blank-separated block that is one hard-wrapped paragraph is joined whole. Elsewhere,
    always joined: a next line that starts in lower case, or with a number that is not an
    item label, after a line with no sentence-final mark. In documents that are visibly
    hard-wrapped, also a line that starts with a capital after a long unterminated one, or
    after a line ending in a word that cannot end a sentence ("của", "số", "ngày"...).
    A heading (a wholly bold line) is never joined.
    """
    nonblank = [line for line in lines if line.text]
    if not nonblank:
        return []
    lengths = sorted(len(b.text) for b in nonblank)
    # the page width in characters: a line well short of it ends its paragraph
    width = lengths[int(0.9 * (len(lengths) - 1))]
    first_line = _first_line_length(lines, width)
    # blank-separated blocks; a wrapped paragraph becomes one line first
    units: list[Line] = []
    block: list[Line] = []
    for line in lines + [Line("", ())]:
        if line.text:
            block.append(line)
            continue
        block = _glue_heading(block)
        if _wrapped_paragraph(block, width, first_line):
            text = block[0].text
            for nxt in block[1:]:
                text += ("" if re.search(r"\d-$", text) else " ") + nxt.text
            units.append(Line(text, tuple(n for l in block for n in l.src)))
        else:
            units.extend(block)
        block = []
    lower_joins = sum(
        1
        for a, b in zip(units, units[1:])
        if not a.text.endswith(_TERMINAL) and b.text[:1].islower() and not _LABEL.match(b.text)
    )
    wrapped = lower_joins >= max(3, 0.08 * len(units))
    out: list[Line] = [units[0]]
    last_physical = units[0].text
    for line in units[1:]:
        prev = out[-1]
        if not prev.heading and not line.heading and _should_join(last_physical, line.text, wrapped, width):
            glue = "" if re.search(r"\d-$", prev.text) else " "
            out[-1] = Line(prev.text + glue + line.text, prev.src + line.src)
        elif prev.heading and line.heading and _heading_goes_on(prev.text, line.text):
            out[-1] = Line(f"{prev.text} {line.text}", prev.src + line.src, True)
        else:
            out.append(line)
        last_physical = line.text
    return out


def _name_start(text: str) -> bool:
    """Does the line start with a name, which a cut sentence continues into?

    Vietnamese capitalises every syllable of a proper name ("Quảng Trị", "Bộ Chính trị") or
    writes an acronym ("UBND", "KL/TW"); a new sentence capitalises only its first syllable
    ("Thực hiện …", "Các cơ quan …"). Document types ("Nghị quyết số …") are names too.
    """
    words = text.split()
    if not words:
        return False
    first = re.sub(r"[^\wÀ-ỹĐđ/]", "", words[0])
    if len(first) >= 2 and first.replace("/", "").isupper():
        return True
    if len(words) >= 2 and words[0][:1].isupper() and words[1][:1].isupper():
        return True
    from .agencies import find_agencies

    found = find_agencies(" ".join(words[:8]))
    if found and found[0].start == 0 and found[0].known:
        return True  # "Ủy ban nhân dân xã …": a body's name
    return any(text.startswith(name) for name in doc_types().all_names)


def _cut_place_name(prev: str, nxt: str) -> bool:
    from . import places

    tail = prev.split()[-2:]
    words = [re.sub(r"[^\wÀ-ỹĐđ]", "", w) for w in nxt.split()[:4]]
    head = words[0] if words else ""
    if not (tail and head[:1].isupper()) or (len(head) > 1 and head.isupper()):
        return False  # capitals of a line in upper case mark no name ("ỦY BAN NHÂN DÂN" / "CHỦ TỊCH")
    if _level_word_end().search(prev):
        # the level word, then the place's whole name on the next line
        return any(places.is_place_name(" ".join(words[:n])) for n in range(len(words), 0, -1) if all(w[:1].isupper() for w in words[:n]))
    if not tail[-1][:1].isupper():
        return False
    return any(places.is_place_name(" ".join(tail[i:] + [head])) for i in range(len(tail)))


@cache
def _level_word_end() -> re.Pattern[str]:
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(level_words())})$")


def _cut_country(prev: str, nxt: str) -> bool:
    """"… Đài Tiếng nói Việt" / "Nam, …": the break falls inside the country's name."""
    cut = len(prev)
    return any(m.start() < cut < m.end() for m in _country_name().finditer(f"{prev} {nxt}"))


@cache
def _country_name() -> re.Pattern[str]:
    return re.compile(rf"(?<![\wÀ-ỹ]){alternation([cues()['country']])}(?![\wÀ-ỹ])")


@cache
def _full_motto() -> re.Pattern[str]:
    return re.compile(cues()["portal"]["motto_full"])


def _cut_motto(prev: str, nxt: str) -> bool:
    full = _full_motto()
    return not full.match(prev) and bool(full.match(f"{prev} {nxt}".strip()))


def _cut_agency_name(prev: str, nxt: str, any_name: bool = False) -> bool:
    """Does an agency name run across the break ("Văn phòng" / "Ủy ban nhân dân tỉnh"; "Tập đoàn
    Công nghiệp" / "- Viễn thông Quân đội …", a dash inside the name that looks like a bullet)?
    A known name, or with `any_name` one a family's head begins ("… phối hợp với Công ty Tân
    Cảng" / "- Petro Cam Ranh khi …")."""
    from .agencies import find_agencies

    if _in_capitals(nxt) and not _in_capitals(prev):
        # "… trên địa bàn tỉnh" / "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ": a line in capitals under one in
        # sentence case is a heading of its own (an enacting authority), not "tỉnh ủy" cut in two
        return False
    dash = re.match(r"^[-–]\s+", nxt)
    # "Tập đoàn Công nghiệp - Năng lượng" / "Quốc gia Việt Nam …": the name's head may lie far back
    tail = prev.split()[-8:]
    # "Sở" / "Khoa học và Công nghệ": a known name is longer than four words
    head = nxt.split()[: 9 if dash else 8]
    if not tail or not head or not (head[0][:1].isupper() or (dash and head[1:2] and head[1][:1].isupper())):
        return False
    joined = " ".join(tail + head)
    cut = len(" ".join(tail))
    # the name itself runs across, not only a place taken after it ("… Ủy ban nhân dân cấp xã" /
    # "Chủ tịch …" is no place "Chủ")
    return any(a.start < cut < a.end and (a.known or any_name) and not (a.place and joined.find(a.place, a.start) >= cut) for a in find_agencies(joined))


def _in_capitals(line: str) -> bool:
    """Two words or more, every letter a capital."""
    return len(line.split()) >= 2 and line.isupper()


@cache
def _title_end() -> re.Pattern[str]:
    """A head's title wherever it ends the line ("… của Bộ trưởng" / "Bộ Tài chính hướng dẫn …"),
    not only as a list's member as `agencies` strips trailing titles (cues.yaml: head_titles)."""
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(cues()['head_titles'])})$", re.I)


def _title_before_its_body(prev: str, nxt: str) -> bool:
    """"Cục trưởng" / "Cục Hải quan thông báo để …": a head's title, in sentence case, at a
    line's end, and the body it heads opens the next line (a signature's "CỤC TRƯỞNG" in
    capitals is no such title)."""
    if not _title_end().search(prev) or prev.isupper() or nxt.split()[0].isupper():
        return False
    return _opens_with_a_body(nxt)


def _opens_with_a_body(line: str) -> bool:
    """A line whose first words are a body's name."""
    from .agencies import find_agencies

    found = find_agencies(" ".join(line.split()[:8]))
    return bool(found) and found[0].start == 0


def _verbs_that_take_a_body() -> list[str]:
    """The verbs whose object is a body (cues.yaml: predicates): they give work to, direct,
    work with or submit to it."""
    said = cues()["predicates"]
    return [*said["delegate"], *said["direct"], *said["support"], *said["submit"]]


@cache
def _body_verb_end() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A verb whose object is a body, at a line's end (cues.yaml: predicates) — it gives work
    to, works with or submits to the body after it — and the nouns that end in the same word
    ("quy trình", "công trình": stop_word_nouns)."""
    verb = re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(_verbs_that_take_a_body())})$", re.I)
    noun = re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(cues()['stop_word_nouns'])})$", re.I)
    return verb, noun


def _verb_before_its_object(prev: str, nxt: str) -> bool:
    """"Điều 3. Giao" / "Sở Dân tộc và Tôn giáo chủ trì …", "… chủ trì, phối hợp" / "Bộ Khoa học
    và Công nghệ, …", "Các bộ khẩn trương trình" / "Chính phủ ban hành …": such a verb cannot end
    a sentence; the body it takes opens the next line."""
    verb, noun = _body_verb_end()
    return bool(verb.search(prev)) and not noun.search(prev) and _opens_with_a_body(nxt)


@cache
def _bare_head_after_its_verb() -> re.Pattern[str]:
    """A body's head word alone right after a word that takes a body ("… báo để Công ty", "…
    phối hợp với Trung tâm"): the name goes on (cues.yaml: predicates, notice_closing,
    clause_words.partner_preposition, agency_heads; the gazetteer's families)."""
    takes = [*_verbs_that_take_a_body(), cues()["notice_closing"]["purpose"], *cues()["clause_words"]["partner_preposition"]]
    heads = alternation({*(h for h in cues()["agency_heads"] if len(h.split()) <= 2), *(f.head for f in gazetteer().families)})
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(takes)})\s+(?:{heads})$", re.I)


@cache
def _company_form_end() -> re.Pattern[str]:
    """A company's head and legal form, its name still to come, whatever comes before it ("… báo
    để Công ty TNHH" / "Brenntag Việt Nam biết …", "… các Công ty TNHH Một thành viên" / "Khai thác
    công trình thủy lợi; …"; cues.yaml: company_forms): no sentence ends there."""
    heads = alternation(f.head for f in gazetteer().families if f.kind == "enterprise")
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{heads})\s+(?:{alternation(cues()['company_forms'])})$", re.I)


def _enumeration_cut(prev: str, nxt: str) -> bool:
    """"Bộ trưởng các Bộ:" / "Xây dựng, Ngoại giao, Tư pháp …": the members of an enumerated
    head run on past the break (the colon opens the list, it ends no sentence)."""
    # only every body of a kind ("các Sở:"): "1. Lãnh đạo Sở:" heads a paragraph of its own
    if not _ENUMERATED_HEAD.search(prev) or not nxt[:1].isupper() or _LABEL.match(nxt):
        return False
    from .agencies import expand_enumerations

    joined = f"{prev} {nxt}"
    return expand_enumerations(joined) != f"{expand_enumerations(prev)} {expand_enumerations(nxt)}"


def _should_join(prev: str, nxt: str, wrapped: bool, width: int) -> bool:
    """`prev` is the last physical line before `nxt`."""
    if _enumeration_cut(prev, nxt):
        return True
    if prev.endswith(_TERMINAL) or (_BLANK_DATE_END.search(prev) and not nxt[:1].isdigit()):
        return False  # a sentence's end; "Hà Nội, ngày tháng năm" / "Số: /CĐ-VPCP": a blank date ends its line
    if _LONE_BULLET.fullmatch(prev) and nxt[:1].isalnum():
        return True  # "-" / "Văn phòng Chính phủ (để đăng công báo);": a bullet cut from its item
    if _DASH_END.search(prev) and nxt[:1].isupper():
        return True  # "… Công ty Tân Cảng -" / "Petro Cam Ranh khi …": a dash between two names' words
    opener = _OPENER.match(nxt)
    if _YEAR_END.search(prev) and _YEAR_RANGE_START.match(nxt):
        return True  # "giai đoạn 2026" / "- 2030, …": a range of years cut at its dash
    if opener and opener.group(1).islower():
        # "thông tin" / "- viễn thông": a hyphenated phrase wrapped at its dash, not a bullet;
        # "(sau đây gọi là …)": a parenthesis that opens in lower case continues a sentence
        return True
    if layout.is_bare_division(prev) and _DIVISION_NUMBER.match(nxt):
        return True  # "Điều" / "13. Trách nhiệm …": the division's number wrapped
    if opener and _cut_agency_name(prev, nxt, any_name=len(prev) >= 0.8 * width):
        # "… Tập đoàn Công nghiệp" / "- Viễn thông Quân đội theo …": one name; after a line
        # the wrap filled, any body's name ("… với Công ty Tân Cảng" / "- Petro Cam Ranh khi …")
        return True
    if _LABEL.match(nxt):
        return False
    if _is_structural(nxt) or _genre_heading().match(prev) or _genre_heading().match(nxt):
        # "KẾ HOẠCH" / "thực hiện Kết luận số 120-KL/TW …": the title under its genre; and the
        # genre alone in capitals opens the body, whatever the line above left open ("Hà Nội,
        # ngày tháng năm" / "CÔNG ĐIỆN": a blank date's line ends on "năm")
        return False
    first = nxt[:1]
    if first.islower():
        return True
    if first.isdigit():
        return bool(_CONNECTOR_END.search(prev)) or wrapped
    if _CONNECTOR_END.search(prev) and (wrapped or len(prev) >= 0.8 * width or _HARD_END.search(prev)):
        return True  # the sentence goes on
    if _cut_agency_name(prev, nxt) or _title_before_its_body(prev, nxt) or _verb_before_its_object(prev, nxt):
        return True  # "Điều 3. Chánh Văn phòng" / "Ủy ban nhân dân tỉnh, …": one name
    if (_bare_head_after_its_verb().search(prev) or _company_form_end().search(prev)) and nxt[:1].isupper():
        return True  # "… báo để Công ty" / "TNHH Thương mại Dịch vụ NMT biết …", "… Công ty TNHH" / "…"
    if _type_word_end().search(prev) and len(prev) >= 0.6 * width:
        return True  # "…; Luật" / "Ban hành văn bản quy phạm pháp luật …": a document's name goes on
    if _cut_motto(prev, nxt):
        return True  # "CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM"
    if _cut_country(prev, nxt):
        # the country, in every national body's name, even on an item's short first line
        # ("l) Đài Truyền hình Việt Nam, Đài Tiếng nói Việt" / "Nam, Thông tấn xã …")
        return True
    if _cut_place_name(prev, nxt):
        # a place's name cut in two ("tỉnh Điện" / "Biên") or from its level word ("Ủy ban nhân
        # dân tỉnh" / "Điện Biên và …"): no sentence ends there, however short the line (the
        # first line of a paragraph is short where the page indented it)
        return True
    # an item's first line is shorter by its label's indent ("- Chỉ đạo Ban Quản lý dự án, Bệnh
    # viện Hữu nghị Việt" / "Đức, Bệnh viện Bạch Mai thúc đẩy …")
    if wrapped and _name_after_a_full_line(prev, nxt, width):
        return True
    return bool(re.search(r"\d-$", prev))


def _name_after_a_full_line(prev: str, nxt: str, width: int) -> bool:
    """A line the wrap filled, then a name: the sentence goes on — but under a numbered item's
    heading a body and its verb open the item's first sentence ("4. Kiện toàn Ban Thanh tra nhân
    dân, …" / "Ủy ban Mặt trận Tổ quốc Việt Nam xã chủ trì, …"); a bullet's line, or a line where
    a sentence already ended ("… Kế hoạch này. Tham mưu" / "Ủy ban nhân dân Thành phố theo dõi
    …"), is a sentence the wrap cut."""
    label = _LABEL.match(prev) or _POINT.match(prev)
    if len(prev) < (0.6 if label else 0.8) * width or not _name_start(nxt):
        return False
    heading = label is not None and not _BULLET_LABEL.match(prev) and not re.search(r"[.;:]\s", prev[label.end() :])
    return not (heading and _subject_and_verb(nxt))


def _opens_with_a_verb(line: str) -> bool:
    """A capitalised verb opens the line ("Chỉ đạo …", "Bố trí …"): a duty's first word."""
    from .agencies import predicate_regex  # (the agencies' module reads lines this one has made)

    return line[:1].isupper() and predicate_regex().match(line) is not None


def _subject_and_verb(line: str) -> bool:
    from .agencies import opens_with_subject  # (the agencies' module reads lines this one has made)

    return opens_with_subject(line)


def _heading_goes_on(prev: str, nxt: str) -> bool:
    """A bold heading a portal parted in two ("3. Đề nghị Ủy ban MTTQ …, Hội Liên hiệp" / "Phụ
    nữ Thành phố và …"): the second half opens no item and the cut falls inside a name or after
    a word a heading cannot end on — or inside a bracket it opened ("1. Các cơ quan đăng ký đầu tư
    (Sở Tài chính, …, Ban quản lý" / "Khu Nông nghiệp ứng dụng Công nghệ cao …):")."""
    if prev.endswith(_TERMINAL) or _LABEL.match(nxt) or _is_structural(nxt):
        return False
    unclosed = prev.count("(") > prev.count(")")
    return nxt[:1].islower() or unclosed or bool(_CONNECTOR_END.search(prev)) or _cut_agency_name(prev, nxt)


@cache
def _genre_heading() -> re.Pattern[str]:
    """A genre printed alone on its line in capitals ("KẾ HOẠCH", "NGHỊ QUYẾT"): the line under
    it is its title, though the title opens in lower case."""
    return re.compile(rf"^(?:{alternation(printed_genres())})$")


@cache
def _type_word_end() -> re.Pattern[str]:
    """A line that ends on a document type word ("Luật", "Nghị định") was cut before its name."""
    names = alternation(doc_types().all_names)
    return re.compile(r"(?<![\wÀ-ỹ])(?:" + names + r")$")


def restore_cue_marks(lines: list[Line]) -> list[Line]:
    """The words of assignment and of collective bodies written with their marks where a scan
    misread one ("các sơ, ban, ngành" -> "các sở, ban, ngành", "chủ tri" -> "chủ trì"), and the
    Party's signing formulas as the others are written ("T/M" -> "TM."); a clean text is left as
    it is. Same length, so offsets into the line still hold."""
    restore = marks_restorer(mark_restoring_phrases())
    formulas, written = _formula_variants()
    lines = _map_text(lines, lambda s: formulas.sub(lambda m: f"{written[m.group(1)]}.", s) if "/" in s[:4] else s)
    return _map_text(lines, lambda s: restore(s) if not s.isascii() else s)


@cache
def _formula_variants() -> tuple[re.Pattern[str], dict[str, str]]:
    """"T/M ĐẢNG ỦY", "K/T BÍ THƯ": a signing formula as the Party writes it, the same length as
    "TM." (cues.yaml: signature_formula_variants)."""
    table = cues()["signature_formula_variants"]
    return re.compile(rf"^({'|'.join(map(re.escape, table))})(?=\s+[{CAPITALS}])"), table


def drop_page_numbers(lines: list[Line]) -> list[Line]:
    """A page's number a text file kept between two pages ("… tuyên truyền về" / "2" / "\fLuật
    Thực hiện …", as `pdftotext` writes a page break, and "Trang 2/3"): dropped where a page break
    (a form feed) is beside it, or where it says "Trang"; a gazette's running head wherever it is."""
    out: list[Line] = []
    heads = _running_heads()
    for k, line in enumerate(lines):
        bare = line.text.replace("\f", "").strip()
        if bare and heads.match(bare):
            continue  # a gazette's head over the page (cues.yaml: running_heads)
        if bare and PAGE_NUMBER.match(bare):
            after = next((l.text for l in lines[k + 1 :] if l.text.strip()), "")
            paged = "\f" in line.text or after.startswith("\f") or (k > 0 and "\f" in lines[k - 1].text)
            # (a number alone with no page break beside it may be a table's row, its cells a line
            # each: corpus 592501a2…, ea34a356…)
            if paged or bare[:1].isalpha():
                continue
        out.append(line)
    return out


@cache
def _running_heads() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{h})" for h in cues()["running_heads"]))


def _drop_blank(lines: list[Line]) -> list[Line]:
    return [line for line in lines if line.text]


STEPS: tuple[Step, ...] = (
    Step("nfc", nfc, "Unicode NFC: composed Vietnamese letters"),
    Step("fix_mojibake", fix_mojibake, "PDF font look-alikes, UTF-8-read-as-cp1252, a scan's 'l' for 'I' or '1' in a label"),
    Step("repair_marks", lambda lines: lines, "a scan's slips in marks, where the document reads as a scan's (ingest/marks.py)"),
    Step("tables", lambda lines: lines, "the reader's tables written out: header block, task tables as items, a paragraph per cell"),
    Step("join_emphasis", layout.join_emphasis, "an emphasis span left open continues on the next line"),
    Step("drop_decoration", layout.drop_decoration, "rules under the header, empty emphasis"),
    Step("trim_portal", layout.trim_portal, "the portal's text before and after the document"),
    Step("drop_page_numbers", drop_page_numbers, "a page's number a text file kept between its pages, a gazette's running head"),
    Step("strip_markdown", strip_markdown, "Markdown headings, emphasis and bullets"),
    Step("squeeze_whitespace", squeeze_whitespace, "collapse spaces, trim lines"),
    Step("fix_bullets", fix_bullets, "a dash and a plus on one line is a plus bullet"),
    Step("extract_footnotes", extract_footnotes, "footnote bodies out of the text, anchors removed"),
    Step("join_pdf_lines", join_pdf_lines, "re-join lines cut mid-sentence"),
    Step("bracketed_attributes", layout.bracketed_attributes, "an item's lead, partners and time in a bracket after it as its attribute lines"),
    Step("restore_cue_marks", restore_cue_marks, "cue words a scan misread a mark of, and the Party's signing formulas, written right"),
    Step("drop_blank", _drop_blank, "drop empty lines"),
)
STEP_NAMES = tuple(step.name for step in STEPS)


def _document_letters(raw: tuple[str, ...], skipped: set[str]) -> Callable[[str], str]:
    """What is done to each source line's letters before its layout is read (a column named
    "ÐƠN VỊ CHỦ TRÌ", with an eth, or "ĐƠN VỊ CHỦ TRI" from a scan, is the lead's column): the
    look-alike letters of other scripts and a number's letters a scan misread ("2O26"), then, in a
    document that reads as a scan's, the marks its neighbours say a word lost."""
    look_alikes = (lambda text: marks.figures(_latin_look_alikes(text))) if "fix_mojibake" not in skipped else (lambda text: text)
    repair = None if "repair_marks" in skipped else marks.repairer(tuple(look_alikes(line) for line in raw))
    if repair is None:
        return look_alikes
    return lambda text: repair(look_alikes(text))


@dataclass
class Normalised:
    lines: list[Line]
    footnotes: dict[str, Line]
    portal: dict[str, str] = field(default_factory=dict)  # the portal's metadata table, if any


def normalize(source: SourceText | Iterable[str], skip: Iterable[str] = ()) -> Normalised:
    """Run every cleaning step not named in `skip`, in order."""
    skipped = set(skip)
    unknown = skipped - set(STEP_NAMES)
    if unknown:
        raise ValueError(f"unknown normalisation steps {sorted(unknown)}; known: {', '.join(STEP_NAMES)}")
    raw = source.lines if isinstance(source, SourceText) else tuple(source)
    letters = _document_letters(raw, skipped)
    if isinstance(source, SourceText) and source.blocks:
        fixed = tuple(letters(line) for line in source.lines)
        if fixed == source.lines:
            blocks = list(source.blocks)
        elif source.format in ("md", "txt"):
            blocks = text_blocks(fixed)  # a table's header is found by its words
        else:
            blocks = [map_text(b, letters) for b in source.blocks]
    else:
        blocks = text_blocks(tuple(letters(line) for line in raw))
    if "tables" in skipped:
        lines = [l for b in blocks for l in block_lines(b)]
    else:
        lines = layout.render(blocks)
    notes = Footnotes()
    meta = layout.PortalMeta()
    for step in STEPS:
        if step.name in skipped:
            continue
        if step.name == "extract_footnotes":
            lines = extract_footnotes(lines, notes, _table_anchors(blocks))
        elif step.name == "trim_portal":
            lines = layout.trim_portal(lines, meta)
        else:
            lines = step.func(lines)
    return Normalised(lines, notes.notes, meta.fields)
