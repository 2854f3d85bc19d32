"""Long entity and theme pages are split over pages (pages/paging.py): nothing lost, nothing twice,
newest letter first, pager and year links that resolve. A tiny limit forces the split."""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path

import pytest

from generator.pages.entities import render_entities
from generator.pages.html import page_url
from generator.pages.paging import paged
from generator.index import build_index
from generator.pages.paging import Chunk, paginate
from generator.model import Analysis, Block, Letter, Mention, Meta, Source, Span

from conftest import knowledge_2417

LINK = re.compile(r'<a href="([^"]+)"')                   # the pages are HTML (entity.html.j2) ...
ANCHOR = re.compile(r"\{ #([\w:.-]+)")                      # ... with Markdown headings


def letter(letter_id: str, year: int | None, mentions: int, kind: str = "resolution", key: str = "2417") -> Letter:
    """A letter whose paragraph p-N mentions `key` once, for N = 1..mentions."""
    text = "Het Koninkrijk steunt resolutie 2417 over conflict en honger."
    blocks = [Block("paragraph", text, Span(n, n), anchor=f"p-{n}", line_starts=[(0, n)])
              for n in range(1, mentions + 1)]
    found = [Mention(letter_id, f"{letter_id}.txt", kind, key, True, n, f"p-{n}", key, 32, 36, n - 1)
             for n in range(1, mentions + 1)]
    date = dt.date(year, 9, 1) if year else None
    return Letter(letter_id, Source(Path(f"{letter_id}.txt"), text), Meta(title=f"Brief {letter_id}", year=year,
                                                                         date=date, kind="inzetbrief"),
                  blocks, [], [], analysis=Analysis(mentions=found))


@pytest.fixture
def index():
    letters = [letter("2017-a", 2017, 2), letter("2018-b", 2018, 1), letter("2018-c", 2018, 3),
               letter("2019-groot", 2019, 7), letter("2020-d", 2020, 1), letter("zonder-jaar", None, 2)]
    return build_index(letters, knowledge_2417())


def resolution_pages(index, limit):
    return {p.path: p.text for p in render_entities(index, limit) if p.path.startswith("resoluties/2417")}


# --- splitting -----------------------------------------------------------------------------------

def test_paginate_keeps_a_letter_together_unless_it_is_longer_than_a_page():
    a, b, c, d = (letter(i, 2020, 0) for i in "abcd")
    pages = paginate([(a, [1, 2, 3]), (b, [4, 5]), (c, [6, 7, 8, 9, 10]), (d, [11])], 4)
    assert pages == [[Chunk(a, (1, 2, 3))], [Chunk(b, (4, 5))], [Chunk(c, (6, 7, 8, 9))],
                     [Chunk(c, (10,), continued=True), Chunk(d, (11,))]]
    assert paginate([], 4) == [[]]
    with pytest.raises(ValueError):
        paginate([(a, [1])], 0)


@pytest.mark.parametrize("limit", [1, 2, 3, 5, 7, 100])
def test_every_mention_is_on_exactly_one_page(index, limit):
    pages = resolution_pages(index, limit)
    entity = index.entities[("resolution", "2417")]
    wanted = sorted(f"brieven/{m.letter_id}.md#{m.anchor}" for m in entity.mentions)
    shown = sorted(f"brieven/{letter_id}.md#{anchor}" for text in pages.values()
                   for letter_id, anchor in re.findall(r'— <a href="(?:\.\./)+brieven/([\w-]+)/#([\w-]+)">', text))
    assert shown == wanted
    sizes = [len(re.findall(r"^<li>", text, re.M)) for text in pages.values()]
    assert all(n <= limit for n in sizes) or max(sizes) <= limit


def test_pages_go_newest_letter_first_and_undated_last(index):
    pages = resolution_pages(index, 3)
    assert list(pages) == ["resoluties/2417.md"] + [f"resoluties/2417/{n}.md" for n in range(2, 8)]
    order = [i for text in pages.values() for i in re.findall(r"\{ #brief-([\w-]+) \}", text)]
    assert order == ["2020-d", "2019-groot", "2019-groot", "2019-groot", "2018-c", "2018-b", "2017-a",
                     "zonder-jaar"]
    second = pages["resoluties/2417/2.md"]
    assert '"Resolutie 2417 (2018) (pagina 2 van 7)"' in second
    assert "### 2019 { #jaar-2019 }" in second and "{ #brief-2019-groot }" in second
    third = pages["resoluties/2417/3.md"]
    assert "### 2019 (vervolg) { #jaar-2019 }" in third and "(vervolg) { #brief-2019-groot }" in third
    assert "Over deze resolutie" in pages["resoluties/2417.md"] and "Over deze resolutie" not in second


def test_pager_and_year_links_resolve_to_pages_and_anchors(index):
    pages = resolution_pages(index, 3)
    first, second, last = pages["resoluties/2417.md"], pages["resoluties/2417/2.md"], pages["resoluties/2417/7.md"]
    assert "Pagina 1 van 7: <strong" in first and '<a href="2/">2</a>' in first and '<a href="2/">Volgende</a>' in first
    assert "Vorige" not in first and "Volgende" not in last
    assert '<a href="../">Vorige</a> · <a href="../">1</a>' in second and '<a href="../3/">Volgende</a>' in second
    assert '<a href="#jaar-2020">2020</a> (1)' in first and '<a href="2/#jaar-2019">2019</a> (7)' in first
    assert '<a href="../#jaar-2020">2020</a> (1)' in second and '<a href="../7/#jaar-onbekend">Jaar onbekend</a> (2)' in second
    # every link between the pages reaches a page and an anchor on it, by the addresses MkDocs gives them
    docs = {page_url(path): set(ANCHOR.findall(text)) for path, text in pages.items()}
    for path, text in pages.items():
        for href in LINK.findall(text):
            target, _, fragment = href.partition("#")
            resolved = posixpath.normpath(posixpath.join(page_url(path), target)) + "/" if target else page_url(path)
            if target.startswith("http") or "feeds/" in resolved or "resoluties/2417" not in resolved:
                continue
            assert resolved in docs, (path, href)
            assert not fragment or fragment in docs[resolved], (path, href)


def test_one_page_when_everything_fits(index):
    pages = resolution_pages(index, 100)
    assert list(pages) == ["resoluties/2417.md"]
    assert "Pagina" not in pages["resoluties/2417.md"] and "vn-pager" not in pages["resoluties/2417.md"]


def test_kamerstukken_have_an_overview_with_anchors_and_a_page_each():
    letters = [letter("2020-a", 2020, 2, "kamerstuk", "26150-168"), letter("2019-b", 2019, 1, "kamerstuk", "26150-168")]
    pages = {p.path: p.text for p in render_entities(build_index(letters, knowledge_2417()), 2)}
    overview = pages["kamerstukken/index.md"]
    assert '| <span id="26150-168"></span>[Kamerstuk 26 150, nr. 168](26150-168.md) |' in overview
    assert "brieven/" not in overview                               # the citations are on the pages
    assert {"kamerstukken/26150-168.md", "kamerstukken/26150-168/2.md"} <= set(pages)
    assert '<a href="../#26150-168">alle Kamerstukken</a>' in pages["kamerstukken/26150-168.md"]


def test_paged_pages_render_to_html_with_a_pager_nav(index, to_html):
    text = resolution_pages(index, 3)["resoluties/2417/2.md"]
    out = to_html(text.split("---\n", 2)[2])
    assert out.count('<nav aria-label="Pagina\'s" class="vn-pager">') == 2           # above and below
    assert '<strong aria-current="page">2</strong>' in out
    assert 'id="jaar-2019"' in out and 'id="brief-2019-groot"' in out


def test_pagination_is_deterministic(index):
    assert render_entities(index, 2) == render_entities(index, 2)


def test_the_pager_shows_a_window_of_pages_at_scale():
    from generator.pages.paging import pager_numbers
    assert pager_numbers(1, 1) == [1]
    assert pager_numbers(1, 5) == [1, 2, 3, 4, 5]
    assert pager_numbers(1, 200) == [1, 2, 3, 4, 0, 200]
    assert pager_numbers(100, 200) == [1, 0, 97, 98, 99, 100, 101, 102, 103, 0, 200]
    assert pager_numbers(200, 200) == [1, 0, 197, 198, 199, 200]
    assert pager_numbers(5, 9) == [1, 2, 3, 4, 5, 6, 7, 8, 9]         # no gap of a single page


def test_a_long_list_links_every_page_through_previous_and_next(index):
    pages = {p.path: p.text for p in render_entities(index, 1)}
    paged = sorted((p for p in pages if p.startswith("resoluties/2417/")), key=lambda p: int(p.rsplit("/", 1)[1][:-3]))
    assert len(paged) >= 5
    for path in paged:                   # every page but the last says where the next one is
        number = int(path.rsplit("/", 1)[1][:-3])
        if number < len(paged) + 1:
            assert f'<a href="../{number + 1}/">Volgende</a>' in pages[path], path
    assert len(paged) + 1 > 5 and '<a href="4/">4</a> … <a' in pages["resoluties/2417.md"]       # 1 2 3 4 … last
