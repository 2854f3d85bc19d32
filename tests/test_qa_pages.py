"""Written Q&A on the site: links between answers, the fractie pages, the overviews, data/qa.json."""
from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator import pipeline, write
from generator.pages.letter import render_letter
from generator.pages.data import qa_json
from generator.pages.qa import render_qa
from generator.config import Settings
from generator.model import Source
from generator.pipeline import make_letter

REPO = Path(__file__).resolve().parents[1]
QA_LETTER = REPO / "content" / "letters" / "2020-avvn75-schriftelijk-overleg.txt"
SYNTHETIC = REPO / "tests" / "fixtures" / "qa" / "2022-avvn77-schriftelijk-overleg.txt"


def letter(path: Path, text: str | None = None):
    return make_letter(Source(path, text if text is not None else path.read_text(encoding="utf-8")))


def body(page) -> str:
    return page.text.split("---\n", 2)[2]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text = ""
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href, self._text = dict(attrs).get("href", ""), ""

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, self._text))
            self._href = None

    def handle_data(self, data):
        self.text.append(data)
        if self._href is not None:
            self._text += data


def links_in(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    return parser


def test_references_become_same_page_links_with_the_text_unchanged(to_html):
    page = render_letter(letter(SYNTHETIC))
    out = to_html(body(page))
    parsed = links_in(out)
    assert ("#antwoord-2", "vraag 2") in parsed.links and ("#antwoord-1", "vraag 1") in parsed.links
    text = " ".join("".join(parsed.text).split())
    assert "Zie ook het antwoord op vraag 2 over resolutie 2417, en zie vraag 1." in text


def test_letter_page_leads_to_the_fractie_pages_and_shows_labels(to_html):
    out = to_html(body(render_letter(letter(SYNTHETIC))))
    hrefs = [h for h, _ in links_in(out).links]
    # the page is HTML the generator writes: the addresses MkDocs gives the pages (brieven/<id>/ -> …)
    assert "../../schriftelijk-overleg/2022-avvn77-schriftelijk-overleg/christenunie/" in hrefs
    assert "../../schriftelijk-overleg/2022-avvn77-schriftelijk-overleg/volt/" in hrefs
    assert "../../schriftelijk-overleg/2022-avvn77-schriftelijk-overleg/" in hrefs
    assert '<p class="vn-qa-nav">' in out
    assert re.search(r'<div class="vn-question" data-regels="30-40" id="vraag-3">\s*<p class="vn-qa-label">'
                     r'<strong>Vraag 3</strong></p>', out)
    # the first block after the footer "…, nr. 190 3" starts on page 4 (data-page: issue 18)
    assert re.search(r'<div class="vn-answer" data-page="4" data-regels="42-48" id="antwoord-3">\s*<p class="vn-qa-label">'
                     r'<a href="#antwoord-3"><strong>3. Antwoord op vragen van het kabinet:</strong></a></p>', out)


def test_letter_without_answers_has_no_qa_line():
    page = render_letter(letter(REPO / "content" / "letters" / "2020-avvn75-inzet.txt"))
    assert "vn-qa-nav" not in page.text and "schriftelijk-overleg/" not in page.text


def test_fractie_page_lists_questions_by_topic_with_deep_links(to_html):
    pages = {p.path: p for p in render_qa([letter(SYNTHETIC)])}
    assert sorted(pages) == ["schriftelijk-overleg/2022-avvn77-schriftelijk-overleg/christenunie.md",
                             "schriftelijk-overleg/2022-avvn77-schriftelijk-overleg/index.md",
                             "schriftelijk-overleg/2022-avvn77-schriftelijk-overleg/volt.md",
                             "schriftelijk-overleg/index.md"]
    volt = pages["schriftelijk-overleg/2022-avvn77-schriftelijk-overleg/volt.md"]
    assert '"Volt-fractie: ' in volt.text.split("---\n")[1]
    out = to_html(body(volt))
    assert '<h2 id="hervorming-van-de-veiligheidsraad">Hervorming van de Veiligheidsraad' in out
    links = links_in(out).links
    brief = "../../brieven/2022-avvn77-schriftelijk-overleg.md"
    assert (f"{brief}#antwoord-3", "3") in links
    assert (f"{brief}#vraag-3", "De leden van de Volt-fractie lezen dat het kabinet een hervorming van de "
                                "Veiligheidsraad steunt.") in links
    assert (f"{brief}#p-2", "alinea 2") in links                           # the closing remark, no answer
    overview = to_html(body(pages["schriftelijk-overleg/2022-avvn77-schriftelijk-overleg/index.md"]))
    assert "<td>1–2</td>" in overview and "<td>3</td>" in overview
    assert ("../../brieven/2022-avvn77-schriftelijk-overleg.md#antwoord-1", "antwoord 1") in links_in(overview).links


def test_question_text_on_a_fractie_page_is_escaped(to_html):
    text = SYNTHETIC.read_text(encoding="utf-8").replace(
        "Hoe beoordeelt het kabinet de rol", "Hoe *beoordeelt* [x](javascript:y) <b>het</b> | kabinet de rol")
    pages = render_qa([letter(SYNTHETIC, text)])
    page = next(p for p in pages if p.path.endswith("/christenunie.md"))
    out = to_html(body(page))
    assert "<em>" not in out and "<b>" not in out and "javascript" not in "".join(h for h, _ in links_in(out).links)
    assert "Hoe *beoordeelt* [x](javascript:y) <b>het</b> | kabinet de rol" in "".join(links_in(out).text)


def test_overview_without_rounds_still_exists():
    pages = render_qa([letter(REPO / "content" / "letters" / "2020-avvn75-inzet.txt")])
    assert [p.path for p in pages] == ["schriftelijk-overleg/index.md"]
    assert "Er zijn nog geen brieven met vragen en genummerde antwoorden." in pages[0].text


def test_overview_of_two_rounds_counts_across_letters(to_html):
    letters = [letter(SYNTHETIC), letter(QA_LETTER)]
    overview = next(p for p in render_qa(letters) if p.path == "schriftelijk-overleg/index.md")
    out = to_html(body(overview))
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td[^>]*>(\d+)</td>\s*<td[^>]*>(\d+)</td>\s*</tr>", out)
    assert ("PvdA", "26", "1") in rows and ("Volt", "1", "1") in rows
    first, second = re.findall(r'<a href="(20[^/"]+)/index.md">', out)[:2]
    assert (first, second) == ("2022-avvn77-schriftelijk-overleg", "2020-avvn75-schriftelijk-overleg")


def test_qa_json_records_order_and_fields():
    letters = [letter(SYNTHETIC), letter(QA_LETTER)]
    records = json.loads(qa_json(letters).text)
    assert len(records) == 117 + 3
    assert [(r["letter_id"], r["number"]) for r in records] == sorted(
        ((r["letter_id"], r["number"]) for r in records), key=lambda k: (k[0] != "2020-avvn75-schriftelijk-overleg", k[1]))
    assert list(records[0]) == ["letter_id", "number", "fractie", "topic", "question", "answer", "label",
                                "question_lines", "answer_lines", "anchor", "question_anchor", "references", "url",
                                "kind", "series", "numbers", "askers"]
    r63 = next(r for r in records if r["number"] == 63)
    assert (r63["fractie"], r63["label"], r63["answer_lines"], r63["question_lines"]) == (
        "SP", "63. Antwoord op vragen van het kabinet:", [2106, 2129], [2096, 2104])
    assert (r63["anchor"], r63["question_anchor"], r63["url"]) == (
        "antwoord-63", "vraag-63", "brieven/2020-avvn75-schriftelijk-overleg/#antwoord-63")
    last = records[-1]
    assert (last["letter_id"], last["number"], last["fractie"], last["topic"], last["references"]) == (
        "2022-avvn77-schriftelijk-overleg", 3, "Volt", "Hervorming van de Veiligheidsraad", [2, 1])
    assert json.loads(qa_json([letter(SYNTHETIC), letter(QA_LETTER)]).text) == records


@pytest.mark.slow
def test_site_with_two_rounds_builds_strict_with_no_broken_link(tmp_path, sitecheck):
    content = tmp_path / "content"
    (content / "letters").mkdir(parents=True)
    shutil.copy(SYNTHETIC, content / "letters")
    for name in (QA_LETTER.name, QA_LETTER.with_suffix(".yml").name):
        shutil.copy(QA_LETTER.parent / name, content / "letters")
    shutil.copytree(REPO / "content" / "knowledge", content / "knowledge")
    settings = Settings(content_dir=content, site_dir=tmp_path / "site", docs_dir=tmp_path / "docs",
                        mkdocs_yml=REPO / "mkdocs.yml", pages_dir=REPO / "content" / "pages")
    report = pipeline.build(settings)
    assert report.warnings == []
    assert sitecheck.links(str(settings.site_dir))
    site = settings.site_dir
    assert (site / "schriftelijk-overleg/2022-avvn77-schriftelijk-overleg/volt/index.html").is_file()
    resolution = (site / "resoluties/2417/index.html").read_text(encoding="utf-8")
    assert "antwoord 3" in resolution and "antwoord 2" in resolution     # answers feed the entity pages


def test_answers_quoted_in_another_kind_of_letter_make_no_round():
    """An inzetbrief that quotes numbered answers keeps them on its own page, but is no Q&A round
    (no pages under schriftelijk-overleg/, no records in qa.json); a letter whose kind is not
    recognised is a round when it has numbered answers."""
    qa = letter(QA_LETTER)
    assert qa.qa is not None and qa.meta.kind == "schriftelijk-overleg"
    text = QA_LETTER.read_text(encoding="utf-8")
    text = text[text.index("\n", len(text) // 2):]          # answers, without the round's opening
    quoted = letter(QA_LETTER.with_name("2020-avvn75-inzet-met-antwoorden.txt"),
                    "Deze brief informeert u over de inzet van het Koninkrijk der Nederlanden voor de \n"
                    "75e zitting van de Algemene Vergadering van de Verenigde Naties (AVVN). \n\n" + text)
    assert quoted.meta.kind == "inzetbrief"
    assert any(b.kind == "answer" for b in quoted.blocks)
    assert quoted.qa is None
    assert render_qa([quoted]) == render_qa([])
    unknown = letter(QA_LETTER.with_name("2020-antwoorden.txt"), text)
    assert unknown.meta.kind == "kamerbrief" and unknown.qa is not None and len(unknown.qa.items) > 10


def test_one_overview_for_schriftelijk_overleg_and_kamervragen():
    # tests/fixtures/kamervragen/1980_kamervragen-vn-mensenrechten-saoedi-arabie.txt: two series of
    # Kamervragen (Bolkestein and Joekes, VVD; Van der Spek, PSP) next to the real schriftelijk overleg
    kv_path = REPO / "tests" / "fixtures" / "kamervragen" / "1980_kamervragen-vn-mensenrechten-saoedi-arabie.txt"
    kv, so = letter(kv_path), letter(QA_LETTER)
    pages = {p.path: p for p in render_qa([so, kv])}
    overview = pages["schriftelijk-overleg/index.md"].text
    assert "title: Vragen en antwoorden" in overview
    assert "1 schriftelijk overleg en 1 keer Kamervragen" in overview
    row = next(l for l in overview.splitlines() if kv.id in l)
    assert "| Kamervragen |" in row and "[Bolkestein en Joekes (VVD)](" in row and "[Van der Spek (PSP)](" in row
    round_page = pages[f"schriftelijk-overleg/{kv.id}/index.md"].text
    assert "Kamervragen van Bolkestein en Joekes (VVD), Van der Spek (PSP)" in round_page
    assert "| [Van der Spek (PSP)](psp.md) | PSP | 2 | 1–3 |" in round_page
    psp = pages[f"schriftelijk-overleg/{kv.id}/psp.md"].text
    assert f"[Antwoord 2 en 3](../../brieven/{kv.id}.md#antwoord-2-2)" in psp
