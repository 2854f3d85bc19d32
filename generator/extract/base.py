"""What every extractor returns: a hit in one block of text."""
from __future__ import annotations

from dataclasses import dataclass

KINDS = ("resolution", "mission", "country", "kamerstuk")


@dataclass(frozen=True)
class Hit:
    """A mention found in a text: where it is, what it refers to, and how it was written.

    start/end are character offsets in the text given to the extractor (text[start:end] == surface).
    key: resolution number ("2417"), mission acronym ("MINUSMA"), ISO 3166-1 alpha-2 code ("SY"),
    or Kamerstuk "dossier-number" as written without spaces ("26150-168", "34775-V-20", "34550-D").
    explicit: False for indirect forms ("NAP 1325", "1325-agenda", "2231/Iran-format").
    """

    start: int
    end: int
    kind: str
    key: str
    surface: str
    explicit: bool = True

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown mention kind {self.kind!r}")
        if not (0 <= self.start < self.end):
            raise ValueError(f"bad offsets {self.start}-{self.end}")
