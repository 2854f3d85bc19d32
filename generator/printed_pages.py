"""The printed page each block of a letter starts on: part of the clean stage, applied after parse.

A citation names the page ("Kamerstukken II 2020/21, 26 150, nr. 187, p. 7"), so a page number
is only given where the source shows it. The general rule:

1. Where pages break. A PDF source has a form feed at the start of every page after the first
   (read.read_pdf); then each stretch between form feeds is one page. A text file has no form
   feeds; there the page furniture that carries a page number (layouts.yml, `page_number: true`)
   marks the breaks: a page footer (reason "paginavoet") ends its page; any other such line (a
   running head) ends its page too when text stands right before it (no page break or run of
   two blank lines between: the cleaner's sign of a page break), as the head of a modern
   Aanhangsel page does at the foot of the page in the text taken from the PDF, else it begins
   its page.
2. Which number a page has. The number its footer or running head carries: a bare number on the
   line beside it (reason "paginanummer"), or a number at the end of the line that the pattern
   also matches without it ("Tweede Kamer, vergaderjaar 2020–2021, 26 150, nr. 187 6" -> 6; in
   "…, 22 181, nr. 28" the 28 belongs to the footer). A PDF page without one counts on from the
   nearest page that has one (back from it for the pages before it), or from page 1.
3. Certainty. In a text file, where the numbers jump (a page ends with footer 6 and the next page
   ends with footer 15), the source has lost the breaks between them: such a stretch runs from
   page 7 to 15, and only its first block is known to start on page 7 (the top of the page after
   the footer). The last block before footer 15 ends on page 15 but may start on an earlier page,
   so it gets none. The same holds at the ends of a text file: the text after its last footer
   begins on the next page (only its first block is known), the text before its first footer is
   one page only when that footer says page 1.

`runs(text, numbered, text_lines)` gives the pages of a source as `PageRun`s (clean.clean
stores them in Cleaned.pages); `assign(blocks, runs)` sets `Block.page` (the page a block starts
on, 0 unknown) and `Block.page_end` (the page it runs on to, 0 when it ends on its own page or
that page is unknown). A letter without numbered furniture or form feeds has no page numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Block, PageRun

FOOTER_REASON = "paginavoet"
_TRAILING_NUMBER = re.compile(r"(.*\S)\s+(\d{1,4})")


@dataclass(frozen=True)
class Numbered:
    """A removed line that carries a page number: its source line, the number, and whether it
    ends its page (a footer) or begins it (a running head)."""

    line: int
    page: int
    footer: bool


def carried_number(text: str, regex: re.Pattern[str]) -> int | None:
    """The page number at the end of a furniture line: a number after a space whose removal leaves
    a line the same pattern matches, else None."""
    m = _TRAILING_NUMBER.fullmatch(text)
    if m and regex.fullmatch(m.group(1)):
        return int(m.group(2))
    return None


@dataclass
class _Segment:
    first: int              # source lines, 1-based inclusive
    last: int
    header: int = 0         # the number of a running head on it
    footer: int = 0         # the number of the footer that ends it
    texts: bool = False     # holds text (not only furniture and blank lines)


def runs(text: str, numbered: list[Numbered], text_lines: set[int]) -> tuple[PageRun, ...]:
    """The pages of a source (see the module docstring); () when nothing is known. `text_lines`:
    the source lines that keep text once the page furniture is removed."""
    lines = text.split("\n")
    pdf = any("\f" in line for line in lines)
    by_line = {n.line: n for n in numbered}
    if not pdf and not by_line:
        return ()
    segments: list[_Segment] = []
    current = _Segment(1, 0)
    text_since_gap, blank_run = False, 0     # text since the last page break or run of blank lines

    def close(at: int) -> None:
        nonlocal current
        current.last = at
        if current.last >= current.first:
            segments.append(current)
        current = _Segment(at + 1, 0)

    for no, line in enumerate(lines, 1):
        if pdf:
            if "\f" in line and no > 1:
                close(no - 1)
            mark = by_line.get(no)
            if mark and not (current.header or current.footer):
                current.header = mark.page
        else:
            mark = by_line.get(no)
            if mark and (mark.footer or text_since_gap):     # it ends its page
                current.footer = current.footer or mark.page
                close(no)
                text_since_gap, blank_run = False, 0
                continue
            if mark:                                         # it begins its page
                if current.texts:
                    close(no - 1)
                current.header = current.header or mark.page
            if not line.strip():
                blank_run += 1
                text_since_gap = text_since_gap and blank_run < 2
        if no in text_lines:
            current.texts = text_since_gap = True
            blank_run = 0
    close(len(lines))
    return _pdf_runs(segments) if pdf else _text_runs(segments)


def _pdf_runs(segments: list[_Segment]) -> tuple[PageRun, ...]:
    """Each PDF page is exactly one segment: its own number, else counted from the nearest one."""
    carried = [(i, s.header) for i, s in enumerate(segments) if s.header]
    out = []
    for i, s in enumerate(segments):
        before = [(j, n) for j, n in carried if j <= i]
        after = [(j, n) for j, n in carried if j > i]
        if before:
            page = before[-1][1] + (i - before[-1][0])
        elif after:
            page = after[0][1] - (after[0][0] - i)
        else:
            page = i + 1
        if page >= 1:
            out.append(PageRun(s.first, s.last, page, page))
    return tuple(out)


def _text_runs(segments: list[_Segment]) -> tuple[PageRun, ...]:
    """Segments of a text file between its numbered lines: the page each starts and ends on."""
    out = []
    for i, s in enumerate(segments):
        previous = segments[i - 1] if i else None
        following = segments[i + 1] if i + 1 < len(segments) else None
        start = s.header or (previous.footer + 1 if previous and previous.footer else 0)
        end = s.footer or (following.header - 1 if following and following.header and not s.footer else 0)
        if not start and end == 1:
            start = 1
        if start and end and end < start:
            start = end = 0                 # numbers that contradict each other: nothing is known
        out.append(PageRun(s.first, s.last, start, end))
    return tuple(out)


def assign(blocks: list[Block], page_runs: tuple[PageRun, ...]) -> None:
    """Set Block.page and Block.page_end from the page runs of the letter's source."""
    if not page_runs:
        return
    for run in page_runs:
        inside = [b for b in blocks if run.first <= b.span.start <= run.last]
        if not inside:
            continue
        if run.start and run.start == run.end:
            for b in inside:
                b.page = run.start
            continue
        if run.start:                        # only the first block is known to be on the first page
            inside[0].page = run.start
    for b in blocks:
        if not b.page:
            continue
        later = [r for r in page_runs if r.first > b.span.start and r.first <= b.span.end and r.start]
        if later and later[-1].start != b.page:
            b.page_end = later[-1].start
