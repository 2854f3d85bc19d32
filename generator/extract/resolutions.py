"""Security Council resolutions mentioned in a paragraph: "resolutie 2417", "NAP 1325", "2231/Iran-format".

Pure: `find(text)` takes one paragraph of running text (lines joined with single spaces, hyphenation
undone, footnote markers removed) and returns `Hit`s of kind "resolution" whose key is the
resolution number as a string ("2417"). Every hit covers the number only, never the word
"resolutie" or a year, so a list "resoluties 1325, 1820 en 2467" gives three hits of one number each.

Explicit forms (explicit=True): a number written right after a word ending in "resolutie(s)" or
"resolution(s)" in any spelling or compound — "resolutie 2417", "Resolutie 2231, waarmee",
"VNVR-resolutie 2396", "VR-Resolutie 1325", "VN-resolutie 1325", "Veiligheidsraadresolutie 2417",
"VN Veiligheidsraad resolutie 2417", "resolutie nr. 2417" — plus "UNSCR 2417", "S/RES/2417 (2018)"
and "1325-resolutie". A year after the number, "resolutie 2396 (2017)", is skipped and stays out
of the key. A list continues with ", NUMBER" or " en/of NUMBER"; continuation numbers must have
three or four digits (so "resolutie 1325 en 20 andere" stops at 1325), and comma items count
only when the list ends with "en/of NUMBER" (so "resolutie 2231, 2018" is one hit).

Indirect forms (explicit=False), numbers 1900-2100 excluded because there they are years
("2030-agenda", "Nationaal Actieplan 2021"):
  "NAP 1325", "(NAP) 1325", "Nationaal Actieplan 1325", "Nationale Actieplan (NAP) 1325";
  "1325-agenda", "1540-comité", "2231/Iran-format" (a number followed by "-agenda", "-format",
  "-comité", "-sanctiecomité", "-sanctieregime", "-netwerk", "-actieplan", optionally with a
  "/Word" in between);
  "Vrouwen, Vrede en Veiligheid (1325)" and its English/Youth siblings with a number in brackets.

General Assembly resolutions are a second family (kind "resolution" too), keyed by their symbol:
"A/RES/1514(XV)" for the consecutively numbered ones of the first 30 sessions (1946-1975) and
"A/RES/75/1" from the 31st session (1976) on. Their forms: the symbol "A/RES/75/1",
"A/RES/1514 (XV)"; a session after the number, "resolutie 2758 (XXVI)", "resolutie 3201 (S-VI)"
(a Roman session is the General Assembly's own cue); session/number after the word,
"resolutie 75/1", "AVVN-resolutie 75/1", "resolution 75/1" (sessions 31 and up: "1996/31" is an
ECOSOC year/number and "12/3" no session of this numbering); and a bare number with a cue for
the Assembly: the prefix "AVVN-", "AV-", "GA-", "UNGA-", "General Assembly resolution 1514",
"resolutie 1514 van de Algemene Vergadering" / "of the General Assembly", or "Algemene
Vergadering" / "General Assembly" elsewhere in the sentence (without a Security Council cue). A
bare number gets its session from content/knowledge/resolution-years.yml (`years`); a number
the table does not place gets no hit, since its key cannot be known ("de AVVN-resolutie 1234").
A sentence cue only makes a General Assembly hit where the table places the number; otherwise
the number stays a Security Council number ("in de Algemene Vergadering ... resolutie 1325").

The date rule (`year`: the year of the letter, when known): a Security Council number cannot be
cited before it was adopted. In a letter of 1960, "resolutie 1514" is not SC 1514 (2003); a
careful reader then takes the Assembly's resolution 1514 if the sentence points at the Assembly
(any cue, "AVVN" included) and the table places 1514 in a session that had begun by then;
without such a cue the number is something else (a misprint, another body's resolution) and no
hit is made rather than a wrong link. The same holds for a number beyond the table's newest
resolution in a letter older than the table's last year. With no year or no table, every number
is taken as the text suggests.

Never a resolution: Human Rights Council resolutions ("A/HRC/RES/47/1", "MRR-resolutie 47/1",
"Mensenrechtenraadresolutie 1234": after "MRR-", "HRC-", "WHA-" or "Mensenrechtenraad(s)" no
hit); numbers outside 1..2999 (Security Council resolutions run to about 2800); anything without
one of the cues above (years, amounts, Kamerstuk numbers, SDG 16, "75e AVVN", dates, "COVID-19",
"G5-Sahel").
"""
from __future__ import annotations

import re

from .base import Hit

KIND = "resolution"
MAX_NUMBER = 2999
FIRST_MODERN_SESSION = 31          # the General Assembly numbers "session/number" from 1976 on

# A resolution number: 1-4 digits, not followed by more of a number: a decimal ("1.325", "1,5"),
# a session/number pair ("75/1") or a range ("2016-2019").
_NUM_END = r"(?!\w|[.,/-]\d)"
_NUM = r"[1-9]\d{0,3}" + _NUM_END
_LIST_NUM = r"(?<![\w./-])[1-9]\d{2,3}" + _NUM_END  # continuation items and indirect forms: 3-4 digits
_ROMAN = r"(?:(?:S|ES)-)?[IVXL]+"
# "(2017)" or "(XV)" right after a number: a year (skipped) or a General Assembly session
_AFTER = r"\s*\(\s*(?:(?:19|20)\d\d|" + _ROMAN + r")\s*\)"
_SUFFIX = re.compile(r"\s*\(\s*(?:(?P<year>(?:19|20)\d\d)|(?P<session>" + _ROMAN + r"))\s*\)")

# The cue before the first number: a word ending in resolutie(s)/resolution(s) with any compound
# prefix ("VNVR-", "VR-", "VN-", "Veiligheidsraad", "AVVN-"; the prefix says the family),
# optionally followed by "nr."; or "UNSCR"; or the document symbol "S/RES/".
_TRIGGER = (
    r"(?:(?<![\w-])(?P<prefix>[\w-]*?)[Rr]esolut(?:ie|ies|ion|ions)\b\s+(?:(?:nr\.?|nummer|no\.)\s*)?"
    r"|\bUNSCR\s*|\bS/RES/)"
)
_HRC_PREFIX = re.compile(r"(?:^|-)(?:MRR|HRC|WHA)-?$|[Mm]ensenrechtenraads?-?$")
# "HRC resolution 47/1", "resolutie 47/1 van de Mensenrechtenraad": the Human Rights Council
_HRC_BEFORE = re.compile(r"(?:\bHRC|\bMRR|Mensenrechtenraad|Human\s+Rights\s+Council)\s*$")
_GA_PREFIX = re.compile(r"(?:^|-)(?:AVVN|AV|GA|UNGA)-?$|Algemene[-\s]?Vergaderings?-?$")
# "General Assembly resolution 1514", "GA resolution 1514", "Algemene Vergadering resolutie 1514"
_GA_BEFORE = re.compile(r"(?:\bGeneral\s+Assembly|\bGA|\bUNGA|\bAlgemene\s+Vergadering|\bAVVN)\s*$")
# "resolutie 1514 van de Algemene Vergadering", "resolution 1514 of the General Assembly"
_OF_THE = r"\s*(?:\(\s*(?:19|20)\d\d\s*\)\s*)?(?:van\s+de|der|of\s+the)\s+"
_GA_AFTER = re.compile(_OF_THE + r"(?:(?:VN-)?Algemene\s+Vergadering|AVVN|General\s+Assembly)\b")
_HRC_AFTER = re.compile(_OF_THE + r"(?:Mensenrechtenraad|MRR|Human\s+Rights\s+Council)\b")
_SC_AFTER = re.compile(_OF_THE + r"(?:(?:VN-)?Veiligheidsraad|VNVR|Security\s+Council)\b")
# Cues anywhere in the sentence: the Assembly named in full, or (for the date rule only) any cue.
_GA_SENTENCE = re.compile(r"\bAlgemene\s+Vergadering|\bGeneral\s+Assembly|\bAssembl[ée]e\s+[Gg][ée]n[ée]rale")
_GA_ANY = re.compile(_GA_SENTENCE.pattern + r"|\bAVVN|\bUNGA\b|\bAV-")
_SC_SENTENCE = re.compile(r"Veiligheidsraad|\bVNVR|\bVR\b|\bSecurity\s+Council|\bUNSC|\bS/RES/")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00C0-\u00DE(\"'])")

_EXPLICIT = re.compile(
    _TRIGGER
    + r"(?P<first>" + _NUM + r")(?:" + _AFTER + r")?"
    + r"(?P<rest>(?:(?:\s*,\s*" + _LIST_NUM + r"(?:" + _AFTER + r")?)*"
    + r"\s*,?\s+(?:en|of|and|&)\s+" + _LIST_NUM + r"(?:" + _AFTER + r")?)?)"
)
# One continuation item inside "rest"; the year in brackets is consumed, not reported.
_LIST_ITEM = re.compile(r"(?:,|\ben\b|\bof\b|\band\b|&)\s*(?P<num>" + _LIST_NUM + r")")

# "1325-resolutie": the number written before the word.
_NUMBER_FIRST = re.compile(r"(?<![\w./-])(?P<num>[1-9]\d{0,3})-[Rr]esoluties?\b")

# General Assembly symbols and session/number pairs: "A/RES/75/1", "A/RES/1514 (XV)",
# "resolutie 75/1", "AVVN-resolutie 75/1 en 75/2".
_GA_PAIR = r"(?P<session>(?:(?:S|ES)-)?[1-9]\d?)/(?P<num>[1-9]\d{0,2})(?![\w/]|[.,]\d)"
_GA_SYMBOL = re.compile(r"(?<![\w/])A/RES/(?:" + _GA_PAIR + r"|(?P<old>[1-9]\d{0,3})(?:\s*[A-Z])?\s*\(\s*(?P<roman>"
                        + _ROMAN + r")\s*\))")
_GA_WORD_PAIR = re.compile(r"(?<![\w-])(?P<prefix>[\w-]*?)[Rr]esolut(?:ie|ies|ion|ions)\b\s+(?:(?:nr\.?|no\.)\s*)?"
                           + _GA_PAIR)
_GA_PAIR_ITEM = re.compile(r"\s*(?:,|\ben\b|\band\b|&)\s*" + _GA_PAIR)

_INDIRECT_SUFFIX = re.compile(
    r"(?<![\w./-])(?P<num>[1-9]\d{2,3})(?:/[^\W\d_]\w*)?-"
    r"(?:agenda|format|comit[ée]|sanctiecomit[ée]|sanctieregime|netwerk|actieplan)\b"
)
_INDIRECT_PLAN = re.compile(
    r"(?:\bNAP\)?|\b[Aa]ctieplan(?:\s*\(NAP\))?)[\s-]*(?P<num>" + _LIST_NUM + r")"
    r"(?!\s*(?:%|(?:procent|miljoen|miljard|mln|mld|euro|EUR)\b))"  # "actieplan 250 miljoen" is an amount
)
_INDIRECT_THEME = re.compile(
    r"(?:\b(?:Vrouwen|Jeugd|Jongeren),?\s+[Vv]rede\s+en\s+[Vv]eiligheid"
    r"|\b(?:Women|Youth),?\s+[Pp]eace,?\s+and\s+[Ss]ecurity|\bWPS|\bYPS)"
    r"\s*\(\s*(?P<num>[1-9]\d{2,3})\s*\)"
)


# Each pattern above needs one of its cue words; these plain substring tests (much faster than a
# regex scan) skip a pattern where it cannot match.
_DIGIT = re.compile(r"[1-9]")
_SUFFIX_CUES = ("-agenda", "-format", "-comit", "-sanctie", "-netwerk", "-actieplan")
_PLAN_CUES = ("NAP", "actieplan", "Actieplan")
_THEME_CUES = ("vrede", "Vrede", "peace", "Peace", "WPS", "YPS")


def _is_number(value: str, *, indirect: bool = False) -> bool:
    n = int(value)
    if not 1 <= n <= MAX_NUMBER:
        return False
    return not (indirect and 1900 <= n <= 2100)


def _hit(text: str, start: int, end: int, explicit: bool, key: str = "") -> Hit:
    return Hit(start, end, KIND, key or str(int(text[start:end])), text[start:end], explicit)


def ga_key(number: int | str, session: str) -> str:
    """The key of a General Assembly resolution: 'A/RES/1514(XV)' (sessions I-XXX, Roman) or
    'A/RES/75/1' (session 31 on, and special sessions 'S-10/2', 'ES-10/1')."""
    if re.fullmatch(_ROMAN, session):
        return f"A/RES/{int(number)}({session})"
    return f"A/RES/{session}/{int(number)}"


def _sentence(text: str, at: int) -> str:
    """The sentence of `text` around position `at`."""
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, at):
        start = m.end()
    m = _SENTENCE_END.search(text, at)
    return text[start:m.start() if m else len(text)]


def _modern_session(session: str) -> bool:
    """'75', 'S-10', 'ES-10': a session of the session/number numbering (31st session on)."""
    return "-" in session or int(session) >= FIRST_MODERN_SESSION


class _Reader:
    """One paragraph: decides per number the family, with the letter's year and the table."""

    def __init__(self, text: str, year: int | None, years) -> None:
        self.text, self.year, self.years = text, year, years

    def ga_bare(self, number: str) -> str:
        """The key of General Assembly resolution `number` written without its session, or ""
        when the table does not place it (or it was not yet adopted in the letter's year)."""
        if self.years is None:
            return ""
        found = self.years.ga_session(number)
        if found is None or (self.year is not None and found.year > self.year):
            return ""
        return ga_key(number, found.session)

    def sc_possible(self, number: str) -> bool:
        """False when the letter's year is before the Security Council adopted `number`."""
        if self.year is None or self.years is None:
            return True
        return self.years.sc_adopted_by(number, self.year) is not False

    def key(self, start: int, end: int, family: str) -> str:
        """The key of the number at text[start:end]: a Security Council number, a General
        Assembly symbol, or "" (no hit). `family`: "ga" (a cue for the Assembly at the word),
        "sc" (a cue for the Council), "" (none)."""
        number = self.text[start:end]
        suffix = _SUFFIX.match(self.text, end)
        if suffix and suffix.group("session"):
            return ga_key(number, suffix.group("session"))
        if family == "" and _GA_AFTER.match(self.text, end):
            family = "ga"
        elif family == "" and _SC_AFTER.match(self.text, end):
            family = "sc"
        if family == "ga":
            return self.ga_bare(number)
        sentence = None
        if family == "" and (sentence := _sentence(self.text, start)) and _GA_SENTENCE.search(sentence) \
                and not _SC_SENTENCE.search(sentence):
            if key := self.ga_bare(number):
                return key
        if not _is_number(number):
            return ""
        if self.sc_possible(number):
            return str(int(number))
        # not yet adopted by the Council: the Assembly's resolution, if the sentence points there
        sentence = sentence if sentence is not None else _sentence(self.text, start)
        return self.ga_bare(number) if family != "sc" and _GA_ANY.search(sentence) else ""


def find(text: str, *, year: int | None = None, years=None) -> list[Hit]:
    """Security Council and General Assembly resolutions in one paragraph, sorted by start,
    non-overlapping. `year`: the letter's year (the date rule); `years`: the
    knowledge.years.ResolutionYears table (the year and session of a number); both optional."""
    found: list[Hit] = []
    if not _DIGIT.search(text):
        return found
    reader = _Reader(text, year, years)
    explicit = "esolut" in text or "UNSCR" in text or "S/RES/" in text     # cheap tests first
    if "A/RES/" in text:
        for m in _GA_SYMBOL.finditer(text):
            if m.group("old"):
                found.append(_hit(text, m.start(), m.end(), True, ga_key(m.group("old"), m.group("roman"))))
            elif _modern_session(m.group("session")):
                found.append(_hit(text, m.start(), m.end(), True, ga_key(m.group("num"), m.group("session"))))
    for m in _GA_WORD_PAIR.finditer(text) if explicit and "/" in text else ():
        if _HRC_PREFIX.search(m.group("prefix")) or _HRC_BEFORE.search(text, 0, m.start()):
            continue
        pairs = [m]
        pos = m.end()
        while (item := _GA_PAIR_ITEM.match(text, pos)) is not None:
            pairs.append(item)
            pos = item.end()
        if _HRC_AFTER.match(text, pos):
            continue
        for pair in pairs:
            if _modern_session(pair.group("session")):
                found.append(_hit(text, pair.start("session"), pair.end("num"), True,
                                  ga_key(pair.group("num"), pair.group("session"))))
    for m in _EXPLICIT.finditer(text) if explicit else ():
        prefix = m.group("prefix") or ""
        if _HRC_PREFIX.search(prefix) or (m.group("prefix") is not None and _HRC_BEFORE.search(text, 0, m.start())):
            continue  # a Human Rights Council resolution
        if _GA_PREFIX.search(prefix) or (m.group("prefix") is not None and _GA_BEFORE.search(text, 0, m.start())):
            family = "ga"
        elif m.group("prefix") is None or re.search(r"(?:VNVR|VR|UNSC|Veiligheidsraad)-?$", prefix):
            family = "sc"                                  # "UNSCR", "S/RES/", "VNVR-resolutie"
        else:
            family = ""
        spans = [(m.start("first"), m.end("first"))]
        base = m.start("rest")
        spans += [(base + i.start("num"), base + i.end("num")) for i in _LIST_ITEM.finditer(m.group("rest"))]
        for start, end in spans:
            if key := reader.key(start, end, family):
                found.append(_hit(text, start, end, True, key))
    for m in _NUMBER_FIRST.finditer(text) if explicit else ():
        if _is_number(m.group("num")) and reader.sc_possible(m.group("num")):
            found.append(_hit(text, m.start("num"), m.end("num"), True))
    for pattern, cues in ((_INDIRECT_SUFFIX, _SUFFIX_CUES), (_INDIRECT_PLAN, _PLAN_CUES), (_INDIRECT_THEME, _THEME_CUES)):
        for m in pattern.finditer(text) if any(cue in text for cue in cues) else ():
            if _is_number(m.group("num"), indirect=True) and reader.sc_possible(m.group("num")):
                found.append(_hit(text, m.start("num"), m.end("num"), False))
    return _non_overlapping(found)


def _non_overlapping(hits: list[Hit]) -> list[Hit]:
    """Sorted by start; of overlapping hits the first (then the longest, then explicit) wins."""
    out: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start), not h.explicit)):
        if out and hit.start < out[-1].end:
            continue
        out.append(hit)
    return out
