"""generator/mkdocs_ext/scrolltables.py: every table in a named region the keyboard reaches (the
browser side is tests/test_phone_a11y.py)."""
from __future__ import annotations

import markdown

TABLE = "| a | b |\n|---|---|\n| 1 | 2 |\n"


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list", "md_in_html", "toc",
                                               "generator.mkdocs_ext.scrolltables"],
                             extension_configs={"toc": {"permalink": True}})


def test_a_table_is_wrapped_in_a_focusable_region_named_after_its_heading():
    html = render("## Brieven per jaar\n\nTekst.\n\n" + TABLE + "\nNa de tabel.\n")
    assert ('<div aria-label="Tabel: Brieven per jaar" class="vn-scroll" role="region" tabindex="0">'
            "<table>") in html
    assert "</table></div>\n<p>Na de tabel.</p>" in html
    assert html.count("<table>") == html.count('class="vn-scroll"') == 1


def test_a_table_before_any_heading_and_one_inside_a_block():
    html = render(TABLE + '\n<div class="vn-meta" markdown>\n\n### Over *deze* brief { #over }\n\n' + TABLE
                  + "\n</div>\n")
    assert html.count('class="vn-scroll"') == 2
    assert 'aria-label="Tabel"' in html
    assert 'aria-label="Tabel: Over deze brief"' in html           # the heading's text, without its ¶


def test_a_page_without_tables_is_left_as_it_is():
    text = "## Kop\n\nEen alinea.\n"
    assert render(text) == markdown.markdown(text, extensions=["toc"], extension_configs={"toc": {"permalink": True}})
