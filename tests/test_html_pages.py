"""A letter page is HTML the generator writes itself (issue 19: pages/html.py, letter.html.j2,
mkdocs_ext/rawhtml.py). What a reader gets must not depend on that: the same page with or without
the rawhtml extension (Zensical, a plain `mkdocs build`), anchors MkDocs can check, abbreviations
marked as the abbr extension marks them, links with the addresses MkDocs gives pages, and letter
text that stays text."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.structure.pages import _RawHTMLPreprocessor

from conftest import REPO, markdown_from_mkdocs_yml
from generator import pipeline
from generator.config import Settings
from generator.glossary import Abbreviation, Glossary
from generator.mkdocs_ext.rawhtml import MARKER, MKDOCS_ANCHORS, RawHtmlExtension
from generator.pages import html
from generator.pages.letter import render_letter
from test_render import _letter


@pytest.fixture(scope="module")
def bundled_pages():
    """The five bundled letters' pages, as the pipeline renders them (index, glossary)."""
    settings = Settings(content_dir=REPO / "content")
    knowledge = pipeline.load_knowledge(settings)
    taxonomy = pipeline.load_taxonomy(settings)
    glossary = pipeline.load_glossary(settings)
    letters = pipeline.load_letters(settings, knowledge=knowledge, taxonomy=taxonomy, glossary=glossary)
    from generator.index import build_index
    index = build_index(letters, knowledge, taxonomy)
    return {l.id: render_letter(l, index, glossary).text for l in letters}


def body(page: str) -> str:
    return page.split("---\n", 2)[2]


def normal(out: str) -> str:
    """HTML with the rawhtml markers and the whitespace between tags taken out."""
    return re.sub(r">\s+<", "><", out.replace(MARKER, "")).strip()


def test_the_page_is_the_same_without_the_rawhtml_extension(bundled_pages):
    """The extension only skips parsing the generator's HTML; Python-Markdown's own raw HTML
    handling (Zensical, plain MkDocs) gives the same page."""
    for letter_id, page in bundled_pages.items():
        fast = markdown_from_mkdocs_yml().convert(body(page))
        plain = markdown_from_mkdocs_yml(leave_out="generator.mkdocs_ext.rawhtml").convert(body(page))
        assert MARKER in plain and MARKER not in fast
        assert normal(fast) == normal(plain), letter_id


def test_every_html_part_is_one_block_without_blank_lines(bundled_pages):
    """A part runs from the marker to the first blank line: one there would leave the rest to
    Python-Markdown (as Markdown: slower, and a paragraph could become a code block)."""
    for page in bundled_pages.values():
        text = body(page)
        parts = text.split(MARKER + "\n")[1:]
        assert len(parts) >= 3
        for part in parts:
            html_part, _, rest = part.partition("\n\n")
            if part.startswith("\n"):                  # a heading right after a heading: an empty part
                html_part, rest = "", part
            markdown_lines = [l for l in rest.split("\n") if l.strip()]
            # what follows a part up to the next marker: headings only
            assert all(l.startswith("#") for l in markdown_lines), markdown_lines[:3]
            assert html_part == "" or html_part.startswith("<")


def test_mkdocs_knows_the_anchors_of_the_stashed_html():
    """MkDocs' link validation reads raw HTML's ids in its preprocessor mkdocs_raw_html; the
    extension adds those of the parts it stashed (this is what it relies on in MkDocs)."""
    import markdown
    md = markdown.Markdown(extensions=["attr_list", RawHtmlExtension()])
    mkdocs_anchors = _RawHTMLPreprocessor()
    mkdocs_anchors._register(md)
    assert MKDOCS_ANCHORS in md.preprocessors
    md.convert(f"## Kop {{ #kop }}\n\n{MARKER}\n<p id=\"p-1\">Een.</p>\n<div class=\"x\" id=\"vraag-2\">\n"
               f"<p>Twee.</p>\n</div>\n")
    assert {"p-1", "vraag-2"} <= mkdocs_anchors.present_anchor_ids


def test_letter_text_stays_text_even_where_it_looks_like_the_stash_or_the_marker():
    letter = _letter()
    letter.blocks[1].text = f"{MARKER}\n\x02wzxhzdk:0\x03 <b>vet</b> & {{{{ x }}}}"
    letter.blocks[1].footnote_refs = []
    page = render_letter(letter).text
    out = markdown_from_mkdocs_yml().convert(body(page))
    assert "&lt;!-- vn:html --&gt;" in out and "wzxhzdk:0 &lt;b&gt;vet&lt;/b&gt; &amp; {{ x }}" in out
    assert "\x02" not in page and "<b>" not in out


GLOSSARY = Glossary((Abbreviation("AVVN", "Algemene Vergadering"), Abbreviation("SDG", "duurzaamheidsdoel"),
                     Abbreviation("SDGs", "de doelen")))


def test_abbreviations_are_marked_as_the_abbr_extension_marks_them():
    mark = html.Abbreviations(GLOSSARY).mark
    out = mark('<p class="md-tags"><a class="md-tag" href="x">Doelen (SDG)</a></p>\n'
               '<p>De <a href="y">AVVN</a> en de AVVN-zitting; AVVN, SDG&#39;s en SDGs. AVVN.</p>\n'
               '<details><summary>SDG</summary><p>SDG</p></details>')
    assert '<a class="md-tag" href="x">Doelen (SDG)</a>' in out                      # a chip: left alone
    assert '<a href="y"><abbr title="Algemene Vergadering">AVVN</abbr></a>' in out    # in a link: no tab stop
    assert "AVVN-zitting" in out and "AVVN</abbr>-zitting" not in out               # glued to a hyphen
    assert out.count('tabindex="0"') == 3                                           # AVVN, SDG, SDGs once each
    assert '; <abbr tabindex="0" title="Algemene Vergadering">AVVN</abbr>, <abbr tabindex="0" ' in out
    assert '<abbr tabindex="0" title="de doelen">SDGs</abbr>' in out                # the longest key wins
    assert "<summary><abbr title=\"duurzaamheidsdoel\">SDG</abbr></summary>" in out   # a control: no tab stop


def test_abbreviations_on_a_letter_page_match_the_ones_mkdocs_marked_before(bundled_pages):
    """Headings are Markdown: their abbreviations are raw inline HTML there, and the page gets no
    definitions (the abbr extension would mark them a second time)."""
    page = bundled_pages["2017-avvn72-inzet"]
    assert "\n*[AVVN]:" not in page
    assert re.search(r'^### Duurzame ontwikkeling \(<abbr tabindex="0" title="[^"]+">SDG</abbr>’s', page, re.M)
    out = markdown_from_mkdocs_yml().convert(body(page))
    assert "<abbr" not in re.sub(r"<abbr [^>]*>[A-Za-z0-9]+</abbr>", "", out)      # none nested, none broken


@pytest.mark.parametrize("page, to, expected", [
    ("brieven/x.md", "themas/klimaat.md", "../../themas/klimaat/"),
    ("brieven/x.md", "brieven/y.md", "../y/"),
    ("brieven/x.md", "brieven/x/x.bib", "x.bib"),
    ("brieven/x.md", "schriftelijk-overleg/x/index.md", "../../schriftelijk-overleg/x/"),
    ("brieven/x.md", "over-deze-site.md#themas", "../../over-deze-site/#themas"),
    ("brieven/x.md", "#vn-themas", "#vn-themas"),
])
def test_links_have_the_addresses_mkdocs_gives_the_pages(page, to, expected):
    assert html.href(page, to) == expected


def test_mkdocs_yml_keeps_directory_urls():
    """html.href writes the addresses of use_directory_urls (MkDocs' default)."""
    import yaml
    config = yaml.safe_load(Path(REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    assert config.get("use_directory_urls", True) is True
