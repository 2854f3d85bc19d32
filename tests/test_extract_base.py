"""Candidates (extract/base.py): the same matches as the plain regex, found faster."""
import re

import pytest

from generator.extract.base import Candidates

NAMES = ["Mali", "MINUSMA", "Zuid-Sudan", "United Nations Interim Force", "Oman"]
TEXTS = [
    "Mali en MINUSMA; Malinese Mali_x xMali 3Mali Mali3 Mali-missie (Mali) Mali",
    "Romania en Oman, Omanee; united nations interim force en United Nations Interim  Force",
    "Zuid-Sudan, Sudan, Zuid-Sudanees; Mali.Mali/Mali MaliMali Mali",
    "geen van de namen hier",
    "",
]


def matcher():
    exact = [n for n in NAMES if " " not in n]
    folded = [n for n in NAMES if " " in n]
    union = "|".join(re.escape(n) for n in exact) + "|" + "|".join(
        r"(?i:" + r"\s+".join(map(re.escape, n.split())) + ")" for n in folded)
    pattern = re.compile(r"(?<!\w)(?:" + union + r")(?!\w)")
    return pattern, Candidates(pattern, exact=exact, folded=folded)


@pytest.mark.parametrize("text", TEXTS)
def test_same_matches_as_the_pattern(text):
    pattern, found = matcher()
    assert [m.span() for m in found.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    for pos in range(len(text) + 1):
        plain, fast = pattern.search(text, pos), found.search(text, pos)
        assert (plain and plain.span()) == (fast and fast.span()), pos


def test_starts_are_kept_per_text_not_mixed_up():
    pattern, found = matcher()
    assert found.search("xx Mali", 0).span() == (3, 7)
    assert found.search("Oman yy", 0).span() == (0, 4)       # another text: its own starts
    assert found.search("xx Mali", 4) is None


def test_starts_are_the_whole_first_words_of_names():
    _, found = matcher()
    text = "Mali Malinese xMali Mali_ (Mali) MINUSMA-missie UNITED nations Mali"
    assert found._starts(text) == [0, 27, 33, 48, 63]
    assert found._starts(text, 28) == [33, 48, 63]
