"""What only makes MkDocs faster (generator/mkdocs_ext/: leaninline.py, leanblocks.py and abbr.py's
marking): the HTML must be what Python-Markdown makes without it, and letter text stays text."""
from __future__ import annotations

import re

import markdown
import pytest

from conftest import markdown_from_mkdocs_yml
from generator.pages.markdown import escape_md


def without(name: str) -> markdown.Markdown:
    """mkdocs.yml's Markdown, without the extension generator.mkdocs_ext.`name`."""
    md = markdown_from_mkdocs_yml(leave_out=f"generator.mkdocs_ext.{name}")
    if name == "leaninline":
        assert type(md.treeprocessors["inline"]) is markdown.treeprocessors.InlineProcessor
    if name == "leanblocks":
        assert isinstance(md.parser.blockprocessors["admonition"].RE, re.Pattern)
    return md


# Every inline pattern, each in a page that also has or lacks the characters of the others.
SAMPLES = [
    "Platte tekst zonder iets.\n{ #p-1 data-regels=\"1-2\" }",
    "Een *nadruk*, **sterk**, _ook_ en __sterk__.",
    "Code `x < y` en \\*geen nadruk\\* en \\[geen link\\].",
    "Een [link](../landen/mali.md) en [een titel](https://example.org/ \"titel\").",
    "Een ![afbeelding](x.png \"t\") en een ![ref][img].\n\n[img]: https://example.org/y.png",
    "Een [ref][a], een [a] en [a][].\n\n[a]: https://example.org/a",
    "Geen definitie: [ref][a] en [a].",
    "Een <https://example.org/> en een <iemand@example.org>.",
    "Een regel  \nmet een harde regelovergang, en een\tandere\t\nmet een tab.",
    "Inline <span class=\"x\">html</span> en &amp; &lt; &#126; &copy; & losse.",
    "Voetnoot[^1] en nog een[^b].\n\n[^1]: Tekst met *nadruk* en <https://example.org/>.\n[^b]: B.",
    "<div class=\"vn-answer\" id=\"antwoord-1\" markdown=\"1\">\n**Antwoord 1**\n{ .vn-qa-label }\n\n"
    "Zie <https://example.org/x> en ![b](c.png) en `code`.\n\n</div>",
    "!!! info vn-meta \"Over *deze* brief\"\n\n    | A | B |\n    |---|---|\n    | `x` | [y](z.md) |",
    "??? note \"Weggelaten ([2](#x))\"\n\n    Tekst met <b>html</b>.",
    "## Kop met `code` en *nadruk* { #kop }\n\nDe AVVN en de SDG.\n\n*[AVVN]: Algemene Vergadering\n*[SDG]: doel",
]


@pytest.mark.parametrize("source", SAMPLES)
def test_lean_inline_gives_the_html_python_markdown_gives(source):
    assert markdown_from_mkdocs_yml().convert(source) == without("leaninline").convert(source)


def test_lean_inline_leaves_out_what_a_page_cannot_use():
    md = markdown_from_mkdocs_yml()
    inline = md.treeprocessors["inline"]

    def kept(source):
        return sorted(name for name in md.inlinePatterns._data
                      if md.inlinePatterns[name] in inline.patterns(source))
    assert kept("Een [link](x.md) en *nadruk*.") == ["em_strong", "link"]
    assert kept("<https://example.org/> \\") == ["autolink", "escape", "html"]
    md.references["b"] = ("https://example.org/", None)                # a reference definition
    assert kept("[a][b]") == ["link", "reference", "short_reference"]
    assert inline.patterns(None) == list(md.inlinePatterns)           # no source seen: all of them
    md.convert("Tekst.")
    assert inline.source is None and inline.inlinePatterns is md.inlinePatterns


LETTER = "Zie *dit* en _dat_, <b>vet</b>, [x](y), ![i](j.png), <https://e.org/>, <a@b.nl>, `c` &amp; a  \nb"


def test_letter_text_stays_literal():
    out = markdown_from_mkdocs_yml().convert(escape_md(LETTER))
    assert out == without("leaninline").convert(escape_md(LETTER))
    for tag in ("<em", "<strong", "<b>", "<a ", "<img", "<code", "<br"):
        assert tag not in out
    assert "Zie *dit* en _dat_, &lt;b&gt;vet&lt;/b&gt;, [x](y), ![i](j.png), &lt;https://e.org/&gt;, " \
           "&lt;a@b.nl&gt;, `c` &amp;amp; a\nb" in out


ABBR_PAGE = """## De AVVN en de SDG { #kop }

De AVVN, de SDG en weer de AVVN (AVVN); *de AVVN* en [de SDG](x.md) en de AVVN-zitting. Tot slot SDG.

- een punt met AVVN en **SDG en AVVN** en
  nog een regel met SDG
- AVVN

    - diep: SDG *AVVN* SDG

| AVVN | x |
|---|---|
| SDG en `AVVN` | AVVN [AVVN](y.md) AVVN |

<div class="vn-answer" markdown="1">
Antwoord over de AVVN en de SDG.
</div>

*[AVVN]: Algemene Vergadering
*[SDG]: doel
"""


def test_abbreviations_are_marked_as_upstream_marks_them(monkeypatch):
    from generator.mkdocs_ext.abbr import SiteAbbrTreeprocessor
    fast = markdown_from_mkdocs_yml().convert(ABBR_PAGE)
    assert fast.count("<abbr") == 24
    monkeypatch.setattr(SiteAbbrTreeprocessor, "mark", lambda self, root: self.iter_element(root))
    assert fast == markdown_from_mkdocs_yml().convert(ABBR_PAGE)


BLOCK_SAMPLES = [
    "Een alinea\n{ #p-1 data-regels=\"1-2\" }\n\nNog een, met # en > en | en !!! en ??? erin.",
    "!!! info vn-meta \"Over deze brief\"\n\n    | Gegeven | Waarde |\n    |---|---|\n    | Soort | x |\n\n"
    "    Meer tekst in de admonitie.\n\nNa de admonitie.",
    "!!! note\n    Direct eronder.\n\n- punt\n\n    !!! warning \"In een lijst\"\n\n        Tekst.",
    "??? note \"Weggelaten (2)\"\n\n    | Regel | Reden |\n    |---|---|\n    | 1 | kop |\n\n???+ info\n    Open.",
    "# Kop 1\n## Kop 2 ##\nTekst\n### Kop 3 { #k3 }\n\nKop\n===\n\nKop twee\n---\n\nGeen kop\n- streep",
    "> Een citaat\n> over twee regels\n\n   > ingesprongen\n\nTekst > geen citaat.",
    "Voetnoot[^1].\n\n[^1]: De tekst.\n    Vervolg.\n[^2]: Tweede.\n\nTekst met [^niet]: zo.",
    "De AVVN.\n\n*[AVVN]: Algemene Vergadering\n*[SDG]: doel\n\nTekst met *[geen]: definitie.",
    "[a] en [b][].\n\n[a]: https://example.org/a \"A\"\n[b]:\n    https://example.org/b\n\nTekst met [x]: y.",
    "| A | B |\n|---|:-:|\n| 1 | 2 |\n\nA | B\n--|--\n1 | 2\n\n| Een |\n| --- |\n| kolom |\n\n"
    "| Links\n| ---\n| alleen\n\nGeen | tabel\nop twee regels\n\nEen regel\n| met een pipe |",
    "Tekst\n   * * *\nmeer\n\n _ _ _\n\nTekst\n___\n\nGeen - - regel\n",
    "- a\n- b | c\n    | x | y |\n    |---|---|\n    | 1 | 2 |\n\n1. een\n2. twee\n\n***\n\n- - -",
]


@pytest.mark.parametrize("source", BLOCK_SAMPLES + SAMPLES)
def test_lean_blocks_gives_the_html_python_markdown_gives(source):
    assert markdown_from_mkdocs_yml().convert(source) == without("leanblocks").convert(source)


def test_lean_blocks_wraps_the_block_processors():
    processors = markdown_from_mkdocs_yml().parser.blockprocessors
    assert getattr(processors["table"].test, "lean", False)
    assert processors["admonition"].RE.search("Tekst met #.") is None
    assert processors["hr"].SEARCH_RE.search("Tekst met ***.") is None
    assert processors["hashheader"].RE.search("Tekst met #.\n# Kop") is not None
