"""Resolution extractor: fixture cases (tests/fixtures/extract/resolutions.txt) and the five letters."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from collections import Counter

import pytest

from extract_cases import check, corpus, parametrize_cases
from generator.extract import resolutions
from generator.knowledge.yamlfile import parse_knowledge_yaml
from generator.knowledge.years import build_years

YEARS_PATH = "content/knowledge/resolution-years.yml"


YEARS = None


def years():
    global YEARS
    if YEARS is None:
        from extract_cases import REPO
        path = REPO / YEARS_PATH
        data, lines = parse_knowledge_yaml(path, path.read_text(encoding="utf-8"))
        YEARS = build_years(data, path, lines)
    return YEARS


@parametrize_cases("resolutions.txt")
def test_case(case):
    """Each case with the project's years table; "@1960 " before the text gives the letter's year."""
    year = None
    if m := re.match(r"@(\d{4}) ", case.text):
        year, case = int(m.group(1)), dataclasses.replace(case, text=case.text[m.end():])
    check(case, resolutions.find(case.text, year=year, years=years()))


def test_without_a_table_a_bare_assembly_number_is_no_hit():
    """Without resolution-years.yml the session of "resolutie 1514 van de AV" is unknown: no
    hit (the key needs the session); forms with their session still are found."""
    assert resolutions.find("resolutie 1514 van de Algemene Vergadering") == []
    assert [h.key for h in resolutions.find("resolutie 1514 (XV) en A/RES/75/1")] == ["A/RES/1514(XV)", "A/RES/75/1"]


def test_ga_key():
    assert resolutions.ga_key("1514", "XV") == "A/RES/1514(XV)"
    assert resolutions.ga_key("1", "75") == "A/RES/75/1"
    assert resolutions.ga_key("1", "ES-11") == "A/RES/ES-11/1"


def test_hit_is_the_number_only():
    text = "de resoluties 2417 (2018) en 2286 (2016)"
    hits = resolutions.find(text)
    assert [(h.start, h.end) for h in hits] == [(text.index("2417"), text.index("2417") + 4),
                                               (text.index("2286"), text.index("2286") + 4)]
    assert all(h.kind == "resolution" for h in hits)


def test_empty_text():
    assert resolutions.find("") == []


# Read from the letters (grep "resoluti", "1325", "2231", "NAP" and the lines around them):
# (explicit hits, indirect hits) per letter and resolution number.
EXPECTED = {
    # Only unnumbered resolutions ("Sustaining Peace-resoluties", "de resolutie over Jemen").
    "2017-avvn72-inzet": {},
    # resolutie 2417 (l. 29), Veiligheidsraadresolutie 2417 (l. 169), resolutie 2417 (l. 186),
    # resolutie 2166 (l. 235), Resolutie 2231, waarmee (l. 379), VNVR-resolutie 2396 (l. 472).
    "2018-avvn73-verslag-ministeriele-week": {"2417": (3, 0), "2166": (1, 0), "2231": (1, 0), "2396": (1, 0)},
    # 2231/Iran-format and resolutie 2231 (l. 103-104), resolutie 2396 (2017) (l. 186).
    "2019-veiligheidsraad-2018-terugblik": {"2231": (1, 1), "2396": (1, 0)},
    # VNVR-resolutie 2462 (2019) (l. 332); heading "Vrouwen, Vrede en Veiligheid (1325)" (l. 350),
    # VN-resolutie 1325 (l. 351), resolutie 1325 (l. 358), NAP 1325 (l. 365), 1325-agenda (l. 366);
    # VN-resolutie 2254 (l. 399); VNVR-resolutie 2417 (l. 529-530, l. 551).
    "2020-avvn75-inzet": {"2462": (1, 0), "1325": (2, 3), "2254": (1, 0), "2417": (2, 0)},
    # VN-resolutie 1325 (l. 467, 481, 484, 489), VR-Resolutie 1325 (l. 2003), resolutie 1325
    # (l. 2737); 1325-agenda (l. 2746, 2753), (NAP) 1325 (l. 2752), NAP 1325 (l. 2757);
    # resolutie 2417 (l. 789-790, 801-802, 2302, 2311, 2319), Veiligheidsraadresolutie 2417 (l. 2296).
    "2020-avvn75-schriftelijk-overleg": {"1325": (6, 4), "2417": (6, 0)},
}


@pytest.mark.parametrize("letter", sorted(EXPECTED))
def test_corpus(letter):
    paragraphs = corpus()[letter]
    counts: Counter[tuple[str, bool]] = Counter()
    for text in paragraphs:
        for hit in resolutions.find(text, year=int(letter[:4]), years=years()):
            assert hit.surface == text[hit.start:hit.end]
            counts[hit.key, hit.explicit] += 1
    got = {key: (counts[key, True], counts[key, False]) for key, _ in counts}
    assert got == EXPECTED[letter]


def test_corpus_has_all_letters():
    assert set(corpus()) == set(EXPECTED)


# The 42 OCR pages of Staten-Generaal Digitaal (1946-1994, ../shared/corpus/sgd/) name resolutions
# only without a number: "de resoluties, welke in deze zitting zijn aangenomen" (1948), "Point VI
# of that resolution" (1950, the UNCI resolution), "De door de 24ste Algemene Vergadering ...
# aanvaarde resolutie" (1970), "de WHO-resolutie over Aids" (1990), "de resolutie van het Comité
# van Ministers van de Raad van Europa (nr. 68-30)" (1969, not a UN resolution). A careful reader
# finds no numbered UN resolution there, so neither may the extractor (years such as "1946",
# article and page numbers, amounts).
SGD = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "sgd"


def test_the_sgd_pages_name_no_numbered_resolution():
    if not SGD.is_dir():
        pytest.skip(f"{SGD} not found (CI puts shared/ beside the repository)")
    pages = sorted(SGD.glob("*.txt"))
    assert len(pages) == 42
    for page in pages:
        text = re.sub(r"-\n", "", page.read_text(encoding="utf-8")).replace("\n", " ")
        hits = resolutions.find(text, year=int(page.name[:4]), years=years())
        assert hits == [], (page.name, [(h.key, h.surface) for h in hits])
