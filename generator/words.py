"""The words of one text, found in one scan and shared: text -> Words. Pure.

Every extractor (missions, bodies, countries, the unknown-mission warning) and the theme
classifier look words up in tables: a name can only start where a word that is its first word
stands, a theme keyword only where one of its words stands. Each used to scan the text for its
own words; `scan(text)` does it once per text and the result is kept for the next caller (the
stages of one letter ask for the same block texts one after another).

Two kinds of word, as the callers need them:
- `tokens`: the words of the theme patterns (taxonomy.TOKEN): letters, digits and apostrophes,
  a hyphenated compound as one word ("VN-klimaattop", "1325-agenda");
- `parts`: the runs of word characters (regex `\\w+`, what `(?<!\\w)` and `(?!\\w)` in the
  extractors' patterns see): "VN", "klimaattop".
Each is the set of distinct words; where they stand is found again with str.find (most words
are looked up and found in no table, and are never looked for in the text).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

TOKEN = re.compile(r"[\w’']+(?:-[\w’']+)*")
PART = re.compile(r"\w+")
# Characters that re's case-insensitive matching equates with an ASCII letter although their
# lower case is no ASCII letter ("İ", "ı" match i, "ſ" matches s): where one stands, a look-up
# in lower case is no safe stand-in for a case-insensitive pattern.
ODD_CASE = ("\u0130", "\u0131", "\u017f")


@dataclass(frozen=True, eq=False)
class Words:
    """The distinct words of one text (see the module's doc)."""

    text: str
    tokens: frozenset[str]

    @cached_property
    def parts(self) -> frozenset[str]:
        # Every run of word characters lies inside one token and is a run there too, so the runs
        # of the tokens are the text's (a shorter scan: each distinct token once).
        return frozenset(PART.findall(" ".join(self.tokens)))

    @cached_property
    def lowered(self) -> frozenset[str]:
        """The parts in lower case."""
        return frozenset(map(str.lower, self.parts))

    @cached_property
    def odd_case(self) -> bool:
        """Whether the text has a character of ODD_CASE."""
        return any(c in self.text for c in ODD_CASE)

    @cached_property
    def lower_text(self) -> str | None:
        """The text in lower case, where that has the text's length (all but a text with "İ",
        whose lower case is two characters): there a word of the text in lower case stands
        where the word stands."""
        lower = self.text.lower()
        return lower if len(lower) == len(self.text) else None

    def starts_lowered(self, keys: frozenset[str] | set[str]) -> list[int]:
        """Where a part whose lower case is one of `keys` stands (in no order)."""
        found = self.lowered & keys
        if not found:
            return []
        if (lower := self.lower_text) is not None:
            return [at for key in found for at in whole_part_at(lower, key)]
        return [at for part in self.parts if part.lower() in found for at in whole_part_at(self.text, part)]


def safe_lower(text: str) -> str | None:
    """The text in lower case, where a plain look-up in it finds what a case-insensitive pattern
    finds in the text (at the same places); None where the text has a character of ODD_CASE."""
    return None if any(c in text for c in ODD_CASE) else text.lower()


@lru_cache(maxsize=4096)
def scan(text: str) -> Words:
    """The words of `text` (kept for the last few thousand texts: the same block is asked for by
    several stages)."""
    return Words(text, frozenset(TOKEN.findall(text)))


def is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"             # what \w matches


def _is_token_char(c: str) -> bool:
    return c.isalnum() or c in "_’'"           # what [\w’'] matches


def whole_part_at(text: str, part: str) -> Iterator[int]:
    """Where `part` stands in `text` as a whole run of word characters, in order."""
    at = text.find(part)
    while at >= 0:
        end = at + len(part)
        if (at == 0 or not is_word_char(text[at - 1])) and (end == len(text) or not is_word_char(text[end])):
            yield at
        at = text.find(part, at + 1)


def whole_token_at(text: str, token: str) -> Iterator[int]:
    """Where `token` stands in `text` as one whole TOKEN match (as TOKEN.finditer finds it), in order.

    A token starts where no token character is before it, nor a hyphen with a token character
    before that (the hyphen would join it to the word before); it ends likewise."""
    at = text.find(token)
    n = len(text)
    while at >= 0:
        end = at + len(token)
        if (at == 0 or not _is_token_char(text[at - 1])
                and not (text[at - 1] == "-" and at >= 2 and _is_token_char(text[at - 2]))) \
                and (end == n or not _is_token_char(text[end])
                     and not (text[end] == "-" and end + 1 < n and _is_token_char(text[end + 1]))):
            yield at
        at = text.find(token, at + 1)
