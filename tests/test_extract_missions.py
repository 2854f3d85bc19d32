"""Mission extractor: fixture cases (tests/fixtures/extract/missions.txt) and the five letters.

The mapping is the tests' own; the real one comes from the knowledge base.
"""
from __future__ import annotations

import re
from collections import Counter

import pytest

from extract_cases import check, corpus, parametrize_cases
from generator.extract import missions

NAMES = {
    "MINUSMA": "MINUSMA",
    "United Nations Multidimensional Integrated Stabilization Mission in Mali": "MINUSMA",
    "UNMISS": "UNMISS",
    "UNMIS": "UNMIS",
    "UNIFIL": "UNIFIL",
    "United Nations Interim Force in Lebanon": "UNIFIL",
    "UNDOF": "UNDOF",
    "UNTSO": "UNTSO",
    "MONUSCO": "MONUSCO",
    "UNOCI": "UNOCI",
    "MINUSTAH": "MINUSTAH",
    "UNSMIL": "UNSMIL",
}


@parametrize_cases("missions.txt")
def test_case(case):
    hits = missions.find(case.text, NAMES)
    assert all(h.kind == "mission" and h.explicit for h in hits)
    check(case, hits)


def test_any_mapping():
    """Nothing is built in: an empty mapping finds nothing, a new name is found at once."""
    text = "MINUSMA en de Joint Force"
    assert missions.find(text, {}) == []
    hits = missions.find(text, {"Joint Force": "JF"})
    assert [(h.key, h.surface) for h in hits] == [("JF", "Joint Force")]


def test_regex_characters_in_names():
    hits = missions.find("de missie (U.N.-X) en UNMIK", {"U.N.-X": "X", "UNMIK": "UNMIK"})
    assert [h.key for h in hits] == ["X", "UNMIK"]


def test_address_spans():
    text = "zie https://unmiss.unmissions.org/nl en info@un.org of minusma.unmissions.org."
    spans = missions.address_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "https://unmiss.unmissions.org/nl", "info@un.org", "minusma.unmissions.org"]


# Read from the letters (grep for the acronyms; no long-form mission names occur).
EXPECTED = {
    # l. 114 (MINUSMA, UNMISS), l. 157-164 (the list of missions with Dutch personnel), l. 192-193
    # (UNOCI, MINUSTAH), l. 434 (MINUSMA en UNMISS), l. 438, l. 446 (MINUSMA)
    "2017-avvn72-inzet": {"MINUSMA": 5, "UNMISS": 3, "UNDOF": 1, "UNTSO": 1, "MONUSCO": 1, "UNIFIL": 1,
                          "UNOCI": 1, "MINUSTAH": 1},
    # l. 333 ("het vertrek uit MINUSMA"); UNRWA (l. 285, 287) is an agency, not in NAMES
    "2018-avvn73-verslag-ministeriele-week": {"MINUSMA": 1},
    # only "de missie in Haïti" (l. 164), without a name
    "2019-veiligheidsraad-2018-terugblik": {},
    # l. 266, 268, 384 ("de VN-missie (UNSMIL)")
    "2020-avvn75-inzet": {"UNSMIL": 3},
    "2020-avvn75-schriftelijk-overleg": {},
}


@pytest.mark.parametrize("letter", sorted(EXPECTED))
def test_corpus(letter):
    counts: Counter[str] = Counter()
    for text in corpus()[letter]:
        for hit in missions.find(text, NAMES):
            assert hit.surface == text[hit.start:hit.end]
            counts[hit.key] += 1
    assert dict(counts) == EXPECTED[letter]


@pytest.mark.parametrize("text, has_hint", [
    ("zie HTTPS://minusma.org", True), ("zie WWW.Un", True), ("press@unifil", True), ("de VN.ORG", True),
    ("rijksoverheid.Nl/", True), ("x.Gov", True), ("x.eu)", True), ("x.İnt", True), ("w.w.w. en ww. en :/", False),
    ("de organisatie.organiseert", False), ("x.nlx en .euro", False), ("VN-missie: MINUSMA", False), ("", False),
])
def test_address_hint_is_found_wherever_an_address_can_be(text, has_hint):
    # the hint is written for speed; it must find what the plain form of it finds
    plain = re.compile(r"://|www\.|@|\.(?:org|int|com|net|nl|eu|gov)\b", re.IGNORECASE)
    assert bool(missions._ADDRESS_HINT.search(text)) is bool(plain.search(text)) is has_hint
