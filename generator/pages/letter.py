"""A letter's own page (brieven/<id>.md): metadata card, text with footnotes, links on its mentions
and its answer references, themes per passage, related letters (template letter.html.j2). Pure.

The page is HTML the generator writes itself (pages/html.py), with its headings as Markdown for
MkDocs' table of contents (issue 19: Python-Markdown converting the letters' text cost more than
the whole build may). Letter text is data: it reaches the HTML escaped (html.text, Jinja
autoescape), the headings' Markdown through markdown.escape_md."""
from __future__ import annotations

import re
from collections import Counter
from functools import partial
from itertools import groupby

from markupsafe import Markup

from ..glossary import Glossary
from ..index import CrossIndex, Related
from ..model import Block, Letter, OutputPage
from ..qaindex import Round
from . import cite
from . import html
from .addresses import entity_path, page_path, theme_path
from .finding import finding_facts
from .labels import line_count, mention_text, ranked_themes, reason_text, title_of
from .markdown import anchor, attrs, escape_md, note_label, safe_url
from .templates import render_html_page


def render_letter(letter: Letter, index: CrossIndex | None = None, glossary: Glossary | None = None) -> OutputPage:
    """The letter's page; `glossary`: the abbreviations marked on it (none without)."""
    path = page_path(letter.id)
    links, note_links = mention_links(letter, index, path) if index else ({}, {})
    qa = letter.qa
    if qa is not None:
        links, note_links = add_answer_links(qa, links, note_links)
    related = [(r, related_note(r, index)) for r in index.related.get(letter.id, [])] if index else []
    ranked = ranked_themes(letter, index)
    marks = page_marks(letter.blocks)
    notes = html.Footnotes.of(letter.footnotes)

    def body(block: Block) -> Markup:
        return html.render_text(block.text, block.footnote_refs, notes, links.get(block.anchor, ()))

    def footnotes() -> Markup:          # called after the text: its references are counted by then
        return html.footnotes_html(notes, {note_label(f.number): html.render_text(f.text, (), notes, note_links.get(f.number, ()))
                                           for f in letter.footnotes})

    return render_html_page("letter.html.j2", path, glossary, letter=letter, title=title_of(letter), lines=line_count(letter),
                            groups=block_groups(letter.blocks), body=body, heading=partial(heading_markdown, notes=notes),
                            toc_label=partial(toc_label, notes=notes),
                            qa=qa, themes=ranked, passage_themes=passage_themes(letter, index, path), related=related,
                            finding=finding_facts(letter, [(t.name, t.slug) for t in ranked if t.main]),
                            heading_level=heading_level, qa_label=qa_label, furniture_reasons=furniture_reasons,
                            page_mark=lambda b: marks.get(id(b), ""), has_pages=any(b.page for b in letter.blocks),
                            downloads=cite.download_links(letter), official=cite.official_links(letter.meta),
                            footnotes=footnotes)


def heading_markdown(block: Block, notes: html.Footnotes) -> Markup:
    """A heading's text as Markdown (escaped), on one line, with its footnote references as the
    raw HTML of html.Footnotes; a fractie without text gets its standard heading."""
    if not block.text:
        return Markup(escape_md(f"Inbreng van de leden van de {block.fractie}-fractie"))
    text, parts, pos = block.text, [], 0
    for ref in sorted(block.footnote_refs, key=lambda r: r.offset):
        offset = min(max(ref.offset, pos), len(text))
        parts.append(escape_md(text[pos:offset], line_start=not parts))
        label = note_label(ref.number)
        parts.append(notes.ref(label) if label in notes.texts else escape_md(ref.number, line_start=False))
        pos = offset
    parts.append(escape_md(text[pos:], line_start=not parts))
    return Markup("".join(parts).strip().replace("\n", " "))


def toc_label(block: Block, notes: html.Footnotes) -> str:
    """A heading's name in the table of contents when its footnote references would otherwise be
    in it ('Terrorisme1'), else '': its text, whitespace collapsed, HTML-escaped (what the toc
    extension names a heading whose references are Markdown footnotes). The references are raw
    HTML here, which the toc extension cannot tell from the text."""
    if not any(note_label(r.number) in notes.texts for r in block.footnote_refs):
        return ""
    return str(html.text(" ".join(block.text.split())))


RELATED_NAMES = 4
NO_PAGE_MARK = ("heading", "fractie")       # a mark inside a heading would go into the contents


def page_marks(blocks: list[Block]) -> dict[int, Markup]:
    """id(block) -> the page mark in the margin at its start ("p. 7"; "p. 15–16" for a block that
    runs on to the next page), where its printed page differs from the one before; read out as
    "pagina 7". Blocks of unknown page (0) get none."""
    marks, shown = {}, 0
    for b in blocks:
        if not b.page or b.kind in NO_PAGE_MARK:
            continue
        if b.page != shown or b.page_end:
            seen = f"p. {b.page}–{b.page_end}" if b.page_end else f"p. {b.page}"
            heard = f"pagina {b.page} en {b.page_end}" if b.page_end else f"pagina {b.page}"
            marks[id(b)] = Markup(f'<span class="vn-page"><span aria-hidden="true">{seen}</span>'
                                  f'<span class="vn-page__sr">{heard}</span></span> ')
        shown = b.page_end or b.page
    return marks


def related_note(related: Related, index: CrossIndex) -> str:
    """What a related letter has in common with this one (text, not escaped): 'thema's Klimaat, Mensenrechten
    en 2 meer; 17 resoluties, missies, VN-organen, landen of Kamerstukken: Resolutie 2417 (2018), Mali en 15 meer'."""
    def names(items: list[str]) -> str:
        shown = ", ".join(items[:RELATED_NAMES])
        return shown + (f" en {len(items) - RELATED_NAMES} meer" if len(items) > RELATED_NAMES else "")

    theme_names = {t.slug: t.name for t in index.taxonomy.themes}
    parts = []
    if related.themes:
        parts.append(("thema " if len(related.themes) == 1 else "thema's ")
                     + names([theme_names[s] for s in related.themes]))
    if related.entities:
        n = len(related.entities)
        noun = ("resolutie, missie, VN-orgaan, land of Kamerstuk" if n == 1
                else "resoluties, missies, VN-organen, landen of Kamerstukken")
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


def mention_links(letter: Letter, index: CrossIndex, page: str | None = None) -> tuple[dict[str, list], dict[str, list]]:
    """(start, end, url) per block anchor and per footnote number: where each mention links to,
    as seen from the docs page `page` (the letter's own by default). Entities link to their
    page; a Kamerstuk links to the document itself. Headings get none (a link inside a heading
    would sit inside the table of contents)."""
    page = page or page_path(letter.id)
    by_anchor: dict[str, list] = {}
    by_note: dict[str, list] = {}
    for m in letter.mentions:
        entity = index.link_of(m)
        if entity is None or (m.block >= 0 and letter.blocks[m.block].kind == "heading"):
            continue
        url = safe_url(entity.url) if entity.kind == "kamerstuk" else html.href(page, entity_path(entity))
        if not url:
            continue
        target = by_note.setdefault(m.footnote, []) if m.footnote else by_anchor.setdefault(m.anchor, [])
        grown = (m.start, m.end)
        if m.kind == "body":                # "VNVR-lid", "Veiligheidsraadresolutie": the whole word
            text = mention_text(letter, m)
            grown = _whole_word(text, m.start, m.end) if text else grown
        target.append((*grown, url, m.start, m.end))
    for links in (*by_anchor.values(), *by_note.values()):
        links[:] = _keep_apart(links)
    return by_anchor, by_note


_WORD_CHAR = re.compile(r"[\w-]")


def _whole_word(text: str, start: int, end: int) -> tuple[int, int]:
    """The span grown to the whole word it is part of (letters, digits and hyphens), so a link
    never splits a word in two; a hyphen at either end stays outside."""
    if end > len(text):
        return start, end
    s, e = start, end
    while s > 0 and _WORD_CHAR.match(text[s - 1]):
        s -= 1
    while e < len(text) and _WORD_CHAR.match(text[e]):
        e += 1
    while s < start and text[s] == "-":
        s += 1
    while e > end and text[e - 1] == "-":
        e -= 1
    return s, e


def _keep_apart(links: list) -> list:
    """(start, end, url) per link, in text order: a link grown to its whole word falls back to its
    own span where it would overlap another link."""
    spans = sorted(links, key=lambda l: (l[3], l[4]))
    out = []
    for i, (start, end, url, own_start, own_end) in enumerate(spans):
        before = out[-1][1] if out else -1
        after = spans[i + 1][3] if i + 1 < len(spans) else None
        if start < before or (after is not None and end > after):
            start, end = own_start, own_end
        out.append((start, end, url))
    return out


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


def passage_themes(letter: Letter, index: CrossIndex | None, page: str = "") -> list[tuple[str, str, Markup]]:
    """(title, anchor, themes with their reasons as HTML) of each passage but the signature, in
    the order of the letter, for the section "Thema's per passage" at the end of the letter page
    (out of the reading text). The title is text, on one line."""
    if index is None:
        return []
    names = {t.slug: t.name for t in index.taxonomy.themes}
    page = page or page_path(letter.id)
    return [(" ".join(p.title.split("\n")), p.anchor, theme_note(p, names, page))
            for p in letter.passages if p.kind != "closing" and p.anchor]


def theme_note(passage, names: dict[str, str], page: str) -> Markup:
    """The themes of one passage with their reasons: '<a href="…">Klimaat</a> <em>(kop)</em> ·
    <a …>Mensenrechten</a> <em>(trefwoorden: mensenrechten 3×)</em>', or 'algemeen <em>(…)</em>'."""
    if passage.general:
        return Markup("algemeen <em>(geen kenmerkend kopje of kenmerkende trefwoorden)</em>")
    return Markup(" · ").join(
        Markup('<a href="{}">{}</a> <em>{}</em>').format(html.href(page, theme_path(slug)), names[slug],
                                                         reason_text(passage.reasons[slug]))
        for slug in passage.themes)
