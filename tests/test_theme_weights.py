"""Issue 18: themes that tell letters apart. The weight of a theme in a letter (the share of the
letter's text in passages with the theme; a heading counts fully, keywords for half), the main
themes (chips) and "ook genoemd", and the letter page that shows them without theme lines in its
reading text (extract/themes.py theme_weights, pages/letter.py, templates/letter.html.j2)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.extract.themes import MAX_MAIN, theme_weights
from generator.index import build_index
from generator.knowledge import Knowledge
from generator.model import Analysis, Block, Letter, Meta, Passage, Reason, Source, Span
from generator.pages.letter import render_letter
from generator.taxonomy import Taxonomy, Theme

SLUGS = ("klimaat", "mensenrechten", "vrede", "migratie", "gezondheid", "cyber", "handel")
TAXONOMY = Taxonomy(tuple(Theme(s, s.capitalize(), "", (), (s,)) for s in SLUGS))
KOP, TEKST = Reason("kop", (("kop", 1),)), Reason("tekst", (("trefwoord", 2),))


def letter(*sections: tuple[str, int, dict[str, Reason]], signature: str = "") -> Letter:
    """A letter of sections (heading, characters of text, {theme: reason}); `signature` adds a
    closing passage. Each section is a heading and one paragraph of that many characters."""
    blocks, passages = [], []
    for n, (heading, chars, themes) in enumerate(sections, 1):
        at = len(blocks)
        blocks += [Block("heading", heading, Span(at + 1, at + 1), level=2, anchor=f"kop-{n}"),
                   Block("paragraph", "x" * chars, Span(at + 2, at + 2), anchor=f"p-{n}")]
        passages.append(Passage("brief", "section", f"kop-{n}", heading, [at, at + 1], Span(at + 1, at + 2), 1,
                                heading, list(themes), dict(themes)))
    if signature:
        blocks.append(Block("signature", signature, Span(len(blocks) + 1, len(blocks) + 1), anchor="ondertekening"))
        passages.append(Passage("brief", "closing", "ondertekening", "Ondertekening", [len(blocks) - 1],
                                blocks[-1].span, 0))
    meta = Meta(title="Een brief", kind="kamerbrief", date=dt.date(2020, 9, 1), year=2020)
    return Letter("brief", Source(Path("brief.txt"), "tekst\n"), meta, blocks, [], [], analysis=Analysis(passages=passages))


def weights(l: Letter) -> dict[str, tuple[float, bool]]:
    return {w.slug: (w.weight, w.main) for w in theme_weights(l, SLUGS)}


def test_weight_is_the_share_of_the_text_a_heading_fully_keywords_for_half():
    l = letter(("Klimaat", 600, {"klimaat": KOP}),              # 600 of 1000 characters, from its heading
               ("Overig", 300, {"mensenrechten": TEKST}),        # 300, only keywords: counts 150
               ("Inleiding", 100, {}))                           # general: counts for no theme
    assert weights(l) == {"klimaat": (0.6, True), "mensenrechten": (0.15, False)}
    assert [w.slug for w in theme_weights(l, SLUGS)] == ["klimaat", "mensenrechten"]       # heaviest first


def test_headings_and_the_signature_are_not_text_and_a_passage_counts_for_each_of_its_themes():
    l = letter(("Een heel lang kopje over klimaat en mensenrechten " * 10, 500, {"klimaat": KOP, "mensenrechten": KOP}),
               ("Vrede", 500, {"vrede": TEKST}), signature="De Minister van Buitenlandse Zaken " * 20)
    assert weights(l) == {"klimaat": (0.5, True), "mensenrechten": (0.5, True), "vrede": (0.25, True)}
    assert [w.passages for w in theme_weights(l, SLUGS)] == [1, 1, 1]


def test_main_themes_weigh_at_least_half_the_heaviest():
    l = letter(("A", 400, {"klimaat": KOP}),              # 40 %
               ("B", 200, {"mensenrechten": KOP}),        # 20 %: exactly half the heaviest: main
               ("C", 380, {"vrede": TEKST}),              # 19 %: under half: ook genoemd
               ("D", 20, {}))
    assert weights(l) == {"klimaat": (0.4, True), "mensenrechten": (0.2, True), "vrede": (0.19, False)}


def test_at_most_a_handful_of_main_themes_equal_weights_in_taxonomy_order():
    sections = [(slug, 100, {slug: KOP}) for slug in reversed(SLUGS)]     # seven themes, all 1/7 of the text
    ranked = theme_weights(letter(*sections), SLUGS)
    assert [w.slug for w in ranked] == list(SLUGS)                        # ties: the taxonomy's order
    assert [w.main for w in ranked] == [True] * MAX_MAIN + [False] * (len(SLUGS) - MAX_MAIN)
    assert MAX_MAIN == 5


def test_the_heaviest_theme_is_always_main_and_a_letter_without_themes_has_none():
    only = letter(("Overig", 1000, {"cyber": TEKST}), ("Inleiding", 9000, {}))
    assert weights(only) == {"cyber": (0.05, True)}
    assert theme_weights(letter(("Inleiding", 500, {})), SLUGS) == []
    assert theme_weights(letter(), SLUGS) == []                          # no text at all


# --- the letter page -----------------------------------------------------------------------------

def page_of(l: Letter) -> str:
    return render_letter(l, build_index([l], Knowledge(), TAXONOMY)).text


def test_letter_page_shows_main_chips_then_ook_genoemd_and_no_theme_lines_in_the_text():
    l = letter(("Klimaat", 600, {"klimaat": KOP}), ("Overig", 300, {"mensenrechten": TEKST, "vrede": TEKST}),
               ("Inleiding", 100, {}))
    text = page_of(l)
    head, rest = text.split('<div class="admonition info vn-meta">', 1)
    # the page is HTML the generator writes (letter.html.j2); it links the pages' addresses
    assert '\n<p class="md-tags"><a class="md-tag" href="../../themas/klimaat/">Klimaat</a></p>\n' in head  # one main theme
    assert ('\n<p class="vn-ook-genoemd vn-furniture">Ook genoemd: <a href="../../themas/mensenrechten/">Mensenrechten'
            '</a>, <a href="../../themas/vrede/">Vrede</a> — <a href="#vn-themas">gewicht en thema\'s per passage</a>'
            '</p>\n') in head
    reading, back = rest.split("## Thema's van deze brief { #vn-themas .vn-furniture }", 1)
    assert "## Klimaat" in reading and "x" * 600 in reading
    assert "Thema" not in reading and "vn-themes" not in reading and "trefwoorden" not in reading
    # nothing lost: every passage with its themes and reasons, linked to its place, in the back matter
    assert "<summary>Thema's per passage (3)</summary>" in back
    assert '\n<li><a href="#kop-1">Klimaat</a>: <a href="../../themas/klimaat/">Klimaat</a> <em>(kop)</em></li>\n' in back
    assert ('\n<li><a href="#kop-2">Overig</a>: <a href="../../themas/mensenrechten/">Mensenrechten</a> '
            '<em>(trefwoorden: trefwoord 2×)</em> · <a href="../../themas/vrede/">Vrede</a> '
            '<em>(trefwoorden: trefwoord 2×)</em></li>\n') in back
    assert ('\n<li><a href="#kop-3">Inleiding</a>: algemeen <em>(geen kenmerkend kopje of kenmerkende trefwoorden)'
            '</em></li>\n') in back
    assert ('<tr>\n<td><a href="../../themas/klimaat/">Klimaat</a> (hoofdthema)</td>\n<td align="right">60 %</td>\n'
            '<td align="right">1</td>\n</tr>') in back
    assert ('<tr>\n<td><a href="../../themas/vrede/">Vrede</a></td>\n<td align="right">15 %</td>\n'
            '<td align="right">1</td>\n</tr>') in back


def test_a_letter_whose_themes_are_all_main_has_no_ook_genoemd_and_one_without_themes_no_chips():
    both = page_of(letter(("A", 500, {"klimaat": KOP}), ("B", 500, {"vrede": KOP})))
    assert '</a> <a class="md-tag" href="../../themas/vrede/">Vrede</a></p>' in both and "Ook genoemd" not in both
    none = page_of(letter(("Inleiding", 500, {})))
    assert "md-tag" not in none and "Ook genoemd" not in none and "tags:" not in none
    assert '<li><a href="#kop-1">Inleiding</a>: algemeen' in none


def test_passage_titles_are_escaped():
    text = page_of(letter(("<script>alert(1)</script> *nadruk*", 100, {"klimaat": KOP})))
    back = text.split("## Thema's van deze brief", 1)[1]
    assert "<script>" not in back and "&lt;script&gt;alert(1)&lt;/script&gt; *nadruk*</a>" in back


# --- the built site (the five bundled letters) --------------------------------------------------

@pytest.fixture(scope="module")
def letter_pages(built_site):
    settings, _ = built_site
    return {p.parent.name: p.read_text(encoding="utf-8") for p in (settings.site_dir / "brieven").glob("*/index.html")}


def test_bundled_letters_show_one_to_five_chips_and_the_rest_under_ook_genoemd(letter_pages):
    chips = {}
    for letter_id, html in letter_pages.items():
        tags = re.search(r'<p class="md-tags">(.*?)</p>', html)
        names = re.findall(r'<a class="md-tag" href="[^"]+">(.*?)</a>', tags.group(1)) if tags else []
        ook = re.search(r'<p class="vn-ook-genoemd vn-furniture">Ook genoemd: (.*?)</p>', html)
        others = [re.sub(r"<[^>]+>", "", name) for name in
                  re.findall(r'<a href="\.\./\.\./themas/[^"]+">(.*?)</a>', ook.group(1))] if ook else []
        table = [(re.sub(r"<[^>]+>", "", name), main) for name, main in
                 re.findall(r'<td><a href="\.\./\.\./themas/[^"]+">(.*?)</a>( \(hoofdthema\))?</td>', html)]
        assert [n for n, main in table if main] == names and [n for n, main in table if not main] == others
        assert 'class="vn-themes"' not in html and "(trefwoorden:" not in html.split('id="vn-themas"')[0]
        chips[letter_id] = len(names)
    # before issue 18: 11, 14, 9, 14 and 14 chips (every theme of every passage)
    assert chips == {"2017-avvn72-inzet": 5, "2018-avvn73-verslag-ministeriele-week": 4,
                     "2019-veiligheidsraad-2018-terugblik": 1, "2020-avvn75-inzet": 3,
                     "2020-avvn75-schriftelijk-overleg": 4}


def test_every_passage_is_listed_once_linked_to_an_anchor_of_the_page(letter_pages, built_site):
    from generator import pipeline
    settings, _ = built_site
    letters = {l.id: l for l in pipeline.load_letters(settings)}
    for letter_id, html in letter_pages.items():
        section = html.split('<summary>Thema\'s per passage', 1)[1].split("</details>", 1)[0]
        linked = re.findall(r'<li><a href="#([^"]+)">', section)
        want = [p.anchor for p in letters[letter_id].passages if p.kind != "closing" and p.anchor]
        assert linked == want and all(f'id="{a}"' in html for a in linked), letter_id


def test_the_themes_of_a_letter_are_not_in_the_search_index(built_site, letter_pages):
    """Searching 'Klimaat' should find letters about it, not every letter's theme list."""
    from test_search import fragments
    settings, _ = built_site
    records = fragments(settings.site_dir)
    for letter_id in letter_pages:
        record = records[f"/brieven/{letter_id}/"]
        for furniture in ("Ook genoemd", "Thema's van deze brief", "Gewicht per thema", "hoofdthema",
                          "Thema's per passage", "trefwoorden", "algemeen (geen kenmerkend"):
            assert furniture not in record["content"], (letter_id, furniture)
        heading = [a["text"] for a in record["anchors"] if a["id"] == "vn-themas"]
        assert heading == [""], (letter_id, heading)                          # the heading's anchor, no text


def test_theme_pages_the_overview_and_the_open_data_use_the_same_weight():
    import json

    from generator.pages.data import themes_json
    from generator.pages.themes import render_themes
    l = letter(("Klimaat", 600, {"klimaat": KOP}), ("Overig", 300, {"mensenrechten": TEKST}), ("Inleiding", 100, {}))
    index = build_index([l], Knowledge(), TAXONOMY)
    pages = {p.path: p.text for p in render_themes(index)}
    assert "\n<p>1 september 2020 · Kamerbrief · hoofdthema, 60 % van de tekst · <a " in pages["themas/klimaat.md"]
    assert "\n<p>1 september 2020 · Kamerbrief · 15 % van de tekst · <a " in pages["themas/mensenrechten.md"]
    overview = pages["themas/index.md"]
    assert "| [Klimaat](klimaat.md) | 1 | 1 | 1 |" in overview and "| [Mensenrechten](mensenrechten.md) | 1 | 1 | 0 |" in overview
    data = {t["slug"]: t["letters"] for t in json.loads(themes_json(index).text)["themes"]}
    assert data["klimaat"] == [{"letter_id": "brief", "weight": 0.6, "main": True, "passages": 1}]
    assert data["mensenrechten"] == [{"letter_id": "brief", "weight": 0.15, "main": False, "passages": 1}]
    assert data["vrede"] == []
