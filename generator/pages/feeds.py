"""Atom feeds: the letters, newest first (feeds/brieven.xml), and per theme (feeds/themas/<slug>.xml).

Pure: letters and the index in, OutputPages out; write.py puts them in the docs folder and MkDocs
copies them into the site. Deterministic: no build time anywhere; an entry is `updated` at its
letter's date (or 1 January of its year), a feed at its newest entry. Entry ids are tag URIs that
never change for a letter: tag:vn-brieven,2020:brieven/2020-avvn75-inzet.

The site has no known address (no site_url), so links are relative to the feed file, as Atom
allows; a feed reader resolves them against the address it fetched the feed from.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..index import CrossIndex, ThemeEntry, letter_date
from ..model import Letter, OutputPage
from .addresses import LETTERS_FEED, page_url, theme_feed, theme_url
from .labels import kind_label, nl_date, title_of
from .templates import render

SITE_NAME = "VN-brieven"
MAX_ENTRIES = 50
SUMMARY_CHARS = 400
# For letters without a known year, and feeds without entries: the day the UN Charter entered into
# force, before any letter. A fixed date keeps the feeds the same on every build.
NO_DATE = dt.date(1945, 10, 24)
# The date part of the tag URIs of the feeds themselves and of letters without a year: the year of
# the oldest letter in the collection when the feeds began. Fixed, so the ids never change.
ID_YEAR = 2017


# Material for MkDocs fetches sitemap.xml beside every <link rel="alternate"> of a page (to carry a
# reader over to the same page in another language version). Beside a feed there is none, which
# would be a 404 on every page view: an empty sitemap in each feeds folder answers that request.
EMPTY_SITEMAP = ('<?xml version="1.0" encoding="utf-8"?>\n'
                 "<!-- Empty on purpose: Material for MkDocs looks for a sitemap beside each feed. -->\n"
                 '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n')


def render_feeds(index: CrossIndex) -> list[OutputPage]:
    """The letters feed and one feed per theme (also for a theme without passages yet)."""
    letters = latest_first(index.letters)
    pages = [feed_page(LETTERS_FEED, f"{SITE_NAME}: brieven",
                       "Brieven van de regering aan de Tweede Kamer over het Koninkrijk in de Verenigde Naties, "
                       "nieuwste eerst.", "", [(l, letter_summary(l)) for l in letters], index)]
    for entry in index.themes:
        pages.append(feed_page(theme_feed(entry.theme.slug), f"{SITE_NAME}: thema {entry.theme.name}",
                               entry.theme.description, theme_url(entry.theme.slug),
                               theme_entries(entry), index))
    folders = sorted({p.path.rsplit("/", 1)[0] for p in pages})
    return pages + [OutputPage(f"{folder}/sitemap.xml", EMPTY_SITEMAP) for folder in folders]


def latest_first(letters: list[Letter]) -> list[Letter]:
    """Newest letter first (by date, else year), then id, descending."""
    return sorted(letters, key=lambda l: (letter_date(l), l.id), reverse=True)


def theme_entries(entry: ThemeEntry) -> list[tuple[Letter, str]]:
    """The letters with passages on the theme, newest first, each summarised by those passages."""
    by_letter: dict[str, list] = {}
    letters: dict[str, Letter] = {}
    for letter, passage in entry.passages:
        by_letter.setdefault(letter.id, []).append(passage)
        letters[letter.id] = letter
    out = []
    for letter in latest_first(list(letters.values())):
        passages = by_letter[letter.id]
        n = len(passages)
        titles = "; ".join(p.title for p in passages[:8]) + ("; …" if n > 8 else "")
        out.append((letter, f"{n} {'passage' if n == 1 else 'passages'} over {entry.theme.name}: {titles}"))
    return out


def letter_summary(letter: Letter) -> str:
    """Kind, date and Kamerstuk, then the start of the first paragraph."""
    meta = letter.meta
    head = " · ".join(x for x in (kind_label(meta.kind), nl_date(meta.date) if meta.date else str(meta.year or ""),
                                  f"Kamerstuk {meta.kamerstuk}" if meta.kamerstuk else "") if x)
    first = next((b.text for b in letter.paragraphs if b.text.strip()), "")
    text = " ".join(first.split())
    if len(text) > SUMMARY_CHARS:
        text = text[:text.rfind(" ", 0, SUMMARY_CHARS)] + " …"
    return f"{head}. {text}" if text else head


def entry_id(letter: Letter) -> str:
    """A tag URI (RFC 4151) that stays the same for the letter: tag:vn-brieven,2020:brieven/<id>."""
    return f"tag:{SITE_NAME.lower()},{letter.meta.year or ID_YEAR}:{page_url(letter.id).rstrip('/')}"


def updated(letter: Letter) -> dt.date:
    return letter.meta.date or (dt.date(letter.meta.year, 1, 1) if letter.meta.year else NO_DATE)


def feed_page(path: str, title: str, subtitle: str, page: str, entries: list[tuple[Letter, str]],
              index: CrossIndex) -> OutputPage:
    """One Atom document. `page` is the site-relative address of the HTML page the feed belongs to."""
    entries = entries[:MAX_ENTRIES]
    up = "../" * path.count("/")                       # from the feed file back to the site root
    theme_names = {t.slug: t.name for t in index.taxonomy.themes}
    text = render(
        "feed.xml.j2",
        feed_id=f"tag:{SITE_NAME.lower()},{ID_YEAR}:{path.removesuffix('.xml')}", title=title, subtitle=subtitle,
        self_href=Path(path).name, page_href=up + page,
        updated=max((updated(l) for l, _ in entries), default=NO_DATE),
        entries=[{
            "id": entry_id(l), "title": title_of(l), "href": up + page_url(l.id), "summary": summary,
            "updated": updated(l), "authors": [s.name for s in l.meta.signatories],
            "categories": [(s, theme_names[s]) for s in theme_names if any(s in p.themes for p in l.passages)],
        } for l, summary in entries])
    return OutputPage(path, text)
