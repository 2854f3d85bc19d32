"""Letters -> Markdown pages (Jinja2 templates in generator/templates/). Pure: no I/O.

Letter text is data. Every piece of it reaches the Markdown through `escape_md` (the template
filter `md`), so nothing a letter says can become markup, a link, HTML or a template tag.
Values this module builds itself (paths, anchors, validated URLs) are not letter text.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from pathlib import Path

import jinja2
from babel.dates import format_date

from .glossary import Glossary, definitions
from .index import (SECTIONS, Chunk, CrossIndex, Related, ThemeEntry, attention, excerpt, missions_in,
                    newest_first, paginate)
from .kinds import Kinds, default_kinds
from .knowledge import country_name
from .model import Block, Letter, Mention
from .qaindex import Round, qa_page
from .taxonomy import Reason

LETTERS_DIR = "brieven"
# A page per year listing that year's letters: jaren/2020.md. A folder of its own, so no letter id
# (a page in brieven/) can ever take the address of a year page or the other way round.
YEARS_DIR = "jaren"
LATEST_LETTERS = 10            # the newest letters on the home page
# Mentions (entity pages) or passages (theme pages) per page: a longer list continues on
# <page>/2.md, <page>/3.md, … 250 items make a page of at most about 150 KB of Markdown and
# 320 KB of HTML (measured at 2,000 synthetic letters), under the 500 KB a page may have; fewer
# items would mean more pages, and every page costs MkDocs time.
PAGE_ITEMS = 250

# The kinds of document (content/knowledge/kinds.yml): their labels and order. The build sets them
# once (use_kinds) before rendering; render workers are forked afterwards and inherit them.
_kinds: Kinds | None = None


def use_kinds(kinds: Kinds | None) -> None:
    global _kinds
    _kinds = kinds
    kind_label.cache_clear()


def current_kinds() -> Kinds:
    return _kinds or default_kinds()

# Python-Markdown treats a backslash before these as an escape (tables adds "|").
_ALWAYS = "\\`*_{}[]#|"
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "~": "&#126;"}
_REPLACE = {**{c: "\\" + c for c in _ALWAYS}, **_ENTITIES}
_SPECIAL = re.compile("[" + re.escape("".join(_REPLACE)) + "]")
_IMAGE_BANG = re.compile(r"!(?=\\\[)")                    # "![" would start an image
_LINK_PAREN = re.compile(r"(?<=\\\])\(")                  # "](" would start a link target
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")      # incl. \x02/\x03 (Markdown placeholders)
_LIST_NUMBER = re.compile(r"^(\d+)\.(?=\s|$)")           # "1. " starts an ordered list
_SETEXT = re.compile(r"^=+\s*$")                          # "===" under a line makes it a heading
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'()\[\]\\|`{}]+$")
_ANCHOR_BAD = re.compile(r"[^A-Za-z0-9_:.-]+")
_NOTE_LABEL_BAD = re.compile(r"[^A-Za-z0-9]+")
_TRANSLATE = str.maketrans({**_REPLACE, **{chr(c): None for c in [*range(0x00, 0x09), *range(0x0b, 0x20), 0x7f]}})
# Any character _TRANSLATE changes. Most letter text has none, and one search for them costs a
# fraction of str.translate, which looks up every character of the text in a dict.
_TRANSLATED = re.compile("[" + "".join(re.escape(chr(c)) for c in _TRANSLATE) + "]")
FOOTNOTES_MARKER = "///Footnotes Go Here///"              # Python-Markdown's PLACE_MARKER default


@dataclass(frozen=True)
class OutputPage:
    """A generated file: its path relative to the docs folder and its content."""

    path: str
    text: str


# --- escaping ------------------------------------------------------------------------------------

def escape_md(text: str, line_start: bool = True) -> str:
    """Letter text -> Markdown that renders as exactly that text.

    HTML specials become entities; Markdown specials get a backslash where they could act:
    always for \\ ` * _ { } [ ] # |, and at the start of a line for list, heading, quote,
    admonition and setext markers. Leading whitespace on a line (a code block) and trailing
    whitespace (a hard line break) are dropped; control characters are removed.
    `line_start=False` means the text continues a line (after a footnote marker).
    """
    # one pass: specials replaced, controls gone (only when there are any: most text has none)
    escaped = text.translate(_TRANSLATE) if _TRANSLATED.search(text) else text
    if "\\](" in escaped:
        escaped = _LINK_PAREN.sub(r"\\(", escaped)
    if "!\\[" in escaped:
        escaped = _IMAGE_BANG.sub(r"\\!", escaped)
    if "\n" not in escaped:                               # one line (most calls)
        return _escape_line_start(escaped.lstrip()) if line_start else escaped
    lines = escaped.split("\n")
    last = len(lines) - 1
    for i, line in enumerate(lines):
        if i < last:
            line = line.rstrip()
        if line_start or i:
            line = _escape_line_start(line.lstrip())
        lines[i] = line
    return "\n".join(lines)


def _escape_line_start(s: str) -> str:
    if not s:
        return s
    if s[0] in "-+!":
        return "\\" + s
    if s[0] == "?":                                       # "??? note" opens a details block
        return "&#63;" + s[1:]
    if _SETEXT.match(s):
        return "&#61;" + s[1:]
    return _LIST_NUMBER.sub(r"\1\\.", s)


def md(value) -> str:
    """Template filter: one letter-derived value, escaped, surrounding whitespace dropped."""
    return escape_md(str(value)).strip()


def note_label(number: str) -> str:
    """A footnote number as a Markdown footnote label ("17" stays "17")."""
    return _NOTE_LABEL_BAD.sub("-", str(number)).strip("-") or "x"


def body(block: Block, notes: frozenset[str], links: list[tuple[int, int, str]] | None = None) -> str:
    """A block's text, escaped, with `[^N]` at each footnote reference and its mentions linked."""
    return render_text(block.text, block.footnote_refs, notes, links or [])


def render_text(text: str, refs=(), notes: frozenset[str] = frozenset(),
                links: list[tuple[int, int, str]] = ()) -> str:
    """Letter text -> Markdown: escaped, footnote references `[^N]` at their offsets, and each
    (start, end, url) in `links` made a link whose visible text is exactly text[start:end].

    References to a footnote the letter does not have keep their number as plain text. A link
    that overlaps an earlier one is left out; a reference inside a link goes right after it.
    """
    events = sorted([(min(max(r.offset, 0), len(text)), 1, r) for r in refs] +
                    [(start, 0, (start, end, url)) for start, end, url in links if 0 <= start < end <= len(text)],
                    key=lambda e: (e[0], e[1]))
    parts: list[str] = []
    pos = 0

    def plain(until: int) -> None:
        nonlocal pos
        if until > pos:
            parts.append(escape_md(text[pos:until], line_start=not parts))
            pos = until

    for offset, is_ref, item in events:
        if is_ref:
            plain(offset)
            label = note_label(item.number)
            parts.append(f"[^{label}]" if label in notes else escape_md(item.number, line_start=False))
        elif offset >= pos:
            start, end, url = item
            plain(start)
            parts.append(f"[{escape_md(text[start:end], line_start=False)}]({url})")
            pos = end
    plain(len(text))
    return "".join(parts).strip()


def anchor(value: str) -> str:
    """An element id usable in `{ #id }` and id="..." (parse makes these; this only guards)."""
    return _ANCHOR_BAD.sub("-", str(value)).strip("-")


def attrs(block: Block, cls: str = "") -> str:
    """The attr_list for a block: `{ #p-12 data-regels="33-45" }` (+ `.cls`), or ''.

    `data-regels` is the block's line range in the source file, so a reader or a maintainer can
    check any paragraph against the text it came from."""
    parts = [f"#{a}" for a in [anchor(block.anchor)] if a] + ([f".{cls}"] if cls else [])
    if parts:
        parts.append(f'data-regels="{block.span.start}-{block.span.end}"')
    return "{ " + " ".join(parts) + " }" if parts else ""


def safe_url(url: str) -> str:
    """An http(s) URL safe to put in a Markdown link target, else ''. Parentheses, which
    UN document symbols use (S/RES/2417(2018)), are percent-encoded so they cannot end the target."""
    url = (url or "").replace("(", "%28").replace(")", "%29")
    return url if _SAFE_URL.match(url) else ""


def page_title(title: str) -> str:
    """A title for YAML front matter. MkDocs/Material print it unescaped, so HTML-escape it.

    A JSON string is a YAML double-quoted scalar, but YAML allows fewer raw characters than JSON:
    DEL, C1 controls, surrogates, U+FFFE/U+FFFF and U+2028/U+2029 are written as \\u escapes. One raw
    DEL is enough to make MkDocs drop the whole front matter and render it as Markdown."""
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}",
                            json.dumps(html.escape(title, quote=True), ensure_ascii=False))


_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


# --- values shown on the pages -------------------------------------------------------------------

@lru_cache(maxsize=4096)
def nl_date(date: dt.date | None) -> str:
    """'18 september 2020' (Babel, which is slow for so small a job: each date is made once)."""
    return format_date(date, format="long", locale="nl") if date else "datum onbekend"


@lru_cache(maxsize=256)
def kind_label(kind: str) -> str:
    """The kind's Dutch label from kinds.yml; a kind the file does not know still gets one."""
    return current_kinds().label(kind)


PROVENANCE_LABELS = {"kind": "soort", "title": "titel", "date": "datum", "year": "jaar", "sessions": "zittingen",
                     "chamber": "Kamer", "vergaderjaar": "vergaderjaar", "kamerstuk": "Kamerstuk",
                     "dossier": "dossier", "number": "nummer", "aanhangsel": "Aanhangsel", "askers": "vragenstellers",
                     "signatories": "ondertekening"}


def provenance(meta) -> list[tuple[str, str]]:
    """(field label, where) for the metadata card: 'regel 12' for a value read from a line (the
    line itself is in Meta.provenance), 'sidecar', or how it was derived. Fields whose place is
    that of another shown field (dossier and number of a Kamerstuk) are left out."""
    shown = []
    for name, label in PROVENANCE_LABELS.items():
        where = meta.provenance.get(name, "")
        if not where or (name in ("dossier", "number") and "kamerstuk" in meta.provenance):
            continue
        shown.append((label, where.split(":", 1)[0] if where.startswith("regel ") else where))
    return shown


def kind_citation(meta) -> str:
    """The official citation of the letter (kinds.yml), '' when a part of it is unknown."""
    return current_kinds().citation(meta.kind, meta)


def title_of(letter: Letter) -> str:
    return letter.meta.title or letter.id


def citation(letter: Letter) -> tuple[str, str]:
    """The parts of a citation of this letter. When its reference is known, the kind's own
    citation (kinds.yml, Aanwijzingen voor de regelgeving 3.43) and '':
    ('Kamerstukken II 2020/21, 26 150, nr. 187', ''), ('Aanhangsel Handelingen II 1978/79, nr. 1037', '');
    else the kind's label (unless the title starts with it), title and date, and the Kamerstuk
    number if printed: ('Kamerbrief "Title", 18 september 2020', 'Kamerstuk 26 150, nr. 187' or ''). The paragraph or
    answer and the URL go between and after them: 'Kamerstukken II 2020/21, 26 150, nr. 187,
    alinea 12, https://…#p-12' / 'Kamerbrief "…", 18 september 2020, alinea 12 (Kamerstuk 26 150,
    nr. 187), https://…#p-12'."""
    meta = letter.meta
    official = kind_citation(meta)
    if official:
        return official, ""
    when = nl_date(meta.date) if meta.date else str(meta.year) if meta.year else nl_date(None)
    label, title = kind_label(meta.kind), title_of(letter)
    named = f'"{title}"' if title.casefold().startswith(label.casefold()) else f'{label} "{title}"'
    return f"{named}, {when}", f"Kamerstuk {meta.kamerstuk}" if meta.kamerstuk else ""


def line_count(letter: Letter) -> int:
    """Lines in the source as the stages number them (split on "\n" only)."""
    text = letter.source.text
    return len(text.split("\n")) - text.endswith("\n") if text else 0


def page_path(letter_id: str) -> str:
    return f"{LETTERS_DIR}/{letter_id}.md"


def page_url(letter_id: str) -> str:
    """Site-relative URL of a letter page (use_directory_urls)."""
    return f"{LETTERS_DIR}/{letter_id}/"


def block_groups(blocks: list[Block]) -> list[tuple[str, list[Block]]]:
    """Consecutive bullets form one list; every other block stands alone. Empty blocks go."""
    groups = []
    blocks = [b for b in blocks if _shows_something(b)]
    for is_bullet, run in groupby(blocks, key=lambda b: b.kind == "bullet"):
        run = list(run)
        groups.extend([("bullets", run)] if is_bullet else [(b.kind, [b]) for b in run])
    return groups


def _shows_something(block: Block) -> bool:
    if block.text.strip() or any(line.strip() for line in block.lines):
        return True
    return (block.kind in ("question", "answer") and bool(qa_label(block))) or \
        (block.kind == "fractie" and bool(block.fractie))


def heading_level(block: Block) -> int:
    """Markdown heading level: 2..6 (the page title is the h1); fracties default to 3."""
    return min(max(block.level or (3 if block.kind == "fractie" else 2), 2), 6)


def furniture_reasons(letter: Letter) -> list[tuple[str, int]]:
    """(reason, count) of the removed page furniture, in order of first appearance."""
    return list(Counter(f.reason for f in letter.furniture).items())


def qa_label(block: Block) -> str:
    if block.label:
        return block.label
    word = "Antwoord" if block.kind == "answer" else "Vraag"
    return f"{word} {block.number}" if block.number else ""


def dangling_refs(letter: Letter) -> list[str]:
    """Warnings for footnote references without a footnote (rendered as plain numbers)."""
    notes = {note_label(f.number) for f in letter.footnotes}
    return [f"{letter.source.name}:{b.span}: reference to footnote {r.number}, which the letter does not have"
            for b in letter.blocks for r in b.footnote_refs if note_label(r.number) not in notes]


def by_year(letters: list[Letter]) -> list[tuple[str, str, list[Letter]]]:
    """(label, anchor, letters) per year, newest year (and letter) first; letters without a year last."""
    dated = sorted((l for l in letters if l.meta.year),
                   key=lambda l: (l.meta.year, l.meta.date or dt.date(l.meta.year, 1, 1), l.id), reverse=True)
    groups = [(str(year), f"jaar-{year}", list(run)) for year, run in groupby(dated, key=lambda l: l.meta.year)]
    undated = sorted((l for l in letters if not l.meta.year), key=lambda l: l.id)
    return groups + ([("Jaar onbekend", "jaar-onbekend", undated)] if undated else [])


# --- templates -----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=False,                  # the output is Markdown; letter text goes through `md`
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=md, body=body, attrs=attrs, anchor=anchor, safe_url=safe_url,
                       page_title=page_title, nl_date=nl_date, kind_label=kind_label,
                       # once per listed item: a filter is a plain call, a global function goes
                       # through Jinja's Context.call, which costs more than these functions do
                       mention_excerpt=mention_excerpt, anchor_label=anchor_label,
                       passage_excerpt=passage_excerpt, reason_note=reason_note)
    env.globals.update(title_of=title_of, page_url=page_url, year_path=year_path, paged_title=paged_title,
                       kind_anchor=kind_anchor, citation=citation, qa_label=qa_label,
                       provenance=provenance, kind_citation=kind_citation,
                       heading_level=heading_level,
                       render_text=render_text,
                       page_path=page_path, missions_in=missions_in, country_name=country_name,
                       by_letter=by_letter,
                       percent=percent, furniture_reasons=furniture_reasons, qa_page=qa_page,
                       footnotes_marker=FOOTNOTES_MARKER, note_label=note_label)
    return env


def _render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)


def render_letter(letter: Letter, index: CrossIndex | None = None) -> OutputPage:
    links, note_links = mention_links(letter, index) if index else ({}, {})
    qa = letter.qa
    if qa is not None:
        links, note_links = add_answer_links(qa, links, note_links)
    related = [(r, related_note(r, index)) for r in index.related.get(letter.id, [])] if index else []
    text = _render("letter.md.j2", letter=letter, title=title_of(letter), lines=line_count(letter),
                   groups=block_groups(letter.blocks), links=links, note_links=note_links, qa=qa,
                   themes=theme_notes(letter, index), tags=letter_themes(letter, index), related=related,
                   notes=frozenset(note_label(f.number) for f in letter.footnotes))
    return OutputPage(page_path(letter.id), text)


RELATED_NAMES = 4


def related_note(related: Related, index: CrossIndex) -> str:
    """What a related letter has in common with this one, escaped: 'thema's Klimaat, Mensenrechten
    en 2 meer; 17 resoluties, missies, landen of Kamerstukken: Resolutie 2417 (2018), Mali en 15 meer'."""
    def names(items: list[str]) -> str:
        shown = ", ".join(escape_md(n, line_start=False) for n in items[:RELATED_NAMES])
        return shown + (f" en {len(items) - RELATED_NAMES} meer" if len(items) > RELATED_NAMES else "")

    theme_names = {t.slug: t.name for t in index.taxonomy.themes}
    parts = []
    if related.themes:
        parts.append(("thema " if len(related.themes) == 1 else "thema's ")
                     + names([theme_names[s] for s in related.themes]))
    if related.entities:
        n = len(related.entities)
        noun = "resolutie, missie, land of Kamerstuk" if n == 1 else "resoluties, missies, landen of Kamerstukken"
        parts.append(f"{n} {noun}: " + names([index.entities[k].title for k in related.entities]))
    return "; ".join(parts)


def add_answer_links(qa: Round, links: dict[str, list], note_links: dict[str, list]) -> tuple[dict, dict]:
    """The mention links plus a link on every reference to an answer ("zie vraag 21" ->
    #antwoord-21 on the same page). The visible text stays as written."""
    merged = []
    for found, existing in ((qa.links, links), (qa.note_links, note_links)):
        out = {key: list(spans) for key, spans in existing.items()}
        for key, refs in found.items():
            out.setdefault(key, []).extend((start, end, f"#{anchor(qa.anchor(n))}") for start, end, n in refs)
        merged.append(out)
    return merged[0], merged[1]


def mention_links(letter: Letter, index: CrossIndex) -> tuple[dict[str, list], dict[str, list]]:
    """(start, end, url) per block anchor and per footnote number: where each mention links to.
    Entities link to their page; a Kamerstuk links to the document itself. Headings get none
    (a link inside a heading would sit inside the table of contents)."""
    by_anchor: dict[str, list] = {}
    by_note: dict[str, list] = {}
    for m in letter.mentions:
        entity = index.link_of(m)
        if entity is None or (m.block >= 0 and letter.blocks[m.block].kind == "heading"):
            continue
        url = safe_url(entity.url) if entity.kind == "kamerstuk" else f"../{entity.path}"
        if not url:
            continue
        target = by_note.setdefault(m.footnote, []) if m.footnote else by_anchor.setdefault(m.anchor, [])
        target.append((m.start, m.end, url))
    return by_anchor, by_note


def year_slug(year_anchor: str) -> str:
    """'jaar-2020' -> '2020', 'jaar-onbekend' -> 'onbekend': the name of the year page."""
    return year_anchor.removeprefix("jaar-")


def year_path(year_anchor: str) -> str:
    return f"{YEARS_DIR}/{year_slug(year_anchor)}.md"


def kind_order(kinds) -> list[str]:
    """Kinds in the order of kinds.yml, others alphabetically after them."""
    known = current_kinds().keys()
    return sorted(set(kinds), key=lambda k: (known.index(k) if k in known else len(known), k))


def kind_anchor(kind: str) -> str:
    return anchor(kind) or "soort-onbekend"


def sessions_of(letters: list[Letter]) -> list[int]:
    """The main AVVN session of each letter, once each, in order."""
    return sorted({l.meta.sessions[0] for l in letters if l.meta.sessions})


def letter_themes(letter: Letter, index: CrossIndex | None) -> list[tuple[str, str]]:
    """(name, slug) of the themes of a letter's passages, in taxonomy order."""
    if index is None:
        return []
    used = {slug for p in letter.passages for slug in p.themes}
    return [(t.name, t.slug) for t in index.taxonomy.themes if t.slug in used]


def render_index(letters: list[Letter], intro: str, index: CrossIndex | None = None) -> list[OutputPage]:
    """The home page (intro, themes, newest letters, the years), the letters overview (per year the
    letters per kind and the AVVN sessions) and a page per year listing its letters."""
    years = by_year(letters)
    themes = [e for e in index.themes if e.passages] if index else []
    latest = [l for _, _, ls in years for l in ls][:LATEST_LETTERS]
    kinds = kind_order(l.meta.kind for l in letters)
    rows = [(label, year_anchor, ls, {k: sum(l.meta.kind == k for l in ls) for k in kinds}, sessions_of(ls))
            for label, year_anchor, ls in years]
    pages = [
        OutputPage("index.md", _render("home.md.j2", intro=intro, years=years, count=len(letters), themes=themes,
                                       latest=latest)),
        OutputPage(f"{LETTERS_DIR}/index.md", _render("overview.md.j2", rows=rows, kinds=kinds, count=len(letters))),
    ]
    for i, (label, year_anchor, ls) in enumerate(years):
        groups = [(k, [l for l in ls if l.meta.kind == k]) for k in kind_order(l.meta.kind for l in ls)]
        pages.append(OutputPage(year_path(year_anchor), _render(
            "year.md.j2", label=label, letters=ls, groups=groups, sessions=sessions_of(ls),
            newer=years[i - 1] if i > 0 else None, older=years[i + 1] if i + 1 < len(years) else None,
            themes={l.id: letter_themes(l, index) for l in ls})))
    return pages


def render_site(letters: list[Letter], intro: str, index: CrossIndex | None = None,
                limit: int = PAGE_ITEMS, letter_pages: list[OutputPage] | None = None) -> list[OutputPage]:
    """Every page made from the letters. `letter_pages`: the letters' own pages, when the caller
    rendered them already (the pipeline does so on all cores)."""
    if letter_pages is None:
        letter_pages = [render_letter(l, index) for l in letters]
    pages = render_index(letters, intro, index) + letter_pages
    return pages + (render_entities(index, limit) + render_themes(index, limit) if index else [])


# --- long lists over several pages ---------------------------------------------------------------

@dataclass(frozen=True)
class LetterLabel:
    """How a list of letters shows one letter, made once for all the lists it is on (a letter is
    on the pages of every theme and entity it has): title and kind escaped, the date as text."""

    title: str              # the title, escaped
    when: str               # its date, else its year, else 'jaar onbekend'
    kind: str               # its kind, as a label, escaped
    path: str               # its page, from the docs root


def letter_labels(letters: list[Letter]) -> dict[str, LetterLabel]:
    """Letter id -> LetterLabel."""
    return {l.id: LetterLabel(md(title_of(l)),
                              nl_date(l.meta.date) if l.meta.date else str(l.meta.year or "jaar onbekend"),
                              md(kind_label(l.meta.kind)), page_path(l.id)) for l in letters}


@dataclass
class YearSection:
    """The chunks of one year on one page; `continued` when the year began on an earlier page."""

    label: str
    anchor: str
    continued: bool
    chunks: list[Chunk]


@dataclass(frozen=True)
class Paged:
    """One page of a list split over pages. Page 1 is at `base` (the address links already use),
    page n at <base without .md>/n.md. Hrefs are relative to this page; '' is this page itself."""

    number: int
    total: int
    path: str
    up: str                                    # from this page to the docs root: "../" or "../../"
    sections: list[YearSection]
    years: list[tuple[str, str, int, str]]     # (label, anchor, items, href to the page holding it)
    hrefs: list[tuple[int, str]]               # (number, href) of the pages the pager shows; 0: a gap
    previous: str = ""                         # href of the page before ('' on page 1)
    next: str = ""                             # href of the page after ('' on the last page)


PAGER_AROUND = 3            # the pager shows page 1, the last page and this many on either side


def pager_numbers(number: int, total: int, around: int = PAGER_AROUND) -> list[int]:
    """The page numbers a pager shows, 0 for a gap: 1 … 7 8 9 [10] 11 12 13 … 200."""
    shown = sorted({1, total} | set(range(max(1, number - around), min(total, number + around) + 1)))
    out: list[int] = []
    for n in shown:
        if out and n - out[-1] > 1:
            out.append(0)
        out.append(n)
    return out


def year_of(letter: Letter) -> tuple[str, str]:
    """(label, anchor) of a letter's year. Year anchors cannot be letter anchors (brief-<id>)."""
    year = letter.meta.year
    return (str(year), f"jaar-{year}") if year else ("Jaar onbekend", "jaar-onbekend")


def paged_path(base: str, number: int) -> str:
    return base if number == 1 else f"{base.removesuffix('.md')}/{number}.md"


def paged_href(base: str, here: int, there: int) -> str:
    """The relative link from page `here` to page `there` of the list whose page 1 is `base`."""
    stem = base.rsplit("/", 1)[-1].removesuffix(".md")
    if there == 1:
        return f"{stem}.md" if here == 1 else f"../{stem}.md"
    return f"{stem}/{there}.md" if here == 1 else f"{there}.md"


def paged(base: str, groups: list[tuple[Letter, list]], limit: int = PAGE_ITEMS) -> list[Paged]:
    """(letter, items) groups, oldest letter first -> pages of at most `limit` items, newest
    letter first, each with its year sections, the items per year and links to every page."""
    chunked = paginate(newest_first(groups), limit)
    first: dict[str, int] = {}
    counts: Counter = Counter()
    labels: dict[str, str] = {}
    for number, chunks in enumerate(chunked, 1):
        for c in chunks:
            label, year_anchor = year_of(c.letter)
            first.setdefault(year_anchor, number)
            counts[year_anchor] += len(c.items)
            labels[year_anchor] = label
    out, seen = [], set()
    for number, chunks in enumerate(chunked, 1):
        sections: list[YearSection] = []
        for c in chunks:
            label, year_anchor = year_of(c.letter)
            if not sections or sections[-1].anchor != year_anchor:
                sections.append(YearSection(label, year_anchor, year_anchor in seen, []))
            sections[-1].chunks.append(c)
        seen.update(s.anchor for s in sections)
        hrefs = [(n, "" if n == number else paged_href(base, number, n) if n else "")
                 for n in pager_numbers(number, len(chunked))]
        years = [(labels[a], a, counts[a], ("" if n == number else paged_href(base, number, n)) + "#" + a)
                 for a, n in first.items()]
        out.append(Paged(number, len(chunked), paged_path(base, number), "../" * (base.count("/") + (number > 1)),
                         sections, years, hrefs,
                         previous=paged_href(base, number, number - 1) if number > 1 else "",
                         next=paged_href(base, number, number + 1) if number < len(chunked) else ""))
    return out


def paged_title(title: str, page: Paged) -> str:
    return title if page.number == 1 else f"{title} (pagina {page.number} van {page.total})"


# --- abbreviations -------------------------------------------------------------------------------

GLOSSARY_PAGE = "woordenlijst.md"


def render_glossary(glossary: Glossary) -> OutputPage:
    """The glossary page: every abbreviation with its expansion, alphabetically."""
    return OutputPage(GLOSSARY_PAGE, _render("glossary.md.j2", abbreviations=glossary.sorted()))


def with_abbreviations(pages: list[OutputPage], glossary: Glossary) -> list[OutputPage]:
    """Every Markdown page (but the glossary itself) with the abbreviation definitions at its end,
    so the abbr extension marks the abbreviations on it. Other files are returned unchanged."""
    if not glossary.abbreviations:
        return pages
    out = []
    for p in pages:
        if p.path.endswith(".md") and p.path != GLOSSARY_PAGE:
            # only the abbreviations the page has: the others would mark nothing, and every
            # definition costs MkDocs time on every page (thousands of pages)
            used = glossary.used_in(p.text)
            if used.abbreviations:
                p = OutputPage(p.path, p.text.rstrip("\n") + "\n\n" + definitions(used) + "\n")
        out.append(p)
    return out


# --- themes --------------------------------------------------------------------------------------

THEMES_DIR = "themas"
EXCERPT_CHARS = 220


def render_themes(index: CrossIndex, limit: int = PAGE_ITEMS) -> list[OutputPage]:
    """The themes overview, the pages of each theme (at most `limit` passages a page) and the timeline."""
    general = sum(p.general for l in index.letters for p in l.passages)
    pages = [OutputPage(f"{THEMES_DIR}/index.md", _render("themes.md.j2", entries=index.themes, general=general))]
    labels = letter_labels(index.letters)
    for e in index.themes:
        letters = e.letters                     # counted once, not on each of its pages
        pages += [OutputPage(p.path, _render("theme.md.j2", entry=e, letters=letters, page=p, labels=labels))
                  for p in paged(f"{THEMES_DIR}/{e.theme.slug}.md", by_letter(e), limit)]
    years, rows = attention(index)
    kinds = kind_order(l.meta.kind for l in index.letters)
    per_year = [(label, year_anchor, ls) for label, year_anchor, ls in by_year(index.letters) if ls[0].meta.year]
    counts = [(int(label), [(k, n) for k in kinds if (n := sum(l.meta.kind == k for l in ls))])
              for label, _, ls in reversed(per_year)]
    pages.append(OutputPage("tijdlijn.md", _render(
        "timeline.md.j2", years=years, rows=rows, peak=max((s for _, sh in rows for s in sh), default=0),
        years_letters=per_year, counts=counts, kinds=kinds, counts_by_year={str(y): c for y, c in counts},
        max_count=max((sum(n for _, n in c) for _, c in counts), default=0))))
    return pages


def by_letter(entry: ThemeEntry) -> list[tuple[Letter, list]]:
    return [(letter, [p for _, p in run]) for letter, run in groupby(entry.passages, key=lambda lp: lp[0])]


def passage_excerpt(letter: Letter, passage) -> str:
    """The start of a passage's text (after its heading), escaped and shortened at a word."""
    texts = [letter.blocks[i].text for i in passage.blocks if letter.blocks[i].kind != "heading"]
    text = _normalized_start(texts, EXCERPT_CHARS + 1)
    if len(text) > EXCERPT_CHARS:
        cut = text.rfind(" ", 0, EXCERPT_CHARS)
        if cut < 0:                             # no space to cut at: all but the last character
            text = " ".join(" ".join(texts).split())
        text = text[:cut] + " …"
    return escape_md(text, line_start=False)


def _normalized_start(texts: list[str], need: int) -> str:
    """" ".join(" ".join(texts).split()), or a start of it at least `need` characters long.

    A passage can be a long section; its excerpt needs only its first words. A start of the text
    with its whitespace collapsed is a start of the whole text collapsed, so the start taken is
    made longer only until it is long enough."""
    size = 4 * need
    while True:
        taken, length = [], -1
        for t in texts:
            taken.append(t)
            length += len(t) + 1
            if length >= size:
                break
        raw = " ".join(taken)
        if len(taken) == len(texts) and len(raw) <= size:      # the whole text
            return " ".join(raw.split())
        text = " ".join(raw[:size].split())
        if len(text) >= need:
            return text
        size *= 4


def reason_note(reason: Reason) -> str:
    """Why a passage has a theme, for the reader: '(kop)' or '(trefwoorden: sdg’s 3×, armoede 2×)'."""
    if reason.source == "kop":
        return "*(kop)*"
    words = ", ".join(f"{escape_md(w, line_start=False)} {n}×" for w, n in reason.words[:6])
    return f"*(trefwoorden: {words})*"


def theme_line(passage, names: dict[str, str]) -> str:
    """The themes of one passage with their reasons, as a line on the letter page."""
    if passage.general:
        return "Thema: algemeen *(geen kenmerkend kopje of kenmerkende trefwoorden)*"
    parts = [f"[{escape_md(names[slug], line_start=False)}](../{THEMES_DIR}/{slug}.md) "
             f"{reason_note(passage.reasons[slug])}" for slug in passage.themes]
    return ("Thema's: " if len(parts) > 1 else "Thema: ") + " · ".join(parts)


def theme_notes(letter: Letter, index: CrossIndex | None) -> dict[str, str]:
    """anchor -> the theme line shown at that heading, answer or first paragraph."""
    if index is None:
        return {}
    names = {t.slug: t.name for t in index.taxonomy.themes}
    return {p.anchor: theme_line(p, names) for p in letter.passages if p.kind != "closing" and p.anchor}


def percent(share: float) -> str:
    return f"{round(share * 100)} %"


# --- entity pages --------------------------------------------------------------------------------

def render_entities(index: CrossIndex, limit: int = PAGE_ITEMS) -> list[OutputPage]:
    """Per kind an overview page; per resolution, mission, country and Kamerstuk the pages with its
    mentions, newest letter first, at most `limit` mentions a page."""
    pages = []
    labels = letter_labels(index.letters)
    for kind, (folder, label, noun) in SECTIONS.items():
        entities = index.of_kind(kind)
        pages.append(OutputPage(f"{folder}/index.md", _render(
            "entities.md.j2", kind=kind, label=label, noun=noun, entities=entities, index=index)))
        for e in entities:
            letters = e.letters                 # counted once, not on each of its pages
            pages += [OutputPage(p.path, _render("entity.md.j2", entity=e, letters=letters, noun=noun, index=index,
                                                 page=p, labels=labels))
                      for p in paged(e.path, index.by_letter(e), limit)]
    return pages


def mention_excerpt(mention: Mention, letters: dict[str, Letter]) -> str:
    """The sentence around a mention, escaped, with the mention in bold."""
    letter = letters[mention.letter_id]
    if mention.footnote:
        text = next((f.text for f in letter.footnotes if f.number == mention.footnote), "")
    else:
        text = letter.blocks[mention.block].text
    before, surface, after = excerpt(text, mention.start, mention.end)
    return (escape_md(before, line_start=False) + "**" + escape_md(surface, line_start=False) + "**"
            + escape_md(after, line_start=False)).replace("\n", " ")


def anchor_label(mention: Mention) -> str:
    """How a deep link reads: 'alinea 12', 'antwoord 51', 'voetnoot 3'."""
    a = mention.anchor
    for prefix, word in (("p-", "alinea"), ("antwoord-", "antwoord"), ("vraag-", "vraag bij antwoord"),
                         ("figuur-", "figuur")):
        if a.startswith(prefix):
            return f"{word} {a[len(prefix):]}"
    if mention.footnote:
        return f"voetnoot {mention.footnote}"
    return "kop"
