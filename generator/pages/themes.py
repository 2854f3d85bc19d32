"""The themes overview (themas/index.md), the pages of each theme (themas/<slug>.md, a long list
over several pages) and the timeline (tijdlijn.md: attention per theme per year, letters per
year) (templates themes, theme, timeline). Pure."""
from __future__ import annotations

from itertools import groupby

from ..glossary import Glossary
from ..index import CrossIndex, ThemeEntry, attention
from ..model import Letter, OutputPage
from .addresses import THEMES_OVERVIEW, TIMELINE_PAGE, theme_path
from .labels import by_year, kind_order, letter_labels
from .paging import PAGE_ITEMS, Paged, paged
from .templates import render, render_html_page


def render_themes(index: CrossIndex, limit: int = PAGE_ITEMS, glossary: Glossary | None = None) -> list[OutputPage]:
    """The themes overview, the pages of each theme (at most `limit` passages a page; HTML with
    Markdown headings, as a letter's page, with `glossary`'s abbreviations marked) and the timeline."""
    general = sum(p.general for l in index.letters for p in l.passages)
    pages = [OutputPage(THEMES_OVERVIEW, render("themes.md.j2", entries=index.themes, general=general))]
    labels = letter_labels(index.letters)
    for e in index.themes:
        letters = e.letters                     # counted once, not on each of its pages
        pages += [theme_page(p, e, letters, labels, glossary) for p in paged(theme_path(e.theme.slug), by_letter(e), limit)]
    years, rows = attention(index)
    kinds = kind_order(l.meta.kind for l in index.letters)
    per_year = [(label, year_anchor, ls) for label, year_anchor, ls in by_year(index.letters) if ls[0].meta.year]
    counts = [(int(label), [(k, n) for k in kinds if (n := sum(l.meta.kind == k for l in ls))])
              for label, _, ls in reversed(per_year)]
    pages.append(OutputPage(TIMELINE_PAGE, render(
        "timeline.md.j2", years=years, rows=rows, peak=max((s for _, sh in rows for s in sh), default=0),
        years_letters=per_year, counts=counts, kinds=kinds, counts_by_year={str(y): c for y, c in counts},
        max_count=max((sum(n for _, n in c) for _, c in counts), default=0))))
    return pages


def by_letter(entry: ThemeEntry) -> list[tuple[Letter, list]]:
    return [(letter, [p for _, p in run]) for letter, run in groupby(entry.passages, key=lambda lp: lp[0])]


def theme_page(page: Paged, entry: ThemeEntry, letters: int, labels: dict, glossary: Glossary | None) -> OutputPage:
    """One page of a theme's passages (template theme.html.j2)."""
    return render_html_page("theme.html.j2", page.path, glossary, entry=entry, letters=letters, page=page,
                            labels=labels)
