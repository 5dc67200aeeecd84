"""The CLI's words in Vietnamese (default) or English, from one catalogue: data/messages.yaml.

The language is `--lang` on the command line, else $DCSKG_LANG, else Vietnamese.
"""
from __future__ import annotations

import os
import re
from functools import cache
from typing import Any

import yaml

from ingest.rules import DATA_DIR  # the one place that finds data/

CATALOGUE = DATA_DIR / "messages.yaml"
LANGS = ("vi", "en")
_lang: str | None = None


@cache
def catalogue() -> dict[str, Any]:
    return yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))


def set_lang(lang: str | None) -> None:
    global _lang
    if lang is not None and lang not in LANGS:
        raise ValueError(f"--lang must be one of {', '.join(LANGS)}, not {lang!r}")
    _lang = lang


def lang() -> str:
    chosen = _lang or os.environ.get("DCSKG_LANG", "vi")
    return chosen if chosen in LANGS else "vi"


def code_words(language: str) -> dict[str, str]:
    """Words for the codes queries make up themselves (yes/no, none, unknown, and how a
    document reaches another — the `how_*` messages), in `language`."""
    words = dict(catalogue()["codes"][language])
    words.update({key[len("how_"):]: entry[language] for key, entry in catalogue().items() if key.startswith("how_")})
    return words


def t(_key: str, /, **values: object):
    """The message `_key` in the current language, its `{places}` filled."""
    return in_lang(lang(), _key, **values)


def in_lang(language: str, _key: str, /, **values: object):
    """The message `_key` in `language` (a server answers each request in its own)."""
    entry = catalogue()[_key][language]
    return entry.format(**values) if isinstance(entry, str) else entry


@cache
def sentences(language: str) -> tuple[tuple[re.Pattern[str], str, bool], ...]:
    """The pipeline's English sentences (warnings) as patterns, each with its template in
    `language` and whether it says a part of a sentence (the catalogue's `sentences`)."""
    return tuple((re.compile(s["pattern"]), s[language], bool(s.get("part"))) for s in catalogue()["sentences"])


def said_text(text: str, language: str | None = None) -> str:
    """A sentence the pipeline writes in English (a warning, why a file was refused) in
    `language` (the current one by default), by the catalogue's `sentences` (as it is when none
    matches)."""
    from queries.present import say

    return say(text, sentences(language or lang()))


def said(exc: Exception, language: str | None = None) -> str:
    """An error as the reader reads it: a coded DcsKgError from the catalogue in `language` (the
    current one by default; the value or file it concerns first), else its sentence as the
    catalogue says it."""
    from ingest.errors import shown_path

    language = language or lang()
    code = getattr(exc, "code", None)
    if not code or code not in catalogue():
        return said_text(str(exc), language)
    values = dict(getattr(exc, "params", {}))
    if "what" in values:
        values["what"] = in_lang(language, f"what_{values['what']}")
    text = in_lang(language, code, **values)
    path = getattr(exc, "path", None)
    # "lookup" names the resolver, not a file or query the reader gave
    return f"{shown_path(path)}: {text}" if path and path != "lookup" else text


def _asked_on_command_line() -> str | None:
    """`--lang en` / `--lang=en` as typed: help texts are fixed when the command is defined,
    before the `--lang` option itself is parsed."""
    import sys

    argv = sys.argv[1:]
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def h(_key: str, /) -> str:
    """A help text (`help_<key>` in the catalogue) in the language of this command line."""
    chosen = _asked_on_command_line() if _lang is None else _lang
    return str(catalogue()[f"help_{_key}"][chosen if chosen in LANGS else lang()])
