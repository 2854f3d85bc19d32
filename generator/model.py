"""Plain dataclasses shared by the pipeline stages. No I/O, no logic beyond trivial helpers.

Every block carries the 1-based, inclusive range of source lines it came from (`Span`), so a
mention, a paragraph or an answer can always be traced back to the file a maintainer edits.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path


@dataclass(frozen=True)
class Span:
    """1-based inclusive line range in the source file."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 1 or self.end < self.start:
            raise ValueError(f"bad span {self.start}-{self.end}")

    def __str__(self) -> str:
        return f"{self.start}" if self.start == self.end else f"{self.start}-{self.end}"


def line_at(line_starts, offset: int, default: int) -> int:
    """The source line of a character, given (offset, line) pairs in ascending order."""
    line = default
    for start, no in line_starts:
        if start > offset:
            break
        line = no
    return line


# --- read ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Source:
    """One letter as found in the content folder: its text and its (optional) sidecar."""

    path: Path                 # the .txt or .pdf file
    text: str                  # the full text, newlines normalised to "\n"
    sidecar: dict = field(default_factory=dict)   # validated sidecar values (may be empty)
    sidecar_path: Path | None = None
    warnings: tuple[str, ...] = ()   # "path:LINE: message": what reading changed (control characters)

    @property
    def name(self) -> str:
        return self.path.name


# --- clean -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Line:
    """A source line after cleaning. `text` is stripped; '' marks a paragraph break."""

    no: int                    # 1-based source line number
    text: str
    width: int = 0             # length of the raw line (rstripped), a layout hint
    page_start: bool = False   # first text line of a new PDF page
    last: int = 0              # source line of a word moved up onto this line (dehyphenation); 0: none
    indent: int = 0            # leading spaces of the raw line, a layout hint (a paragraph's first line)

    @property
    def end(self) -> int:
        """The last source line this line's text comes from."""
        return max(self.no, self.last)


@dataclass(frozen=True)
class Furniture:
    """A piece of page furniture the cleaner removed on purpose (listed in the build report)."""

    line: int
    text: str
    reason: str                # e.g. "running header", "reference number", "letterhead"


@dataclass(frozen=True)
class Note:
    """A footnote body or figure caption lifted out of the running text."""

    kind: str                  # "footnote" | "caption"
    number: str                # footnote number ("17") or figure label ("Figuur 1")
    text: str
    span: Span
    after_line: int            # source line of the running text it interrupted (placement)
    line_starts: tuple[tuple[int, int], ...] = ()    # (offset in text, source line)


@dataclass(frozen=True)
class PageRun:
    """Source lines `first`-`last` (1-based, inclusive) lie on printed pages `start` to `end`
    (0: unknown); start == end for a whole page (generator/printed_pages.py)."""

    first: int
    last: int
    start: int
    end: int


@dataclass(frozen=True)
class Cleaned:
    lines: list[Line]
    notes: list[Note]
    furniture: list[Furniture]
    # Every hyphen decided with the corpus vocabulary: (left, right, kept) at a line end,
    # ("inline", left, right, joined) inside a line of OCR text. A cached letter stays valid while
    # the vocabulary decides each of these the same way (clean.decided_again).
    hyphens: tuple[tuple, ...] = ()
    pages: tuple[PageRun, ...] = ()      # the printed pages of the source, where known


# --- parse -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class FootnoteRef:
    offset: int                # character offset in the block text where the marker goes
    number: str


@dataclass(frozen=True)
class Mention:
    """A reference in a letter to a resolution, mission, country or Kamerstuk."""

    letter_id: str
    source_file: str
    kind: str                  # resolution | mission | country | kamerstuk
    key: str                   # "2417", "MINUSMA", "SY", "26150-168"
    explicit: bool             # False for indirect forms ("NAP 1325")
    line: int                  # 1-based source line where the mention starts
    anchor: str                # anchor of the paragraph/answer/footnote it is in
    surface: str               # the text as written
    start: int = 0             # offsets in the block's (or footnote's) text
    end: int = 0
    block: int = -1            # index into Letter.blocks; -1 for a footnote
    footnote: str = ""         # the footnote number when it is in a footnote


@dataclass
class Block:
    """One unit of the letter body. `kind` selects the template used to render it.

    kinds: heading, paragraph, bullet, caption, signature, fractie, question, answer
    """

    kind: str
    text: str
    span: Span
    level: int = 0             # headings: 2 = section, 3 = subsection (1 is the page title)
    number: str = ""           # heading number ("1", "II"), answer number ("51")
    label: str = ""            # the source label as written ("63. Antwoord op vragen van het kabinet:")
    anchor: str = ""           # stable anchor id, unique within the letter
    footnote_refs: list[FootnoteRef] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)   # signature: the lines as laid out
    part: str = ""             # "letter" or "annex": which part of the document it is in
    fractie: str = ""          # Q&A: the party a question/answer belongs to
    topic: str = ""            # Q&A: the topic sub-heading the block falls under
    line_starts: list[tuple[int, int]] = field(default_factory=list)  # (offset in text, source line)
    # written questions (Kamervragen): which "Vragen van …" series of the letter (1, 2, …; 0 = none),
    # every question number a question/answer covers ("Vraag 4 en 5" -> [4, 5]; an answer to all
    # questions at once -> all of them), and on a series head the asking members as (name, party)
    series: int = 0
    numbers: list[int] = field(default_factory=list)
    askers: list[tuple[str, str]] = field(default_factory=list)
    # the printed page the block starts on, and the page it runs on to (0: unknown, or the same);
    # set after parse from Cleaned.pages (printed_pages.assign). Old cached blocks read 0.
    page: int = 0
    page_end: int = 0

    def line_at(self, offset: int) -> int:
        """The source line of the character at `offset` in `text`."""
        return line_at(self.line_starts, offset, self.span.start)


@dataclass(frozen=True)
class Footnote:
    number: str
    text: str
    span: Span
    anchor: str = ""
    line_starts: tuple[tuple[int, int], ...] = ()    # (offset in text, source line)

    def line_at(self, offset: int) -> int:
        return line_at(self.line_starts, offset, self.span.start)


@dataclass(frozen=True)
class Signatory:
    name: str
    role: str = ""


@dataclass(frozen=True)
class Member:
    """A member of parliament as a paper names them: "Van den Bergh", party "PvdA"."""

    name: str
    party: str = ""


@dataclass
class Meta:
    title: str = ""
    kind: str = ""             # a key of content/knowledge/kinds.yml (kamerbrief, motie, kamervragen, …)
    date: dt.date | None = None
    year: int | None = None    # the letter's year: of its date, else derived from its UNGA session
    sessions: list[int] = field(default_factory=list)   # UNGA session numbers (e.g. [75, 74])
    kamerstuk: str = ""        # "26 150, nr. 187" as written; empty when unknown
    url: str = ""              # official publication URL, empty when unknown
    signatories: list[Signatory] = field(default_factory=list)
    chamber: str = ""          # "II" Tweede Kamer, "I" Eerste Kamer, "" unknown
    vergaderjaar: str = ""     # parliamentary year "2019-2020" (older papers: "Zitting 1978-1979")
    dossier: str = ""          # Kamerstuk dossier as written: "26 150", "22 800 X", "1038"
    number: str = ""           # number within the dossier: "187"
    aanhangsel: str = ""       # number in the Aanhangsel van de Handelingen (written questions): "387"
    askers: list[Member] = field(default_factory=list)   # who asked written questions
    provenance: dict[str, str] = field(default_factory=dict)  # field -> where it came from (Dutch)
    notes: str = ""            # maintainers' remarks from the sidecar (shown on the page)
    # the page where a sidecar fact was found (sidecar `sources`): field -> URL of the official
    # publication, e.g. {"kamerstuk": "https://zoek.officielebekendmakingen.nl/kst-26150-183"}
    sources: dict[str, str] = field(default_factory=dict)
    # facts looked up in the official publications and not found (sidecar `not_found`): "date", "kamerstuk", "url"
    not_found: list[str] = field(default_factory=list)
    inferred: list[str] = field(default_factory=list)   # which fields came from the text


# --- analyse (per letter: extract.extract_letter, extract.themes.passages, qaindex.round_of) ----

@dataclass(frozen=True)
class Reason:
    """Why a passage got a theme: its heading, or the words found in its text (word, count)."""

    source: str                          # "kop" | "tekst"
    words: tuple[tuple[str, int], ...] = field(default_factory=tuple)

    @property
    def total(self) -> int:
        return sum(n for _, n in self.words)


@dataclass
class Passage:
    """A part of a letter (a section, an answer, the introduction, …) with its themes."""

    letter_id: str
    kind: str                   # intro | section | answer | remarks | closing
    anchor: str                 # where a link to the passage goes
    title: str                  # the heading, "Vraag en antwoord 51", "Inleiding", …
    blocks: list[int]           # indexes into Letter.blocks
    span: Span
    paragraphs: int             # paragraph-like blocks (the unit of the attention chart)
    heading: str = ""           # the text used as heading evidence
    themes: list[str] = field(default_factory=list)
    reasons: dict[str, Reason] = field(default_factory=dict)

    @property
    def general(self) -> bool:
        return not self.themes


@dataclass(frozen=True)
class Item:
    """One numbered answer with the question(s) it replies to."""

    number: int
    fractie: str
    topic: str
    answer: Block
    question: Block | None
    references: tuple[int, ...]        # answers of this letter its text refers to, in order, once each
    series: int = 0                    # Kamervragen: which "Vragen van …" of the letter (1, 2, …); 0 otherwise
    numbers: tuple[int, ...] = ()      # every question number the answer replies to ("Antwoord 4 en 5")
    questions: tuple[Block, ...] = ()  # the questions it replies to (Kamervragen), in order
    askers: tuple[tuple[str, str], ...] = ()   # Kamervragen: the members who asked (name, party)

    @property
    def question_text(self) -> str:
        """The question(s) answered; several questions separated by an empty line."""
        if len(self.questions) > 1:
            return "\n\n".join(q.text for q in self.questions)
        return self.question.text if self.question else ""

    @property
    def question_lines(self) -> tuple[int, int] | None:
        qs = self.questions or ((self.question,) if self.question else ())
        return (qs[0].span.start, max(q.span.end for q in qs)) if qs else None


@dataclass
class Fractie:
    """A fractie's contribution to one round: its answered questions and its other paragraphs."""

    name: str
    slug: str
    anchor: str = ""                   # its heading on the letter page
    items: list[Item] = field(default_factory=list)
    remarks: list[Block] = field(default_factory=list)   # opening words, remarks without an answer
    askers: list[tuple[str, str]] = field(default_factory=list)   # Kamervragen: the asking members (name, party)

    @property
    def topics(self) -> list[tuple[str, list[Item]]]:
        """Its items grouped by topic sub-heading, in letter order ('' = no sub-heading)."""
        return [(topic, list(run)) for topic, run in groupby(self.items, key=lambda i: i.topic)]


@dataclass
class Round:
    """The Q&A of one letter."""

    letter: Letter
    items: list[Item]
    fracties: list[Fractie]
    links: dict[str, list[tuple[int, int, int]]]     # block anchor -> (start, end, answer number)
    note_links: dict[str, list[tuple[int, int, int]]]  # footnote number -> (start, end, answer number)
    warnings: list[str]

    @property
    def numbers(self) -> set[int]:
        return {i.number for i in self.items}

    @property
    def kind(self) -> str:
        """'kamervragen' (written questions of members) or 'schriftelijk-overleg' (fracties)."""
        return "kamervragen" if any(i.series for i in self.items) else "schriftelijk-overleg"

    @property
    def askers(self) -> list[tuple[str, str]]:
        """Kamervragen: the asking members (name, party) of all series, once each, in order."""
        return list(dict.fromkeys(a for f in self.fracties for a in f.askers))

    def anchor(self, number: int | str) -> str:
        """The page anchor of answer `number` (the first, should the letter number two alike);
        'S-N' is answer N of the S-th series of Kamervragen in the letter."""
        if isinstance(number, str):
            series, _, n = number.partition("-")
            return next(i.answer.anchor for i in self.items if i.series == int(series) and i.number == int(n))
        return next(i.answer.anchor for i in self.items if i.number == number)


@dataclass
class Analysis:
    """What the per-letter analysis finds in a parsed letter, attached once (pipeline.make_entry)."""

    mentions: list[Mention] = field(default_factory=list)   # extract.extract_letter
    passages: list[Passage] = field(default_factory=list)   # extract.themes.passages: sections, their themes
    qa: Round | None = None                                  # qaindex.round_of: a written Q&A round, else None


@dataclass
class Letter:
    id: str                    # slug, also the page folder
    source: Source
    meta: Meta
    blocks: list[Block]
    footnotes: list[Footnote]
    furniture: list[Furniture]
    warnings: list[str] = field(default_factory=list)
    analysis: Analysis = field(default_factory=Analysis)

    @property
    def mentions(self) -> list[Mention]:
        return self.analysis.mentions

    @property
    def passages(self) -> list[Passage]:
        return self.analysis.passages

    @property
    def qa(self) -> Round | None:
        return self.analysis.qa

    @property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind in ("paragraph", "bullet", "question", "answer")]

    @property
    def answers(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "answer"]


@dataclass(frozen=True)
class OutputPage:
    """A generated file: its path relative to the docs folder and its content (bytes only for a
    file copied as it is: a letter's PDF). `abbreviations`: the page marks the glossary's
    abbreviations itself (a letter page: pages/html.py), so it gets no definitions appended."""

    path: str
    text: str | bytes
    abbreviations: bool = False
