"""Related letters: the letters sharing the most entities and themes, at the bottom of each letter."""
from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import pytest

from generator import pipeline
from generator.pages.letter import related_note
from generator.config import Settings
from generator.index import build_index, most_shared
from generator.knowledge import Knowledge
from generator.model import Analysis, Block, Letter, Mention, Meta, Passage, Source, Span
from generator.taxonomy import Taxonomy, Theme

REPO = Path(__file__).resolve().parents[1]
TAXONOMY = Taxonomy(tuple(Theme(s, s.capitalize(), "", (), (s,)) for s in ("klimaat", "vrede", "migratie")))


def letter(letter_id: str, date: dt.date, keys: list[tuple[str, str]], themes: tuple[str, ...] = ()) -> Letter:
    blocks = [Block("paragraph", "Tekst.", Span(1, 1), anchor="p-1")]
    mentions = [Mention(letter_id, f"{letter_id}.txt", kind, key, True, 1, "p-1", key, 0, 1, 0) for kind, key in keys]
    result = Letter(letter_id, Source(Path(f"{letter_id}.txt"), "Tekst.\n"),
                    Meta(title=letter_id, date=date, year=date.year), blocks, [], [], analysis=Analysis(mentions=mentions))
    if themes:
        result.analysis.passages = [Passage(letter_id, "section", "p-1", "x", [0], Span(1, 1), 1, themes=list(themes))]
    return result


def index_of(*letters: Letter):
    return build_index(list(letters), Knowledge(), TAXONOMY)


@pytest.mark.parametrize("seed", range(20))
def test_most_shared_is_the_same_as_counting_every_pair(seed):
    rng = random.Random(seed)
    items = [{rng.randrange(12) for _ in range(rng.randrange(9))} for _ in range(rng.randrange(1, 90))]
    limit = rng.randrange(1, 7)
    expected = []
    for i, mine in enumerate(items):
        shared = [(len(mine & other), j) for j, other in enumerate(items) if j != i and mine & other]
        expected.append([j for _, j in sorted(shared, key=lambda sj: (-sj[0], sj[1]))[:limit]])
    assert most_shared(items, limit) == expected


def test_most_shared_with_counts_of_several_bits():
    items = [set(range(40)), set(range(37)), set(range(37)), set(range(1)), set(range(38)), set(), {99}]
    assert most_shared(items, 3) == [[4, 1, 2], [0, 2, 4], [0, 1, 4], [0, 1, 2], [0, 1, 2], [], []]


def test_score_is_shared_entities_plus_shared_themes_ties_newest_first():
    a = letter("a", dt.date(2020, 9, 1), [("country", "ML"), ("resolution", "2417"), ("mission", "MINUSMA")],
               ("klimaat",))
    b = letter("b", dt.date(2017, 9, 1), [("country", "ML"), ("resolution", "2417")], ("klimaat",))      # 2 + 1
    c = letter("c", dt.date(2018, 9, 1), [("country", "ML"), ("mission", "MINUSMA")], ("vrede",))        # 2 + 0
    d = letter("d", dt.date(2019, 9, 1), [("country", "ML")], ("klimaat",))                            # 1 + 1
    e = letter("e", dt.date(2019, 1, 1), [("country", "SY")], ("migratie",))                          # nothing
    related = index_of(a, b, c, d, e).related
    assert [(r.letter.id, r.score) for r in related["a"]] == [("b", 3), ("d", 2), ("c", 2)]
    first = related["a"][0]
    assert first.entities == (("resolution", "2417"), ("country", "ML")) and first.themes == ("klimaat",)
    assert related["e"] == []


def test_at_most_five_and_never_the_letter_itself():
    letters = [letter(f"l{i}", dt.date(2010 + i, 1, 1), [("country", "ML")]) for i in range(8)]
    related = index_of(*letters).related
    assert all(len(r) == 5 for r in related.values())
    assert [r.letter.id for r in related["l0"]] == ["l7", "l6", "l5", "l4", "l3"]
    assert all(lid not in [r.letter.id for r in rs] for lid, rs in related.items())


def test_note_says_what_is_shared_escaped():
    a = letter("a", dt.date(2020, 1, 1), [("country", c) for c in ("ML", "SY", "NL", "FR", "DE", "BE")], ("klimaat",))
    b = letter("b", dt.date(2019, 1, 1), [("country", c) for c in ("ML", "SY", "NL", "FR", "DE", "BE")], ("klimaat",))
    index = index_of(a, b)
    note = related_note(index.related["a"][0], index)
    assert note == ("thema Klimaat; 6 resoluties, missies, VN-organen, landen of Kamerstukken: "
                    "België, Duitsland, Frankrijk, Mali en 2 meer")


@pytest.fixture(scope="module")
def real_index():
    settings = Settings(content_dir=REPO / "content")
    knowledge, taxonomy = pipeline.load_knowledge(settings), pipeline.load_taxonomy(settings)
    return build_index(pipeline.load_letters(settings, None, knowledge, taxonomy), knowledge, taxonomy)


def test_real_corpus_the_written_consultation_is_closest_to_its_own_inzetbrief(real_index):
    related = real_index.related
    assert set(related) == {l.id for l in real_index.letters}
    assert related["2020-avvn75-inzet"][0].letter.id == "2020-avvn75-schriftelijk-overleg"
    first = related["2020-avvn75-inzet"][0]
    assert ("resolution", "2417") in first.entities and "vredesmissies" in first.themes
    for lid, rs in related.items():
        scores = [r.score for r in rs]
        assert scores == sorted(scores, reverse=True) and len(rs) == len(real_index.letters) - 1, lid


def test_real_corpus_letter_pages_end_with_related_letters(built_site):
    settings, _ = built_site
    page = (settings.site_dir / "brieven/2020-avvn75-inzet/index.html").read_text(encoding="utf-8")
    assert 'id="vn-verwant"' in page
    section = page[page.index('id="vn-verwant"'):page.index('id="vn-verantwoording"')]
    links = re.findall(r'<li><a href="([^"]+)">', section)
    assert links[0] == "../2020-avvn75-schriftelijk-overleg/" and len(links) == 4
    assert "Gemeen: thema&#39;s" in section or "Gemeen: thema's" in section
