"""Answers as a person reads them: the codes a query returns (`department`, `lead`,
`semiannual`, `true`) replaced by their labels in the reader's language, and a document's file
name joined by the document's own name.

A query says which of its columns hold codes of which scheme in its header
(`#+ show: {kind: agency-kind, role: Roles}`); the labels come from the graph's SKOS concept
schemes and property labels (`labels.rq`), so the CLI, the notebooks and the query page read
the same words. Schemes that are not in the graph:

- `document`: a source file name; the document's name ("Kế hoạch 18/KH-UBND — …") is put in a
  column of its own before it, and the file stays for provenance;
- `yes-no`: a boolean;
- `plan`: a document read, by its IRI: shown by its name;
- `symbol`: a document's id ("18/KH-UBND@Quảng Trị/2025"): shown by its symbol alone;
- `sentence`: a sentence the pipeline wrote in English (a warning), said in the reader's
  language by the first of the caller's patterns that matches it;
- `task`: a task by its IRI, for `dcskg explain` and programs: left out where a person reads
  (the query puts the task's plan and item path in columns of their own).

JSON answers keep the codes: they are for programs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.ids import symbol_of

from .runner import NamedQuery, Rows, run_query

OWN_SCHEMES = ("document", "yes-no", "plan", "symbol", "sentence", "task")
DOCUMENT_COLUMN = "document"


@dataclass
class Presenter:
    """Labels of one graph in one language."""

    labels: dict[tuple[str, str], str]
    documents: dict[str, str]
    # words for what is not a code of any scheme: yes, no, and the queries' own "none"/"unknown"
    words: dict[str, str] = field(default_factory=dict)
    plans: dict[str, str] = field(default_factory=dict)  # IRI -> name of each document read
    sentences: tuple[tuple[re.Pattern[str], str, bool], ...] = ()  # English pattern -> template, is a part

    def cell(self, scheme: str, value: Any) -> Any:
        if value is None:
            return None
        if scheme == "yes-no":
            truth = value if isinstance(value, bool) else str(value).lower() in ("true", "1")
            return self.words.get("yes" if truth else "no", str(truth))
        if scheme == "document":
            return value
        if scheme == "plan":
            return self.plans.get(str(value), value)
        if scheme == "symbol":
            return symbol_of(str(value))
        if scheme == "sentence":
            return say(str(value), self.sentences)
        code = str(value)
        return self.labels.get((scheme, code)) or self.words.get(code, code)


def say(sentence: str, sentences: tuple[tuple[re.Pattern[str], str, bool], ...]) -> str:
    """`sentence` in the words of the first template whose pattern matches it whole, its named
    groups filled in (as it is when none does); then the patterns of a part ("(line 3)") are
    said wherever they occur."""
    said = next((template.format(**m.groupdict()) for pattern, template, part in sentences if not part and (m := pattern.fullmatch(sentence))), sentence)
    for pattern, template, part in sentences:
        if part:
            said = pattern.sub(_filled(template), said)
    return said


def _filled(template: str):
    def fill(m: re.Match[str]) -> str:
        return template.format(**m.groupdict())

    return fill


def presenter(ds, lang: str, words: dict[str, str] | None = None, sentences: tuple[tuple[re.Pattern[str], str, bool], ...] = ()) -> Presenter:
    from .naming import ingested, names_by_node, names_by_source

    labels = {(r["scheme"], r["code"]): r["label"] for r in run_query("labels", ds, lang=lang)}
    read = ingested(ds)  # once, for both views of the documents read
    documents = {file: str(info["name"]) for file, info in names_by_source(ds, read).items() if info.get("name")}
    return Presenter(labels, documents, dict(words) if words else {}, names_by_node(ds, read), sentences)


def readable(query: NamedQuery, rows: Rows, how: Presenter) -> Rows:
    """The answer with labels for codes; a column of document names before each file column."""
    return shown_as(dict(query.show), rows, how)


def shown_as(show: dict[str, str], rows: Rows, how: Presenter) -> Rows:
    """`rows` with the codes of the columns `show` names (column -> scheme) as labels."""
    if not show:
        return rows
    kept = [v for v in rows.vars if show.get(v) != "task"]
    columns: list[str] = []
    for v in kept:
        if show.get(v) == "document" and DOCUMENT_COLUMN not in rows.vars:
            columns.append(DOCUMENT_COLUMN)
        columns.append(v)
    out = []
    for r in rows.rows:
        new: dict[str, Any] = {}
        for v in kept:
            scheme = show.get(v)
            if scheme == "document" and DOCUMENT_COLUMN not in rows.vars:
                file = None if r.get(v) is None else Path(str(r[v])).name
                new[DOCUMENT_COLUMN] = how.documents.get(file, file) if file else None
            new[v] = how.cell(scheme, r.get(v)) if scheme else r.get(v)
        out.append(new)
    return Rows(columns, out)
