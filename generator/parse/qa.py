"""Written Q&A rounds (schriftelijk overleg): fracties, questions and numbered cabinet answers.

Detection is by structure, so it works for any letter of this kind:
  "Inbreng van de leden van de VVD-fractie"      -> a fractie block (starts a contribution)
  "Vragen en opmerkingen van de leden van de fractie van GroenLinks"   (the other usual form)
  "51. Antwoord van het kabinet:"                  -> the label of answer 51
  "63. Antwoord op vragen van het kabinet:"        (irregular labels are accepted too)
The paragraphs between two answers are the question(s) the next answer replies to. An answer runs
until a paragraph that reads as the fractie speaking again (a question mark, "de leden", "-fractie").
A fractie's opening words and an introduction that announces its questions ("Daar zullen de vragen
van de leden in deze bijdrage over gaan.") are not questions: they stay paragraphs of the fractie,
like remarks that no answer follows. A dash that a line break put at the start of a line
("… beginsel" / "– zal dit systeem …") continues its sentence; it does not start a list item.
"""
from __future__ import annotations

import re

from ..model import Block, FootnoteRef, Span

LABEL = re.compile(r"^(?P<num>\d{1,3})\.\s*Antwoord\b[^.]{0,40}:?\s*$")
# "Inbreng van de leden van de VVD-fractie", "Vragen en opmerkingen van de leden van de fractie van GroenLinks"
FRACTIE = re.compile(r"^(?:Inbreng|Vragen en opmerkingen) (?:van )?(?:de )?leden van de "
                     r"(?:(?P<name>.+?)[- ]fractie|fractie van (?:de )?(?P<other>.+?))\s*$")
# A fractie's opening words ("… hebben met belangstelling kennisgenomen van …. Zij hebben de
# volgende vragen en opmerkingen.") introduce its contribution; they are not a question.
OPENING = re.compile(r"\bhebben [^.?]{0,40}kennisgenomen\b|\bhebben (?:nog )?(?:de volgende|enkele|een aantal) "
                     r"vragen\b|\bdanken het kabinet\b")
# An introduction that announces what the fractie's questions will be about ends its opening.
ANNOUNCE = re.compile(r"\b(?:daar|hier)(?:over)? (?:zullen|gaan) (?:de|hun|onze) vragen\b"
                      r"|\bvragen (?:van (?:de|deze) leden )?in deze (?:bijdrage|inbreng)\b", re.IGNORECASE)
RUN_ON_DASH = ("–", "—", "-", "‐")
FRACTIE_VOICE = re.compile(r"\?|\b(?:de|deze|genoemde) leden\b|-fractie\b|\bfractieleden\b", re.IGNORECASE)
PARAGRAPH_SEP = "\n\n"


def fractie_name(heading: str) -> str:
    """'Inbreng van de leden van de VVD-fractie' -> 'VVD'; '' when it is no fractie heading."""
    m = FRACTIE.match(heading)
    return (m.group("name") or m.group("other") or "").strip() if m else ""


def group(blocks: list[Block]) -> list[Block]:
    """Merge paragraphs into question and answer blocks. A letter without labels is returned as is."""
    if not any(b.kind == "label" for b in blocks):
        return blocks
    out: list[Block] = []
    fractie = topic = ""
    pending: list[Block] = []          # question paragraphs waiting for their answer
    answer: list[Block] | None = None  # [label, paragraphs...] of the answer being read
    seen_fractie = answered = False    # answered: the current fractie has had an answer
    carry: Block | None = None         # a title-like first line that is really the start of a paragraph

    def close_answer() -> None:
        nonlocal answer
        if answer:
            label, paras = answer[0], answer[1:]
            out.append(_merge("answer", paras, label, fractie, topic))
        answer = None

    def flush_question(number: str) -> None:
        """Paragraphs followed by an answer are its question; others (a fractie's opening words)
        stay paragraphs."""
        nonlocal pending
        if pending and number:
            out.append(_merge("question", pending, None, fractie, topic, number))
        else:
            for p in pending:
                p.fractie, p.topic = fractie, topic
                out.append(p)
        pending = []

    for b in blocks:
        if b.kind == "fractie":
            close_answer()
            flush_question("")
            fractie, topic, seen_fractie, answered = b.fractie, "", True, False
            b.level = 3
            out.append(b)
        elif b.kind == "label":
            close_answer()
            flush_question(b.number)
            answer, answered = [b], True
        elif b.kind == "heading" and seen_fractie and b.label == "lead":
            carry = b                      # answers have no headings: it runs on into the next paragraph
        elif b.kind == "heading" and seen_fractie:
            close_answer()
            flush_question("")
            topic = b.text
            b.level = 4
            b.fractie = fractie
            out.append(b)
        elif b.kind in ("paragraph", "bullet") and seen_fractie:
            if carry is not None:
                b = _prepend(carry, b)
                carry = None
            held = answer if answer is not None else pending     # where b would go
            if held and _runs_on(b, held[-1]):
                held[-1] = _join(held[-1], b)
                continue
            if b.kind == "bullet":
                shift = len(b.label) + 1
                b.text = f"{b.label} {b.text}"
                b.footnote_refs = [FootnoteRef(r.offset + shift, r.number) for r in b.footnote_refs]
                b.line_starts = [(0, b.span.start)] + [(o + shift, n) for o, n in b.line_starts[1:]]
            if answer is not None and len(answer) > 1 and FRACTIE_VOICE.search(b.text):
                close_answer()
            if answer is not None:
                answer.append(b)
            elif out and out[-1].kind == "fractie" and not pending and OPENING.search(b.text) and "?" not in b.text:
                b.fractie = fractie
                out.append(b)              # the fractie's opening words: a paragraph of its own
            else:
                pending.append(b)
                if not answered and ANNOUNCE.search(b.text):
                    flush_question("")     # an introduction to the fractie's questions, no question itself
        else:
            close_answer()
            flush_question("")
            out.append(b)
    close_answer()
    flush_question("")
    return out


def _merge(kind: str, paras: list[Block], label: Block | None, fractie: str, topic: str,
           number: str = "") -> Block:
    text, refs, starts = "", [], []
    for p in paras:
        if text:
            text += PARAGRAPH_SEP
        refs.extend(FootnoteRef(r.offset + len(text), r.number) for r in p.footnote_refs)
        starts.extend((o + len(text), n) for o, n in p.line_starts)
        text += p.text
    first = label or paras[0]
    last = paras[-1] if paras else first
    return Block(kind, text, Span(first.span.start, last.span.end), number=label.number if label else number,
                 label=label.text if label else "", footnote_refs=refs, part=first.part,
                 fractie=fractie, topic=topic, line_starts=starts)


def _prepend(head: Block, b: Block) -> Block:
    shift = len(head.text) + 1
    return Block(b.kind, f"{head.text} {b.text}", Span(head.span.start, b.span.end), label=b.label,
                 footnote_refs=head.footnote_refs + [FootnoteRef(r.offset + shift, r.number) for r in b.footnote_refs],
                 part=b.part, line_starts=head.line_starts + [(o + shift, n) for o, n in b.line_starts])


def _runs_on(b: Block, prev: Block) -> bool:
    """A 'bullet' that is the rest of the previous paragraph's sentence: a dash and a lower-case
    word after a paragraph that stopped mid-sentence (a line break put the dash first)."""
    return (b.kind == "bullet" and prev.kind == "paragraph" and b.label in RUN_ON_DASH
            and b.text[:1].islower() and prev.text[-1:].isalnum())


def _join(head: Block, b: Block) -> Block:
    """`head` and its run-on `b` ("… beginsel" + "– zal …") as one paragraph."""
    tail = f"{b.label} {b.text}"
    shift = len(head.text) + 1
    refs = head.footnote_refs + [FootnoteRef(r.offset + shift + len(b.label) + 1, r.number) for r in b.footnote_refs]
    starts = head.line_starts + [(shift, b.span.start)] + \
        [(o + shift + len(b.label) + 1, n) for o, n in b.line_starts[1:]]
    return Block(head.kind, f"{head.text} {tail}", Span(head.span.start, b.span.end), label=head.label,
                 footnote_refs=refs, part=head.part, line_starts=starts)
