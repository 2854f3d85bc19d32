"""The abbreviations (content/knowledge/glossary.yml): validated, then used on every page. Pure.

Each entry is an abbreviation as the letters write it (the key, case-sensitive) with its Dutch
expansion (`nl`, required) and, optionally, its English name (`en`). The generator appends one
Python-Markdown abbreviation definition per entry to every generated page (`definitions`), so
the `abbr` extension (generator/mdext/abbr.py) marks each occurrence with <abbr title="...">,
and renders the glossary page (woordenlijst.md).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .knowledge import Located

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


def definitions(glossary: Glossary) -> str:
    """Python-Markdown abbreviation definitions (`*[AVVN]: ...`), one per line, for a page's end."""
    return "\n".join(f"*[{a.key}]: {a.title}" for a in glossary.abbreviations)
