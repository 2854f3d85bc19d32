"""Long lists (the mentions of an entity, the passages of a theme) split over pages. Pure.

`paginate` cuts (letter, items) groups into pages of at most `limit` items; `paged` turns those
into pages with their year sections, the items per year and the links between the pages. Page 1
of a list is at its base address (themas/klimaat.md), page n at <base without .md>/n.md.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Letter


# Mentions (entity pages) or passages (theme pages) per page: a longer list continues on
# <page>/2.md, <page>/3.md, … 250 items make a page of at most about 150 KB of Markdown and
# 320 KB of HTML (measured at 2,000 synthetic letters), under the 500 KB a page may have; fewer
# items would mean more pages, and every page costs MkDocs time.
PAGE_ITEMS = 250


@dataclass(frozen=True)
class Chunk:
    """A letter's items (mentions or passages) on one page; `continued` when the letter's earlier
    items are on the page before (a letter with more items than fit on one page)."""

    letter: Letter
    items: tuple
    continued: bool = False


def newest_first(groups: list[tuple[Letter, list]]) -> list[tuple[Letter, list]]:
    """Groups per letter (oldest first, as CrossIndex.by_letter gives them) -> newest letter first;
    letters without a year stay last. The items of a letter keep their order."""
    dated = [g for g in groups if g[0].meta.year]
    return dated[::-1] + [g for g in groups if not g[0].meta.year]


def paginate(groups: list[tuple[Letter, list]], limit: int) -> list[list[Chunk]]:
    """Split (letter, items) groups, in their order, over pages of at most `limit` items. A letter
    starts a new page rather than be split, unless it has more items than a page holds: then it
    fills pages of its own. Every item is on exactly one page; there is always at least one page."""
    if limit < 1:
        raise ValueError(f"page limit must be at least 1, not {limit}")
    pages: list[list[Chunk]] = [[]]
    fill = 0
    for letter, items in groups:
        items, continued = list(items), False
        if fill and len(items) > limit - fill:
            pages.append([])
            fill = 0
        while items:
            if fill == limit:
                pages.append([])
                fill = 0
            take = items[:limit - fill]
            pages[-1].append(Chunk(letter, tuple(take), continued))
            items, fill, continued = items[len(take):], fill + len(take), True
    return pages


@dataclass
class YearSection:
    """The chunks of one year on one page; `continued` when the year began on an earlier page."""

    label: str
    anchor: str
    continued: bool
    chunks: list[Chunk]


@dataclass(frozen=True)
class Paged:
    """One page of a list split over pages. Page 1 is at `base` (the address links already use),
    page n at <base without .md>/n.md. Hrefs are relative to this page; '' is this page itself."""

    number: int
    total: int
    path: str
    up: str                                    # from this page to the docs root: "../" or "../../"
    sections: list[YearSection]
    years: list[tuple[str, str, int, str]]     # (label, anchor, items, href to the page holding it)
    hrefs: list[tuple[int, str]]               # (number, href) of the pages the pager shows; 0: a gap
    previous: str = ""                         # href of the page before ('' on page 1)
    next: str = ""                             # href of the page after ('' on the last page)


PAGER_AROUND = 3            # the pager shows page 1, the last page and this many on either side


def pager_numbers(number: int, total: int, around: int = PAGER_AROUND) -> list[int]:
    """The page numbers a pager shows, 0 for a gap: 1 … 7 8 9 [10] 11 12 13 … 200."""
    shown = sorted({1, total} | set(range(max(1, number - around), min(total, number + around) + 1)))
    out: list[int] = []
    for n in shown:
        if out and n - out[-1] > 1:
            out.append(0)
        out.append(n)
    return out


def year_of(letter: Letter) -> tuple[str, str]:
    """(label, anchor) of a letter's year. Year anchors cannot be letter anchors (brief-<id>)."""
    year = letter.meta.year
    return (str(year), f"jaar-{year}") if year else ("Jaar onbekend", "jaar-onbekend")


def paged_path(base: str, number: int) -> str:
    return base if number == 1 else f"{base.removesuffix('.md')}/{number}.md"


def paged_href(base: str, here: int, there: int) -> str:
    """The relative link from page `here` to page `there` of the list whose page 1 is `base`."""
    stem = base.rsplit("/", 1)[-1].removesuffix(".md")
    if there == 1:
        return f"{stem}.md" if here == 1 else f"../{stem}.md"
    return f"{stem}/{there}.md" if here == 1 else f"{there}.md"


def paged(base: str, groups: list[tuple[Letter, list]], limit: int = PAGE_ITEMS) -> list[Paged]:
    """(letter, items) groups, oldest letter first -> pages of at most `limit` items, newest
    letter first, each with its year sections, the items per year and links to every page."""
    chunked = paginate(newest_first(groups), limit)
    first: dict[str, int] = {}
    counts: Counter = Counter()
    labels: dict[str, str] = {}
    for number, chunks in enumerate(chunked, 1):
        for c in chunks:
            label, year_anchor = year_of(c.letter)
            first.setdefault(year_anchor, number)
            counts[year_anchor] += len(c.items)
            labels[year_anchor] = label
    out, seen = [], set()
    for number, chunks in enumerate(chunked, 1):
        sections: list[YearSection] = []
        for c in chunks:
            label, year_anchor = year_of(c.letter)
            if not sections or sections[-1].anchor != year_anchor:
                sections.append(YearSection(label, year_anchor, year_anchor in seen, []))
            sections[-1].chunks.append(c)
        seen.update(s.anchor for s in sections)
        hrefs = [(n, "" if n == number else paged_href(base, number, n) if n else "")
                 for n in pager_numbers(number, len(chunked))]
        years = [(labels[a], a, counts[a], ("" if n == number else paged_href(base, number, n)) + "#" + a)
                 for a, n in first.items()]
        out.append(Paged(number, len(chunked), paged_path(base, number), "../" * (base.count("/") + (number > 1)),
                         sections, years, hrefs,
                         previous=paged_href(base, number, number - 1) if number > 1 else "",
                         next=paged_href(base, number, number + 1) if number < len(chunked) else ""))
    return out


def paged_title(title: str, page: Paged) -> str:
    return title if page.number == 1 else f"{title} (pagina {page.number} van {page.total})"
