"""Kamerstuk extractor: fixture cases (tests/fixtures/extract/kamerstukken.txt), URLs, the five letters."""
from __future__ import annotations

from collections import Counter

import pytest

from extract_cases import check, corpus, parametrize_cases
from generator.extract import kamerstukken


@parametrize_cases("kamerstukken.txt")
def test_case(case):
    hits = kamerstukken.find(case.text)
    assert all(h.kind == "kamerstuk" and h.explicit for h in hits)
    check(case, hits)


@pytest.mark.parametrize("key,address", [
    ("26150-168", "https://zoek.officielebekendmakingen.nl/kst-26150-168"),
    ("21501-20-1440", "https://zoek.officielebekendmakingen.nl/kst-21501-20-1440"),
    ("34775-V-20", "https://zoek.officielebekendmakingen.nl/kst-34775-V-20"),
    ("34550-D", "https://zoek.officielebekendmakingen.nl/kst-34550-D"),
    ("35000-XVII", "https://zoek.officielebekendmakingen.nl/kst-35000-XVII"),
])
def test_url(key, address):
    assert kamerstukken.url(key) == address


# Read from the letters: every "Kamerstuk" and the line after it (grep -n -A1 Kamerstuk).
EXPECTED = {
    # l. 179 and 468 (32 735, nr. 78), l. 367 (nr. 158), l. 421 (nr. 154)
    "2017-avvn72-inzet": {"32735-78": 2, "26150-158": 1, "26150-154": 1},
    # l. 18-21 (GBVS, Defensienota, «Investeren in Perspectief»), l. 97, l. 497-498 (two motions),
    # l. 604-605 ("ref Kamerstuk 26 150, nr. 176 n.a.v.")
    "2018-avvn73-verslag-ministeriele-week": {
        "33694-12": 1, "34919-1": 1, "34952-1": 1, "26150-171": 1, "34775-V-20": 1, "32623-193": 1,
        "26150-176": 1,
    },
    # l. 47 ("26 150; nr. 168"), l. 74 ("35 000; nr. XVII"), l. 79, l. 215 ("34 550, D")
    "2019-veiligheidsraad-2018-terugblik": {"26150-168": 1, "35000-XVII": 1, "22045-290": 1, "34550-D": 1},
    # l. 505, 577, 617
    "2020-avvn75-inzet": {"32735-287": 1, "31793-194": 1, "26407-134": 1},
    # l. 60, 260, 264, 607; 33 783 nr. 35 at l. 1106, 1171-1172, 2664; nr. 23 at l. 1222-1223,
    # 2224-2225, 2714; nr. 44 at l. 1244-1245; l. 1569-1570 (30 196 en 31 793, nr. 708);
    # l. 2066, 2092; l. 2814-2815; l. 3050-3051; l. 3065; footnotes l. 3506 and 3685; l. 3690
    "2020-avvn75-schriftelijk-overleg": {
        "26150-169": 1, "33694-43": 1, "33694-45": 1, "33625-294": 1, "33783-35": 3, "33783-23": 3,
        "33783-44": 1, "30196-708": 1, "23432-473": 2, "29521-403": 1, "26407-134": 1,
        "21501-20-1440": 1, "34775-44": 1, "35207-7": 1, "32735-312": 1,
    },
}


@pytest.mark.parametrize("letter", sorted(EXPECTED))
def test_corpus(letter):
    counts: Counter[str] = Counter()
    for text in corpus()[letter]:
        for hit in kamerstukken.find(text):
            assert hit.surface == text[hit.start:hit.end]
            assert hit.surface.startswith(("Kamerstuk", "kamerstuk")) or hit.surface[0].isdigit()
            counts[hit.key] += 1
    assert dict(counts) == EXPECTED[letter]
