"""Per kind of entity (resolutions, missions, UN bodies, countries, Kamerstukken) an overview, and per entity
the pages with its mentions, newest letter first, a long list over several pages (templates
entities, entity). Pure."""
from __future__ import annotations

from ..glossary import Glossary
from ..index import SECTIONS, CrossIndex, Entity, missions_in
from ..knowledge import country_name
from ..model import OutputPage
from .addresses import entity_feed, entity_overview, entity_path
from .feeds import entity_feed_title
from .labels import letter_labels
from .paging import PAGE_ITEMS, Paged, paged
from .templates import render, render_html_page

# The Dutch label of a body's type (knowledge/bodies.py BODY_TYPES).
BODY_TYPE_LABELS = {
    "principal-organ": "hoofdorgaan van de VN", "subsidiary-organ": "hulporgaan of commissie",
    "department": "onderdeel van het VN-Secretariaat", "fund-programme": "fonds of programma van de VN",
    "specialized-agency": "gespecialiseerde organisatie van de VN",
    "related-organisation": "aanverwante organisatie", "treaty-body": "verdragsorgaan",
}


def body_type_label(kind: str) -> str:
    return BODY_TYPE_LABELS.get(kind, kind)


def render_entities(index: CrossIndex, limit: int = PAGE_ITEMS, glossary: Glossary | None = None) -> list[OutputPage]:
    """Per kind an overview page; per resolution, mission, UN body, country and Kamerstuk the pages
    with its mentions, newest letter first, at most `limit` mentions a page; page 1 announces the
    entity's Atom feed (feeds.py). An entity's pages are HTML with Markdown headings (as a
    letter's page), with `glossary`'s abbreviations marked."""
    pages = []
    labels = letter_labels(index.letters)
    for kind, (label, noun) in SECTIONS.items():
        entities = index.of_kind(kind)
        pages.append(OutputPage(entity_overview(kind), render(
            "entities.md.j2", kind=kind, label=label, noun=noun, entities=entities, index=index)))
        for e in entities:
            letters = e.letters                 # counted once, not on each of its pages
            feed, feed_title = entity_feed(e), entity_feed_title(e)
            pages += [entity_page(p, e, letters, index, labels, feed, feed_title, glossary)
                      for p in paged(entity_path(e), index.by_letter(e), limit)]
    return pages


def entity_page(page: Paged, entity: Entity, letters: int, index: CrossIndex, labels: dict, feed: str,
                feed_title: str, glossary: Glossary | None) -> OutputPage:
    """One page of an entity's mentions (template entity.html.j2)."""
    return render_html_page("entity.html.j2", page.path, glossary, entity=entity, letters=letters, index=index,
                            feed=feed, feed_title=feed_title, page=page, labels=labels, missions_in=missions_in,
                            country_name=country_name, body_type_label=body_type_label)
