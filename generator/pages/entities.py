"""Per kind of entity (resolutions, missions, countries, Kamerstukken) an overview, and per entity
the pages with its mentions, newest letter first, a long list over several pages (templates
entities, entity). Pure."""
from __future__ import annotations

from ..index import SECTIONS, CrossIndex, missions_in
from ..knowledge import country_name
from ..model import OutputPage
from .addresses import entity_overview, entity_path
from .labels import letter_labels
from .paging import PAGE_ITEMS, paged
from .templates import render


def render_entities(index: CrossIndex, limit: int = PAGE_ITEMS) -> list[OutputPage]:
    """Per kind an overview page; per resolution, mission, country and Kamerstuk the pages with its
    mentions, newest letter first, at most `limit` mentions a page."""
    pages = []
    labels = letter_labels(index.letters)
    for kind, (label, noun) in SECTIONS.items():
        entities = index.of_kind(kind)
        pages.append(OutputPage(entity_overview(kind), render(
            "entities.md.j2", kind=kind, label=label, noun=noun, entities=entities, index=index)))
        for e in entities:
            letters = e.letters                 # counted once, not on each of its pages
            pages += [OutputPage(p.path, render("entity.md.j2", entity=e, letters=letters, noun=noun, index=index,
                                                page=p, labels=labels, missions_in=missions_in,
                                                country_name=country_name))
                      for p in paged(entity_path(e), index.by_letter(e), limit)]
    return pages
