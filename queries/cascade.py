"""Was it carried down? A child document's tasks aligned to its parent's: which parent tasks the
child takes up, which it drops, which it adds, and whether a matched task's lead is the same
body one level down (Sở Nội vụ → Phòng Nội vụ).

Method (data/cascade.yaml): each task's text is folded (no case, no diacritics, đ as d) and cut
into syllables, function words left out; its terms are the syllables and the pairs of adjacent
ones (Vietnamese words are mostly two syllables: "tuyên truyền", "kiểm tra"), weighted by TF-IDF
over the two documents' tasks, so what both say throughout ("thực hiện", "dân chủ ở cơ sở", the
drive they carry out) weighs little, and only their tasks are read. Two tasks are alike by the
cosine of their weighted terms, plus a share for the measure groups they have in common (what
they ask to be done: tuyên truyền, kiểm tra, kinh phí, …) and a smaller one when a lead is the
same body, or the same one level down. A
child task takes up the parent task it is most like, when that reaches the threshold measured
on hand-checked pairs (tests/data/cascade, README). A parent task no child task takes up is
dropped; a child task that takes up none is added.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from rdflib import URIRef

from ingest.rules import cascade_rules, fold, unmarked

from . import lookup
from .named import execute, internal
from .naming import joined_names


@dataclass(frozen=True)
class CascadeTask:
    path: str
    line: int
    text: str
    leads: tuple[str, ...]
    measures: frozenset[str] = frozenset()


@dataclass(frozen=True)
class TakenUp:
    parent: CascadeTask
    child: CascadeTask
    score: float
    lead_carried: bool  # the child's lead is the parent's, or the same body one level down


@dataclass(frozen=True)
class Cascade:
    parent: str  # the documents' keys
    child: str
    taken_up: list[TakenUp]
    dropped: list[CascadeTask]
    added: list[CascadeTask]


def cascade(ds, parent: str, child: str, threshold: float | None = None) -> Cascade:
    """The child document's tasks aligned to the parent's (both named as `query` names a plan)."""
    (parent_node, parent_key), (child_node, child_key) = lookup.document_read(ds, parent), lookup.document_read(ds, child)
    ours, theirs = _tasks(ds, parent_node), _tasks(ds, child_node)
    pairs = align(ours, theirs, [t.text for t in ours + theirs], threshold)
    taken = {(p.parent.path, p.parent.line) for p in pairs}
    matched = {(p.child.path, p.child.line) for p in pairs}
    dropped = [t for t in ours if (t.path, t.line) not in taken]
    return Cascade(parent_key, child_key, pairs, dropped, [t for t in theirs if (t.path, t.line) not in matched])


def children(ds, parent: str) -> list[str]:
    """The keys of the documents read whose opening says they carry out `parent`."""
    node = lookup.document_node(ds, parent)
    return [str(r["key"]) for r in execute(internal("children_of"), ds, {"parent": node}).rows]


def align(parents: list[CascadeTask], children: list[CascadeTask], corpus: list[str], threshold: float | None = None) -> list[TakenUp]:
    """Each child task with the parent task it is most like, when alike enough; terms weighed
    by how many of `corpus` (the two documents' task texts) say them."""
    rules = cascade_rules()
    limit = float(rules["threshold"]) if threshold is None else threshold
    share = float(rules["measure_share"])
    lead_share = float(rules["lead_share"])
    weigh = _weigher(corpus)
    ours = [weigh(t.text) for t in parents]
    out = []
    for child in children:
        mine = weigh(child.text)
        scored = [
            (_cosine(mine, w) + share * _overlap(child.measures, p.measures) + lead_share * carried_lead(p.leads, child.leads), p)
            for p, w in zip(parents, ours)
        ]
        if not scored:
            break
        score, best = max(scored, key=lambda s: s[0])
        if score >= limit:
            out.append(TakenUp(best, child, round(score, 3), carried_lead(best.leads, child.leads)))
    return out


def carried_lead(parent: tuple[str, ...], child: tuple[str, ...]) -> bool:
    """Some lead of the child is a lead of the parent, or the same body one level down."""
    return bool({_body(n) for n in parent} & {_body(n) for n in child})


def words(text: str) -> list[str]:
    """A task's terms as compared: folded syllables (no diacritics, đ as d, function words out)
    and each pair of adjacent ones."""
    text = unmarked(fold(text))
    skip = set(cascade_rules()["function_words"])
    syllables = [w for w in re.findall(r"[a-z0-9]+", text) if w not in skip and len(w) > 1]
    return syllables + [f"{a}_{b}" for a, b in zip(syllables, syllables[1:])]


def _tasks(ds, node: URIRef) -> list[CascadeTask]:
    rows = execute(internal("cascade_tasks"), ds, {"doc": node}).rows
    return [
        CascadeTask(str(r["path"]), int(r["line"]), str(r["text"]), tuple(sorted(joined_names(r["leads"]))), frozenset(joined_names(r["measures"])))
        for r in rows
    ]


def _weigher(corpus: list[str]):
    """A text -> its TF-IDF vector, the document frequency counted over `corpus` (smoothed)."""
    df = Counter(w for text in corpus for w in set(words(text)))
    n = len(corpus)
    return lambda text: {w: c * (math.log((1 + n) / (1 + df[w])) + 1) for w, c in Counter(words(text)).items()}


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(v * b.get(w, 0.0) for w, v in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def _body(name: str) -> str:
    """A lead's name without its unit word and level: what stays the same one level down."""
    rules = cascade_rules()
    low = fold(name)
    for level in sorted(rules["level_words"], key=len, reverse=True):
        low = re.sub(rf"\s+{re.escape(level)}$", "", low)
    for unit in sorted(rules["unit_words"], key=len, reverse=True):
        if low.startswith(unit + " "):
            return low[len(unit) + 1 :]
    return low
