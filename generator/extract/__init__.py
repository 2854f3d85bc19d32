"""Extract references: Letter -> list[Mention].

One small module per kind (resolutions, missions, bodies, kamerstukken, countries), each a pure function
over one paragraph's text that returns `Hit`s. This module runs them over every block and
footnote of a letter and turns the hits into `Mention`s with the source line and the anchor of
the paragraph they are in.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

from ..model import Letter, Mention
from . import bodies, countries, kamerstukken, missions, resolutions
from .base import Hit

# Blocks whose text is searched. Signatures and fractie headings name people and parties only.
SEARCHED = ("paragraph", "bullet", "question", "answer", "heading", "caption")


@dataclass(frozen=True)
class Tables:
    """The look-up tables the extractors need, built once from the knowledge base."""

    mission_names: dict[str, str]      # surface form -> mission key
    country_names: dict[str, str]      # surface form -> ISO code
    body_names: dict[str, str] = field(default_factory=dict)         # surface form -> body key
    body_shared_names: dict[str, str] = field(default_factory=dict)  # "Algemene Vergadering" -> UNGA

    @cached_property
    def missions(self) -> missions._Matcher:
        return missions.matcher(self.mission_names)

    @cached_property
    def bodies(self) -> bodies._Matcher:
        return bodies.matcher(self.body_names, self.body_shared_names)

    @cached_property
    def countries(self) -> countries._Matcher:
        return countries.matcher(self.country_names)


def find_all(text: str, tables: Tables) -> list[Hit]:
    """All hits in one text, in order. Where two kinds claim the same characters, the first
    kind in this order wins: a Kamerstuk number is never a resolution, a mission acronym never a
    body or a country, a body's name claims its characters before a country in it."""
    hits: list[Hit] = []
    starts: list[int] = []                 # the claimed stretches, sorted (they never overlap)
    ends: list[int] = []
    spans = missions.address_spans(text)
    for found in (kamerstukken.find(text), resolutions.find(text), missions.find(text, tables.missions, spans),
                  bodies.find(text, tables.bodies, spans=spans), countries.find(text, tables.countries, spans)):
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
    return sorted(hits, key=lambda h: (h.start, h.end))


def extract_letter(letter: Letter, tables: Tables) -> list[Mention]:
    mentions: list[Mention] = []
    for index, block in enumerate(letter.blocks):
        if block.kind in SEARCHED and block.text:
            mentions.extend(_mention(letter, hit, block.line_at(hit.start), block.anchor, index)
                            for hit in find_all(block.text, tables))
    for note in letter.footnotes:
        mentions.extend(_mention(letter, hit, note.line_at(hit.start), note.anchor or f"fn:{note.number}",
                                 -1, note.number)
                        for hit in find_all(note.text, tables))
    return mentions


def _mention(letter: Letter, hit: Hit, line: int, anchor: str, block: int, footnote: str = "") -> Mention:
    return Mention(letter_id=letter.id, source_file=letter.source.name, kind=hit.kind, key=hit.key,
                   explicit=hit.explicit, line=line, anchor=anchor, surface=hit.surface,
                   start=hit.start, end=hit.end, block=block, footnote=footnote)


__all__ = ["Hit", "Tables", "extract_letter", "find_all"]
