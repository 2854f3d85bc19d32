"""Parse structure: Cleaned -> (blocks, footnotes).

A pure stage. Reads the clean lines of one letter and recognises headings (numbered `1.`,
roman `I.`, short title lines, the annex title), paragraphs, bullet items, figure captions, the
signature block and, in a written Q&A round, fractie contributions, questions and numbered
cabinet answers; written questions (Kamervragen) are found by qa.kamervragen before anything
else. Footnote markers are placed where they stood in the text. Every block keeps the range of
source lines it came from.

A heading needs evidence: a number ("1.", "II."), the document-type line of a Kamerstuk or the
sitting line of a Handelingen page (DOCUMENT_TYPES, SITTING: headings whatever follows them), or a
short line that text follows; never an address, dateline, salutation, addressee, name or signature
role, footnote, question, "Nr. 11" or page furniture (NOT_HEADING, FURNITURE).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Block, Cleaned, Footnote, Line, Note, Span
from . import footnotes as fn
from . import qa

NUMBERED = re.compile(r"^(?P<num>[IVX]{1,5}|\d{1,2})\.\s+(?P<title>\S.*)$")
BULLET = re.compile(r"^(?P<glyph>[−•▪◦●·‐–-])\s+(?P<text>.*)$")
SIGNATURE_ROLE = re.compile(r"^De ([Mm]inister|[Ss]taatssecretaris|[Mm]inister-[Pp]resident)\b")
# a name line: initials, capitalised names and name particles only ("S.A.M. Kaag", "Stef Blok  Sigrid A.M. Kaag")
NAME_LINE = re.compile(r"^(?:(?:[A-Z]\.)+|[A-Z][a-zà-ÿ’'-]+|van|de|der|den|ten|ter)(?:\s+(?:(?:[A-Z]\.)+|[A-Z][a-zà-ÿ’'-]+|van|de|der|den|ten|ter)){0,9}$")
# a signer's name as older pages print it, after its role or the role's second column: "J. LUNS.",
# "J. W. BEYEN.", "van Buitenlandse Zaken, J. LUNS."
PRINTED_NAME = re.compile(r"(?:^|,\s+)(?:[A-Z]\.\s?)+\s*(?:(?:van|de|der|den|ter)\s+)*[A-Z][A-ZÀ-Ý'’-]+(?:\s+[A-Z][A-ZÀ-Ý'’-]+)*\.?$")
INITIALS = re.compile(r"^(?:[A-Z]\.\s?)+\s*[A-Z]")
TERMINAL = (".", ",", ";", ":", "?", "!")
SENTENCE_END = re.compile(r"[.!?:;][»”’\")]*$")
HEADING_MAX = 100
ANNEX_TITLE_MAX = 160
TYPED_HEADING_MAX = 320             # a document-type line may carry its subject and "(Ingezonden …)"

# The document-type line of a Kamerstuk: in capitals, the type's words first ("BRIEF VAN DE MINISTER
# VAN BUITENLANDSE ZAKEN", "MEMORIE VAN ANTWOORD (Ingezonden bij brief van 29 september 1970)",
# "GEWIJZIGDE MOTIE VAN DE LEDEN …", "1259 EINDVERSLAG DER COMMISSIE …"). Hand-written from the
# Kamerstukken of 1946-2023 (tests/fixtures/sgd, tests/fixtures/layouts). Kept here, not in
# content/knowledge/: these are the words that open the line, a matter of this stage's grammar; the
# kinds of document (what a reader is told, how it is cited) are content/knowledge/kinds.yml.
DOCUMENT_TYPES = ("BRIEF", "BRIEVEN", "MOTIE", "NOTA", "MEMORIE VAN TOELICHTING", "MEMORIE VAN ANTWOORD",
                  "VERSLAG", "EINDVERSLAG", "AMENDEMENT", "VOORSTEL VAN WET", "VOORSTEL VAN RIJKSWET",
                  "OORSPRONKELIJKE TEKST", "ADVIES", "NADER RAPPORT", "RAPPORT", "LIJST VAN VRAGEN EN ANTWOORDEN",
                  "KONINKLIJKE BOODSCHAP", "NOTA VAN WIJZIGING", "VERSLAG VAN EEN")
DOCUMENT_TYPE_QUALIFIERS = ("GEWIJZIGDE", "GEWIJZIGD", "NADERE", "NADER", "VOORLOPIG", "AANVULLENDE",
                            "AANVULLEND", "TWEEDE", "DERDE", "NIEUWE", "NIEUW")
# the same in the title case of some 1970s pages, only on a line of its own:
# "Brief van de Minister voor Ontwikkelingssamenwerking", "Motie van het lid …"
DOCUMENT_TYPE_TITLE = re.compile(r"^(?:Brief|Motie|Amendement|Nota) van (?:de|het) (?:[Mm]inisters?|"
                                 r"[Ss]taatssecretaris|[Mm]inister-[Pp]resident|lid|leden)\b")
_QUAL = "|".join(DOCUMENT_TYPE_QUALIFIERS)
_TYPES = "|".join(sorted((re.escape(t) for t in DOCUMENT_TYPES), key=len, reverse=True))
# "Nr. 462 BRIEF …": the number is the Kamerstuk's number, not part of the heading (split off)
DOCUMENT_NUMBER = re.compile(r"^N[ro]\.?\s*\d{1,4}\s+")
DOCUMENT_TYPE = re.compile(rf"^(?:\d{{1,5}}\s+)?(?:(?:{_QUAL})\s+)?(?:{_TYPES})(?=$|\s|\()")


def _sitting_pattern() -> re.Pattern:
    """The sitting line of a Handelingen page: "50STE VERGADERING", "21ste Vergadering" (OCR "ISTE"),
    "VERGADERING VAN DINSDAG 20 JUNI 1950 (…)"; Dutch day names from Babel."""
    from babel.dates import get_day_names
    days = "|".join(get_day_names("wide", locale="nl").values())
    return re.compile(rf"^(?:[\dIl]{{1,3}}\s?(?:ste|de|e)\s+vergadering|vergadering\s+van\s+(?:{days})\b.*)$",
                      re.IGNORECASE)


SITTING = _sitting_pattern()
# a section label that numbers a title: "Onderafdeling III. BETONNING …", "Hoofdstuk 2. …"
SECTION_LABEL = re.compile(r"^(?:(?:Onder)?[Aa]fdeling|Hoofdstuk|Paragraaf|Titel|Deel)\s+(?:[IVXLC]{1,6}|\d{1,3})[A-Z]?\.\s")
# a letter label: "A. Voorstel van Rijkswet" (a heading when the letter has the label next to it too;
# "I." is also the roman one: "I. Algemeen")
LETTER_LABEL = re.compile(r"^(?P<letter>[A-I])\.\s+[A-Z]")


@dataclass
class Unit:
    """A provisional block: lines plus what they look like."""

    kind: str                       # heading | paragraph | bullet | label | fractie | signature
    lines: list[Line]
    whole_chunk: bool = False       # a heading that stood alone between blank lines
    number: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.text_and_starts()[0]

    def text_and_starts(self) -> tuple[str, list[tuple[int, int]]]:
        """The running text (whitespace runs collapsed) and where each source line starts in it."""
        parts, starts, offset = [], [], 0
        for line in self.lines:
            words = " ".join(line.text.split())
            if not words:
                continue
            starts.append((offset, line.no))
            parts.append(words)
            offset += len(words) + 1
        return " ".join(parts), starts

    @property
    def span(self) -> Span:
        return Span(self.lines[0].no, max(l.end for l in self.lines))


@dataclass
class Parsed:
    blocks: list[Block]
    footnotes: list[Footnote]
    warnings: list[str]             # "LINE: message", line in the source file


def parse_letter(cleaned: Cleaned, party=None) -> Parsed:
    full = _full_width(cleaned.lines)
    segments = qa.kamervragen(cleaned.lines, party)
    if segments is None:
        units = _chunk_units(_chunks(cleaned.lines), full, _letter_sections(cleaned.lines))
    else:
        units = _kamervragen_units(segments, full)
    units = _mark_signature(units)
    blocks, starts = _to_blocks(units)
    footnotes, warnings = _place_footnotes(blocks, starts, [n for n in cleaned.notes if n.kind == "footnote"])
    blocks = qa.group(blocks)
    blocks = _insert_captions(blocks, [n for n in cleaned.notes if n.kind == "caption"])
    _assign_anchors(blocks)
    return Parsed(blocks, footnotes, warnings)


def _kamervragen_units(segments: list[qa.Segment], full: int) -> list[Unit]:
    """Units of a letter with written questions: heads, numbered questions and answers as found
    by qa.kamervragen; the text around them (page header, notices) parsed as usual."""
    units: list[Unit] = []
    for seg in segments:
        if seg.role == "plain":
            units += _chunk_units(_chunks(seg.lines), full)
        elif any(l.text for l in seg.lines):
            units.append(Unit(seg.role, seg.lines, number=seg.number, extra={"segment": seg}))
    return units


# --- chunks and units ------------------------------------------------------------------------

def _chunks(lines: list[Line]) -> list[list[Line]]:
    chunks: list[list[Line]] = [[]]
    for line in lines:
        if line.text:
            chunks[-1].append(line)
        elif chunks[-1]:
            chunks.append([])
    return [c for c in chunks if c]


def _full_width(lines: list[Line]) -> int:
    widths = sorted(l.width for l in lines if l.text)
    return widths[int(len(widths) * 0.9)] if widths else 80


# a title does not end on a word that needs a continuation
OPEN_END = re.compile(r"\b(de|het|een|van|in|op|voor|met|en|of|te|aan|bij|om|tot|door|over|naar|uit|als|die|dat|"
                      r"zijn|is|the|an|a|and|on|for)$", re.IGNORECASE)


# Page furniture that the cleaning stage may have left: no title, and no text a title could lead into.
FURNITURE = re.compile("|".join([
    r"^[\d\W]+$",                                                   # a page or item number: "2077", "1038 5"
    r"^(?:Eerste|Tweede) Kamer\b|^Aanhangsel\b.*\bHandelingen\b",     # the chamber's page header
    r"(?i:\b(?:zitting|vergaderjaar)\s+\d{4})",                        # session: "Zitting 1970-1971 -10 594"
    r"\bISSN\s?\d",                                                     # printer line: "016225F ISSN0921 7371 SDU …"
    r"^(?:\d+\s+)?[Vv]e[l!]\s*\d*$",                                   # sheet mark: "Vel 419", "2 vel"
]))
# Lines that have a heading's shape but are none (checked on every heading candidate). Hand-written
# from the letters and the SGD pages (tests/test_parse_layouts.py has examples):
NOT_HEADING = re.compile("|".join([FURNITURE.pattern,
    r"^[A-Z][\w'’ -]*,\s+\d{1,2}\s?[A-Za-zé]+\.?\s+\d{4}\.?$",       # dateline: "Den Haag, 15 mei 2020"
    r"^[’']s[- ]Gravenhage\b",                                       # "'s-Gravenhage, 30 December 1949."
    r"^(?:Geachte|Hooggeachte|Zeer geachte|Hoogedelgestrenge|Hoogedelgeboren|Hoogedel|Excellentie|Mijnheer de|"
    r"Mevrouw de|Dear|Sir)\b",                                         # salutation
    r"^Aan (?:de|het|Zijne|Hare|den) ",                              # addressee: "Aan de Voorzitter van de Tweede Kamer"
    r"\b\d{4}\s?[A-Z]{2}\b|^Postbus\b|^www\.|@|https?://",             # address: postcode, Postbus, web, mail
    r"^[A-Z][\w-]*(?:straat|weg|laan|plein|gracht|kade|singel|hof|voorhout)\s+\d+",   # street and number
    r"^[A-Z]{2,}[-/ ]?\d{4,}",                                          # a reference code: "BZDOC-151021554-15"
    r"^(?:Datum|Betreft|Onze [Rr]eferentie|Uw [Rr]eferentie|Uw brief|Kenmerk|Bijlage\(n\)|Contactpersoon)\b",
    r"^(?:Tijdelijke?\s+)?Voorzitter:",                               # "Voorzitter: de heer Kranenburg"
    r"^De ([Mm]inister|[Ss]taatssecretaris|[Mm]inister-[Pp]resident|[Vv]oorzitter|[Gg]riffier)\b",  # signature role
    r"^\d{1,3}\s+(?!\d)(?=.*\b(?:[Zz]ie|Kamerstuk|Handelingen|blz|nr|p)\b)",   # a footnote: "1 Zie Handelingen blz. 1339"
    r"^N[ro]\.?\s*\d{1,4}$",                                           # the Kamerstuk's number: "Nr. 11", "Nr.37", "No. 3"
    r"^(?:Voorgesteld|Vastgesteld|Ontvangen|Ingezonden)\s+(?:\d|op\b|in\b)",   # a document's date line: "Voorgesteld 3 november 2022"
    r"^\d[\d.]*,\d",                                                   # an amount, a table cell: "2,25 mm Nieuw-Guinea"
]))


@lru_cache(maxsize=8192)
def _heading_line(text: str, sections: frozenset[str] = frozenset()) -> bool:
    """`sections`: the letter labels ("A", "B") that head sections in this letter (_letter_sections);
    "A. Voorstel van Rijkswet" is then a section, not a name like "J. Luns".
    (Kept for the last few thousand lines: a chunk split at an inner title is looked at again,
    and the same line is asked about as a chunk, a lead title and an inner title.)"""
    label = LETTER_LABEL.match(text)
    return (len(text) <= HEADING_MAX and not text.endswith(TERMINAL)
            and (text[:1].isupper() or text[:1].isdigit()) and not BULLET.match(text)
            and text.count("(") == text.count(")")
            and not re.search(r"[.?!] [A-Z]", SECTION_LABEL.sub("", re.sub(r"^([IVX]{1,5}|\d{1,2}|[A-H])\. ", "", text)))
            and not NOT_HEADING.search(text)
            and not (INITIALS.match(text) and NAME_LINE.match(text)       # a name: "S.A. Blok", "J. N. Scholten"
                     and not (label and label.group("letter") in sections)))


def _letter_sections(lines: list[Line]) -> frozenset[str]:
    """Letters that label sections: a short title line "A. …" counts when a line labelled with the
    letter next to it ("B. …") is in the letter too (a lone "J. Luns" is a name). "I. …" is the
    first roman section when "II. …" follows or the letter has lettered sections (A. > I. > 1.)."""
    found = {m.group("letter") for l in lines if (m := LETTER_LABEL.match(l.text))
             and len(l.text) <= HEADING_MAX and not l.text.endswith(TERMINAL)}
    sections = {c for c in found if c != "I" and (chr(ord(c) - 1) in found or chr(ord(c) + 1) in found)}
    if "I" in found and (sections or any(l.text.startswith("II. ") for l in lines)):
        sections.add("I")
    return frozenset(sections)


def _typed_heading(text: str, alone: bool) -> bool:
    """A document-type line ("BRIEF VAN DE MINISTER …"; in title case only on a line of its own) or
    the sitting line of a Handelingen page: a heading by what it says, whatever follows."""
    if len(text) > TYPED_HEADING_MAX or text.endswith((",", ";", ":")) or text.count("(") != text.count(")"):
        return False
    if SITTING.match(text):
        return True
    if DOCUMENT_TYPE.match(text):
        return not re.search(r"[.?!]\s+[A-Z][a-z]", text)        # no sentence of text run on after it
    return alone and len(text) <= HEADING_MAX and bool(DOCUMENT_TYPE_TITLE.match(text)) and not text.endswith(TERMINAL)


# What a line _typed_heading takes must start with (after an optional "Nr. 462 "): one regex for
# the three patterns, the cheap test that rules out almost every line first
_TYPED_START = re.compile(rf"(?:{DOCUMENT_NUMBER.pattern[1:]})?(?:(?i:{SITTING.pattern[1:]})"
                          rf"|{DOCUMENT_TYPE.pattern[1:]}|{DOCUMENT_TYPE_TITLE.pattern[1:]})")


def _typed_at(chunk: list[Line]) -> tuple[int, int] | None:
    """(index, number of lines) of a typed heading in the chunk; a document type in capitals, or
    one that ends on an open word ("… VAN DEFENSIE EN"), runs on over the capitals lines below it."""
    for k, line in enumerate(chunk):
        if not _TYPED_START.match(line.text):
            continue
        text = DOCUMENT_NUMBER.sub("", line.text)
        if _typed_heading(text, alone=len(chunk) == 1):
            n = 1
            while (k + n < len(chunk) and chunk[k + n].text.isupper()
                   and (OPEN_END.search(chunk[k + n - 1].text) or chunk[k + n - 1].text.isupper())
                   and sum(len(l.text) for l in chunk[k:k + n + 1]) <= TYPED_HEADING_MAX):
                n += 1
            return k, n
    return None


def _capitals_title(text: str) -> bool:
    """A document type in capitals ('BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN'): two words or
    more of letters, all capitals (not a reference code like 'BZDOC-151021554-15')."""
    return text.isupper() and len(re.findall(r"\b[^\W\d_]{2,}\b", text)) >= 2


def _short_line(chunk: list[Line]) -> bool:
    """A chunk of one line that is no text: no sentence end, no longer than a title."""
    return len(chunk) == 1 and len(chunk[0].text) <= HEADING_MAX and not SENTENCE_END.search(chunk[0].text)


def _chunk_units(chunks: list[list[Line]], full: int, sections: frozenset[str] = frozenset()) -> list[Unit]:
    """Units of consecutive chunks. A line standing alone is a title only when text follows it:
    in an address block or a list of names every line stands alone, and none is a title."""
    units: list[Unit] = []
    for i, chunk in enumerate(chunks):
        nxt = chunks[i + 1] if i + 1 < len(chunks) else None
        units += _split_chunk(chunk, full, followed_by_text=nxt is not None and not _short_line(nxt), sections=sections)
    return units


def _lead_title(line: Line, nxt: Line, full: int, sections: frozenset[str] = frozenset()) -> bool:
    """A title line run on into its text without a blank line ('1. Versterken …' / 'Het …'); not
    a name above another name (the signers of a motion: 'Zandbergen' / 'Oldenkamp')."""
    return (_heading_line(line.text, sections) and not (NAME_LINE.match(line.text) and NAME_LINE.match(nxt.text)) and (NUMBERED.match(line.text) or line.width < 0.8 * full)
            and not OPEN_END.search(line.text)
            and (nxt.text[:1].isupper() or nxt.text[:1].isdigit()
                 or (nxt.page_start and not SENTENCE_END.search(line.text)))   # text runs on from another page
            and not FURNITURE.search(nxt.text))                   # what follows is page furniture, not its text


def _split_chunk(chunk: list[Line], full: int, followed_by_text: bool = True,
                 sections: frozenset[str] = frozenset()) -> list[Unit]:
    first = chunk[0].text
    if qa.LABEL.match(first):
        return [Unit("label", chunk[:1], number=qa.LABEL.match(first).group("num"))] + \
            (_split_chunk(chunk[1:], full, followed_by_text, sections) if len(chunk) > 1 else [])
    if qa.FRACTIE.match(first):
        return [Unit("fractie", chunk[:1])] + (_split_chunk(chunk[1:], full, followed_by_text, sections) if len(chunk) > 1 else [])
    typed = _typed_at(chunk)
    if typed:
        k, n = typed
        units = _split_chunk(chunk[:k], full, sections=sections) if k else []
        head = list(chunk[k:k + n])
        number = DOCUMENT_NUMBER.match(head[0].text)
        if number:                      # "Nr. 462 BRIEF …": the number stays text, not heading
            units.append(Unit("paragraph", [qa._piece(head[0], 0, number.end())]))
            head[0] = qa._piece(head[0], number.end())
        units.append(Unit("heading", head, whole_chunk=True))
        if k + n < len(chunk):
            units += _split_chunk(chunk[k + n:], full, followed_by_text, sections)
        return units
    cut = _inner_title(chunk, full, sections)
    if cut:
        return _split_chunk(chunk[:cut], full, sections=sections) + _split_chunk(chunk[cut:], full, followed_by_text, sections)
    text = " ".join(l.text for l in chunk)
    # a chunk that is a heading as a whole ("I. Belang van … / landschap", "VERSLAG VAN DE …")
    numbered = NUMBERED.match(first) or ((m := LETTER_LABEL.match(first)) and m.group("letter") in sections)
    if (len(chunk) <= 2 and _heading_line(text, sections) and (len(chunk) == 1 or numbered or first.isupper())
            and (followed_by_text or numbered or _capitals_title(text))):
        return [Unit("heading", chunk, whole_chunk=True)]
    units: list[Unit] = []
    rest = chunk
    # a title line directly followed by text ("1. Versterken multilaterale samenwerking")
    if len(chunk) > 1 and _lead_title(chunk[0], chunk[1], full, sections):
        units.append(Unit("heading", chunk[:1]))
        rest = chunk[1:]
    units.extend(_paragraph_or_bullets(rest))
    return units


def _inner_title(chunk: list[Line], full: int, sections: frozenset[str] = frozenset()) -> int:
    """Index of a title that sits inside a chunk without blank lines around it: a short line
    after a sentence end, followed by text ('… in Nederland).' / 'Landensituaties' / 'Het …'); 0 if none."""
    for k in range(1, len(chunk) - 1):
        before, line, after = chunk[k - 1], chunk[k], chunk[k + 1]
        if (SENTENCE_END.search(before.text) and line.width < 0.6 * full and not line.page_start
                and _lead_title(line, after, full, sections) and not qa.LABEL.match(line.text)):
            return k
    return 0


def _paragraph_or_bullets(lines: list[Line]) -> list[Unit]:
    units: list[Unit] = []
    for line in lines:
        if BULLET.match(line.text):
            units.append(Unit("bullet", [line]))
        elif units:
            units[-1].lines.append(line)
        else:
            units.append(Unit("paragraph", [line]))
    return units


def _mark_signature(units: list[Unit]) -> list[Unit]:
    """The signature: 'De Minister van …,' followed by names; consecutive ones merge. Text that
    runs on in the same chunk after the names (an annex title at the next page) is split off."""
    out: list[Unit] = []
    queue = list(reversed(units))
    while queue:
        u = queue.pop()
        role = _role_lines(u)
        if role:
            names = role
            while names < len(u.lines) and _name_line(u.lines[names].text):
                names += 1
            sig, rest = u.lines[:names], u.lines[names:]
            if out and out[-1].kind == "signature":
                out[-1].lines.extend(sig)
            else:
                out.append(Unit("signature", sig))
            if rest:                    # the next signer's role, or text after the signature
                queue.append(Unit("paragraph", rest))
        elif (out and out[-1].kind == "signature" and u.kind in ("paragraph", "heading") and len(u.lines) <= 2
              and all(_name_line(l.text) for l in u.lines)):
            out[-1].lines.extend(u.lines)
        else:
            out.append(u)
    return out


def _name_line(text: str) -> bool:
    text = " ".join(text.split())
    return bool(NAME_LINE.match(text) or PRINTED_NAME.search(text))


def _role_lines(u: Unit) -> int:
    """How many lines of `u` form a signatory's role ('De Minister voor … ,'), 0 if none."""
    if u.kind not in ("paragraph", "heading") or not SIGNATURE_ROLE.match(u.lines[0].text):
        return 0
    for i, line in enumerate(u.lines[:3]):
        if line.text.endswith(","):
            return i + 1
    return 0


# --- blocks ----------------------------------------------------------------------------------

def _to_blocks(units: list[Unit]) -> tuple[list[Block], list[list[tuple[int, int]]]]:
    """Units -> blocks, plus for each block where its source lines start in its text."""
    blocks: list[Block] = []
    starts: list[list[tuple[int, int]]] = []
    state = {"part": "letter", "after_signature": False}
    for u in units:
        n = len(blocks)
        text, line_starts = ("", []) if u.kind in QA_UNITS else u.text_and_starts()    # made once per unit
        _unit_to_block(u, blocks, state, text)
        if len(blocks) > n and u.kind in QA_UNITS:
            starts.append(blocks[-1].line_starts)
        elif len(blocks) > n:
            cut = len(text) - len(blocks[-1].text)          # a bullet glyph taken off the front
            starts.append([(max(0, off - cut), no) for off, no in line_starts])
            blocks[-1].line_starts = starts[-1]
    _assign_levels(blocks)
    return blocks, starts


QA_UNITS = ("question", "answer", "qhead", "ahead")


def _paragraphs_text(lines: list[Line]) -> tuple[str, list[tuple[int, int]]]:
    """Running text of lines where an empty line separates paragraphs (qa.PARAGRAPH_SEP), and
    where each source line starts in it."""
    text, starts, sep = "", [], ""
    for line in lines:
        words = " ".join(line.text.split())
        if not words:
            sep = qa.PARAGRAPH_SEP if text else ""
            continue
        text += sep
        starts.append((len(text), line.no))
        text += words
        sep = " "
    return text, starts


def _qa_block(u: Unit, part: str) -> Block:
    seg = u.extra["segment"]
    text, starts = _paragraphs_text(u.lines)
    numbered = [l.no for l in u.lines if l.text]
    span = Span(min(numbered + ([seg.first_line] if seg.first_line else [])), max(numbered))
    if u.kind == "qhead":
        return Block("fractie", text, span, level=2, part=part, fractie=qa.askers_label(seg.askers),
                     line_starts=starts, series=seg.series, askers=list(seg.askers), label="questions-head")
    if u.kind == "ahead":
        return Block("heading", text, span, level=2, part=part, label="answers-head", line_starts=starts,
                     series=seg.series)
    return Block(u.kind, text, span, number=seg.number, label=seg.label, part=part, line_starts=starts,
                 series=seg.series, numbers=list(seg.numbers), fractie=qa.askers_label(seg.askers))


def _unit_to_block(u: Unit, blocks: list[Block], state: dict, text: str | None = None) -> None:
    """Append the block of `u`; `text` is u.text when the caller has it already."""
    part = state["part"]
    if u.kind in QA_UNITS:
        blocks.append(_qa_block(u, part))
        state["after_signature"] = False
        return
    if u.kind == "signature":
        blocks.append(Block("signature", "\n".join(l.text for l in u.lines), u.span,
                            lines=[" ".join(l.text.split()) for l in u.lines], part=part))
        state["after_signature"] = True
        return
    text = u.text if text is None else text
    if state["after_signature"] and u.kind in ("heading", "paragraph") and NOT_HEADING.search(text):
        # the addressee at the foot of older letters ("Aan de Heer Voorzitter …"): no annex title
        blocks.append(Block("paragraph", text, u.span, part=part))
        return
    if (state["after_signature"] and len(text) <= ANNEX_TITLE_MAX and u.kind in ("heading", "paragraph")
            and (not text[:1].isdigit() or NUMBERED.match(text))):       # "9800 V 61" is no title
        state["part"] = "annex"
        blocks.append(Block("heading", text, u.span, level=2, part="annex", label="annex-title"))
        state["after_signature"] = False
        return
    state["after_signature"] = False
    if u.kind == "heading":
        m = NUMBERED.match(text)
        blocks.append(Block("heading", text, u.span, number=m.group("num") if m else "", part=part,
                            label="whole" if u.whole_chunk else "lead"))
    elif u.kind == "bullet":
        m = BULLET.match(text)
        blocks.append(Block("bullet", m.group("text"), u.span, part=part, label=m.group("glyph")))
    elif u.kind == "label":
        blocks.append(Block("label", text, u.span, number=u.number, label=text, part=part))
    elif u.kind == "fractie":
        blocks.append(Block("fractie", text, u.span, part=part, fractie=qa.fractie_name(text)))
    else:
        blocks.append(Block("paragraph", text, u.span, part=part))


def _assign_levels(blocks: list[Block]) -> None:
    """Numbered headings are sections (h2), in the letter and in an annex alike; unnumbered ones
    are subsections (h3) once a numbered section has begun, or where the letter has no numbering,
    titles that stand alone are h2 and titles run on into their text are h3. In an annex without
    numbered sections every level is one deeper: its sections sit below the annex title (h2)."""
    for part in ("letter", "annex"):
        heads = [b for b in blocks if b.kind == "heading" and b.part == part
                 and b.label not in ("annex-title", "answers-head")]
        numbered = any(b.number for b in heads)
        shift = 1 if part == "annex" and not numbered else 0
        seen_numbered = seen_h2 = False
        for b in heads:
            if b.number:
                level = 2
                seen_numbered = True
            elif numbered:
                level = 3 if seen_numbered else 2
            else:
                level = 2 if (b.label == "whole" or not seen_h2) else 3
            seen_h2 = seen_h2 or level == 2
            b.level = level + shift


def _place_footnotes(blocks: list[Block], starts: list[list[tuple[int, int]]],
                     notes: list[Note]) -> tuple[list[Footnote], list[str]]:
    keep = [i for i, b in enumerate(blocks) if b.kind in ("paragraph", "bullet", "heading", "question", "answer")
            or b.label == "questions-head"]
    targets = [blocks[i] for i in keep]
    texts = [b.text for b in targets]
    line_of = [starts[i] for i in keep]
    located, missing = fn.locate(texts, line_of, notes)
    by_block: dict[int, list[fn.Located]] = {}
    for loc in located:
        by_block.setdefault(loc.block, []).append(loc)
    for i, locs in by_block.items():
        targets[i].text, targets[i].footnote_refs = fn.strip_markers(targets[i].text, locs)
        targets[i].line_starts = fn.shift_starts(targets[i].line_starts, locs)
    warnings = []
    for note in missing:
        # keep the footnote: reference it at the end of the text it interrupted
        host = next((b for b in reversed(targets) if b.span.start <= note.after_line), targets[0] if targets else None)
        if host is not None:
            host.footnote_refs.append(fn.FootnoteRef(len(host.text), note.number))
        warnings.append(f"{note.span.start}: marker of footnote {note.number} not found in the text; "
                        f"referenced at the end of the paragraph before it")
    footnotes = [Footnote(n.number, n.text, n.span, anchor=f"fn:{n.number}", line_starts=n.line_starts)
                 for n in notes]
    return footnotes, warnings


def _insert_captions(blocks: list[Block], captions: list[Note]) -> list[Block]:
    out = list(blocks)
    for cap in captions:
        idx = max((i for i, b in enumerate(out) if b.span.start <= cap.after_line), default=-1)
        part = out[idx].part if idx >= 0 else "letter"
        out.insert(idx + 1, Block("caption", cap.text, cap.span, number=cap.number, part=part,
                                  line_starts=list(cap.line_starts)))
    return out


def _series_prefix(b: Block) -> str:
    """Questions of a second, third … series in one letter (an Aanhangsel page with several sets
    of Kamervragen) are numbered from 1 again: 'antwoord-2-1' is answer 1 of the second series."""
    return f"{b.series}-" if b.series > 1 else ""


def _assign_anchors(blocks: list[Block]) -> None:
    from slugify import slugify
    used: set[str] = set()
    counter = 0
    for b in blocks:
        if b.kind in ("paragraph", "bullet"):
            counter += 1
            b.anchor = f"p-{counter}"
        elif b.kind == "answer":
            b.anchor = f"antwoord-{_series_prefix(b)}{b.number}"
        elif b.kind == "question":
            b.anchor = f"vraag-{_series_prefix(b)}{b.number}" if b.number else ""
        elif b.kind in ("heading", "fractie"):
            base = slugify(b.text, max_length=60, word_boundary=True) or "sectie"
            anchor, n = base, 2
            while anchor in used:
                anchor, n = f"{base}-{n}", n + 1
            b.anchor = anchor
        elif b.kind == "caption":
            b.anchor = slugify(b.number)
        elif b.kind == "signature":
            b.anchor = "ondertekening"
        if b.anchor:
            if b.anchor in used and b.kind not in ("heading", "fractie"):
                b.anchor = f"{b.anchor}-{len(used)}"
            used.add(b.anchor)
