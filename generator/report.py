"""What a build did, and how the command line prints it."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .extract.base import KINDS
from .kinds import Kinds
from .meta import KIND_NOT_RECOGNISED
from .model import Furniture, Letter
from .search import SearchStats


@dataclass(frozen=True)
class LetterRow:
    """One letter as the generator understood it: a line of `check --report`."""

    id: str
    file: str
    kind: str                      # kind key
    date: str                      # ISO date, or the year alone, or ""
    reference: str                 # the letter's own citation ("Kamerstukken II 2020/21, 26 150, nr. 187"), or ""
    title: str
    paragraphs: int
    headings: int
    qa_pairs: int                  # numbered answers of a written Q&A round (with their questions)
    furniture: int                 # lines of page furniture removed
    warnings: int
    missing: tuple[str, ...] = ()  # of kind, date, reference: what was neither read nor set in a sidecar
    sidecar: bool = False


@dataclass
class BuildReport:
    letters: int = 0
    pages: int = 0                                                  # Markdown pages generated
    furniture: dict[str, list[Furniture]] = field(default_factory=dict)   # letter id -> removed lines
    mentions: dict[str, dict[str, int]] = field(default_factory=dict)     # letter id -> kind -> count
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    generate_seconds: float | None = None                           # the generator's share of `seconds`
    written: int | None = None                                      # docs files rewritten (None: dry run)
    site_dir: Path | None = None
    deleted: int = 0                                                # docs files removed
    incremental: bool = False                                       # MkDocs rendered changed pages only
    site_unchanged: bool = False                                    # nothing changed: no MkDocs, no Pagefind
    processed: int | None = None                                    # letters processed (the others: cache)
    rendered: int | None = None                                     # letter pages rendered (the others: cache)
    inputs_unchanged: bool = False                                  # same inputs as the last build: nothing generated
    stages: dict[str, float] = field(default_factory=dict)          # stage -> seconds
    search: SearchStats | None = None                               # Pagefind's index of the built site
    rows: list[LetterRow] = field(default_factory=list)             # per letter, for `check --report`

    @property
    def furniture_total(self) -> int:
        return sum(len(lines) for lines in self.furniture.values())


def format_report(report: BuildReport, verbose: bool = False) -> str:
    cached = f" ({report.processed} processed, {report.letters - report.processed} from the cache)" \
        if report.processed is not None else ""
    out = [f"letters: {report.letters}{cached}",
           f"pages: {report.pages}" + (f" ({report.written} changed" + (f", {report.rendered} letter pages rendered"
                                                                         if report.rendered is not None else "") + ")"
                                       if report.written is not None else ""),
           f"furniture removed: {report.furniture_total} lines"]
    for letter_id, lines in report.furniture.items():
        out.append(f"  {letter_id}: {len(lines)}")
        if verbose:
            out.extend(f"    line {f.line} ({f.reason}): {f.text}" for f in lines)
    if report.mentions:
        totals = Counter()
        for counts in report.mentions.values():
            totals.update(counts)
        out.append(f"mentions: {sum(totals.values())} (" + ", ".join(f"{k} {totals[k]}" for k in KINDS) + ")")
        if verbose:
            out.extend(f"  {letter_id}: " + ", ".join(f"{k} {counts.get(k, 0)}" for k in KINDS)
                       for letter_id, counts in report.mentions.items())
    if report.inputs_unchanged:
        out.append("generator: letters, knowledge, pages, settings and code as in the previous build, "
                   "so no letter was read and no page rendered")
    out.append(f"warnings: {len(report.warnings)}")
    out.extend(f"  {w}" for w in report.warnings)
    if report.site_dir is not None:
        out.append(f"site: {report.site_dir} (to look at it: python3 -m http.server -d {report.site_dir})")
    if report.search is not None:
        out.append(f"search: {report.search.pages} pages indexed by Pagefind "
                   f"({', '.join(report.search.languages) or 'no language'}) in {report.search.seconds:.1f} s")
    if report.site_unchanged:
        out.append(f"time: {report.seconds:.1f} s (generator {report.generate_seconds or 0:.1f} s; no page "
                   "changed, so the site was left as it was: no MkDocs, no Pagefind)")
    elif report.generate_seconds is not None:
        pagefind = report.search.seconds if report.search is not None else 0.0
        out.append(f"time: {report.seconds:.1f} s (generator {report.generate_seconds:.1f} s, "
                   f"MkDocs {report.seconds - report.generate_seconds - pagefind:.1f} s"
                   + (", changed pages only" if report.incremental else "")
                   + (f", Pagefind {pagefind:.1f} s)" if report.search is not None else ")"))
    else:
        out.append(f"time: {report.seconds:.1f} s")
    if verbose and report.stages:
        out.append("stages: " + ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in report.stages.items()))
    return "\n".join(out)


REPORT_COLUMNS = ("letter", "kind", "date", "reference", "title", "par.", "head.", "Q&A", "furn.", "warn.", "needs")
REPORT_TITLE_MAX = 60


def format_letter_table(rows: list[LetterRow]) -> str:
    """`check --report`: one row per letter as a Markdown table (readable in a terminal, pasteable in
    an issue), then how many letters miss what. "needs" names what was neither found in the text
    nor set in a sidecar: those letters want a sidecar (see CONTRIBUTING.md)."""
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ") or "–"

    def short(title: str) -> str:
        return title if len(title) <= REPORT_TITLE_MAX else title[:REPORT_TITLE_MAX - 1].rstrip() + "…"

    out = ["| " + " | ".join(REPORT_COLUMNS) + " |", "|" + "---|" * len(REPORT_COLUMNS)]
    for r in rows:
        values = (r.id + (" (sidecar)" if r.sidecar else ""), r.kind, r.date, r.reference, short(r.title),
                  str(r.paragraphs), str(r.headings), str(r.qa_pairs), str(r.furniture), str(r.warnings),
                  ", ".join(r.missing))
        out.append("| " + " | ".join(cell(v) for v in values) + " |")
    missing = Counter(field for r in rows for field in r.missing)
    out.append("")
    out.append(f"{len(rows)} letters; without " + ", ".join(f"{name}: {missing[name]}" for name in MISSING_FIELDS)
               + f"; with warnings: {sum(1 for r in rows if r.warnings)}")
    return "\n".join(out)


MISSING_FIELDS = ("kind", "date", "reference")


def letter_row(letter: Letter, kinds: Kinds) -> LetterRow:
    """A letter's line in `check --report`. The reference is the kind's own citation (kinds.yml)
    when every part of it is known, else the Kamerstuk number as written, else empty."""
    meta = letter.meta
    reference = kinds.citation(meta.kind, meta) or meta.kamerstuk
    missing = []
    if meta.provenance.get("kind") == KIND_NOT_RECOGNISED:
        missing.append("kind")
    if meta.date is None:
        missing.append("date")
    if not reference:
        missing.append("reference")
    counts = Counter(b.kind for b in letter.blocks)
    return LetterRow(
        id=letter.id, file=letter.source.name, kind=meta.kind,
        date=meta.date.isoformat() if meta.date else str(meta.year or ""), reference=reference,
        title=meta.title, paragraphs=len(letter.paragraphs), headings=counts["heading"],
        qa_pairs=len(letter.qa.items) if letter.qa else 0, furniture=len(letter.furniture),
        warnings=len(letter.warnings), missing=tuple(missing), sidecar=bool(letter.source.sidecar))
