"""How the pages name things: dates, kinds, titles, citations, provenance, years, and the excerpts
of mentions and passages. Pure; every piece of letter text that comes out is escaped.

The kinds of document (content/knowledge/kinds.yml) give the labels and their order. The build
sets them once (use_kinds) before rendering; render workers are forked afterwards and inherit them.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

from babel.dates import format_date
from markupsafe import Markup

from ..index import CrossIndex
from ..kinds import Kinds, default_kinds
from ..model import Letter, Mention
from ..taxonomy import Reason
from .addresses import page_path
from .html import text as html_text
from .markdown import anchor, md

EXCERPT_MAX = 320                # characters of a mention's sentence on an entity page
EXCERPT_CHARS = 220              # characters of a passage's start on a theme page
SENTENCE_BREAK = re.compile(r"(?<=[.!?»”])\s+(?=[A-Z0-9«“‘(])|\n\n")

_kinds: Kinds | None = None


def use_kinds(kinds: Kinds | None) -> None:
    global _kinds
    _kinds = kinds
    kind_label.cache_clear()


def current_kinds() -> Kinds:
    return _kinds or default_kinds()


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
                     "url": "adres", "dossier": "dossier", "number": "nummer", "aanhangsel": "Aanhangsel", "askers": "vragenstellers",
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


def kind_order(kinds) -> list[str]:
    """Kinds in the order of kinds.yml, others alphabetically after them."""
    known = current_kinds().keys()
    return sorted(set(kinds), key=lambda k: (known.index(k) if k in known else len(known), k))


def kind_anchor(kind: str) -> str:
    return anchor(kind) or "soort-onbekend"


def by_year(letters: list[Letter]) -> list[tuple[str, str, list[Letter]]]:
    """(label, anchor, letters) per year, newest year (and letter) first; letters without a year last."""
    dated = sorted((l for l in letters if l.meta.year),
                   key=lambda l: (l.meta.year, l.meta.date or dt.date(l.meta.year, 1, 1), l.id), reverse=True)
    groups = [(str(year), f"jaar-{year}", list(run)) for year, run in groupby(dated, key=lambda l: l.meta.year)]
    undated = sorted((l for l in letters if not l.meta.year), key=lambda l: l.id)
    return groups + ([("Jaar onbekend", "jaar-onbekend", undated)] if undated else [])


def letter_themes(letter: Letter, index: CrossIndex | None) -> list[tuple[str, str]]:
    """(name, slug) of the themes of a letter's passages, in taxonomy order."""
    if index is None:
        return []
    used = {slug for p in letter.passages for slug in p.themes}
    return [(t.name, t.slug) for t in index.taxonomy.themes if t.slug in used]


@dataclass(frozen=True)
class WeightedTheme:
    """A theme of a letter as the letter page shows it."""

    name: str
    slug: str
    weight: float               # ThemeWeight.weight: the share of the letter's text
    passages: int
    main: bool


def ranked_themes(letter: Letter, index: CrossIndex | None) -> list[WeightedTheme]:
    """The themes of a letter, heaviest first (CrossIndex.weights, extract/themes.py theme_weights):
    its main themes, then the others."""
    if index is None:
        return []
    names = {t.slug: t.name for t in index.taxonomy.themes}
    return [WeightedTheme(names[w.slug], w.slug, w.weight, w.passages, w.main)
            for w in index.weights.get(letter.id, ()) if w.slug in names]


@dataclass(frozen=True)
class LetterLabel:
    """How a list of letters shows one letter, made once for all the lists it is on (a letter is
    on the pages of every theme and entity it has): the title escaped for a Markdown heading,
    the date and kind as text."""

    title: Markup           # the title, escaped for Markdown (a heading line of the HTML templates)
    when: str               # its date, else its year, else 'jaar onbekend'
    kind: str               # its kind, as a label
    path: str               # its page, from the docs root


def letter_labels(letters: list[Letter]) -> dict[str, LetterLabel]:
    """Letter id -> LetterLabel."""
    return {l.id: LetterLabel(Markup(md(title_of(l))),
                              nl_date(l.meta.date) if l.meta.date else str(l.meta.year or "jaar onbekend"),
                              kind_label(l.meta.kind), page_path(l.id)) for l in letters}


# --- excerpts ------------------------------------------------------------------------------------


def excerpt(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The sentence around text[start:end], as (before, mention, after), shortened with '…'.

    Only a window of twice EXCERPT_MAX on each side is searched for sentence breaks: the excerpt
    never shows more than that, and a letter that is one huge paragraph stays linear."""
    lo, hi = max(start - 2 * EXCERPT_MAX, 0), min(end + 2 * EXCERPT_MAX, len(text))
    sentence_start = lo
    for m in SENTENCE_BREAK.finditer(text, lo, start):
        sentence_start = m.end()
    stop = SENTENCE_BREAK.search(text, end, hi)
    sentence_end = stop.start() if stop else hi
    before, after = text[sentence_start:start], text[end:sentence_end]
    room = max(EXCERPT_MAX - (end - start), 40)
    if len(before) > room // 2:
        cut = before.find(" ", len(before) - room // 2)
        before = "…" + before[cut + 1 if cut >= 0 else len(before) - room // 2:]
    if len(after) > room - len(before):
        cut = after.rfind(" ", 0, room - len(before))
        after = after[:cut if cut > 0 else room - len(before)] + "…"
    return before, text[start:end], after


def mention_text(letter: Letter, mention: Mention) -> str:
    """The text a mention's offsets count in: its footnote's, else its block's ('' if neither)."""
    if mention.footnote:
        return next((f.text for f in letter.footnotes if f.number == mention.footnote), "")
    return letter.blocks[mention.block].text if 0 <= mention.block < len(letter.blocks) else ""


def mention_html(mention: Mention, letters: dict[str, Letter]) -> Markup:
    """The sentence around a mention (excerpt) as HTML, with the mention in <strong>, on one line."""
    text = mention_text(letters[mention.letter_id], mention)
    before, surface, after = excerpt(text, mention.start, mention.end)
    out = Markup("{}<strong>{}</strong>{}").format(html_text(before), html_text(surface), html_text(after))
    return Markup(out.replace("\n", " ").lstrip())


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


def passage_start(letter: Letter, passage) -> str:
    """The start of a passage's text (after its heading), whitespace collapsed, shortened at a word."""
    texts = [letter.blocks[i].text for i in passage.blocks if letter.blocks[i].kind != "heading"]
    text = _normalized_start(texts, EXCERPT_CHARS + 1)
    if len(text) > EXCERPT_CHARS:
        cut = text.rfind(" ", 0, EXCERPT_CHARS)
        if cut < 0:                             # no space to cut at: all but the last character
            text = " ".join(" ".join(texts).split())
        text = text[:cut] + " …"
    return text


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


def reason_text(reason: Reason) -> str:
    """Why a passage has a theme, for the reader: '(kop)' or '(trefwoorden: sdg’s 3×, armoede 2×)'."""
    if reason.source == "kop":
        return "(kop)"
    return "(trefwoorden: " + ", ".join(f"{w} {n}×" for w, n in reason.words[:6]) + ")"


def percent(share: float) -> str:
    return f"{round(share * 100)} %"
