"""File formats -> the document model. Owns decoding, format detection and the source-line map.

A reader returns `SourceText`: the file's text as a list of lines, numbered from 1, which
every later step refers back to, and its blocks (`blocks.py`): those lines and the tables the
reader found in its own layout — Markdown and text through `markup`, HTML through `html_text`,
DOCX through `docx_text`, PDF through `pdf_text`. Bad input raises `ReadError` naming the file.
"""
from __future__ import annotations

import codecs
import hashlib
import io
import re
import stat
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

from .blocks import Block, Table, block_lines, map_text, numbered
from .errors import EncodingError, ReadError
from .rules import legacy_fonts

MAX_BYTES = 20 * 1024 * 1024  # a plan is tens of KB; 20 MB is far beyond any real one
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
SUFFIXES = TEXT_SUFFIXES | {".docx", ".pdf", ".html", ".htm"}

# Latin-1 characters that never occur in Vietnamese text but fill TCVN3 (ABC) and VNI text
# read as Windows-1252 ("KÕ ho¹ch", "Keá hoaïch"): in bulk they name the legacy encoding.
_LEGACY_MARKS = set("¸µ¶·¹¨»¾¼½Æ©ÇËÐÎÏÑªÖ«×ØÜÞ¬ßäåæçëîïñö÷øüû®°±²³´¿¢£¤¥¦§")
# TCVN3 keeps its tone marks in these slots; VNI writes a vowel and then a mark letter.
_TCVN3_TONES = set("¸µ¶·¹¾¼½ÆÇËÎÏÑ×ØÜÞ")
_VNI_PAIRS = re.compile(r"[aeiouyAEIOUY][øùûõïäöñ]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_LEGACY_RE = re.compile("[" + re.escape("".join(sorted(_LEGACY_MARKS))) + "]")


@dataclass(frozen=True)
class SourceText:
    path: str
    format: str  # txt | md | docx | pdf | html
    lines: tuple[str, ...]
    encoding: str
    sha256: str
    pages: tuple[int, ...] | None = None  # page of each line, for PDF
    blocks: tuple[Block, ...] = ()  # the lines and tables the reader found
    font: str | None = None  # the legacy font the text was typed in and read from ("tcvn3", "vni")


def read(path: str | Path, max_bytes: int = MAX_BYTES) -> SourceText:
    """Read one plan file of any supported format."""
    p = Path(path)
    shown = str(path)
    if not p.exists():
        raise ReadError("a dangling link: what it points at does not exist" if p.is_symlink() else "no such file", shown)
    if p.is_dir():
        raise ReadError("is a folder, not a plan file", shown)
    if not stat.S_ISREG(p.stat().st_mode):
        # a pipe would block the reader, a device never end: neither is opened
        raise ReadError("is not a regular file (a pipe, a socket or a device); skipped", shown)
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReadError(f"unknown format {suffix or '(no extension)'!r}; expected one of {', '.join(sorted(SUFFIXES))}", shown)
    try:
        size = p.stat().st_size
        if size == 0:
            raise ReadError("empty file", shown)
        if size > max_bytes:
            raise ReadError(f"too large ({_mib(size)}; the limit is {_mib(max_bytes)})", shown)
        data = p.read_bytes()
    except PermissionError:
        raise ReadError("cannot be read: permission denied", shown) from None
    except OSError as exc:
        raise ReadError(f"cannot be read: {exc.strerror or exc.__class__.__name__}", shown) from None
    digest = hashlib.sha256(data).hexdigest()
    if suffix in TEXT_SUFFIXES:
        from .markup import text_blocks

        text, encoding, font = decode_text(data, shown)
        fmt = "md" if suffix in {".md", ".markdown"} else "txt"
        lines = tuple(unicodedata.normalize("NFC", text).split("\n"))
        return SourceText(shown, fmt, lines, _with_font(encoding, font), digest, blocks=tuple(text_blocks(lines)), font=font)
    if suffix == ".docx":
        [docx_page], font = _in_its_letters([_docx_blocks(data, shown)])
        lines, blocks = numbered(docx_page)
        return SourceText(shown, "docx", lines, _with_font("docx", font), digest, blocks=tuple(blocks), font=font)
    if suffix == ".pdf":
        lines, blocks, pages, font = _pdf_blocks(data, shown)
        return SourceText(shown, "pdf", lines, _with_font("pdf", font), digest, pages, tuple(blocks), font)
    text, encoding, font = decode_text(data, shown)
    lines, blocks = numbered(_html_blocks(text, shown))
    return SourceText(shown, "html", lines, _with_font(encoding, font), digest, blocks=tuple(blocks), font=font)


def _with_font(encoding: str, font: str | None) -> str:
    """"utf-8, TCVN3 font": how the text was read, and the legacy font it was typed in."""
    return f"{encoding}, {font.upper()} font" if font else encoding


def _mib(n: int) -> str:
    return f"{n / 2**20:.1f} MiB" if n % 2**20 else f"{n // 2**20} MiB"


# a .docx is a zip: what its XML parts inflate to is bounded, so a small "zip bomb" cannot
# take the memory or the time of a build
MAX_DOCX_XML = 32 * 2**20
MAX_DOCX_RATIO = 200


def _check_docx_budget(data: bytes, shown: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = [i for i in z.infolist() if i.filename.endswith((".xml", ".rels"))]
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReadError(f"not a readable .docx ({exc.__class__.__name__})", shown) from None
    total = sum(i.file_size for i in parts)
    if total > MAX_DOCX_XML:
        raise ReadError(f"its XML inflates to {_mib(total)}, past the {_mib(MAX_DOCX_XML)} a plan can need; refused as a possible zip bomb", shown)
    for i in parts:
        if i.compress_size and i.file_size > 1_000_000 and i.file_size / i.compress_size > MAX_DOCX_RATIO:
            raise ReadError(f"{i.filename} inflates {i.file_size // i.compress_size}-fold; refused as a possible zip bomb", shown)


def decode_text(data: bytes, shown: str) -> tuple[str, str, str | None]:
    """Decode plan bytes: UTF-8 (BOM or not), UTF-16 with BOM, Windows-1258; the text, the
    encoding, and the legacy font (TCVN3, VNI) it was typed in, read in the letters the font
    draws (`from_legacy_font`)."""
    if data.startswith(codecs.BOM_UTF8):
        return _clean(data[3:].decode("utf-8", errors="strict"), shown), "utf-8-sig", None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _clean(data.decode("utf-16"), shown), "utf-16", None
        except UnicodeDecodeError as exc:
            raise EncodingError(f"has a UTF-16 mark but does not decode: {exc.reason}", shown) from exc
    if b"\x00" in data[:4096]:
        raise ReadError("binary file, not text (NUL bytes)", shown)
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text = data.decode("cp1258", errors="replace")
        encoding = "cp1258"
        if text.count("\ufffd") > 0.01 * len(text) + 2:
            raise ReadError("binary or unknown encoding (neither UTF-8 nor Windows-1258)", shown) from None
        text = unicodedata.normalize("NFC", text)
    font = legacy_font(text)
    return _clean(from_legacy_font(text, font) if font else text, shown), encoding, font


def legacy_font(text: str) -> str | None:
    """"tcvn3" for text typed in the TCVN3 (ABC) fonts and read as Latin-1, "vni" for text typed
    in the VNI fonts (a vowel, then a mark letter), None for Unicode text."""
    sample = text[:20000]
    marks = len(_LEGACY_RE.findall(sample))
    if not marks:
        return None
    letters = sum(ch.isalpha() for ch in sample) or 1
    if marks / letters < 0.01:
        return None
    tcvn = sum(ch in _TCVN3_TONES for ch in sample)
    vni = len(_VNI_PAIRS.findall(sample))
    return "tcvn3" if tcvn >= vni else "vni"


def from_legacy_font(text: str, font: str) -> str:
    return from_tcvn3(text) if font == "tcvn3" else from_vni(text)


def from_vni(text: str) -> str:
    """VNI text in Vietnamese letters (data/rules/legacy_fonts.yaml): a base letter and the mark
    byte after it made one letter, then the letters with a slot of their own."""
    slots, letter = _vni_rules()
    return slots.sub(letter, text)


@cache
def _vni_rules() -> tuple[re.Pattern[str], Callable[[re.Match[str]], str]]:
    """One pass over the text, each slot read once: a letter made is never read again ("coâng"
    is "công", not "cơng" — "ô" alone is the slot of "ơ")."""
    rules = legacy_fonts()["vni"]
    bases: dict[str, str] = rules["bases"]
    singles = {**bases, **rules["letters"]}
    marks = {**rules["marks"], **{k.upper(): v for k, v in rules["marks"].items()}}
    slots = re.compile(f"([aeiouyAEIOUY{''.join(bases)}])([{''.join(marks)}])|[{''.join(singles)}]")

    def letter(m: re.Match[str]) -> str:
        if m.group(1):
            return unicodedata.normalize("NFC", bases.get(m.group(1), m.group(1)) + marks[m.group(2)])
        return singles[m.group(0)]

    return slots, letter


def from_tcvn3(text: str) -> str:
    """TCVN3 text in the Vietnamese letters its font draws (data/rules/legacy_fonts.yaml); a line
    written in capitals (the capitals fonts draw the same slots as capitals) in capitals."""
    table = str.maketrans(legacy_fonts()["tcvn3"])
    return "\n".join(_tcvn3_line(line, table) for line in text.split("\n"))


def _tcvn3_line(line: str, table: dict[int, str]) -> str:
    converted = line.translate(table)
    plain = [ch for ch in line if ch.isascii() and ch.isalpha()]
    if len(plain) >= 4 and sum(ch.isupper() for ch in plain) >= 0.8 * len(plain):
        return converted.upper()
    return converted


def _in_its_letters(pages: list[list[Block]]) -> tuple[list[list[Block]], str | None]:
    """A Word file's or a PDF's text typed in a legacy font, page by page, in the letters the
    font draws, and that font (None for Unicode text)."""
    font = legacy_font("\n".join(line.text for page in pages for b in page for line in block_lines(b)))
    if not font:
        return pages, None
    convert = partial(from_legacy_font, font=font)
    return [[map_text(b, convert) for b in page] for page in pages], font


def _clean(text: str, shown: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = len(_CONTROL_RE.findall(text[:20000]))
    if controls > 0.02 * min(len(text), 20000) + 3:
        raise ReadError("binary file, not text (control characters)", shown)
    if not text.strip():
        raise ReadError("no text in file", shown)
    return text


def _has_text(block: Block) -> bool:
    if isinstance(block, Table):
        return any(c.text for row in block.rows for c in row)
    return bool(block.text.strip())


def _docx_blocks(data: bytes, shown: str) -> list[Block]:
    try:
        import docx  # python-docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise ReadError("reading .docx needs python-docx", shown) from exc
    _check_docx_budget(data, shown)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError, zipfile.BadZipFile, SyntaxError) as exc:
        # lxml's XMLSyntaxError is a SyntaxError: broken or oversized XML inside the zip
        raise ReadError(f"not a readable .docx ({exc.__class__.__name__})", shown) from exc
    from .docx_text import docx_blocks
    from .markup import spaced_columns

    blocks = docx_blocks(document)
    if not any(_has_text(b) for b in blocks):
        raise ReadError("no text in .docx", shown)
    # a header typed with spaces or tabs between its two columns is parted as in text files
    return spaced_columns(blocks)


def _pdf_blocks(data: bytes, shown: str) -> tuple[tuple[str, ...], list[Block], tuple[int, ...], str | None]:
    try:
        import pdfplumber
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise ReadError("reading .pdf needs pdfplumber", shown) from exc
    from .markup import spaced_columns
    from .pdf_text import pdf_pages

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = pdf_pages(pdf)
    except Exception as exc:  # pdfminer raises many unrelated types on broken files
        raise ReadError(f"not a readable PDF ({exc.__class__.__name__})", shown) from exc
    if not any(_has_text(b) for page in pages for b in page):
        raise ReadError("PDF has no text layer (a scan?); OCR it first", shown)
    # a text layer in a legacy font is read in its letters before the page's columns are parted
    # (the motto beside the issuer is found by its words)
    pages, font = _in_its_letters(pages)
    texts: list[str] = []
    blocks: list[Block] = []
    page_of: list[int] = []
    for number, page in enumerate(pages, start=1):
        page_lines, page_blocks = numbered(spaced_columns(page), start=len(texts))
        texts.extend(page_lines)
        blocks.extend(page_blocks)
        page_of.extend([number] * len(page_lines))
    return tuple(texts), blocks, tuple(page_of), font


def _html_blocks(text: str, shown: str) -> list[Block]:
    from .html_text import page_blocks

    try:
        blocks = page_blocks(text)
    except Exception as exc:  # lxml raises ParserError/ValueError on junk
        raise ReadError(f"not readable HTML ({exc.__class__.__name__})", shown) from exc
    if not any(_has_text(b) for b in blocks):
        raise ReadError("no text in HTML page", shown)
    return blocks
