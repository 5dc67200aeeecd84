"""Word's automatic numbering -> the label a numbered paragraph shows ("I.", "1.", "a)", "-").

A Word file keeps a list's labels out of its text: `numbering.xml` holds abstract definitions
(each level's format, label text and start) and the list instances that point to them, and a
paragraph names an instance and a level (in its own properties or in its style's). The labels
are counted as Word counts them: instances of one definition count on together unless an
instance restarts a level (`startOverride`), and a level starts again when a level above it
moves on. A paragraph whose instance the file does not define keeps the guess its style's name
allows ("List Bullet 2", "List Number"), as before this module read the definitions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .numerals import point_letter
from .numerals import roman as numeral

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# the label a bullet level's symbol stands for: a dash or a plus as typed; a symbol font's dot,
# square or arrow reads as the dash of a first level and the plus of a deeper one
_TYPED_BULLETS = {"-": "-", "–": "-", "—": "-", "+": "+"}


@dataclass(frozen=True)
class _Level:
    fmt: str
    text: str
    start: int


@dataclass
class Numbering:
    """The file's list definitions and the counts reached so far, read paragraph by paragraph."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstract id -> level -> definition
    instances: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # num id -> abstract id, restarts
    counts: dict[str, dict[int, int]] = field(default_factory=dict)  # abstract id -> level -> count
    restarted: set[tuple[str, int]] = field(default_factory=set)  # (num id, level) restarts done
    guessed: dict[int, int] = field(default_factory=dict)  # the style-name guess's counts

    @classmethod
    def of(cls, document) -> Numbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (AttributeError, KeyError, NotImplementedError):
            return numbering
        linked: dict[str, str] = {}  # a numbering style's name -> the definition that holds its levels
        uses: dict[str, str] = {}  # a definition that only names a numbering style -> that style
        for abstract in root.iter(f"{_W}abstractNum"):
            aid = abstract.get(f"{_W}abstractNumId")
            numbering.levels[aid] = {int(lvl.get(f"{_W}ilvl", "0")): _level(lvl) for lvl in abstract.iter(f"{_W}lvl")}
            for tag, into in (("styleLink", linked), ("numStyleLink", uses)):
                link = abstract.find(f"{_W}{tag}")
                if link is not None:
                    if tag == "styleLink":
                        into[link.get(f"{_W}val")] = aid
                    else:
                        into[aid] = link.get(f"{_W}val")
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            aid = ref.get(f"{_W}val")
            aid = linked.get(uses.get(aid, ""), aid)  # a numbering style's list counts in its own definition
            restarts = {}
            for override in num.iter(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                if start is not None:
                    restarts[int(override.get(f"{_W}ilvl", "0"))] = int(start.get(f"{_W}val", "1"))
            numbering.instances[num.get(f"{_W}numId")] = (aid, restarts)
        return numbering

    def label(self, para) -> str | None:
        """The label the paragraph shows, or None when it is no list item."""
        num_id, level = _list_of(para)
        if num_id == "0":
            return None  # numbering switched off for this paragraph
        style = (para.style.name or "") if para.style is not None else ""
        if num_id is not None and num_id in self.instances:
            # "List Bullet 2" is a list of its own whose first level Word indents: a nested bullet
            m = re.search(r"\b([2-9])\s*$", style)
            return self._counted(num_id, level, max(level, int(m.group(1)) - 1 if m else 0))
        if num_id is None and "List" not in style:
            return None
        return self._guessed(style, num_id, level)

    def _counted(self, num_id: str, level: int, depth: int) -> str | None:
        aid, restarts = self.instances[num_id]
        defined = self.levels.get(aid, {})
        if level not in defined:
            return None
        counts = self.counts.setdefault(aid, {})
        if level in restarts and (num_id, level) not in self.restarted:
            self.restarted.add((num_id, level))
            counts[level] = restarts[level] - 1
        counts[level] = counts.get(level, defined[level].start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        this = defined[level]
        if this.fmt == "bullet":
            return _TYPED_BULLETS.get(this.text.strip(), "-" if depth == 0 else "+")
        if this.fmt == "none":
            return None
        text = re.sub(r"%(\d)", lambda m: _shown(defined, counts, int(m.group(1)) - 1), this.text).strip()
        if not text:
            return None
        # a label Word sets apart with a tab alone ("%1"): the full stop a typed one would have
        return text if text[-1] in ".)-:" else f"{text}."

    def _guessed(self, style: str, num_id: str | None, level: int) -> str:
        if num_id is None:
            # "List Bullet 2", "List Number 3": the style names the nesting level
            m = re.search(r"(\d)\s*$", style)
            level = int(m.group(1)) - 1 if m else 0
        if "Bullet" in style or (num_id is None and "Number" not in style):
            return "-" if level == 0 else "+"
        self.guessed[level] = self.guessed.get(level, 0) + 1
        for deeper in [k for k in self.guessed if k > level]:
            del self.guessed[deeper]
        n = self.guessed[level]
        return f"{n}." if level == 0 else f"{point_letter(n)})"


def _level(lvl) -> _Level:
    def val(tag: str, default: str) -> str:
        element = lvl.find(f"{_W}{tag}")
        return element.get(f"{_W}val", default) if element is not None else default

    start = val("start", "1")
    return _Level(val("numFmt", "decimal"), val("lvlText", ""), int(start) if start.isdigit() else 1)


def _list_of(para) -> tuple[str | None, int]:
    """The list instance and level a paragraph names, in its own properties or its style's."""
    num_id: str | None = None
    level: int | None = None
    for props in (para._p.pPr, *_style_props(para)):
        numpr = props.find(f"{_W}numPr") if props is not None else None
        if numpr is None:
            continue
        nid, ilvl = numpr.find(f"{_W}numId"), numpr.find(f"{_W}ilvl")
        if num_id is None and nid is not None:
            num_id = nid.get(f"{_W}val")
        if level is None and ilvl is not None:
            level = int(ilvl.get(f"{_W}val", "0"))
    return num_id, level or 0


def _style_props(para) -> list:
    """The paragraph properties of its style and the styles that style is based on."""
    out = []
    style = para.style
    seen = 0
    while style is not None and seen < 10:
        out.append(style.element.find(f"{_W}pPr"))
        style = style.base_style
        seen += 1
    return out


def _shown(defined: dict[int, _Level], counts: dict[int, int], level: int) -> str:
    """One level's count as its format writes it ("%1" of an upper-roman level: "II")."""
    n = counts.get(level, defined[level].start if level in defined else 1)
    fmt = defined[level].fmt if level in defined else "decimal"
    if fmt in ("upperRoman", "lowerRoman"):
        roman = numeral(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = _LETTERS[(n - 1) % 26] * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)
