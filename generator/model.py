"""Plain dataclasses shared by the pipeline stages. No I/O, no logic beyond trivial helpers.

Every block carries the 1-based, inclusive range of source lines it came from (`Span`), so a
mention, a paragraph or an answer can always be traced back to the file a maintainer edits.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
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
class Cleaned:
    lines: list[Line]
    notes: list[Note]
    furniture: list[Furniture]
    # Every hyphen decided with the corpus vocabulary: (left, right, kept) at a line end,
    # ("inline", left, right, joined) inside a line of OCR text. A cached letter stays valid while
    # the vocabulary decides each of these the same way (clean.decided_again).
    hyphens: tuple[tuple, ...] = ()


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
    inferred: list[str] = field(default_factory=list)   # which fields came from the text


@dataclass
class Letter:
    id: str                    # slug, also the page folder
    source: Source
    meta: Meta
    blocks: list[Block]
    footnotes: list[Footnote]
    furniture: list[Furniture]
    warnings: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    passages: list = field(default_factory=list)      # extract.themes.Passage: sections with their themes
    qa: object | None = None                           # qaindex.Round for a written Q&A round, else None

    @property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind in ("paragraph", "bullet", "question", "answer")]

    @property
    def answers(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "answer"]


@dataclass(frozen=True)
class OutputPage:
    """A generated file: its path relative to the docs folder and its content."""

    path: str
    text: str
