"""Printed page numbers (generator/printed_pages.py): the page each block starts on, from the page
footers that carry a number, or from the form feeds of a PDF's text; the page marks in the margin."""
from __future__ import annotations

import pickle
import re
from pathlib import Path

from generator.layouts import bundled
from generator.model import Block, Source, Span
from generator.pages.letter import page_marks, render_letter
from generator.pipeline import make_letter
from generator.printed_pages import carried_number

FIXTURES = Path(__file__).parent / "fixtures" / "pages"
FOOTER = "Tweede Kamer, vergaderjaar 2020–2021, 26 150, nr. 187"


def letter_of(name: str, text: str | None = None, suffix: str = ".txt"):
    path = FIXTURES / name if text is None else Path(name + suffix)
    return make_letter(Source(path, path.read_text(encoding="utf-8") if text is None else text))


def pages(letter) -> list[tuple[str, int, int]]:
    return [(b.anchor, b.page, b.page_end) for b in letter.blocks]


def test_a_footer_number_names_the_page_it_ends():
    kamerstuk = next(p for p in bundled().patterns if p.regex.fullmatch(FOOTER))
    assert carried_number(f"{FOOTER} 6", kamerstuk.regex) == 6
    # the number of the document is no page number: "nr. 28" without it is no footer
    assert carried_number("Tweede Kamer, vergaderjaar 1992-1993, 22 181, nr. 28", kamerstuk.regex) is None


def test_every_page_has_its_footer_each_block_gets_the_page_it_starts_on():
    letter = letter_of("kamerstuk-met-paginavoeten.txt")
    assert pages(letter) == [
        ("p-1", 1, 0), ("p-2", 1, 0),
        ("p-3", 1, 2),                      # runs over the footer of page 1 onto page 2
        ("p-4", 2, 0), ("p-5", 3, 0), ("ondertekening", 3, 0)]
    assert [f.text for f in letter.furniture] == [f"{FOOTER} {n}" for n in (1, 2, 3)]


def test_where_footers_are_missing_only_what_is_certain_gets_a_page():
    letter = letter_of("kamerstuk-met-ontbrekende-paginavoeten.txt")
    assert pages(letter) == [
        ("p-1", 0, 0), ("p-2", 0, 0),       # before footer 6: where page 6 begins is not known
        ("p-3", 7, 0),                      # the top of the page after footer 6
        ("p-4", 0, 0), ("p-5", 0, 0),       # somewhere on pages 7-15
        ("p-6", 16, 0),                     # the top of the page after footer 15
        ("p-7", 0, 0)]                      # after the last footer: where page 16 ends is not known


def test_the_form_feeds_of_a_pdf_count_the_pages_from_1():
    text = ("Geachte voorzitter,\n\nDe eerste alinea.\n\nDe tweede alinea loopt door\n"
            "\fop de tweede bladzijde.\n\nDe derde alinea.\n"
            "\fDe vierde alinea.\n")
    letter = letter_of("brief", text, ".pdf")
    assert pages(letter) == [("p-1", 1, 0), ("p-2", 1, 0), ("p-3", 1, 2), ("p-4", 2, 0), ("p-5", 3, 0)]


def test_a_pdf_page_with_a_footer_number_sets_the_count():
    text = (f"De eerste alinea, op bladzijde 4.\n\n{FOOTER} 4\n"
            "\fDe tweede alinea.\n"
            "\fDe derde alinea.\n\n{FOOTER} 6\n").replace("{FOOTER}", FOOTER)
    letter = letter_of("brief", text, ".pdf")
    assert [(b.text, b.page) for b in letter.blocks] == [
        ("De eerste alinea, op bladzijde 4.", 4), ("De tweede alinea.", 5), ("De derde alinea.", 6)]


def test_a_text_without_footers_or_form_feeds_has_no_pages():
    letter = letter_of("brief", "Geachte voorzitter,\n\nEen alinea.\n\n\n\nNog een alinea.\n")
    assert {b.page for b in letter.blocks} == {0} and not page_marks(letter.blocks)
    assert "vn-page" not in render_letter(letter).text and "data-page" not in render_letter(letter).text


def test_the_margin_shows_the_page_where_it_changes(to_html):
    letter = letter_of("kamerstuk-met-paginavoeten.txt")
    out = to_html(render_letter(letter).text.split("---\n", 2)[2])
    marks = re.findall(r'<span class="vn-page"><span aria-hidden="true">([^<]*)</span>'
                       r'<span class="vn-page__sr">([^<]*)</span></span>', out)
    assert marks == [("p. 1", "pagina 1"), ("p. 1–2", "pagina 1 en 2"), ("p. 3", "pagina 3")]
    # the page travels with the block and its permalink, for "citeer"
    assert re.search(r'<p data-page="2" data-regels="15-15" id="p-4">', out)
    assert re.search(r'<a [^>]*class="vn-permalink" data-label="alinea 4" data-page="2" href="#p-4"', out)


def test_a_block_from_an_older_cache_entry_has_no_page():
    block = Block("paragraph", "Tekst.", Span(1, 1), anchor="p-1")
    del block.__dict__["page"], block.__dict__["page_end"]      # pickled before the fields existed
    old = pickle.loads(pickle.dumps(block))
    assert (old.page, old.page_end) == (0, 0) and page_marks([old]) == {}


def test_written_questions_take_the_page_of_the_aanhangsel_head_at_the_page_foot(to_html):
    # "Aanhangsel Handelingen II 2023/24, nr. 387 1" stands right under the text of page 1 (the
    # running head as the PDF's text puts it): it ends page 1, the line "… 387 2" ends page 2
    letter = letter_of("../layouts/ah-vragen-modern.txt")
    got = {b.anchor: (b.page, b.page_end) for b in letter.blocks if b.kind in ("question", "answer")}
    assert got == {"vraag-1": (1, 0), "antwoord-1": (1, 0), "vraag-2": (1, 0), "antwoord-2": (1, 2),
                   "vraag-3": (2, 0), "antwoord-3": (2, 0), "vraag-4": (2, 0), "vraag-5": (2, 0),
                   "antwoord-4": (2, 0), "vraag-6": (2, 0), "antwoord-6": (2, 0)}
    out = to_html(render_letter(letter).text.split("---\n", 2)[2])
    assert ('<span class="vn-citeer__brief">Aanhangsel Handelingen II 2023/24, nr. 387</span>, p. <em>P</em>, '
            'alinea <em>N</em>') in out
    assert re.search(r'<a [^>]*class="vn-permalink" data-label="antwoord 3" data-page="2" href="#antwoord-3"', out)
