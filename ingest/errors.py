"""The project's error vocabulary: one base exception, specific subclasses.

Every message names the file and says what is wrong, so the CLI can print it as one line.
"""
from __future__ import annotations


class DcsKgError(Exception):
    """Base of every error this project raises on purpose."""

    def __init__(self, message: str, path: str | None = None):
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class ReadError(DcsKgError):
    """A file could not be read as a plan (missing, empty, binary, unknown format...)."""


class EncodingError(ReadError):
    """The bytes are text in an encoding we do not convert."""


class NotAPlanError(DcsKgError):
    """The text was read but does not look like an administrative plan."""


class RulesError(DcsKgError):
    """A knowledge file under data/ is malformed."""


class StoreError(DcsKgError):
    """The graph store could not be opened or written."""


class QueryError(DcsKgError):
    """A named query is unknown, malformed, or missing a parameter."""
