"""The themes (content/knowledge/themes.yml): validated on load, compiled into matchers. Pure.

Each theme has a slug (its key in the file), a Dutch name, a short description, the words that
make a section heading belong to it (`headings`) and the words and phrases that signal it in the
running text (`keywords`). A pattern is a word or phrase, case-insensitive unless one of its words
has two capitals (acronyms such as SDG, WHO); `*` at the end matches any continuation ("klimaat*" finds
"klimaatverandering"), `*` at the start any beginning ("*klimaat*" also finds "VN-klimaattop").
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .errors import SourceError

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

    @cached_property
    def heading_patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(compile_pattern(p) for p in self.headings)

    @cached_property
    def keyword_patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(compile_pattern(p) for p in self.keywords)


@dataclass(frozen=True)
class Taxonomy:
    themes: tuple[Theme, ...] = ()
    path: Path = Path("content/knowledge") / THEMES_FILE

    @property
    def by_slug(self) -> dict[str, Theme]:
        return {t.slug: t for t in self.themes}


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """'klimaat*' -> words starting with klimaat; '*klimaat*' -> words containing it; phrases
    match across any whitespace. Patterns with an acronym (a word with two capitals) are case-sensitive."""
    words = pattern.split()
    parts = []
    for i, word in enumerate(words):
        lead = word.startswith("*") and i == 0
        tail = word.endswith("*") and i == len(words) - 1
        core = re.escape(word.strip("*"))
        parts.append(("[\\w’'-]*" if lead else "") + core + ("[\\w’'-]*" if tail else ""))
    acronym = any(sum(c.isupper() for c in word) >= 2 for word in words)
    flags = 0 if acronym else re.IGNORECASE
    return re.compile(r"(?<![\w’'])" + r"\s+".join(parts) + r"(?![\w’'])", flags)


def build_taxonomy(data: object, path: Path | str = Path("content/knowledge") / THEMES_FILE,
                   lines: dict[tuple, int] | None = None) -> Taxonomy:
    """Validate the parsed themes file. Unknown fields, a missing name, an empty or malformed
    keyword list raise SourceError naming the file, the theme, the field and the line."""
    path, lines = Path(path), lines or {}

    def error(message: str, *at: object, hint: str = "") -> SourceError:
        line = next((lines[at[:i]] for i in range(len(at), 0, -1) if at[:i] in lines), None)
        return SourceError(path, message, line=line, hint=hint)

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
        for name in entry:
            if name not in FIELDS:
                close = difflib.get_close_matches(str(name), FIELDS, n=1)
                guess = f" (did you mean '{close[0]}'?)" if close else ""
                raise error(f"{slug}: unknown field '{name}'{guess}", slug, name,
                            hint="allowed fields: " + ", ".join(FIELDS))
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


@dataclass(frozen=True)
class Reason:
    """Why a passage got a theme: its heading, or the words found in its text (word, count)."""

    source: str                          # "kop" | "tekst"
    words: tuple[tuple[str, int], ...] = field(default_factory=tuple)

    @property
    def total(self) -> int:
        return sum(n for _, n in self.words)
