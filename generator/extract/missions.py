"""UN missions named in a paragraph: "MINUSMA", "VN-missie (UNSMIL)", "United Nations Interim Force in Lebanon".

Pure: `find(text, names)` takes one paragraph of running text and a mapping from surface form to
mission key (built by the knowledge loader, e.g. {"UNIFIL": "UNIFIL", "United Nations Interim Force
in Lebanon": "UNIFIL"}) and returns `Hit`s of kind "mission".

Matching rules, for any mapping:
- whole words only: a name is not preceded or followed by a letter or digit ("UNDOF" is not
  found in "UNDOFX" or "XUNDOF"); a hyphen on either side is fine, so "MINUSMA-missie" and
  "VN-MINUSMA" give a hit that covers just "MINUSMA", and so do "VN-missie MINUSMA" and "(MINUSMA)";
- a form with more than one word ("United Nations Interim Force in Lebanon") matches in any case
  and with any run of whitespace between its words; a one-word form (an acronym such as "UNMISS",
  or a short name) matches exactly as written — "Unifil" or "unmiss" in running text is no mention;
- longest form first: where two forms start at the same place the longer one wins
  ("UNMISS" before "UNMIS"), and hits never overlap;
- nothing inside a web address or e-mail address ("https://minusma.unmissions.org",
  "press@unifil.org", "www.un.org/UNMISS");
- an acronym of five or more capital letters also matches in Titlecase, as letters and OCR write
  them ("Unavem", "Untac", "Unprofor", "Unifil", and with a phase numeral "Unavem-II"); shorter ones do not ("Unef", "Onuc" stay
  unmatched: too close to ordinary words). A Titlecase form in the mapping itself wins.

Numbered phases: the mapping sends a family acronym ("UNAVEM") to its first phase; `phase_at`
picks the phase of a date instead (extract.find_all does, with the letter's date).

`unknown(text, known, hits)`: the UN-looking acronyms ("UNXYZ", "MINUXYZ", "MONUXYZ", "ONUXYZ",
"BINUX": capitals, 4 to 9 letters, not an ordinary word such as UNITED or UNIE) that are no
known name, and the "VN-missie in <Plaats>"
phrases that name no mission, for the build's warnings.

Forms that differ only in case or spacing map to the key of the last one in the mapping.
The compiled pattern for a mapping is cached, so calling `find` per paragraph is cheap.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence

from .base import Candidates, Hit

KIND = "mission"

# Web and e-mail addresses; hits inside them are dropped (shared with countries.py).
_ADDRESS = re.compile(
    r"(?:\bhttps?://|\bwww\.)[^\s<>«»\"]+"          # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"                 # e-mail addresses
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:org|int|com|net|nl|eu|gov)\b(?:/[^\s<>«»\"]*)?",  # bare domains
    re.IGNORECASE,
)


# Every address above contains one of these; a text without any has no address (a fast test):
# "://", "www.", "@" or ".org" (…), in any case. Written to start with the set of their first
# characters, so the regex engine skips quickly to the next place where one can start.
_ADDRESS_HINT = re.compile(r"[:wW@.](?:(?<=:)//|(?<=[wW])(?i:ww\.)|(?<=@)|(?<=\.)(?i:org|int|com|net|nl|eu|gov)\b)")


def address_spans(text: str) -> list[tuple[int, int]]:
    """Where the web and e-mail addresses are in `text` (start, end)."""
    if _ADDRESS_HINT.search(text) is None:
        return []
    return [m.span() for m in _ADDRESS.finditer(text)]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


# A one-word form that also matches in Titlecase: five or more capital letters, nothing else but
# a phase numeral ("UNAVEM-II" -> "Unavem-II").
_TITLECASE = re.compile(r"([A-Z]{5,})(-[IVX]+|-[0-9]+)?")


def _normal(surface: str) -> str:
    return " ".join(surface.split())


class _Matcher(Candidates):
    """One compiled alternation over all forms of a mapping, longest first."""

    def __init__(self, items: tuple[tuple[str, str], ...]) -> None:
        self.exact: dict[str, str] = {}
        self.folded: dict[str, str] = {}
        alternatives: list[tuple[int, str]] = []
        folded_forms = []
        for surface, key in items:
            form = _normal(surface)
            if not form:
                continue
            words = form.split(" ")
            body = r"\s+".join(re.escape(w) for w in words)
            if len(words) > 1:
                self.folded[form.casefold()] = key
                folded_forms.append(form)
                body = "(?i:" + body + ")"
            else:
                self.exact[form] = key
            alternatives.append((len(form), body))
        for form, key in list(self.exact.items()):       # "UNAVEM" -> also "Unavem"
            m = _TITLECASE.fullmatch(form)
            title = m.group(1).capitalize() + (m.group(2) or "") if m else ""
            if m and title not in self.exact:
                self.exact[title] = key
                alternatives.append((len(title), re.escape(title)))
        alternatives.sort(key=lambda a: -a[0])
        union = "|".join(body for _, body in alternatives) or r"(?!x)x"
        # A letter or digit on either side means the name is part of a longer word.
        self.pattern = re.compile(r"(?<!\w)(?:" + union + r")(?!\w)")
        super().__init__(self.pattern, exact=self.exact, folded=folded_forms)

    def key(self, surface: str) -> str:
        form = _normal(surface)
        return self.exact.get(form) or self.folded[form.casefold()]


matcher = _Matcher.of          # the compiled matcher for a mapping: build it once, pass it to find


def find(text: str, names: Mapping[str, str] | _Matcher,
         spans: list[tuple[int, int]] | None = None) -> list[Hit]:
    """Missions named in one paragraph, sorted by start, non-overlapping. `spans`: the text's
    address_spans, when the caller has them already."""
    found = _Matcher.of(names)
    spans = address_spans(text) if spans is None else spans
    hits: list[Hit] = []
    for m in found.finditer(text):
        if _inside(spans, m.start(), m.end()):
            continue
        hits.append(Hit(m.start(), m.end(), KIND, found.key(m.group()), m.group()))
    return hits


def phase_at(phases: Sequence[tuple[str, dt.date | None]], when: dt.date | None) -> str:
    """The key of the phase that ran at `when`: the latest phase started on or before it (a phase
    runs until the next one starts); before the first phase, or without a date, the first phase
    (the one that bore the bare acronym until a second phase came)."""
    chosen = phases[0][0]
    if when is None:
        return chosen
    for key, start in phases:
        if start is not None and start <= when:
            chosen = key
    return chosen


# What looks like the acronym of a UN mission: capitals, starting like the UN's mission acronyms
# do (UN…, MINU…, MONU…, ONU…, BINU…), 4 to 9 letters; a hyphen may follow ("UNXYZ-missie").
_UN_LOOKING = re.compile(r"(?<![\w-])(?:UN[A-Z]{2,7}|ONU[A-Z]{1,6}|(?:MINU|MONU|BINU)[A-Z]{1,5})(?![\w])")
# Ordinary words in capitals that look like that (headings and names set in capitals).
ORDINARY_CAPITALS = frozenset({"UNITED", "UNION", "UNIE", "UNIT", "UNITS", "UNIQUE", "UNDER", "UNTIL",
                               "UNLESS", "UNKNOWN", "UNIVERSAL", "UNANIMOUS", "MINUTE", "MINUTES",
                               "MINUTEN", "MINUUT", "MINUS", "MONUMENT", "ONUS"})
# "VN-missie in Mali", "VN-vredesmacht in Libanon", "de VN-operatie in de Westelijke Sahara".
_VN_MISSION = re.compile(
    r"(?<![\w-])VN-(?:vredes|waarnemers|politie|bijstands)?(?:missie|macht|operatie)\s+in\s+"
    r"(?:(?:de|het)\s+)?[A-ZÀ-Þ][\w'’]*(?:-[\w'’]+)*(?:\s+[A-ZÀ-Þ][\w'’]*(?:-[\w'’]+)*){0,2}")
# Between a "VN-missie in …" phrase and the mission that names it: "(UNAMA)", ", UNAMA".
_JUST_BEFORE = re.compile(r"[\s(,:–—-]*")


def suspect(text: str, known: Callable[[str], bool]) -> bool:
    """Whether `text` may have something `unknown` reports (a quick test before the full one)."""
    # the acronyms all contain "UN" or "NU", the phrases "VN-": plain substring tests first
    return ((("UN" in text or "NU" in text)
             and any(m.group() not in ORDINARY_CAPITALS and not known(m.group()) for m in _UN_LOOKING.finditer(text)))
            or ("VN-" in text and _VN_MISSION.search(text) is not None))


def unknown(text: str, known: Callable[[str], bool], hits: Sequence[Hit],
            spans: list[tuple[int, int]] | None = None) -> list[tuple[int, str]]:
    """(start, surface) of what looks like a UN mission in `text` but is none that is known:

    - an acronym `_UN_LOOKING` matches, not an ordinary word in capitals, for which
      `known(acronym)` is false (the caller knows the missions, bodies and abbreviations);
    - a "VN-missie in <Plaats>" phrase (also VN-vredesmissie, -vredesmacht, -operatie, …) that no
      mission hit in `hits` covers and that no mission hit follows at once ("… (UNAMA)").

    Nothing inside a web or e-mail address. `hits`: the text's hits (of any kind)."""
    spans = address_spans(text) if spans is None else spans
    found: list[tuple[int, str]] = []
    for m in _UN_LOOKING.finditer(text):
        word = m.group()
        if word in ORDINARY_CAPITALS or known(word) or _inside(spans, m.start(), m.end()):
            continue
        if any(h.start <= m.start() and m.end() <= h.end for h in hits):
            continue
        found.append((m.start(), word))
    missions_hits = [h for h in hits if h.kind == KIND]
    for m in _VN_MISSION.finditer(text):
        if _inside(spans, m.start(), m.end()):
            continue
        if any(h.start < m.end() and m.start() < h.end for h in missions_hits):
            continue
        if any(h.start >= m.end() and _JUST_BEFORE.fullmatch(text, m.end(), h.start) for h in missions_hits):
            continue
        found.append((m.start(), _normal(m.group())))
    return sorted(found)
