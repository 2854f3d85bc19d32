"""Extract references: Letter -> list[Mention].

One small module per kind (resolutions, missions, bodies, kamerstukken, countries), each a pure function
over one paragraph's text that returns `Hit`s. This module runs them over every block and
footnote of a letter and turns the hits into `Mention`s with the source line and the anchor of
the paragraph they are in (a bare phase acronym, "UNAVEM", read at the letter's date).
`unknown_missions` gives the warnings for what looks like a UN mission but is none known.
"""
from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..knowledge.years import ResolutionYears

from ..model import Letter, Mention
from . import bodies, countries, kamerstukken, missions, resolutions
from .base import Hit

# Blocks whose text is searched. Signatures name people only; a fractie heading of written
# questions says what they are about ("Vragen van het lid … over de ontwikkelingen rond UNIFIL").
SEARCHED = ("paragraph", "bullet", "question", "answer", "heading", "caption", "fractie")


@dataclass(frozen=True)
class Tables:
    """The look-up tables the extractors need, built once from the knowledge base."""

    mission_names: dict[str, str]      # surface form -> mission key
    country_names: dict[str, str]      # surface form -> ISO code
    body_names: dict[str, str] = field(default_factory=dict)         # surface form -> body key
    body_shared_names: dict[str, str] = field(default_factory=dict)  # "Algemene Vergadering" -> UNGA
    years: ResolutionYears | None = None   # resolution-years.yml: years and sessions of resolutions
    # family acronym -> its numbered phases (key, start), in order: "UNAVEM" -> UNAVEM-I, -II, -III
    mission_phases: dict[str, tuple[tuple[str, dt.date | None], ...]] = field(default_factory=dict)
    # other names that are no unknown mission: the glossary's abbreviations, the UN bodies, …
    known_names: frozenset[str] = frozenset()
    # ISO code -> the year the state began (countries.yml `since`): no country hit in older letters
    country_since: dict[str, int] = field(default_factory=dict)

    def is_known(self, name: str) -> bool:
        """A name that is no unknown UN mission: a mission form or another known name."""
        return name in self.mission_names or name in self.known_names

    @cached_property
    def missions(self) -> missions._Matcher:
        return missions.matcher(self.mission_names)

    @cached_property
    def bodies(self) -> bodies._Matcher:
        return bodies.matcher(self.body_names, self.body_shared_names)

    @cached_property
    def countries(self) -> countries._Matcher:
        return countries.matcher(self.country_names)


def find_all(text: str, tables: Tables, when: dt.date | None = None) -> list[Hit]:
    """All hits in one text, in order. Where two kinds claim the same characters, the first
    kind in this order wins: a Kamerstuk number is never a resolution, a mission acronym never a
    body or a country, a body's name claims its characters before a country in it.
    A bare family acronym ("UNAVEM") is the phase that ran at `when` (missions.phase_at);
    its year is the resolutions' date rule's (see extract/resolutions.py)."""
    hits: list[Hit] = []
    starts: list[int] = []                 # the claimed stretches, sorted (they never overlap)
    ends: list[int] = []
    spans = missions.address_spans(text)
    for found in (kamerstukken.find(text), resolutions.find(text, year=when.year if when else None, years=tables.years),
                  missions.find(text, tables.missions, spans), bodies.find(text, tables.bodies, spans=spans),
                  countries.find(text, tables.countries, spans)):
        accepted = []
        for h in found:
            i = bisect.bisect_left(ends, h.start + 1)          # first claimed stretch ending after h starts
            if i == len(starts) or starts[i] >= h.end:
                accepted.append(h)
        for h in accepted:
            i = bisect.bisect_left(starts, h.start)
            starts.insert(i, h.start)
            ends.insert(i, h.end)
        hits.extend(accepted)
    if tables.mission_phases:
        hits = [_phase(h, tables, when) for h in hits]
    if tables.country_since and when is not None:
        hits = [h for h in hits if not (h.kind == countries.KIND and tables.country_since.get(h.key, 0) > when.year)]
    return sorted(hits, key=lambda h: (h.start, h.end))


def _phase(hit: Hit, tables: Tables, when: dt.date | None) -> Hit:
    phases = tables.mission_phases.get(hit.surface.upper()) if hit.kind == missions.KIND else None
    return replace(hit, key=missions.phase_at(phases, when)) if phases else hit


def letter_when(letter: Letter) -> dt.date | None:
    """The date a letter's bare phase acronyms are read at: its date; with only a year, the last
    day of that year (the latest phase started that year); without either, none (the first phase)."""
    if letter.meta.date:
        return letter.meta.date
    return dt.date(letter.meta.year, 12, 31) if letter.meta.year else None


def _texts(letter: Letter) -> Iterator[tuple[str, Callable[[int], int], str, int, str]]:
    """Every searched text of a letter: (text, line_at, anchor, block index, footnote number)."""
    for index, block in enumerate(letter.blocks):
        if block.kind in SEARCHED and block.text:
            yield block.text, block.line_at, block.anchor, index, ""
    for note in letter.footnotes:
        yield note.text, note.line_at, note.anchor or f"fn:{note.number}", -1, note.number


def extract_letter(letter: Letter, tables: Tables) -> list[Mention]:
    when = letter_when(letter)
    return [_mention(letter, hit, line_at(hit.start), anchor, index, footnote)
            for text, line_at, anchor, index, footnote in _texts(letter)
            for hit in find_all(text, tables, when)]


def unknown_missions(letter: Letter, tables: Tables) -> list[str]:
    """Warnings for what looks like a UN mission but matches none (missions.unknown): one per
    name, at its first line (blocks before footnotes), with how often the letter has it; by line."""
    when = letter_when(letter)
    first: dict[str, int] = {}
    count: Counter[str] = Counter()
    for text, line_at, _, _, _ in _texts(letter):
        if not missions.suspect(text, tables.is_known):
            continue                                   # most texts: no second pass of find_all
        for start, name in missions.unknown(text, tables.is_known, find_all(text, tables, when)):
            first.setdefault(name, line_at(start))
            count[name] += 1
    return [f"{letter.source.path}:{line}: unknown UN mission '{name}'"
            + (f" ({count[name]} times, first here)" if count[name] > 1 else "")
            + "; add it to content/knowledge/missions.yml (a name or an alias), or to bodies.yml or "
              "glossary.yml if it is no mission"
            for name, line in sorted(first.items(), key=lambda item: item[1])]


def _mention(letter: Letter, hit: Hit, line: int, anchor: str, block: int, footnote: str = "") -> Mention:
    return Mention(letter_id=letter.id, source_file=letter.source.name, kind=hit.kind, key=hit.key,
                   explicit=hit.explicit, line=line, anchor=anchor, surface=hit.surface,
                   start=hit.start, end=hit.end, block=block, footnote=footnote)


__all__ = ["Hit", "Tables", "extract_letter", "find_all", "letter_when", "unknown_missions"]
