"""Source -> Meta: what a letter is (kind, sessions, date, title, signatories), read from its text.

Pure functions, no I/O. Values from the sidecar override what is inferred; `Meta.inferred` lists
the fields that came from the text. Patterns are data (the tables below); the functions only
apply them. Everything is inferred from `source.text` so it does not depend on the parser.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter

from babel.dates import get_month_names
from slugify import slugify

from .model import Block, Meta, Signatory, Source

# --- tables --------------------------------------------------------------------------------------

# Where a pattern is looked for, in characters of the flattened text (whitespace collapsed,
# line-end hyphens joined). "opening" starts after the salutation when the letter has one
# (plus the text's very start, in case that "salutation" was quoted in something else).
SCOPES = {"opening": 700, "head": 4000, "all": None}

# kind rules: first rule whose patterns all match wins. Ordered from most to least specific.
KIND_RULES: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("schriftelijk-overleg", (
        ("head", r"Inbreng van de leden van de [\w-]+"),
        ("all", r"(?:^|\s)\d{1,3}\. ?Antwoord van het kabinet"),
    )),
    ("verslag-ministeriele-week", (
        ("opening", r"vertegenwoordigd tijdens de ministeri[eë]le week"
                    r"|verslag van de [^.]{0,60}ministeri[eë]le week"),
    )),
    ("inzetbrief", (
        ("opening", r"inzet van het Koninkrijk [^.]{0,60}?(?:voor|bij|tijdens) de \d{1,3} ?(?:e|ste|de)"
                    r" (?:zitting|AVVN|Algemene Vergadering)"),
    )),
    ("terugblik-veiligheidsraad", (
        ("head", r"lid van de VN[- ]?Veiligheidsraad|lidmaatschap van de VN[- ]?Veiligheidsraad"),
        ("head", r"blikt (?:het kabinet|de regering) [^.]{0,20}terug|terugblik"),
    )),
)

# UNGA sessions: an ordinal attached to "zitting van de AVVN", "AVVN" or "Algemene Vergadering".
_ORDINAL = r"(?<![\d.,])(\d{1,3}) ?(?:e|ste|de)\)?"
SESSION_PATTERNS = (
    r" zitting van de (?:Algemene Vergadering|AVVN)\b",
    r" (?:AVVN|Algemene Vergadering)(?![a-zA-Z])",
)
SESSION_RANGE = range(1, 201)
# One regex for all patterns (they differ after the ordinal, so no two match at one place: one
# scan finds what a scan per pattern would); the lookahead lets the regex engine skip quickly
# to the next digit.
_SESSION_RE = re.compile(r"(?=\d)" + _ORDINAL + "(?:" + "|".join(SESSION_PATTERNS) + ")", re.IGNORECASE)

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
TITLE_MAX = 90
# The year of a Security Council membership: "VN Veiligheidsraad 2018", "In 2018 was het Koninkrijk ... lid"
SC_YEAR_PATTERN = (r"Veiligheidsraad (?:in )?((?:19|20)\d\d)\b"
                   r"|\bIn ((?:19|20)\d\d) was het Koninkrijk[^.]{0,60}? lid van de [^.]{0,20}Veiligheidsraad")

MONTHS = {name.lower(): no for no, name in get_month_names("wide", locale="nl").items()}
_MONTH = "|".join(MONTHS)
# The letter's own date: the letterhead field "Datum ..." or a dateline "Den Haag, 15 mei 2020".
DATE_PATTERNS = (
    rf"^[ \t]*Datum[ \t]*:?[ \t]+(\d{{1,2}})[ \t]+({_MONTH})[ \t]+(\d{{4}})[ \t]*$",
    rf"^[ \t]*(?:Den Haag|'s-Gravenhage),?[ \t]+(\d{{1,2}})[ \t]+({_MONTH})[ \t]+(\d{{4}})[ \t]*$",
)
# The document's own Kamerstuk number, printed in the page footer of parliamentary papers:
# "Tweede Kamer, vergaderjaar 2020–2021, 26 150, nr. 187 6" (the last number is the page; a PDF
# may set it apart on a line of its own).
OWN_KAMERSTUK_PATTERN = (r"^[ \t]*Tweede Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, "
                         r"(?P<dossier>\d{2} ?\d{3}(?:[ -][A-Z]+|-\d+)?), nr\. (?P<nr>\d+)(?: \d+)?[ \t]*$")
KAMERSTUK_URL = "https://zoek.officielebekendmakingen.nl/kst-{dossier}-{nr}"
SUBJECT_PATTERN = r"^[ \t]*Betreft[ \t]*:?[ \t]+(\S.*?)[ \t]*$"
SALUTATION_PATTERN = r"Geachte (?:voorzitter|Voorzitter|heer|mevrouw)[^,\n]{0,40},"

# Signatures: "De Minister van Buitenlandse Zaken," followed (after blank lines) by a name line.
ROLE_START = re.compile(r"(?:^|(?<=\s))[Dd]e (?=(?:[Mm]inister|[Ss]taatssecretaris)\b)")
# A line where ROLE_START matches at the start (after its indent): where a signature can begin.
ROLE_LINE = re.compile(r"^[^\S\n]*[Dd]e (?:[Mm]inister|[Ss]taatssecretaris)\b", re.MULTILINE)
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
               warnings: list[str] | None = None) -> Meta:
    """Meta from the text, overridden by the sidecar. Problems are appended to `warnings`."""
    warn = warnings.append if warnings is not None else (lambda message: None)
    found = infer_from_text(source.text, source.path.stem, blocks)
    overrides = sidecar_fields(source.sidecar)
    meta = dataclasses.replace(Meta(), **{**found, **overrides})
    meta.inferred = [name for name in found if name not in overrides]
    meta.year = infer_year(meta)
    if meta.year and "date" not in overrides:
        meta.inferred.append("year")
    if not meta.kind:
        warn(f"{source.name}: kind of letter not recognised; set 'kind' in the sidecar")
    return meta


def infer_from_text(text: str, stem: str = "", blocks: list[Block] | None = None) -> dict:
    """The Meta fields the text gives, only those with a value."""
    flat = flatten(text)
    kind = infer_kind(flat)
    sessions = infer_sessions(flat)
    found = {
        "title": infer_title(text, flat, kind, sessions, stem),
        "kind": kind,
        "date": infer_date(text),
        "sessions": sessions,
        "signatories": infer_signatories(text) or _signatories_from_blocks(blocks),
        **infer_own_kamerstuk(text),
    }
    return {name: value for name, value in found.items() if value}


def sidecar_fields(sidecar: dict) -> dict:
    """Sidecar values as Meta fields."""
    fields = {key: sidecar[key] for key in ("title", "kind", "date", "kamerstuk", "url", "notes") if key in sidecar}
    if "sessions" in sidecar:
        fields["sessions"] = list(sidecar["sessions"])
    if "signatories" in sidecar:
        fields["signatories"] = [Signatory(s["name"], s.get("role", "")) for s in sidecar["signatories"]]
    return fields


# --- text helpers --------------------------------------------------------------------------------

# "-" first (then the letter before it) lets the regex engine skip to the next hyphen
_LINE_END_HYPHEN = re.compile(r"-(?<=[a-zà-ÿ]-)[ \t]*\n[ \t\f]*(?=[a-zà-ÿ])")


def flatten(text: str) -> str:
    """One line of text: line-end hyphens joined ("Verga-\\ndering"), whitespace collapsed."""
    return " ".join(_LINE_END_HYPHEN.sub("", text).split())     # split(): the whitespace of \s


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


# --- kind and sessions ---------------------------------------------------------------------------

def infer_kind(flat: str) -> str:
    for kind, patterns in KIND_RULES:
        if all(re.search(pattern, scoped(flat, scope)) for scope, pattern in patterns):
            return kind
    return ""


def session_mentions(flat: str) -> list[int]:
    """Session numbers in order of appearance."""
    numbers = (int(m.group(1)) for m in _SESSION_RE.finditer(flat))
    return [number for number in numbers if number in SESSION_RANGE]


def infer_sessions(flat: str) -> list[int]:
    """Main session first (the one in the first sentence, else the most frequent), then the
    earlier sessions the letter looks back on, most mentioned first. Later ones (a forward
    reference to next year's session) are not what the letter is about and are left out."""
    mentions = session_mentions(flat)
    if not mentions:
        return []
    counts = Counter(mentions)
    in_first = session_mentions(first_sentence(flat)) or session_mentions(first_sentence(flat, 0))
    main = in_first[0] if in_first else max(counts, key=lambda n: (counts[n], -mentions.index(n)))
    earlier = sorted((n for n in counts if n < main), key=lambda n: (-counts[n], -n))
    return [main, *earlier]


# --- date and title ------------------------------------------------------------------------------

def infer_date(text: str) -> dt.date | None:
    """The date the letter states for itself; other dates in the text are not the letter's."""
    for pattern in DATE_PATTERNS:
        match = re.search(pattern, text, re.MULTILINE | re.IGNORECASE)
        if match:
            day, month, year = match.groups()
            try:
                return dt.date(int(year), MONTHS[month.lower()], int(day))
            except ValueError:
                return None
    return None


def infer_year(meta: Meta) -> int | None:
    """The year of the letter's own date, else the opening year of its main UNGA session."""
    if meta.date:
        return meta.date.year
    if meta.sessions and meta.kind in YEAR_FROM_SESSION_KINDS:
        return FIRST_SESSION_YEAR + meta.sessions[0]
    return None


def infer_own_kamerstuk(text: str) -> dict:
    """The letter's own Kamerstuk number and its publication URL, from the page footer."""
    match = re.search(OWN_KAMERSTUK_PATTERN, text, re.MULTILINE)
    if not match:
        return {}
    dossier, nr = match.group("dossier"), match.group("nr")
    return {"kamerstuk": f"{dossier}, nr. {nr}",
            "url": KAMERSTUK_URL.format(dossier=dossier.replace(" ", ""), nr=nr)}


def infer_subject(text: str) -> str:
    """The letterhead's "Betreft" line: the letter's own statement of its subject."""
    match = re.search(SUBJECT_PATTERN, text[:20000], re.MULTILINE)
    return re.sub(r"\s+", " ", match.group(1)).rstrip(" .") if match else ""


def infer_title(text: str, flat: str, kind: str, sessions: list[int], stem: str) -> str:
    subject = infer_subject(text)
    if subject:
        return subject
    template = TITLE_TEMPLATES.get(kind, "")
    if template and ("{s}" not in template or sessions):
        year = re.search(SC_YEAR_PATTERN, scoped(flat, "head"))
        year_text = f" {year.group(1) or year.group(2)}" if year else ""
        return template.format(s=sessions[0] if sessions else "", year=year_text)
    sentence = shorten(first_sentence(flat))
    return sentence if re.search(r"\w\w", sentence) else stem


def shorten(sentence: str, limit: int = TITLE_MAX) -> str:
    sentence = sentence.strip().rstrip(".")
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


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
    """Indexes (in text.split("\n")) of the lines that start with a role, in order."""
    line, pos = 0, 0
    for m in ROLE_LINE.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
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
