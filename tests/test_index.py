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


def test_unknown_resolution_is_a_warning_naming_file_and_line():
    index = build_index([letter("oud", 2017, [("resolution", "2286", 9)])], knowledge_2417())
    assert index.warnings == ["oud.txt:9: resolutie 2286 is not in the knowledge base; "
                              "add it to content/knowledge/resolutions.yml"]
    assert index.entities[("resolution", "2286")].title == "Resolutie 2286"


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
