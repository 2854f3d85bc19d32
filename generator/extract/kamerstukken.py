"""Kamerstukken cited in a paragraph: "(Kamerstuk 26 150, nr. 168)" -> key "26150-168".

Pure: `find(text)` takes one paragraph of running text and returns `Hit`s of kind "kamerstuk".
A reference starts with "Kamerstuk" or "Kamerstukken" (optionally "I"/"II" and a vergaderjaar
"2019/20" or "2019-2020") and is followed by a dossier and a number:

  dossier  five digits, usually written "26 150"; optionally a sub-number ("21 501-20") and a
           budget part: a roman numeral, maybe with a letter ("34 775 V", "35 000 XVII",
           "33 400 IIA"), or a capital letter ("35 300 A");
  number   after "," or ";": "nr. 168", "nr 168", "nrs. 23 en 35", a roman numeral after "nr."
           ("Kamerstuk 35 000; nr. XVII" -> "35000-XVII", written as cited), or a bare capital
           letter or two, the Eerste Kamer's way of numbering ("Kamerstuk 34 550, D" -> "34550-D").

The key is every part as written without spaces, joined with "-": "26150-168", "34775-V-20",
"21501-20-1440", "34550-D", "35000-XVII". A hit covers the whole reference ("Kamerstuk 26 150,
nr. 168"); in a list each further pair or number is its own hit ("32 735, nr. 78" in "Kamerstukken
26 150, nr. 168 en 32 735, nr. 78"; "35" in "nrs. 23 en 35").

A document filed in several dossiers is cited "Kamerstukken 30 196 en 31 793, nr. 708": it has one
number, the one in the first dossier, and officielebekendmakingen files it as kst-30196-708. Such a
reference is one hit over the whole text with the key of the first dossier ("30196-708").

A dossier without any number ("Kamerstuk 33 783" at the end of a sentence) is no hit: there is no
single document to link to. Page footers ("Tweede Kamer, vergaderjaar 2020–2021, 26 150, nr. 187")
carry no "Kamerstuk" and are not references.

`url(key)` gives the document's address on zoek.officielebekendmakingen.nl: "kst-" + the key
("https://zoek.officielebekendmakingen.nl/kst-26150-168"). A key ending in an Eerste Kamer letter
("34550-D") gets the same treatment; that is the address of the Eerste Kamer paper.
"""
from __future__ import annotations

import re

from .base import Hit

KIND = "kamerstuk"
URL_BASE = "https://zoek.officielebekendmakingen.nl/kst-"

_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"  # I..XXXIX; may also match "" — guarded by the lookahead below
_PART = r"(?:(?=[IVX])" + _ROMAN + r"[AB]?|[A-H])"
_DOSSIER = (
    r"(?P<d1>\d{1,2})\s?(?P<d2>\d{3})(?:-(?P<sub>\d{1,2}))?(?:\s(?P<part>" + _PART + r"))?(?![\w/-])"
)
_NUMBER_WORD = r"(?:nrs?\.?|nummers?)"
_NUMBER = r"(?:\d{1,5}|(?=[IVX])" + _ROMAN + r")(?![\w/])"
_EK_LETTER = r"[A-Z]{1,2}(?![\w/-])"

_HEAD = re.compile(
    r"\b[Kk]amerstuk(?:ken)?(?:\s+I{1,2})?(?:\s+\d{4}(?:/\d{2}|[-–]\d{4}),?)?\s+(?=\d)"
)
_DOSSIER_RE = re.compile(_DOSSIER)
# After a dossier: ", nr. 168" / "; nr. 168" / ", nrs. 23 en 35" / ", D".
_NUMBERED = re.compile(
    r"\s*[,;]\s*(?:(?P<word>" + _NUMBER_WORD + r")\s*(?P<num>" + _NUMBER + r")|(?P<ek>" + _EK_LETTER + r"))"
)
# More numbers of the same dossier after "nrs.": ", 35", " en 35".
# A number that starts the next dossier ("en 32 735, nr. 78") is not one of them.
_NOT_A_DOSSIER = r"(?!\s\d{3}(?!\d))"
_AND_NUMBER = re.compile(r"\s+en\s+(?P<num>" + _NUMBER + r")" + _NOT_A_DOSSIER)
_COMMA_NUMBER = re.compile(r"\s*,\s*(?P<num>" + _NUMBER + r")" + _NOT_A_DOSSIER)
# Another dossier of the same reference: " en 31 793", ", 31 793", "; 31 793".
_NEXT_DOSSIER = re.compile(r"\s*(?:[,;]|\s(?:en|and))\s*(?=\d{1,2}\s?\d{3}(?![\d]))")


def _dossier_key(m: re.Match[str]) -> str:
    parts = [m.group("d1") + m.group("d2")]
    if m.group("sub"):
        parts.append(m.group("sub"))
    if m.group("part"):
        parts.append(m.group("part"))
    return "-".join(parts)


def find(text: str) -> list[Hit]:
    """Kamerstuk references in one paragraph, sorted by start, non-overlapping."""
    hits: list[Hit] = []
    pos = 0
    while (head := _HEAD.search(text, pos)) is not None:
        pos = _reference(text, head.start(), head.end(), hits)
        pos = max(pos, head.end())
    return hits


def _reference(text: str, start: int, pos: int, hits: list[Hit]) -> int:
    """Read the dossiers and numbers of one reference from `pos`; append its hits; return the end."""
    pending: list[str] = []  # dossiers seen without their own number ("30 196 en 31 793, nr. 708")
    hit_start = start
    while (dossier := _DOSSIER_RE.match(text, pos)) is not None:
        pos = dossier.end()
        numbered = _NUMBERED.match(text, pos)
        if numbered is None:
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


def _match_any(patterns: tuple[re.Pattern[str], ...], text: str, pos: int) -> re.Match[str] | None:
    for pattern in patterns:
        if (m := pattern.match(text, pos)) is not None:
            return m
    return None


def _hit(text: str, start: int, end: int, key: str) -> Hit:
    return Hit(start, end, KIND, key, text[start:end])


def url(key: str) -> str:
    """The officielebekendmakingen address of a Kamerstuk key: "26150-168" -> ".../kst-26150-168"."""
    return URL_BASE + key
