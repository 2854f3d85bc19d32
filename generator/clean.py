"""Clean PDF artefacts: Source -> Cleaned.

A pure stage. It turns the raw, PDF-extracted lines of one letter into clean lines:

- page furniture (letterhead, running headers, reference numbers, page footers) is taken out,
  also where it sits in the middle of a sentence, and recorded as `Furniture`;
- footnote bodies and figure captions at the bottom of a page are lifted out as `Note`s;
- page breaks are healed: a paragraph that runs on to the next page becomes one paragraph again;
- line-end hyphenation is undone where the hyphen only split a word (`lidmaat-`+`schap`), and kept
  where it belongs to the word (`VN-`+`hervormingen`, `Noord-`+`Korea`);
- a blank line ('') separates paragraphs in the result.

Every remaining line keeps its source line number.

The page furniture of every layout is data: named patterns in content/knowledge/layouts.yml,
compiled by layouts.py and passed in as `layouts` (without it, the repository's own file is used).
OCR pages (Staten-Generaal Digitaal, one long line per paragraph) get three more repairs: every
line is a paragraph unless it visibly runs on, footnote bodies set among the paragraphs are lifted
out where their marker is glued to a word elsewhere ("Defensie1"), and hyphens the OCR left inside
a line from the printed line ends ("Com-missie") are joined when the corpus and the dictionary
agree.
"""
from __future__ import annotations

import collections
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import layouts as layouts_mod
from . import printed_pages
from .layouts import HEAD_LINES, Layouts
from .model import Cleaned, Furniture, Line, Note, Source, Span

# Page furniture: named patterns in content/knowledge/layouts.yml (see layouts.py).
PAGE_NUMBER = re.compile(r"^\d{1,4}$")

# Letterhead: the address block before the salutation of a Rijksoverheid letter.
SALUTATION = re.compile(r"^(Geachte (voorzitter|Voorzitter)|Hierbij)\b")
LETTERHEAD_MAX_LINES = 80

SENTENCE_END = re.compile(r"[.!?:;][»”’\")]*$")
FOOTNOTE_START = re.compile(r"^(\d{1,3}) (\S.*)$")
CAPTION_START = re.compile(r"^(Figuur|Tabel|Grafiek|Kaart) (\d+)[:.] ?(.*)$")
BULLET = re.compile(r"^[−•▪◦●·‐–-] ")
# A word with one hyphen inside a line: "Com-missie", "VN-vredesmacht" (candidates for OCR joins).
# (Also the last hyphen of a chain: "VN-vredes-macht", "Unifil-comman-do".)
INLINE_HYPHEN = re.compile(r"(?<![\w’'-])((?:[^\W\d_]+-){0,3}[^\W\d_]+)-([^\W\d_]+)(?![\w’'-])")
# A footnote marker glued to the end of a word in OCR text: "Defensie1 en", "Zaken2 hebben".
GLUED_MARKER = re.compile(r"(?<=[a-zà-ÿ?!)])(\d{1,2})(?=[\s.,;:)]|$)"        # Defensie1, AIDS?2
                          r"|(?<=[^\W\d_]|[\"”’'])(\d{1,2})\)"                  # organisaties"1).  (older)
                          r"|(?<=[a-z] (?:1[89]|20)\d\d)(\d)(?=[\s.,;:)]|$)"       # 5 april 19942: a year, then 2
                          r"|(?<=[A-Z]{3})(\d)(?=\s|$)")                          # NADIEN GEWIJZIGD1 (a title in capitals)
OCR_FOOTNOTE = re.compile(r"^(?:(\d{1,2}) |(\d{1,2})\) |(')\s?)(\S.*)$")     # "' AVRO radio": OCR for "¹"
# The superscript 1 that OCR reads as an apostrophe, glued after a question or a word in capitals:
# "buiten Europa?' Welke", "NADIEN GEWIJZIGD1" is the digit form (GLUED_MARKER).
APOSTROPHE_MARKER = re.compile(r"(?:(?<=[?!])|(?<=[A-Z]{2}))'(?= [A-Z]|$)")
# Words that follow a line-end hyphen in a shared compound: "West-" + "en Noord-Afrikaanse".
SUSPENDED = ("en", "of")
AMOUNT_START = re.compile(r"^[fƒ](?: ?\d|$)")
HYPHEN_END = re.compile(r"(?:^|(?<=[\s/(«“‘\"']))(?P<left>[^\W_][\w’'-]*?(?<=[^\W_]))-$")
FIRST_WORD = re.compile(r"^([\w’']+)(.*)$")
COMPOUND_WORD = re.compile(r"^[\w’']+(?:-[\w’']+)*")
WORD_CHARS = re.compile(r"[\w’'-]+")


@dataclass
class _Raw:
    no: int
    text: str          # stripped
    raw: str           # as received
    page_start: bool = False


# --- vocabulary: the corpus decides ambiguous hyphens -----------------------------------------

@dataclass(frozen=True)
class Vocabulary:
    """How words are written where they are not broken at a line end, over the whole corpus."""

    forms: collections.Counter[str] = field(default_factory=collections.Counter)     # word -> count
    prefixes: collections.Counter[str] = field(default_factory=collections.Counter)  # "qaeda-" -> count


def build_vocabulary(texts: Iterable[str]) -> Vocabulary:
    """Count the word forms inside lines (not split at a line end) in all letters.

    Used to decide whether `niet-` + `statelijke` keeps its hyphen: the corpus says how the
    word is written where it is not broken.
    """
    return vocabulary_from(token_counts(texts))


# The word a line ends in when it ends with a hyphen (the word broken at the line end).
_BROKEN_AT_END = re.compile(r"(?<![\w’'-])[\w’'-]*-[^\S\n]*$", re.MULTILINE)
_LINE_END_HYPHEN = re.compile(r"-[^\S\n]*$", re.MULTILINE)      # where _BROKEN_AT_END can match


def token_counts(texts: Iterable[str]) -> collections.Counter[str]:
    """How often each token (as written) stands inside a line, over `texts`. Sums of these
    counters (over parts of the corpus, in any order) give the same vocabulary."""
    counts: collections.Counter[str] = collections.Counter()
    for text in texts:
        counts.update(WORD_CHARS.findall(text))
        for word in broken_words(text):           # each is one token of the text: take it out again
            counts[word] -= 1
            if not counts[word]:
                del counts[word]
    return counts


def broken_words(text: str) -> list[str]:
    """The words broken at a line end (each with its hyphen), in order. Only the lines that end
    in a hyphen are searched (a fast scan finds them)."""
    words = []
    for hyphen in _LINE_END_HYPHEN.finditer(text):
        line_start = text.rfind("\n", 0, hyphen.start()) + 1
        word = _BROKEN_AT_END.search(text, line_start, hyphen.end())
        words.append(text[word.start():hyphen.start() + 1])
    return words


def vocabulary_from(counts: collections.Counter[str]) -> Vocabulary:
    forms: collections.Counter[str] = collections.Counter()
    for token, n in counts.items():
        forms[token.lower().strip("-’'")] += n
    prefixes = collections.Counter()
    for form, n in forms.items():
        for i, c in enumerate(form):
            if c == "-" and 0 < i < len(form) - 1:
                prefixes[form[:i + 1]] += n
    return Vocabulary(forms, prefixes)


@lru_cache(maxsize=1)
def _pyphen():
    import pyphen
    return pyphen.Pyphen(lang="nl_NL")


@lru_cache(maxsize=65536)
def _syllable_breaks(word: str) -> tuple[int, ...]:
    return tuple(_pyphen().positions(word.lower()))


def keeps_hyphen(left: str, right: str, vocabulary: Vocabulary | None = None) -> bool:
    """True when the hyphen between `left-` (line end) and `right` (next line) is part of the word.

    `right` is the word the next line starts with, with any hyphenated parts that follow it
    (`het-vuren` of `staakt-` + `het-vuren`): the corpus is asked about the whole compound."""
    whole = right
    right = right.split("-", 1)[0]
    last = left.rsplit("-", 1)[-1]                    # staakt-het- -> het
    if not right or not right[0].isalpha() or right[0].isupper():
        return True                                   # Noord-Korea, COVID-19, Saoedi-Arabië
    if any(c.isupper() for c in last[1:]) or any(c.isdigit() for c in last) or len(last) == 1:
        return True                                   # VN-, EU-, G5-, SDG-, x-
    if vocabulary is not None:
        hyphenated = vocabulary.forms.get(f"{left}-{whole}".lower(), 0)
        joined = vocabulary.forms.get(f"{left}{whole}".lower(), 0)
        if hyphenated or joined:
            return hyphenated > joined
        if left[0].isupper() and vocabulary.prefixes.get(f"{left}-".lower(), 0):
            return True                               # Qaeda-sanctielijst elsewhere: Qaeda-sanctiecomité
    if whole != right:
        return True                                   # staakt-het-vuren: a chain of words, never one word
    word = f"{last}{right}"
    if len(last) in _pyphen().positions(word):
        return False                                  # a syllable break: lidmaat-schap
    # Dutch writes a hyphen where two vowels would otherwise merge (zee-egel, co-ouder)
    return last[-1] in "aeiou" and right[0] in "aeiou"


def joins_inline(left: str, right: str, vocabulary: Vocabulary | None, ocr: bool = False) -> bool:
    """True when `left-right` inside a line of OCR text is a word the printer broke at a line end
    ("Com-missie", "ontwikkelin-gen"): the corpus writes the joined word elsewhere, the dictionary
    has a syllable break there, and nothing marks a real compound (a capital after the hyphen,
    an abbreviation before it, two vowels that would merge)."""
    last = left.rsplit("-", 1)[-1]                    # VN-vredes- -> vredes
    if vocabulary is None or not right[:1].islower() or len(last) < 2 or len(right) < 2:
        return False
    if any(c.isupper() for c in last[1:]):
        return False                                  # VN-vredesmacht, EU-landen
    if not vocabulary.forms.get(f"{left}{right}".lower(), 0):
        # never written joined in the corpus. On an OCR page a word the printer broke
        # ("ge-vangennemen", "electrici-teitspolitiek", "ambas-sades") is still joined when the
        # part after the hyphen is no word of its own in the corpus (a compound's second part is:
        # "lid-staten", "Korvetten-leverantie", "Langedijk-de Jong") and the corpus does not write
        # the hyphenated form elsewhere too.
        # A capital before the hyphen is a name or a compound with one ("Korvetten-leverantie",
        # "Benelux-binnengrenzen"): left alone.
        if not ocr or not left[:1].islower() or vocabulary.forms.get(f"{left}-{right}".lower(), 0) > 1:
            return False
        if vocabulary.forms.get(right.lower(), 0):
            return False
    if last[-1].lower() in "aeiou" and right[0] in "aeiou":
        return False                                  # zee-egel
    return len(last) in _syllable_breaks(f"{last}{right}")


def decided_again(hyphens: Iterable[tuple], vocabulary: Vocabulary | None) -> bool:
    """True when `vocabulary` takes every recorded hyphen decision of a letter (Cleaned.hyphens)
    the same way again: (left, right, kept) at a line end, ("inline", left, right, joined) inside
    a line. The letter cache re-processes a letter when not."""
    for item in hyphens:
        if item[0] == "inline" and len(item) in (4, 5):
            if joins_inline(item[1], item[2], vocabulary, len(item) == 5 and item[4]) != item[3]:
                return False
        elif keeps_hyphen(item[0], item[1], vocabulary) != item[2]:
            return False
    return True


def __getattr__(name: str):
    """FURNITURE_PATTERNS: the furniture of the repository's layouts.yml as (regex, reason) pairs
    (the patterns used to be a list here)."""
    if name == "FURNITURE_PATTERNS":
        return [(p.regex, p.reason) for p in layouts_mod.bundled().patterns]
    raise AttributeError(name)


# --- the stage --------------------------------------------------------------------------------

def clean(source: Source, vocabulary: Vocabulary | None = None, layouts: Layouts | None = None) -> Cleaned:
    layouts = layouts if layouts is not None else layouts_mod.bundled()
    raw = [_Raw(i, t.strip(), t.rstrip("\n")) for i, t in enumerate(source.text.split("\n"), 1)]
    furniture: list[Furniture] = []
    head = {r.no for r in itertools.islice((r for r in raw if r.text.replace("\f", "").strip()), HEAD_LINES)}
    raw = _remove_letterhead(raw, furniture)
    numbered: list[printed_pages.Numbered] = []
    raw = _remove_furniture(raw, furniture, layouts, head, _head_block(raw, layouts), numbered)
    text_lines = {r.no for r in raw if r.text.replace("\f", "").strip()}
    one_line = _one_line_paragraphs(raw)
    notes: list[Note] = []
    if one_line:
        raw = _lift_ocr_footnotes(raw, notes)
        if not notes:
            raw = _lift_old_footnote(raw, notes)
    pages = _split_pages(raw)
    lines: list[Line] = []
    for page in pages:
        body, page_notes = _lift_notes(page, notes)
        notes.extend(page_notes)
        _append_page(lines, body)
    lines = _split_unmarked_paragraphs(lines)
    lines = _split_standalone(lines, layouts.standalone, layouts.clause_start)
    if one_line:
        lines = _split_one_line_paragraphs(lines)
    hyphens: list[tuple] = []
    lines = _dehyphenate(lines, vocabulary, hyphens)
    lines = _join_inline_hyphens(lines, vocabulary, hyphens, one_line)
    return Cleaned(lines=_tidy(lines), notes=notes, furniture=sorted(furniture, key=lambda f: f.line),
                   hyphens=tuple(hyphens), pages=printed_pages.runs(source.text, numbered, text_lines))


def _remove_letterhead(raw: list[_Raw], furniture: list[Furniture]) -> list[_Raw]:
    """Drop the address block before 'Geachte voorzitter' (it is listed, never silently lost)."""
    for i, r in enumerate(raw[:LETTERHEAD_MAX_LINES]):
        if SALUTATION.match(r.text):
            head = raw[:i]
            if not any(len(h.text) > 90 or SENTENCE_END.search(h.text) and len(h.text) > 60 for h in head):
                furniture.extend(Furniture(h.no, h.text, "briefhoofd") for h in head if h.text)
                return raw[i:]
            break
    return raw


PAGE_NUMBER_REASON = "paginanummer"


def _head_block(raw: list[_Raw], layouts: Layouts) -> dict[int, object]:
    """The block at the top of a Kamerstuk's or Aanhangsel's first page (layouts.yml, head_block),
    by its structure: opened by a chamber or session line on the first text line, closed by the
    "Nr. 28" line or the document-type line within a few lines. Every line in between that no
    named pattern removes (the chamber digit, dossier number and title, the Aanhangsel number) is
    furniture; so is the number line, also right after the document type or at its start ("Nr. 462
    BRIEF VAN …": the piece "Nr. 462" only). With the dossier number known, the page signatures
    at the page feet ("I 4900 III 11—12") are furniture too.
    Returns raw index -> Pattern (a whole line) or [(start, end, Pattern)] (a piece of a line)."""
    block = layouts.head_block
    texts = [i for i, r in enumerate(raw) if r.text.replace("\f", "").strip()]
    if block is None or not texts:
        return {}
    first = raw[texts[0]].text.replace("\f", "").strip()
    opener = layouts.line_match(first, None, head=True)
    if opener is None or opener.name not in block.opens:
        return _old_page_head(raw, texts, block)
    as_line = layouts_mod.Pattern("head-block", "kamerstuk", block.reason, "line", block.number)
    out: dict[int, object] = {}
    between: list[int] = []
    previous, closed = opener.name, None
    for k, i in enumerate(texts[1:block.max_lines + 1], 1):
        text = raw[i].text.replace("\f", "").strip()
        p = layouts.line_match(text, previous, head=True)
        if p is not None:
            previous = p.name
            continue
        previous = None
        if block.number.fullmatch(text):
            out[i], closed = as_line, k
            break
        number = block.number.match(text)
        if number and text[number.end():number.end() + 1] == " " and any(
                e.fullmatch(text[number.end() + 1:]) for e in block.ends):
            out[i], closed = [(0, number.end(), as_line)], k
            break
        if any(e.fullmatch(text) for e in block.ends):
            closed = k
            for j in texts[k + 1:k + 3]:          # "Nr. 58" under a document type of one or two lines
                if block.number.fullmatch(raw[j].text.strip()):
                    out[j] = as_line
                    break
            break
        between.append(i)
    if closed is None:
        return {}
    for i in between:
        out[i] = as_line
    # the dossier number: the last number of the session line or a line of the block
    dossier = None
    for i in [texts[0]] + [t for t in texts[1:closed + 1]]:
        text = raw[i].text.strip()
        m = DOSSIER_IN_HEAD.search(text)
        if m and (i in between or i == texts[0] or "itting" in text or "ITTING" in text):
            dossier = m.group(1)
            if i in between:
                break
    if dossier:
        _signatures(raw, texts[closed + 1:], dossier, block, out)
    return out


def _signatures(raw: list[_Raw], texts: list[int], dossier: str, block, out: dict[int, object]) -> None:
    """The page signatures of the dossier ("I 4900 III 11—12") among the lines `texts`."""
    if not block.signature:
        return
    digits = r" ?".join(re.escape(c) for c in dossier.replace(" ", ""))
    signature = re.compile(block.signature.replace("{dossier}", digits))
    as_signature = layouts_mod.Pattern("page-signature", "sgd-ocr", block.signature_reason, "line", signature,
                                       page_number=True)
    for i in texts:
        if i not in out and signature.fullmatch(raw[i].text.replace("\f", "").strip()):
            out[i] = as_signature


# The head of an inner page of the printed Bijlagen (1940s-1950s), at the top of an OCR page:
# the page number (or the word "Bijlagen"), the document number, and the first line of the
# running title ("2" / "351" / "Goedkeuring van het Statuut van de Organisatie der Ver"); or the
# page number and a running title that ends in the document label ("4" / "Rijksbegroting voor het
# dienstjaar 1952 2300 VIIIB 1—2"). The document number then finds the page signatures too.
OLD_HEAD_FIRST = re.compile(r"\d{1,4}|Bijlagen")
OLD_HEAD_NUMBER = re.compile(r"\d{3,5}")
OLD_HEAD_LABEL = re.compile(r".{10,100} (\d{3,5})(?: [IVX]{1,5}[A-Z]?)? \d{1,3}(?: ?[-–—] ?\d{1,3})?")
OLD_HEAD_REASON = "lopende kop"


def _old_page_head(raw: list[_Raw], texts: list[int], block) -> dict[int, object]:
    if len(texts) < 4:
        return {}
    first, second, third = (raw[i].text.replace("\f", "").strip() for i in texts[:3])
    as_line = layouts_mod.Pattern("old-page-head", "sgd-ocr", OLD_HEAD_REASON, "line", OLD_HEAD_FIRST,
                                  page_number=True)

    def title(text: str) -> bool:
        return len(text) <= 100 and text[:1].isupper() and not SENTENCE_END.search(text)

    if OLD_HEAD_FIRST.fullmatch(first) and OLD_HEAD_NUMBER.fullmatch(second) and title(third):
        out: dict[int, object] = {i: as_line for i in texts[:3]}
        _signatures(raw, texts[3:], second, block, out)
        return out
    label = OLD_HEAD_LABEL.fullmatch(second)
    if first.isdigit() and len(first) <= 4 and label and title(second[:label.start(1)].strip()):
        out = {i: as_line for i in texts[:2]}
        _signatures(raw, texts[2:], label.group(1), block, out)
        return out
    return {}


# A dossier number in the head block: "22181", "26 150", "2300 VIIIB"; after the session years in
# the oldest form ("ZITTING 1957—1958 — 4900", "Zitting 1968-1969 -9723 (R 663)").
DOSSIER_IN_HEAD = re.compile(r"(?:^|[-–—] ?)(\d{1,2} ?\d{3}|\d{4,5})(?: [IVX]+[A-Z]?| \(R \d+\))?(?: \(.*\))?$")


def _remove_furniture(raw: list[_Raw], furniture: list[Furniture], layouts: Layouts,
                      head: set[int], preset: dict[int, object] | None = None,
                      numbered: list | None = None) -> list[_Raw]:
    """Take out the layouts' furniture: whole lines, and pieces inside a line (the text around a
    piece is joined again). A bare number beside a line of a `page_number` pattern is its page
    number. `preset` holds what the structure of the head block decided (see _head_block).
    The removed lines that carry a page number go to `numbered` (printed_pages.Numbered)."""
    matched: list = [None] * len(raw)          # the Pattern that removes the whole line
    pieces: dict[int, list[tuple[int, int, object]]] = {}
    previous = None                            # name of the pattern that removed the last text line
    preset = preset or {}
    plain = [r.text.replace("\f", "").strip() for r in raw]     # each line without form feeds, made once
    for i, r in enumerate(raw):
        text = plain[i]
        if not text:
            continue
        if i in preset:
            if isinstance(preset[i], list):
                pieces[i] = preset[i]
                previous = None
            else:
                matched[i] = preset[i]
                previous = matched[i].name
            continue
        p = layouts.line_match(text, previous, head=r.no in head)   # head: the file's first text lines
        if p is None:
            spans = layouts.inline_spans(text)
            if spans:
                pieces[i] = spans
                rest = "".join(text[a:b] for a, b in _gaps(spans, len(text))).strip()
                if not rest:
                    p = spans[0][2]
        matched[i] = p
        if p is not None:
            previous = p.name
        elif i in pieces and pieces[i][-1][1] >= len(text.rstrip()) - 1:
            previous = pieces[i][-1][2].name     # a piece at the line end, as a line of its own
        else:
            previous = None
    reasons: list[str | None] = [p.reason if p is not None else None for p in matched]
    topics = _topics_heads(plain, matched, pieces)
    for i in topics:
        reasons[i] = TOPICS_REASON
        matched[i] = TOPICS_HEAD
    for i, r in enumerate(raw):
        if reasons[i] is None and i not in pieces and PAGE_NUMBER.match(r.text.replace("\f", "")) and (
                (beside := _numbered_beside(plain, matched, i, -1) or _numbered_beside(plain, matched, i, 1))):
            reasons[i] = PAGE_NUMBER_REASON     # set apart from its page footer
            if numbered is not None:
                numbered.append(printed_pages.Numbered(r.no, int(plain[i]),
                                                       beside.reason == printed_pages.FOOTER_REASON))
        elif numbered is not None and reasons[i] and matched[i] is not None and matched[i].page_number:
            if (page := printed_pages.carried_number(plain[i], matched[i].regex)) is not None:
                numbered.append(printed_pages.Numbered(r.no, page, matched[i].reason == printed_pages.FOOTER_REASON))
    if numbered is not None:
        numbered.sort(key=lambda n: n.line)
    kept = []
    for i, (r, reason) in enumerate(zip(raw, reasons)):
        if reason:
            furniture.append(Furniture(r.no, r.text.replace("\f", ""), reason))
            if "\f" in r.raw:                    # keep the page break the line carried
                kept.append(replace(r, text="", raw="\f"))
        elif i in pieces:
            text = plain[i]
            furniture.extend(Furniture(r.no, text[a:b].strip(), p.reason) for a, b, p in pieces[i])
            rest = " ".join(" ".join(text[a:b].split()) for a, b in _gaps(pieces[i], len(text)) if text[a:b].strip())
            lead = r.raw[:len(r.raw) - len(r.raw.lstrip())]
            kept.append(replace(r, text=rest, raw=lead + rest))
        else:
            kept.append(r)
    return kept


# The margin head of a Handelingen page that lists the subjects on it ("Ingekomen stukken
# Oosterschelde Regeling van werkzaamheden", "Gelijke beloning van mannen en vrouwen …"): known by
# where it stands, on the line right before or after the page's running head (sitting and date,
# chamber and date), short and without a sentence end. Its page number may stand beside it.
TOPICS_REASON = "lopende kop"
TOPICS_MAX = 120
TOPICS_HEAD = layouts_mod.Pattern("topics-running-head", "handelingen", TOPICS_REASON, "line",
                                  re.compile(r".+"), page_number=True)


def _topics_heads(plain: list[str], matched: list, pieces: dict) -> list[int]:
    """The lines (indexes in `plain`: each line without form feeds, stripped) that are such a
    margin head. The cheap test first: a running head of the Handelingen beside it."""
    out = []
    texts = [i for i, text in enumerate(plain) if text]
    running = [p is not None and p.layout == "handelingen" and p.reason == TOPICS_REASON and p.name != TOPICS_HEAD.name
               for p in matched]
    for k, i in enumerate(texts):
        if matched[i] is not None or i in pieces:
            continue
        if not ((k and running[texts[k - 1]]) or (k + 1 < len(texts) and running[texts[k + 1]])):
            continue
        text = plain[i]
        if (len(text) > TOPICS_MAX or not text[:1].isupper() or text.endswith((",", "-"))
                or (SENTENCE_END.search(text) and not text.endswith(" enz."))):   # "Ingekomen stukken, enz."
            continue
        out.append(i)
    return out


def _gaps(spans: list[tuple[int, int, object]], length: int) -> list[tuple[int, int]]:
    """The stretches of a line between the furniture pieces."""
    out, at = [], 0
    for a, b, _ in spans:
        out.append((at, a))
        at = b
    out.append((at, length))
    return out


def _numbered_beside(plain: list[str], matched: list, i: int, step: int):
    """The pattern that removed the nearest non-blank line before (step -1) or after (step 1)
    line i when its page number may stand apart, else None. `plain`: the lines without form
    feeds, stripped."""
    j = i + step
    while 0 <= j < len(plain) and not plain[j]:
        j += step
    if 0 <= j < len(plain) and matched[j] is not None and matched[j].page_number:
        return matched[j]
    return None


LONG_LINE = 200          # characters: a printed line is never this long; an OCR paragraph is


def _one_line_paragraphs(raw: list[_Raw]) -> bool:
    """Text of OCR pages: hardly a blank line, and most of the text stands in lines far longer
    than a printed line (one line per paragraph), or the lines are not hard-wrapped either
    (fewer than half reach near the full width: a short letter, a motion, a list)."""
    texts = [r.text for r in raw if r.text]
    if not texts:
        return False
    blanks = sum(1 for r in raw if not r.text)
    if blanks > 0.1 * len(texts):
        return False
    long_chars = sum(len(t) for t in texts if len(t) >= LONG_LINE)
    if long_chars >= 0.5 * sum(len(t) for t in texts):
        return True
    # not hard-wrapped either: fewer than half the lines come near the full width of a printed line
    widths = sorted(len(t) for t in texts)
    full = widths[int(len(widths) * 0.9)]
    return len(texts) >= 4 and sum(len(t) >= 0.7 * full for t in texts) < 0.5 * len(texts)


def _lift_ocr_footnotes(raw: list[_Raw], notes: list[Note]) -> list[_Raw]:
    """Footnote bodies among the paragraphs of an OCR page ("1 Samenstelling: Leden: …" right
    after the page header) whose markers are glued to a word elsewhere ("Defensie1").

    Lifted only with clear evidence: the bodies are numbered 1, 2, … in order, each standing at
    the start of a line or after a sentence end in a footnote line ("… (Groen Links). 2
    Samenstelling: …"), and each number is glued to the end of a word in another line. A later
    line that only continues a footnote's list of members ("Berg (PvdA), Van Iersel (CDA), …")
    joins the last footnote when that one stops mid-list. The note is placed after the line of
    its marker. Anything less (markers out of order, a number missing) stays in the text."""
    candidates = [(i, r) for i, r in enumerate(raw) if OCR_FOOTNOTE.match(r.text)]
    if not candidates:
        return raw
    markers: dict[str, list[int]] = {}            # number -> lines with that number glued to a word
    apostrophes: set[int] = set()                 # lines with the mark 1 read as "'"
    for r in raw:
        for m in GLUED_MARKER.finditer(r.text):
            number = m.group(1) or m.group(2) or m.group(3) or m.group(4)
            if not markers.get(number) or markers[number][-1] != r.no:
                markers.setdefault(number, []).append(r.no)
        if APOSTROPHE_MARKER.search(r.text) and (not markers.get("1") or markers["1"][-1] != r.no):
            markers.setdefault("1", []).append(r.no)
            markers["1"].sort()
            apostrophes.add(r.no)
    expected, lifted = 1, {}
    found: list[Note] = []
    for i, r in candidates:
        number, text = [g for g in OCR_FOOTNOTE.match(r.text).groups() if g is not None]
        number = "1" if number == "'" else number
        elsewhere = [no for no in markers.get(number, []) if no != r.no]
        if int(number) != expected or not elsewhere or not text[:1].isupper():
            continue
        markers[number] = elsewhere
        parts = [(number, text, len(r.text) - len(text))]
        while True:                               # more footnotes in the same line
            nxt = str(expected + len(parts))
            found_elsewhere = [no for no in markers.get(nxt, []) if no != r.no]
            m = re.search(rf"(?<=[\w.)]) {nxt}\)? (?=[A-Z])", parts[-1][1]) if found_elsewhere else None
            if not m:
                break
            n, t, off = parts[-1]
            parts[-1] = (n, t[:m.start()], off)
            parts.append((nxt, t[m.end():], off + m.end()))
        for n, t, _ in parts:
            place = next(no for no in markers[n] if no != r.no)
            found.append(Note("footnote", n, t, Span(r.no, r.no), place, ((0, r.no),)))
        lifted[i] = True
        expected += len(parts)
    if not found:
        return raw
    placed = [n.after_line for n in found]
    if placed != sorted(placed):
        return raw                                # markers out of order: the evidence is not clear
    # the mark of footnote 1 read as "'" becomes the digit again, where the parse stage finds it
    apostrophe = next((n.after_line for n in found if n.number == "1" and n.after_line in apostrophes), None)
    out = []
    for i, r in enumerate(raw):
        if i in lifted:
            out.append(replace(r, text="", raw=""))
        elif r.no == apostrophe and not any(m.group(1) == "1" for m in GLUED_MARKER.finditer(r.text)):
            out.append(replace(r, text=APOSTROPHE_MARKER.sub("1", r.text, count=1),
                               raw=APOSTROPHE_MARKER.sub("1", r.raw, count=1)))
        elif (found and r.text and not SENTENCE_END.search(found[-1].text) and _member_list(r.text)
              and any(j < i for j in lifted)):
            last = found[-1]                      # the rest of the last footnote's member list
            text = f"{last.text} {r.text}"
            found[-1] = replace(last, text=text, span=Span(last.span.start, r.no),
                                line_starts=last.line_starts + ((len(last.text) + 1, r.no),))
            out.append(replace(r, text="", raw=""))
        else:
            out.append(r)
    notes.extend(found)
    return out


# The footnote of the printed pages of the 1940s-1960s: mark "1)" (superscript), which OCR often
# reads as "')", "x)", "i)" or "l)", after the word in the text and before the note's body.
# An asterisk serves the same way ("het rapport* van deze commissie" / "* Ter inzage gelegd …").
OLD_NOTE_BODY = re.compile(r"^(?:(?:1|i|l|I|'|x)\)|(\*)) (\S.*)$")
OLD_NOTE_MARK = re.compile(r"(?:(?<=[^\W\d_])|(?<=[\"”’'.,;:]))1\)|(?:(?<=\s)|(?<=[^\W\d_]))(?:'|x)\)(?=[\s.,;:]|$)")
STAR_MARK = re.compile(r"(?<=[^\W\d_])\*(?=[\s.,;:)]|$)")


def _lift_old_footnote(raw: list[_Raw], notes: list[Note]) -> list[_Raw]:
    """The single footnote of an old printed page: a line "1) Nedergelegd ter griffie, …" (or its
    OCR forms "') …", "x) …", "i) …") whose mark stands in an earlier line, glued to a word or
    as the OCR garble "')" / "x)"; or "* Ter inzage gelegd …" with "rapport*" before it (footnote
    "*"). Lifted only when there is exactly one such body line and its mark comes before it; the
    note is placed after the line of the mark."""
    bodies = [i for i, r in enumerate(raw) if OLD_NOTE_BODY.match(r.text)]
    if len(bodies) != 1:
        return raw
    i = bodies[0]
    star, text = OLD_NOTE_BODY.match(raw[i].text).groups()
    marks = [r.no for r in raw[:i] if (STAR_MARK if star else OLD_NOTE_MARK).search(r.text)]
    if not marks or not text[:1].isupper():
        return raw
    notes.append(Note("footnote", star or "1", text, Span(raw[i].no, raw[i].no), marks[-1], ((0, raw[i].no),)))
    return raw[:i] + [replace(raw[i], text="", raw="")] + raw[i + 1:]


_MEMBER = re.compile(r"^(?:en )?[A-Z][^()]{0,40}\([^()]{1,20}\)(?:, (?:onder)?voorzitter)?[.,]?$")


def _member_list(text: str) -> bool:
    """A line that is only a list of members with their party: "Berg (PvdA), Van Iersel (CDA), …"."""
    items = re.split(r"(?<=\)),? ", text)
    return len(items) >= 5 and sum(bool(_MEMBER.match(item.strip())) for item in items) >= 0.8 * len(items)


def _split_pages(raw: list[_Raw]) -> list[list[_Raw]]:
    """Split at page breaks: a run of two or more blank lines, a form feed, or a line that
    starts with a single space (the first line of a page in the Kamerstuk layout)."""
    pages: list[list[_Raw]] = [[]]
    blank_run = 0
    after_form_feed = False
    for r in raw:
        if "\f" in r.raw:
            pages.append([])
            blank_run = 0
            after_form_feed = True
            r = replace(r, raw=r.raw.replace("\f", ""), text=r.text.replace("\f", "").strip())
            if not r.text:
                continue
        if not r.text:
            blank_run += 1
            pages[-1].append(r)
            continue
        starts_page = blank_run >= 2 or (r.raw.startswith(" ") and not r.raw.startswith("  "))
        if starts_page and any(x.text for x in pages[-1]):
            pages.append([])
            r = replace(r, page_start=True)
        elif after_form_feed and any(x.text for page in pages for x in page):
            r = replace(r, page_start=True)       # the first text line after a PDF page break
        after_form_feed = False
        pages[-1].append(r)
        blank_run = 0
    return [p for p in pages if p]


def _lift_notes(page: list[_Raw], notes: list[Note]) -> tuple[list[_Raw], list[Note]]:
    """Take footnote bodies and figure captions off the bottom of a page.

    Footnotes are numbered through the whole letter; a block at the page bottom counts as a
    footnote only when it starts with the next expected number, so a paragraph that happens to
    start with a number ('75 jaar VN biedt…') is never mistaken for one.
    """
    expected = 1 + max((int(n.number) for n in notes if n.kind == "footnote" and n.number.isdigit()), default=0)
    blocks = _blocks(page)
    found: list[Note] = []
    cut = len(page)
    rest: list[_Raw] = []             # text lines after the footnotes of the last block
    # walk back over the trailing blocks while they are notes
    for start, end in reversed(blocks):
        block = page[start:end]
        parsed = _parse_note_block(block, expected)
        if parsed is None:
            break
        used = sum(n.span.end - n.span.start + 1 for n in parsed) if parsed[0].kind == "footnote" else len(block)
        if used < len(block):
            if found or end != blocks[-1][1]:
                break                 # only the last block may go on with the letter's text
            rest = page[start + used:end]
        found[:0] = parsed
        cut = start
        if len(blocks) == 1:
            break
    if not found:
        return page, []
    # renumber check: footnote numbers must follow on from what came before
    numbers = [int(n.number) for n in found if n.kind == "footnote"]
    if numbers and numbers != list(range(expected, expected + len(numbers))):
        return page, []
    body = page[:cut] + ([_Raw(rest[0].no, "", "")] + rest if rest else [])
    last_text = next((r.no for r in reversed(body) if r.text), page[0].no)
    found = [replace(n, after_line=last_text) for n in found]
    return body, found


def _blocks(page: list[_Raw]) -> list[tuple[int, int]]:
    out, start = [], None
    for i, r in enumerate(page + [_Raw(0, "", "")]):
        if r.text and start is None:
            start = i
        elif not r.text and start is not None:
            out.append((start, i))
            start = None
    return out


def _parse_note_block(block: list[_Raw], expected: int) -> list[Note] | None:
    """A block of footnotes ('17 text…', continuation lines, '18 text…') or one caption."""
    first = block[0].text
    cap = CAPTION_START.match(first)
    if cap and not block[0].page_start:
        text, starts = "", []
        for r in block:
            text += " " if text else ""
            starts.append((len(text), r.no))
            text += r.text
        return [Note("caption", f"{cap.group(1)} {cap.group(2)}", text, Span(block[0].no, block[-1].no), 0,
                     tuple(starts))]
    m = FOOTNOTE_START.match(first)
    if not m or block[0].page_start:
        return None
    # all footnotes in this block, in order; the block may only start at a later number than
    # expected if the earlier ones stand in blocks above it (checked by the caller)
    notes: list[Note] = []
    current: list[_Raw] = []
    number = int(m.group(1))
    if not (expected <= number <= expected + 9):
        return None
    for r in block:
        m2 = FOOTNOTE_START.match(r.text)
        nxt = int(m2.group(1)) if m2 else None
        if current and nxt == number + 1 and not _continues(current[-1].text):
            notes.append(_footnote(current, number))
            current, number = [], number + 1
        elif current and nxt is None and SENTENCE_END.search(current[-1].text) and len(r.text) < NOTE_LABEL:
            break                     # "1 Zie … MONUC." / "Antwoord": the letter goes on after its footnotes
        current.append(r)
    notes.append(_footnote(current, number))
    return notes


# A line this short after a footnote's sentence end is a label or heading of the letter ("Antwoord",
# "1."), not the rest of the footnote: a footnote's text runs on across its lines.
NOTE_LABEL = 30


def _continues(text: str) -> bool:
    return text.endswith(("-", ",")) and not text.endswith(" -")


def _footnote(lines: list[_Raw], number: int) -> Note:
    first = FOOTNOTE_START.match(lines[0].text)
    text = first.group(2) if first else lines[0].text
    starts = [(0, lines[0].no)]
    for r in lines[1:]:
        joined = _run_on(text, r.text)
        starts.append((len(joined) - len(r.text), r.no))
        text = joined
    return Note("footnote", str(number), text, Span(lines[0].no, lines[-1].no), 0, tuple(starts))


def _run_on(text: str, part: str) -> str:
    """Join the next line of a footnote: a URL broken at the line end continues without a space,
    a word hyphenated at the line end is joined like in the running text."""
    last = text.split()[-1] if text.split() else ""
    if text.endswith(("/", "-")) and ("http" in last or "www." in last):
        return text + part
    broken, nxt = HYPHEN_END.search(text), FIRST_WORD.match(part)
    if broken and nxt and part[:1].islower() and not keeps_hyphen(broken.group("left"), nxt.group(1)):
        return text[:-1] + part
    return f"{text} {part}"


def _append_page(lines: list[Line], body: list[_Raw]) -> None:
    """Append a page's lines; a page break becomes '' unless the paragraph runs on."""
    texts = [r for r in body if r.text]
    if not texts:
        return
    first = texts[0]
    prev = next((l for l in reversed(lines) if l.text), None)
    if prev is not None and _standalone_title(lines):
        pass                                          # a title at a page bottom never runs on
    elif prev is not None and lines and lines[-1].text == "" and first.page_start and _runs_on(prev.text, first.text):
        while lines and lines[-1].text == "":
            lines.pop()
    elif prev is not None and first.page_start and lines and lines[-1].text != "" and not _runs_on(prev.text, first.text):
        lines.append(Line(first.no, ""))
    blank_pending = seen_text = False
    for r in body:
        if not r.text:
            blank_pending = seen_text
            continue
        if blank_pending:
            prev_text = lines[-1].text if lines else ""
            if not (prev_text and _runs_on_after_blank(prev_text, r.text)) and lines and lines[-1].text != "":
                lines.append(Line(r.no, ""))
            blank_pending = False
        seen_text = True
        lines.append(Line(r.no, r.text, len(r.raw.rstrip()), r.page_start,
                          indent=len(r.raw) - len(r.raw.lstrip(" \t"))))


def _standalone_title(lines: list[Line]) -> bool:
    """The last text line stands alone between breaks and reads as a title."""
    idx = next(i for i in range(len(lines) - 1, -1, -1) if lines[i].text)
    text = lines[idx].text
    alone = idx == 0 or lines[idx - 1].text == ""
    return alone and len(text) <= 100 and text[:1].isupper() and not SENTENCE_END.search(text) \
        and not text.endswith((",", "-"))


def _runs_on(prev: str, nxt: str) -> bool:
    """Across a page break: does the paragraph continue?"""
    if nxt[:1].islower():
        return True
    if BULLET.match(nxt) or CAPTION_START.match(nxt):
        return False
    return not SENTENCE_END.search(prev)


def _runs_on_after_blank(prev: str, nxt: str) -> bool:
    """Across a single blank line (a stray one inside a sentence, as in bullet items)."""
    return nxt[:1].islower() and (prev[-1:].isalnum() or prev.endswith(","))


def _split_unmarked_paragraphs(lines: list[Line]) -> list[Line]:
    """Some layouts start a new paragraph without a blank line: a short line that ends a
    sentence, followed by a capital, or a sentence end followed by an indented line (the first
    line of a paragraph in hard-wrapped text). Insert the missing break."""
    widths = sorted(l.width for l in lines if l.text)
    if not widths:
        return lines
    full = widths[int(len(widths) * 0.9)]
    out: list[Line] = []
    for i, line in enumerate(lines):
        out.append(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if (line.text and nxt is not None and nxt.text and not nxt.page_start
                and SENTENCE_END.search(line.text) and not line.text.endswith((":", ";"))
                and nxt.text[:1].isupper()
                and (line.width < 0.75 * full or (nxt.indent >= 2 and line.indent <= 1))
                and not BULLET.match(line.text) and not _numbered_heading(line.text)):
            out.append(Line(nxt.no, ""))
    return out


def _split_one_line_paragraphs(lines: list[Line]) -> list[Line]:
    """One line per paragraph (OCR pages): a break between two text lines unless the first runs
    on into the second (a hyphen or comma at its end, or the second starts in lower case: a
    sentence split by a running head or a page break)."""
    out: list[Line] = []
    for i, line in enumerate(lines):
        out.append(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if not (line.text and nxt is not None and nxt.text) or line.text.endswith(("-", ",", "(", "—")):
            continue
        if len(line.text) <= 2 and not line.text.isdigit():
            continue                                  # "f" / "500 000 UNICEF"
        if ((not nxt.text[:1].islower() and nxt.text[:1] not in ",.;:)")
                or line.text.endswith(";")            # clauses of a motion, items of a list
                or AMOUNT_START.match(nxt.text)):     # "f 2 000 000 UNICEF": a new item of a list
            out.append(Line(nxt.no, ""))
    return out


def _split_standalone(lines: list[Line], standalone: re.Pattern[str] | None,
                      clause_start: re.Pattern[str] | None = None) -> list[Line]:
    """An addressee, dateline or salutation line (layouts.yml, `standalone`, match line) is a
    paragraph of its own: a break before and after it, also where the text has no blank lines. A
    line that starts a clause (match start: "verzoekt de regering …") after a line that ends one
    (";" or ",") starts a paragraph."""
    if standalone is None and clause_start is None:
        return lines
    out: list[Line] = []
    for i, line in enumerate(lines):
        alone = (bool(line.text) and standalone is not None and standalone.fullmatch(line.text) is not None
                 and (not out or not out[-1].text or _closed(out[-1].text, standalone)))
        clause = (bool(line.text) and clause_start is not None and bool(out) and out[-1].text.endswith((";", ","))
                  and clause_start.match(line.text) is not None)
        if (alone or clause) and out and out[-1].text:
            out.append(Line(line.no, ""))
        out.append(line)
        if alone and i + 1 < len(lines) and lines[i + 1].text:
            out.append(Line(lines[i + 1].no, ""))
    return out


def _closed(previous: str, standalone: re.Pattern[str]) -> bool:
    """Does the line before a standalone line leave room for it? Not when it runs on into it
    ("… op de bijeenkomst in" / "Den Haag, 17 april 2023"): only after a sentence or clause end, a
    line in capitals (the document type) or another standalone line."""
    return bool(SENTENCE_END.search(previous)) or previous.endswith((",", ")")) or previous.isupper() \
        or standalone.fullmatch(previous) is not None


def _numbered_heading(text: str) -> bool:
    return bool(re.match(r"^([IVX]+|\d{1,2})\. \S", text))


def _dehyphenate(lines: list[Line], vocabulary: Vocabulary | None,
                 decided: list[tuple] | None = None) -> list[Line]:
    out = list(lines)
    for i in range(len(out) - 1):
        cur, nxt = out[i], out[i + 1]
        if not cur.text or not nxt.text:
            continue
        if not cur.text.endswith("-"):                # (the cheap test first)
            continue
        m = HYPHEN_END.search(cur.text)
        w = FIRST_WORD.match(nxt.text)
        if not m or not w or BULLET.match(nxt.text):
            continue
        left, right = m.group("left"), w.group(1)
        if right in SUSPENDED:
            continue                                  # West- en Noord-Afrikaanse: the lines stay as they are
        whole = COMPOUND_WORD.match(nxt.text).group(0)
        kept = keeps_hyphen(left, whole, vocabulary)
        if decided is not None:
            decided.append((left, whole, kept))
        joiner = "-" if kept else ""
        # move the second half of the word up, with any punctuation glued to it
        rest = w.group(2)
        glued = re.match(r"^[^\s]*", rest).group(0)
        head = cur.text[:-1] + joiner + right + glued
        tail = rest[len(glued):].strip()
        out[i] = replace(cur, text=head, last=max(nxt.no, nxt.last))
        out[i + 1] = replace(nxt, text=tail)
    return out


def _join_inline_hyphens(lines: list[Line], vocabulary: Vocabulary | None, decided: list[tuple],
                         ocr: bool) -> list[Line]:
    """Join the hyphens OCR left inside a line from the printed line ends ("Com-missie"), in a
    letter that shows that artefact: an OCR page (one line per paragraph) with at least one such
    word, or any letter where at least three such words make up half of its hyphenated words.
    Every decision is recorded (the corpus vocabulary may later decide otherwise)."""
    if vocabulary is None:
        return lines
    found = [(i, m) for i, line in enumerate(lines) if "-" in line.text
             for m in INLINE_HYPHEN.finditer(line.text)]
    if not found:
        return lines
    decisions = {}
    for _, m in found:
        key = (m.group(1), m.group(2))
        if key not in decisions:
            decisions[key] = joins_inline(*key, vocabulary, ocr)
            decided.append(("inline", *key, decisions[key], ocr))
    candidates = [m for _, m in found if m.group(2)[:1].islower()]
    agreed = sum(decisions[(m.group(1), m.group(2))] for m in candidates)
    if not agreed or not (ocr or (agreed >= 3 and 2 * agreed >= len(candidates))):
        return lines
    out = list(lines)
    for i in sorted({i for i, _ in found}):
        text = INLINE_HYPHEN.sub(
            lambda m: m.group(1) + m.group(2) if decisions[(m.group(1), m.group(2))] else m.group(0),
            out[i].text)
        out[i] = replace(out[i], text=text)
    return out


def _tidy(lines: list[Line]) -> list[Line]:
    """Drop lines emptied by dehyphenation, collapse repeated breaks, trim the ends."""
    out: list[Line] = []
    for line in lines:
        if line.text == "" and (not out or out[-1].text == ""):
            continue
        if line.text == "" and line.width:         # emptied by dehyphenation: not a break
            continue
        out.append(line)
    while out and out[-1].text == "":
        out.pop()
    return out
