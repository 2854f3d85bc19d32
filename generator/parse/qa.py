"""Written Q&A rounds (schriftelijk overleg): fracties, questions and numbered cabinet answers.

Detection is by structure, so it works for any letter of this kind:
  "Inbreng van de leden van de VVD-fractie"      -> a fractie block (starts a contribution)
  "51. Antwoord van het kabinet:"                  -> the label of answer 51
  "63. Antwoord op vragen van het kabinet:"        (irregular labels are accepted too)
The paragraphs between two answers are the question(s) the next answer replies to. An answer runs
until a paragraph that reads as the fractie speaking again (a question mark, "de leden", "-fractie").
"""
from __future__ import annotations

import re

from ..model import Block, FootnoteRef, Span

LABEL = re.compile(r"^(?P<num>\d{1,3})\.\s*Antwoord\b[^.]{0,40}:?\s*$")
FRACTIE = re.compile(r"^Inbreng (?:van )?(?:de )?leden van de (?P<name>.+?)[- ]fractie\s*$")
# A fractie's opening words ("… hebben met belangstelling kennisgenomen van …. Zij hebben de
# volgende vragen en opmerkingen.") introduce its contribution; they are not a question.
OPENING = re.compile(r"\bhebben [^.?]{0,40}kennisgenomen\b|\bhebben (?:nog )?(?:de volgende|enkele|een aantal) "
                     r"vragen\b|\bdanken het kabinet\b")
FRACTIE_VOICE = re.compile(r"\?|\b(?:de|deze|genoemde) leden\b|-fractie\b|\bfractieleden\b", re.IGNORECASE)
PARAGRAPH_SEP = "\n\n"


def group(blocks: list[Block]) -> list[Block]:
    """Merge paragraphs into question and answer blocks. A letter without labels is returned as is."""
    if not any(b.kind == "label" for b in blocks):
        return blocks
    out: list[Block] = []
    fractie = topic = ""
    pending: list[Block] = []          # question paragraphs waiting for their answer
    answer: list[Block] | None = None  # [label, paragraphs...] of the answer being read
    seen_fractie = False
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
            fractie, topic, seen_fractie = b.fractie, "", True
            b.level = 3
            out.append(b)
        elif b.kind == "label":
            close_answer()
            flush_question(b.number)
            answer = [b]
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
