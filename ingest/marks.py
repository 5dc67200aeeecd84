"""A scan's slips in Vietnamese marks, repaired from how words pair in real documents.

OCR drops and confuses the marks of Vietnamese letters: "thưc hiện", "trên địa ban", "Ban Quản
ly", "Văn phòng Đoàn đại biêu Quốc hội". Each slip keeps the word's bare letters, so the word
is one of the forms that share them, and the words beside it say which: real documents write
"địa bàn", never "địa ban". This module owns that repair. Its knowledge is a table of how often
each word and each pair of neighbouring words is written in real administrative documents
(`data/rules/word_pairs.tsv`, counted from the corpus by `python -m ingest.marks build`).

A document is repaired only when it reads as a scan's: when enough of its words (one in two
hundred) were never written in the real documents and their neighbours name another form of the
same letters. Typed documents stay as written: their few such words are typos and names. In a
scan's text a word is changed to the form its neighbours are written with when the word itself
is rare there, or when the pairs it makes were never written and the other form's were, often.
A number with a letter read into it ("ngày O3 tháng") is written in figures in any document.
A changed word keeps its length (every Vietnamese letter is one character once composed: a
scan's line is composed first), so the line's offsets still hold.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from . import rules
from .rules import WordPairs, unmarked, word_pairs

# a word of letters not glued to a symbol's parts ("KH/TU", "BNV-CTTN&BĐG", "v.v"), or a number
# or date, which stands beside words as "#" ("ngày #", "# tháng", "số #")
_WORD = re.compile(r"(?<![\w/&.-])(?:[^\W\d_]+|\d+(?:[/.-]\d+)*)(?![\w/&-])")
NUMBER = "#"


def _token(word: str) -> str:
    return NUMBER if word[0].isdigit() else word.lower()

# a number a scan read a letter into: "ngày O3 tháng", "2O25", "l0/KH-UBND" (no letter beside it)
_SLIPPED_NUMBER = re.compile(r"(?<![^\W\d_])(?=[\dOl]*\d)[\dOl]*[Ol][\dOl]*(?![^\W\d_])")
_DIGIT_FOR = str.maketrans("Ol", "01")
_FIGURE_BESIDE_LETTER = re.compile(r"\d[Ol]|[Ol]\d")

RARE = 1  # a word written at most this often in the corpus is a candidate for repair
MIN_SUPPORT = 2  # a rare word's other form: its pairs with the neighbours written this often
MIN_SUPPORT_COMMON = 100  # a common word's other form: its pairs with the neighbours written this often,
COMMON_ODDS = 50  # and this many times as often as the word's own
SCAN_SHARE = 0.005  # a document with this share of repairable words reads as a scan's
SCAN_MIN = 3


def count_table(texts: Iterable[str]) -> str:
    """The table's text for these documents: each word and each pair of words written side by
    side (nothing but spaces between them), lower-case, with how often, in a stable order."""
    words: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for text in texts:
        for line in unicodedata.normalize("NFC", text).splitlines():
            found = list(_WORD.finditer(line))
            words.update(m.group().lower() for m in found if not m.group()[0].isdigit())
            pairs.update(
                (_token(a.group()), _token(b.group())) for a, b in zip(found, found[1:]) if not line[a.end() : b.start()].strip()
            )
    rows = [f"{w}\t{n}" for w, n in sorted(words.items())] + [f"{a} {b}\t{n}" for (a, b), n in sorted(pairs.items())]
    return "\n".join(rows) + "\n"


def _in_case_of(written: str, form: str) -> str:
    if len(written) > 1 and written.isupper():
        return form.upper()
    return form[:1].upper() + form[1:] if written[:1].isupper() else form


class _Line:
    """A line's words with what their neighbours say of each."""

    def __init__(self, text: str, table: WordPairs) -> None:
        self.text = text
        self.table = table
        self.found = list(_WORD.finditer(text))
        self.lower = [_token(m.group()) for m in self.found]

    def _side_by_side(self, k: int) -> bool:
        return not self.text[self.found[k].end() : self.found[k + 1].start()].strip()

    def _side(self, k: int, other: int, loose: bool) -> Counter[str]:
        """The forms of word k written beside word `other` as it is written (or, `loose`, in any
        of its forms: a scan may have misread both, "Sở Tự phảp")."""
        first, second = sorted((k, other))
        votes: Counter[str] = Counter()
        for pair, n in self.table.pairs.get(unmarked(f"{self.lower[first]} {self.lower[second]}"), {}).items():
            if loose or pair[other > k] == self.lower[other]:
                votes[pair[k > other]] += n
        return votes

    def support(self, k: int, loose: bool = False) -> Counter[str]:
        """How often each form of word k's letters is written beside its neighbours: the forms
        written beside both, where any is ("vụ tại Công văn": "tài" follows "vụ" more often,
        "tại" is written beside both), else beside either."""
        sides = [self._side(k, k - 1, loose)] if k > 0 and self._side_by_side(k - 1) else []
        if k + 1 < len(self.found) and self._side_by_side(k):
            sides.append(self._side(k, k + 1, loose))
        votes = sum(sides, Counter())
        if len(sides) == 2:
            both = Counter({form: n for form, n in votes.items() if sides[0][form] and sides[1][form]})
            if both:
                # the word as written keeps what either side says for it
                return both + Counter({self.lower[k]: votes[self.lower[k]] - both[self.lower[k]]})
        return votes

    def repairs(self, commons: bool) -> dict[int, str]:
        """Word index -> the form to write: rare words always, common ones when `commons`."""
        out: dict[int, str] = {}
        for k, word in enumerate(self.lower):
            rare = self.table.words.get(word, 0) <= RARE
            if len(word) < 2 or word == NUMBER or not (rare or commons) or not unicodedata.is_normalized("NFC", word):
                continue
            votes = self.support(k)
            if not votes and rare:
                votes = self.support(k, loose=True)
            if not votes:
                continue
            form, n = votes.most_common(1)[0]
            if form == word or len(form) != len(word):
                continue
            if (rare and n >= MIN_SUPPORT) or (not rare and n >= MIN_SUPPORT_COMMON and votes[word] * COMMON_ODDS < n):
                out[k] = form
        return out

    def repaired(self, commons: bool) -> str:
        changes = self.repairs(commons)
        if not changes:
            return self.text
        pieces, last = [], 0
        for k in sorted(changes):
            m = self.found[k]
            pieces += [self.text[last : m.start()], _in_case_of(m.group(), changes[k])]
            last = m.end()
        return "".join(pieces) + self.text[last:]


def figures(text: str) -> str:
    """A number a scan read a letter into, in figures ("ngày O5 tháng 3 năm 2O26", "Số:
    l2/KH-UBND"): in any document — no typed number holds an "O" or an "l"."""
    if not _FIGURE_BESIDE_LETTER.search(text):  # a slip always has a figure beside its letter
        return text
    return _SLIPPED_NUMBER.sub(lambda m: m.group().translate(_DIGIT_FOR), text)


def reads_as_scan(lines: Sequence[str], table: WordPairs | None = None) -> bool:
    """Whether one word in two hundred (three at least) is a rare word its neighbours repair."""
    table = table or word_pairs()
    words = repairable = 0
    for text in lines:
        found = [w for w in _WORD.findall(text.lower()) if not w[0].isdigit()]
        words += len(found)
        if any(table.words.get(w, 0) <= RARE for w in found):  # most lines have no rare word
            repairable += len(_Line(text, table).repairs(commons=False))
    return repairable >= SCAN_MIN and repairable >= SCAN_SHARE * words


def repairer(lines: Sequence[str]) -> Callable[[str], str] | None:
    """A line's repair for a document that reads as a scan's; None for a typed one."""
    table = word_pairs()
    # words are looked up composed: a mark written as a combining character (Windows-1258, NFD)
    # would part a word in two
    if not reads_as_scan([unicodedata.normalize("NFC", line) for line in lines], table):
        return None

    def repair(text: str) -> str:
        before = unicodedata.normalize("NFC", text)
        after = _Line(before, table).repaired(commons=True)
        if after != before:  # a word repaired is a neighbour the next pass can read ("Vắn phọng")
            after = _Line(after, table).repaired(commons=True)
        return after

    return repair


def main(argv: list[str]) -> int:
    """`python -m ingest.marks build FILE…`: write the table counted from these documents."""
    if len(argv) < 2 or argv[0] != "build":
        print("usage: python -m ingest.marks build FILE…  (writes data/rules/word_pairs.tsv)", file=sys.stderr)
        return 2
    table = rules.RULES_DIR / "word_pairs.tsv"
    texts = (Path(f).read_text(encoding="utf-8", errors="replace") for f in argv[1:])
    table.write_text(count_table(texts), encoding="utf-8")
    print(f"{table}: {len(argv) - 1} documents", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
