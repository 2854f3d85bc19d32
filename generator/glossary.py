"""The abbreviations (content/knowledge/glossary.yml): validated, then used on every page. Pure.

Each entry is an abbreviation as the letters write it (the key, case-sensitive) with its Dutch
expansion (`nl`, required) and, optionally, its English name (`en`). The generator appends one
Python-Markdown abbreviation definition per entry to every generated page (`definitions`), so
the `abbr` extension (generator/mkdocs_ext/abbr.py) marks each occurrence with <abbr title="...">,
and renders the glossary page (woordenlijst.md).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .knowledge.yamlfile import Located

GLOSSARY_FILE = "glossary.yml"
FIELDS = ("nl", "en")
KEY = re.compile(r"^[A-Z][A-Za-z0-9]{1,11}$")
EXAMPLE = ("an abbreviation looks like:\n    AVVN:\n      nl: Algemene Vergadering van de Verenigde Naties\n"
           "      en: United Nations General Assembly")


@dataclass(frozen=True)
class Abbreviation:
    key: str            # "AVVN"
    nl: str             # "Algemene Vergadering van de Verenigde Naties"
    en: str = ""        # "United Nations General Assembly"

    @property
    def title(self) -> str:
        """The text shown on hover and focus: the Dutch expansion, the English name after it."""
        return f"{self.nl} ({self.en})" if self.en and self.en.lower() != self.nl.lower() else self.nl


@dataclass(frozen=True)
class Glossary:
    abbreviations: tuple[Abbreviation, ...] = ()
    path: Path | None = None

    def sorted(self) -> list[Abbreviation]:
        """Alphabetical, as a reader looks them up (case-insensitive)."""
        return sorted(self.abbreviations, key=lambda a: (a.key.lower(), a.key))

    def used_in(self, text: str) -> Glossary:
        """The abbreviations whose key occurs in `text` (anywhere, as `key in text` finds it), in
        glossary order. One regex pass over the text instead of one search per abbreviation."""
        keys = tuple(a.key for a in self.abbreviations)
        if not keys:
            return self
        found = keys_in(text, keys)
        return Glossary(tuple(a for a in self.abbreviations if a.key in found), self.path)


def build_glossary(data: object, path: Path | str = Path("content/knowledge") / GLOSSARY_FILE,
                   lines: dict[tuple, int] | None = None) -> Glossary:
    """Validate the parsed glossary file. A malformed key, an unknown field or a missing or empty
    expansion raises SourceError naming the file, the abbreviation, the field and the line."""
    where = Located(path, lines)
    path, error = where.path, where.error

    if data is None:
        return Glossary((), path)
    if not isinstance(data, dict):
        raise error("the glossary must consist of 'ABBREVIATION:' entries, one per abbreviation", hint=EXAMPLE)
    found = []
    for key, entry in data.items():
        key = str(key)
        if not KEY.match(key) or sum(c.isupper() or c.isdigit() for c in key) < 2:
            raise error(f"'{key}' is not an abbreviation", key,
                        hint="write it as the letters do: a capital first, letters and digits, at least two "
                             "capitals or digits (AVVN, PvdA, D66, P5)")
        if not isinstance(entry, dict):
            raise error(f"{key}: the entry must be a list of 'field: value' lines", key, hint=EXAMPLE)
        where.check_fields(key, entry, FIELDS, hint="allowed fields: nl (the Dutch expansion), en (the English name)")
        for name in FIELDS:
            value = entry.get(name, "" if name == "en" else None)
            if not isinstance(value, str) or (name == "nl" and not value.strip()):
                raise error(f"{key}: '{name}' is missing or empty" if name == "nl" else f"{key}: 'en' must be text",
                            key, name, hint=EXAMPLE)
        found.append(Abbreviation(key, " ".join(entry["nl"].split()), " ".join(entry.get("en", "").split())))
    return Glossary(tuple(found), path)


def keys_in(text: str, keys: tuple[str, ...]) -> set[str]:
    """The keys that occur in `text`, exactly as {k for k in keys if k in text}.

    The matcher finds, left to right, non-overlapping occurrences (the longest key at each place).
    A key it did not report can still occur where it overlaps a reported one ("VN" in "AVVN");
    such an occurrence lies within a key's length of that match, so the text around the matches
    is searched for the keys not found yet."""
    if "" in keys:                                  # not an abbreviation, but "" is in any text
        return keys_in(text, tuple(k for k in keys if k)) | {""}
    if not keys:
        return set()
    matcher, longest = _matcher(keys)
    spans = [m.span() for m in matcher.finditer(text)]
    if not spans:
        return set()
    found = {text[a:b] for a, b in spans}
    if len(found) < len(keys):
        # "\0" cannot be part of a key, so no key is found across two pieces
        around = "\0".join(text[max(0, a - longest + 1):b + longest - 1] for a, b in spans)
        found.update(k for k in keys if k not in found and k in around)
    return found


@lru_cache(maxsize=8)
def _matcher(keys: tuple[str, ...]) -> tuple[re.Pattern, int]:
    """A regex matching any of the keys, the longest where several start at one place (a trie:
    'E(?:U|VRM)|…', which the regex engine runs much faster than one alternative per key), and
    the length of the longest key."""
    return re.compile(_trie(sorted(set(keys)))), max(map(len, keys))


def _trie(words: list[str]) -> str:
    """A regex for a sorted list of distinct non-empty words, longest match first."""
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:])
    parts = []
    for first, rests in by_first.items():
        longer = [r for r in rests if r]
        if not longer:
            parts.append(re.escape(first))
        else:
            optional = "?" if "" in rests else ""
            parts.append(f"{re.escape(first)}(?:{_trie(longer)}){optional}")
    return "|".join(parts)


def definitions(glossary: Glossary) -> str:
    """Python-Markdown abbreviation definitions (`*[AVVN]: ...`), one per line, for a page's end."""
    return "\n".join(f"*[{a.key}]: {a.title}" for a in glossary.abbreviations)
