"""One plan file -> one `Extraction`: read, normalise, parse, then the extractors.

This module only sequences the steps; each step lives in its own module.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from .agencies import Lexicon, document_terms, find_collectives, is_scope_title, own_unit, regulated_bodies
from .citations import extract_refs
from .errors import NotAPlanError
from .jurisdiction import determine
from .models import Document, DocumentInfo, Extraction
from .normalize import normalize
from .readers import read
from .resolve import resolve
from .rules import alternation, cues, doc_types, fold, registry
from .structure import is_opener, parse
from .tasks import extract_tasks


def extract(path: str | Path, skip_steps: tuple[str, ...] = ()) -> Extraction:
    return extract_document(path, skip_steps)[1]


def extract_document(path: str | Path, skip_steps: tuple[str, ...] = ()) -> tuple[Document, Extraction]:
    """The parsed document and what was read from it (the self-checks want both)."""
    source = read(path)
    norm = normalize(source, skip=skip_steps)
    doc = parse(norm)
    where = determine(doc)
    _require_plan(doc, str(path))
    full_text = " ".join(line.text for line in doc.lines)
    own_level = _level_word(where.issuer_name) if where.level not in (None, "agency") else None
    aliases, members = find_collectives(full_text)
    # after 1/7/2025 local government has two levels: "địa phương" in a province's text means
    # its communes and wards
    reform = doc.header.date is None or doc.header.date >= "2025-07"
    national = where.national
    articles = [n for top in doc.sections for n in top.walk() if n.kind == "article"]
    titles = [n.text for n in articles]
    scope = [c.text for n in articles if is_scope_title(n.text) for c in n.children if c.kind == "item"]
    lexicon = Lexicon(aliases, own_level, members, reform, where.place, national, own_unit(where.issuer_name), regulated_bodies(full_text, titles, scope), where.issuer_name, document_terms(full_text))
    refs, ref_warnings = extract_refs(doc, where)
    result = extract_tasks(doc, lexicon)
    resolved = resolve(result.tasks, result.reporting, doc, where, lexicon)
    warnings = list(where.notes) + ref_warnings + result.warnings
    if source.font:
        warnings.append(f"typed in a legacy {source.font.upper()} font: read in the Vietnamese letters the font draws")
    if not doc.sections:
        warnings.append("no numbered sections or articles found: tasks could not be read")
    if not _on_subject(full_text):
        warnings.append("far from the subject: the document names neither grassroots democracy nor the Law 10/2022/QH15 or its decrees")
    info = DocumentInfo(
        type=doc.header.genre,
        number=doc.header.number,
        symbol=doc.header.symbol if doc.header.number else None,
        symbol_code=doc.header.symbol_code,
        issuer=where.issuer,
        issuer_level=where.level,
        issuer_kind=where.issuer_kind,
        place=where.place,
        province=where.province,
        date=doc.header.date,
        title=doc.header.title,
        signer=(
            {"name": doc.signer.name, "position": doc.signer.position, "signing_formula": doc.signer.formula}
            if doc.signer
            else None
        ),
        recipients=[re.sub(r"[;.,]+$", "", r.text).strip() for r in doc.recipients],
        period=_period(doc.header.title),
        recipient_agencies=resolved.recipient_keys,
        promulgates=promulgated(doc),
        attachments=[{"label": a.label, "type": a.genre, "title": a.title} for a in doc.attachments],
        issuer_key=resolved.issuer_key,
    )
    return doc, Extraction(str(path), source.sha256, info, refs, resolved.tasks, resolved.reporting, resolved.agencies, warnings, doc.lines)


def _on_subject(text: str) -> bool:
    """Whether the text names the graph's subject, compared without case or marks: one of its
    phrases (`subject` in cues.yaml) or a document of the legal registry about it."""
    folded = fold(text)
    return any(term in folded for term in _subject_terms())


@cache
def _subject_terms() -> tuple[str, ...]:
    """The subject's phrases and the symbols of the registry's documents about it: those whose
    title holds a phrase (the Law, its decree) and those issued under them (the other decree)."""
    phrases = [fold(p) for p in cues()["subject"]]
    documents = registry().documents.values()
    about = {d.id for d in documents if any(p in fold(d.title) for p in phrases)}
    about |= {d.id for d in documents if any(r["target"] in about for r in d.relations)}
    return (*phrases, *(fold(i) for i in sorted(about)))


def _level_word(issuer_name: str | None) -> str | None:
    """"Ủy ban nhân dân thành phố" -> "thành phố": the level word "cùng cấp" stands for."""
    if not issuer_name:
        return None
    for word in sorted(cues()["issuer_levels"], key=len, reverse=True):
        if fold(issuer_name).endswith(" " + word):
            return word
    return None


def promulgated(doc) -> dict | None:
    """What a decision issues "kèm theo Quyết định này": the genre it names, and the title of
    the attached document (its heading) or, when it is not attached, the words after the genre."""
    types = alternation(cues()["promulgated_types"])
    texts = [doc.header.title or ""] + [" ".join([n.text] + [c.text for c in n.children]) for top in doc.sections for n in top.walk() if n.kind in ("article", "item", "para")]
    for text in texts:
        m = re.search(rf"kèm theo (?:Quyết định|Nghị quyết) này\s*:?\s*(?:\d\.\s*)?(?P<type>{types})(?P<rest>[^.;]*)", text, re.I)
        if not m:
            m = re.search(rf"^(?:về việc\s+)?(?:ban hành|công bố|phê duyệt)\s+(?P<type>{types})(?P<rest>[^.;]*)", text, re.I) if text is texts[0] else None
        if not m:
            continue
        genre = next(n for n in cues()["promulgated_types"] if fold(n) == fold(m.group("type")))
        attached = next((a for a in doc.attachments if fold(a.genre) == fold(genre)), None)
        title = attached.title if attached and attached.title else m.group("rest").strip(" ,:")
        return {"type": genre, "title": title or None}
    return None


def _require_plan(doc, shown: str) -> None:
    """Refuse what is not an administrative document (Decree 30/2020 format): a news item,
    a Q&A page, a web page about a plan. Say what was missing, and which document to fetch
    when the text names one."""
    h = doc.header
    genre = h.genre is not None
    header = bool(h.symbol or h.date or doc.issuer_lines or (doc.signer and doc.signer.formula))
    if genre and (header or _bare_body(doc)):
        return
    missing = []
    if not genre:
        missing.append("no type heading (KẾ HOẠCH, NGHỊ QUYẾT, QUYẾT ĐỊNH …) and no symbol with a type code")
    if not header:
        missing.append("no issuer block, 'Số:' symbol or place-and-date line")
    message = "not an administrative document: " + "; ".join(missing)
    named = _named_document(doc)
    if named:
        message += f"; it names {named} — fetch that document instead"
    raise NotAPlanError(message, shown)


def _bare_body(doc) -> bool:
    """A document's own text without its header block — a converter that left out the header's
    table, a page that lost it: the genre heading, an opening ground or enacting line, then parts
    of its own (roman sections, articles). A page about a document has none of these."""
    if doc.header.type_heading is None or not any(is_opener(line.text) for line in doc.preamble[:12]):
        return False
    return sum(1 for node in doc.sections if node.kind in ("part", "chapter", "section", "article")) >= 2


def _named_document(doc) -> str | None:
    """The first plan, resolution or decision a news text names by its symbol."""
    text = " ".join(line.text for line in doc.lines[:200])
    words = "|".join(re.escape(n) for n in doc_types().all_names)
    m = re.search(rf"({words})\s+(?:số\s+)?(\d+[a-z]?(?:/\d{{4}})?[/-][A-ZĐ][\w/-]*)", text)
    return f"{m.group(1)} {m.group(2)}" if m else None


def _period(title: str | None) -> str | None:
    if not title:
        return None
    m = re.search(r"(?:năm|giai đoạn)\s+(\d{4}(?:\s*[-–]\s*\d{4})?)\s*$", title)
    return m.group(1).replace(" ", "") if m else None


def corpus_files(paths: list[Path]) -> list[Path]:
    """Files to ingest from files and folders, in a stable order. Inside a folder every entry
    but a folder or a hidden name is listed — a pipe, a device or a dangling link too — so the
    reader names it as a failure instead of it vanishing without a word."""
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if not f.name.startswith(".") and not f.is_dir())
        else:
            files.append(p)
    return files

