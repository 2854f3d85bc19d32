"""Kamerstukken and Aanhangsel answers cited in a paragraph: "(Kamerstuk 26 150, nr. 168)" -> key
"26150-168"; "Aanhangsel Handelingen II 2019/20, nr. 3225" -> key "ah-tk-20192020-3225".

Pure: `find(text)` takes one paragraph of running text and returns `Hit`s of kind "kamerstuk".

A Kamerstuk reference starts with a head and is followed by a dossier and a number. Heads:
"Kamerstuk" or "Kamerstukken" (optionally "I"/"II" and a vergaderjaar "2019/20" or "2019-2020"),
the old "Bijl. Hand. II 1957/58," (Bijlagen bij de Handelingen) and "Zitting 1957-1958 — " (a dash
after the years: a running footer "Tweede Kamer, zitting 1974-1975, 13 100, …" has a comma and is
no reference). Without a head, a five-digit dossier with its number is a reference only where
nothing else can be meant: right after "(" or "zie (ook)" ("(zie 15 441, nr. 14)", "(28 676,
nr. 71)"), in the written form with ", nr." (a year or an amount is not written "26 150, nr. 187").

  dossier  usually five digits written "26 150", old ones four ("4900"); optionally a sub-number
           ("21 501-20") and a budget part: a roman numeral, maybe with a letter ("34 775 V",
           "35 000 XVII", "33 400 IIA", "36 200 IX B"), a capital letter ("35 300 A"), or a chapter
           "hoofdstuk V" ("4900, hoofdstuk V", OCR "12 600 hoofdstukVnr.40");
  number   "nr. 168", "nr 168" (after "," or ";" or nothing: "Kamerstuk 21 501-02 nr. 2732"),
           "nrs. 23 en 35", "nrs. 24, 25 en 27", a roman numeral after "nr." ("Kamerstuk 35 000;
           nr. XVII" -> "35000-XVII", written as cited), or after a comma a bare capital letter or
           two, the Eerste Kamer's way of numbering ("Kamerstuk 34 550, D" -> "34550-D").

Compact forms: the published identifier `kst-26150-187` (also inside an officielebekendmakingen
address: the letter points at that paper), and the key form "26150-187" / "21501-08-765" written
right after a head ("Kamerstuk 26150-187") or after "motie(s)" / "amendement(en)" in the same
clause ("moties opnieuw aan te houden: 29911-226; 31015-168", "de motie van het lid Kuzu
(22045-290)"). A bare "26150-187" anywhere else is no hit: ranges ("25000-30000"), phone numbers
("070-3486486"), dates and postcodes look alike.

The key is every part as written without spaces, joined with "-": "26150-168", "34775-V-20",
"21501-20-1440", "34550-D", "35000-XVII", "36200-IXB-3", "4900-V-3". A hit covers the whole
reference ("Kamerstuk 26 150, nr. 168"); in a list each further pair or number is its own hit
("32 735, nr. 78" in "Kamerstukken 26 150, nr. 168 en 32 735, nr. 78"; "35" in "nrs. 23 en 35").

A document filed in several dossiers is cited "Kamerstukken 30 196 en 31 793, nr. 708": it has one
number, the one in the first dossier, and officielebekendmakingen files it as kst-30196-708. Such a
reference is one hit over the whole text with the key of the first dossier ("30196-708").

A dossier without any number ("Kamerstuk 33 783" at the end of a sentence) is no hit: there is no
single document to link to. Page footers ("Tweede Kamer, vergaderjaar 2020–2021, 26 150, nr. 187")
carry no head and are not references.

Aanhangsel (written questions and their answers): "Aanhangsel Handelingen II 2019/20, nr. 1234",
"Aanhangsel van de Handelingen II, vergaderjaar 2019–2020, nr. 1234", "Aanhangsel Handelingen,
vergaderjaar 2019-2020, nr. 1234" (no chamber: the Tweede Kamer's, as its own pages cite it),
"Aanhangsel Handelingen nr 560, vergaderjaar 1988-1989", "Aanhangsel (nr. 414 (1993/94)
Handelingen)" and the identifier "ah-tk-20192020-1234". The key is that identifier,
"ah-<tk|ek>-<first year><second year>-<number>"; "I" is the Eerste Kamer (ek).

`url(key)` gives the document's address on zoek.officielebekendmakingen.nl: "kst-" + the key
("https://zoek.officielebekendmakingen.nl/kst-26150-168"), or the Aanhangsel identifier. That site
has the papers from 1995 on (meta.FIRST_PUBLISHED_YEAR); older papers have addresses by a serial
number that the reference does not give, so they get none: an Aanhangsel of an earlier
vergaderjaar, a four-digit dossier (numbered before 1968), and any paper cited in a letter
written before 1995 (`cited_in`, the year of the oldest letter citing it).
"""
from __future__ import annotations

import re

from ..meta import FIRST_PUBLISHED_YEAR
from ..meta import _years as vergaderjaar_years
from ..words import scan
from .base import Hit

KIND = "kamerstuk"
SITE = "https://zoek.officielebekendmakingen.nl/"
URL_BASE = SITE + "kst-"

_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"  # I..XXXIX; may also match "" — guarded by the lookahead below
_PART = r"(?:(?=[IVX])" + _ROMAN + r"(?:\s?[AB](?![\w/-]))?|[A-H])"
_CHAPTER = r"(?:hoofdstuk|hfdst\.)\s*(?P<chapter>(?=[IVX])" + _ROMAN + r"[AB]?)(?=[\s,;.)]|nr|$)"
_DOSSIER = (
    r"(?P<d1>\d{1,2})\s?(?P<d2>\d{3})(?:-(?P<sub>\d{1,2}))?"
    r"(?:,?\s*" + _CHAPTER + r"|\s(?P<part>" + _PART + r")(?![\w/-])|(?![\w/-]))"
)
_NUMBER_WORD = r"(?:nrs?\.?|nummers?)"
_NUMBER = r"(?:\d{1,5}|(?=[IVX])" + _ROMAN + r")(?![\w/])"
_EK_LETTER = r"[A-Z]{1,2}(?![\w/-])"
_YEARS = r"(?:\d{4}\s*(?:/\s*\d{2}(?:\d{2})?|[-–—]\s*\d{4}))"

_HEAD = re.compile(
    r"\b[Kk]amerstuk(?:ken)?(?:\s+I{1,2})?,?(?:\s+" + _YEARS + r",?)?\s+(?=\d)"
    r"|\bBijl(?:agen|\.)?\s*(?:bij\s+de\s+)?Hand(?:elingen|\.)?\s*(?:I{1,2}\s*)?(?:" + _YEARS + r")?,?\s*(?=\d)"
    r"|\b[Zz](?:itting|ITTING)\s+\d{4}\s*[-–—]\s*\d{4}\s*[-–—]\s*(?=\d)"
)
# No head: "(26 150, nr. 187)", "(zie 15 441, nr. 14)", "zie ook 26 150, nr. 187" (five digits and ", nr.")
_BARE_HEAD = re.compile(r"(?:\(\s*(?:(?:[Zz]ie|[Vv]gl\.)\s+(?:ook\s+)?)?|\b[Zz]ie\s+(?:ook\s+)?)(?=\d{2}\s?\d{3}(?:-\d{2})?(?:\s\S{1,4})?\s*,\s*nrs?\.?\s*\d)")
_DOSSIER_RE = re.compile(_DOSSIER)
# After a dossier: ", nr. 168" / "; nr. 168" / " nr. 168" / ", nrs. 23 en 35" / ", D".
_NUMBERED = re.compile(
    r"\s*(?:(?:[,;]\s*)?(?P<word>" + _NUMBER_WORD + r")\s*(?P<num>" + _NUMBER + r")|[,;]\s*(?P<ek>" + _EK_LETTER + r"))"
)
# More numbers of the same dossier after "nrs.": ", 35", " en 35".
# A number that starts the next dossier ("en 32 735, nr. 78") is not one of them.
_NOT_A_DOSSIER = r"(?!\s\d{3}(?!\d))"
_AND_NUMBER = re.compile(r"\s+en\s+(?P<num>" + _NUMBER + r")" + _NOT_A_DOSSIER)
_COMMA_NUMBER = re.compile(r"\s*,\s*(?P<num>" + _NUMBER + r")" + _NOT_A_DOSSIER)
# Another dossier of the same reference: " en 31 793", ", 31 793", "; 31 793".
_NEXT_DOSSIER = re.compile(r"\s*(?:[,;]|\s(?:en|and))\s*(?=\d{1,2}\s?\d{3}(?![\d]))")

# The key form "26150-187", "21501-08-765", "34775-V-20", "36200-IXB-3", "34550-D".
_KEY = (r"(?P<kd>\d{5})(?:-(?P<ksub>\d{2}))?(?:-(?P<kpart>(?=[IVX])" + _ROMAN + r"[AB]?|[A-H]))?"
        r"-(?P<knr>\d{1,4}|[A-Z]{1,2})(?![\w/]|[-.,]\d)")
_KEY_RE = re.compile(r"(?<![\w.,/-])" + _KEY)
_KST_RE = re.compile(r"\bkst-(?P<kd>\d{4,5})(?:-(?P<ksub>\d{2}))?(?:-(?P<kpart>(?=[IVX])" + _ROMAN + r"[AB]?|[A-H]))?"
                     r"-(?P<knr>\d{1,4}|[A-Z]{1,2})(?![\w-])")
# "motie(s)" / "amendement(en)", then in the same clause a key: "moties … aan te houden: 29911-226; …",
# "de motie van het lid Kuzu (22045-290)", "motie 26150-187"
_KEY_CUE = re.compile(r"\b(?i:moties?|amendement(?:en)?)\b[^.;:()\n]{0,80}?(?:[:(]\s*|\s)(?=\d{5}-)")
_KEY_LIST = re.compile(r"\s*(?:[;,]|\s+en)\s*(?=\d{5}-)")

# Aanhangsel van de Handelingen
_AH_YEARS = r"(?P<y1>\d{4})\s*[-–—/]\s*(?P<y2>\d{4}|\d{2})(?!\d)"
_AH_HANDELINGEN = (r"Aanhangsel\s+(?:van\s+de\s+|bij\s+de\s+|tot\s+het\s+Verslag\s+(?:van\s+|der\s+)?)?"
                   r"Handelingen(?:\s+(?:der\s+|van\s+de\s+)?(?P<chname>Eerste|Tweede)\s+Kamer)?(?:\s+(?P<ch>I{1,2})(?![\w]))?,?")
_AH_YEAR_WORD = r"(?:(?i:verga-?\s?derjaar|vergaderjaar|zitting)\s+)?"
_AH_RE = re.compile(
    r"\b" + _AH_HANDELINGEN + r"\s+" + _AH_YEAR_WORD + _AH_YEARS + r",?\s*(?P<w>nrs?\.?)\s*(?P<nr>\d{1,5})(?![\w/])"
    r"|\b" + _AH_HANDELINGEN.replace("?P<", "?P<b_") + r"\s*nr\.?\s*(?P<b_nr>\d{1,5}),?\s*"
    + r"(?i:verga-?\s?derjaar|vergaderjaar|zitting)\s+" + _AH_YEARS.replace("?P<", "?P<b_")
    + r"|\bAanhangsel\s*\(\s*nr\.?\s*(?P<c_nr>\d{1,5})\s*\(\s*" + _AH_YEARS.replace("?P<", "?P<c_")
    + r"\s*\)(?:\s*Handelingen)?\s*\)"
)
_AH_ID_RE = re.compile(r"\bah-(?P<ch>tk|ek)-(?P<y1>\d{4})(?P<y2>\d{4})-(?P<nr>\d{1,5})\b")
_AH_AND = re.compile(r"(?:\s*,\s*|\s+en\s+)(?P<nr>\d{1,5})(?![\w/])(?!\s*[-–/]\s*\d)")


# Each pattern above needs one of its cue words (all case-sensitive but _KEY_CUE's); these plain
# substring tests (much faster than a regex scan) skip a pattern where it cannot match.
_HEAD_CUES = ("amerstuk", "Bijl", "itting", "ITTING")
_KEY_CUES = ("motie", "amendement")          # in the text in lower case
_BARE_NUMBER = re.compile(r",\s*nrs?\.?\s*\d")       # what _BARE_HEAD looks ahead for


def find(text: str) -> list[Hit]:
    """Kamerstuk and Aanhangsel references in one paragraph, sorted by start, non-overlapping."""
    found: list[Hit] = []
    pos = 0
    heads = any(cue in text for cue in _HEAD_CUES)
    while heads and (head := _HEAD.search(text, pos)) is not None:
        key = _KEY_RE.match(text, head.end())
        if key is not None:                       # "Kamerstuk 26150-187"
            found.append(_hit(text, head.start(), key.end(), _compact_key(key)))
            pos = key.end()
            continue
        pos = max(_reference(text, head.start(), head.end(), found), head.end())
    for bare in _BARE_HEAD.finditer(text) if "nr" in text and _BARE_NUMBER.search(text) else ():
        _reference(text, bare.end(), bare.end(), found, five_digits=True)
    for kst in _KST_RE.finditer(text) if "kst-" in text else ():
        found.append(_hit(text, kst.start(), kst.end(), _compact_key(kst)))
    for cue in _KEY_CUE.finditer(text) if _may_cue(text) else ():
        at = cue.end()
        while (key := _KEY_RE.match(text, at)) is not None:
            found.append(_hit(text, key.start(), key.end(), _compact_key(key)))
            more = _KEY_LIST.match(text, key.end())
            if more is None:
                break
            at = more.end()
    found += _aanhangsel(text)
    return _non_overlapping(found)


def _may_cue(text: str) -> bool:
    """Whether _KEY_CUE can match: "motie" or "amendement" in any case."""
    words = scan(text)
    lower = words.lower_text if not words.odd_case else None
    return lower is None or any(cue in lower for cue in _KEY_CUES)


def _non_overlapping(hits: list[Hit]) -> list[Hit]:
    """Leftmost first, the longest of those starting at one place; hits overlapping a kept one go."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def _dossier_key(m: re.Match[str]) -> str:
    parts = [m.group("d1") + m.group("d2")]
    if m.group("sub"):
        parts.append(m.group("sub"))
    part = m.group("part") or m.group("chapter")
    if part:
        parts.append(part.replace(" ", ""))
    return "-".join(parts)


def _compact_key(m: re.Match[str]) -> str:
    return "-".join(p for p in (m.group("kd"), m.group("ksub"), m.group("kpart"), m.group("knr")) if p)


def _reference(text: str, start: int, pos: int, hits: list[Hit], five_digits: bool = False) -> int:
    """Read the dossiers and numbers of one reference from `pos`; append its hits; return the end."""
    pending: list[str] = []  # dossiers seen without their own number ("30 196 en 31 793, nr. 708")
    hit_start = start
    while (dossier := _DOSSIER_RE.match(text, pos)) is not None:
        if five_digits and len(dossier.group("d1")) != 2:
            break
        pos = dossier.end()
        numbered = _NUMBERED.match(text, pos)
        if numbered is None or (five_digits and not numbered.group("word")):
            pending.append(_dossier_key(dossier))
        else:
            first = pending[0] if pending else _dossier_key(dossier)
            pending = []
            number = numbered.group("num") or numbered.group("ek")
            pos = numbered.end()
            hits.append(_hit(text, hit_start, pos, f"{first}-{number}"))
            plural = (numbered.group("word") or "").startswith(("nrs", "nummers"))
            while plural and (more := _match_any((_COMMA_NUMBER, _AND_NUMBER), text, pos)) is not None:
                hits.append(_hit(text, more.start("num"), more.end("num"), f"{first}-{more.group('num')}"))
                pos = more.end()
        following = _NEXT_DOSSIER.match(text, pos)
        if following is None:
            break
        if not pending:
            hit_start = following.end()
        pos = following.end()
    return pos


def _aanhangsel(text: str) -> list[Hit]:
    hits = []
    for m in _AH_RE.finditer(text) if "Aanhangsel" in text else ():
        prefix = "" if m.group("nr") else "b_" if m.group("b_nr") else "c_"
        chamber = _chamber(m.group(prefix + "ch") if prefix != "c_" else None,
                           m.group(prefix + "chname") if prefix != "c_" else None)
        years = _vergaderjaar(m.group(prefix + "y1"), m.group(prefix + "y2"))
        if not years:
            continue
        nr = m.group(prefix + "nr")
        hits.append(_hit(text, m.start(), m.end(), f"ah-{chamber}-{years}-{nr}"))
        if prefix == "" and m.group("w").startswith("nrs"):
            pos = m.end()
            while (more := _AH_AND.match(text, pos)) is not None:
                hits.append(_hit(text, more.start("nr"), more.end("nr"), f"ah-{chamber}-{years}-{more.group('nr')}"))
                pos = more.end()
    for m in _AH_ID_RE.finditer(text) if "ah-" in text else ():
        if _vergaderjaar(m.group("y1"), m.group("y2")):
            hits.append(_hit(text, m.start(), m.end(), m.group(0)))
    return hits


def _chamber(roman: str | None, name: str | None) -> str:
    """ "I" / "Eerste" -> "ek"; "II", "Tweede" or nothing (the Tweede Kamer's own citation) -> "tk"."""
    return "ek" if roman == "I" or name == "Eerste" else "tk"


def _vergaderjaar(first: str, second: str) -> str:
    """ "2019", "20" -> "20192020"; "" unless the second year follows the first."""
    return vergaderjaar_years(first, second).replace("-", "")


def _match_any(patterns: tuple[re.Pattern[str], ...], text: str, pos: int) -> re.Match[str] | None:
    for pattern in patterns:
        if (m := pattern.match(text, pos)) is not None:
            return m
    return None


def _hit(text: str, start: int, end: int, key: str) -> Hit:
    return Hit(start, end, KIND, key, text[start:end])


_AH_KEY = re.compile(r"ah-(?P<ch>tk|ek)-(?P<y1>\d{4})(?P<y2>\d{4})-(?P<nr>\d+)")


def is_aanhangsel(key: str) -> bool:
    return _AH_KEY.fullmatch(key) is not None


def title(key: str) -> str:
    """'26150-168' -> 'Kamerstuk 26 150, nr. 168'; '21501-20-1440' -> 'Kamerstuk 21 501-20, nr. 1440';
    '34775-V-20' -> 'Kamerstuk 34 775 V, nr. 20'; '34550-D' -> 'Kamerstuk 34 550, D' (an Eerste
    Kamer paper is lettered); '35000-XVII' -> 'Kamerstuk 35 000 XVII' (a budget chapter);
    'ah-tk-20192020-1234' -> 'Aanhangsel Handelingen II 2019/20, nr. 1234' (1999/2000 in full)."""
    ah = _AH_KEY.fullmatch(key)
    if ah:
        y1, y2 = ah.group("y1"), ah.group("y2")
        years = f"{y1}/{y2[2:]}" if y1[:2] == y2[:2] else f"{y1}/{y2}"
        return f"Aanhangsel Handelingen {'I' if ah.group('ch') == 'ek' else 'II'} {years}, nr. {ah.group('nr')}"
    parts = key.split("-")
    dossier = parts[0]
    if len(dossier) == 5 and dossier.isdigit():
        dossier = f"{dossier[:2]} {dossier[2:]}"
    rest = parts[1:]
    number = rest.pop() if rest and rest[-1].isdigit() else ""
    senate = rest.pop() if not number and rest and re.fullmatch(r"[A-HJ-UWYZ]{1,2}", rest[-1]) else ""
    for part in rest:
        dossier += f"-{part}" if part.isdigit() else f" {part}"
    if number:
        return f"Kamerstuk {dossier}, nr. {number}"
    return f"Kamerstuk {dossier}, {senate}" if senate else f"Kamerstuk {dossier}"


def url(key: str, cited_in: int | None = None) -> str:
    """The officielebekendmakingen address of a key: "26150-168" -> ".../kst-26150-168",
    "ah-tk-20192020-1234" -> ".../ah-tk-20192020-1234"; "" for a paper from before 1995 (an
    Aanhangsel of an earlier vergaderjaar, a four-digit dossier, or one cited in a letter of
    `cited_in` < 1995)."""
    if cited_in is not None and cited_in < FIRST_PUBLISHED_YEAR:
        return ""
    ah = _AH_KEY.fullmatch(key)
    if ah:
        return SITE + key if int(ah.group("y1")) >= FIRST_PUBLISHED_YEAR else ""
    dossier = key.split("-", 1)[0]
    return URL_BASE + key if len(dossier) == 5 and dossier.isdigit() else ""
