"""Atom feeds: the letters, newest first (feeds/brieven.xml), per theme (feeds/themas/<slug>.xml)
and per resolution, mission, UN body, country and Kamerstuk (feeds/<folder>/<slug>.xml, beside
the entity's page folder: feeds/landen/mali.xml). An entity's feed has the letters that mention
it, each summarised by the sentences that do and linked to the first of them (the paragraph's
anchor on the letter page). Each feed has at most MAX_ENTRIES entries, newest letter first.

Pure: letters and the index in, OutputPages out; write.py puts them in the docs folder and MkDocs
copies them into the site. Deterministic: no build time anywhere. Entry ids are tag URIs that
never change for a letter: tag:vn-brieven,2020:brieven/2020-avvn75-inzet.

True dates only. An entry with a date is `published` and `updated` at its letter's date. A letter
without a date (the letter states none and none was found: a year alone is no date) is not given
one: it carries the build's fixed date, FeedContext.fixed, which is the newest date of any letter in
the collection (the collection as it stands), and says so: no `published`, "(datum onbekend)"
after its title, and its summary begins with "Datum onbekend" and that date. The fixed date
changes only when a newer letter comes in. Entries are in the site's order (by date, else year),
so an undated letter takes the place of its year, and MAX_ENTRIES keeps the newest. A feed is
`updated` at its newest entry; a feed without entries at the fixed date. Only a collection
without any dated letter falls back to NO_DATE, and then every entry says so. The same rule in
every feed; content/pages/over-deze-site.md explains it to the reader.

The site has no known address (no site_url), so links are relative to the feed file, as Atom
allows; a feed reader resolves them against the address it fetched the feed from.

Cost: one pass over the letters for the letters feed, over each theme's passages and each
entity's mentions for theirs (every mention is looked at once), then at most MAX_ENTRIES entries
a feed, each with a summary of at most about SUMMARY_CHARS (QUOTE_CHARS for an entity's quotes).
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..index import SECTIONS, CrossIndex, Entity, ThemeEntry, letter_date
from ..model import Letter, Mention, OutputPage
from .addresses import LETTERS_FEED, entity_feed, entity_page_url, page_url, theme_feed, theme_url
from .labels import anchor_label, excerpt, kind_label, letter_themes, mention_text, nl_date, title_of
from .markdown import anchor
from .templates import render

SITE_NAME = "VN-brieven"
MAX_ENTRIES = 50
SUMMARY_CHARS = 400
QUOTE_CHARS = 800               # an entity feed's entry: its quotes, at least one, then "en nog N keer"
UNDATED = "datum onbekend"
# Only when no letter of the collection has a date: the day the UN Charter entered into force,
# before any letter. A fixed date keeps the feeds the same on every build.
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


class FeedEntry(NamedTuple):
    letter: Letter
    summary: str
    at: str = ""                                    # the anchor on the letter page its link goes to
    blocks: frozenset[int] | None = None            # categories: the themes of these blocks' passages (else all)


@dataclass
class FeedContext:
    """The build's fixed date (the newest date of any letter, NO_DATE if none has one), and the
    themes of letters and of their blocks (those of blocks worked out once a letter)."""

    fixed: dt.date
    index: CrossIndex
    theme_names: dict[str, str] = field(default_factory=dict)           # slug -> name, taxonomy order
    _block_themes: dict[str, dict[int, list[str]]] = field(default_factory=dict)

    @classmethod
    def of(cls, index: CrossIndex) -> FeedContext:
        return cls(max((l.meta.date for l in index.letters if l.meta.date), default=NO_DATE), index,
                   {t.slug: t.name for t in index.taxonomy.themes})

    def categories(self, letter: Letter) -> list[tuple[str, str]]:
        """(slug, name) of the themes of the letter's passages, in taxonomy order."""
        return [(slug, name) for name, slug in letter_themes(letter, self.index)]

    def block_categories(self, letter: Letter, blocks: frozenset[int]) -> list[tuple[str, str]]:
        """(slug, name) of the themes of the passages that hold any of `blocks`, in taxonomy order:
        what an entity is mentioned in connection with, not everything the letter is about."""
        themes = self._block_themes.get(letter.id)
        if themes is None:
            themes = self._block_themes[letter.id] = {b: p.themes for p in letter.passages for b in p.blocks}
        used = {s for b in blocks for s in themes.get(b, ())}
        return [(s, n) for s, n in self.theme_names.items() if s in used]

    def updated(self, letter: Letter) -> dt.date:
        """The letter's own date; without one, the fixed date (and the entry says so)."""
        return letter.meta.date or self.fixed

    def note(self, letter: Letter) -> str:
        """For an undated letter the sentence its summary begins with, else ''."""
        if letter.meta.date:
            return ""
        year = f" (jaar {letter.meta.year})" if letter.meta.year else ""
        return f"Datum onbekend{year}; de feed geeft de vaste datum van deze bouw ({self.fixed_label()}). "

    def fixed_label(self) -> str:
        """'15 februari 2019, de nieuwste brief': the fixed date and where it comes from."""
        if self.fixed == NO_DATE:
            return f"{nl_date(NO_DATE)}, de dag dat het VN-Handvest inging: geen brief heeft een datum"
        return f"{nl_date(self.fixed)}, de nieuwste brief"


def render_feeds(index: CrossIndex) -> list[OutputPage]:
    """The letters feed, one feed per theme (also for a theme without passages yet) and one per
    entity (every entity has mentions, so a page and a feed)."""
    dates = FeedContext.of(index)
    letters = latest_first(index.letters)[:MAX_ENTRIES]
    pages = [feed_page(LETTERS_FEED, f"{SITE_NAME}: brieven",
                       "Brieven van de regering aan de Tweede Kamer over het Koninkrijk in de Verenigde Naties, "
                       "nieuwste eerst.", "", [FeedEntry(l, letter_summary(l)) for l in letters], dates)]
    for entry in index.themes:
        pages.append(feed_page(theme_feed(entry.theme.slug), f"{SITE_NAME}: thema {entry.theme.name}",
                               entry.theme.description, theme_url(entry.theme.slug),
                               theme_entries(entry), dates))
    for kind in SECTIONS:
        for entity in index.of_kind(kind):
            pages.append(feed_page(entity_feed(entity), entity_feed_title(entity),
                                   f"Brieven die {entity.title} noemen, nieuwste eerst, met de zinnen waarin dat gebeurt.",
                                   entity_page_url(entity), entity_entries(entity, index), dates))
    folders = sorted({p.path.rsplit("/", 1)[0] for p in pages})
    return pages + [OutputPage(f"{folder}/sitemap.xml", EMPTY_SITEMAP) for folder in folders]


def entity_feed_title(entity: Entity) -> str:
    """The feed's title, also on the entity page's <link rel="alternate">."""
    return f"{SITE_NAME}: {entity.title}"


def newest_first_key(letter: Letter):
    return letter_date(letter), letter.id


def latest_first(letters: list[Letter]) -> list[Letter]:
    """Newest letter first (by date, else year), then id, descending."""
    return sorted(letters, key=newest_first_key, reverse=True)


def theme_entries(entry: ThemeEntry) -> list[FeedEntry]:
    """The (at most MAX_ENTRIES) newest letters with passages on the theme, each summarised by those passages."""
    by_letter: dict[str, list] = {}
    letters: dict[str, Letter] = {}
    for letter, passage in entry.passages:
        by_letter.setdefault(letter.id, []).append(passage)
        letters[letter.id] = letter
    out = []
    for letter in latest_first(list(letters.values()))[:MAX_ENTRIES]:
        passages = by_letter[letter.id]
        n = len(passages)
        titles = "; ".join(p.title for p in passages[:8]) + ("; …" if n > 8 else "")
        out.append(FeedEntry(letter, f"{n} {'passage' if n == 1 else 'passages'} over {entry.theme.name}: {titles}"))
    return out


def entity_entries(entity: Entity, index: CrossIndex) -> list[FeedEntry]:
    """The (at most MAX_ENTRIES) newest letters that mention the entity, each summarised by the
    sentences that mention it (in text order), linked to the first of them and with the themes
    of the passages they are in."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in entity.mentions:
        if m.letter_id in index.by_id:
            groups[m.letter_id].append(m)
    newest = sorted((index.by_id[i] for i in groups), key=newest_first_key, reverse=True)[:MAX_ENTRIES]
    out = []
    for letter in newest:
        mentions = sorted(groups[letter.id], key=lambda m: (m.line, m.start))
        n = len(mentions)
        quotes, used, last = [], 0, None
        for m in mentions:
            label = anchor_label(m)                 # once for the sentences of one paragraph
            lead = " " if label == last else f"{'; ' if quotes else ''}{label}: "
            quote = f"{lead}“{quote_of(m, letter)}”"
            if quotes and used + len(quote) > QUOTE_CHARS:
                break
            quotes.append(quote)
            used, last = used + len(quote), label
        rest = f"; en nog {n - len(quotes)} keer" if n > len(quotes) else ""
        summary = f"{n} keer genoemd: {''.join(quotes)}{rest}"
        out.append(FeedEntry(letter, summary, anchor(mentions[0].anchor), frozenset(m.block for m in mentions)))
    return out


def quote_of(mention: Mention, letter: Letter) -> str:
    """The sentence around a mention (as the entity page shows it, but as plain text)."""
    return " ".join("".join(excerpt(mention_text(letter, mention), mention.start, mention.end)).split())


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


def feed_page(path: str, title: str, subtitle: str, page: str, entries: list[FeedEntry],
              dates: FeedContext) -> OutputPage:
    """One Atom document. `page` is the site-relative address of the HTML page the feed belongs to."""
    entries = entries[:MAX_ENTRIES]
    up = "../" * path.count("/")                       # from the feed file back to the site root
    if any(not e.letter.meta.date for e in entries):
        subtitle = (f"{subtitle} Een brief zonder bekende datum staat erin onder de vaste datum van deze bouw, "
                    f"{dates.fixed_label()}, met „{UNDATED}” in de titel.").strip()
    text = render(
        "feed.xml.j2",
        feed_id=f"tag:{SITE_NAME.lower()},{ID_YEAR}:{path.removesuffix('.xml')}", title=title, subtitle=subtitle,
        self_href=Path(path).name, page_href=up + page,
        updated=max((dates.updated(e.letter) for e in entries), default=dates.fixed),
        entries=[{
            "id": entry_id(l), "href": up + page_url(l.id) + (f"#{at}" if at else ""),
            "title": title_of(l) + ("" if l.meta.date else f" ({UNDATED})"),
            "summary": dates.note(l) + summary, "updated": dates.updated(l), "published": l.meta.date,
            "authors": [s.name for s in l.meta.signatories],
            "categories": dates.categories(l) if blocks is None else dates.block_categories(l, blocks),
        } for l, summary, at, blocks in entries])
    return OutputPage(path, text)
