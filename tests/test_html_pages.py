"""A letter page, and a page of an entity's mentions or a theme's passages, is HTML the generator
writes itself (issue 19: pages/html.py, letter.html.j2, entity.html.j2, theme.html.j2,
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
from generator.pages.entities import render_entities
from generator.pages.letter import render_letter
from generator.pages.themes import render_themes
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
    pages = {l.id: render_letter(l, index, glossary).text for l in letters}
    # the lists of entities and themes over pages of 3 items: pagers, letters continued on the next page
    lists = render_entities(index, 3, glossary) + render_themes(index, 3, glossary)
    pages.update({p.path: p.text for p in lists if p.abbreviations})
    return pages


def test_the_bundled_letters_make_entity_and_theme_pages_of_every_shape(bundled_pages):
    """The pages the tests below read have what the templates can write: facts of every kind of
    entity, several pages with a pager, a letter continued, an indirect mention, a theme's
    loose and tight lists."""
    pages = "\n".join(bundled_pages.values())
    for shown in ("Over deze resolutie", "Over deze missie", "Over dit VN-orgaan", "Over dit land",
                  "Over dit Kamerstuk", 'class="vn-pager"', "(vervolg) { #brief-", "<em>(indirect)</em>",
                  "<li>\n<p>", 'class="vn-years"', "Vaak genoemd", "Verwante thema"):
        assert shown in pages, shown


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
        assert len(parts) >= 1
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


@pytest.mark.parametrize("page, relative, expected", [
    ("landen/mali.md", "mali/2.md", "2/"),                       # paging.paged_href, page 1 -> 2
    ("landen/mali/2.md", "../mali.md#jaar-2019", "../#jaar-2019"),
    ("landen/mali/2.md", "3.md", "../3/"),
    ("landen/mali/2.md", "#jaar-2008", "#jaar-2008"),
    ("themas/klimaat/12.md", "../klimaat.md", "../"),
])
def test_links_relative_to_a_pages_markdown_get_mkdocs_addresses(page, relative, expected):
    assert html.href_relative(page, relative) == expected


def test_mention_text_on_an_entity_page_stays_text():
    """A mention's sentence is letter text: escaped on the entity page, nothing of it markup."""
    from generator.model import Block, Letter, Meta, Mention, Source, Span
    from generator.pages.labels import mention_html
    text = "De <b>Raad</b> & {{ x }} sprak\nover *Mali* [x](y)."
    letter = Letter("a", Source(Path("a.txt"), text), Meta(), [Block("paragraph", text, Span(1, 2))], [], [])
    start = text.index("Mali")
    out = mention_html(Mention("a", "a.txt", "country", "ML", True, 1, "p-1", "Mali", start, start + 4, 0), {"a": letter})
    assert out == "De &lt;b&gt;Raad&lt;/b&gt; &amp; {{ x }} sprak over *<strong>Mali</strong>* [x](y)."


def test_mkdocs_yml_keeps_directory_urls():
    """html.href writes the addresses of use_directory_urls (MkDocs' default)."""
    import yaml
    config = yaml.safe_load(Path(REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    assert config.get("use_directory_urls", True) is True


@pytest.mark.parametrize("label, shown", [("51. Antwoord van het kabinet:", "51. Antwoord van het kabinet:"),
                                          ("", "Antwoord 51")])
def test_an_answer_without_text_keeps_its_permalink_where_the_permalinks_extension_put_it(label, shown):
    """The ¶ goes after the answer's last paragraph; an answer with only its label gets it after
    the label (mkdocs_ext/permalinks.py target), not in an empty paragraph of its own."""
    letter = _letter()
    answer = next(b for b in letter.blocks if b.kind == "answer")
    answer.text, answer.label = "", label
    out = markdown_from_mkdocs_yml().convert(body(render_letter(letter).text))
    box = re.search(r'<div class="vn-answer"[^>]*id="antwoord-51">\n(.*?)</div>', out, re.S).group(1)
    assert re.fullmatch(rf'<p class="vn-qa-label"><a href="#antwoord-51"><strong>{re.escape(shown)}</strong></a> '
                        r'<a aria-label="Vaste link naar antwoord 51" class="vn-permalink"[^>]*>¶</a></p>\n', box), box
