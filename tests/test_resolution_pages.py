"""The Resoluties overview and pages: both families, Security Council and General Assembly."""
from __future__ import annotations

from pathlib import Path

from generator.index import build_index
from generator.knowledge import build_knowledge
from generator.pages.data import entity_record
from generator.pages.entities import render_entities
from generator.read import read_knowledge

from test_pagination import letter

REPO = Path(__file__).resolve().parents[1]


def pages_for(keys):
    k = build_knowledge(read_knowledge(REPO / "content"))
    letters = [letter(f"2020-{i}", 2020, 1, "resolution", key) for i, key in enumerate(keys)]
    index = build_index(letters, k)
    return index, {p.path: p.text for p in render_entities(index, 10)}


def test_overview_has_a_section_per_family_with_their_resolutions():
    index, pages = pages_for(["2417", "A/RES/1514(XV)", "A/RES/75/1", "242"])
    overview = pages["resoluties/index.md"]
    sc, ga = overview.index("## Veiligheidsraad"), overview.index("## Algemene Vergadering")
    assert sc < ga
    assert overview.index("[Resolutie 2417 (2018)](2417.md)") < ga
    assert overview.index("[Resolutie 242 (1967)](242.md)") < ga
    assert overview.index("[AVVN-resolutie 1514 (XV) (1960)](avvn-1514-xv.md)") > ga
    assert overview.index("[AVVN-resolutie 75/1 (2020)](avvn-75-1.md)") > ga
    assert {"resoluties/2417.md", "resoluties/avvn-1514-xv.md", "resoluties/avvn-75-1.md"} <= set(pages)


def test_a_family_without_resolutions_says_so():
    _, pages = pages_for(["2417"])
    assert "Er zijn geen resoluties van de Algemene Vergadering gevonden." in pages["resoluties/index.md"]


def test_pages_link_the_official_text():
    """undocs.org addresses, brackets percent-encoded in the link (the safe_url filter)."""
    index, pages = pages_for(["2286", "A/RES/1514(XV)"])
    assert '<a href="https://undocs.org/S/RES/2286%282016%29">S/RES/2286 (2016)</a>' in pages["resoluties/2286.md"]
    page = pages["resoluties/avvn-1514-xv.md"]
    assert "Algemene Vergadering van de VN, resolutie 1514(XV)" in page
    assert 'href="https://undocs.org/A/RES/1514%28XV%29"' in page and "begonnen in 1960" in page


def test_open_data_records_carry_family_and_session():
    index, _ = pages_for(["2417", "A/RES/75/1"])
    sc = entity_record(index.entities[("resolution", "2417")])
    ga = entity_record(index.entities[("resolution", "A/RES/75/1")])
    assert (sc["family"], sc["session"], sc["year"]) == ("sc", None, 2018)
    assert (ga["family"], ga["session"], ga["year"], ga["url"]) == ("ga", "75", 2020, "https://undocs.org/A/RES/75/1")
