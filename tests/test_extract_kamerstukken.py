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
    ("36200-IXB-3", "https://zoek.officielebekendmakingen.nl/kst-36200-IXB-3"),
    ("ah-tk-20192020-1234", "https://zoek.officielebekendmakingen.nl/ah-tk-20192020-1234"),
    ("ah-ek-19951996-7", "https://zoek.officielebekendmakingen.nl/ah-ek-19951996-7"),
    # before officielebekendmakingen (1995): no address can be made from the reference
    ("ah-tk-19881989-560", ""),
    ("4900-V-3", ""),
])
def test_url(key, address):
    assert kamerstukken.url(key) == address


def test_url_of_a_paper_cited_before_1995():
    """A paper cited in a letter written before 1995 is itself older: it has no kst- address."""
    assert kamerstukken.url("22181-28", cited_in=1992) == ""
    assert kamerstukken.url("22181-28", cited_in=1995).endswith("/kst-22181-28")
    assert kamerstukken.url("ah-tk-20192020-1", cited_in=1990) == ""


@pytest.mark.parametrize("key,title", [
    ("26150-168", "Kamerstuk 26 150, nr. 168"),
    ("21501-02-2732", "Kamerstuk 21 501-02, nr. 2732"),
    ("22800-X-12", "Kamerstuk 22 800 X, nr. 12"),
    ("36200-IXB-3", "Kamerstuk 36 200 IXB, nr. 3"),
    ("34550-D", "Kamerstuk 34 550, D"),
    ("4900-V-3", "Kamerstuk 4900 V, nr. 3"),
    ("ah-tk-20192020-1234", "Aanhangsel Handelingen II 2019/20, nr. 1234"),
    ("ah-ek-20192020-12", "Aanhangsel Handelingen I 2019/20, nr. 12"),
    ("ah-tk-19992000-5", "Aanhangsel Handelingen II 1999/2000, nr. 5"),
])
def test_title(key, title):
    assert kamerstukken.title(key) == title


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
    # l. 2064-2065 (Aanhangsel Handelingen II 2019/20, nr. 3225, found since issue 17);
    # l. 2066, 2092; l. 2814-2815; l. 3050-3051; l. 3065; footnotes l. 3506 and 3685; l. 3690
    "2020-avvn75-schriftelijk-overleg": {
        "26150-169": 1, "33694-43": 1, "33694-45": 1, "33625-294": 1, "33783-35": 3, "33783-23": 3,
        "33783-44": 1, "30196-708": 1, "ah-tk-20192020-3225": 1, "23432-473": 2, "29521-403": 1, "26407-134": 1,
        "21501-20-1440": 1, "34775-44": 1, "35207-7": 1, "32735-312": 1,
    },
}


@pytest.mark.parametrize("letter", sorted(EXPECTED))
def test_corpus(letter):
    counts: Counter[str] = Counter()
    for text in corpus()[letter]:
        for hit in kamerstukken.find(text):
            assert hit.surface == text[hit.start:hit.end]
            assert hit.surface.startswith(("Kamerstuk", "kamerstuk", "Aanhangsel")) or hit.surface[0].isdigit()
            counts[hit.key] += 1
    assert dict(counts) == EXPECTED[letter]
