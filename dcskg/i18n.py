"""The CLI's words in Vietnamese (default) or English, from one catalogue: data/messages.yaml.

The language is `--lang` on the command line, else $DCSKG_LANG, else Vietnamese.
"""
from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import yaml

CATALOGUE = Path(__file__).resolve().parent.parent / "data" / "messages.yaml"
LANGS = ("vi", "en")
_lang: str | None = None


@cache
def catalogue() -> dict[str, dict[str, object]]:
    return yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))


def set_lang(lang: str | None) -> None:
    global _lang
    if lang is not None and lang not in LANGS:
        raise ValueError(f"--lang must be one of {', '.join(LANGS)}, not {lang!r}")
    _lang = lang


def lang() -> str:
    chosen = _lang or os.environ.get("DCSKG_LANG", "vi")
    return chosen if chosen in LANGS else "vi"


def t(_key: str, /, **values: object):
    """The message `_key` in the current language, its `{places}` filled."""
    entry = catalogue()[_key][lang()]
    return entry.format(**values) if isinstance(entry, str) else entry
