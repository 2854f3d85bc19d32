"""Abbreviations: the glossary file, the abbr extension, the glossary page."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.pages.glossary import render_glossary, with_abbreviations
from generator.errors import SourceError
from generator.glossary import Abbreviation, Glossary, build_glossary, definitions, keys_in
from generator.knowledge.yamlfile import parse_knowledge_yaml
from generator.read import read_glossary
from generator.model import OutputPage

REPO = Path(__file__).resolve().parents[1]


def load(text: str) -> Glossary:
    path = Path("content/knowledge/glossary.yml")
    data, lines = parse_knowledge_yaml(path, text)
    return build_glossary(data, path, lines)


def test_the_real_glossary_has_the_abbreviations_of_the_letters():
    glossary = build_glossary(*read_glossary(REPO / "content"))
    by_key = {a.key: a for a in glossary.abbreviations}
    for key in ("AVVN", "VNVR", "SGVN", "OCHA", "UNHCR", "WHO", "SDG", "NAP", "ICC", "OPCW", "NPV", "PvdA", "D66"):
        assert key in by_key, key
    assert by_key["AVVN"].title == "Algemene Vergadering van de Verenigde Naties (United Nations General Assembly)"
    assert by_key["EU"].title == "Europese Unie"
    assert "VN" not in by_key                        # mostly glued to a hyphen, and in the site's name
    assert [a.key.lower() for a in glossary.sorted()] == sorted(a.key.lower() for a in glossary.abbreviations)


@pytest.mark.parametrize("text, line, words", [
    ("AVVN:\n  nl: Algemene Vergadering\n  eng: General Assembly\n", 3, "unknown field 'eng' (did you mean 'en'?)"),
    ("AVVN:\n  en: General Assembly\n", 1, "'nl' is missing or empty"),
    ("AVVN:\n  nl: ''\n", 2, "'nl' is missing or empty"),
    ("AVVN:\n  nl: Algemene Vergadering\nWHO:\n  nl: [een lijst]\n", 4, "'nl' is missing or empty"),
    ("Raad:\n  nl: Veiligheidsraad\n", 1, "'Raad' is not an abbreviation"),
    ("avvn:\n  nl: Algemene Vergadering\n", 1, "'avvn' is not an abbreviation"),
    ("AVVN: Algemene Vergadering\n", 1, "the entry must be a list"),
    ("- AVVN\n", None, "must consist of 'ABBREVIATION:' entries"),
])
def test_mistakes_name_the_file_the_line_and_the_abbreviation(text, line, words):
    with pytest.raises(SourceError) as caught:
        load(text)
    assert caught.value.line == line and words in caught.value.message
    assert str(caught.value).startswith("content/knowledge/glossary.yml") and caught.value.hint


def test_an_abbreviation_written_twice_is_an_error_with_both_lines():
    with pytest.raises(SourceError, match=r"lines 1 and 3"):
        load("WHO:\n  nl: Wereldgezondheidsorganisatie\nWHO:\n  nl: iets anders\n")


def test_no_file_means_no_abbreviations(tmp_path):
    assert build_glossary(*read_glossary(tmp_path)).abbreviations == ()


GLOSSARY = Glossary((Abbreviation("AVVN", "Algemene Vergadering van de Verenigde Naties"),
                     Abbreviation("SDG", "duurzaam ontwikkelingsdoel", "Sustainable Development Goal"),
                     Abbreviation("PvdA", "Partij van de Arbeid")))


def test_abbreviations_are_marked_alone_but_not_in_a_compound(to_html):
    text = ("De AVVN-zitting en de VN-AVVN. De AVVN (AVVN) en de SDG's; de PvdA-fractie en de PvdA.\n\n"
            + definitions(GLOSSARY) + "\n")
    out = to_html(text)
    abbrs = re.findall(r"<abbr[^>]*>([^<]*)</abbr>", out)
    assert abbrs == ["AVVN", "AVVN", "SDG", "PvdA"]
    assert "AVVN-zitting" in out and "PvdA-fractie" in out and "VN-AVVN" in out
    assert "*[" not in out                                            # the definitions are not shown
    assert re.sub(r"<[^>]+>", "", out) == ("De AVVN-zitting en de VN-AVVN. De AVVN (AVVN) en de SDG's; "
                                          "de PvdA-fractie en de PvdA.")


def test_only_the_first_of_each_abbreviation_takes_the_keyboard_focus(to_html):
    out = to_html("## De AVVN\n\nDe AVVN, de SDG en weer de AVVN en de SDG.\n\n" + definitions(GLOSSARY))
    tags = re.findall(r"<abbr[^>]*>[^<]*</abbr>", out)
    assert tags[0] == ('<abbr tabindex="0" title="Algemene Vergadering van de Verenigde Naties">AVVN</abbr>')
    assert [("tabindex" in t, t.endswith("AVVN</abbr>")) for t in tags] == [
        (True, True), (False, True), (True, False), (False, True), (False, False)]
    assert 'title="duurzaam ontwikkelingsdoel (Sustainable Development Goal)"' in out


def test_code_and_links_keep_their_text_and_a_link_has_no_tab_stop_inside(to_html):
    out = to_html("Zie `AVVN` en [de AVVN](https://example.org/), dan de AVVN.\n\n" + definitions(GLOSSARY))
    assert "<code>AVVN</code>" in out
    assert '<a href="https://example.org/">de <abbr title="Algemene Vergadering van de Verenigde Naties">AVVN</abbr></a>' \
        in out
    assert 'dan de <abbr tabindex="0" title=' in out                   # the first outside a link


def test_every_markdown_page_but_the_glossary_gets_the_definitions_it_uses():
    pages = [OutputPage("index.md", "Welkom bij de AVVN en de PvdA.\n"), OutputPage("data/letters.json", "[]\n"),
             OutputPage("over.md", "Niets afgekort.\n"), render_glossary(GLOSSARY)]
    out = {p.path: p.text for p in with_abbreviations(pages, GLOSSARY)}
    used = Glossary(tuple(a for a in GLOSSARY.abbreviations if a.key != "SDG"))
    assert out["index.md"] == "Welkom bij de AVVN en de PvdA.\n\n" + definitions(used) + "\n"
    assert out["over.md"] == "Niets afgekort.\n"
    assert out["data/letters.json"] == "[]\n"
    assert "*[" not in out["woordenlijst.md"]
    assert with_abbreviations(pages, Glossary()) == pages


@pytest.mark.parametrize("text", [
    "", "Niets afgekort.", "de AVVN en de VN", "AVVNV", "VNVR", "AVVNVR", "xVNV", "NVNVNV", "EUNDP", "UNDPEU",
    "PvdAVVN", "SGVNVR en SG", "D66D6", "a.E.U", "AVV\0VN", "EUNVVNVRAVVNVV"])
def test_keys_in_finds_exactly_the_keys_the_text_holds_also_where_they_overlap(text):
    # keys that overlap each other and are prefixes, suffixes or inside one another
    keys = ("AVVN", "VN", "NV", "VNVR", "VR", "SGVN", "SG", "EU", "UNDP", "DP", "PvdA", "D66", "D6", "VV")
    assert keys_in(text, keys) == {k for k in keys if k in text}
    assert keys_in(text, keys + ("",)) == {k for k in keys if k in text} | {""}
    assert keys_in(text, ()) == set()


def test_glossary_page_lists_them_alphabetically_escaped(to_html):
    glossary = Glossary((Abbreviation("WHO", "Wereldgezondheidsorganisatie", "World Health Organization"),
                         Abbreviation("AVVN", "Algemene Vergadering <b>*x*</b>")))
    page = render_glossary(glossary)
    assert page.path == "woordenlijst.md"
    body = to_html(page.text.split("---\n", 2)[2])
    assert body.index("AVVN") < body.index("WHO")
    assert "<b>" not in body and "&lt;b&gt;*x*&lt;/b&gt;" in body
    assert "<td>World Health Organization</td>" in body
    assert "nog geen afkortingen" in render_glossary(Glossary()).text


def test_a_theme_chip_keeps_its_name_in_one_piece(to_html):
    """Material lays a chip (.md-tag) out as a flex box with a gap between its items: an <abbr> in it
    showed "Duurzame ontwikkeling ( SDG 's)". Other links and the text after the chip are marked."""
    out = to_html("[Duurzame ontwikkeling (SDG's)](x.md){ .md-tag } [de SDG's](y.md) en de SDG.\n"
                  "{ .md-tags }\n\n" + definitions(GLOSSARY))
    assert '<a class="md-tag" href="x.md">Duurzame ontwikkeling (SDG\'s)</a>' in out
    assert '<a href="y.md">de <abbr title=' in out and 'en de <abbr tabindex="0" title=' in out
