"""The oversight pages of `dcskg serve`: coverage (with a heat grid by province), what is due,
search, compare and cascade — each a form and the answer's table, drawn on the server as plain
HTML (no script: it works in any browser and in a printout), in Vietnamese or English
(`?lang=en`), and the same answer as CSV (with a BOM, for Excel) or XLSX (`?format=csv|xlsx`).

This module owns reading a page's fields from the request and drawing a `dcskg.oversight.View`;
the answers themselves are `dcskg.oversight`'s, the same the CLI prints.
"""
from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from http import HTTPStatus
from urllib.parse import urlencode

from ingest.errors import DcsKgError

from . import oversight
from .i18n import LANGS, in_lang, said
from .outputs import csv_text

# each page's fields, in the order of its form; the first of a page that needs one is required
FIELDS: dict[str, tuple[str, ...]] = {
    "coverage": ("document", "level", "in"),
    "due": ("days", "on", "agency", "place"),
    "search": ("q", "place", "level", "year", "genre", "agency", "role"),
    "compare": ("a", "b", "only"),
    "cascade": ("parent", "child"),
}
REQUIRED = {"coverage": ("document",), "due": (), "search": ("q",), "compare": ("a", "b"), "cascade": ("parent",)}
CHOICES = {("coverage", "level"): ("province", "commune"), ("search", "level"): ("", "province", "city", "district", "commune", "agency"), ("search", "role"): ("", "lead", "support")}
PAGES = tuple(FIELDS)
SEARCH_PAGE = 100  # hits shown at once: the first page of a search is read without the rest


@dataclass(frozen=True)
class PageReply:
    status: int
    ctype: str
    body: bytes
    headers: dict[str, str]


class BadField(ValueError):
    """A field the page cannot read (a year that is no number)."""


def answer(page: str, params: dict[str, str], dataset: Callable) -> PageReply:
    """The page `page` for the request's `params` (each its first value): HTML, or the table as
    CSV/XLSX."""
    lang = params.get("lang") or "vi"
    lang = lang if lang in LANGS else "vi"
    values = {name: (params.get(name) or "").strip() for name in FIELDS[page]}
    fmt = params.get("format") or "html"
    # a page of a long answer on the screen; the downloads are the whole of it
    offset = (params.get("offset") or "").strip()
    if any(not values[name] for name in REQUIRED[page]):
        return _html(HTTPStatus.OK, page, values, lang, None, in_lang(lang, "page_ask"))
    try:
        view = _view(page, values, dataset(), lang, None if fmt != "html" else _number(offset, lang) if offset else 0)
    except BadField as exc:
        return _html(HTTPStatus.BAD_REQUEST, page, values, lang, None, str(exc))
    except DcsKgError as exc:
        lost = "lookup" in (getattr(exc, "code", None) or "") or "no_children" in (getattr(exc, "code", None) or "")
        return _html(HTTPStatus.NOT_FOUND if lost else HTTPStatus.BAD_REQUEST, page, values, lang, None, said(exc, lang))
    if fmt == "csv":
        return _download(page, "csv", "text/csv", csv_text(view.columns, view.headers, view.rows).encode("utf-8"))
    if fmt == "xlsx":
        return _download(page, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _xlsx(view, page))
    return _html(HTTPStatus.OK, page, values, lang, view, None)


def _view(page: str, v: dict[str, str], ds, lang: str, offset: int | None) -> oversight.View:
    """The page's answer; `offset` (a shown page, not a download): the page of a long listing
    that starts there."""
    if page == "coverage":
        return oversight.coverage_view(ds, v["document"], v["level"] or "province", v["in"] or None, lang)
    if page == "due":
        on = _date(v["on"], lang) if v["on"] else dt.date.today()
        return oversight.due_view(ds, on, _number(v["days"], lang) if v["days"] else 30, v["agency"] or None, v["place"] or None, lang)
    if page == "search":
        from queries.search import Filters

        year = _number(v["year"], lang) if v["year"] else None
        filters = Filters(v["place"] or None, v["level"] or None, year, v["genre"] or None, v["agency"] or None, v["role"] or None)
        return oversight.search_view(ds, v["q"], filters, lang, None if offset is None else SEARCH_PAGE, offset or 0)
    if page == "compare":
        return oversight.compare_view(ds, v["a"], v["b"], bool(v["only"]), lang)
    return oversight.cascade_view(ds, v["parent"], v["child"] or None, lang)


def _number(text: str, lang: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise BadField(in_lang(lang, "page_not_a_number", value=text)) from None


def _date(text: str, lang: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise BadField(in_lang(lang, "page_bad_date", value=text)) from None


def _cell(value) -> str:
    return "" if value is None else str(value)


def _xlsx(view: oversight.View, page: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = page
    ws.append(view.headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in view.rows:
        ws.append([r.get(c) if isinstance(r.get(c), (int, float)) else _cell(r.get(c)) for c in view.columns])
    ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _download(page: str, ext: str, ctype: str, body: bytes) -> PageReply:
    return PageReply(200, ctype, body, {"Content-Disposition": f'attachment; filename="dcs-kg-{page}.{ext}"'})


def _html(status: int, page: str, values: dict[str, str], lang: str, view: oversight.View | None, message: str | None) -> PageReply:
    title = in_lang(lang, "page_views")[page]
    parts = [
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)} — dcs-kg</title>',
        '<link rel="stylesheet" href="/static/oversight.css"></head><body>',
        _nav(page, values, lang),
        f"<h1>{escape(title)}</h1>",
        _form(page, values, lang),
    ]
    if message:
        parts.append(f'<p class="{"error" if status != 200 else "hint"}" role="{"alert" if status != 200 else "note"}">{escape(message)}</p>')
    if view is not None:
        parts.append(_answer_html(page, values, lang, view))
    parts.append("</body></html>")
    return PageReply(int(status), "text/html", "".join(parts).encode("utf-8"), {})


def _nav(page: str, values: dict[str, str], lang: str) -> str:
    names = in_lang(lang, "page_views")
    links = ['<a href="/">' + escape(names["query"]) + "</a>"]
    links += [f'<a href="/{p}?lang={lang}"' + (' aria-current="page"' if p == page else "") + f">{escape(names[p])}</a>" for p in PAGES]
    other = "en" if lang == "vi" else "vi"
    switch = urlencode({k: v for k, v in values.items() if v} | {"lang": other})
    return f'<nav>{" · ".join(links)} <a class="lang" href="/{page}?{escape(switch)}">{other.upper()}</a></nav>'


def _form(page: str, values: dict[str, str], lang: str) -> str:
    labels = in_lang(lang, "page_fields")
    rows = [f'<input type="hidden" name="lang" value="{lang}">']
    for name in FIELDS[page]:
        label = escape(labels[name])
        if name == "only":
            checked = " checked" if values[name] else ""
            rows.append(f'<label><input type="checkbox" name="only" value="1"{checked}> {label}</label>')
        elif (page, name) in CHOICES:
            options = "".join(f'<option value="{c}"' + (" selected" if c == values[name] else "") + f">{escape(_choice(lang, name, c))}</option>" for c in CHOICES[(page, name)])
            rows.append(f'<label>{label} <select name="{name}">{options}</select></label>')
        else:
            required = " required" if name in REQUIRED[page] else ""
            rows.append(f'<label>{label} <input name="{name}" value="{escape(values[name])}"{required}></label>')
    return f'<form method="get" action="/{page}">' + " ".join(rows) + f' <button type="submit">{escape(in_lang(lang, "page_show"))}</button></form>'


def _choice(lang: str, field: str, code: str) -> str:
    return in_lang(lang, "page_choices")[field].get(code, code) if code else "—"


def _answer_html(page: str, values: dict[str, str], lang: str, view: oversight.View) -> str:
    query = {k: v for k, v in values.items() if v} | {"lang": lang}
    downloads = " ".join(f'<a href="/{page}?{escape(urlencode(query | {"format": f}))}" download>{f.upper()}</a>' for f in ("csv", "xlsx"))
    parts = [f"<h2>{escape(view.title)}</h2>", f'<p class="downloads">{escape(in_lang(lang, "page_download"))}: {downloads}</p>']
    if view.grid:
        parts.append(_grid(view.grid, lang))
    if not view.rows:
        parts.append(f'<p class="hint">{escape(in_lang(lang, "page_no_rows"))}</p>')
        return "".join(parts)
    head = "".join(f"<th>{escape(h)}</th>" for h in view.headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(_cell(r.get(c)))}</td>" for c in view.columns) + "</tr>" for r in view.rows)
    parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    parts.append(f'<p class="count">{escape(in_lang(lang, "rows", n=len(view.rows)))}</p>')
    if view.next_offset is not None:
        parts.append(f'<p class="more"><a rel="next" href="/{page}?{escape(urlencode(query | {"offset": view.next_offset}))}">{escape(in_lang(lang, "page_next"))}</a></p>')
    return "".join(parts)


def _grid(cells: list[dict], lang: str) -> str:
    """One square per province, its shade the share of its units covered (no map needed)."""
    squares = []
    for c in cells:
        share = c["covered"] / c["total"] if c["total"] else 0.0
        label = f'{c["name"]}: {c["covered"]}/{c["total"]}'
        squares.append(f'<div class="cell" style="--share:{share:.3f}" title="{escape(label)}" data-share="{share:.3f}"><span>{escape(c["name"])}</span><b>{c["covered"]}/{c["total"]}</b></div>')
    return f'<h3>{escape(in_lang(lang, "page_grid"))}</h3><div class="grid">' + "".join(squares) + "</div>"
