"""The themes (content/knowledge/themes.yml): validated on load, compiled into matchers. Pure.

Each theme has a slug (its key in the file), a Dutch name, a short description, the words that
make a section heading belong to it (`headings`) and the words and phrases that signal it in the
running text (`keywords`). A pattern is a word or phrase, case-insensitive unless one of its words
has two capitals (acronyms such as SDG, WHO); `*` at the end matches any continuation ("klimaat*" finds
"klimaatverandering"), `*` at the start any beginning ("*klimaat*" also finds "VN-klimaattop").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .knowledge.yamlfile import Located
from .words import scan, whole_token_at
from .model import Reason  # noqa: F401 - its home is the model; pages still import it from here

THEMES_FILE = "themes.yml"
SLUG = re.compile(r"^[a-z][a-z0-9-]{1,40}$")
FIELDS = ("name", "description", "headings", "keywords")
GENERAL = "algemeen"


@dataclass(frozen=True)
class Theme:
    slug: str
    name: str
    description: str
    headings: tuple[str, ...]
    keywords: tuple[str, ...]


WORD_CHAR = re.compile(r"[\w’']")
EXTEND = re.compile(r"[\w’'-]*")
EXTEND_BACK = re.compile(r"[\w’'-]*$")


class PatternIndex:
    """Every pattern of every theme, looked up per word instead of searched per pattern.

    The text is split once into words (words.scan, shared with the extractors) (a hyphenated compound is one word with parts). A plain
    pattern matches a run of whole parts ('1325' in '1325-agenda'); 'klimaat*' a run starting at a
    part ('VN-klimaattop' -> 'klimaattop'); '*klimaat*' anything inside a word; a phrase ('Akkoord
    van Parijs') is found with one regex for all phrases. Patterns with an acronym (a word with
    two capitals) are case-sensitive, the others not. Cost: linear in the text, whatever the
    number of patterns.
    """

    def __init__(self, entries: list[tuple[str, str]]) -> None:
        self.exact: dict[tuple[bool, str], list[str]] = {}
        self.prefix: dict[tuple[bool, str], list[str]] = {}
        self.inner: list[tuple[bool, str, bool, str]] = []          # (sensitive, core, tail, owner)
        self.lengths: set[int] = set()
        self.phrases: dict[tuple[bool, str], list[tuple[bool, bool, str]]] = {}
        for owner, pattern in entries:
            words = pattern.split()
            lead, tail = words[0].startswith("*"), words[-1].endswith("*")
            sensitive = any(sum(c.isupper() for c in w) >= 2 for w in words)
            core = " ".join(w.strip("*") for w in words)
            key = core if sensitive else core.lower()
            if len(words) > 1:
                self.phrases.setdefault((sensitive, key), []).append((lead, tail, owner))
            elif lead:
                self.inner.append((sensitive, key, tail, owner))
            elif tail:
                self.prefix.setdefault((sensitive, key), []).append(owner)
                self.lengths.add(len(key))
            else:
                self.exact.setdefault((sensitive, key), []).append(owner)
        # a phrase is tried only where its first word stands
        self.phrase_starts: dict[tuple[bool, str], list] = {}
        for (sensitive, key), owners in self.phrases.items():
            regex = re.compile(r"\s+".join(map(re.escape, key.split())), 0 if sensitive else re.IGNORECASE)
            first = re.match(r"[\w’']+", key).group()          # the first part of the first word
            self.phrase_starts.setdefault((sensitive, first), []).append((regex, owners))
        self._known: dict[str, tuple] = {}    # word -> its matches and phrase starts (_entry)
        self._nothing: set[str] = set()       # the words seen that give neither

    def spans(self, text: str, tokens: frozenset[str] | None = None) -> list[tuple[str, int, int]]:
        """(owner, start, end) of every match, in the order of the words they are in (matches of
        the word itself first, then phrases starting in it). `tokens`: the text's distinct words
        (words.scan(text).tokens, or the union of its paragraphs' when it joins them with blank
        lines), when the caller has them."""
        tokens = scan(text).tokens if tokens is None else tokens
        known, nothing = self._known, self._nothing
        at_word: list[tuple[int, list[tuple[str, int, int]]]] = []
        for word in tokens - nothing:                      # most words match nothing: one set difference
            entry = known.get(word)
            if entry is None:
                entry = self._entry(word)
                if not entry:
                    nothing.add(word)
                    continue
                known[word] = entry
            hits, tries = entry
            for at in whole_token_at(text, word):
                here = [(owner, at + i, at + j) for owner, i, j in hits]
                for offset, regex, owners in tries:
                    if p := regex.match(text, at + offset):
                        self._phrase(text, p.start(), p.end(), owners, here)
                at_word.append((at, here))
        at_word.sort(key=lambda item: item[0])             # one word per place: a stable order
        return [span for _, here in at_word for span in here]

    def _entry(self, word: str) -> tuple:
        """What a word gives (cached per word): its own matches, and the phrases that may start
        in it (a phrase may start inside a compound) as (offset in the word, regex, owners)."""
        tries = []
        offset, lower = 0, word.lower()
        for part in word.split("-"):
            for key in ((True, part), (False, lower[offset:offset + len(part)])):
                tries += [(offset, regex, owners) for regex, owners in self.phrase_starts.get(key, ())]
            offset += len(part) + 1
        hits = self._word(word)
        return (hits, tuple(tries)) if hits or tries else ()

    @staticmethod
    def _phrase(text: str, start: int, end: int, owners, found: list) -> None:
        for lead, tail, owner in owners:
            a, b = start, end
            if lead:
                a -= len(EXTEND_BACK.search(text, 0, a).group())
            if tail:
                b += len(EXTEND.match(text, b).group())
            elif b < len(text) and WORD_CHAR.match(text, b):
                continue
            found.append((owner, a, b))

    def _word(self, word: str) -> tuple[tuple[str, int, int], ...]:
        """The matches inside one word, as offsets in the word (words repeat: this is cached)."""
        found: list[tuple[str, int, int]] = []
        at = 0
        lower = word.lower()
        starts = [0] + [i + 1 for i, c in enumerate(word) if c == "-"]
        ends = [i for i, c in enumerate(word) if c == "-"] + [len(word)]
        for i in starts:
            for j in ends:
                if j > i:
                    for sensitive, text in ((True, word), (False, lower)):
                        for owner in self.exact.get((sensitive, text[i:j]), ()):
                            found.append((owner, at + i, at + j))
            for length in self.lengths:
                if i + length <= len(word):
                    for sensitive, text in ((True, word), (False, lower)):
                        for owner in self.prefix.get((sensitive, text[i:i + length]), ()):
                            found.append((owner, at + i, at + len(word)))
        for sensitive, core, tail, owner in self.inner:
            k = (word if sensitive else lower).find(core)
            if k >= 0 and (tail or k + len(core) == len(word)):
                found.append((owner, at, at + len(word)))
        return tuple(found)


@dataclass(frozen=True)
class Taxonomy:
    themes: tuple[Theme, ...] = ()
    path: Path = Path("content/knowledge") / THEMES_FILE

    @property
    def by_slug(self) -> dict[str, Theme]:
        return {t.slug: t for t in self.themes}

    @cached_property
    def keywords(self) -> PatternIndex:
        return PatternIndex([(t.slug, p) for t in self.themes for p in t.keywords])

    @cached_property
    def headings(self) -> PatternIndex:
        return PatternIndex([(t.slug, p) for t in self.themes for p in t.headings])


def find_all(pattern: str, text: str) -> list[str]:
    """The texts one pattern matches (for tests and for maintainers trying a pattern)."""
    return [text[a:b] for _, a, b in sorted(PatternIndex([("", pattern)]).spans(text), key=lambda s: s[1:])]


def build_taxonomy(data: object, path: Path | str = Path("content/knowledge") / THEMES_FILE,
                   lines: dict[tuple, int] | None = None) -> Taxonomy:
    """Validate the parsed themes file. Unknown fields, a missing name, an empty or malformed
    keyword list raise SourceError naming the file, the theme, the field and the line."""
    where = Located(path, lines)
    path, error = where.path, where.error
    if data is None:
        return Taxonomy((), path)
    if not isinstance(data, dict):
        raise error("the themes file must consist of 'slug:' entries, one per theme", hint=EXAMPLE)
    themes = []
    for slug, entry in data.items():
        slug = str(slug)
        if not SLUG.match(slug) or slug == GENERAL:
            raise error(f"'{slug}' is not a usable theme slug", slug,
                        hint=f"use lower-case letters, digits and '-' (and not '{GENERAL}', which marks "
                             "sections without a theme)")
        if not isinstance(entry, dict):
            raise error(f"{slug}: the entry must be a list of 'field: value' lines", slug, hint=EXAMPLE)
        where.check_fields(slug, entry, FIELDS, hint="allowed fields: " + ", ".join(FIELDS))
        for name in ("name", "description"):
            if not isinstance(entry.get(name), str) or not entry[name].strip():
                raise error(f"{slug}: '{name}' is missing or empty", slug, name, hint=EXAMPLE)
        lists = {}
        for name in ("headings", "keywords"):
            value = entry.get(name, [] if name == "headings" else None)
            if not isinstance(value, list) or (name == "keywords" and not value):
                raise error(f"{slug}: '{name}' must be a non-empty list of words or phrases"
                            if name == "keywords" else f"{slug}: 'headings' must be a list", slug, name,
                            hint=EXAMPLE)
            for i, item in enumerate(value):
                if not isinstance(item, str) or not item.strip("* ").strip():
                    raise error(f"{slug}: {name} item {i + 1} is empty or not text", slug, name, i,
                                hint="write a word or phrase; '*' may only stand at its start or end")
                if "*" in item.strip("*"):
                    raise error(f"{slug}: {name} item '{item}' has '*' in the middle", slug, name, i,
                                hint="'*' may only stand at the start or the end of a pattern")
            lists[name] = tuple(value)
        themes.append(Theme(slug, entry["name"].strip(), " ".join(entry["description"].split()),
                            lists["headings"], lists["keywords"]))
    names = [t.name.lower() for t in themes]
    for t in themes:
        if names.count(t.name.lower()) > 1:
            raise error(f"{t.slug}: the name '{t.name}' is used by two themes", t.slug, "name",
                        hint="theme names are tags on the pages and must differ")
    return Taxonomy(tuple(themes), path)


EXAMPLE = ("a theme looks like:\n    klimaat:\n      name: Klimaat\n      description: Klimaatverandering …\n"
           "      headings: [klimaat]\n      keywords: [klimaat*, biodiversiteit*]")
