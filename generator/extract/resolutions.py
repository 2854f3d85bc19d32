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

Never a resolution: General Assembly and Human Rights Council resolutions, which are numbered
"session/number" ("A/RES/75/1", "resolutie 75/1", "AVVN-resolutie 75/1") — a number followed by
"/digit" is skipped, and so is any number after "AVVN-", "AV-", "GA-", "MRR-" or
"Mensenrechtenraad(s)resolutie"; numbers outside 1..2999 (Security Council resolutions run to
about 2800); anything without one of the cues above (years, amounts, Kamerstuk numbers, SDG 16,
"75e AVVN", dates, "COVID-19", "G5-Sahel").
"""
from __future__ import annotations

import re

from .base import Hit

KIND = "resolution"
MAX_NUMBER = 2999

# A resolution number: 1-4 digits, not followed by more of a number: a decimal ("1.325", "1,5"),
# a session/number pair ("75/1") or a range ("2016-2019").
_NUM_END = r"(?!\w|[.,/-]\d)"
_NUM = r"[1-9]\d{0,3}" + _NUM_END
_LIST_NUM = r"(?<![\w./-])[1-9]\d{2,3}" + _NUM_END  # continuation items and indirect forms: 3-4 digits
_YEAR = r"\s*\(\s*(?:19|20)\d\d\s*\)"  # "(2017)" right after a number

# The cue before the first number: a word ending in resolutie(s)/resolution(s) with any compound
# prefix ("VNVR-", "VR-", "VN-", "Veiligheidsraad"; the prefix is checked against _GA_PREFIX),
# optionally followed by "nr."; or "UNSCR"; or the document symbol "S/RES/".
_TRIGGER = (
    r"(?:(?<![\w-])(?P<prefix>[\w-]*?)[Rr]esolut(?:ie|ies|ion|ions)\b\s+(?:(?:nr\.?|nummer|no\.)\s*)?"
    r"|\bUNSCR\s*|\bS/RES/)"
)
_GA_PREFIX = re.compile(r"(?:^|-)(?:AVVN|AV|GA|UNGA|MRR|HRC|WHA)-?$|[Mm]ensenrechtenraads?-?$")

_EXPLICIT = re.compile(
    _TRIGGER
    + r"(?P<first>" + _NUM + r")(?:" + _YEAR + r")?"
    + r"(?P<rest>(?:(?:\s*,\s*" + _LIST_NUM + r"(?:" + _YEAR + r")?)*"
    + r"\s*,?\s+(?:en|of|and|&)\s+" + _LIST_NUM + r"(?:" + _YEAR + r")?)?)"
)
# One continuation item inside "rest"; the year in brackets is consumed, not reported.
_LIST_ITEM = re.compile(r"(?:,|\ben\b|\bof\b|\band\b|&)\s*(?P<num>" + _LIST_NUM + r")(?:" + _YEAR + r")?")

# "1325-resolutie": the number written before the word.
_NUMBER_FIRST = re.compile(r"(?<![\w./-])(?P<num>[1-9]\d{0,3})-[Rr]esoluties?\b")

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


def _hit(text: str, start: int, end: int, explicit: bool) -> Hit:
    return Hit(start, end, KIND, str(int(text[start:end])), text[start:end], explicit)


def find(text: str) -> list[Hit]:
    """Security Council resolution numbers in one paragraph, sorted by start, non-overlapping."""
    found: list[Hit] = []
    if not _DIGIT.search(text):
        return found
    explicit = "esolut" in text or "UNSCR" in text or "S/RES/" in text     # cheap tests first
    for m in _EXPLICIT.finditer(text) if explicit else ():
        if m.group("prefix") and _GA_PREFIX.search(m.group("prefix")):
            continue  # a General Assembly / Human Rights Council resolution
        if _is_number(m.group("first")):
            found.append(_hit(text, m.start("first"), m.end("first"), True))
        base = m.start("rest")
        for item in _LIST_ITEM.finditer(m.group("rest")):
            if _is_number(item.group("num")):
                found.append(_hit(text, base + item.start("num"), base + item.end("num"), True))
    for m in _NUMBER_FIRST.finditer(text) if explicit else ():
        if _is_number(m.group("num")):
            found.append(_hit(text, m.start("num"), m.end("num"), True))
    for pattern, cues in ((_INDIRECT_SUFFIX, _SUFFIX_CUES), (_INDIRECT_PLAN, _PLAN_CUES), (_INDIRECT_THEME, _THEME_CUES)):
        for m in pattern.finditer(text) if any(cue in text for cue in cues) else ():
            if _is_number(m.group("num"), indirect=True):
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
