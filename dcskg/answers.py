"""Answers of named queries as a person reads them, in Vietnamese or English: codes replaced
by labels (`queries.present`), column headers from the message catalogue. What the CLI's tables
and the notebooks show; programs use `run_query`, which keeps the codes."""
from __future__ import annotations

from typing import Any

from queries.present import presenter, shown_as
from queries.runner import NamedQuery, Rows, resolve, run

from .i18n import catalogue, code_words, sentences
from .i18n import lang as current_lang


def headed(query: NamedQuery, rows: Rows, ds, lang: str) -> Rows:
    """`rows` of `query` with labels for codes and headers in `lang`."""
    return in_words(rows, dict(query.show), ds, lang)


def in_words(rows: Rows, show: dict[str, str], ds, lang: str) -> Rows:
    """Any rows as a person reads them: the codes of the columns `show` names (column -> scheme)
    as labels, headers from the catalogue, in `lang`."""
    shown = shown_as(show, rows, presenter(ds, lang, code_words(lang), sentences(lang))) if show else rows
    headers = catalogue()["columns"][lang]
    names = [headers.get(v, v) for v in shown.vars]
    return Rows(names, [{headers.get(k, k): v for k, v in r.items()} for r in shown.rows], rows.total, rows.offset, rows.more)


def readable(name: str, ds, lang: str | None = None, **params: Any) -> Rows:
    """Run a named query and return its answer as a person reads it (`.to_dataframe()` works)."""
    query = resolve(name)
    return headed(query, run(query, ds, **params), ds, lang or current_lang())


def network_words(lang: str | None = None):
    """What a network page says, in `lang` (default: the current language): hand it to
    `queries.network.render` or `render_documents`."""
    from queries.network import PageWords

    from .i18n import in_lang

    chosen = lang or current_lang()
    return PageWords(in_lang(chosen, "network_page"), chosen)


def network_statistics(graph, ds, rows: list[dict] | None = None, lang: str | None = None) -> list[tuple[str, Rows]]:
    """The centrality tables of an agency network as a person reads them — per agency (its
    kind in words) and per kind — each with its title, which says how betweenness was
    computed; `rows` are `queries.network.statistics`'s when already computed."""
    from queries import network as nw

    from .i18n import in_lang

    chosen = lang or current_lang()
    rows = rows if rows is not None else nw.statistics(graph)[0]
    n = graph.number_of_nodes()
    k = nw.betweenness_sample(n)
    method = in_lang(chosen, "betweenness_exact", n=n) if k is None else in_lang(chosen, "betweenness_sampled", k=k, n=n, seed=42)
    tables = ((in_lang(chosen, "network_stats", method=method), rows), (in_lang(chosen, "by_kind"), nw.kind_statistics(rows)))
    return [(title, in_words(Rows(list(table[0]) if table else [], table), {"kind": "agency-kind"}, ds, chosen)) for title, table in tables]
