"""The project's error vocabulary: one base exception, specific subclasses.

Every message names the file and says what is wrong, so the CLI can print it as one line.
"""
from __future__ import annotations


def shown_path(path: str) -> str:
    """A file name as one printable line: line breaks, control characters and the invisible
    marks that reorder text (right-to-left overrides) written as escapes, so that an error
    about `plan⏎two.txt` stays one line and shows what the name holds."""
    import unicodedata

    def escape(ch: str) -> str:
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
            return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"
        return ch

    return "".join(escape(ch) for ch in str(path))


class DcsKgError(Exception):
    """Base of every error this project raises on purpose."""

    def __init__(self, message: str, path: str | None = None, *, code: str | None = None, params: dict | None = None):
        self.path = path
        self.message = message
        # `code` names the message in the CLI's catalogue (data/messages.yaml), `params` fills
        # it: the command line says it in the reader's language; the API keeps `message`
        self.code = code
        self.params = dict(params or {})
        super().__init__(f"{shown_path(path)}: {message}" if path else message)


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
