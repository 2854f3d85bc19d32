"""Place footnote markers: find `N` fused to the text (`besproken3.`, `heden)1.`, `COVID-1917`).

Footnotes are numbered through a letter and their markers appear in order, on the same page as
the footnote body. So for footnote N we look, in the running text after the previous marker and
before the page bottom where the body stood, for the last place where N is glued to a word.

Also the footnote labels the pages use (`note_label`) and the check that every reference has its
footnote (`dangling_refs`), which runs per letter, with the other per-letter warnings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import FootnoteRef, Letter, Note

_NOTE_LABEL_BAD = re.compile(r"[^A-Za-z0-9]+")


def marker_pattern(number: str) -> re.Pattern[str]:
    n = re.escape(number)
    return re.compile(
        rf"(?:(?<=[^\W\d_])"              # glued to a word: besproken3, AVVN4
        rf"|(?<=[.,;:?!)»”’`'])"          # after punctuation: heden)1.  Multilateralism.1  Taiwan?19
        rf"|(?<=\b(?:19|20)\d\d)"         # after a year: juni 20199 (2019 + 9)
        rf"|(?<=[A-Z]-\d\d))"             # after a code with digits: COVID-1917 (COVID-19 + 17)
        rf"{n}(?![\d])"
    )


@dataclass
class Located:
    block: int          # index into the list of texts
    offset: int         # character offset where the marker started (marker removed)
    number: str


def locate(texts: list[str], line_of: list[list[tuple[int, int]]], notes: list[Note]) -> tuple[list[Located], list[Note]]:
    """Find the marker of each footnote.

    texts:    the running text of each block, in document order
    line_of:  for each block, (offset, source line) of each line start in that text
    notes:    footnote notes in order
    Returns the located markers and the notes whose marker was not found.
    """
    found: list[Located] = []
    missing: list[Note] = []
    floor = (0, 0)                                   # (block, offset) after the previous marker
    for note in notes:
        pat = marker_pattern(note.number)
        best: tuple[int, int] | None = None
        for b in range(floor[0], len(texts)):
            starts = line_of[b]
            if not starts or starts[0][1] > note.after_line:
                break
            for m in pat.finditer(texts[b]):
                if (b, m.start()) < floor:
                    continue
                if _line_at(starts, m.start()) <= note.after_line:
                    best = (b, m.start())
        if best is None:
            missing.append(note)
            continue
        found.append(Located(best[0], best[1], note.number))
        floor = (best[0], best[1] + 1)
    return found, missing


def _line_at(starts: list[tuple[int, int]], offset: int) -> int:
    line = starts[0][1]
    for off, no in starts:
        if off > offset:
            break
        line = no
    return line


def strip_markers(text: str, located: list[Located]) -> tuple[str, list[FootnoteRef]]:
    """Remove the marker digits from one block's text; return the text and the refs."""
    refs: list[FootnoteRef] = []
    shift = 0
    for loc in sorted(located, key=lambda l: l.offset):
        start = loc.offset - shift
        text = text[:start] + text[start + len(loc.number):]
        shift += len(loc.number)
        refs.append(FootnoteRef(start, loc.number))
    return text, refs


def shift_starts(starts: list[tuple[int, int]], located: list[Located]) -> list[tuple[int, int]]:
    """Line starts after the markers are taken out of the text."""
    return [(off - sum(len(l.number) for l in located if l.offset < off), no) for off, no in starts]


def note_label(number: str) -> str:
    """A footnote number as a Markdown footnote label ("17" stays "17")."""
    return _NOTE_LABEL_BAD.sub("-", str(number)).strip("-") or "x"


def dangling_refs(letter: Letter) -> list[str]:
    """Warnings for footnote references without a footnote (rendered as plain numbers)."""
    notes = {note_label(f.number) for f in letter.footnotes}
    return [f"{letter.source.name}:{b.span}: reference to footnote {r.number}, which the letter does not have"
            for b in letter.blocks for r in b.footnote_refs if note_label(r.number) not in notes]
