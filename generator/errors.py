"""Errors the generator raises on purpose. Anything else escaping is a bug."""
from __future__ import annotations

from pathlib import Path


MESSAGE_LIMIT = 2000          # characters of one message; a value in it is cut far earlier (shorten)


def shorten(value: object, limit: int = 80) -> str:
    """A value as text for a message, at most `limit` characters: a file may hold a value of any
    size (a whole letter pasted into a field), and a message must stay readable."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) <= limit:
        return text
    return f"{text[:limit - 20]}… ({len(text)} characters)"


class GeneratorError(Exception):
    """Base class: a problem the user can fix. The message says what and how."""


class SourceError(GeneratorError):
    """A problem in one content file, with the file (and line where known) and a hint."""

    def __init__(self, path: Path | str, message: str, line: int | None = None, hint: str = ""):
        self.path = Path(path)
        self.line = line
        self.message = shorten(message, MESSAGE_LIMIT)
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        text = f"{where}: {self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text


class BuildError(GeneratorError):
    """The build as a whole failed (MkDocs error, strict warnings, broken links)."""
