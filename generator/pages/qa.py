"""Written Q&A rounds -> Markdown pages (templates qa-*.md.j2). Pure.

Two kinds of round share these pages: a schriftelijk overleg (fracties ask, the cabinet gives
numbered answers) and Kamervragen (members ask numbered questions, a minister answers them; the
"fractie" of a series of questions is the members' party, see parse/qa.py).

    schriftelijk-overleg/index.md                  all rounds ("Vragen en antwoorden") per year, the
                                                   newest LATEST_ROUNDS with their fracties or asking
                                                   members and counts, the totals per fractie
    schriftelijk-overleg/<letter id>/index.md      one round: fracties, counts, references between answers
    schriftelijk-overleg/<letter id>/<fractie>.md  one fractie: each question (first sentence) -> its answer

(Addresses: addresses.qa_page.) One folder per letter keeps the addresses stable and unique however many letters there are (a
fractie speaks in many rounds), and keeps the letters folder for letters only. The navigation
has one entry, the overview; the letter page links to its round's pages, and the year pages
(jaren/<year>.md) link to the rounds of every letter of the year.
"""
from __future__ import annotations

from slugify import slugify

from ..model import Letter, OutputPage
from ..qaindex import NO_FRACTIE, Fractie, number_ranges, rounds, totals
from .addresses import qa_page, year_path
from .labels import SENTENCE_BREAK, by_year, nl_date
from .templates import render

SUMMARY_MAX = 220                      # characters of a question's first sentence on a fractie page
SUMMARY_MIN = 70                       # a shorter first sentence takes the second one with it
LATEST_ROUNDS = 20                     # rounds listed in full on the overview; the year pages link to all


def render_qa(letters: list[Letter]) -> list[OutputPage]:
    """The overview (always, so the navigation entry resolves) and the pages of every round."""
    all_rounds = rounds(letters)
    by_id = {r.letter.id: r for r in all_rounds}
    years, newest = [], []
    for label, year_anchor, letters in by_year([r.letter for r in all_rounds]):      # newest first
        year_rounds = [by_id[l.id] for l in letters]
        newest += year_rounds
        years.append((label, year_path(year_anchor), len(year_rounds), sum(len(r.items) for r in year_rounds)))
    kinds = {k: sum(1 for r in all_rounds if r.kind == k) for k in ("schriftelijk-overleg", "kamervragen")}
    pages = [OutputPage(qa_page(), render("qa-overview.md.j2", rounds=all_rounds, latest=newest[:LATEST_ROUNDS],
                                          years=years, totals=totals(all_rounds), when=when, kinds=kinds,
                                          members=members, fractie_label=fractie_label))]
    for qa in all_rounds:
        pages.append(OutputPage(qa_page(qa.letter.id), render(
            "qa-letter.md.j2", qa=qa, when=when, number_ranges=number_ranges, members=members, covered=covered,
            remarks=sum(len(f.remarks) for f in qa.fracties))))
        pages += [OutputPage(qa_page(qa.letter.id, f.slug), render(
            "qa-fractie.md.j2", qa=qa, fractie=f, label=fractie_label(f.name, f.askers), sections=sections(f),
            when=when, summary=summary, anchor_text=anchor_text, members=members)) for f in qa.fracties]
    return pages


def when(letter: Letter) -> str:
    """The letter's date, else its year, else 'datum onbekend'."""
    if letter.meta.date:
        return nl_date(letter.meta.date)
    return str(letter.meta.year) if letter.meta.year else nl_date(None)


def fractie_label(name: str, askers: list[tuple[str, str]] | tuple = ()) -> str:
    """'VVD' -> 'VVD-fractie' (as the letters write it); Kamervragen: the asking members with
    their party ('Bolkestein en Joekes (VVD)')."""
    if askers:
        return members(askers)
    return name if name == NO_FRACTIE else f"{name}-fractie"


def covered(items) -> list[int]:
    """Every question number the items answer, once each ("Antwoord 4 en 5" counts 4 and 5)."""
    return sorted({n for i in items for n in (i.numbers or (i.number,))})


def members(askers) -> str:
    """[('Bolkestein', 'VVD'), ('Joekes', 'VVD'), ('Eisma', 'D66')] -> 'Bolkestein en Joekes (VVD),
    Eisma (D66)': the members of one party together, each party once after its members."""
    groups: dict[str, list[str]] = {}
    for name, party in askers:
        groups.setdefault(party, []).append(name)
    parts = []
    for party, names in groups.items():
        who = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} en {names[-1]}"
        parts.append(f"{who} ({party})" if party else who)
    return ", ".join(parts)


def sections(fractie: Fractie) -> list[tuple[str, str, list]]:
    """(topic, anchor, items) per topic sub-heading; unique anchors on the page."""
    out, used = [], set()
    for topic, items in fractie.topics:
        base = slugify(topic, max_length=60, word_boundary=True) or "vragen"
        anchor, n = base, 2
        while anchor in used or anchor == "opmerkingen":
            anchor, n = f"{base}-{n}", n + 1
        used.add(anchor)
        out.append((topic, anchor, items))
    return out


def anchor_text(anchor: str) -> str:
    """How a link to a paragraph reads: 'p-12' -> 'alinea 12'."""
    return f"alinea {anchor[2:]}" if anchor.startswith("p-") else "in de brief"


def summary(text: str, limit: int = SUMMARY_MAX) -> str:
    """The first sentence of a text on one line, shortened at a word with '…' when long. A first
    sentence too short to say anything ("Tot slot merken de leden het volgende op.") takes the
    next one with it."""
    sentences = SENTENCE_BREAK.split(text.strip(), maxsplit=2)
    first = sentences[0]
    if len(first) < SUMMARY_MIN and len(sentences) > 1:
        first = f"{first} {sentences[1]}"
    first = " ".join(first.split())
    if len(first) <= limit:
        return first
    cut = first.rfind(" ", 0, limit)
    return first[:cut if cut > 0 else limit].rstrip(",;:") + " …"
