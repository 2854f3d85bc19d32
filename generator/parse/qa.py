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

from dataclasses import dataclass, field

from ..model import Block, FootnoteRef, Line, Span

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


# --- written questions (Aanhangsel van de Handelingen, "Kamervragen") ---------------------------
#
# Detection by structure: a head "Vragen van het lid … (ingezonden …)" (old: "1425. VRAGEN van de
# heren …", OCR: "(Inge-zonden …)") starts a series of numbered questions; a head "Antwoord van
# minister … (ontvangen …)" (old: "ANTWOORD van de heer …", "Nader antwoord van …", the margin
# word "Antwoord" before it) starts the answers. A "Mededeling van …" head (a notice that the answer
# will be late) stops the series. Questions and answers are numbered "1.", "1 ", "1Is …" (OCR),
# "Vraag 1" / "Antwoord 1" (modern, also "Vraag 4 en 5"), or a number alone on a line; OCR pages
# keep several on one line ("(Ingezonden …) 1 Is het …? 2 Zijn …?"): a number starts a question or
# answer when it is the next one of the series, stands at the start of a line or after a sentence
# end, and a capital follows. Unnumbered question paragraphs that fill a gap in the numbering
# exactly (the OCR lost the numbers) take the missing numbers; an answer without numbers replies to
# all questions of its series at once. A page that opens with numbered answers before any head
# continues the answers of an item on the page before (series 1; its text before "2" is answer 1).
# A paragraph among the answers that ends on a question mark and
# holds the next question's number ("… komen? 4 Is …?") is questions printed after the answer (the
# OCR read the columns out of order).

INGEZONDEN = re.compile(r"\(\s*(?:in-?\s?ge-?\s?zonden|ontvan-?\s?gen|ont-?\s?vangen)\b[^()]{0,60}\)\.?", re.IGNORECASE)
QHEAD = re.compile(r"^(?:\d{1,5}\.\s+)?(?:VRAGEN|Vragen)\s+(?:gesteld\s+)?van\s+(?:het\s+(?:kamer)?lid|de\s+leden|"
                   r"de\s+(?:heer|heren)|mevrouw|de\s+dames|het\s+Kamerlid)\b")
AHEAD = re.compile(r"^(?:(?:Nader\s+)?(?:[Aa]ntwoord|ANTWOORD|Mededeling)\s+)?"
                   r"(?:(?:Nader\s+)?(?:[Aa]ntwoord|ANTWOORD)|Mededeling|MEDEDELING)\s+van\b")
MARGIN_WORD = re.compile(r"^(?:Nader\s+)?(?:[Aa]ntwoord|ANTWOORD|Mededeling)$")
# where a head starts inside a line, after a sentence end: "… Verenigde Naties? ANTWOORD van …"
INLINE_HEAD = re.compile(r"(?<=[.?!)'\"”])\s+(?=(?:Nader\s+)?(?:Antwoord|ANTWOORD|Mededeling)(?:\s+(?:Nader\s+)?"
                         r"(?:[Aa]ntwoord|Mededeling))?\s+van\s)")
ITEM_NUMBER = re.compile(r"^\d{1,5}$")
GAP_MAX = 3                         # numbers a paragraph start may skip (lost in the OCR)
HEAD_LINES = 5                      # a head wrapped over at most this many lines
# "Vraag 1", "Vragen 4 en 5", "Antwoord 1", "Antwoord op vraag 2", "Antwoord vragen 4 en 5:" (modern)
NUMS = r"(?P<num>\d{1,3})(?P<more>(?:\s*(?:,|en|t/m|tot en met|-|–)\s*\d{1,3})*)"
QLABEL = re.compile(rf"^(?P<label>Vra(?:ag|gen)\s+{NUMS})\s*[:.]?(?:\s+|$)")
ALABEL = re.compile(rf"^(?P<label>Antwoord(?:\s+op)?(?:\s+vra(?:ag|gen))?\s+{NUMS})\s*[:.]?(?:\s+|$)")
# "1. Kunnen …", "1 Is het …", "1Zullen …", "2 en 3 In het licht …", "1" alone on a line
LEAD_NUMBER = re.compile(r"^(?P<label>(?P<num>\d{1,2})(?:\s+en\s+(?P<more>\d{1,2}))?)(?:[.)]\s*|\s+|(?=[A-Z„\"'])|$)"
                         r"(?=[A-Z„\"'‘“]|$)")
INLINE_NUMBER = re.compile(r"(?<=[.?!:;'\"”’»)])\s+(?P<label>(?P<num>\d{1,2})(?:\s+en\s+(?P<more>\d{1,2}))?)"
                           r"(?:\.\s*|\s+|(?=[A-Z]))(?=[A-Z„\"'‘“])")
PARTY = re.compile(r"(?P<names>[^()]*?)\s*\((?:beiden\s+|allen\s+)?(?P<party>(?![^()]*\d{4})[^()]{1,40})\)")
ASKERS_START = re.compile(r"\bvan\s+(?:het\s+(?:kamer)?lid|de\s+leden|de\s+(?:heer|heren)|mevrouw|de\s+dames|het\s+Kamerlid)\s+",
                          re.IGNORECASE)
TOPIC_WORD = re.compile(r"\s(?:over|betreffende|naar aanleiding|inzake|voor|aan|omtrent|met betrekking)\s")
# the formulas that open an answer ("Ja.", "Neen.", "Deze vraag kan bevestigend worden beantwoord.",
# "Zie het antwoord op vraag 3."): when answers lost their numbers, such a paragraph starts the next
# answer, and so does the paragraph after an answer that is such a formula alone
ANSWER_FORMULA = re.compile(r"^(?:Ja|Neen|Nee)\b|^(?:Deze|Die|Beide) vra(?:ag|gen)\b|^(?:Zie (?:ook )?)?[Hh]et antwoord op "
                            r"(?:de )?vra(?:ag|gen)\b|^Het (?:eerste|tweede) deel van (?:de|deze) vraag\b")
QUESTION_END = re.compile(r"\?[\W\d]{0,4}$")


@dataclass
class Segment:
    """A stretch of a Kamervragen letter: its role and its (possibly split) lines."""

    role: str                       # plain | qhead | ahead | note | question | answer
    lines: list[Line]
    series: int = 0                 # 1, 2, …: which "Vragen van …" head it belongs to
    number: str = ""                # first question/answer number
    numbers: list[int] = field(default_factory=list)
    label: str = ""                 # the number label as written when it is not a plain number
    askers: list[tuple[str, str]] = field(default_factory=list)
    first_line: int = 0             # the line of its label ("Vraag 1" on a line of its own)


def askers_of(head: str) -> list[tuple[str, str]]:
    """'Vragen van de leden Bolkestein en Joekes (beiden V.V.D.) over …' -> [('Bolkestein', 'VVD'),
    ('Joekes', 'VVD')]. Party abbreviations lose their dots ('P.v.d.A.' -> 'PvdA')."""
    m = ASKERS_START.search(head)
    if not m:
        return []
    rest = INGEZONDEN.split(head[m.end():], maxsplit=1)[0]
    out: list[tuple[str, str]] = []
    pos = 0
    for p in PARTY.finditer(rest):
        if TOPIC_WORD.search(" " + p.group("names") + " ") and out:
            break
        pos = p.end()
        party = p.group("party").replace(".", "").strip()
        for name in re.split(r"\s*,\s*|\s+en\s+", re.sub(r"^(?:en\s+)", "", p.group("names").strip(" ,"))):
            if name:
                out.append((" ".join(name.split()), party))
    if not out:
        names = TOPIC_WORD.split(" " + rest + " ", maxsplit=1)[0]
        out = [(" ".join(n.split()), "") for n in re.split(r"\s*,\s*|\s+en\s+", names.strip()) if n.strip()]
    return out


def askers_label(askers: list[tuple[str, str]]) -> str:
    """The grouping of a series of questions: the party of the asking members when they share one
    ('VVD'); else each member with party ('Verspaget (PvdA), Huibers (CDA)'); names without party."""
    parties = list(dict.fromkeys(p for _n, p in askers))
    if len(parties) == 1 and parties[0]:
        return parties[0]
    return ", ".join(f"{n} ({p})" if p else n for n, p in askers)


def has_questions(lines: list[Line]) -> bool:
    return any(QHEAD.match(l.text) for l in lines)


def kamervragen(lines: list[Line], party=None) -> list[Segment] | None:
    """The letter as segments when it holds written questions ('Vragen van … (ingezonden …)'),
    else None. `party` writes a party as the site does (kinds.yml: "Groen Links" -> "GroenLinks");
    without it a party only loses its dots."""
    if not has_questions(lines):
        return None
    segs = _number_series(_segments(lines))
    askers: dict[int, list[tuple[str, str]]] = {
        s.series: [(name, party(p) if party and p else p) for name, p in s.askers] for s in segs if s.role == "qhead"}
    for s in segs:
        s.askers = askers.get(s.series, [])
    return segs


def _piece(line: Line, start: int, end: int | None = None) -> Line:
    text = line.text[start:end].strip()
    return Line(line.no, text, line.width, line.page_start and start == 0)


def _head_end(lines: list[Line], i: int) -> tuple[int, int] | None:
    """(line index, offset) just after the '(ingezonden …)' / '(ontvangen …)' that ends a head
    starting at lines[i], also when a line break falls inside the parenthesis; None when no such
    parenthesis follows within HEAD_LINES lines."""
    joined, starts = "", []
    for k in range(i, min(i + HEAD_LINES, len(lines))):
        if k > i and (QHEAD.match(lines[k].text) or AHEAD.match(lines[k].text)):
            return None
        starts.append(len(joined))
        joined += lines[k].text + " "
        m = INGEZONDEN.search(joined)
        if m:
            end = m.end()
            idx = max(j for j, st in enumerate(starts) if st < end)
            return i + idx, min(end - starts[idx], len(lines[i + idx].text))
    return None


def _segments(lines: list[Line]) -> list[Segment]:
    """Split the lines at heads, and at question/answer numbers: roles and raw numbers."""
    segs: list[Segment] = []
    mode = "plain"                  # plain | questions | answers | note
    series = 0
    if _opens_in_answers(lines):    # a page that opens in the answers of an item on the page before
        mode, series = "answers", 1
    expected = 1                    # next number of the part being read
    queue = [l for l in lines]
    queue.reverse()                 # a stack: pieces of a split line go back on it
    blank_before = True
    headless: set[int] = set()      # ids of lines known to hold no answer head inside
    while queue:
        line = queue.pop()
        text = line.text
        if not text:
            blank_before = True
            continue
        new_para = blank_before
        blank_before = False
        # a head that starts inside the line: split it off
        # (searched once per source line: pieces of a line without one have none either)
        if mode in ("questions", "answers") and id(line) not in headless:
            m = INLINE_HEAD.search(text)
            if m and m.start() > 0:
                queue.append(_piece(line, m.end()))
                queue.append(_piece(line, 0, m.start()))
                headless.add(id(queue[-1]))
                blank_before = False
                continue
            if m is None:
                headless.add(id(line))
        if MARGIN_WORD.match(text) and AHEAD.match(_next_text(queue)):
            segs.append(Segment("ahead", [line], series))   # "Antwoord" in the margin, then its head
            continue
        if ITEM_NUMBER.match(text) and QHEAD.match(_next_text(queue)):
            # the Aanhangsel's item number ("1132") stands above the next questions: part of their head
            series += 1
            mode = "questions"
            segs.append(Segment("qhead", [line], series))
            continue
        is_q, is_a = QHEAD.match(text), AHEAD.match(text)
        if (is_q or is_a) and _head_end([line] + queue[:-HEAD_LINES - 1:-1], 0) is not None:
            if is_q and segs and segs[-1].role == "qhead" and len(segs[-1].lines) == 1 and \
                    ITEM_NUMBER.match(segs[-1].lines[0].text):
                segs[-1].lines.append(line)             # after its item number (series counted there)
                _finish_head(segs[-1], queue)
                segs[-1].askers = askers_of(" ".join(l.text for l in segs[-1].lines))
                expected, blank_before = 1, True
                continue
            if is_q:
                series += 1
                mode = "questions"
            else:
                mode = "note" if re.match(r"^(?:Mededeling|MEDEDELING)\b", text) else "answers"
            if segs and segs[-1].role == "ahead" and len(segs[-1].lines) == 1 and MARGIN_WORD.match(segs[-1].lines[0].text):
                segs[-1].lines.append(line)
                seg = segs[-1]
            else:
                seg = Segment("qhead" if is_q else "ahead", [line], series)
                segs.append(seg)
            _finish_head(seg, queue)
            if is_q:
                seg.askers = askers_of(" ".join(l.text for l in seg.lines))
            expected = 1
            blank_before = True
            continue
        if mode in ("plain", "note"):
            _append(segs, "plain", line, series, new_para)
            continue
        # questions or answers: a label or a number starts the next one
        role = "question" if mode == "questions" else "answer"
        lab = QLABEL.match(text) or ALABEL.match(text)
        if lab:
            role = "question" if lab.re is QLABEL else "answer"
            mode = "questions" if role == "question" else "answers"      # modern: "Vraag 1", "Antwoord 1", …
            nums = _numbers(lab)
            rest = text[lab.end():]
            segs.append(Segment(role, [], series, str(nums[0]), nums, " ".join(lab.group("label").split()),
                                first_line=line.no))
            expected = nums[-1] + 1
            if rest.strip():
                queue.append(_piece(line, lab.end()))
                if id(line) in headless:
                    headless.add(id(queue[-1]))
                blank_before = False
            continue
        lead = LEAD_NUMBER.match(text)
        if lead and _fits(int(lead.group("num")), expected, new_para or _ends_sentence(segs)):
            nums = _numbers(lead)
            label = "" if not lead.group("more") else f"{'Vraag' if role == 'question' else 'Antwoord'} {lead.group('label')}"
            seg = Segment(role, [], series, str(nums[0]), nums, label, first_line=line.no)
            segs.append(seg)
            expected = nums[-1] + 1
            rest = text[lead.end():]
            if rest.strip():
                queue.append(_piece(line, lead.end()))
                if id(line) in headless:
                    headless.add(id(queue[-1]))
                blank_before = False
            continue
        if role == "answer" and new_para and QUESTION_END.search(text) and \
                _displaced_questions(text, _next_question(segs, series)):
            # questions printed after the answer (OCR read the columns out of order): read as questions
            mode, expected = "questions", _next_question(segs, series)
            queue.append(line)
            blank_before = True
            continue
        # a following number inside the line: split there
        for m in INLINE_NUMBER.finditer(text):
            if int(m.group("num")) in (expected, expected + 1) and (role == "answer" or "?" in text[m.end():]):
                queue.append(_piece(line, m.start()))
                queue.append(_piece(line, 0, m.start()))
                if id(line) in headless:
                    headless.update((id(queue[-1]), id(queue[-2])))
                blank_before = new_para        # the first piece starts a paragraph where the line did
                break
        else:
            starts_new = new_para or (segs and segs[-1].lines and QUESTION_END.search(segs[-1].lines[-1].text)
                                      and text[:1].isupper())
            _append(segs, role, line, series, starts_new, numbered_only=True)
            continue
    return segs


def _opens_in_answers(lines: list[Line]) -> bool:
    """The text before the first head holds numbered paragraphs in sequence ("2 Voor een overzicht …",
    "3 De begrotingshoofdstukken …"): the page opens in the answers of an item on the page before."""
    numbers = []
    for line in lines:
        if QHEAD.match(line.text) or AHEAD.match(line.text):
            break
        m = LEAD_NUMBER.match(line.text)
        if m and len(line.text) > m.end() + 20:
            numbers.append(int(m.group("num")))
    return any(b == a + 1 for a, b in zip(numbers, numbers[1:]))


def _next_question(segs: list[Segment], series: int) -> int:
    """The number the next question of the series would have."""
    for s in reversed(segs):
        if s.series != series:
            break
        if s.role == "question" and s.numbers:
            return s.numbers[-1] + 1
    return 1


def _displaced_questions(text: str, q_next: int) -> bool:
    """A paragraph of the answers part that is questions: it ends on a question mark and holds the
    next question's number after a question ("… komen? 4 Is de Nederlandse Regering … loopt?"; the
    question before it lost its number)."""
    if not QUESTION_END.search(text):
        return False
    return any(int(m.group("num")) in (q_next, q_next + 1) and "?" in text[:m.start()] and "?" in text[m.end():]
               for m in INLINE_NUMBER.finditer(text))


def _next_text(queue: list[Line]) -> str:
    """The next non-empty line on the stack (blank lines, e.g. where a footnote was lifted out, do not
    part the margin word "Antwoord" or an item number from the head below it)."""
    for k in range(len(queue) - 1, max(-1, len(queue) - 4), -1):
        if queue[k].text:
            return queue[k].text
    return ""


def _finish_head(seg: Segment, queue: list[Line]) -> None:
    """Take the head's lines up to its '(ingezonden …)'; what follows on that line goes back."""
    k, end = _head_end(seg.lines[-1:] + queue[:-HEAD_LINES - 1:-1], 0)
    for _ in range(k):
        seg.lines.append(queue.pop())
    last = seg.lines[-1]
    if last.text[end:].strip():
        seg.lines[-1] = _piece(last, 0, end)
        queue.append(_piece(last, end))


def _numbers(m: re.Match) -> list[int]:
    first = int(m.group("num"))
    more = [int(n) for n in re.findall(r"\d{1,3}", m.group("more") or "")]
    if more and re.search(r"t/m|tot en met|-|–", m.group("more") or "") and more[-1] > first:
        return list(range(first, more[-1] + 1))
    return [first] + [n for n in more if n > first]


def _fits(n: int, expected: int, at_start: bool) -> bool:
    """A number at the start of a paragraph is the next one, or skips a few the OCR lost."""
    return at_start and expected <= n <= expected + GAP_MAX


def _ends_sentence(segs: list[Segment]) -> bool:
    if not segs or not segs[-1].lines:
        return True
    return bool(re.search(r"[.?!:;'\"”’»)][\W\d]{0,3}$", segs[-1].lines[-1].text))


def _append(segs: list[Segment], role: str, line: Line, series: int, new_para: bool, numbered_only: bool = False) -> None:
    """Add a line to the open segment, or start a new one at a paragraph break (in the questions
    or answers part: unnumbered for now, see _number_series)."""
    last = segs[-1] if segs else None
    if last is not None and (not last.lines or not new_para) and (
            last.role == role or (numbered_only and last.role in ("question", "answer"))):
        last.lines.append(line)
        return
    segs.append(Segment(role, [line], series))


def _number_series(segs: list[Segment]) -> list[Segment]:
    """Give unnumbered question paragraphs the numbers of an exact gap, join the others to the
    question before them; an answer part without any number answers all questions at once."""
    out: list[Segment] = []
    by_series: dict[int, list[Segment]] = {}
    for s in segs:
        if s.role in ("question", "answer"):
            by_series.setdefault(s.series, []).append(s)
    drop: set[int] = set()
    for series, items in by_series.items():
        answered = [n for s in items if s.role == "answer" for n in s.numbers]
        for role in ("question", "answer"):
            part = [s for s in items if s.role == role]
            # the answers tell how many questions there were: "… 4 …?" "…?" with answers 1-5
            asked = [n for s in items if s.role == "question" for n in s.numbers]
            end = (max(answered) + 1 if answered else None) if role == "question" else \
                (max(asked) + 1 if asked and answered else None)
            _fill_gaps(part, role, drop, end)
        questions = [int(s.number) for s in items if s.role == "question" and s.number]
        answers = [s for s in items if s.role == "answer" and id(s) not in drop]
        if answers and questions and not any(a.number for a in answers):
            first = answers[0]
            first.number, first.numbers = str(questions[0]), sorted(set(questions))
            first.label = f"Antwoord op vraag {questions[0]}–{questions[-1]}" if len(questions) > 1 else ""
            for a in answers[1:]:
                first.lines.extend([Line(a.lines[0].no, "")] + a.lines)
                drop.add(id(a))
    for s in segs:
        if id(s) in drop:
            continue
        if s.role in ("question", "answer") and not s.number:
            s.role = "plain"
        out.append(s)
    return out


def _fill_gaps(part: list[Segment], role: str, drop: set[int], end: int | None) -> None:
    prev = None                      # the last numbered segment
    run: list[Segment] = []          # unnumbered ones since
    for s in part + [None]:
        if s is not None and not s.number:
            run.append(s)
            continue
        if run:
            low = int(prev.numbers[-1]) if prev else 0
            high = int(s.number) if s is not None else end
            fits = (high is not None and high - low - 1 == len(run) and (prev is not None or role == "answer")
                    and (all("?" in r.lines[0].text for r in run) if role == "question"
                         else len(run) == 1))
            if fits:
                for k, r in enumerate(run, start=low + 1):
                    r.number, r.numbers = str(k), [k]
            elif prev is not None:
                host, free = prev, (high - 1 if high is not None else low) - low     # numbers left in the gap
                formula_only = _formula_only(prev)
                # questions: the paragraphs that ask something fill the gap when their count fits it exactly;
                # the others (a footnote the cleaning left, a remark) go with the question before them
                asking = {id(r) for r in run if "?" in " ".join(l.text for l in r.lines)}
                asking = asking if role == "question" and len(asking) == free else set()
                for r in run:
                    text = " ".join(l.text for l in r.lines if l.text)
                    if id(r) in asking or (role == "answer" and free > 0
                                           and (ANSWER_FORMULA.match(text) or formula_only)):
                        k = int(host.numbers[-1]) + 1
                        r.number, r.numbers, host, free = str(k), [k], r, free - 1
                    else:
                        host.lines.extend([Line(r.lines[0].no, "")] + r.lines)
                        drop.add(id(r))
                    formula_only = _formula_only(r) and r is host
        prev, run = (s, []) if s is not None else (prev, [])


def _formula_only(seg: Segment) -> bool:
    """An answer that is a formula and nothing more ("Deze vraag kan bevestigend worden beantwoord.")."""
    text = " ".join(l.text for l in seg.lines if l.text)
    return bool(ANSWER_FORMULA.match(text)) and len(text) <= 120 and not re.search(r"[.?!]\s+\S", text)
