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
  "press@unifil.org", "www.un.org/UNMISS").

Forms that differ only in case or spacing map to the key of the last one in the mapping.
The compiled pattern for a mapping is cached, so calling `find` per paragraph is cheap.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

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
