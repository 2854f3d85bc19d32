"""Citations as the Kamer cites (each bundled letter), the exports for a reference manager (BibTeX,
RIS, CSL-JSON: parsed back here), the official publication's addresses and the source downloads."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

import pytest

from generator import pipeline, site_build
from generator.config import Settings
from generator.errors import SourceError
from generator.model import Signatory
from generator.pages import render_site
from generator.pages.cite import (bibtex, container, csl_item, csl_json, download_links, name_parts,
                                  official_links, ris)
from generator.pages.labels import citation
from generator.pages.letter import render_letter
from conftest import card_row
from test_render import _letter

REPO = Path(__file__).resolve().parents[1]
HOSTILE = 'Een "brief" {met} \\textbf{x} $5 & 100% #1 a_b ~ ^ én\nop twee regels'

# The citation of each bundled letter as the card gives it (the official form when every part is
# known, else kind, title and date); "citeer" adds ", p. N" where the page is known, the paragraph
# and the address.
BUNDLED = {
    "2017-avvn72-inzet": ("Kamerstukken II 2016/17, 26 150, nr. 163", ""),
    "2018-avvn73-verslag-ministeriele-week": ('"Verslag ministeriële week 73e AVVN", 2018', ""),
    "2019-veiligheidsraad-2018-terugblik": ("Kamerstukken II 2018/19, 26 150, nr. 180", ""),
    "2020-avvn75-inzet": ('Inzetbrief "Inzet van het Koninkrijk voor de 75e zitting van de Algemene '
                          'Vergadering van de VN", 2020', ""),
    "2020-avvn75-schriftelijk-overleg": ("Kamerstukken II 2020/21, 26 150, nr. 187", ""),
}


@pytest.fixture(scope="module")
def bundled():
    settings = Settings(content_dir=REPO / "content", mkdocs_yml=REPO / "mkdocs.yml", cache=False, jobs=1)
    return {l.id: l for l in pipeline.load_letters(settings)}


def test_each_bundled_letter_is_cited_as_the_kamer_cites_it(bundled):
    assert {i: citation(l) for i, l in bundled.items()} == BUNDLED
    # the schriftelijk overleg is no Kamerbrief: its kind is read from its text (kinds.yml rules)
    assert bundled["2020-avvn75-schriftelijk-overleg"].meta.kind == "schriftelijk-overleg"


def test_the_card_names_the_page_only_where_the_letter_has_pages(bundled):
    cards = {i: card_row(render_letter(l).text, "Citeren") for i, l in bundled.items()}
    assert ('<span class="vn-citeer__brief">Kamerstukken II 2020/21, 26 150, nr. 187</span>, p. <em>P</em>, '
            'alinea <em>N</em>' in cards.pop("2020-avvn75-schriftelijk-overleg"))
    assert all("p. <em>P</em>" not in card and ", alinea <em>N</em>" in card for card in cards.values())


def test_container_and_number_follow_the_official_citation(bundled):
    assert container(bundled["2020-avvn75-schriftelijk-overleg"].meta) == ("Kamerstukken II 2020/21, 26 150", "187")
    assert container(bundled["2020-avvn75-inzet"].meta) == ("", "")
    letter = _letter()
    letter.meta.kind, letter.meta.chamber, letter.meta.vergaderjaar, letter.meta.aanhangsel = \
        "kamervragen", "II", "2023-2024", "387"
    assert container(letter.meta) == ("Aanhangsel Handelingen II 2023/24", "387")
    letter.meta.kind, letter.meta.number = "handelingen", "5"          # "nr. 5 (18 september 2020)": kept whole
    assert container(letter.meta) == ("Handelingen II 2023/24, nr. 5 (18 september 2020)", "5")


def test_official_publication_and_its_pdf():
    letter = _letter()
    for url in ("https://zoek.officielebekendmakingen.nl/kst-26150-187",
                "https://zoek.officielebekendmakingen.nl/kst-26150-187.html"):
        letter.meta.url = url
        assert official_links(letter.meta) == ("https://zoek.officielebekendmakingen.nl/kst-26150-187.html",
                                               "https://zoek.officielebekendmakingen.nl/kst-26150-187.pdf")
    letter.meta.url = "https://zoek.officielebekendmakingen.nl/ah-tk-20232024-387"
    assert official_links(letter.meta)[1] == "https://zoek.officielebekendmakingen.nl/ah-tk-20232024-387.pdf"
    letter.meta.url = "https://www.statengeneraaldigitaal.nl/document?id=sgd:19781979:0000123"   # no PDF rule
    assert official_links(letter.meta) == (letter.meta.url, "")
    for url in ("", "javascript:alert(1)"):
        letter.meta.url = url
        assert official_links(letter.meta) == ("", "")


def test_the_card_links_the_official_publication_and_the_downloads(bundled):
    text = render_letter(bundled["2020-avvn75-schriftelijk-overleg"]).text
    assert card_row(text, "Officiële publicatie") == (
        '<a href="https://zoek.officielebekendmakingen.nl/kst-26150-187.html">officielebekendmakingen.nl</a> · '
        '<a href="https://zoek.officielebekendmakingen.nl/kst-26150-187.pdf">pdf</a>')
    f = "2020-avvn75-schriftelijk-overleg"          # the page is brieven/<f>/, the files are beside it
    assert card_row(text, "Downloaden") == (       # a row of its own
        f'<a download="{f}.txt" href="{f}.txt">brontekst</a> · voor een literatuurlijst: '
        f'<a download="{f}.bib" href="{f}.bib">BibTeX</a> · <a download="{f}.ris" href="{f}.ris">RIS</a> · '
        f'<a download="{f}.csl.json" href="{f}.csl.json">CSL-JSON</a>')
    assert card_row(render_letter(bundled["2020-avvn75-inzet"]).text, "Officiële publicatie") in (
        None, "niet gevonden (gezocht op tweedekamer.nl en officielebekendmakingen.nl)")


def test_every_letter_gets_its_downloads_beside_its_page(bundled):
    letters = list(bundled.values())
    out = {p.path: p.text for p in render_site(letters, "Intro.")}
    for letter in letters:
        base = f"brieven/{letter.id}/{letter.id}"
        assert {f"{base}.{ext}" for ext in ("bib", "ris", "csl.json", "txt")} <= set(out)
        assert out[f"{base}.txt"] == letter.source.text                     # the text as the generator read it
    assert not [p for p in out if p.endswith(".pdf")]                     # no PDF source among them


# --- the formats, parsed back ----------------------------------------------------------------

def bibtex_fields(text: str) -> tuple[str, str, dict[str, str]]:
    """(type, key, fields) of one BibTeX entry, reading braces as BibTeX does (an escaped brace
    does not count); fails on unbalanced braces."""
    m = re.match(r"@(\w+)\{([^,\s]+),\n", text)
    assert m, text
    fields, at = {}, m.end()
    while True:
        f = re.compile(r"\s*(\w+) = \{").match(text, at)
        if not f:
            break
        depth, i = 1, f.end()
        while depth:
            assert i < len(text), f"unbalanced braces in {f.group(1)}"
            if text[i] == "\\":
                i += 2
                continue
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        fields[f.group(1)] = text[f.end():i - 1]
        assert text[i] == ",", text[i:]
        at = i + 1
    assert text[at:].strip() == "}", text[at:]
    return m.group(1), m.group(2), fields


UNESCAPE = [(r"\textbackslash{}", "\\"), (r"\textasciitilde{}", "~"), (r"\textasciicircum{}", "^")] + \
    [("\\" + c, c) for c in "{}&%$#_"]


def unescape_bibtex(value: str) -> str:
    out, i = "", 0
    while i < len(value):
        for escaped, plain in UNESCAPE:
            if value.startswith(escaped, i):
                out, i = out + plain, i + len(escaped)
                break
        else:
            assert value[i] not in "\\{}&%$#_~^", f"raw {value[i]!r} in {value!r}"
            out, i = out + value[i], i + 1
    return out


def ris_records(text: str) -> list[list[tuple[str, str]]]:
    lines = text.split("\r\n")
    assert lines[-1] == "" and "\n" not in text.replace("\r\n", ""), "RIS lines end in CRLF, values have no newline"
    records, current = [], None
    for line in lines[:-1]:
        m = re.fullmatch(r"([A-Z][A-Z0-9])  - (.*)", line)
        assert m, line
        tag, value = m.groups()
        if tag == "TY":
            current = []
        assert current is not None, "a tag before TY"
        if tag == "ER":
            assert value == ""
            records.append(current)
            current = None
        else:
            current.append((tag, value))
    assert current is None, "no ER"
    return records


def hostile_letter():
    letter = _letter(kamerstuk="26 150, nr. 187", url="https://zoek.officielebekendmakingen.nl/kst-26150-187")
    letter.meta.chamber, letter.meta.vergaderjaar, letter.meta.dossier, letter.meta.number = "II", "2020-2021", "26 150", "187"
    letter.meta.title = HOSTILE
    letter.meta.signatories = [Signatory("S.A.M. Kaag"), Signatory("Ko de Bruijn"), Signatory("Sander and, Co")]
    return letter


def test_bibtex_escapes_every_special_character_and_keeps_braces_balanced():
    kind, key, fields = bibtex_fields(bibtex(hostile_letter()))
    assert (kind, key) == ("misc", "2020-test")
    title = fields["title"]
    assert title.startswith("{") and title.endswith("}")                  # its capitals kept as written
    assert unescape_bibtex(title[1:-1]) == " ".join(HOSTILE.split())     # nothing lost, one line
    assert fields["author"] == "Kaag, S.A.M. and de Bruijn, Ko and Co, {Sander and,}"   # "and" braced: one name
    assert (fields["howpublished"], fields["number"], fields["date"], fields["year"]) == (
        "Kamerstukken II 2020/21, 26 150", "187", "2020-09-18", "2020")
    assert fields["url"] == "https://zoek.officielebekendmakingen.nl/kst-26150-187.html"
    assert fields["note"] == "Kamerstukken II 2020/21, 26 150, nr. 187; VN-brieven: brieven/2020-test/"
    assert (fields["type"], fields["organization"], fields["langid"]) == ("Inzetbrief", "Tweede Kamer der Staten-Generaal", "dutch")
    for name, value in fields.items():                                     # no raw special anywhere
        if name != "url":                                                  # names: their protecting braces
            unescape_bibtex(value[1:-1] if name == "title" else value.replace("{Sander and,}", ""))


def test_ris_has_one_line_per_value_and_its_tags():
    [record] = ris_records(ris(hostile_letter(), site_url="https://example.org/vn/"))
    tags = dict(record)
    assert record[0] == ("TY", "GOVDOC")
    assert tags["TI"] == " ".join(HOSTILE.split())
    assert [v for t, v in record if t == "AU"] == ["Kaag, S.A.M.", "de Bruijn, Ko", "Co, Sander and,"]
    assert (tags["PY"], tags["DA"], tags["T2"], tags["IS"], tags["LA"]) == (
        "2020", "2020/09/18/", "Kamerstukken II 2020/21, 26 150", "187", "nl")
    assert tags["UR"] == "https://zoek.officielebekendmakingen.nl/kst-26150-187.html"
    assert tags["L1"] == "https://zoek.officielebekendmakingen.nl/kst-26150-187.pdf"
    assert tags["N1"] == "Kamerstukken II 2020/21, 26 150, nr. 187; VN-brieven: https://example.org/vn/brieven/2020-test/"


CSL_TYPES = {"article", "bill", "book", "chapter", "document", "hearing", "legislation", "report", "webpage"}


def test_csl_json_is_a_list_of_one_valid_item():
    [item] = json.loads(csl_json(hostile_letter()))
    assert item["id"] == "2020-test" and item["type"] in CSL_TYPES
    assert item["title"] == HOSTILE                                        # JSON keeps the text as it is
    assert item["author"] == [{"family": "Kaag", "given": "S.A.M."}, {"family": "de Bruijn", "given": "Ko"},
                              {"family": "Co", "given": "Sander and,"}]
    assert item["issued"] == {"date-parts": [[2020, 9, 18]]}
    assert (item["container-title"], item["number"], item["genre"], item["language"]) == (
        "Kamerstukken II 2020/21, 26 150", "187", "Inzetbrief", "nl")
    assert item["URL"] == "https://zoek.officielebekendmakingen.nl/kst-26150-187.html"
    letter = _letter()
    letter.meta.date, letter.meta.year, letter.meta.signatories = None, 2018, []
    item = csl_item(letter)
    assert item["issued"] == {"date-parts": [[2018]]} and "author" not in item and "URL" not in item


def test_the_exports_of_the_bundled_letters_parse(bundled):
    for letter in bundled.values():
        _, key, fields = bibtex_fields(bibtex(letter))
        [record] = ris_records(ris(letter))
        [item] = json.loads(csl_json(letter))
        assert key == letter.id == item["id"] and dict(record)["ID"] == letter.id
        assert unescape_bibtex(fields["title"][1:-1]) == letter.meta.title == item["title"] == dict(record)["TI"]
    so = bundled["2020-avvn75-schriftelijk-overleg"]
    assert dict(ris_records(ris(so))[0])["L1"] == "https://zoek.officielebekendmakingen.nl/kst-26150-187.pdf"
    assert [a["family"] for a in csl_item(bundled["2017-avvn72-inzet"])["author"]] == ["Koenders", "Ploumen"]


def test_names_split_into_given_and_family():
    assert name_parts("Sigrid A.M. Kaag") == ("Sigrid A.M.", "Kaag")
    assert name_parts("Ko van der Berg") == ("Ko", "van der Berg")
    assert name_parts("Blok") == ("", "Blok")


# --- the PDF of a PDF letter, and the site's address ---------------------------------------------

def test_a_pdf_letter_is_offered_as_pdf_and_as_its_text(tmp_path):
    letters_dir = tmp_path / "letters"
    letters_dir.mkdir()
    pdf = letters_dir / "2020-test.pdf"
    pdf.write_bytes(b"%PDF-1.4 test bytes\n")
    letter = _letter()
    letter.source = type(letter.source)(pdf, letter.source.text)
    assert download_links(letter)["pdf"] == "brieven/2020-test/2020-test.pdf"
    [copy] = pipeline.source_pdfs([letter], tmp_path)
    assert (copy.path, copy.text) == ("brieven/2020-test/2020-test.pdf", b"%PDF-1.4 test bytes\n")
    assert card_row(render_letter(letter).text, "Downloaden").startswith(
        '<a download="2020-test.pdf" href="2020-test.pdf">pdf</a> · '
        '<a download="2020-test.txt" href="2020-test.txt">tekst uit de pdf</a> · ')
    outside = tmp_path / "elders.pdf"                         # a link out of the letters folder is refused
    outside.write_bytes(b"%PDF geheim")
    pdf.unlink()
    os.symlink(outside, pdf)
    with pytest.raises(SourceError):
        pipeline.source_pdfs([letter], tmp_path)


def test_the_site_address_comes_from_mkdocs_yml(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nsite_url: https://example.org/vn/\nmarkdown_extensions:\n"
                      "  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
                      "extra:\n  key: !ENV [KEY, x]\n", encoding="utf-8")
    assert site_build.configured_site_url(config) == "https://example.org/vn/"
    config.write_text("site_name: x\n", encoding="utf-8")
    assert site_build.configured_site_url(config) == ""
    assert site_build.configured_site_url(REPO / "mkdocs.yml") == ""        # the project sets none
    [item] = json.loads(csl_json(_letter(), "https://example.org/vn/"))
    assert item["note"].endswith("VN-brieven: https://example.org/vn/brieven/2020-test/")
    assert item["URL"] == "https://example.org/vn/brieven/2020-test/"     # no official address: the page's
    assert dt.date(2020, 9, 18) == _letter().meta.date
