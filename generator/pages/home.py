"""The home page (index.md), the letters overview (brieven/index.md) and a page per year
(jaren/<year>.md) (templates home, overview, year). Pure."""
from __future__ import annotations

from ..index import CrossIndex
from ..model import Letter, OutputPage
from .addresses import HOME_PAGE, LETTERS_OVERVIEW, year_path
from .finding import letter_reference
from .labels import by_year, kind_order
from .templates import render

LATEST_LETTERS = 10            # the newest letters on the home page


def render_home(letters: list[Letter], intro: str, index: CrossIndex | None = None) -> list[OutputPage]:
    """The home page (intro, themes, newest letters, the years), the letters overview (per year the
    letters per kind and the AVVN sessions) and a page per year listing its letters."""
    years = by_year(letters)
    themes = [e for e in index.themes if e.passages] if index else []
    latest = [l for _, _, ls in years for l in ls][:LATEST_LETTERS]
    kinds = kind_order(l.meta.kind for l in letters)
    rows = [(label, year_anchor, ls, {k: sum(l.meta.kind == k for l in ls) for k in kinds}, sessions_of(ls))
            for label, year_anchor, ls in years]
    pages = [
        OutputPage(HOME_PAGE, render("home.md.j2", intro=intro, years=years, count=len(letters), themes=themes,
                                     latest=latest)),
        OutputPage(LETTERS_OVERVIEW, render("overview.md.j2", rows=rows, kinds=kinds, count=len(letters))),
    ]
    for i, (label, year_anchor, ls) in enumerate(years):
        groups = [(k, [l for l in ls if l.meta.kind == k]) for k in kind_order(l.meta.kind for l in ls)]
        pages.append(OutputPage(year_path(year_anchor), render(
            "year.md.j2", label=label, letters=ls, groups=groups, sessions=sessions_of(ls),
            newer=years[i - 1] if i > 0 else None, older=years[i + 1] if i + 1 < len(years) else None,
            references={l.id: letter_reference(l) for l in ls})))
    return pages


def sessions_of(letters: list[Letter]) -> list[int]:
    """The main AVVN session of each letter, once each, in order."""
    return sorted({l.meta.sessions[0] for l in letters if l.meta.sessions})
