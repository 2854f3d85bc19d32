"""Source -> Meta: what a letter is (kind, date, title, reference, askers, signatories), read from its text.

Pure functions, no I/O. Values from the sidecar override what is inferred; `Meta.inferred` lists
the fields that came from the text and `Meta.provenance` says where each one was found
("regel 3: «Vergaderjaar 1992-1993»"). The kinds of document and their cues are data
(content/knowledge/kinds.yml, passed in as a `kinds.Kinds`); the printed forms of dates and
references are the tables below. Everything is inferred from `source.text`, so it does not
depend on the parser. Fields live at the head of a paper: the patterns look at its first
lines (`top`) only, except the letter's dateline and the Kamerstuk footer, which a letter may
print at its end.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from functools import lru_cache

from babel.dates import get_month_names
from slugify import slugify

from .errors import SourceError
from .words import safe_lower
from .kinds import Kinds, default_kinds
from .model import Block, Member, Meta, Signatory, Source

# --- tables --------------------------------------------------------------------------------------

# Where a pattern is looked for, in characters of the flattened text (whitespace collapsed,
# line-end hyphens joined). "opening" starts after the salutation when the letter has one
# (plus the text's very start, in case that "salutation" was quoted in something else).
SCOPES = {"opening": 700, "head": 4000, "all": None}
# "top": the text as written, its first TOP_LINES lines and at most TOP_CHARS characters: where a
# paper prints its chamber, year, dossier, document type, questions and dates.
TOP_LINES = 60
TOP_CHARS = 12000

# UNGA sessions: an ordinal attached to "zitting van de AVVN", "AVVN" or "Algemene Vergadering".
_ORDINAL = r"(?<![\d.,])(\d{1,3}) ?(?:e|ste|de)\)?"
SESSION_PATTERNS = (
    r" zitting van de (?:Algemene Vergadering|AVVN)\b",
    r" (?:AVVN|Algemene Vergadering)(?![a-zA-Z])",
)
SESSION_RANGE = range(1, 201)
# One regex for all patterns (they differ after the ordinal, so no two match at one place: one
# scan finds what a scan per pattern would). It is _ORDINAL with its first digit first and the
# lookbehind after it ("(?<![\d.,]\d)": nothing of a number before that digit), so the regex
# engine skips quickly to the next digit; the matches are those of _ORDINAL + the patterns.
_SESSION_RE = re.compile(r"(\d(?<![\d.,]\d)\d{0,2}) ?(?:e|ste|de)\)?(?:" + "|".join(SESSION_PATTERNS) + ")",
                         re.IGNORECASE)

# The UN General Assembly's Nth regular session opens in September of 1945 + N. An inzetbrief for
# session N is sent that summer, a report on its ministerial week and the written consultation on
# its inzet that autumn: the letter's year follows from its main session when its date is unknown.
FIRST_SESSION_YEAR = 1945
YEAR_FROM_SESSION_KINDS = {"inzetbrief", "verslag-ministeriele-week", "schriftelijk-overleg"}

# Title templates by kind; {s} is the main session, {year} the Security Council year.
TITLE_TEMPLATES = {
    "inzetbrief": "Inzet van het Koninkrijk voor de {s}e AVVN",
    "verslag-ministeriele-week": "Verslag ministeriële week {s}e AVVN",
    "schriftelijk-overleg": "Schriftelijk overleg over de inzet voor de {s}e AVVN",
    "terugblik-veiligheidsraad": "Terugblik op het lidmaatschap van de VN-Veiligheidsraad{year}",
}
# A title printed on the paper (document type, dossier title, the subject of written questions)
# is kept whole up to TITLE_MAX characters (official titles run to 200: "Goedkeuring van het op
# 24 oktober 1966 … ondertekende Internationaal Verdrag … inzake de uitbanning van elke vorm van
# rassendiscriminatie"); a title guessed from the first sentence is cut at GUESS_MAX.
TITLE_MAX = 220
GUESS_MAX = 90
# The year of a Security Council membership: "VN Veiligheidsraad 2018", "In 2018 was het Koninkrijk ... lid"
SC_YEAR_PATTERN = (r"Veiligheidsraad (?:in )?((?:19|20)\d\d)\b"
                   r"|\bIn ((?:19|20)\d\d) was het Koninkrijk[^.]{0,60}? lid van de [^.]{0,20}Veiligheidsraad")

# --- dates: Babel's Dutch month names, any case; OCR forms "19april 1993", "2 3 april" ---
# The provenance of a kind no cue recognised (the default kind); `check --report` looks for it.
KIND_NOT_RECOGNISED = "standaard (niet herkend)"
MONTHS = {name.lower(): no for no, name in get_month_names("wide", locale="nl").items()}
_MONTH = "|".join(MONTHS)
_DAY = r"(\d ?\d|\d)(?:ste|sten|de|den|e)?"
DATE = rf"{_DAY}[ \t]*({_MONTH})[ \t]+(\d{{4}})"
# a date wrapped at a line end ("(ontvangen 13 november␤2023).")
DATE_WRAPPED = rf"{_DAY}[ \t]*\n?[ \t]*({_MONTH})(?:[ \t]+|[ \t]*\n[ \t]*)(\d{{4}})"
_WEEKDAY = "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"


def ocr_word(word: str) -> str:
    """A word as OCR may print it, with a stray hyphen (and space) from a printed line end
    between any two letters: "Ontvan-gen", "In- gezonden"."""
    return "(?:-[ \t]?)?".join(re.escape(c) for c in word)


# The letter's own date: the letterhead field "Datum ..." or a dateline "Den Haag, 15 mei 2020",
# "'s-Gravenhage, 30 December 1949." (looked for in the whole text: a dateline may stand late).
DATE_PATTERNS = (
    rf"^[ \t]*Datum[ \t]*:?[ \t]+{DATE}[ \t]*$",
    rf"^[ \t]*(?:Den Haag|['’]s[- ]Gravenhage),?[ \t]+{DATE}\.?[ \t]*$",
)
_LETTER_DATE_RE = [re.compile(p, re.MULTILINE | re.IGNORECASE) for p in DATE_PATTERNS]
# Per pattern of DATE_PATTERNS, the words (in lower case) one of which stands in every line it
# matches: only those lines are tried (_search_lines).
_LETTER_DATE_WORDS = (("datum",), ("den haag", "gravenhage"))
# The dates a paper gives itself, looked for in its top lines (named for the provenance):
PAPER_DATES = {
    # "(Ingezonden 2 oktober 2023)", "(Ontvangen 13 november 2023)", "Ontvangen 28 oktober 1976",
    # "(Ingezonden bij brief van 29 september 1970)"
    "ontvangen": rf"(?i)\(?\b(?:{ocr_word('ontvangen')}|{ocr_word('ingezonden')})\b[^()\d\n]{{0,30}}?{DATE_WRAPPED}",
    # "Vastgesteld 31 augustus 1992", "Aldus vastgesteld 9 December 1948."
    "vastgesteld": rf"(?i)\b{ocr_word('vastgesteld')}(?:[ \t]+den)?[ \t]+{DATE}",
    # "Voorgesteld 3 maart 1977", "Voorgesteld in de uitgebreide commissievergadering van 14 december 1981"
    "voorgesteld": rf"(?i)\b{ocr_word('voorgesteld')}\b[^\d\n]{{0,80}}?{DATE}",
    # the sitting of plenary proceedings: "VERGADERING VAN DINSDAG 20 JUNI 1950", the running
    # head "Woensdag 6 november 1974 Aanvang 13.00 uur", "Eerste Kamer 18 november 1986"
    "vergadering": rf"(?i)(?:\bvergadering van (?:{_WEEKDAY})[ \t]+{DATE}"
                   rf"|^[ \t]*(?:{_WEEKDAY})[ \t]+{DATE}[ \t]+Aanvang\b"
                   rf"|^[ \t]*(?:Eerste|Tweede) Kamer[ \t]+{DATE}[ \t]*$)",
}
_PAPER_DATE_RE = {name: re.compile(p, re.MULTILINE) for name, p in PAPER_DATES.items()}
_INGEZONDEN = re.compile(rf"(?i)\(?\b{ocr_word('ingezonden')}\b[^()\d\n]{{0,30}}?{DATE_WRAPPED}")
_ANTWOORD = re.compile(r"(?i)\b(?:antwoord|mededeling)\b")

# --- chamber, vergaderjaar, dossier, number, Aanhangsel ---
_YEARS = r"(\d{4})[ \t]*[-–—/][ \t]*(\d{4}|\d{2})\b"
# The chamber as the page furniture prints it, at a line start ("Tweede Kamer der Staten-Generaal",
# "Eerste" / "Kamer" on two lines, the running head "Eerste Kamer 7 november 1978", "VAN DE TWEEDE
# KAMER DER STATEN-GENERAAL"), in a citation or identifier; else the letter's addressee. A chamber
# named inside a sentence is not the paper's. The first pattern that matches wins.
# OCR may read the T of "Tweede" at a line start as i, l, 1 or I ("iweede Kamer", 1948).
CHAMBER_PATTERNS = (
    r"(?im)^[ \t]*(?:van de[ \t]+)?(Eerste|Tweede|[il1I]weede)[ \t]*(?:\n[ \t]*)?Kamer(?![a-z])",
    r"(?im)^[ \t]*Aanhangsel\b[^\n]{0,40}?\bHandelingen der (Eerste|Tweede) Kamer\b",
    r"(?i)\b(?:Aanhangsel )?Handelingen[ \t]+(I{1,2})[ \t]+\d{4}",
    r"(?i)\bah-(tk|ek)-\d{8}-",
    r"(?i)\bAan de (?:Heer |Hoogedelgestrenge )?Voorzitter van de (Eerste|Tweede) Kamer\b",
)
_CHAMBER_RE = [re.compile(p) for p in CHAMBER_PATTERNS]
VERGADERJAAR_PATTERNS = (
    rf"(?i)\b(?:vergaderjaar|zittingsjaar|zitting)[ \t]+{_YEARS}",
    rf"(?i)\bHandelingen[ \t]+I{{1,2}}[ \t]+{_YEARS}",
    r"(?i)\b(?:ah-(?:tk|ek)|kst)-(\d{4})(\d{4})-",
)
_VERGADERJAAR_RE = [re.compile(p) for p in VERGADERJAAR_PATTERNS]
# else the foot of a page of the old Bijlagen: "Handelingen der Staten-Generaal Bijlagen 1948—1949"
# (the \b before "Staten-Generaal" written as a lookbehind after it: a pattern that starts with
# a plain word is searched for much faster)
_BIJLAGEN_FOOTER = re.compile(rf"Staten-Generaal(?<!\wStaten-Generaal)[ \t]+Bijlagen[ \t]+{_YEARS}")
# A dossier as printed: "26 150", "26150", "22 800 X", "2300 VIIIB", "21 501-02", "18 950 (R 1281)"
_ROMAN = r"(?:[IVXLC]+(?:[ ]?[A-Z])?)"
DOSSIER = rf"\d{{1,2}}[ ]?\d{{3}}(?:[ ]{_ROMAN}\b|-\d{{2}}\b|[ ][A-Z]\b)?(?:[ ]?\(R[ ]?\d+\))?"
# The published identifier: kst-26150-187, kst-36200-V-3
# (\bkst-…, with the \b written as a lookbehind after "kst-", for a fast search)
_KST_RE = re.compile(r"kst-(?<!\wkst-)(\d{3,6})(?:-([0-9A-Z]{1,6}))?-(\d{1,4})\b")
# The running footer: "Tweede Kamer, vergaderjaar 2020–2021, 26 150, nr. 187 6",
# "Tweede Kamer, zitting 1976-1977,14100 hoofdstuk V, nr. 10", "Zitting 1980-1981, 15 441, nr. 26"
_FOOTER_RE = re.compile(
    rf"(?i)(?:Kamer,?[ \t]*|\b)(?:vergaderjaar|zitting)[ \t]+\d{{4}}[ \t]*[-–][ \t]*\d{{4}},[ \t]*"
    rf"(?P<dossier>{DOSSIER})(?:,?[ \t]*(?:hoofdstuk|hfdst\.)[ \t]*(?P<part>{_ROMAN}))?,[ \t]*nr\.[ \t]*(?P<nr>\d+)\b")
# The first page of a Kamerstuk: the dossier on a line of its own (or after the session:
# "ZITTING 1956—1957 — 4427", "Zitting 1967-1968 -9300"), its number on a later line ("Nr. 187",
# "No. 3", or at the end of the document type: "BRIEF VAN … Nr. 30")
_DOSSIER_LINE = re.compile(rf"^[ \t]*(?:(?i:zitting)[ \t]+\d{{4}}[ \t]*[-–—][ \t]*\d{{4}}[ \t]*[-–—][ \t]*)?"
                           rf"(?P<dossier>{DOSSIER}|\d{{3,4}})(?:[ \t]+\([^)\n]{{1,20}}\))?[ \t]*$", re.MULTILINE)
_NUMBER = re.compile(r"(?m)(?:^|[ \t])(?:Nr|No)\.?[ \t]?(\d{1,4})\b(?![.,]\d)")
# An old running head ending in dossier, budget chapter and number: "… 2300 VIIIB 1—2", "9300 V 58"
_RUNNING_HEAD = re.compile(rf"(?m)(?:^|[ \t])(?P<dossier>\d{{1,2}} ?\d{{3}} {_ROMAN})[ \t]+(?P<nr>\d{{1,3}}(?:[ \t]*[-—–][ \t]*\d{{1,3}})?)[ \t]*$")
# The sitting of plenary proceedings: "50ste VERGADERING — 20 JUNI 1950", "21ste Vergadering"
_SITTING = re.compile(r"(?m)^[ \t]*([\dIl]{1,3})[ \t]?(?:STE|ste|DE|de|E|e)[ \t]?(?:VERGADERING|[Vv]ergadering)\b")
# The letter that numbers an Eerste Kamer paper in its dossier, before the document type: "B VOORLOPIG VERSLAG"
_LETTER_NUMBER = re.compile(r"(?m)^[ \t]*([A-Z]{1,2})[ \t]+(?=[A-Z]{3,}\b)(?![A-Z]{1,2}[ \t]+\d)")
_CHAPTER_LINE = re.compile(rf"^[ \t]*(?i:hoofdstuk)[ \t]+({_ROMAN})\b", re.MULTILINE)
HEAD_BLOCK_LINES = 25          # the first-page block: this many lines at most …
HEAD_BLOCK_WIDTH = 250         # … each at most this long (the text proper has long lines)
# The Aanhangsel: "Aanhangsel Handelingen II 2023/24, nr. 387", ah-tk-20232024-387, or the old
# item number printed above (or before) the questions: "1037" / "1425. VRAGEN van de heren …"
_AANHANGSEL_RE = re.compile(rf"(?i)\bAanhangsel (?:van de )?Handelingen[ \t]+(I{{1,2}})[ \t]+{_YEARS},?[ \t]*nr\.[ \t]*(\d+)")
_AH_ID_RE = re.compile(r"(?i)\bah-(tk|ek)-(\d{4})(\d{4})-(\d+)\b")
# The lead of written questions, wrapped over at most five lines of a paragraph (a blank line ends
# it): "Vragen van het lid Lambregts (D66) aan de Minister van Buitenlandse Zaken over de␤veiligheid
# van VN-personeel in conflictgebieden (ingezonden 2 oktober 2023)."; `question_lead` cuts it.
_QUESTIONS = re.compile(
    r"(?im)^[ \t]*(?:(?P<item>\d{1,4})\.[ \t]*)?(?P<lead>Vragen (?:gesteld )?van (?:het lid|de leden|de heer|de heren|mevrouw)"
    r"|Vragen van het Eerste Kamerlid)\b(?P<rest>[^\n]{0,600}(?:\n(?![ \t]*\n)[^\n]{0,600}){0,4})")
_LEAD_END = re.compile(rf"\((?:{ocr_word('ingezonden')}|{ocr_word('ontvangen')})\b", re.IGNORECASE)
KAMERSTUK_URL = "https://zoek.officielebekendmakingen.nl/kst-{id}"
AANHANGSEL_URL = "https://zoek.officielebekendmakingen.nl/ah-{chamber}-{years}-{nr}"
FIRST_PUBLISHED_YEAR = 1995    # officielebekendmakingen.nl has Kamerstukken and Aanhangsels from 1995 on

# --- titles ---
SUBJECT_PATTERN = r"^[ \t]*Betreft[ \t]*:?[ \t]+(\S.*?)[ \t]*$"
SALUTATION_PATTERN = r"Geachte (?:voorzitter|Voorzitter|heer|mevrouw)[^,\n]{0,40},"
# "over …" of written questions; "inzake", "betreffende", "omtrent" are written "over" in a title
QUESTION_SUBJECT = re.compile(r"(?i)\b(over|inzake|betreffende|omtrent|naar aanleiding van)\s+(.+?)\s*\.?\s*$")
# Lines of page furniture that are never a title: chamber and session headers, numbers, sheet marks
HEADER_LINE = re.compile(
    r"(?i)^[ \t]*(?:(?:Eerste|Tweede)(?:[ \t]+Kamer(?:[ \t]+der[ \t]+Staten-Generaal)?)?|Kamer|Staten-Generaal"
    r"|(?:Vergaderjaar|Zitting|Zittingsjaar)\b.*|[\dIl|]{1,6}\.?|Nr\.?[ \t]?\d+.*|No\.[ \t]?\d+.*|Ve[l!][ \t]+\d+|\d+[ \t]+vel"
    r"|#[ #\d]*|Aanhangsel\b.*|Bijlagen?|Handelingen\b.*|Vragen gesteld door\b.*|VRAGEN door\b.*"
    r"|Verslag der Handelingen|van de Tweede Kamer der Staten-Generaal|Gedurende het zittingsjaar.*"
    rf"|{DOSSIER}(?:[ \t].{{0,20}})?)[ \t]*$")
PARTICLES = {"van", "de", "der", "den", "het", "ten", "ter", "te", "en", "voor", "zonder", "op", "in", "'t"}
# Hyphens OCR left inside a line from a printed line end ("ontwikkelin-gen") are joined in titles
# and names when the joined word may be hyphenated there (pyphen's Dutch patterns), except after
# these prefixes, which keep their hyphen (hand-written: the Dutch compounds written with one)
KEEP_HYPHEN_AFTER = {"oud", "ex", "niet", "vice", "anti", "pro", "non", "semi", "staakt", "zuid", "noord", "oost", "west"}

# Signatures: "De Minister van Buitenlandse Zaken," followed (after blank lines) by a name line.
ROLE_START = re.compile(r"(?:^|(?<=\s))[Dd]e (?=(?:[Mm]inister|[Ss]taatssecretaris)\b)")
# A line where ROLE_START matches at the start (after its indent): where a signature can begin.
ROLE_LINE = re.compile(r"^[^\S\n]*[Dd]e (?:[Mm]inister|[Ss]taatssecretaris)\b", re.MULTILINE)
ROLE_WORDS = ("inister", "taatssecretaris")      # one of them stands in every line ROLE_LINE matches
ROLE_EXTRA = re.compile(r"^(?:[Mm]inister|[Ss]taatssecretaris)\b.*,$")   # "Minister van Algemene Zaken,"
_NAME_TOKEN = (r"(?:[A-ZÀ-Þ][a-z]?\.)+|[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)*"
               r"|van|de|der|den|ten|ter|von|du|le|la|'t")
NAME = re.compile(rf"(?:{_NAME_TOKEN})(?: (?:{_NAME_TOKEN})){{1,5}}")
MAX_ROLE_LINES = 3          # a role may wrap over this many lines
MAX_GAP = 6                 # blank lines allowed between a role and the name (room for a signature)
MAX_CLUSTER_GAP = 4         # lines between two signatures of one block


# --- entry points --------------------------------------------------------------------------------

def letter_id(source: Source) -> str:
    """Stable id of a letter: the slug of its file name."""
    return slugify(source.path.stem) or "brief"


def infer_meta(source: Source, blocks: list[Block] | None = None,
               warnings: list[str] | None = None, kinds: Kinds | None = None) -> Meta:
    """Meta from the text, overridden by the sidecar. Problems are appended to `warnings`.
    A sidecar kind the kinds file does not know raises SourceError naming the sidecar."""
    kinds = kinds or default_kinds()
    warn = warnings.append if warnings is not None else (lambda message: None)
    notes: list[str] = []
    provenance: dict[str, str] = {}
    found = infer_from_text(source.text, source.path.stem, blocks, kinds, notes, provenance)
    overrides = sidecar_fields(source.sidecar, kinds)
    if "kind" in overrides and kinds.get(overrides["kind"]) is None:
        raise kinds.unknown(overrides["kind"], source.sidecar_path or source.path)
    meta = dataclasses.replace(Meta(), **{**found, **overrides})
    meta.inferred = [name for name in found if name not in overrides]
    meta.provenance = {name: (sidecar_origin(name, meta.sources) if name in overrides else provenance.get(name, "tekst"))
                       for name in [*found, *overrides] if name not in ("notes", "sources", "not_found")}
    meta.year = infer_year(meta)
    if meta.year and "date" not in overrides:
        meta.inferred.append("year")
        if not meta.date:
            meta.provenance["year"] = f"afgeleid van de {meta.sessions[0]}e zitting van de AVVN"
    if not meta.kind:
        meta.kind = kinds.default
        meta.inferred.append("kind")
        meta.provenance["kind"] = KIND_NOT_RECOGNISED
        warn(f"{source.name}: kind of letter not recognised, taken as '{kinds.default}'; "
             f"set 'kind' in the sidecar ({', '.join(kinds.keys())})")
    if not source.sidecar:
        if not meta.year:
            warn(f"{source.name}: no date found; set 'date' in the sidecar")
        missing = kinds.missing(meta.kind, meta)
        if missing and not meta.kamerstuk:
            warn(f"{source.name}: no reference found ({', '.join(missing)} unknown, so the "
                 f"{kinds.label(meta.kind).lower()} cannot be cited); set them in the sidecar if the letter has them")
        for note in notes:
            warn(f"{source.name}: {note}")
    return meta


def sidecar_origin(name: str, sources: dict[str, str]) -> str:
    """The provenance of a sidecar value: "sidecar", or with the official page it was found on
    ("sidecar, bron: https://zoek.officielebekendmakingen.nl/kst-26150-183")."""
    return f"sidecar, bron: {sources[name]}" if name in sources else "sidecar"


def infer_from_text(text: str, stem: str = "", blocks: list[Block] | None = None,
                    kinds: Kinds | None = None, notes: list[str] | None = None,
                    provenance: dict[str, str] | None = None) -> dict:
    """The Meta fields the text gives, only those with a value. `provenance` (when given)
    receives per field where it was found; `notes` remarks for the warnings (a guessed title)."""
    kinds = kinds or default_kinds()
    notes = notes if notes is not None else []
    flat = flatten(text)
    top = top_of(text)
    kind, kind_at = infer_kind(flat, kinds, top)
    sessions = infer_sessions(flat)
    where_found: dict[str, str] = {}
    provenance = where_found if provenance is None else provenance
    found: dict = {"kind": kind, "sessions": sessions}
    if kind:
        provenance["kind"] = kind_at
    if sessions:
        provenance["sessions"] = "genoemd in de tekst"
    reference = infer_reference(text, top, kind, kinds)
    for name, (value, origin) in reference.items():
        found[name], provenance[name] = value, origin
    date, origin = infer_paper_date(text, top, kind, kinds)
    found["date"], provenance["date"] = date, origin
    if kind == "handelingen" and date and "vergaderjaar" not in found:
        found["vergaderjaar"], provenance["vergaderjaar"] = vergaderjaar_of(date), "afgeleid van de datum"
    askers, origin = infer_askers(top, kinds) if kind == "kamervragen" else ([], "")
    found["askers"], provenance["askers"] = askers, origin
    title, origin = infer_paper_title(text, top, flat, kind, sessions, stem, kinds, found, notes)
    found["title"], provenance["title"] = title, origin
    signatories = infer_signatories(text) or _signatories_from_blocks(blocks)
    found["signatories"] = signatories
    if signatories:
        at = text.find(signatories[0].name)
        provenance["signatories"] = where(text, at) if at != -1 else "ondertekening"
    found = {name: value for name, value in found.items() if value}
    for name in [n for n, origin in provenance.items() if n not in found or not origin]:
        del provenance[name]
    return found


def sidecar_fields(sidecar: dict, kinds: Kinds | None = None) -> dict:
    """Sidecar values as Meta fields."""
    plain = ("title", "kind", "date", "kamerstuk", "url", "notes", "chamber", "vergaderjaar", "dossier",
             "number", "aanhangsel")
    fields = {key: sidecar[key] for key in plain if key in sidecar}
    if "sessions" in sidecar:
        fields["sessions"] = list(sidecar["sessions"])
    if "signatories" in sidecar:
        fields["signatories"] = [Signatory(s["name"], s.get("role", "")) for s in sidecar["signatories"]]
    if "sources" in sidecar:
        fields["sources"] = dict(sidecar["sources"])
    if "not_found" in sidecar:
        fields["not_found"] = list(sidecar["not_found"])
    if "askers" in sidecar:
        party = (kinds or default_kinds()).party
        fields["askers"] = [Member(a["name"], party(a.get("party", "")) if a.get("party") else "")
                            for a in sidecar["askers"]]
    return fields


# --- text helpers --------------------------------------------------------------------------------

# "-" first (then the letter before it) lets the regex engine skip to the next hyphen
_LINE_END_HYPHEN = re.compile(r"-(?<=[a-zà-ÿ]-)[ \t]*\n[ \t\f]*(?=[a-zà-ÿ])")


def flatten(text: str) -> str:
    """One line of text: line-end hyphens joined ("Verga-\\ndering"), whitespace collapsed."""
    return " ".join(_LINE_END_HYPHEN.sub("", text).split())     # split(): the whitespace of \s


def top_of(text: str) -> str:
    """The first TOP_LINES lines of the text as written, at most TOP_CHARS characters."""
    end, pos = 0, -1
    for _ in range(TOP_LINES):
        pos = text.find("\n", pos + 1)
        if pos == -1:
            end = len(text)
            break
        end = pos
    return text[:min(end, TOP_CHARS)]


def line_no(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def where(text: str, offset: int, limit: int = 70) -> str:
    """Provenance of a value found at `offset`: 'regel 3: «Vergaderjaar 1992-1993»'."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = " ".join(text[start: end if end != -1 else len(text)].split())
    if len(line) > limit:
        around = max(0, min(offset - start - 10, len(line) - limit))
        line = ("…" if around else "") + line[around: around + limit].strip() + "…"
    return f"regel {line_no(text, offset)}: «{line}»"


def body_start(flat: str) -> int:
    """Offset where the letter proper begins: after the salutation when there is one."""
    match = re.search(SALUTATION_PATTERN, flat[: SCOPES["head"]])
    return match.end() if match else 0


def scoped(flat: str, scope: str) -> str:
    """The part of the text a rule looks at. "opening" is the start of the letter proper, plus
    the very start of the text in case a "salutation" was found in something else."""
    size = SCOPES[scope]
    if size is None:
        return flat
    if scope != "opening":
        return flat[:size]
    start = body_start(flat)
    return flat[start: start + size] + (" … " + flat[:size] if start else "")


def first_sentence(flat: str, start: int | None = None) -> str:
    """First sentence of the letter proper (or from `start`), at most the opening's length."""
    start = body_start(flat) if start is None else start
    opening = flat[start: start + SCOPES["opening"]].strip()
    match = re.match(r".{30,}?[.!?](?=\s+[A-Z«‘“\"(]|\s*$)", opening)
    return match.group(0) if match else opening


@lru_cache(maxsize=1)
def _pyphen():
    import pyphen
    return pyphen.Pyphen(lang="nl_NL")


def join_ocr_hyphens(text: str) -> str:
    """ "ontwikkelin-gen" -> "ontwikkelingen": an in-line hyphen between two lower-case parts
    that stands where the joined word may be hyphenated; compounds of KEEP_HYPHEN_AFTER stay."""
    def join(m: re.Match) -> str:
        left, right = m.group(1), m.group(2)
        if left.lower() in KEEP_HYPHEN_AFTER or right in PARTICLES or right in ("en", "of"):
            return m.group(0)
        word = left + right
        positions = set(_pyphen().positions(word.lower()))
        return word if len(left) in positions else m.group(0)
    return re.sub(r"(?<![\w-])([A-Za-zà-ÿ][a-zà-ÿ]+)-[ \t]?([a-zà-ÿ]+)\b(?!-)", join, text)


# --- kind and sessions ---------------------------------------------------------------------------

def infer_kind(flat: str, kinds: Kinds | None = None, top: str | None = None) -> tuple[str, str]:
    """(kind, where): the first rule of kinds.yml whose cues all match, and the place of its
    first cue; ("", "") when none does."""
    kinds = kinds or default_kinds()
    top = top if top is not None else ""
    for rule in kinds.rules:
        first = None
        for cue in rule.cues:
            haystack = top if cue.scope == "top" else scoped(flat, cue.scope)
            match = cue.pattern.search(haystack)
            if not match:
                break
            if first is None:
                first = where(top, match.start()) if cue.scope == "top" else f"tekst: «{shorten(match.group(0), 60)}»"
        else:
            return rule.kind, first or ""
    return "", ""


def session_mentions(flat: str) -> list[int]:
    """Session numbers in order of appearance."""
    numbers = (int(m.group(1)) for m in _SESSION_RE.finditer(flat))
    return [number for number in numbers if number in SESSION_RANGE]


def infer_sessions(flat: str) -> list[int]:
    """Main session first (the one in the first sentence, else the most frequent), then the
    earlier sessions the letter looks back on, most mentioned first, then the later ones it
    names (next year's session), in order."""
    mentions = session_mentions(flat)
    if not mentions:
        return []
    counts = Counter(mentions)
    in_first = session_mentions(first_sentence(flat)) or session_mentions(first_sentence(flat, 0))
    main = in_first[0] if in_first else max(counts, key=lambda n: (counts[n], -mentions.index(n)))
    earlier = sorted((n for n in counts if n < main), key=lambda n: (-counts[n], -n))
    later = sorted(n for n in counts if n > main)
    return [main, *earlier, *later]


# --- date ----------------------------------------------------------------------------------------

def _date_of(match: re.Match) -> dt.date | None:
    """The date of a match whose last three non-empty groups are day, month, year."""
    groups = [g for g in match.groups() if g]
    if len(groups) < 3:
        return None
    day, month, year = groups[-3:]
    try:
        return dt.date(int(year), MONTHS[month.lower()], int(day.replace(" ", "")))
    except (ValueError, KeyError):
        return None


def infer_date(text: str) -> dt.date | None:
    """The letter's own dateline or letterhead date ("Den Haag, 15 mei 2020", "Datum …")."""
    date, _ = _letter_date(text)
    return date


def _letter_date(text: str) -> tuple[dt.date | None, str]:
    lower = safe_lower(text)
    for pattern, words in zip(_LETTER_DATE_RE, _LETTER_DATE_WORDS):
        match = pattern.search(text) if lower is None else _search_lines(pattern, text, lower, words)
        if match:
            date = _date_of(match)
            return date, where(text, match.start()) if date else ""
    return None, ""


def infer_paper_date(text: str, top: str, kind: str, kinds: Kinds | None = None) -> tuple[dt.date | None, str]:
    """(date, where) of the paper: for written questions the date of the answer (else of the
    questions); else the dateline of a letter; else the first date the paper gives itself
    ("Vastgesteld", "Voorgesteld", "Ontvangen", the sitting) after its document-type heading."""
    if kind == "kamervragen":
        date, origin = _answer_date(top, kinds)
        if date:
            return date, origin
    date, origin = _letter_date(text)
    if date:
        return date, origin
    start = _heading_offset(top, kind, kinds)
    for offset in ((start, 0) if start else (0,)):
        best = None
        for pattern in _PAPER_DATE_RE.values():
            for match in pattern.finditer(top, offset):
                if _date_of(match):
                    if best is None or match.start() < best.start():
                        best = match
                    break
        if best is not None:
            return _date_of(best), where(top, best.start())
    return None, ""


def _answer_date(top: str, kinds: Kinds | None = None) -> tuple[dt.date | None, str]:
    """Written questions: the date of the government's reply ("Antwoord van … (Ontvangen …)",
    "(Ingezonden …)" in old pages, or a notice that the answer is delayed: "Mededeling van
    Minister … (Ontvangen …)", the reply the page prints) after the questions the page describes
    (`main_questions`), before the next item; else the questions' date."""
    questions, end = main_questions(top, kinds)
    start = questions.start() if questions else 0
    asked = _INGEZONDEN.search(top, start, end)
    after = asked.end() if asked else start
    for match in _PAPER_DATE_RE["ontvangen"].finditer(top, after, end):
        if _date_of(match) and _ANTWOORD.search(top, max(after, match.start() - 400), match.start()):
            return _date_of(match), where(top, match.start())
    if asked and _date_of(asked):
        return _date_of(asked), where(top, asked.start())
    return None, ""


def vergaderjaar_of(date: dt.date) -> str:
    """The parliamentary year a sitting day falls in: it opens on the third Tuesday of September
    (Prinsjesdag, Grondwet art. 65) and runs to the day before the next one."""
    first = dt.date(date.year, 9, 15)
    opening = first + dt.timedelta(days=(1 - first.weekday()) % 7)
    start = date.year if date >= opening else date.year - 1
    return f"{start}-{start + 1}"


def infer_year(meta: Meta) -> int | None:
    """The year of the letter's own date, else the opening year of its main UNGA session."""
    if meta.date:
        return meta.date.year
    if meta.sessions and meta.kind in YEAR_FROM_SESSION_KINDS:
        return FIRST_SESSION_YEAR + meta.sessions[0]
    return None


# --- reference: chamber, vergaderjaar, dossier, number, Aanhangsel -------------------------------

def _years(first: str, second: str) -> str:
    """ "1992", "93" -> "1992-1993"; "" unless the second year follows the first."""
    a = int(first)
    b = int(second) if len(second) == 4 else (a // 100) * 100 + int(second)
    if len(second) == 2 and b < a:
        b += 100
    return f"{a}-{b}" if b == a + 1 else ""


def normalise_dossier(dossier: str) -> str:
    """ "26150" -> "26 150", "18950 (R 1281)" -> "18 950 (R 1281)". A budget chapter stays as the
    paper prints it: "17 600 IX B" (1983), "2300 VIIIB" (1951), "36 200 IXB" (kst-36200-IXB-…)."""
    dossier = " ".join(dossier.split())
    match = re.match(r"(\d{1,2}) ?(\d{3})\b(.*)", dossier)
    if match and len(match.group(1) + match.group(2)) == 5:
        dossier = f"{match.group(1)} {match.group(2)}{match.group(3)}"
    return re.sub(r"\(R ?(\d+)\)", r"(R \1)", dossier)


def _kst_id(dossier: str) -> str:
    """The dossier as in a publication's identifier: "36 200 IX B" -> "36200-IXB", "21 501-02" -> "21501-02"."""
    dossier = re.sub(r"\b([IVXLC]+) ([A-Z])\b", r"\1\2", dossier)
    return "-".join(dossier.replace(" ", "", 1).split(" "))


def infer_reference(text: str, top: str, kind: str, kinds: Kinds | None = None) -> dict[str, tuple[str, str]]:
    """{field: (value, where)} for chamber, vergaderjaar, dossier, number, aanhangsel, kamerstuk, url."""
    out: dict[str, tuple[str, str]] = {}
    for pattern in _CHAMBER_RE:
        match = pattern.search(top)
        if match:
            word = match.group(1).lower()
            out["chamber"] = ("I" if word in ("eerste", "i", "ek") else "II", where(top, match.start()))
            break
    for pattern, haystack in [(p, top) for p in _VERGADERJAAR_RE] + [(_BIJLAGEN_FOOTER, text)]:
        for match in pattern.finditer(haystack):
            years = _years(match.group(1), match.group(2))
            if years:
                out["vergaderjaar"] = (years, where(haystack, match.start()))
                break
        if "vergaderjaar" in out:
            break
    own = (_aanhangsel(text, top, kinds) if kind == "kamervragen" else _sitting(top) if kind == "handelingen"
           else _kamerstuk(text, top))
    for name, value in own.items():
        if name not in ("chamber", "vergaderjaar") or name not in out:
            out[name] = value
    if "-" in out.get("number", ("", ""))[0] and "dossier" in out:
        label = _number_label(top, out["dossier"][0], out["number"][0], _heading_offset(top, kind, kinds))
        if label:
            out["number"] = label
    dossier, number = out.get("dossier", ("", ""))[0], out.get("number", ("", ""))[0]
    if dossier and number:
        out["kamerstuk"] = (f"{dossier}, {'nr. ' if not number.isalpha() else ''}{number}", out["number"][1])
        if ("url" not in out and _published(out) and out.get("chamber", ("",))[0] in ("I", "II")
                and (number.isdigit() or number.isalpha()) and "(" not in dossier):
            # a Tweede Kamer paper of 1995 or later that prints its dossier and number: its address
            out["url"] = (KAMERSTUK_URL.format(id=_kst_id(dossier) + f"-{number}"),
                          out["number"][1])
    return out


def _published(out: dict) -> bool:
    years = out.get("vergaderjaar", ("", ""))[0]
    return bool(years) and int(years[:4]) >= FIRST_PUBLISHED_YEAR


def _kamerstuk(text: str, top: str) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    kst = _KST_RE.search(text)
    if kst:
        digits, part, nr = kst.groups()
        origin = where(text, kst.start())
        out.update(dossier=(normalise_dossier(digits + (f" {part}" if part else "")), origin), number=(nr, origin),
                   url=(KAMERSTUK_URL.format(id=f"{digits}-{part}-{nr}" if part else f"{digits}-{nr}"), origin))
        return out
    footer = _first_footer(text)
    if footer:
        dossier = normalise_dossier(footer.group("dossier") + (f" {footer.group('part')}" if footer.group("part") else ""))
        origin = where(text, footer.start())
        out.update(dossier=(dossier, origin), number=(footer.group("nr"), origin))
        chamber = re.search(r"(?i)(Eerste|Tweede)[ \t]*Kamer", text[max(0, footer.start() - 8):footer.start() + 6])
        if chamber:
            out["chamber"] = ("I" if chamber.group(1).lower() == "eerste" else "II", origin)
        vergaderjaar = re.search(_YEARS, footer.group(0))
        if vergaderjaar and _years(*vergaderjaar.groups()):
            years = _years(*vergaderjaar.groups())
            out["vergaderjaar"] = (years, origin)
            if int(years[:4]) >= FIRST_PUBLISHED_YEAR and "(" not in dossier:
                out["url"] = (KAMERSTUK_URL.format(id=_kst_id(dossier) + "-"
                                                   + footer.group("nr")), origin)
        return out
    return _first_page_block(top)


_FOOTER_WORDS = ("vergaderjaar", "zitting")


def _first_footer(text: str) -> re.Match[str] | None:
    """_FOOTER_RE.search(text), tried only where its words stand: a case-insensitive scan of a
    whole letter for a rare line is slow. Each "vergaderjaar"/"zitting" in the lower-cased text,
    in order, is tried from where its match would start ("Kamer, " before it, else the word)."""
    lower = safe_lower(text)
    if lower is None:                               # a look-up in lower case is not safe there
        return _FOOTER_RE.search(text)
    for at in sorted(at for word in _FOOTER_WORDS for at in _all_at(lower, word)):
        start = at                                  # back over "Kamer, " (any spaces and tabs)
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        if start > 0 and text[start - 1] == ",":
            start -= 1
        start = start - 5 if start >= 5 and lower[start - 5:start] == "kamer" else at
        if (m := _FOOTER_RE.match(text, start)) is not None:
            return m
    return None


def _lines_with(haystack: str, words: tuple[str, ...]) -> list[int]:
    """The offsets where the lines of `haystack` that hold one of `words` start, in order."""
    return sorted({haystack.rfind("\n", 0, at) + 1 for word in words for at in _all_at(haystack, word)})


def _search_lines(pattern: re.Pattern[str], text: str, lower: str, words: tuple[str, ...]) -> re.Match[str] | None:
    """pattern.search(text) for a MULTILINE, case-insensitive pattern that starts with "^" and
    matches within one line, in which one of `words` (lower case) stands: only those lines are
    tried. `lower` is safe_lower(text), where the words are looked up."""
    for start in _lines_with(lower, words):
        if (match := pattern.match(text, start)) is not None:
            return match
    return None


def _all_at(text: str, word: str) -> list[int]:
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def _first_page_block(top: str) -> dict[str, tuple[str, str]]:
    """ "26 150" on a line of its own, "Nr. 187" on a later line of the first-page block (the
    short lines before the text proper); an old page prints "1038" and "1038 4" (dossier, nr)."""
    block_end = 0
    for i, line in enumerate(top.split("\n")):
        if i >= HEAD_BLOCK_LINES or len(line) > HEAD_BLOCK_WIDTH:
            break
        block_end += len(line) + 1
    block = top[:block_end]
    for match in _DOSSIER_LINE.finditer(block):
        dossier = normalise_dossier(match.group("dossier"))
        origin = where(top, match.start("dossier"))
        number = _NUMBER.search(block, match.end())
        if number:
            result = {"dossier": (dossier, origin), "number": (number.group(1), where(top, number.start(1)))}
        else:
            repeat = re.compile(rf"(?m)^[ \t]*{re.escape(match.group('dossier').strip())}[ \t]+(\d{{1,3}})\b"
                                ).search(top, match.end())
            letter = _LETTER_NUMBER.search(block, match.end())
            if letter:                 # an Eerste Kamer paper: "B VOORLOPIG VERSLAG …"
                return {"dossier": (dossier, origin), "number": (letter.group(1), where(top, letter.start(1)))}
            again = re.compile(rf"(?m)^[ \t]*{re.escape(match.group('dossier').strip())}(?:\.[ \t]*$|[ \t]+[A-Z]{{3}})"
                               ).search(top, match.end())
            if not repeat:
                if re.search(r"\d \d{3}|\(R", dossier) or again:
                    # a five-digit or Rijkswet dossier, or a number printed again before the
                    # document ("351." / "1259 EINDVERSLAG …"): the dossier, no number on the page
                    return {"dossier": (dossier, origin)}
                continue
            result = {"dossier": (dossier, origin), "number": (repeat.group(1), where(top, repeat.start()))}
        chapter = _CHAPTER_LINE.search(block, match.end(), number.start() if number else len(block))
        if chapter and re.fullmatch(r"\d{2} \d{3}|\d{3,4}", dossier):
            result["dossier"] = (normalise_dossier(f"{dossier} {chapter.group(1)}"), origin)
        return result
    head = _RUNNING_HEAD.search(block)       # "Rijksbegroting voor het dienstjaar 1952 2300 VIIIB 1—2"
    if head:
        origin = where(top, head.start("dossier"))
        return {"dossier": (normalise_dossier(head.group("dossier")), origin),
                "number": (re.sub(r"\s*[-—–]\s*", "-", head.group("nr")), origin)}
    return {}


def _number_label(top: str, dossier: str, numbers: str, heading: int) -> tuple[str, str] | None:
    """An old running head gives the range of numbers on its sheet ("2300 VIIIB 1—2"); the paper
    that begins on the page is labelled on a line of its own above its document type
    ("2300 VIIIB 2" / "MEMORIE VAN TOELICHTING"): that label's number, if in the range."""
    low, high = (int(n) for n in numbers.split("-", 1))
    printed = r"[ \t]?".join(re.escape(part) for part in dossier.split(" "))
    label = re.compile(rf"(?m)^[ \t]*{printed}[ \t]+(\d{{1,3}})[ \t]*$")
    found = [m for m in label.finditer(top) if low <= int(m.group(1)) <= high]
    before = [m for m in found if m.start() < heading] if heading else []
    best = (before or found or [None])[-1 if before else 0]
    return (best.group(1), where(top, best.start())) if best else None


def _sitting(top: str) -> dict[str, tuple[str, str]]:
    """The number of a plenary sitting, its number in the Handelingen: "50ste VERGADERING",
    "21ste Vergadering" (OCR: "ISTE VERGADERING" for 1STE)."""
    match = _SITTING.search(top)
    if not match:
        return {}
    number = match.group(1).replace("I", "1").replace("l", "1")
    return {"number": (str(int(number)), where(top, match.start()))} if number.isdigit() and int(number) else {}


def _aanhangsel(text: str, top: str, kinds: Kinds | None = None) -> dict[str, tuple[str, str]]:
    match = _AANHANGSEL_RE.search(text)
    if match:
        origin = where(text, match.start())
        out = {"chamber": (match.group(1).upper(), origin), "aanhangsel": (match.group(4), origin)}
        years = _years(match.group(2), match.group(3))
        if years:
            out["vergaderjaar"] = (years, origin)
        return _with_ah_url(out)
    match = _AH_ID_RE.search(text)
    if match:
        origin = where(text, match.start())
        out = {"chamber": ("II" if match.group(1).lower() == "tk" else "I", origin), "aanhangsel": (match.group(4), origin)}
        years = _years(match.group(2), match.group(3))
        if years:
            out["vergaderjaar"] = (years, origin)
        return _with_ah_url(out)
    questions, _end = main_questions(top, kinds)
    if not questions:
        return {}
    if questions.group("item"):
        return {"aanhangsel": (questions.group("item"), where(top, questions.start()))}
    before = top[:questions.start()].rstrip("\n \t")
    previous = before[before.rfind("\n") + 1:]
    if re.fullmatch(r"[ \t]*\d{1,4}[ \t]*", previous):
        return {"aanhangsel": (previous.strip(), where(top, before.rfind("\n") + 1))}
    return {}


def _with_ah_url(out: dict) -> dict:
    if _published(out) and "chamber" in out:
        years = out["vergaderjaar"][0].replace("-", "")
        out["url"] = (AANHANGSEL_URL.format(chamber="tk" if out["chamber"][0] == "II" else "ek", years=years,
                                            nr=out["aanhangsel"][0]), out["aanhangsel"][1])
    return out


# --- askers of written questions ------------------------------------------------------------------

def question_lead(match: re.Match) -> str:
    """The rest of a questions lead on one line, up to "(Ingezonden …" / "(Ontvangen …" (the
    end of the lead); without one, its first line."""
    rest = match.group("rest")
    end = _LEAD_END.search(rest)
    rest = rest[:end.start()] if end else rest.split("\n", 1)[0]
    return " ".join(_LINE_END_HYPHEN.sub("", rest).split())


def main_questions(top: str, kinds: Kinds | None = None) -> tuple[re.Match | None, int]:
    """(lead, end) of the written questions the page describes. A page of the Aanhangsel may hold
    several items; it describes the one that speaks most of the collection's subject (the
    `focus` pattern of kinds.yml: the UN), else the first. `end`: where the next item starts."""
    items = list(_QUESTIONS.finditer(top))
    if not items:
        return None, len(top)
    ends = [_item_start(top, nxt) for nxt in items[1:]] + [len(top)]
    best = 0
    focus = kinds.focus if kinds is not None else None
    if focus is not None and len(items) > 1:
        counts = [len(focus.findall(top, m.start(), end)) for m, end in zip(items, ends)]
        best = max(range(len(items)), key=lambda i: (counts[i], -i))
    return items[best], ends[best]


def _item_start(top: str, match: re.Match) -> int:
    """Where an item starts: its number on the line before the lead ("1132"), else the lead."""
    if match.group("item"):
        return match.start()
    before = top[:match.start()].rstrip("\n \t")
    line_start = before.rfind("\n") + 1
    return line_start if re.fullmatch(r"[ \t]*\d{1,4}[ \t]*", before[line_start:]) else match.start()


def infer_askers(top: str, kinds: Kinds | None = None) -> tuple[list[Member], str]:
    """The members who asked the first questions on the page, with their party:
    "Vragen van het lid Van den Bergh (P.v.d.A.)", "van de leden X (VVD) en Y (CDA)",
    "van de leden Bolkestein en Joekes (beiden V.V.D.)"."""
    kinds = kinds or default_kinds()
    match, _end = main_questions(top, kinds)
    if not match:
        return [], ""
    rest = re.split(r"(?i)\s(?:over|inzake|betreffende|omtrent|naar aanleiding van|aan de|aan het)\s",
                    question_lead(match), maxsplit=1)[0]
    members: list[Member] = []
    pos = 0
    for group in re.finditer(r"([^()]*)\(([^()]*)\)", rest):
        names, party = group.group(1), group.group(2)
        pos = group.end()
        shared = re.match(r"(?i)(?:beiden|allen)\s+(.*)", party)
        party = kinds.party(shared.group(1) if shared else party)
        split = _split_names(names)
        if not split:
            continue
        members += [Member(n, party if shared or i == len(split) - 1 else "") for i, n in enumerate(split)]
    if not members:
        members = [Member(n) for n in _split_names(rest[pos:])]
    return members, where(top, match.start())


def _split_names(text: str) -> list[str]:
    parts = re.split(r"\s*,\s*|\s+en\s+", " ".join(text.split()).strip(" ,."))
    names = []
    for part in parts:
        part = re.sub(r"^(?:en|de heer|mevrouw|het lid)\s+", "", part.strip())
        part = re.sub(r"\b([A-Za-zà-ÿ]+)-[ \t]?(?!(?:de|van|der|den|ter|ten)\b)([a-zà-ÿ]+)\b", r"\1\2", part)
        if re.search(r"[A-ZÀ-Þ]", part):
            names.append(part)
    return names


# --- title ---------------------------------------------------------------------------------------

def infer_subject(text: str) -> str:
    """The letterhead's "Betreft" line: the letter's own statement of its subject."""
    subject, _ = _subject(text)
    return subject


def _subject(text: str) -> tuple[str, str]:
    match = re.search(SUBJECT_PATTERN, text[:20000], re.MULTILINE)
    if not match:
        return "", ""
    return re.sub(r"\s+", " ", match.group(1)).rstrip(" ."), where(text, match.start())


def infer_paper_title(text: str, top: str, flat: str, kind: str, sessions: list[int], stem: str,
                      kinds: Kinds, found: dict, notes: list[str]) -> tuple[str, str]:
    """(title, where). In order: the "Betreft" line; for written questions "Vragen over …"; for
    the AVVN kinds their template; for a Kamerstuk its document type and dossier title; for
    plenary proceedings the sitting; else the first sentence of the text (a guess: noted)."""
    subject, origin = _subject(text)
    if subject:
        return subject, origin
    if kind == "kamervragen":
        title, origin = _questions_title(top, found.get("askers") or [], kinds)
        if title:
            return title, origin
    template = TITLE_TEMPLATES.get(kind, "")
    if template and ("{s}" not in template or sessions):
        year = re.search(SC_YEAR_PATTERN, scoped(flat, "head"))
        year_text = f" {year.group(1) or year.group(2)}" if year else ""
        return template.format(s=sessions[0] if sessions else "", year=year_text), "sjabloon van de soort"
    heading = _heading(top, kind, kinds)
    if heading:
        doctype, offset = heading
        if re.search(r"\s(?:over|inzake|betreffende|nopens|omtrent)\s", doctype):
            return shorten(doctype), where(top, offset)       # the document type names its subject
        dossier_title = _dossier_title(text, top, offset)
        subject = _sent_subject(top, offset) if kind == kinds.default and COLLECTIVE_DOSSIER.match(dossier_title) else None
        if subject:
            sentence, at = subject
            return shorten(f"{doctype} — {sentence} ({dossier_title})"), where(top, at)
        title = f"{doctype} — {dossier_title}" if dossier_title else doctype
        return shorten(title), where(top, offset)
    if kind == "handelingen":
        chamber = {"I": "de Eerste Kamer", "II": "de Tweede Kamer"}.get(found.get("chamber", ""), "")
        date = found.get("date")
        from babel.dates import format_date
        when = f" van {format_date(date, format='long', locale='nl')}" if date else ""
        title = f"Vergadering{' van ' + chamber if chamber else ''}{when}"
        if not date:
            notes.append(f"title guessed ({title}): the sitting's date was not found")
        head = _HANDELINGEN_HEAD.match(top)
        if head and not re.match(r"(?i)ingekomen\b", head.group("subject")):
            return shorten(f"{head.group('subject').strip()} ({title})"), where(top, head.start("subject"))
        return title, "soort en datum"
    sentence, offset = _first_prose(text, top)
    if sentence:
        notes.append(f"title guessed from the first sentence of the text (regel {line_no(text, offset)})")
        return shorten(join_ocr_hyphens(sentence), GUESS_MAX), where(text, offset)
    sentence = shorten(first_sentence(flat), GUESS_MAX)
    return (sentence if re.search(r"\w\w", sentence) else stem), "eerste zin"


# The running heads of a page of plenary proceedings: the subject debated on the page, then the
# sitting and its date ("Gelijke beloning van mannen en vrouwen voor arbeid van gelijke waarde" /
# "60ste Vergadering -18 Maart '55"). A head of business ("Ingekomen stukken …") is no subject.
_HANDELINGEN_HEAD = re.compile(r"\s*(?P<subject>[A-Z][^\n.!?:;]{10,150}?)[ \t]*\n[ \t]*[\dIl]{1,3}[ \t]?(?:STE|ste|DE|de|E|e)"
                               r"[ \t]?(?:VERGADERING|[Vv]ergadering)\b[^\n]{0,30}\d")


# A letter filed in a dossier that holds many papers (a budget) is about what its first sentence
# sends: "Ik heb de eer U hiernevens te doen toekomen de uitgave nr. 54 … „De twaalfde Algemene
# Vergadering van de Verenigde Naties"" (1958). Its subject, in order: a quoted title in that
# sentence; the words after "over / inzake / betreffende / met betrekking tot"; what follows
# "doen toekomen / aan te bieden / toe te zenden" up to a comma.
COLLECTIVE_DOSSIER = re.compile(r"(?i)(?:rijksbegroting|vaststelling van de begroting|begroting van)\b")
_SENT = (re.compile(r"[„“\"]([^„“”\"\n]{8,150}?)[”\"]"),
         re.compile(r"(?i)\b(?:over|inzake|betreffende|met betrekking tot)\s+([^,;:()\n]{8,150}?)(?=[,;:(]|\.\s+[A-Z]|\.?$)"),
         re.compile(r"(?i)\b(?:doen toekomen|aan te bieden|toe te zenden)\s+((?:de|het|een)\s[^,;:()\n]{8,150}?)(?=[,;:(]|\.\s+[A-Z]|\.?$)"))


def _sent_subject(top: str, heading: int) -> tuple[str, int] | None:
    """(subject, offset) from the first sentence of a letter in a collective dossier, or None."""
    heading = top.find("\n", heading) + 1 or len(top)            # after the document type's line
    sentence, start = _first_prose(top[heading:], top[heading:])
    if not sentence:
        return None
    for pattern in _SENT:
        match = pattern.search(sentence)
        if match:
            subject = join_ocr_hyphens(" ".join(match.group(1).split())).strip(" .")
            return subject[:1].upper() + subject[1:], heading + start
    return None


def _questions_title(top: str, askers: list[Member], kinds: Kinds | None = None) -> tuple[str, str]:
    match, _end = main_questions(top, kinds)
    if not match:
        return "", ""
    subject = QUESTION_SUBJECT.search(question_lead(match))
    if subject:
        word = subject.group(1).lower()
        word = "naar aanleiding van" if word == "naar aanleiding van" else "over"
        text = join_ocr_hyphens(" ".join(subject.group(2).split())).rstrip(" .")
        return shorten(f"Vragen {word} {text}"), where(top, match.start())
    if askers:
        names = [a.name for a in askers]
        who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
        return shorten(f"Vragen van {'het lid' if len(names) == 1 else 'de leden'} {who}"), where(top, match.start())
    return "", ""


def _heading_offset(top: str, kind: str, kinds: Kinds | None) -> int:
    heading = _heading(top, kind, kinds) if kinds else None
    return heading[1] if heading else 0


def _heading(top: str, kind: str, kinds: Kinds | None) -> tuple[str, int] | None:
    """The kind's printed document type ("MOTIE VAN HET LID VAN DER SPEK Voorgesteld …") as a
    title ("Motie van het lid Van der Spek") and its offset in `top`."""
    spec = kinds.get(kind) if kinds else None
    if spec is not None and spec.heading is None:       # a letter of a kind without its own heading
        spec = kinds.get(kinds.default)                  # ("BRIEF VAN DE MINISTERS …" of an artikel 100-brief)
    if spec is None or spec.heading is None:
        return None
    match = spec.heading.search(top)
    if not match:
        return None
    line = match.group(0).strip()
    rest = top[match.end():].split("\n", 3)[1:3]
    for extra in rest:                 # a heading wrapped over short lines in capitals
        extra = extra.strip()
        if extra and extra == extra.upper() and re.search(r"[A-Z]{3}", extra) and len(extra) < 80 \
                and not re.match(r"(?i)(?:nr|no)\.", extra):
            line += " " + extra
        else:
            break
    return doc_type(line), match.start()


# The subject that may follow a document type printed in capitals, in lower case, up to the
# date it was sent or the sentence's end: "NOTA NAAR AANLEIDING VAN HET EINDVERSLAG … over het
# ontwerp van wet tot goedkeuring van het Statuut … (Ingezonden 27 November 1946.)"
_DOCTYPE_SUBJECT = re.compile(r"(?:over|inzake|betreffende|nopens|omtrent)\s+[^()]{10,400}?(?=\s*\(|\.\s|\.?$)")


def doc_type(line: str) -> str:
    """A printed document type as a title: "GEWIJZIGDE MOTIE VAN DE LEDEN HERFKENS EN VAN DER HEK,
    TER VERVANGING …" -> "Gewijzigde motie van de leden Herfkens en Van der Hek"; "BRIEF VAN DE
    MINISTERS VAN BUITENLANDSE ZAKEN, VAN DEFENSIE EN VOOR …" keeps every minister (of two
    letter writers "BRIEF VAN DE MINISTER VAN … EN VAN DE MINISTER …" the first); a subject
    printed after it in lower case ("… over het ontwerp van wet tot …") is kept."""
    line = re.sub(r"^(?:Nr\.[ \t]*\d+|\d[\d ]*|[A-Z]{1,2})[ \t]+(?=[A-Z]{3})", "", line.strip())
    line = line.replace("\u00ad", "")
    line = re.split(r"(?i)\s+en van (?:de|den)\s+(?=minister|staatssecretaris)", line)[0]   # the first signer
    subject = ""
    words = line.split()
    if words and words[0] == words[0].upper():
        kept = []
        for i, word in enumerate(words):
            if word != word.upper() or not re.search(r"[A-ZÀ-Þ]", word) or re.match(r"(?:NR|NO)\.", word):
                found = _DOCTYPE_SUBJECT.match(" ".join(words[i:]))
                subject = join_ocr_hyphens(found.group(0)).rstrip(" .,") if found else ""
                break
            kept.append(word)
        line = " ".join(kept)
    # a comma ends the type ("…, TER VERVANGING VAN DIE …") unless more ministers follow ("…, VAN DEFENSIE")
    line = re.split(r"(?i)[(¹]|,(?!\s*(?:van|voor|en)\s)|\s(?:Nr|No)\.|\s(?:Voorgesteld|Vastgesteld|Ontvangen|Ingezonden)\b"
                    r"|\sZOALS\s|\d", line)[0].strip(" ,")
    cs = re.search(r"(?i)\s+c\.s\b\.?$", line)                 # "ZANDBERGEN C.S." -> "Zandbergen c.s."
    line = line[:cs.start()] if cs else line.rstrip(" .")
    if line == line.upper():
        line = _capitals_to_text(line)
    line += " c.s." if cs else ""
    line = line[:1].upper() + line[1:]
    return f"{line} {subject}" if subject else line


def _capitals_to_text(line: str) -> str:
    """ "MOTIE VAN HET LID VAN DER SPEK" -> "Motie van het lid Van der Spek"; ministries and
    names after "lid/leden" and "minister van/voor" keep capitals."""
    words = line.lower().split()
    out, mode = [], ""
    for i, word in enumerate(words):
        if i == 0:
            out.append(word.capitalize())
            continue
        if re.fullmatch(r"[ivxlc]{1,6}[a-z]?", word) and i > 0 and words[i - 1] == "hoofdstuk":
            out.append(word.upper())
            mode = "ministry"                 # "HOOFDSTUK V – BUITENLANDSE ZAKEN": a ministry follows
            continue
        if mode == "name":
            new_name = out[-1] in ("lid", "leden", "en")
            out.append(word.capitalize() if new_name or word not in PARTICLES else word)
            continue
        if mode == "ministry":
            out.append(word if word in PARTICLES else word.capitalize())
            continue
        out.append(word)
        if word in ("lid", "leden"):
            mode = "name"
        elif word in ("van", "voor") and i > 0 and words[i - 1] in ("minister", "ministers", "staatssecretaris",
                                                                   "staatssecretarissen", "commissie", "commissies"):
            mode = "ministry"
    return " ".join(out)


# A dossier title printed over two lines goes on when the next line starts in lower case, or the
# first ends in a word that ends no title ("der", "van") or fills a line (>= WRAPPED_LINE characters)
WRAPPED_LINE = 60
OCR_PARAGRAPH = 150     # a printed line holds at most ~100 characters; a longer line is an OCR paragraph
# The old Bijlagen print the dossier title as the running head of two facing pages, cut where the
# left page's line is full: "Wijziging van het derde Hoofdstuk der" (page 4) … "5 Rijksbegroting
# voor het dienstjaar 1947" (page 5); "Bekrachtiging van een … artikel 183, tweede" … "lid, der
# Indische Staatsregeling vastgestelde ordonnantie". The second half is a line of its own, in lower
# case or after the facing page's number.
_FACING_HEAD = re.compile(r"(?m)^[ \t]*(?:(?P<page>\d{1,4})[ \t]+(?=[A-Z][a-z])|(?=[a-z]))"
                          r"(?P<head>[^\n.!?;:]{20,100}?)[ \t]*$")


def _dossier_title(text: str, top: str, heading_offset: int) -> str:
    """The dossier's title on a Kamerstuk's first page: the first line before the document type
    that is not page furniture ("De situatie in Joegoslavië"), with its wrapped second line or
    its second half on the facing page; a budget gets its chapter."""
    lines = top[:heading_offset].split("\n")[:HEAD_BLOCK_LINES]
    picked = [(i, line.strip()) for i, line in enumerate(lines)
              if line.strip() and not HEADER_LINE.match(line) and len(line.strip()) > 3
              and not _DOSSIER_LINE.match(line) and len(line) <= HEAD_BLOCK_WIDTH]
    if not picked:
        return ""
    candidates = [line for _i, line in picked]
    first, title = picked[0]
    title = re.sub(rf"^{DOSSIER}[ \t]+(?=[A-Z][a-z])", "", title)      # "29 521 Nederlandse deelname …"
    following = lines[first + 1].strip() if first + 1 < len(lines) else ""
    unfinished = (title.split() or [""])[-1].lower() in PARTICLES
    if following and not HEADER_LINE.match(following) and not _DOSSIER_LINE.match(following) \
            and not re.match(r"(?i)(?:hoofdstuk|nr\.|no\.)", following) and following != following.upper() \
            and (following[:1].islower() or unfinished or len(title) >= WRAPPED_LINE):
        title = f"{title} {following}"
    elif unfinished or (len(title) >= 45 and not re.search(r"[.)\d]$", title)):
        title = _facing_head(text, title, top.find(title))
    title = re.sub(r"^(?:ZITTING|Zitting)\s+\d{4}\S*\s*[-–—]?\s*", "", title)
    title = _RUNNING_HEAD.sub("", title).strip()
    title = _capitals_to_text(title) if title == title.upper() else title
    chapter = next((c for c in candidates[1:] if re.match(r"(?i)hoofdstuk\b", c)), "")
    if chapter and re.match(r"(?i)rijksbegroting|vaststelling van de begroting", title):
        if chapter == chapter.upper():
            chapter = _capitals_to_text(re.sub(r"[ \t]*-[ \t]*(?=[A-Z])", " – ", chapter))   # "V -BUITENLANDSE"
        title = f"{title}, {chapter[:1].lower()}{chapter[1:]}"
    return title.rstrip(" .,")


def _facing_head(text: str, title: str, at: int) -> str:
    """`title` with its second half from the facing page's running head, if the page prints one.
    Only in OCR text with one line per paragraph: the head stands beside a paragraph line longer
    than OCR_PARAGRAPH (in hard-wrapped text every line is short, and a line that starts in lower
    case is a paragraph going on)."""
    for match in _FACING_HEAD.finditer(text, at + len(title) if at >= 0 else 0):
        head = match.group("head").strip()
        if not (match.group("page") or len(head.split()) >= 3):
            continue
        before = text.rfind("\n", 0, max(0, match.start() - 1))
        after = text.find("\n", match.end() + 1)
        previous = text[before + 1:match.start()]
        following = text[match.end() + 1: after if after != -1 else len(text)]
        if max(len(previous), len(following)) > OCR_PARAGRAPH:
            return f"{title} {head}"
    return title


def _first_prose(text: str, top: str) -> tuple[str, int]:
    """The first sentence that starts on a line of prose (not furniture), skipping a fragment
    that continues from the page before (a line starting in lower case)."""
    offset = 0
    for line in top.split("\n"):
        stripped = line.strip()
        start = offset + len(line) - len(line.lstrip())
        offset += len(line) + 1
        if len(stripped) < 40 or HEADER_LINE.match(line) or _RUNNING_HEAD.search(line):
            continue
        flat = " ".join(stripped.split())
        if flat[:1].islower() or not flat[:1].isalpha():
            match = re.search(r"[.!?]\s+(?=[A-Z])", flat)
            if not match:
                continue
            flat, start = flat[match.end():], start + match.end()
        sentence = re.match(r".{20,}?[.!?](?=\s+[A-Z«‘“\"(]|\s*$)", flat)
        return (sentence.group(0) if sentence else flat), start
    return "", 0


def shorten(sentence: str, limit: int = TITLE_MAX) -> str:
    sentence = sentence.strip().rstrip(".")
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:—– ") + "…"


# --- signatories ---------------------------------------------------------------------------------

def infer_signatories(text: str) -> list[Signatory]:
    """Signatories of the first signature block (the letter's; an annex comes after it)."""
    lines = text.split("\n")
    found: list[Signatory] = []
    index, last_end = 0, None
    for candidate in _role_lines(text):        # a signature starts on no other line
        if candidate < index:
            continue
        if last_end is not None and candidate - last_end > MAX_CLUSTER_GAP:
            break
        match = _signature_at(lines, candidate)
        if match is not None:
            signatories, index = match
            found += signatories
            last_end = index
    return found


def _role_lines(text: str):
    """Indexes (in text.split("\n")) of the lines that start with a role, in order. Only the
    lines with a word of ROLE_WORDS are tried (ROLE_LINE.finditer(text) finds no others)."""
    line, pos = 0, 0
    for start in _lines_with(text, ROLE_WORDS):
        if ROLE_LINE.match(text, start):
            line += text.count("\n", pos, start)
            pos = start
            yield line


def _signature_at(lines: list[str], index: int) -> tuple[list[Signatory], int] | None:
    """(signatories, next line index) when a signature starts at lines[index]."""
    roles, index = _roles_at(lines, index)
    if not roles:
        return None
    index = _skip_blank(lines, index, MAX_GAP)
    if index >= len(lines):
        return None
    names = _names(lines[index], len(roles))
    if names is None:
        return None
    return [Signatory(name, role) for name, role in zip(names, roles)], index + 1


def _roles_at(lines: list[str], index: int) -> tuple[list[str], int]:
    """Role texts of a (possibly two-column, possibly wrapped) role line, and the next index."""
    first = lines[index].strip()
    starts = [m.start() for m in ROLE_START.finditer(first)]
    if not starts or starts[0] != 0 or len(first) > 160:
        return [], index
    roles = [first[a:b].strip() for a, b in zip(starts, starts[1:] + [len(first)])]
    index += 1
    for _ in range(MAX_ROLE_LINES):
        if all(role.endswith(",") for role in roles):
            break
        if index >= len(lines) or not lines[index].strip():
            return [], index
        _continue_role(roles, lines[index].strip())
        index += 1
    if not all(role.endswith(",") for role in roles):
        return [], index
    if len(roles) == 1 and index < len(lines) and ROLE_EXTRA.match(lines[index].strip()):
        roles[0] += " " + lines[index].strip()
        index += 1
    return [normalise_role(role) for role in roles], index


def _continue_role(roles: list[str], line: str) -> None:
    """Append a wrapped line to the first role still missing its closing comma."""
    i = next(i for i, role in enumerate(roles) if not role.endswith(","))
    if roles[i].endswith("-") and line[:1].islower():
        roles[i] = roles[i][:-1] + line
    else:
        roles[i] = f"{roles[i]} {line}"


def _skip_blank(lines: list[str], index: int, limit: int) -> int:
    start = index
    while index < len(lines) and not lines[index].strip() and index - start < limit:
        index += 1
    return index


def _names(line: str, count: int) -> list[str] | None:
    """Names on a signature's name line: one per role, columns separated by 2+ spaces."""
    text = line.strip()
    columns = [text] if count == 1 else re.split(r"\s{2,}", text)
    names = [re.sub(r"\s+", " ", column) for column in columns]
    if len(names) != count or not all(NAME.fullmatch(name) for name in names):
        return None
    return names


def normalise_role(role: str) -> str:
    """ "De minister voor X," -> "Minister voor X" """
    role = re.sub(r"\s+", " ", role).strip().rstrip(",").strip()
    role = re.sub(r"^[Dd]e ", "", role)
    return role[:1].upper() + role[1:]


def _signatories_from_blocks(blocks: list[Block] | None) -> list[Signatory]:
    """Fallback when the text gives none: the parser's signature blocks, if any."""
    lines = [line for block in blocks or [] if block.kind == "signature" for line in block.lines]
    return infer_signatories("\n".join(lines)) if lines else []


def infer_own_kamerstuk(text: str) -> dict:
    """The letter's own Kamerstuk number and its publication URL (from its identifier, running
    footer or first-page block)."""
    found = _kamerstuk(text, top_of(text))
    if "dossier" in found and "number" in found:
        found["kamerstuk"] = (f"{found['dossier'][0]}, nr. {found['number'][0]}", "")
    return {name: found[name][0] for name in ("kamerstuk", "url") if name in found}
