"""Countries named in a paragraph: "Syrië", "Syrische", "Zuid-Sudan" -> ISO 3166-1 alpha-2 codes.

Pure: `find(text, names)` takes one paragraph of running text and a mapping from surface form
(country name, alias or adjective) to code, e.g. {"Syrië": "SY", "Syrische": "SY", "Zuid-Sudan": "SS"},
and returns `Hit`s of kind "country". The mapping is built by the knowledge loader on top of
`knowledge.cldr.cldr_names()`; this module only maps what it is given (it finds "Nederland" as "NL" too,
whether that is wanted is decided later).

Matching rules, for any mapping:
- case-sensitive: Dutch country names and their adjectives are capitalised ("Syrische", not "syrische");
- whole words, where a hyphenated compound counts as one word:
  * no letter or digit may touch the name on either side ("Niger" is not in "Nigeria", "Oman" not
    in "Romania", "Iran" not in "Iraans", "Nederland" not in "Nederlands");
  * a capitalised word joined on the left makes a longer name ("Zuid-Sudan", "Noord-Korea",
    "Wit-Rusland", "Frans-Guyana"), so "Sudan", "Korea", "Rusland", "Guyana" are not found there
    unless the whole compound is itself in the mapping. An all-capitals or lower-case word on the
    left is a prefix, not part of a name: "EU-Turkije", "VN-Syrië", "anti-Israëlische" do count.
    Regions written this way ("Oost-Oekraïne", "Noord-Mali") are found only if the mapping lists them;
  * a capitalised word joined on the right also makes a longer name ("Guinee-Bissau",
    "Congo-Kinshasa"); a lower-case word or a dangling hyphen does not ("Iran-format",
    "Syrië-conflict", "Mali- en Nigerbeleid"), so there the country is found;
- longest form first, and hits never overlap: "Zuid-Soedan" wins over "Soedan", "Caribisch
  Nederland" over "Nederland";
- nothing inside web or e-mail addresses;
- a form with several words matches with any run of whitespace between them.

The base mapping from the CLDR territory names in babel is knowledge.cldr.cldr_names(locale).
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from .base import Candidates, Hit
from .missions import address_spans

KIND = "country"

_UPPER = "A-ZÀ-ÖØ-Þ"  # capitals a Dutch or European country name can start with
_WORD_BEFORE_HYPHEN = re.compile(r"(\w+)-$")


class _Matcher(Candidates):
    def __init__(self, items: tuple[tuple[str, str], ...]) -> None:
        self.keys: dict[str, str] = {}
        forms: list[str] = []
        for surface, code in items:
            form = " ".join(surface.split())
            if form:
                self.keys[form] = code
                forms.append(form)
        forms.sort(key=len, reverse=True)
        union = "|".join(r"\s+".join(re.escape(w) for w in f.split(" ")) for f in forms) or r"(?!x)x"
        self.pattern = re.compile(
            r"(?<!\w)(?:" + union + r")(?!\w)(?!-[" + _UPPER + r"])"
        )
        super().__init__(self.pattern, exact=self.keys)

    def key(self, surface: str) -> str:
        return self.keys[" ".join(surface.split())]


def _joined_on_left(text: str, start: int) -> bool:
    """True if a capitalised (not all-capitals) word is hyphenated onto the name: "Zuid-|Sudan"."""
    m = _WORD_BEFORE_HYPHEN.search(text, max(0, start - 40), start)
    if m is None:
        return False
    word = m.group(1)
    return word[0].isupper() and not word.isupper()


matcher = _Matcher.of          # the compiled matcher for a mapping: build it once, pass it to find


def find(text: str, names: Mapping[str, str] | _Matcher,
         spans: list[tuple[int, int]] | None = None) -> list[Hit]:
    """Countries named in one paragraph, sorted by start, non-overlapping. `spans`: the text's
    address_spans, when the caller has them already."""
    found = _Matcher.of(names)
    spans = address_spans(text) if spans is None else spans
    hits: list[Hit] = []
    pos = 0
    while (m := found.search(text, pos)) is not None:
        pos = m.start() + 1
        if _joined_on_left(text, m.start()) or any(s <= m.start() and m.end() <= e for s, e in spans):
            continue
        hits.append(Hit(m.start(), m.end(), KIND, found.key(m.group()), m.group()))
        pos = m.end()
    return hits
