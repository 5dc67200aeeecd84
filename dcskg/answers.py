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
