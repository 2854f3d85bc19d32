"""Written Q&A rounds as data: Letter -> Round (answers with their questions, fracties, references).

Two kinds of round: a schriftelijk overleg (fracties, numbered cabinet answers) and Kamervragen
(members' numbered questions, a minister's answers; several series of questions may share one
Aanhangsel page, each numbered from 1: `Item.series`, anchors 'antwoord-2-1'). For Kamervragen the
"fractie" of a series is its members' party, or the members with their party (parse/qa.py).

Pure. Built from the blocks parse/qa.py made (question and answer blocks carry their number,
fractie and topic) and the answer references extract/answer_refs.py finds in the text. The pages
(pages/letter.py, pages/qa.py) use it for the links between answers and the fractie pages,
pages/data.py for data/qa.json, the pipeline for the warnings (a reference to an answer the letter does not have; a gap or a
repeat in the numbering, which usually means a label was not recognised).
"""
from __future__ import annotations

from collections import Counter
from itertools import groupby

from slugify import slugify

from .extract import answer_refs
from .index import letter_order
from .model import Block, Fractie, Item, Letter, Round

SEARCHED = ("paragraph", "bullet", "question", "answer", "caption")
NO_FRACTIE = "Zonder fractie"          # answers before any fractie heading

# kamerbrief: the default kind (kinds.yml) of a letter no rule recognised; there the answers decide
QA_KINDS = ("schriftelijk-overleg", "kamervragen", "kamerbrief", "")

def round_of(letter: Letter) -> Round | None:
    """The letter's Q&A round, or None when it has no numbered answers, or is known to be another
    kind of letter than a written consultation (numbered answers quoted in an inzetbrief do not
    make it a round with pages of its own; they stay on the letter's page)."""
    if letter.meta.kind not in QA_KINDS:
        return None
    answers = [b for b in letter.blocks if b.kind == "answer" and b.number.isdigit()]
    if not answers:
        return None
    numbers = {(a.series, int(a.number)) for a in answers}
    warnings = []
    for _series, run in groupby(answers, key=lambda a: a.series):
        warnings += _numbering_warnings(letter, list(run))
    links: dict[str, list] = {}
    note_links: dict[str, list] = {}
    sources = [(links, b.anchor, b.text, b.line_at, b.series) for b in letter.blocks
               if b.kind in SEARCHED and b.text and b.anchor]
    sources += [(note_links, f.number, f.text, f.line_at, 0) for f in letter.footnotes]
    for target, key, text, line_at, series in sources:
        for ref in answer_refs.find(text):
            if (series, ref.number) in numbers:
                # answers of a second, third … series of Kamervragen are keyed 'S-N'
                target.setdefault(key, []).append((ref.start, ref.end, ref.number if series <= 1
                                                   else f"{series}-{ref.number}"))
            else:
                warnings.append(f"{letter.source.path}:{line_at(ref.start)}: '{ref.surface}' refers to answer "
                                f"{ref.number}, which this letter does not have; not linked")
    questions = {(b.series, b.number): b for b in letter.blocks if b.kind == "question" and b.number}
    askers = {b.series: tuple(b.askers) for b in letter.blocks if b.kind == "fractie" and b.series}
    items = []
    for a in answers:
        covered = tuple(a.numbers) or (int(a.number),)
        asked = tuple(questions[(a.series, str(n))] for n in covered if (a.series, str(n)) in questions)
        refs = tuple(dict.fromkeys(n if isinstance(n, int) else int(n.partition("-")[2])
                                   for _s, _e, n in links.get(a.anchor, ())))
        items.append(Item(int(a.number), a.fractie, a.topic, a, questions.get((a.series, a.number)) or
                          (asked[0] if asked else None), refs, a.series,
                          tuple(a.numbers) if a.series else (), asked if a.series else (),
                          askers.get(a.series, ())))
    return Round(letter, items, _fracties(letter, items), links, note_links, warnings)

def rounds(letters: list[Letter]) -> list[Round]:
    """The Q&A rounds of all letters, oldest letter first."""
    return [l.qa for l in letter_order(letters) if l.qa is not None]

def _fracties(letter: Letter, items: list[Item]) -> list[Fractie]:
    """Fracties in the order they speak; one fractie heard twice in a letter is one Fractie."""
    by_slug: dict[str, Fractie] = {}

    def get(name: str) -> Fractie:
        name = name or NO_FRACTIE
        slug = slugify(name) or "fractie"
        return by_slug.setdefault(slug, Fractie(name, slug))

    for b in letter.blocks:
        if b.kind == "fractie":
            f = get(b.fractie)
            f.anchor = f.anchor or b.anchor
            f.askers += [a for a in b.askers if a not in f.askers]
        elif b.kind in ("paragraph", "bullet") and b.fractie:
            get(b.fractie).remarks.append(b)
    for item in items:
        get(item.fractie).items.append(item)
    return list(by_slug.values())

def _numbering_warnings(letter: Letter, answers: list[Block]) -> list[str]:
    """Answers are numbered 1, 2, 3, … through the letter: a gap or a repeat is worth a look."""
    warnings = []
    seen = Counter(a.number for a in answers)
    previous = 0
    for a in answers:
        n = int(a.number)
        if seen[a.number] > 1:
            warnings.append(f"{letter.source.path}:{a.span.start}: answer {n} is numbered more than once")
        elif n != previous + 1:
            warnings.append(f"{letter.source.path}:{a.span.start}: answer {n} follows answer {previous}; "
                            f"is a label between them not recognised?")
        previous = max(a.numbers or [n])            # "Antwoord 1 en 2" answers 1 and 2
    return warnings

def totals(all_rounds: list[Round]) -> list[tuple[str, str, int, int]]:
    """(name, slug, answers, letters) per fractie over all rounds, most answers first. A fractie
    is recognised by its slug; its name is the spelling used most."""
    names: dict[str, Counter] = {}
    answers: Counter = Counter()
    letters: Counter = Counter()
    for r in all_rounds:
        for f in r.fracties:
            names.setdefault(f.slug, Counter())[f.name] += 1
            answers[f.slug] += len(f.items)
            letters[f.slug] += 1
    rows = [(names[s].most_common(1)[0][0], s, answers[s], letters[s]) for s in names]
    return sorted(rows, key=lambda r: (-r[2], r[0].lower()))

def number_ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 5, 7, 8] -> '1–3, 5, 7–8'."""
    out, run = [], []
    for n in sorted(numbers):
        if run and n != run[-1] + 1:
            out.append(run)
            run = []
        run.append(n)
    if run:
        out.append(run)
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in out)
