"""What every extractor returns: a hit in one block of text."""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from ..words import scan, whole_part_at

KINDS = ("resolution", "mission", "body", "country", "kamerstuk")


@dataclass(frozen=True)
class Hit:
    """A mention found in a text: where it is, what it refers to, and how it was written.

    start/end are character offsets in the text given to the extractor (text[start:end] == surface).
    key: resolution number ("2417"), mission acronym ("MINUSMA"), body acronym ("UNSC"),
    ISO 3166-1 alpha-2 code ("SY"),
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


class Candidates:
    """Leftmost-match search with a big alternation of names, tried only where it can match.

    Python's `re` tries every alternative at every position of the text, which is slow for a few
    hundred names. A name can only start where a word starts with the same first word, so the
    text's distinct words (words.scan: one scan per text, shared by all matchers and the themes)
    are looked up in a set of first words of names, and the full pattern is matched only where
    those words stand (found with str.find; most words are no name, and are never looked for in
    the text). Same result as `pattern.search`/`finditer` for patterns of the form
    `(?<!\\w)(?:name|…)…`; names that do not start with a word character fall back to the plain
    search.

    `exact`: forms matched as written; `folded`: forms matched in any case (keys lower-cased).
    """

    def __init__(self, pattern: re.Pattern[str], exact: Iterable[str] = (), folded: Iterable[str] = ()) -> None:
        self._pattern = pattern
        forms = [(f, False) for f in exact] + [(f, True) for f in folded]
        self._exact = {_first_word(f) for f, fold in forms if not fold}
        self._folded = {_first_word(f).lower() for f, fold in forms if fold}
        self._plain = any(not _WORD_START.match(f) for f, _ in forms)
        # A word is a first word only if it starts with a character some name starts with (a
        # folded form's first character in either case), as the names' own words do.
        self._chars = frozenset(c for w in self._exact for c in w[:1]) \
            | frozenset(c for w in self._folded for c in (w[:1], w[:1].upper()))
        self._last: tuple[str, list[int]] = ("", [])   # the text last searched and its starts

    @classmethod
    def of(cls, names: Mapping[str, str] | "Candidates") -> "Candidates":
        """The compiled matcher of this kind for a mapping of surface form -> key (compiled once
        per mapping and kept), or the matcher itself when given one."""
        return names if isinstance(names, cls) else _compiled(cls, tuple(names.items()))

    def _starts(self, text: str, pos: int = 0) -> list[int]:
        """Where a word that is the first word of a name starts (at or after `pos`), in order.
        Kept for the last text: `search` is called again and again on one text."""
        if self._last[0] is not text:
            self._last = (text, self._find_starts(text))
        starts = self._last[1]
        return starts[bisect.bisect_left(starts, pos):] if pos else starts

    def _find_starts(self, text: str) -> list[int]:
        if not self._chars:
            return []
        words = scan(text)
        starts = [at for word in words.parts & self._exact for at in whole_part_at(text, word)]
        if self._folded:
            chars = self._chars
            starts += [at for at in words.starts_lowered(self._folded) if text[at] in chars]
        return sorted(set(starts))

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        if self._plain:
            return self._pattern.search(text, pos)
        for start in self._starts(text, pos):
            if (m := self._pattern.match(text, start)) is not None:
                return m
        return None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self._plain:
            yield from self._pattern.finditer(text)
            return
        end = 0
        for start in self._starts(text):
            if start >= end and (m := self._pattern.match(text, start)) is not None:
                yield m
                end = m.end()


@lru_cache(maxsize=8)
def _compiled(cls, items: tuple[tuple[str, str], ...]) -> "Candidates":
    return cls(items)


_WORD_START = re.compile(r"\w")
_FIRST_WORD = re.compile(r"\w+")


def _first_word(form: str) -> str:
    m = _FIRST_WORD.match(form)
    return m.group() if m else ""
