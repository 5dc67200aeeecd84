"""The one loader of knowledge files under data/ (rules and legal registry).

Each file is read once, checked for required keys, unknown keys, valid enums and
duplicates, and cached. Nothing else in the project opens these files.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import RulesError


def _data_dir() -> Path:
    """The knowledge files: $DCSKG_DATA, else the project's `data/` beside the code (a clone or
    an editable install), else the copy a wheel installs as the package `dcskg.data`."""
    if os.environ.get("DCSKG_DATA"):
        return Path(os.environ["DCSKG_DATA"])
    beside = Path(__file__).resolve().parent.parent / "data"
    if (beside / "rules").is_dir():
        return beside
    from importlib.util import find_spec

    # located, not imported: the data travel with the dcskg package in a wheel
    spec = find_spec("dcskg")
    return Path(spec.origin).parent / "data" if spec and spec.origin else beside


DATA_DIR = _data_dir()
RULES_DIR = DATA_DIR / "rules"
REGISTRY_DIR = DATA_DIR / "registry"


def _load(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except FileNotFoundError as exc:
        raise RulesError("knowledge file is missing", str(path)) from exc
    except yaml.YAMLError as exc:
        raise RulesError(f"not valid YAML: {exc}", str(path)) from exc
    if not isinstance(data, dict):
        raise RulesError("expected a mapping at the top level", str(path))
    return data


def _check_keys(entry: dict, required: set[str], allowed: set[str], where: str) -> None:
    missing = required - entry.keys()
    unknown = entry.keys() - allowed
    if missing:
        raise RulesError(f"entry {entry!r} lacks {sorted(missing)}", where)
    if unknown:
        raise RulesError(f"entry {entry.get('name', entry)!r} has unknown keys {sorted(unknown)}", where)


# --- document types ------------------------------------------------------------------


@dataclass(frozen=True)
class DocType:
    code: str
    name: str
    en: str
    names: tuple[str, ...]
    examples: tuple[str, ...]
    cls: str = "AdministrativeDocument"  # the ontology class of an ingested document of this type


DOCUMENT_CLASSES = ("Plan", "Resolution", "Decision", "Directive", "Regulation", "Conclusion", "OfficialLetter", "AdministrativeDocument")


@dataclass(frozen=True)
class DocTypes:
    types: tuple[DocType, ...]
    issuers: dict[str, str]
    national_issuer: re.Pattern[str] = re.compile("^$")
    party_issuer: re.Pattern[str] = re.compile("^$")  # the Party's bodies number "27-NQ/TW"
    any_genre_codes: frozenset[str] = frozenset()  # codes a document of any genre may carry (VBHN)
    generic_names: frozenset[str] = frozenset()  # words for a document of any genre ("văn bản")
    form_names: tuple[str, ...] = ()  # words for a form, whose code is no symbol ("Mẫu số")
    provincial_codes: frozenset[str] = frozenset()  # issuer codes of a province's bodies ("TU": Tỉnh ủy)

    def is_generic(self, word: str) -> bool:
        return word.lower() in self.generic_names

    def issuer_name(self, code: str) -> str | None:
        """The body an issuer code stands for; the Assembly's bodies write their term after the
        code ("QH15", "UBTVQH15")."""
        return self.issuers.get(code) or self.issuers.get(code.rstrip("0123456789"))

    def is_national(self, symbol: str) -> bool:
        """A symbol issued by a national body (unique without a place)."""
        return self.is_national_code(self.issuer_code(symbol))

    def is_national_code(self, code: str | None) -> bool:
        return bool(code) and bool(self.national_issuer.match(code or ""))

    def issuer_code(self, symbol: str) -> str | None:
        """`33/CT-TTg` -> TTg, `120-KL/TW` -> TW, `574/UBND-NC` -> UBND, `10/2022/QH15` -> QH15."""
        s = re.sub(r"\s+", "", symbol)
        m = re.match(r"^\d+[a-z]?-[^/]+/(?P<issuer>[^-/]+)", s)  # Party: number-type/issuer
        if m:
            return m.group("issuer")
        parts = s.split("/")
        tail = [p for p in parts[1:] if not re.fullmatch(r"(?:19|20)\d{2}", p)]
        if not tail:
            return None
        codes = tail[-1].split("-")
        # a letter's code opens with its issuer, then the unit that drafted it ("574/UBND-NC"),
        # or with the kind of letter or permit ("45/GM-UBND", "1584/GP-BTNMT"): a code the
        # tables know as an issuer wins
        known = next((c for c in codes if self.issuer_name(c) or self.national_issuer.match(c)), None)
        if known:
            return known
        if len(codes) >= 2 and self.by_code(codes[0]) is not None:
            return codes[1]
        return codes[0]

    def by_code(self, code: str) -> DocType | None:
        for t in self.types:
            if t.code.lower() == code.lower():
                return t
        return None

    def by_name(self, name: str) -> DocType | None:
        low = name.lower()
        for t in self.types:
            if any(n.lower() == low for n in t.names):
                return t
        return None

    @property
    def all_names(self) -> list[str]:
        return sorted({n for t in self.types for n in t.names}, key=len, reverse=True)


@cache
def printed_genres() -> tuple[str, ...]:
    """The genres a heading prints in capitals ("KẾ HOẠCH", "NGHỊ QUYẾT"; doc_types.yaml and
    cues.yaml: heading_only_types), longest first."""
    names = {n.upper() for n in doc_types().all_names} | {n.upper() for n in cues()["heading_only_types"]}
    return tuple(sorted(names, key=len, reverse=True))


@cache
def doc_types() -> DocTypes:
    path = RULES_DIR / "doc_types.yaml"
    raw = _load(path)
    types = []
    seen: set[str] = set()
    for entry in raw.get("types", []):
        _check_keys(entry, {"code", "name", "names"}, {"code", "name", "en", "names", "examples", "class"}, str(path))
        if entry["code"] in seen:
            raise RulesError(f"type code {entry['code']!r} listed twice", str(path))
        if entry.get("class", "AdministrativeDocument") not in DOCUMENT_CLASSES:
            raise RulesError(f"type {entry['code']!r} has unknown class {entry['class']!r}; known: {', '.join(DOCUMENT_CLASSES)}", str(path))
        seen.add(entry["code"])
        types.append(
            DocType(
                entry["code"],
                entry["name"],
                entry.get("en", ""),
                tuple(entry["names"]),
                tuple(entry.get("examples", [])),
                entry.get("class", "AdministrativeDocument"),
            )
        )
    patterns = {}
    for key in ("national_issuer_pattern", "party_issuer_pattern"):
        try:
            patterns[key] = re.compile(raw.get(key, "^$"))
        except re.error as exc:
            raise RulesError(f"{key} does not compile: {exc}", str(path)) from exc
    generic = frozenset(w.lower() for w in raw.get("generic_names", []))
    return DocTypes(
        tuple(types), dict(raw.get("issuers", {})), patterns["national_issuer_pattern"], patterns["party_issuer_pattern"], frozenset(raw.get("any_genre_codes", [])), generic,
        tuple(raw.get("form_names", [])), frozenset(raw.get("provincial_issuer_codes", [])),
    )


# --- agencies --------------------------------------------------------------------------


@dataclass(frozen=True)
class AgencyEntry:
    name: str
    kind: str
    aliases: tuple[str, ...]
    levelled: bool
    place_in_name: bool
    examples: tuple[str, ...]
    with_level: str | None = None
    national: bool = False
    requires_level: bool = False  # the name alone is a common noun ("thuế", "viễn thông"): a body only with its level, or its province where the place is part of the name
    cased: bool = False  # a body only as written capitalised ("Đoàn xã" — "công đoàn xã", "trưởng đoàn" are words)


@dataclass(frozen=True)
class AgencyFamily:
    head: str
    kind: str
    requires_suffix: tuple[str, ...]
    examples: tuple[str, ...]
    runs_over: tuple[str, ...] = ()  # nouns the name runs on to after "," or "và" (the zones a board manages)
    numbered: bool = False  # a number alone names one ("Quân khu 4", "Quân đoàn 12")


@dataclass(frozen=True)
class Gazetteer:
    kinds: dict[str, dict[str, str]]
    levels: tuple[str, ...]
    abbreviations: dict[str, str]
    entries: tuple[AgencyEntry, ...]
    families: tuple[AgencyFamily, ...]
    alias_index: dict[str, AgencyEntry] = field(default_factory=dict)
    tiers: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "cấp xã" -> its kinds of unit

    def lookup(self, surface: str) -> AgencyEntry | None:
        return self.alias_index.get(fold(surface))


_DASH_SPACES = re.compile(r"\s*-\s*")


# The old placement of the tone mark in open syllables "oa", "oe", "uy" ("hoá", "Uỷ", "thuỷ")
# and the modern one ("hóa", "Ủy", "thủy"): both are written; one is kept for comparison.


def _move_tone(m: re.Match[str]) -> str:
    import unicodedata

    first, second = m.group(1), m.group(2)
    pair = (first.lower(), unicodedata.normalize("NFD", second.lower())[0])
    if pair not in {("o", "a"), ("o", "e"), ("u", "y")}:
        return m.group(0)
    decomposed = unicodedata.normalize("NFD", second)
    base, marks = decomposed[0], decomposed[1:]
    return unicodedata.normalize("NFC", first + marks) + base


def modern_tones(text: str) -> str:
    """`Uỷ ban` -> `Ủy ban`, `Văn hoá` -> `Văn hóa`, `thuỷ` -> `thủy`; same length, so
    offsets found in the result hold in the original ("quý" keeps its tone: "qu" is one sound)."""
    if not _TONED_VOWEL.search(text):
        return text
    return _OLD_TONE.sub(_move_tone, text)


# the vowels whose tone mark the old placement puts after "o", "u" ("Uỷ", "hoá")
# the capital letters of Vietnamese, for a character class (the range "À-Ỹ" holds the small
# letters too: "[A-ZĐÀ-Ỹ]" takes "đến")
CAPITALS = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_TONED = "áàảãạéèẻẽẹýỳỷỹỵÁÀẢÃẠÉÈẺẼẸÝỲỶỸỴ"
_TONED_VOWEL = re.compile(f"[{_TONED}]")
_OLD_TONE = re.compile(rf"(?<![qQ])([oOuU])([{_TONED}])(?![\wÀ-ỹ])")


@cache
def _unmarking() -> dict[int, str]:
    import unicodedata

    table = {ord("đ"): "d", ord("Đ"): "D"}
    for code in range(0xC0, 0x1EFA):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code) and base.isascii() and base.isalpha():
            table[code] = base
    return table


def unmarked(text: str) -> str:
    """The letters without their marks ("Ủy ban" -> "Uy ban", "đ" -> "d"), one character for
    one, so offsets found in the result hold in the original."""
    return text.translate(_unmarking())


def marks_misread(written: str, name: str) -> int | None:
    """How many letters of `written` carry a mark other than `name`'s (case aside), or None
    when it is more than a scan misreads: other letters, or over one in six marked wrong."""
    ours, theirs = modern_tones(written).lower(), modern_tones(name).lower()
    if len(ours) != len(theirs) or unmarked(ours) != unmarked(theirs):
        return None
    wrong = sum(a != b for a, b in zip(ours, theirs))
    return wrong if wrong <= max(1, sum(c.isalpha() for c in theirs) // 6) else None


def misreadable(phrases) -> list[str]:
    """The phrases of two words or more, without their marks: what still tells a cue when a scan
    misread a mark ("Cân cứ" is "Căn cứ"). One word without marks is too short to tell ("de" is
    "Để" or "Đề án")."""
    return [unmarked(p) for p in phrases if len(p.split()) > 1]


def any_marks(word: str) -> str:
    """A pattern for `word` with any marks on its vowels ("năm" -> "n[aàá…]m"): the fixed words of
    a dateline as a scan may misread them. Consonants stay as written."""
    out = []
    for c in word:
        base = unmarked(c).lower()
        if base in "aeiouy":
            out.append("[" + "".join(sorted({chr(k) for k, v in _unmarking().items() if v.lower() == base} | {base, base.upper()})) + "]")
        else:
            out.append(re.escape(c))
    return "".join(out)


def restore_marks(text: str, phrases: tuple[str, ...]) -> str:
    """`text` with each of `phrases` written with its marks where a scan misread one or two of
    them ("TỈNH ĐĂK LẮK" -> "TỈNH ĐẮK LẮK"), in the case the text writes it; same length."""
    return marks_restorer(phrases)(text)


@cache
def marks_restorer(phrases: tuple[str, ...]) -> Callable[[str], str]:
    """`restore_marks` for one set of phrases, compiled once (longest first)."""
    by_key = {unmarked(p).lower(): p for p in sorted(set(phrases), key=len, reverse=True)}
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in by_key) + r")(?!\w)")

    def restore(text: str) -> str:
        plain = unmarked(text).lower()
        out, last = [], 0
        for m in pattern.finditer(plain):
            written, phrase = text[m.start() : m.end()], by_key[m.group(0)]
            if marks_misread(written, phrase):
                out += [text[last : m.start()], _in_case_of(written, phrase)]
                last = m.end()
        return "".join(out) + text[last:] if out else text

    return restore


def _in_case_of(written: str, phrase: str) -> str:
    """`phrase`'s letters with `written`'s case, letter by letter ("CHỦ TRI" -> "CHỦ TRÌ")."""
    return "".join(p.upper() if w.isupper() else p.lower() for w, p in zip(modern_tones(written), modern_tones(phrase)))


@cache
def mark_restoring_phrases() -> tuple[str, ...]:
    """The cue words normalisation writes with their marks where a scan misread them (cues.yaml:
    mark_restoring): phrases of two syllables or more, each once."""
    spec = cues()["mark_restoring"]
    found = [*spec["phrases"], *(w for group in spec["groups"] for w in cues()[group])]
    return tuple(dict.fromkeys(p.lower() for p in found if len(p.split()) > 1))


def slug(text: str) -> str:
    """ASCII key of a name: "Sở Nội vụ" -> "so-noi-vu" (IRIs, agency keys)."""
    import unicodedata

    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def alternation(words) -> str:
    """A regex alternation of phrases, longest first (so "chánh văn phòng" wins over "chánh"),
    each escaped and matching any run of spaces between its words."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


def level_words(*classes: str) -> tuple[str, ...]:
    """The words that name an administrative level (cues.yaml: issuer_levels), of the given
    classes ("province", "city", "district", "commune") or all of them."""
    levels: dict[str, str] = cues()["issuer_levels"]
    return tuple(w for w, cls in levels.items() if not classes or cls in classes)


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """Key for comparison: modern tone placement, lower case, dashes unified, spaces squeezed."""
    text = modern_tones(text.replace("–", "-").replace("—", "-"))
    if "-" in text:
        text = _DASH_SPACES.sub(" - ", text)
    # (split and join squeeze what `\s+` matches: the same Unicode spaces)
    return " ".join(text.split()).lower()


def proper_case(text: str) -> str:
    """The text with its proper words in their capitals ("trực thuộc Trung ương"; cues.yaml:
    proper_words), however the rest was cased."""
    for pattern, word in _proper_words():
        text = pattern.sub(word, text)
    return text


@cache
def _proper_words() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(rf"(?<![\wÀ-ỹ]){re.escape(word.lower())}(?![\wÀ-ỹ])"), word) for word in cues()["proper_words"])


@cache
def gazetteer() -> Gazetteer:
    path = RULES_DIR / "agencies.yaml"
    raw = _load(path)
    kinds = raw.get("kinds", {})
    for key, kind in kinds.items():
        if not isinstance(kind, dict) or set(kind) != {"vi", "en", "colour"}:
            raise RulesError(f"kind {key!r} needs exactly vi, en and colour, has {kind!r}", str(path))
    entries: list[AgencyEntry] = []
    index: dict[str, AgencyEntry] = {}
    for entry in raw.get("agencies", []):
        _check_keys(
            entry,
            {"name", "kind", "aliases"},
            {"name", "kind", "aliases", "levelled", "place_in_name", "examples", "with_level", "national", "requires_level", "cased"},
            str(path),
        )
        if entry["kind"] not in kinds:
            raise RulesError(f"agency {entry['name']!r} has unknown kind {entry['kind']!r}", str(path))
        ag = AgencyEntry(
            entry["name"],
            entry["kind"],
            tuple(entry.get("aliases") or []),
            bool(entry.get("levelled", False)),
            bool(entry.get("place_in_name", False)),
            tuple(entry.get("examples") or []),
            entry.get("with_level"),
            bool(entry.get("national", False)),
            bool(entry.get("requires_level", False)),
            bool(entry.get("cased", False)),
        )
        for surface in (ag.name, *ag.aliases):
            key = fold(surface)
            other = index.get(key)
            if other is not None and other.name != ag.name:
                raise RulesError(f"alias {surface!r} maps to both {other.name!r} and {ag.name!r}", str(path))
            index[key] = ag
        entries.append(ag)
    families = []
    for fam in raw.get("families", []):
        _check_keys(fam, {"head", "kind"}, {"head", "kind", "requires_suffix", "examples", "runs_over", "numbered"}, str(path))
        if fam["kind"] not in kinds:
            raise RulesError(f"family {fam['head']!r} has unknown kind {fam['kind']!r}", str(path))
        families.append(
            AgencyFamily(
                fam["head"], fam["kind"], tuple(fam.get("requires_suffix") or []), tuple(fam.get("examples") or []), tuple(fam.get("runs_over") or []), bool(fam.get("numbered"))
            )
        )
    levels = tuple(sorted(set(raw.get("levels", [])), key=len, reverse=True))
    tiers = {tier: tuple(units) for tier, units in (raw.get("tiers") or {}).items()}
    for tier, units in tiers.items():
        unknown = [u for u in (tier, *units) if u not in levels]
        if unknown:
            raise RulesError(f"tier {tier!r}: {unknown} not among the levels", str(path))
    return Gazetteer(kinds, levels, dict(raw.get("abbreviations", {})), tuple(entries), tuple(families), index, tiers)


# --- cues, measures, registry -------------------------------------------------------------


@cache
def cues() -> dict[str, Any]:
    path = RULES_DIR / "cues.yaml"
    raw = _load(path)
    required = {
        "section_roles",
        "attributes",
        "relation_cues",
        "request_cues",
        "head_titles",
        "predicate_stops",
        "agency_heads",
        "named_unit_heads",
        "unions_before_bodies",
        "issuer_boards",
        "joint_texts",
        "table_columns_whole",
        "signed_notes",
        "ranks",
        "collective_definitions",
        "timeframes",
        "timeframe_in_text",
        "deadline_cues",
        "reporting",
    }
    missing = required - raw.keys()
    if missing:
        raise RulesError(f"missing sections {sorted(missing)}", str(path))
    for tf in raw["timeframes"]:
        try:
            re.compile(tf["pattern"])
        except re.error as exc:
            raise RulesError(f"timeframe pattern {tf['pattern']!r} does not compile: {exc}", str(path)) from exc
    return raw


@dataclass(frozen=True)
class WordPairs:
    """How often real documents write each word and each pair of neighbouring words (lower
    case): the words as written, and each pair's written forms by its letters without marks."""

    words: dict[str, int]
    pairs: dict[str, dict[tuple[str, str], int]]


@cache
def word_pairs() -> WordPairs:
    """data/rules/word_pairs.tsv: a line "word<TAB>count" or "first second<TAB>count" (counted
    from real documents by `python -m ingest.marks build`)."""
    path = RULES_DIR / "word_pairs.tsv"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RulesError(f"cannot read the word pairs: {exc}", str(path)) from exc
    words: dict[str, int] = {}
    pairs: dict[str, dict[tuple[str, str], int]] = {}
    for n, line in enumerate(text.splitlines(), 1):
        written, _, count = line.partition("\t")
        parts = written.split(" ")
        if not count.isdigit() or not 1 <= len(parts) <= 2 or not all(parts):
            raise RulesError(f"line {n}: expected 'word<TAB>count' or 'first second<TAB>count', not {line[:60]!r}", str(path))
        if len(parts) == 1:
            words[parts[0]] = int(count)
        else:
            pairs.setdefault(unmarked(written), {})[(parts[0], parts[1])] = int(count)
    return WordPairs(words, pairs)


@cache
def legacy_fonts() -> dict[str, Any]:
    """What a legacy Vietnamese font draws in each Latin-1 slot (data/rules/legacy_fonts.yaml):
    one character for one letter, each slot once."""
    path = RULES_DIR / "legacy_fonts.yaml"
    raw = _load(path)
    tables = {"tcvn3": raw.get("tcvn3"), **{f"vni.{k}": v for k, v in (raw.get("vni") or {}).items()}}
    for name, table in tables.items():
        if not isinstance(table, dict) or not table:
            raise RulesError(f"{name}: expected a mapping of characters", str(path))
        # a slot is one character; what it stands for one letter, or the combining marks it adds
        bad = [(k, v) for k, v in table.items() if not (isinstance(k, str) and isinstance(v, str) and len(k) == 1 and (len(v) == 1 or name == "vni.marks"))]
        if bad:
            raise RulesError(f"{name}: each slot is one character for one letter, not {bad[:3]}", str(path))
    return raw


@cache
def cascade_rules() -> dict[str, Any]:
    """How a child document's tasks are aligned to its parent's (data/cascade.yaml): not an
    extraction rule, so outside rules/ (changing it re-reads no plan)."""
    path = DATA_DIR / "cascade.yaml"
    raw = _load(path)
    missing = {"function_words", "threshold", "measure_share", "unit_words", "level_words"} - raw.keys()
    if missing:
        raise RulesError(f"missing sections {sorted(missing)}", str(path))
    if not 0 < float(raw["threshold"]) < 1:
        raise RulesError(f"threshold must lie between 0 and 1, not {raw['threshold']}", str(path))
    return raw


@dataclass(frozen=True)
class Measure:
    id: str
    vi: str
    en: str
    cues: tuple[str, ...]
    examples: tuple[str, ...]


@cache
def measures() -> tuple[Measure, ...]:
    path = RULES_DIR / "measures.yaml"
    raw = _load(path)
    out = []
    ids: set[str] = set()
    for m in raw.get("measures", []):
        _check_keys(m, {"id", "vi", "en", "cues"}, {"id", "vi", "en", "cues", "examples"}, str(path))
        if m["id"] in ids:
            raise RulesError(f"measure {m['id']!r} listed twice", str(path))
        ids.add(m["id"])
        out.append(Measure(m["id"], m["vi"], m["en"], tuple(m["cues"]), tuple(m.get("examples", []))))
    return tuple(out)


@dataclass(frozen=True)
class LawTitles:
    """The titles codes ("Bộ luật …") and laws ("Luật …") are cited by, without that word."""

    codes: tuple[str, ...]
    laws: tuple[str, ...]
    abbreviations: dict[str, str]  # "QPPL" -> "quy phạm pháp luật"


@cache
def law_titles() -> LawTitles:
    path = REGISTRY_DIR / "law_titles.yaml"
    raw = _load(path)
    _check_keys(raw, {"codes", "laws", "abbreviations"}, {"codes", "laws", "abbreviations"}, str(path))
    lists = {}
    for key in ("codes", "laws"):
        titles = [re.sub(r"\s+", " ", str(t)).strip() for t in raw[key] or []]
        seen: set[str] = set()
        for title in titles:
            folded = fold(title)
            if not title or folded in seen:
                raise RulesError(f"{key}: title {title!r} is empty or listed twice", str(path))
            seen.add(folded)
        lists[key] = tuple(titles)
    abbreviations = {str(k): str(v) for k, v in (raw["abbreviations"] or {}).items()}
    for short, words in abbreviations.items():
        if not any(fold(words) in fold(t) for t in lists["codes"] + lists["laws"]):
            raise RulesError(f"abbreviations: {short!r} stands for {words!r}, in no listed title", str(path))
    return LawTitles(lists["codes"], lists["laws"], abbreviations)


@dataclass(frozen=True)
class RegistryDoc:
    id: str
    type: str
    title: str
    issuer: str
    date: str | None
    in_force: str | None
    names: tuple[str, ...]
    relations: tuple[dict[str, str], ...]


@dataclass(frozen=True)
class Registry:
    documents: dict[str, RegistryDoc]
    rules: tuple[dict[str, Any], ...]

    def by_name(self, name: str) -> RegistryDoc | None:
        low = fold(name)
        for doc in self.documents.values():
            if any(fold(n) == low for n in doc.names):
                return doc
        return None


RELATIONS = ("implements", "based_on", "cites")


@cache
def registry() -> Registry:
    path = REGISTRY_DIR / "legal.yaml"
    raw = _load(path)
    docs: dict[str, RegistryDoc] = {}
    allowed = {"id", "type", "title", "issuer", "date", "in_force", "names", "relations"}
    for d in raw.get("documents", []):
        _check_keys(d, {"id", "type", "title", "issuer"}, allowed, str(path))
        if d["id"] in docs:
            raise RulesError(f"document {d['id']!r} listed twice", str(path))
        for rel in d.get("relations", []):
            if rel.get("relation") not in RELATIONS:
                raise RulesError(f"{d['id']}: unknown relation {rel.get('relation')!r}", str(path))
        docs[d["id"]] = RegistryDoc(
            d["id"],
            d["type"],
            d["title"],
            d["issuer"],
            d.get("date"),
            d.get("in_force"),
            tuple(d.get("names", [])),
            tuple(d.get("relations", [])),
        )
    for d in docs.values():
        for rel in d.relations:
            if rel["target"] not in docs:
                raise RulesError(f"{d.id}: relation target {rel['target']!r} is not in the registry", str(path))
    rules = tuple(raw.get("rules", []))
    for rule in rules:
        _check_keys(rule, {"id", "when", "then"}, {"id", "description", "when", "then"}, str(path))
        if rule["then"].get("relation") not in RELATIONS:
            raise RulesError(f"rule {rule['id']}: unknown relation", str(path))
    return Registry(docs, rules)
