"""Mission extractor: fixture cases (tests/fixtures/extract/missions.txt) and the five letters.

The mapping is the tests' own; the real one comes from the knowledge base.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from extract_cases import check, corpus, load_cases, parametrize_cases
from generator.extract import Tables, find_all, letter_when, missions, unknown_missions
from generator.model import Source
from generator.pipeline import make_letter

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
    "UNAMA": "UNAMA",
    "UNTAC": "UNTAC",
    "UNPROFOR": "UNPROFOR",
    "United Nations Protection Force": "UNPROFOR",
    "VN-missie in Mali": "MINUSMA",
    # phases as the knowledge base gives them (knowledge.base.mission_forms, tables.mission_names)
    "UNAVEM": "UNAVEM-I", "UNAVEM-I": "UNAVEM-I", "UNAVEM-II": "UNAVEM-II", "UNAVEM II": "UNAVEM-II",
    "UNAVEM 2": "UNAVEM-II", "UNAVEM-2": "UNAVEM-II", "UNAVEM-III": "UNAVEM-III",
    "United Nations Angola Verification Mission II": "UNAVEM-II",
    "United Nations Angola Verification Mission III": "UNAVEM-III",
    "UNEF": "UNEF-I", "UNEF I": "UNEF-I", "UNEF II": "UNEF-II",
    "UNOSOM I": "UNOSOM-I", "UNOSOM II": "UNOSOM-II",
}
# Other known names (in the build: the glossary's abbreviations and the UN bodies).
KNOWN = frozenset({"UNICEF", "UNDP", "UNHCR", "AVVN", "NAVO", "OVSE"})
PHASES = {"UNAVEM": (("UNAVEM-I", dt.date(1988, 12, 20)), ("UNAVEM-II", dt.date(1991, 5, 30)),
                     ("UNAVEM-III", dt.date(1995, 2, 8))),
          "UNEF": (("UNEF-I", dt.date(1956, 11, 5)), ("UNEF-II", dt.date(1973, 10, 25)))}
TABLES = Tables(NAMES, {"Angola": "AO"}, mission_phases=PHASES, known_names=KNOWN)


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


# --- phases by date ----------------------------------------------------------------------------

@pytest.mark.parametrize("when, unavem, unef", [
    (None, "UNAVEM-I", "UNEF-I"),                            # no date: the first phase
    (dt.date(1950, 1, 1), "UNAVEM-I", "UNEF-I"),             # before any phase: the first
    (dt.date(1990, 6, 1), "UNAVEM-I", "UNEF-II"),            # UNEF-II ran from 1973 (ended 1979)
    (dt.date(1991, 5, 29), "UNAVEM-I", "UNEF-II"),
    (dt.date(1991, 5, 30), "UNAVEM-II", "UNEF-II"),          # the day resolution 696 was adopted
    (dt.date(1993, 1, 1), "UNAVEM-II", "UNEF-II"),
    (dt.date(2001, 1, 1), "UNAVEM-III", "UNEF-II"),          # after the last: the last
    (dt.date(1960, 1, 1), "UNAVEM-I", "UNEF-I"),
])
def test_bare_acronym_is_the_phase_of_the_date(when, unavem, unef):
    text = "UNAVEM, Unavem en UNEF; UNAVEM II blijft UNAVEM II"
    hits = find_all(text, TABLES, when)
    assert [h.key for h in hits] == [unavem, unavem, unef, "UNAVEM-II", "UNAVEM-II"]
    assert [h.surface for h in hits] == ["UNAVEM", "Unavem", "UNEF", "UNAVEM II", "UNAVEM II"]


def test_phase_at_skips_a_phase_without_start():
    phases = (("X-I", dt.date(2000, 1, 1)), ("X-II", None), ("X-III", dt.date(2010, 1, 1)))
    assert [missions.phase_at(phases, dt.date(y, 6, 1)) for y in (1999, 2005, 2011)] == ["X-I", "X-I", "X-III"]


def _letter(name: str, text: str):
    return make_letter(Source(Path(f"/x/{name}.txt"), text), tables=TABLES)


def test_letter_date_decides_the_phase():
    text = "Aan de Voorzitter van de Tweede Kamer\n\nDen Haag, 12 juni 1992\n\nDe bijdrage aan UNAVEM wordt verlengd.\n"
    letter = _letter("brief", text)
    assert letter_when(letter) == dt.date(1992, 6, 12)
    assert [(m.key, m.surface) for m in letter.mentions if m.kind == "mission"] == [("UNAVEM-II", "UNAVEM")]


# --- the unknown-mission warning ---------------------------------------------------------------

UNKNOWN_CASES = load_cases("unknown_missions.txt")


@pytest.mark.parametrize("case", UNKNOWN_CASES, ids=[f"unknown_missions.txt:{c.line}" for c in UNKNOWN_CASES])
def test_unknown(case):
    hits = find_all(case.text, TABLES)
    found = missions.unknown(case.text, TABLES.is_known, hits)
    assert [name for _, name in found] == [e.surface or e.key for e in case.expected], case.text
    assert missions.suspect(case.text, TABLES.is_known) or not found
    for start, name in found:
        assert " ".join(case.text[start:].split()).startswith(name)


def test_unknown_missions_warns_per_name_with_file_and_line():
    text = ("Aan de Voorzitter van de Tweede Kamer\n\n"
            "De bijdrage aan UNOMAT en aan MINUSMA.\n\n"
            "Over UNOMAT later meer, en over de VN-missie in Atlantis.\n")
    letter = _letter("brief", text)
    warnings = [w for w in letter.warnings if "unknown UN mission" in w]
    assert warnings == [
        "/x/brief.txt:3: unknown UN mission 'UNOMAT' (2 times, first here); add it to "
        "content/knowledge/missions.yml (a name or an alias), or to bodies.yml or glossary.yml if it is no mission",
        "/x/brief.txt:5: unknown UN mission 'VN-missie in Atlantis'; add it to "
        "content/knowledge/missions.yml (a name or an alias), or to bodies.yml or glossary.yml if it is no mission"]
    assert unknown_missions(letter, TABLES) == warnings
    assert unknown_missions(letter, Tables(NAMES, {}, known_names=KNOWN | {"UNOMAT"})) == warnings[1:]


def test_warnings_on_the_bundled_letters_name_no_known_mission():
    """The bundled letters, with the real knowledge base: what is warned is no mission the
    knowledge base has, and no name of the letters' missions."""
    from generator import pipeline
    from generator.config import Settings
    from extract_cases import REPO
    settings = Settings(content_dir=REPO / "content", cache=False)
    tables = pipeline.make_tables(pipeline.load_knowledge(settings), pipeline.load_glossary(settings))
    for letter in pipeline.load_letters(settings):
        for warning in unknown_missions(letter, tables):
            name = warning.split("'")[1]
            assert name not in tables.mission_names and name.isupper(), warning


def test_titlecase_forms_are_no_ordinary_words_in_the_letters():
    """The Titlecase rule ("Unprofor") on the real knowledge base: in the bundled letters and the
    SGD pages, the only Titlecase forms of mission acronyms are real mentions (the 1979 Unifil
    questions); none is an ordinary Dutch word that would be linked wrongly."""
    from extract_cases import REPO
    from generator.knowledge import build_knowledge, mission_names
    from generator.read import read_knowledge
    names = mission_names(build_knowledge(read_knowledge(REPO / "content")))
    titles = {f.capitalize() for f in names if re.fullmatch(r"[A-Z]{5,}", f)}
    assert {"Unprofor", "Untac", "Unavem", "Unifil", "Minusma"} <= titles
    files = list((REPO / "content" / "letters").glob("*.txt")) + list((REPO.parent / "shared" / "corpus" / "sgd").glob("*.txt"))
    words = {w for p in files for w in re.findall(r"\w+", p.read_text(encoding="utf-8"))}
    expected = {"Unifil"} if (REPO.parent / "shared" / "corpus" / "sgd").is_dir() else set()
    assert titles & words == expected
