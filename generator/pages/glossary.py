"""The glossary page (woordenlijst.md) and the abbreviation definitions at the end of every other
page, so the abbr extension marks the abbreviations on it (template glossary). Pure."""
from __future__ import annotations

from ..glossary import Glossary, definitions
from ..model import OutputPage
from .addresses import GLOSSARY_PAGE
from .templates import render


def render_glossary(glossary: Glossary) -> OutputPage:
    """The glossary page: every abbreviation with its expansion, alphabetically."""
    return OutputPage(GLOSSARY_PAGE, render("glossary.md.j2", abbreviations=glossary.sorted()))


def with_abbreviations(pages: list[OutputPage], glossary: Glossary) -> list[OutputPage]:
    """Every Markdown page (but the glossary itself) with the abbreviation definitions at its end,
    so the abbr extension marks the abbreviations on it. Other files are returned unchanged."""
    if not glossary.abbreviations:
        return pages
    out = []
    for p in pages:
        if p.path.endswith(".md") and p.path != GLOSSARY_PAGE and not p.abbreviations:
            # only the abbreviations the page has: the others would mark nothing, and every
            # definition costs MkDocs time on every page (thousands of pages)
            used = glossary.used_in(p.text)
            if used.abbreviations:
                p = OutputPage(p.path, p.text.rstrip("\n") + "\n\n" + definitions(used) + "\n")
        out.append(p)
    return out
