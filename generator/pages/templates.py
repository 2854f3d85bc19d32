"""The one Jinja environment of the site (templates in generator/templates/) and `render`. Pure.

Markdown templates (*.md.j2, *.svg.j2) are not autoescaped: letter text reaches them through the
filter `md` (markdown.escape_md). HTML and XML templates (*.html.j2: the pages of a letter, an
entity, a theme; *.xml.j2: the feeds) are: every value is escaped, what is HTML already is Markup
(pages/html.py).
The filters and globals here are the ones several page families use; a family passes its own
helpers in the context of its templates.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache, partial
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..glossary import Glossary
from ..mkdocs_ext.rawhtml import MARKER
from ..model import OutputPage
from .addresses import (LETTERS_FEED, LETTERS_OVERVIEW, THEMES_OVERVIEW, TIMELINE_PAGE, entity_overview, entity_path,
                        page_path, page_url, qa_page, theme_feed, theme_path, year_path)
from .labels import (anchor_label, citation, kind_anchor, kind_citation, kind_label, mention_html, nl_date,
                     passage_start, percent, provenance, reason_text,
                     title_of)
from . import html
from .markdown import anchor, attrs, md, note_label, page_title, safe_url
from .paging import paged_title

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(template: str, **context) -> str:
    """The template `template` rendered with `context`."""
    return environment().get_template(template).render(**context)


def render_html_page(template: str, path: str, glossary: Glossary | None, **context) -> OutputPage:
    """The page `path` from an HTML template (*.html.j2: HTML parts after the marker RAW,
    mkdocs_ext/rawhtml.py, and Markdown headings), with the glossary's abbreviations marked on
    all of it but the front matter. The template gets `link` (a docs path -> this page's link to
    it, html.href), `rel` (a link relative to this page's Markdown -> the same, html.href_relative)
    and RAW besides `context`."""
    text = render(template, link=partial(html.href, path), rel=partial(html.href_relative, path),
                  RAW=Markup(MARKER), **context)
    front, _, page = text.partition("\n---\n")
    return OutputPage(path, f"{front}\n---\n{abbreviations(glossary).mark(page)}", abbreviations=True)


@lru_cache(maxsize=4)
def abbreviations(glossary: Glossary | None) -> html.Abbreviations:
    return html.Abbreviations(glossary or Glossary())


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent.parent / "templates"),
        autoescape=_escapes,               # Markdown: no (letter text goes through `md`); HTML, XML: yes
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=md, anchor=anchor, safe_url=safe_url,
                       page_title=lambda t: Markup(page_title(t)), nl_date=nl_date, kind_label=kind_label,
                       # letter.html.j2 (pages/html.py)
                       one_line=one_line, permalink=block_permalink, block_attrs=block_attrs,
                       md_attrs=lambda b, cls="", toc_label="": Markup(attrs(b, cls, toc_label)),
                       # once per listed item: a filter is a plain call, a global function goes
                       # through Jinja's Context.call, which costs more than these functions do
                       mention_html=mention_html, anchor_label=anchor_label,
                       passage_start=passage_start,
                       lines=lines,
                       x=xml_text, atom_date=atom_date)          # feed.xml.j2
    env.globals.update(title_of=title_of, page_url=page_url, year_path=year_path, paged_title=paged_title,
                       kind_anchor=kind_anchor, citation=citation,
                       provenance=provenance, kind_citation=kind_citation,
                       page_path=page_path, entity_path=entity_path, percent=percent, qa_page=qa_page,
                       note_label=note_label, reason_text=reason_text,
                       paragraphs=html.paragraphs, scroll_region=html.scroll_region,
                       # addresses (pages/addresses.py): the templates name no folder themselves
                       theme_path=theme_path, theme_feed=theme_feed, entity_overview=entity_overview,
                       letters_feed=LETTERS_FEED, letters_overview=LETTERS_OVERVIEW,
                       themes_overview=THEMES_OVERVIEW, timeline_page=TIMELINE_PAGE)
    return env


def _escapes(name: str | None) -> bool:
    return bool(name) and name.endswith((".xml.j2", ".html.j2"))


def one_line(value) -> Markup:
    """Text (escaped unless it is Markup already) on one line: its line breaks as spaces."""
    value = value if isinstance(value, Markup) else html.text(value)
    return Markup(" ".join(line.strip() for line in value.split("\n")).strip())


def lines(value) -> Markup:
    """Text of one or more lines as HTML (what the `md` filter's Markdown becomes): escaped, each
    line stripped, surrounding whitespace dropped."""
    return html.lines_html(str(value).strip())


def block_attrs(block, cls: str = "") -> Markup:
    """The HTML attributes of a block of a letter (what markdown.attrs gives Markdown): id,
    class, its line range in the source (data-regels) and its printed page (data-page)."""
    a = anchor(block.anchor)
    if not a and not cls:
        return Markup("")
    parts = [f'class="{cls}"'] if cls else []            # in name order, as Python-Markdown wrote them
    if block.page:
        parts.append(f'data-page="{int(block.page)}"')
    parts.append(f'data-regels="{int(block.span.start)}-{int(block.span.end)}"')
    if a:
        parts.append(f'id="{a}"')
    return Markup(" " + " ".join(parts))


def block_permalink(block) -> Markup:
    """The ¶ after a paragraph, question or answer (html.permalink)."""
    return html.permalink(anchor(block.anchor), block.page or 0)


def xml_text(value) -> str:
    """Any text, without the characters XML 1.0 does not allow (control characters)."""
    return _NOT_XML.sub("", str(value))


def atom_date(value: dt.date) -> str:
    return f"{value.isoformat()}T00:00:00Z"
