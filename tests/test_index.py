"""Cross-reference index: grouping, order, titles, excerpts."""
from pathlib import Path

import pytest

from generator.index import build_index, kamerstuk_title
from generator.pages.addresses import entity_path
from generator.pages.labels import excerpt
from generator.model import Analysis, Block, Letter, Mention, Meta, Source, Span

from conftest import knowledge_2417


def letter(letter_id: str, year: int, mentions: list[tuple[str, str, int]]) -> Letter:
    text = "Het Koninkrijk steunt resolutie 2417 over conflict en honger."
    blocks = [Block("paragraph", text, Span(1, 1), anchor="p-1", line_starts=[(0, 1)])]
    found = [Mention(letter_id, f"{letter_id}.txt", kind, key, True, line, "p-1", key, 32, 36, 0)
             for kind, key, line in mentions]
    return Letter(letter_id, Source(Path(f"{letter_id}.txt"), text), Meta(title=letter_id, year=year),
                  blocks, [], [], analysis=Analysis(mentions=found))


def test_mentions_grouped_by_letter_in_date_order():
    new = letter("nieuw", 2020, [("resolution", "2417", 5), ("resolution", "2417", 2)])
    old = letter("oud", 2017, [("resolution", "2417", 9), ("country", "SY", 3)])
    index = build_index([new, old], knowledge_2417())
    entity = index.entities[("resolution", "2417")]
    groups = index.by_letter(entity)
    assert [l.id for l, _ in groups] == ["oud", "nieuw"]
    assert [m.line for m in groups[1][1]] == [2, 5]
    assert entity.title == "Resolutie 2417 (2018)" and entity.url == "https://undocs.org/S/RES/2417(2018)"
    assert entity.letters == 2 and len(entity.mentions) == 3
    assert index.entities[("country", "SY")].title == "Syrië"
    assert entity_path(index.entities[("country", "SY")]) == "landen/syrie.md"
    assert index.warnings == []


def test_unknown_resolution_without_a_years_table_has_no_year_and_no_warning():
    """resolutions.yml is optional per number: a number it does not list is no warning."""
    index = build_index([letter("oud", 2017, [("resolution", "2286", 9)])], knowledge_2417())
    assert index.warnings == []
    entity = index.entities[("resolution", "2286")]
    assert (entity.title, entity.url, entity.family) == ("Resolutie 2286", "", "sc")


def project_knowledge():
    from generator.knowledge import build_knowledge
    from generator.read import read_knowledge
    return build_knowledge(read_knowledge(Path(__file__).resolve().parents[1] / "content"))


def test_any_security_council_number_gets_its_year_and_address_from_the_table():
    k = project_knowledge()
    index = build_index([letter("oud", 2017, [("resolution", "2286", 9), ("resolution", "16", 3)])], k)
    assert index.warnings == []
    e = index.entities[("resolution", "2286")]
    assert (e.title, e.url, e.year, e.family, e.slug) == (
        "Resolutie 2286 (2016)", "https://undocs.org/S/RES/2286(2016)", 2016, "sc", "2286")
    assert index.entities[("resolution", "16")].url == "https://undocs.org/S/RES/16(1947)"


def test_a_number_beyond_the_table_is_a_warning_naming_file_and_line():
    k = project_knowledge()
    index = build_index([letter("nieuw", 2026, [("resolution", "2999", 9)])], k)
    assert len(index.warnings) == 1
    warning = index.warnings[0]
    assert warning.startswith("nieuw.txt:9: resolutie 2999 is beyond resolution-years.yml")
    assert "resolution-years.yml:" in warning.split("(")[-1]      # the line of `last`
    assert index.entities[("resolution", "2999")].url == ""


@pytest.mark.parametrize("key,title,url,slug,year,session", [
    ("A/RES/1514(XV)", "AVVN-resolutie 1514 (XV) (1960)", "https://undocs.org/A/RES/1514(XV)", "avvn-1514-xv", 1960, "XV"),
    ("A/RES/75/1", "AVVN-resolutie 75/1 (2020)", "https://undocs.org/A/RES/75/1", "avvn-75-1", 2020, "75"),
    ("A/RES/31/1", "AVVN-resolutie 31/1 (1976)", "https://undocs.org/A/RES/31/1", "avvn-31-1", 1976, "31"),
    ("A/RES/ES-11/1", "AVVN-resolutie ES-11/1", "https://undocs.org/A/RES/ES-11/1", "avvn-es-11-1", None, "ES-11"),
    ("A/RES/2758(XXVI)", "AVVN-resolutie 2758 (XXVI) (1971)", "https://undocs.org/A/RES/2758(XXVI)",
     "avvn-2758-xxvi", 1971, "XXVI"),
])
def test_general_assembly_resolution_entities(key, title, url, slug, year, session):
    index = build_index([letter("oud", 2020, [("resolution", key, 4)])], project_knowledge())
    e = index.entities[("resolution", key)]
    assert (e.title, e.url, e.slug, e.year, e.family, e.session) == (title, url, slug, year, "ga", session)
    assert entity_path(e) == f"resoluties/{slug}.md"
    assert index.warnings == []


def test_resolutions_sort_council_first_then_assembly_by_number_and_session():
    keys = ["A/RES/75/1", "2417", "A/RES/1514(XV)", "242", "A/RES/74/10", "A/RES/75/2", "A/RES/2758(XXVI)"]
    index = build_index([letter("oud", 2020, [("resolution", k, 1) for k in keys])], project_knowledge())
    from generator.index import sort_key
    ordered = sorted(index.of_kind("resolution"), key=sort_key)
    assert [e.key for e in ordered] == ["242", "2417", "A/RES/1514(XV)", "A/RES/2758(XXVI)", "A/RES/74/10",
                                        "A/RES/75/1", "A/RES/75/2"]
    assert len({e.slug for e in ordered}) == len(keys)


@pytest.mark.parametrize("key,title", [
    ("26150-168", "Kamerstuk 26 150, nr. 168"),
    ("21501-20-1440", "Kamerstuk 21 501-20, nr. 1440"),
    ("34775-V-20", "Kamerstuk 34 775 V, nr. 20"),
    ("34550-D", "Kamerstuk 34 550, D"),
    ("35000-XVII", "Kamerstuk 35 000 XVII"),
])
def test_kamerstuk_titles(key, title):
    assert kamerstuk_title(key) == title


def test_excerpt_is_the_sentence_around_the_mention():
    text = ("Het Koninkrijk is lid. Het wil bij de aanstaande AVVN een vervolg geven aan VNVR-resolutie "
            "2417 over conflict en honger. Deze resolutie veroordeelt uithongering.")
    start = text.index("2417")
    before, surface, after = excerpt(text, start, start + 4)
    assert before == "Het wil bij de aanstaande AVVN een vervolg geven aan VNVR-resolutie "
    assert surface == "2417" and after == " over conflict en honger."


def test_excerpt_of_a_long_sentence_is_shortened_at_word_boundaries():
    text = "woord " * 200 + "MINUSMA " + "ander " * 200
    start = text.index("MINUSMA")
    before, surface, after = excerpt(text, start, start + 7)
    assert before.startswith("…") and after.endswith("…")
    assert len(before) + len(after) < 340 and surface == "MINUSMA"
    assert before[1:].startswith("woord")
