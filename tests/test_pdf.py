"""The PDF route: a letter dropped in as a PDF reads, cleans and parses like the same letter as text.

The PDFs are made here with reportlab (its bundled Vera font covers the letters' characters) from
real excerpts of content/letters/*.txt: the excerpt's lines are drawn one per line slot, a blank
line of the text as an empty slot, and every page of the seed (where the text letter's cleaner sees
a page break) as a PDF page. The text route reads the excerpt exactly as it stands in the seed.
"""
from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from generator.clean import build_vocabulary
from generator.errors import SourceError
from generator.model import Source
from generator.pipeline import make_letter
from generator.read import read_pdf, read_sources

reportlab = pytest.importorskip("reportlab", reason="reportlab makes the test PDFs: pip install -e '.[test]'")
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

LETTERS = Path(__file__).resolve().parents[1] / "content" / "letters"
VERA = os.path.join(os.path.dirname(reportlab.__file__), "fonts", "Vera.ttf")
FOOTER_START = "Tweede Kamer, vergaderjaar"

TOP, LEFT, LEADING, SIZE = 780.0, 70.0, 13.0, 9.5


def _font() -> str:
    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Vera", VERA))
    return "Vera"


def make_pdf(pages: list[list[str]], *, note_size: float | None = None, side_header: bool = False) -> bytes:
    """One PDF page per list of lines; '' (or spaces) leaves a line slot empty.

    A page footer ('Tweede Kamer, vergaderjaar …, nr. 187 6') is drawn at the page bottom with
    its page number set apart at the right margin, as in a Kamerstuk. With `note_size`, footnote
    lines (after the last blank slot that is followed by '1 …') are set in that smaller size with
    a tighter leading. With `side_header`, 'Onze Referentie' and the BZDOC number are drawn in a
    narrow column at the right, on the height of the body line before them.
    """
    font = _font()
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(595, 842), invariant=1)
    for lines in pages:
        leading = min(LEADING, (TOP - 60) / max(len(lines), 1))   # the whole page above the footer
        y, previous_y = TOP, TOP
        notes_from = _notes_start(lines) if note_size else len(lines)
        for i, line in enumerate(lines):
            text = line.strip()
            if side_header and (text == "Onze Referentie" or text.startswith("BZDOC-")):
                pdf.setFont(font, 7)
                pdf.drawString(460, previous_y - (9 if text.startswith("BZDOC") else 0), text)
                continue
            if text.startswith(FOOTER_START):
                words, number = text.rsplit(" ", 1)
                pdf.setFont(font, 7)
                pdf.drawString(LEFT, 40, words)
                pdf.drawRightString(525, 40, number)
                continue
            small = i >= notes_from
            if text:
                pdf.setFont(font, note_size if small else SIZE)
                pdf.drawString(LEFT, y, text)
                previous_y = y
            y -= 0.7 * leading if small else leading
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _notes_start(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        if line.strip().startswith("1 ") and i and not lines[i - 1].strip():
            return i
    return len(lines)


def seed_excerpt(name: str, first: int, last: int, page_starts: list[int]) -> tuple[str, list[list[str]]]:
    """Lines first..last (1-based, inclusive) of a seed letter: as text, and cut into pages."""
    lines = (LETTERS / name).read_text(encoding="utf-8").split("\n")[first - 1:last]
    text = "\n".join(lines) + "\n"
    cuts = [0] + [n - first for n in page_starts] + [len(lines)]
    return text, [lines[a:b] for a, b in zip(cuts, cuts[1:])]


def letter_of(path: Path, text: str):
    source = Source(path, text)
    return make_letter(source, build_vocabulary([text]))


def paragraphs(letter) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in letter.blocks]


def footnotes(letter) -> list[tuple[str, str]]:
    return [(f.number, f.text) for f in letter.footnotes]


def both_routes(tmp_path: Path, name: str, first: int, last: int, page_starts: list[int], **pdf_options):
    text, pages = seed_excerpt(name, first, last, page_starts)
    pdf_path = tmp_path / "excerpt.pdf"
    pdf_path.write_bytes(make_pdf(pages, **pdf_options))
    from_text = letter_of(tmp_path / "excerpt.txt", text)
    from_pdf = letter_of(pdf_path, read_pdf(pdf_path))
    return from_text, from_pdf


# --- the PDF route equals the text route -----------------------------------------------------

# 2017 inzetbrief, lines 27-100: a heading, a paragraph running on over two page breaks (one
# after footnotes 1 and 2 at the page bottom), words hyphenated at line ends.
EXCERPT_2017 = ("2017-avvn72-inzet.txt", 27, 100, [33, 94])
# 2020 schriftelijk overleg, lines 228-330: a sentence running over the page break at line 241,
# footnote 1 at the page bottom, the page footer 'Tweede Kamer, vergaderjaar 2020–2021, 26 150,
# nr. 187 6', 'wapenbe-heersing' and 'motie-Koopmans' at line ends.
EXCERPT_2020_SO = ("2020-avvn75-schriftelijk-overleg.txt", 228, 330, [241, 306])
# 2019 terugblik Veiligheidsraad, lines 131-160: the running header 'Onze Referentie' /
# 'BZDOC-151021554-15' between the lines of the page starting at line 148.
EXCERPT_2019 = ("2019-veiligheidsraad-2018-terugblik.txt", 131, 160, [148])


@pytest.mark.parametrize("excerpt", [EXCERPT_2017, EXCERPT_2020_SO, EXCERPT_2019],
                         ids=["2017-footnotes-page-breaks", "2020-page-footer", "2019-running-header"])
def test_pdf_gives_the_same_paragraphs_as_text(tmp_path, excerpt):
    from_text, from_pdf = both_routes(tmp_path, *excerpt)
    assert paragraphs(from_pdf) == paragraphs(from_text)
    assert footnotes(from_pdf) == footnotes(from_text)
    assert [(f.text, f.reason) for f in from_pdf.furniture] == [(f.text, f.reason) for f in from_text.furniture]
    for field in ("title", "kind", "date", "sessions", "kamerstuk", "url", "signatories"):
        assert getattr(from_pdf.meta, field) == getattr(from_text.meta, field), field


def test_excerpts_contain_what_they_are_chosen_for(tmp_path):
    """Guards the fixtures: each excerpt really has its page break, footnote, furniture, hyphen."""
    t2017, _ = both_routes(tmp_path, *EXCERPT_2017)
    texts = [b.text for b in t2017.blocks]
    assert any("Maar ook grote, machtige staten" in t and "klimaatverandering" in t for t in texts)
    assert any("van de aanpak van grondoorzaken" in t for t in texts)
    assert [f.number for f in t2017.footnotes] == ["1", "2"]
    t2020, _ = both_routes(tmp_path, *EXCERPT_2020_SO)
    assert any("wapenbeheersing" in b.text for b in t2020.blocks)
    assert any("blauwdruk «for Mobilizing Finance" in b.text for b in t2020.blocks)
    assert [f.reason for f in t2020.furniture] == ["paginavoet"]
    assert [f.number for f in t2020.footnotes] == ["1"]
    t2019, _ = both_routes(tmp_path, *EXCERPT_2019)
    assert [f.text for f in t2019.furniture] == ["Onze Referentie", "BZDOC-151021554-15"]


def test_smaller_footnote_type_and_side_column_header(tmp_path):
    """Closer to a real letter: footnotes in a smaller size, the running header in a side column."""
    t_text, t_pdf = both_routes(tmp_path, *EXCERPT_2017, note_size=7.0)
    assert paragraphs(t_pdf) == paragraphs(t_text) and footnotes(t_pdf) == footnotes(t_text)
    h_text, h_pdf = both_routes(tmp_path, *EXCERPT_2019, side_header=True)
    assert paragraphs(h_pdf) == paragraphs(h_text)
    assert [f.text for f in h_pdf.furniture] == ["Onze Referentie", "BZDOC-151021554-15"]


def test_pdf_letter_through_read_sources(tmp_path):
    """A .pdf in content/letters is read (with its sidecar) like a .txt."""
    _, pages = seed_excerpt(*EXCERPT_2017)
    letters = tmp_path / "content" / "letters"
    letters.mkdir(parents=True)
    (letters / "2017-uittreksel.pdf").write_bytes(make_pdf(pages))
    (letters / "2017-uittreksel.yml").write_text("kind: inzetbrief\nsessions: [72]\n", encoding="utf-8")
    (source,) = read_sources(tmp_path / "content")
    assert source.name == "2017-uittreksel.pdf" and source.sidecar["sessions"] == [72]
    assert source.text.count("\f") == 2
    assert "on Multilateralism.1" in source.text


# --- what read_pdf does with the page --------------------------------------------------------

def test_blank_line_for_a_paragraph_gap_only(tmp_path):
    path = tmp_path / "a.pdf"
    path.write_bytes(make_pdf([["Eerste regel van de alinea", "tweede regel.", "", "Nieuwe alinea."],
                               ["Volgende pagina."]]))
    assert read_pdf(path) == ("Eerste regel van de alinea\ntweede regel.\n\nNieuwe alinea.\n"
                              "\fVolgende pagina.\n")


def test_wide_gaps_give_one_blank_line_and_no_page_mark(tmp_path):
    """Several empty slots are one blank line (two would read as a page break in a text letter);
    a page's first line never starts with the text letters' page-start space."""
    path = tmp_path / "a.pdf"
    path.write_bytes(make_pdf([["   Ingesprongen regel", "", "", "", "Na een groot gat"]]))
    assert read_pdf(path) == "Ingesprongen regel\n\nNa een groot gat\n"


def test_footer_page_number_set_apart_joins_its_line(tmp_path):
    """pypdf gives a page number drawn apart at the margin a line of its own; on the footer's
    baseline it joins the footer again, as in the text letters (and the Kamerstuk is read from it)."""
    path = tmp_path / "a.pdf"
    path.write_bytes(make_pdf([["Tekst.", "Tweede Kamer, vergaderjaar 2020–2021, 26 150, nr. 187 6"],
                               ["Volgende pagina."]]))
    text = read_pdf(path)
    assert text.split("\n")[-4:-1] == ["", "Tweede Kamer, vergaderjaar 2020–2021, 26 150, nr. 187 6",
                                        "\fVolgende pagina."]
    letter = letter_of(path, text)
    assert [(f.text, f.reason) for f in letter.furniture] == [
        ("Tweede Kamer, vergaderjaar 2020–2021, 26 150, nr. 187 6", "paginavoet")]
    assert letter.meta.kamerstuk == "26 150, nr. 187"
    assert [b.text for b in letter.blocks] == ["Tekst.", "Volgende pagina."]


def test_page_number_on_a_line_of_its_own_is_furniture_next_to_the_footer(tmp_path):
    """Drawn elsewhere than on the footer's baseline (before or after it), the page number stays
    a line of its own; the cleaner takes it out with the footer."""
    for lines in (["Tweede Kamer, vergaderjaar 2020–2021, 26 150, nr. 187", "", "6"],
                  ["6", "", "Tweede Kamer, vergaderjaar 2020–2021, 26 150, nr. 187"]):
        text = "Tekst.\n\n" + "\n".join(lines) + "\n\fVolgende pagina.\n"
        letter = letter_of(tmp_path / "a.pdf", text)
        assert sorted(f.reason for f in letter.furniture) == ["paginanummer", "paginavoet"]
        assert [b.text for b in letter.blocks] == ["Tekst.", "Volgende pagina."]
        assert letter.meta.kamerstuk == "26 150, nr. 187"


def test_ligatures_and_soft_hyphens_are_written_out(tmp_path):
    path = tmp_path / "a.pdf"
    path.write_bytes(make_pdf([["de ﬁnanciering van het lidmaat\u00ad", "schap"]]))
    assert read_pdf(path) == "de financiering van het lidmaat-\nschap\n"


def test_pdf_without_text_layer_is_a_clear_error(tmp_path):
    pdf = canvas.Canvas(str(tmp_path / "scan.pdf"), pagesize=(595, 842))
    pdf.rect(70, 500, 400, 200, fill=1)   # a page with only a picture-like shape, no text
    pdf.showPage()
    pdf.save()
    with pytest.raises(SourceError) as info:
        read_pdf(tmp_path / "scan.pdf")
    assert info.value.path.name == "scan.pdf"
    assert "no text layer" in info.value.message and "OCR" in info.value.hint
    assert "scan.pdf" in str(info.value)


def test_read_pdf_is_only_in_read_py():
    """Only read.py opens PDFs (the other stages are pure functions of text)."""
    package = Path(__file__).resolve().parents[1] / "generator"
    users = sorted(p.relative_to(package).as_posix() for p in package.rglob("*.py")
                   if "pypdf" in p.read_text(encoding="utf-8"))
    assert users == ["read.py"]


# --- the whole build -------------------------------------------------------------------------

def build_excerpt(tmp_path: Path, suffix: str, strict_site: bool = False) -> tuple[str, list[str]]:
    """Generate (and with strict_site, build with MkDocs) a site from one excerpt: its letter page
    and the build's warnings (without file names and line numbers)."""
    from generator import pipeline
    from generator.config import Settings

    text, pages = seed_excerpt(*EXCERPT_2020_SO)
    root = tmp_path / suffix
    letters = root / "content" / "letters"
    letters.mkdir(parents=True)
    if suffix == "pdf":
        (letters / "uittreksel.pdf").write_bytes(make_pdf(pages))
    else:
        (letters / "uittreksel.txt").write_text(text, encoding="utf-8")
    (letters / "uittreksel.yml").write_text(
        "# All fields are optional; each one overrides what the generator infers.\n"
        "kind: schriftelijk-overleg\nsessions: [75]\n", encoding="utf-8")
    repo = Path(__file__).resolve().parents[1]
    settings = Settings(content_dir=root / "content", site_dir=root / "site", docs_dir=root / "docs",
                        mkdocs_yml=repo / "mkdocs.yml", pages_dir=repo / "content" / "pages")
    report = pipeline.build(settings) if strict_site else pipeline.generate(settings)
    assert report.letters == 1
    if strict_site:
        assert (root / "site" / "brieven" / "uittreksel" / "index.html").is_file()
    warnings = [re.sub(r"^\S*uittreksel\.(txt|pdf):[\d-]*:?\s*", "", w) for w in report.warnings]
    return (root / "docs" / "brieven" / "uittreksel.md").read_text(encoding="utf-8"), warnings


def without_line_numbers(page: str) -> str:
    """Source line numbers differ (the PDF's text has fewer blank lines); the rest must not."""
    page = page.replace("uittreksel.pdf", "uittreksel.txt")
    page = re.sub(r'data-regels="\d+-\d+"', 'data-regels="…"', page)
    page = re.sub(r"\(\d+ regels", "(… regels", page)
    return re.sub(r"(?m)^<tr>\n<td>\d+</td>", "<tr>\n<td>…</td>", page)      # the furniture's lines


def without_pages(page: str) -> str:
    """The page marks and data-page attributes taken out (printed_pages.py)."""
    page = re.sub(r'<span class="vn-page">.*?</span></span> ', "", page)
    return re.sub(r' data-page="\d+"', "", page)


@pytest.mark.slow
def test_pdf_letter_page_equals_text_letter_page(tmp_path):
    """The generated letter page (text, anchors, footnotes, metadata card, furniture list) is the
    same for the PDF as for the text; the PDF's site also passes MkDocs' strict build."""
    from_text, text_warnings = build_excerpt(tmp_path, "txt")
    from_pdf, pdf_warnings = build_excerpt(tmp_path, "pdf", strict_site=True)
    assert "26 150, nr. 187" in from_pdf and "wapenbeheersing" in from_pdf
    # but for the downloads (issue 18): a PDF is offered as PDF and as the text taken from it
    as_pdf = ('<a download="uittreksel.pdf" href="uittreksel.pdf">pdf</a> · '
              '<a download="uittreksel.txt" href="uittreksel.txt">tekst uit de pdf</a>')
    as_text = '<a download="uittreksel.txt" href="uittreksel.txt">brontekst</a>'
    assert as_pdf in from_pdf and as_text in from_text
    # and for the printed pages: the PDF's form feeds show where each page begins, the text (whose
    # footers jump) only the page after its footer; where both know a page, it is the same
    pages_of = lambda page: {a: p for p, a in re.findall(r'data-page="(\d+)" data-regels="\d+-\d+" id="([\w-]+)"', page)}
    assert pages_of(from_text) == {"p-6": "7"} and pages_of(from_text).items() <= pages_of(from_pdf).items()
    assert without_line_numbers(without_pages(from_pdf.replace(as_pdf, as_text))) == \
        without_line_numbers(without_pages(from_text))
    assert pdf_warnings == text_warnings
