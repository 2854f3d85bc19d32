"""Themes per section and per answer: Letter + Taxonomy -> list[Passage]. Pure.

A letter is cut into passages: the introduction before the first heading, each section (a heading
and the text up to the next heading), each question-and-answer pair of a written Q&A round, a
fractie's remarks, and the signature. A passage gets its themes

1. from its heading (or, for an answer, the fractie's topic heading) when a theme's heading words
   occur in it, and
2. from its text: a theme whose keywords occur at least MIN_TEXT_HITS times and at least
   TEXT_SHARE as often as the strongest theme's (at most MAX_TEXT_THEMES of them).

A passage that gets no theme this way is general ("algemeen"). Every theme comes with its reason
(the heading, or the words found and how often), which the pages show.

The weight of a theme in a letter (theme_weights) tells the letter's main themes from the ones it
only touches: the share of the letter's text (the characters of its passages, headings and the
signature not counted) in passages with that theme, where a passage counts fully for a theme
from its heading and for half for a theme that only its keywords show. A passage can have
several themes, so the weights of a letter need not add up to 100 %. The main themes are the
heaviest ones that weigh at least MAIN_SHARE of the heaviest (at most MAX_MAIN; the heaviest
always is one); the letter page shows them as chips and the others as "ook genoemd".
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Block, Letter, Passage, Reason, Span
from ..taxonomy import Taxonomy
from ..words import scan

MIN_TEXT_HITS = 2
TEXT_SHARE = 0.5
MAX_TEXT_THEMES = 3
STRONG_TEXT_HITS = 3            # with a telling heading, text themes need this much more evidence
PARAGRAPH_KINDS = ("paragraph", "bullet", "question", "answer")

HEADING_POINTS = 2              # per character of a passage with the theme from its heading
KEYWORD_POINTS = 1              # ... with the theme from its keywords only: half as much
MAIN_SHARE = 0.5                # a main theme weighs at least half as much as the heaviest
MAX_MAIN = 5                    # and there are at most this many


def classify(heading: str, text: str, taxonomy: Taxonomy, weak_heading: bool = False,
             tokens: frozenset[str] | None = None) -> dict[str, Reason]:
    """Themes of one passage with their reasons: heading themes first, then text themes.

    `weak_heading`: the heading is a grouping label above several passages (a fractie's topic in
    a Q&A round); it then only counts for a theme the text also mentions, or when the text
    gives no theme at all. `tokens`: the text's distinct words, when the caller has them
    (taxonomy.PatternIndex.spans)."""
    heading_themes = _heading_themes(heading, taxonomy) if heading else []
    counts = keyword_counts(text, taxonomy, tokens)
    totals = {slug: sum(c.values()) for slug, c in counts.items()}
    top = max(totals.values(), default=0)
    kept = [slug for slug in heading_themes if slug in counts] if weak_heading else heading_themes
    need = STRONG_TEXT_HITS if kept else MIN_TEXT_HITS
    text_themes = sorted((slug for slug, n in totals.items() if slug not in kept and n >= need
                          and n >= TEXT_SHARE * top), key=lambda s: (-totals[s], s))[:MAX_TEXT_THEMES]
    if weak_heading and not kept and not text_themes:
        kept = heading_themes
    found = {slug: Reason("kop", ((heading, 1),)) for slug in kept}
    for slug in text_themes:
        found[slug] = Reason("tekst", tuple(sorted(counts[slug].items(), key=lambda wc: (-wc[1], wc[0]))))
    return found


def _heading_themes(heading: str, taxonomy: Taxonomy) -> list[str]:
    """Themes whose heading words occur in the heading. A match inside a longer match of another
    theme does not count: 'Vrouwen, Vrede en Veiligheid' is not also 'vrede en veiligheid'."""
    spans = taxonomy.headings.spans(heading)
    inside = {slug for slug, a, b in spans
              if any(o != slug and oa <= a and b <= ob and (ob - oa) > (b - a) for o, oa, ob in spans)}
    covered = {slug for slug, a, b in spans} - inside
    return [t.slug for t in taxonomy.themes if t.slug in covered]


def keyword_counts(text: str, taxonomy: Taxonomy, tokens: frozenset[str] | None = None) -> dict[str, Counter[str]]:
    """Per theme the keywords found in the text; per theme each stretch of text counts once
    (the longest match)."""
    by_theme: dict[str, list[tuple[int, int]]] = {}
    for slug, start, end in taxonomy.keywords.spans(text, tokens):
        by_theme.setdefault(slug, []).append((start, end))
    counts: dict[str, Counter[str]] = {}
    for slug, spans in by_theme.items():
        found: Counter[str] = Counter()
        stop = -1
        for start, end in sorted(spans, key=lambda se: (se[0], -se[1])):
            if start >= stop:
                found[" ".join(text[start:end].lower().split())] += 1
                stop = end
        counts[slug] = found
    return counts


def passages(letter: Letter, taxonomy: Taxonomy) -> list[Passage]:
    """Cut a letter into passages and classify each."""
    units = _cut(letter)
    for unit in units:
        if unit.kind == "closing":
            continue
        texts = [letter.blocks[i].text for i in unit.blocks if letter.blocks[i].kind != "heading"]
        # the words of the passage are its paragraphs' (scanned once, for the extractors too)
        tokens = frozenset().union(*(scan(t).tokens for t in texts))
        unit.reasons = classify(unit.heading, "\n\n".join(texts), taxonomy,
                                weak_heading=unit.kind in ("answer", "remarks"), tokens=tokens)
        unit.themes = list(unit.reasons)
    return units


def _cut(letter: Letter) -> list[Passage]:
    blocks = letter.blocks
    units: list[Passage] = []
    current: Passage | None = None
    fractie = topic = ""

    def start(kind: str, index: int, title: str, anchor: str, heading: str = "") -> Passage:
        nonlocal current
        current = Passage(letter.id, kind, anchor, title, [index], blocks[index].span,
                          int(blocks[index].kind in PARAGRAPH_KINDS), heading)
        units.append(current)
        return current

    answer_of = {(b.series, str(n)): b.anchor for b in blocks if b.kind == "answer"
                 for n in (b.numbers or [b.number])}
    pairs: dict[str, Passage] = {}
    for i, b in enumerate(blocks):
        if b.kind == "signature":
            start("closing", i, "Ondertekening", b.anchor)
            current = None
        elif b.kind == "fractie":
            fractie, topic, current = b.fractie, "", None
        elif b.kind == "heading" and b.fractie:             # a fractie's topic heading in a Q&A round
            topic, current = b.text, None
        elif b.kind == "heading":
            start("section", i, b.text, b.anchor, b.text)
        elif b.kind in ("question", "answer"):
            # a question and its answer are one passage, linked at the answer: "antwoord-N", or for
            # Kamervragen the answer that covers the question ("Antwoord 2 en 3" answers question 3;
            # a second series has "antwoord-2-N"); the answers may come after all questions
            anchor = b.anchor if b.kind == "answer" else answer_of.get((b.series, b.number), b.anchor)
            if anchor in pairs:
                current = pairs[anchor]
                _add(current, i, b)
            else:
                pairs[anchor] = start("answer", i, f"Vraag en antwoord {b.number}", anchor, topic)
        elif current is None or current.kind in ("answer", "closing"):
            if fractie:
                start("remarks", i, f"Inbreng {fractie}-fractie" + (f": {topic}" if topic else ""), b.anchor, topic)
            else:
                start("intro", i, "Inleiding", b.anchor)
        else:
            _add(current, i, b)
    return units


def _add(unit: Passage, index: int, block: Block) -> None:
    unit.blocks.append(index)
    unit.span = Span(unit.span.start, max(unit.span.end, block.span.end))
    unit.paragraphs += block.kind in PARAGRAPH_KINDS


# --- the weight of each theme in a letter ---------------------------------------------------------


@dataclass(frozen=True)
class ThemeWeight:
    """One theme of one letter: how much of the letter is about it."""

    slug: str
    weight: float               # 0..1: the share of the letter's text (headings fully, keywords half)
    passages: int               # the letter's passages with the theme
    main: bool                  # one of the letter's main themes (its chips)


def passage_chars(letter: Letter, passage: Passage) -> int:
    """The length of a passage's text: its blocks without its heading (as `passages` classifies)."""
    return sum(len(letter.blocks[i].text) for i in passage.blocks if letter.blocks[i].kind != "heading")


def theme_weights(letter: Letter, order: list[str] | tuple[str, ...] = ()) -> list[ThemeWeight]:
    """The themes of a letter's passages, heaviest first (equal weights in `order`, the taxonomy's,
    then by slug), each with its weight and whether it is a main theme (see the module's doc).

    Points are whole numbers (HEADING_POINTS or KEYWORD_POINTS per character), so equal weights are
    equal and the threshold is exact; weight = points / (HEADING_POINTS * the letter's characters)."""
    points: Counter[str] = Counter()
    count: Counter[str] = Counter()
    total = 0
    for p in letter.passages:
        if p.kind == "closing":
            continue
        chars = passage_chars(letter, p)
        total += chars
        for slug in p.themes:
            from_heading = (reason := p.reasons.get(slug)) is not None and reason.source == "kop"
            points[slug] += chars * (HEADING_POINTS if from_heading else KEYWORD_POINTS)
            count[slug] += 1
    rank = {slug: i for i, slug in enumerate(order)}
    ranked = sorted(count, key=lambda s: (-points[s], rank.get(s, len(rank)), s))
    top = points[ranked[0]] if ranked else 0
    return [ThemeWeight(slug, points[slug] / (HEADING_POINTS * total) if total else 0.0, count[slug],
                        i == 0 or (i < MAX_MAIN and points[slug] > 0 and points[slug] >= MAIN_SHARE * top))
            for i, slug in enumerate(ranked)]
