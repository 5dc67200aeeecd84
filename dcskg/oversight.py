"""The oversight answers — coverage, search, due, cascade, compare — as a person reads them:
a title, the columns, their headers in one language, and rows with words for codes (`rows`)
beside the same rows with codes kept (`raw`, what JSON gives programs).

One shaping for every surface: the CLI prints a `View` as a table, CSV or JSON, the server's
pages draw it as HTML or hand it out as CSV/XLSX. The language is an argument, never the
process's: the server answers each request in its own.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from .i18n import code_words, in_lang


@dataclass
class View:
    title: str
    columns: list[str]
    headers: list[str]
    rows: list[dict]  # codes as words, in the view's language
    raw: list[dict]  # codes kept: what JSON gives
    grid: list[dict] = field(default_factory=list)  # coverage: one cell per province (name, covered, total)
    next_offset: int | None = None  # a page of a longer answer: where the next page starts


def coverage_view(ds, document: str, level: str, within: str | None, lang: str) -> View:
    """Every unit of the level with the documents implementing `document` there, or none."""
    from queries.coverage import coverage

    units = coverage(ds, document, level, within)
    raw: list[dict] = [
        {
            "unit": u.name,
            "code": u.code,
            "covered": u.covered,
            "date": u.first_date(),
            "documents": "; ".join(d["name"] for d in u.documents) or None,
            "how": [d["how"] for d in u.documents],
            "files": "; ".join(d["file"] for d in u.documents) or None,
        }
        for u in units
    ]
    words = [
        r | {"covered": in_lang(lang, "covered_yes" if r["covered"] else "covered_no"), "how": "; ".join(dict.fromkeys(in_lang(lang, f"how_{h}") for h in r["how"])) or None}
        for r in raw
    ]
    title = in_lang(lang, "coverage_title", document=document, level=in_lang(lang, f"level_{level}"), covered=sum(u.covered for u in units), total=len(units))
    grid: dict[str, dict] = {}
    for u in units:
        cell = grid.setdefault(u.province or u.name, {"name": u.province or u.name, "covered": 0, "total": 0})
        cell["covered"] += u.covered
        cell["total"] += 1
    return View(title, list(raw[0]) if raw else [], in_lang(lang, "coverage_columns"), words, raw, list(grid.values()))


def search_view(ds, words: str, filters, lang: str, limit: int | None = None, offset: int = 0) -> View:
    """Tasks and documents whose text holds `words`, without case or diacritics: every hit, or
    the page of `limit` hits after `offset` (read without reading the rest)."""
    from queries.search import search, search_page

    following = None
    if limit is None:
        hits = search(ds, words, filters)[offset:]
    else:
        page = search_page(ds, words, filters, limit, offset)
        hits, following = page.hits, offset + limit if page.more else None
    title = in_lang(lang, "search_title", words=words, n=len(hits))
    if following is not None or offset:  # a part of the answer: which part, and whether more follow
        title = in_lang(lang, "search_page", words=words, first=offset + 1 if hits else offset, last=offset + len(hits))
        title += in_lang(lang, "search_more") if following is not None else ""
    raw = [asdict(hit) for hit in hits]
    shown = [r | {"kind": in_lang(lang, f"hit_{r['kind']}")} for r in raw]
    columns = ["kind", "document", "path", "text", "leads", "supports", "file", "line"]
    return View(title, columns, in_lang(lang, "search_columns"), shown, raw, next_offset=following)


def due_view(ds, on: dt.date, days: int, agency: str | None, place: str | None, lang: str) -> View:
    """Reporting duties and deadlines falling in the next `days` from `on`, and those past."""
    from queries.due import due

    items = due(ds, on, days, agency, place)
    from .exports import frequency_labels

    frequency = frequency_labels() if lang == "vi" else {}  # the cues name frequencies in Vietnamese only
    raw = [asdict(d) for d in items]
    shown = [
        r
        | {
            "kind": in_lang(lang, f"due_{r['kind']}"),
            "frequency": frequency.get(r["frequency"], r["frequency"]),
            "date": r["date"].strftime("%d/%m/%Y"),
            "status": in_lang(lang, f"progress_{r['status']}") if r["status"] else None,
        }
        for r in raw
    ]
    columns = ["date", "days", "kind", "who", "to", "via", "deadline", "document", "path", "file", "line", "frequency", "status", "status_note"]
    past = sum(d.days < 0 for d in items)
    title = in_lang(lang, "due_title", on=on.strftime("%d/%m/%Y"), days=days, n=len(items), past=past)
    return View(title, columns, in_lang(lang, "due_columns"), shown, raw)


def cascade_view(ds, parent: str, child: str | None, lang: str) -> View:
    """Which of a parent's tasks each child (or every document carrying the parent out) takes
    up, drops or adds. No child at all is a QueryError naming the parent."""
    from ingest.errors import QueryError
    from queries import cascade as cascading

    kids = [child] if child else cascading.children(ds, parent)
    if not kids:
        raise QueryError(f"no document in the graph carries out {parent}", "cascade", code="cascade_no_children", params={"parent": parent})
    raw: list[dict] = []
    for kid in kids:
        c = cascading.cascade(ds, parent, kid)
        raw += [{"child": c.child, "what": "taken_up", "parent_path": p.parent.path, "child_path": p.child.path, "score": p.score, "lead_carried": p.lead_carried, "parent_text": p.parent.text[:120], "child_text": p.child.text[:120]} for p in c.taken_up]
        raw += [{"child": c.child, "what": "dropped", "parent_path": d.path, "parent_text": d.text[:120]} for d in c.dropped]
        raw += [{"child": c.child, "what": "added", "child_path": a.path, "child_text": a.text[:120]} for a in c.added]
    counts = {w: sum(r["what"] == w for r in raw) for w in ("taken_up", "dropped", "added")}
    yes_no = code_words(lang)
    shown = [r | {"what": in_lang(lang, f"cascade_{r['what']}"), "lead_carried": None if "lead_carried" not in r else yes_no["yes" if r["lead_carried"] else "no"]} for r in raw]
    columns = ["child", "what", "parent_path", "child_path", "score", "lead_carried", "parent_text", "child_text"]
    return View(in_lang(lang, "cascade_title", parent=parent, n=len(kids), **counts), columns, in_lang(lang, "cascade_columns"), shown, raw)


def compare_view(ds, first: str, second: str, only_differences: bool, lang: str) -> View:
    """Two plans side by side: what each holds and whether both do."""
    from queries import compare as comparing
    from queries.lookup import document_node
    from queries.naming import named_document

    every = comparing.compare(ds, first, second)
    sides = [s for s in every if not only_differences or s.where != "both"]
    names = [(named_document(ds, str(document_node(ds, p))) or (p, ""))[0] for p in (first, second)]
    raw = [asdict(s) | {"where": s.where} for s in sides]
    shown = [
        r | {"aspect": in_lang(lang, f"aspect_{r['aspect']}"), "where": in_lang(lang, f"where_{r['where']}"), "a": "" if r["a"] is None else r["a"], "b": "" if r["b"] is None else r["b"]}
        for r in raw
    ]
    counts = {w: sum(s.where == w for s in every) for w in ("both", "a", "b")}
    title = in_lang(lang, "compare_title", a=names[0], b=names[1], both=counts["both"], only_a=counts["a"], only_b=counts["b"])
    return View(title, ["aspect", "value", "a", "b", "where"], in_lang(lang, "compare_columns"), shown, raw)

