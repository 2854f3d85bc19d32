"""What the search and the letters overview know of a letter (issue 18: finding letters).

A letter page carries these facts in its front matter (`vn_finding`, template letter.html.j2);
overrides/partials/vn-finding.html writes them into the page as Pagefind filters, sort key and
metadata (hidden, data-pagefind-ignore: Pagefind still reads filters, sort and meta there). The
filter form on brieven/ (overrides/assets/javascripts/vn-brieven-lijst.js) asks Pagefind's JS API
for the letters with these filters, sorted by date; the search shows kind and date on every result.
So nothing here grows a page with the corpus: each letter page holds only its own facts. Pure.
"""
from __future__ import annotations

from ..model import Letter
from .labels import kind_citation, kind_label, nl_date

NO_YEAR = "jaar onbekend"      # the year filter of a letter without a year
NO_YEAR_SORT = "0000"          # its sort key: after every dated letter, newest first


def letter_when(letter: Letter) -> str:
    """How lists show a letter's date: '1 september 2017'; '2020, datum onbekend' when only the
    year is known; 'datum onbekend' when neither is."""
    meta = letter.meta
    if meta.date:
        return nl_date(meta.date)
    if meta.year:
        return f"{meta.year}, datum onbekend"
    return "datum onbekend"


def letter_reference(letter: Letter) -> str:
    """Where the letter is published: its official citation (kinds.yml), else its Kamerstuk
    number, else ''."""
    official = kind_citation(letter.meta)
    if official:
        return official
    return f"Kamerstuk {letter.meta.kamerstuk}" if letter.meta.kamerstuk else ""


def sort_key(letter: Letter) -> str:
    """The Pagefind sort key `datum`: the ISO date, else the year (so a letter dated only by its
    year sorts after the dated letters of that year when newest come first), else 0000."""
    meta = letter.meta
    if meta.date:
        return meta.date.isoformat()
    return f"{meta.year:04d}" if meta.year else NO_YEAR_SORT


def finding_facts(letter: Letter, themes: list[tuple[str, str]]) -> dict:
    """The letter's facts for the front matter key `vn_finding` (plain strings and lists):
    filters jaar, soort, thema, ondertekenaar; sort datum; meta soort, datum, vindplaats.
    `themes` is (name, slug) of the letter's main themes (labels.ranked_themes, `main`)."""
    meta = letter.meta
    signatories = []
    for s in meta.signatories:
        if s.name and s.name not in signatories:
            signatories.append(s.name)
    return {
        "jaar": str(meta.year) if meta.year else NO_YEAR,
        "soort": kind_label(meta.kind),
        "thema": [name for name, _ in themes],
        "ondertekenaar": signatories,
        "sort": sort_key(letter),
        "datum": letter_when(letter),
        "vindplaats": letter_reference(letter),
    }
