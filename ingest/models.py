"""Typed records the extractors produce. Imports neither spaCy nor rdflib.

Every record that states a fact carries the source lines it came from, so the graph can
say where each fact was read.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Line:
    """One logical line of normalised text and the source lines it was built from."""

    text: str
    src: tuple[int, ...]  # 1-based line numbers in the source file
    heading: bool = False  # the whole line was emphasised (a bold heading): a paragraph of its own

    @property
    def first(self) -> int:
        return self.src[0] if self.src else 0


@dataclass
class Node:
    """A node of the document tree: a section, numbered/lettered item, bullet or paragraph."""

    kind: str  # section | item | letter | point | dash | plus | para | attr
    label: str  # "II", "2", "b", "-", "+", "" for paragraphs
    text: str  # the line's text without its label
    lines: tuple[int, ...]
    role: str | None = None  # section role: aims | tasks | organisation | funding | ...
    attr: str | None = None  # attribute kind for kind == "attr": lead | support | timeframe | form
    marker: str = ""  # the line's own marker (section|item|letter|dash|plus|para): its nesting level
    children: list[Node] = field(default_factory=list)
    path: str = ""
    heading: bool = False  # its line was printed as a heading (bold): a topic, not a sentence

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Mention:
    line: int
    quote: str


@dataclass
class Signer:
    name: str | None
    position: str | None
    formula: str | None = None


@dataclass
class Header:
    number: str | None = None
    symbol: str | None = None  # "18/KH-UBND", or the code alone "KH-UBND" when the number is blank
    symbol_code: str | None = None
    place: str | None = None
    date: str | None = None  # ISO, or "2026" / "2025-01" when day or month is blank
    title: str | None = None
    title_line: int | None = None
    dateline_line: int | None = None
    genre: str | None = None  # document type from the heading or the symbol's type code: "Kế hoạch"
    type_heading: str | None = None  # the heading as printed: "KẾ HOẠCH"
    subject: str | None = None  # "V/v …" under an official letter's symbol
    authority: list[Line] = field(default_factory=list)  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" lines
    title_src: tuple[int, ...] = ()


@dataclass
class Attachment:
    """A document printed after the signature: a promulgated plan or regulation, an appendix."""

    genre: str  # "Kế hoạch", "Quy chế", "Phụ lục" …
    label: str  # prefix of its task paths: "KH1", "PL1", "PLII"
    heading: Line
    title: str | None
    issued_with: Line | None  # "(Ban hành kèm theo Quyết định số … )"
    preamble: list[Line]
    sections: list[Node]
    lines: list[Line] = field(default_factory=list)


@dataclass
class Document:
    """The parsed plan: header, preamble, section tree, recipients, signature."""

    header: Header
    preamble: list[Line]
    sections: list[Node]
    recipients: list[Line]
    signer: Signer | None
    footnotes: dict[str, Line]
    lines: list[Line]  # all logical lines, for provenance look-ups
    issuer_line: Line | None = None
    issuer_lines: list[Line] = field(default_factory=list)  # the issuer block beside the motto
    attachments: list[Attachment] = field(default_factory=list)
    portal: dict[str, str] = field(default_factory=dict)  # the portal's metadata table


@dataclass
class LegalRef:
    id: str
    symbol: str | None
    type: str | None
    issuer: str | None
    date: str | None
    relation: str  # implements | based_on | cites
    mentions: list[Mention] = field(default_factory=list)
    subject: str | None = None
    dates_in_text: list[str] = field(default_factory=list)
    place: str | None = None
    year: str | None = None
    issuer_code: str | None = None  # the issuer code of the symbol: "TTg", "HĐND", "BNV"


@dataclass
class AgencyRef:
    name: str  # canonical, level kept, place omitted
    kind: str
    jurisdiction: str | None = None  # the place the agency belongs to
    known: bool = True  # found in the gazetteer (False: family pattern or generic phrase)
    generic: bool = False
    members: list[str] = field(default_factory=list)  # keys of the members of a collective defined in the text
    aliases: list[str] = field(default_factory=list)
    key: str = ""  # stable: "{jurisdiction}/{name}" slugs; what tasks and reporting hold
    written: str = ""  # the name as the document first writes it ("Mặt trận Tổ quốc tỉnh")


@dataclass
class Task:
    """A task. Its role lists hold agency keys (`Extraction.agencies`) once resolved."""

    path: str
    text: str
    lead: list[str]
    support: list[str]
    requested: bool
    timeframe: str | None
    timeframe_kind: str | None
    timeframe_from_text: bool
    deadline: str | None
    deadlines: list[str]
    line: int
    lines: tuple[int, ...]
    section_role: str | None
    measures: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    quote: str = ""
    supervise: list[str] = field(default_factory=list)  # bodies that supervise its execution
    others: list[str] = field(default_factory=list)  # catch-all groups it names ("các đơn vị liên quan")


@dataclass
class Reporting:
    """Who reports to whom (agency keys once resolved), by when, how often."""

    reporters: list[str]
    to: str | None
    via: str | None
    deadline: str | None
    frequency: str | None
    path: str
    line: int
    quote: str = ""


@dataclass
class DocumentInfo:
    type: str | None  # the genre heading; None when the document has none
    number: str | None
    symbol: str | None
    symbol_code: str | None
    issuer: str | None
    issuer_level: str | None
    issuer_kind: str | None
    place: str | None
    province: str | None
    date: str | None
    title: str | None
    signer: dict[str, Any] | None
    recipients: list[str]
    period: str | None = None
    recipient_agencies: list[str] = field(default_factory=list)
    promulgates: dict[str, Any] | None = None  # {"type", "title"}: what a decision issues "kèm theo"
    issuer_key: str | None = None  # the issuer's agency key
    attachments: list[dict[str, Any]] = field(default_factory=list)  # {"label", "type", "title"} printed after the signature


@dataclass
class Extraction:
    """Everything read from one plan file: the contract of `dcskg extract --json`."""

    source: str
    sha256: str
    document: DocumentInfo
    legal_refs: list[LegalRef]
    tasks: list[Task]
    reporting: list[Reporting]
    agencies: list[AgencyRef]
    warnings: list[str]
    lines: list[Line] = field(default_factory=list, repr=False)

    @property
    def plan_key(self) -> str:
        """Stable key of the document: its file stem (file names are unique in a corpus)."""
        from pathlib import Path

        return Path(self.source).stem

    @property
    def agency_index(self) -> dict[str, AgencyRef]:
        return {a.key: a for a in self.agencies}

    def names(self, keys: list[str] | None) -> list[str]:
        """Agency keys -> their canonical names."""
        index = self.agency_index
        return [index[k].name if k in index else k for k in (keys or [])]

    def written_names(self, keys: list[str] | None) -> list[str]:
        """Agency keys -> the names the document writes them by, each once (two keys a text
        writes alike, "các sở, ngành, địa phương" read as two kinds of body, are one name)."""
        index = self.agency_index
        return list(dict.fromkeys(index[k].written or index[k].name if k in index else k for k in (keys or [])))

    def name(self, key: str | None) -> str | None:
        return self.names([key])[0] if key else None

    def to_json(self) -> dict[str, Any]:
        def task_json(t: Task) -> dict[str, Any]:
            d = asdict(t)
            d.pop("lines")
            d.pop("quote")
            for role in ("lead", "support", "supervise", "others"):
                d[role] = self.written_names(d[role])
            return d

        document = asdict(self.document)
        document["recipient_agencies"] = self.written_names(document["recipient_agencies"])
        document.pop("issuer_key", None)
        return {
            "source": self.source,
            "sha256": self.sha256,
            "document": document,
            "legal_refs": [
                {
                    "id": r.id,
                    "symbol": r.symbol,
                    "type": r.type,
                    "issuer": r.issuer,
                    "date": r.date,
                    "relation": r.relation,
                    "subject": r.subject,
                    "dates_in_text": r.dates_in_text,
                    "mentions": [{"line": m.line, "quote": m.quote} for m in r.mentions],
                }
                for r in self.legal_refs
            ],
            "tasks": [task_json(t) for t in self.tasks],
            "reporting": [
                {
                    "reporter": "; ".join(self.written_names(r.reporters)) or "?",
                    "to": self.name(r.to),
                    "via": self.name(r.via),
                    "deadline": r.deadline,
                    "frequency": r.frequency,
                    "path": r.path,
                    "line": r.line,
                    "quote": r.quote,
                }
                for r in self.reporting
            ],
            "agencies": [
                {
                    "name": a.name,
                    "written": a.written or a.name,
                    "kind": a.kind,
                    "jurisdiction": a.jurisdiction,
                    "known": a.known,
                    "generic": a.generic,
                    **({"members": self.names(a.members)} if a.members else {}),
                }
                for a in self.agencies
            ],
            "warnings": self.warnings,
        }
