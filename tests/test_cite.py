"""Cite this: a permalink (¶) on every paragraph, question and answer, and the citation data."""
from __future__ import annotations

import datetime as dt
import html
import re
from html.parser import HTMLParser

from generator.pages.labels import citation
from generator.pages.letter import render_letter
from generator.mkdocs_ext.permalinks import label
from test_render import _letter


class Tags(HTMLParser):
    def __init__(self, html_text: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html_text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def body_html(to_html, letter) -> str:
    return to_html(render_letter(letter).text.split("---\n", 2)[2])


def test_labels_of_anchors():
    assert label("p-12") == "alinea 12" and label("antwoord-51") == "antwoord 51" and label("vraag-51") == "vraag 51"
    assert label("vn-verantwoording") == label("fn:1") == label("ondertekening") == ""


def test_every_paragraph_bullet_question_and_answer_has_a_permalink(to_html):
    out = body_html(to_html, _letter())
    links = [a for t, a in Tags(out).tags if t == "a" and "vn-permalink" in a.get("class", "")]
    assert [(a["href"], a["data-label"]) for a in links] == [
        ("#p-1", "alinea 1"), ("#p-2", "alinea 2"), ("#p-3", "alinea 3"),
        ("#vraag-51", "vraag 51"), ("#antwoord-51", "antwoord 51")]
    assert all(a["aria-label"] == f"Vaste link naar {a['data-label']}" for a in links)
    # at the end of the block's text: after the footnote marker, in the answer's last paragraph
    assert re.search(r'zet zich in\. <a [^>]*href="#p-1"[^>]*>¶</a></p>', out)
    assert re.search(r'<p>Tweede alinea\. <a [^>]*href="#antwoord-51"[^>]*>¶</a></p>', out)
    assert re.search(r'<li data-regels="3-3" id="p-2">eerste punt <a [^>]*>¶</a></li>', out)
    assert "<strong>51. Antwoord van het kabinet:</strong></a></p>" in out       # the label stays as it was


def test_headings_signatures_and_other_pages_get_no_paragraph_permalink(to_html):
    out = body_html(to_html, _letter())
    assert not re.search(r'id="(vrede|ondertekening)"[^>]*>[^\n]*vn-permalink', out)
    assert "vn-permalink" not in to_html("Een alinea.\n{ #inleiding }\n\n- punt\n")


def test_the_card_holds_the_citation_without_url():
    letter = _letter(kamerstuk="26 150, nr. 187")          # an inzetbrief whose vergaderjaar is unknown
    assert citation(letter) == ('Inzetbrief "Een testbrief", 18 september 2020', "Kamerstuk 26 150, nr. 187")
    letter.meta.date, letter.meta.year, letter.meta.kamerstuk = None, 2018, ""
    assert citation(letter) == ('Inzetbrief "Een testbrief", 2018', "")
    letter.meta.year = None
    assert citation(letter)[0] == 'Inzetbrief "Een testbrief", datum onbekend'
    letter.meta.kind = "motie"
    assert citation(letter)[0] == 'Motie "Een testbrief", datum onbekend'
    letter.meta.title = "Motie van het lid Sipkes"        # a title that names the kind: not twice
    assert citation(letter)[0] == '"Motie van het lid Sipkes", datum onbekend'


def test_a_letter_whose_reference_is_known_is_cited_as_its_kind_cites_it():
    letter = _letter(kamerstuk="26 150, nr. 187")
    letter.meta.chamber, letter.meta.vergaderjaar, letter.meta.dossier, letter.meta.number = "II", "2020-2021", "26 150", "187"
    assert citation(letter) == ("Kamerstukken II 2020/21, 26 150, nr. 187", "")
    letter.meta.kind, letter.meta.vergaderjaar, letter.meta.aanhangsel = "kamervragen", "1978-1979", "1037"
    assert citation(letter) == ("Aanhangsel Handelingen II 1978/79, nr. 1037", "")
    letter.meta.aanhangsel = ""                                # a part is missing: label, title and date
    assert citation(letter) == ('Kamervragen "Een testbrief", 18 september 2020', "Kamerstuk 26 150, nr. 187")


def test_the_citation_parts_are_text_whatever_the_title(to_html):
    letter = _letter(kamerstuk="26 150, nr. 187")
    letter.meta.title = 'Een "brief" | met [haken](javascript:x) `code` \\ <b>&amp; *ster*'
    out = body_html(to_html, letter)

    def text(cls: str) -> str:                   # what the script reads: the span's text
        return html.unescape(re.sub(r"<[^>]+>", "", re.search(rf'<span class="{cls}">(.*?)</span>', out).group(1)))

    assert text("vn-citeer__brief") == f'Inzetbrief "{letter.meta.title}", 18 september 2020'
    assert text("vn-citeer__kamerstuk") == "Kamerstuk 26 150, nr. 187"
    assert not [t for t, _ in Tags(out).tags if t == "b"]
    assert not [a for _, a in Tags(out).tags if any("javascript" in v for v in a.values())]


def test_dates_in_citations_are_dutch():
    letter = _letter()
    letter.meta.date = dt.date(2019, 2, 15)
    assert citation(letter)[0].endswith(", 15 februari 2019")
