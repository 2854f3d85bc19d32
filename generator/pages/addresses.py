"""Every folder and address of the site, and nothing else. Pure.

Paths (…/x.md) are relative to the docs folder, as the generated files are named; URLs (…/x/)
are site-relative, as MkDocs serves them (use_directory_urls). The pages link with paths, the
open data (data/*.json) and the feeds with URLs.

    index.md                                   the home page
    brieven/index.md, brieven/<id>.md          the letters overview, a page per letter
    jaren/<year>.md                            a page per year (jaren/onbekend.md: no year)
    themas/index.md, themas/<slug>.md          the themes overview, a page per theme
    tijdlijn.md                                attention per theme per year, letters per year
    resoluties/, missies/, vn-organen/, landen/, kamerstukken/   an overview and a page per entity
                                               (ENTITY_DIRS)
    schriftelijk-overleg/…                     the written Q&A rounds (qa_page)
    woordenlijst.md                            the abbreviations
    feeds/brieven.xml, feeds/themas/<slug>.xml the Atom feeds: the letters, a theme,
    feeds/<ENTITY_DIRS>/<slug>.xml             an entity (feeds/landen/mali.xml)
    data/<name>.json                           the open data

A long list continues on <page>/2.md, <page>/3.md, … (paging.paged_path). The templates get
these as globals (templates.py) and name no folder themselves; links within one folder
(a theme page to another, a round's fractie pages) stay relative.
"""
from __future__ import annotations

HOME_PAGE = "index.md"
LETTERS_DIR = "brieven"
# A page per year listing that year's letters: jaren/2020.md. A folder of its own, so no letter id
# (a page in brieven/) can ever take the address of a year page or the other way round.
YEARS_DIR = "jaren"
THEMES_DIR = "themas"
QA_DIR = "schriftelijk-overleg"        # folder of the Q&A pages: an overview, per letter one folder
FEEDS_DIR = "feeds"
DATA_DIR = "data"
LETTERS_OVERVIEW = f"{LETTERS_DIR}/index.md"
THEMES_OVERVIEW = f"{THEMES_DIR}/index.md"
TIMELINE_PAGE = "tijdlijn.md"
GLOSSARY_PAGE = "woordenlijst.md"
LETTERS_FEED = f"{FEEDS_DIR}/brieven.xml"
# The folder of each kind of entity, in the order the site shows the kinds (index.SECTIONS).
ENTITY_DIRS = {"resolution": "resoluties", "mission": "missies", "body": "vn-organen", "country": "landen",
               "kamerstuk": "kamerstukken"}


def page_path(letter_id: str) -> str:
    return f"{LETTERS_DIR}/{letter_id}.md"


def page_url(letter_id: str) -> str:
    """Site-relative URL of a letter page (use_directory_urls)."""
    return f"{LETTERS_DIR}/{letter_id}/"


def year_slug(year_anchor: str) -> str:
    """'jaar-2020' -> '2020', 'jaar-onbekend' -> 'onbekend': the name of the year page."""
    return year_anchor.removeprefix("jaar-")


def year_path(year_anchor: str) -> str:
    return f"{YEARS_DIR}/{year_slug(year_anchor)}.md"


def theme_path(slug: str) -> str:
    return f"{THEMES_DIR}/{slug}.md"


def theme_url(slug: str) -> str:
    return f"{THEMES_DIR}/{slug}/"


def theme_feed(slug: str) -> str:
    return f"{FEEDS_DIR}/{THEMES_DIR}/{slug}.xml"


def entity_overview(kind: str) -> str:
    """The overview page of a kind of entity: resoluties/index.md."""
    return f"{ENTITY_DIRS[kind]}/index.md"


def entity_path(entity) -> str:
    """An entity's (first) page: resoluties/2417.md, landen/mali.md, kamerstukken/26150-168.md."""
    return f"{ENTITY_DIRS[entity.kind]}/{entity.slug}.md"


def entity_page_url(entity) -> str:
    """Site-relative URL of an entity's (first) page, also for a Kamerstuk: landen/mali/."""
    return f"{ENTITY_DIRS[entity.kind]}/{entity.slug}/"


def entity_feed(entity) -> str:
    """An entity's Atom feed, beside the theme feeds: feeds/landen/mali.xml, feeds/resoluties/2417.xml."""
    return f"{FEEDS_DIR}/{ENTITY_DIRS[entity.kind]}/{entity.slug}.xml"


def entity_url(entity) -> str:
    """Site-relative URL of an entity: its page, or for a Kamerstuk its row on the overview (a
    Kamerstuk links to the document itself)."""
    return f"{ENTITY_DIRS[entity.kind]}/#{entity.slug}" if entity.kind == "kamerstuk" else entity_page_url(entity)


def qa_page(letter_id: str = "", slug: str = "index") -> str:
    """Docs-relative path of a Q&A page: the overview (no letter), a letter's fracties ('index')
    or one fractie's questions: schriftelijk-overleg/<letter id>/<fractie slug>.md."""
    return f"{QA_DIR}/index.md" if not letter_id else f"{QA_DIR}/{letter_id}/{slug}.md"


def data_path(name: str) -> str:
    """An open-data file: data/letters.json."""
    return f"{DATA_DIR}/{name}.json"
