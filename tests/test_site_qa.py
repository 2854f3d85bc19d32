"""The written Q&A on the real site (built once per session, see conftest.built_site)."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.slow
LETTER = "2020-avvn75-schriftelijk-overleg"
# answers per fractie, read from the letter (see tests/test_qa.py FRACTIES)
COUNTS = {"vvd": 15, "cda": 9, "d66": 18, "groenlinks": 16, "sp": 13, "pvda": 26, "partij-voor-de-dieren": 11,
          "sgp": 9}


class _Text(HTMLParser):
    """The text of a page with, for every character, the href of the link it is in ('' outside)."""

    def __init__(self) -> None:
        super().__init__()
        self.text, self.hrefs, self._href = [], [], ""

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href = dict(attrs).get("href") or ""

    def handle_endtag(self, tag):
        if tag == "a":
            self._href = ""

    def handle_data(self, data):
        self.text.append(data)
        self.hrefs.extend([self._href] * len(data))


def _page(site, path):
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_qa_json_has_117_answers_that_point_at_their_lines_and_anchors(built_site, real_settings):
    settings, _ = built_site
    records = json.loads((settings.site_dir / "data/qa.json").read_text(encoding="utf-8"))
    assert [(r["letter_id"], r["number"]) for r in records] == [(LETTER, n) for n in range(1, 118)]
    source = (settings.content_dir / "letters" / f"{LETTER}.txt").read_text(encoding="utf-8").split("\n")
    html = _page(settings.site_dir, f"brieven/{LETTER}")
    for r in records:
        assert re.match(rf"\s?{r['number']}\. Antwoord", source[r["answer_lines"][0] - 1]), r["number"]
        first_word = r["question"].split()[0]
        assert first_word in source[r["question_lines"][0] - 1], r["number"]
        assert r["question_lines"][1] < r["answer_lines"][0]
        assert f'id="{r["anchor"]}"' in html and f'id="{r["question_anchor"]}"' in html
    counts = {}
    for r in records:
        counts[r["fractie"]] = counts.get(r["fractie"], 0) + 1
    assert counts == {"VVD": 15, "CDA": 9, "D66": 18, "GroenLinks": 16, "SP": 13, "PvdA": 26,
                      "Partij voor de Dieren": 11, "SGP": 9}


def test_every_vraag_reference_on_the_letter_page_is_a_link_to_its_answer(built_site):
    settings, _ = built_site
    parser = _Text()
    parser.feed(_page(settings.site_dir, f"brieven/{LETTER}"))
    text = "".join(parser.text)
    found = list(re.finditer(r"\bvraag (\d+)", text))
    assert len(found) == 9
    for m in found:
        assert parser.hrefs[m.start()] == f"#antwoord-{m.group(1)}", m.group()


def test_fractie_pages_are_reachable_and_link_every_answer(built_site):
    settings, _ = built_site
    site = settings.site_dir
    letter_page = _page(site, f"brieven/{LETTER}")
    overview = _page(site, "schriftelijk-overleg")
    for slug, count in COUNTS.items():
        assert f'href="../../schriftelijk-overleg/{LETTER}/{slug}/"' in letter_page
        assert f'href="{LETTER}/{slug}/"' in overview
        page = _page(site, f"schriftelijk-overleg/{LETTER}/{slug}")
        answers = set(re.findall(rf'href="../../../brieven/{LETTER}/#antwoord-(\d+)"', page))
        assert len(answers) == count, slug
    home = _page(site, "")
    assert '<a href="schriftelijk-overleg/" class="md-nav__link">' in home      # one navigation entry
