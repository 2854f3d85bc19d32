"""Letters + CrossIndex -> every generated file of the site (list[OutputPage]). Pure: no I/O.

    addresses.py   every folder and URL of the site, nothing else
    markdown.py    letter text -> Markdown that shows exactly that text (escaping, links, notes)
    labels.py      dates, kinds, titles, citations, years, excerpts: how the pages name things
    paging.py      long lists split over pages, with their pagers
    templates.py   the one Jinja environment (generator/templates/) and render(name, **ctx)
    letter.py      a letter's own page               home.py      home, letters overview, years
    themes.py      themes, a theme's pages, timeline entities.py  resolutions, missions, countries, Kamerstukken
    qa.py          the written Q&A rounds            glossary.py  the glossary, abbreviations on every page
    feeds.py       the Atom feeds                    data.py      the open data (data/*.json)
    cite.py        per letter: BibTeX, RIS, CSL-JSON, the source text, the official publication's addresses

To change what one kind of page shows, open its family module (and its template); to change
where it lives, addresses.py.
"""
from __future__ import annotations

from ..glossary import Glossary
from ..index import CrossIndex
from ..model import Letter, OutputPage
from . import cite
from .data import data_files
from .entities import render_entities
from .feeds import render_feeds
from .glossary import render_glossary, with_abbreviations
from .home import render_home
from .labels import use_kinds
from .letter import render_letter
from .paging import PAGE_ITEMS
from .qa import render_qa
from .themes import render_themes

__all__ = ["OutputPage", "render_letter", "render_site", "use_kinds"]


def render_site(letters: list[Letter], intro: str, index: CrossIndex | None = None, glossary: Glossary = Glossary(),
                hand_written: list[OutputPage] = (), limit: int = PAGE_ITEMS,
                letter_pages: list[OutputPage] | None = None, site_url: str = "") -> list[OutputPage]:
    """Every generated file: the pages made from the letters, the hand-written pages, each with the
    abbreviation definitions it needs, then the feeds and the open data, and per letter its
    downloads (cite.py: BibTeX, RIS, CSL-JSON and the source text; `site_url`: the site's address,
    for the exports, '' when unknown). `letter_pages`: the
    letters' own pages, when the caller rendered them already (the pipeline does so on all cores).
    Without an index (tests): no entity, theme and feed pages and no open data."""
    if letter_pages is None:
        letter_pages = [render_letter(l, index, glossary) for l in letters]
    pages = render_home(letters, intro, index) + letter_pages
    if index is not None:
        pages += render_entities(index, limit, glossary) + render_themes(index, limit, glossary)
    pages += render_qa(letters) + list(hand_written) + [render_glossary(glossary)]
    pages += render_feeds(index) if index is not None else []
    return (with_abbreviations(pages, glossary) + (data_files(letters, index) if index is not None else [])
            + [p for l in letters for p in cite.downloads(l, site_url)])
