"""File formats -> text. Owns decoding, format detection and the source-line map.

A reader returns `SourceText`: the file's text as a list of lines, numbered from 1, which
every later step refers back to. Bad input raises `ReadError` naming the file.
"""
from __future__ import annotations

import codecs
import hashlib
import io
import zipfile
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .errors import EncodingError, ReadError

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


def read(path: str | Path, max_bytes: int = MAX_BYTES) -> SourceText:
    """Read one plan file of any supported format."""
    p = Path(path)
    shown = str(path)
    if not p.exists():
        raise ReadError("no such file", shown)
    if p.is_dir():
        raise ReadError("is a folder, not a plan file", shown)
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
        text, encoding = decode_text(data, shown)
        fmt = "md" if suffix in {".md", ".markdown"} else "txt"
        return SourceText(shown, fmt, tuple(text.split("\n")), encoding, digest)
    if suffix == ".docx":
        return SourceText(shown, "docx", tuple(_docx_lines(data, shown)), "docx", digest)
    if suffix == ".pdf":
        lines, pages = _pdf_lines(data, shown)
        return SourceText(shown, "pdf", tuple(lines), "pdf", digest, tuple(pages))
    text, encoding = decode_text(data, shown)
    return SourceText(shown, "html", tuple(_html_lines(text, shown)), encoding, digest)


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


def decode_text(data: bytes, shown: str) -> tuple[str, str]:
    """Decode plan bytes: UTF-8 (BOM or not), UTF-16 with BOM, Windows-1258.

    Legacy TCVN3/VNI text is refused with the encoding named, since converting it needs
    the font's own table.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _clean(data[3:].decode("utf-8", errors="strict"), shown), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _clean(data.decode("utf-16"), shown), "utf-16"
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
            raise ReadError("binary or unknown encoding (neither UTF-8 nor Windows-1258)", shown)
        text = unicodedata.normalize("NFC", text)
    _refuse_legacy_fonts(text, shown)
    return _clean(text, shown), encoding


def _refuse_legacy_fonts(text: str, shown: str) -> None:
    sample = text[:20000]
    marks = len(_LEGACY_RE.findall(sample))
    if not marks:
        return
    letters = sum(ch.isalpha() for ch in sample) or 1
    if marks / letters < 0.01:
        return
    tcvn = sum(ch in _TCVN3_TONES for ch in sample)
    vni = len(_VNI_PAIRS.findall(sample))
    if tcvn >= vni:
        raise EncodingError("looks like TCVN3 (ABC) legacy-font text; convert it to Unicode (e.g. with UniKey) and retry", shown)
    raise EncodingError("looks like VNI legacy-font text; convert it to Unicode (e.g. with UniKey) and retry", shown)


def _clean(text: str, shown: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = len(_CONTROL_RE.findall(text[:20000]))
    if controls > 0.02 * min(len(text), 20000) + 3:
        raise ReadError("binary file, not text (control characters)", shown)
    if not text.strip():
        raise ReadError("no text in file", shown)
    return text


def _docx_lines(data: bytes, shown: str) -> list[str]:
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
    from .docx_text import docx_to_lines

    lines = docx_to_lines(document)
    if not any(line.strip() for line in lines):
        raise ReadError("no text in .docx", shown)
    return lines


def _pdf_lines(data: bytes, shown: str) -> tuple[list[str], list[int]]:
    try:
        import pdfplumber
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise ReadError("reading .pdf needs pdfplumber", shown) from exc
    lines: list[str] = []
    pages: list[int] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                text = page.extract_text() or ""
                for line in text.split("\n"):
                    lines.append(line)
                    pages.append(number)
    except Exception as exc:  # pdfminer raises many unrelated types on broken files
        raise ReadError(f"not a readable PDF ({exc.__class__.__name__})", shown) from exc
    if not any(line.strip() for line in lines):
        raise ReadError("PDF has no text layer (a scan?); OCR it first", shown)
    return lines, pages


_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "td", "th", "section", "article", "blockquote"}
_DROP_TAGS = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "menu", "iframe"}


def _html_lines(text: str, shown: str) -> list[str]:
    try:
        import lxml.html
    except ImportError as exc:  # pragma: no cover
        raise ReadError("reading .html needs lxml", shown) from exc
    try:
        root = lxml.html.fromstring(text)
    except Exception as exc:  # lxml raises ParserError/ValueError on junk
        raise ReadError(f"not readable HTML ({exc.__class__.__name__})", shown) from exc
    for bad in root.xpath("|".join(f"//{t}" for t in _DROP_TAGS)):
        bad.drop_tree()
    # The main text is the block with the most text: portals wrap the plan in menus.
    candidates = root.xpath("//article|//main|//*[contains(@class,'content')]|//body") or [root]
    best = max(candidates, key=lambda el: len(el.text_content() or ""))
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        line = re.sub(r"\s+", " ", "".join(buf)).strip()
        if line:
            out.append(line)
        buf.clear()

    for event, el in _iter_text(best):
        if event == "break":
            flush()
        else:
            buf.append(el)
    flush()
    if not out:
        raise ReadError("no text in HTML page", shown)
    return out


def _iter_text(el):
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _BLOCK_TAGS:
        yield "break", None
    if el.text and tag not in _DROP_TAGS:
        yield "text", el.text
    for child in el:
        yield from _iter_text(child)
        if child.tail:
            yield "text", child.tail
    if tag in _BLOCK_TAGS:
        yield "break", None
