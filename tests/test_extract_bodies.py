"""Body extractor: fixture cases (tests/fixtures/extract/bodies.txt), the five letters and the OCR
pages of ../shared/corpus/sgd, with the real tables of content/knowledge/bodies.yml."""
from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from extract_cases import REPO, check, corpus, letter_paragraphs, parametrize_cases
from generator.extract import bodies
from generator.knowledge import body_names, body_shared_names, build_knowledge
from generator.read import read_knowledge


@cache
def tables():
    k = build_knowledge(read_knowledge(REPO / "content"))
    return bodies.matcher(body_names(k), body_shared_names(k))


@parametrize_cases("bodies.txt")
def test_case(case):
    hits = bodies.find(case.text, tables())
    assert all(h.kind == "body" and h.explicit for h in hits)
    check(case, hits)


def test_any_mapping():
    """Nothing is built in: an empty mapping finds nothing, a new name is found at once."""
    text = "de Raad en de Commissie"
    assert bodies.find(text, {}) == []
    assert [h.key for h in bodies.find(text, {"Commissie": "X"})] == ["X"]


def test_shared_names_need_their_mapping():
    """A shared name is only a body where the text says so; as a plain name it always is."""
    text = "de Algemene Vergadering van de NAVO"
    assert bodies.find(text, {}, {"Algemene Vergadering": "UNGA"}) == []
    assert [h.key for h in bodies.find(text, {"Algemene Vergadering": "UNGA"})] == ["UNGA"]


# Read from the letters: every hit was read in its sentence (grep for the names and acronyms;
# the lines are those of content/letters/*.txt). Not counted, on purpose: "AVVN4" (l. 369, a
# footnote mark glued to the acronym in the raw text), UNFCCC (a treaty), ICC (not a UN body),
# OIE (not a UN body), "VN-systeem"/"VN-organisaties" (no one body).
EXPECTED = {
    # AVVN passim and l. 3-4 (the title); VNVR/Veiligheidsraad; SGVN, Secretaris-Generaal (l. 35),
    # Secretariaat (l. 66), VN-secretariaat (l. 394); DPA (l. 97, 104, 405), DPKO (l. 98);
    # PBF (l. 104, 405, 428-429); OHCHR (l. 197-198, 499-500, and twice more); HLPF (l. 289);
    # OCHA (l. 272); UNDESA (l. 642); IOM (l. 643-652); UNHCR (l. 651); Wereldbank (2x)
    "2017-avvn72-inzet": {"DPO": 1, "DPPA": 4, "HLPF": 3, "HRC": 5, "IBRD": 2, "IOM": 5, "OCHA": 2,
                          "OHCHR": 6, "PBF": 6, "UNDESA": 2, "UNDP": 1, "UNGA": 23, "UNHCR": 2,
                          "UNSC": 11, "UNSG": 16},
    # WFP/FAO/IFAD side event; OCHA (l. 179, 583); IIIM (l. 211-216); OPCW (l. 215); CTBTO
    # (l. 395); UNRWA (l. 285-287); Veiligheidsraadresolutie, Veiligheidsraadbijeenkomst
    "2018-avvn73-verslag-ministeriele-week": {"CTBTO": 1, "FAO": 1, "HRC": 1, "IBRD": 2, "IFAD": 2,
                                              "IIIM": 5, "IMF": 1, "OCHA": 2, "OPCW": 2, "UNAIDS": 1,
                                              "UNDP": 2, "UNGA": 16, "UNHCR": 1, "UNICEF": 1,
                                              "UNRWA": 3, "UNSC": 21, "UNSG": 16, "WFP": 2},
    # Veiligheidsraad passim (l. 1 and on); OPCW (l. 57 "OPCW-hack", l. 110); UNHCR/UNDP
    "2019-veiligheidsraad-2018-terugblik": {"OPCW": 2, "UNDP": 1, "UNHCR": 1, "UNSC": 14, "UNSG": 1},
    # WHO and Wereldgezondheidsorganisatie; FAO (l. 123-124); IIMM (l. 263); UNOCT (l. 325, 327);
    # World Health Assembly; IMF and Wereldbank (CCRT, PRGT)
    "2020-avvn75-inzet": {"FAO": 2, "HLPF": 1, "HRC": 4, "IBRD": 2, "IIMM": 1, "IMF": 3, "OCHA": 1,
                          "UNGA": 21, "UNICEF": 1, "UNOCT": 3, "UNSC": 5, "UNSG": 12, "WHA": 1, "WHO": 8},
    # ECOSOC (l. 86); UNOCT (l. 192-194); DPPA (l. 460-461); ILC (l. 537-552); DESA (l. 629);
    # WTO (l. 665, 3521); WHA (l. 759-768, 3531); CSW (l. 2930-2943); IPCC (l. 3195)
    "2020-avvn75-schriftelijk-overleg": {"CSW": 6, "DPPA": 2, "ECOSOC": 1, "HRC": 36, "IBRD": 2,
                                         "IIIM": 1, "ILC": 9, "IPCC": 1, "OHCHR": 4, "UNDESA": 2,
                                         "UNDP": 4, "UNGA": 76, "UNHCR": 1, "UNOCT": 3, "UNRWA": 1,
                                         "UNSC": 31, "UNSG": 23, "WFP": 1, "WHA": 9, "WHO": 37, "WTO": 3},
}


@pytest.mark.parametrize("letter", sorted(EXPECTED))
def test_corpus(letter):
    counts: Counter[str] = Counter()
    for text in corpus()[letter]:
        for hit in bodies.find(text, tables()):
            assert hit.surface == text[hit.start:hit.end]
            counts[hit.key] += 1
    assert dict(sorted(counts.items())) == EXPECTED[letter]


SGD = REPO.parent / "shared" / "corpus" / "sgd"
# Read from the OCR pages (grep for the names, the acronyms with and without dots, "Vergadering",
# "Secretaris-Generaal", "Raad"). Pages without a body are left out. Not counted: "Assemblee van de
# WHO" counts as WHO only; the Kamer's own "Vergadering" headings; "Secretaris-Generaal van bet
# Ministerie" (1946); "VN-onder-Secretaris-Generaal" (1992, the Under-Secretary-General).
SGD_EXPECTED = {
    "1946_unesco-statuut-ek-nota": {"UNESCO": 10},
    "1948_buza-begroting-verslag-vn-delegatie": {"UNGA": 1},      # "de delegatie naar de algemene vergadering"
    "1950_ek-handelingen-vierde-algemene-vergadering": {"UNGA": 2, "UNSG": 1},
    "1950_ek-nieuw-guinea-uitvoerrecht-eindverslag": {"UNSG": 1},
    "1955_tk-handelingen-gelijke-beloning": {"CSW": 1, "ECOSOC": 1, "ILO": 2},   # "Committee on the Status of Women"
    "1956_brief-protestnota-indonesie-vn": {"UNSG": 1},            # "Secretaris-Generaal dezer organisatie"
    "1957_tk-handelingen-opening-zitting-1957": {"UNGA": 1},
    "1958_brief-twaalfde-algemene-vergadering": {"UNGA": 1},
    "1961_tk-handelingen-hammarskjold": {"UNSG": 1},
    "1969_brief-persberichten-vn-west-irian": {"UNSG": 1},
    "1970_kamervragen-cesi-vn": {"FAO": 1, "ILO": 1, "UNESCO": 1, "UNGA": 1, "UNRISD": 1, "UNSG": 3},
    "1970_mva-kaping-luchtvaartuigen": {"ICAO": 4, "UNGA": 2},     # not the ICAO's own Algemene Vergadering
    "1971_tk-handelingen-delegatie-algemene-vergadering": {"UNGA": 2},
    "1974_brief-humanitaire-hulp-vn-organisaties": {"OCHA": 3, "UNHCR": 2, "UNICEF": 1, "WFP": 1},  # UNDRO
    "1974_kamervragen-koerden-vn-instanties": {"UNHCR": 1},
    "1976_nota-ontwikkelingssamenwerking-undp-unep": {"ECOSOC": 1, "UNDP": 2, "UNEP": 2},
    "1978_ek-handelingen-algemene-vergadering-33": {"UNGA": 1},    # "Algemene Verga-dering"
    "1980_kamervragen-unicef-cambodja-voedselhulp": {"FAO": 1, "UNICEF": 4, "WFP": 2},
    "1980_kamervragen-vn-mensenrechten-saoedi-arabie": {"CHR": 1},  # "VN-Com-missie voor de Rechten van de Mens"
    "1981_motie-unctad": {"UNCTAD": 1},
    "1983_motie-unctad-vi-grondstoffen": {"IMF": 1, "UNCTAD": 1},
    "1984_oorspronkelijke-tekst-vrouwenverdrag": {"CSW": 3},       # three Dutch names of the Commission
    "1986_ek-handelingen-algemene-vergadering": {"UNGA": 1},
    "1987_kamervragen-aids-who": {"WHO": 4},
    "1988_verslag-mo-ontwapeningszitting-vn": {"UNGA": 1},
    "1990_ek-kamervragen-unesco-boekarest": {"UNESCO": 2},
    "1990_kamervragen-who-aids-conferentie-visum": {"WHO": 7},
    "1990_motie-sipkes-navo-veiligheidsraad": {"UNSC": 1},
    "1992_kamervragen-juba-soedan-vn": {"UNSG": 1},
    "1992_verslag-mo-joegoslavie-unprofor": {"UNSG": 1},
    "1994_kamervragen-roma-tsjechie": {"CHR": 1},
}


@pytest.mark.skipif(not SGD.is_dir(), reason="the shared OCR corpus is not here")
def test_sgd_corpus():
    found = {}
    for path in sorted(SGD.glob("*.txt")):
        counts = Counter(h.key for text in letter_paragraphs(path) for h in bodies.find(text, tables()))
        if counts:
            found[path.stem] = dict(sorted(counts.items()))
    assert found == SGD_EXPECTED
