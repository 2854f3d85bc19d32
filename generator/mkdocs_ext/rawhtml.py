"""HTML the generator wrote itself, passed through Python-Markdown unread.

A letter page, and a page of an entity's mentions or a theme's passages, is HTML the generator
renders from its document model (generator/pages/html.py, templates letter.html.j2, entity.html.j2,
theme.html.j2), with its headings as Markdown so MkDocs makes the table of contents.
Each HTML part starts with the line MARKER and runs to the next blank line. This preprocessor
puts each part in Python-Markdown's HTML stash as it is, as the `html_block` preprocessor does
with raw HTML, but without parsing it: at 2,000 letters that parse (Python's html.parser over
every page) cost about as much as converting the text as Markdown did.

MkDocs collects the anchors of a page's raw HTML for its link validation by parsing the page's
Markdown with html.parser (preprocessor `mkdocs_raw_html`, before `html_block`), which would find
none in the stash. So the ids of the stashed parts (found with one regular expression: the
generator writes every id as id="...") are added to what that preprocessor found, right after it
ran (`AnchorsPreprocessor`). tests/test_mkdocs_contract.py fails when a new MkDocs no longer works
this way; then every link to a paragraph of a letter would warn, and the strict build fail.

Only a speed-up: without this extension (plain `mkdocs build`, Zensical) Python-Markdown reads the
same parts as raw HTML blocks and the page shows the same (tests/test_rawhtml.py); the marker
stays in the page as an HTML comment.
"""
from __future__ import annotations

import re

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

MARKER = "<!-- vn:html -->"
MKDOCS_ANCHORS = "mkdocs_raw_html"          # MkDocs' preprocessor that collects raw HTML's anchors
_ID = re.compile(r'<[a-zA-Z][^>]*?\sid="([^"]+)"')


class RawHtmlPreprocessor(Preprocessor):
    def __init__(self, md) -> None:
        super().__init__(md)
        self.ids: set[str] = set()

    def run(self, lines: list[str]) -> list[str]:
        self.ids = set()
        if MARKER not in lines:
            return lines
        out: list[str] = []
        i, n = 0, len(lines)
        while i < n:
            line = lines[i]
            if line != MARKER:
                out.append(line)
                i += 1
                continue
            end = i + 1
            while end < n and lines[end].strip():
                end += 1
            if end > i + 1:
                html = "\n".join(lines[i + 1:end])
                self.ids.update(_ID.findall(html))
                out += ["", self.md.htmlStash.store(html), ""]
            i = end
        return out


class AnchorsPreprocessor(Preprocessor):
    """The stashed parts' ids, added to those MkDocs found in the page's raw HTML."""

    def __init__(self, md, stash: RawHtmlPreprocessor) -> None:
        super().__init__(md)
        self.stash = stash

    def run(self, lines: list[str]) -> list[str]:
        if self.stash.ids and MKDOCS_ANCHORS in self.md.preprocessors:
            self.md.preprocessors[MKDOCS_ANCHORS].present_anchor_ids |= self.stash.ids
        return lines


class RawHtmlExtension(Extension):
    def extendMarkdown(self, md) -> None:
        # after normalize_whitespace (30), before MkDocs' mkdocs_raw_html (21) and html_block (20)
        stash = RawHtmlPreprocessor(md)
        md.preprocessors.register(stash, "vn_rawhtml", 25)
        md.preprocessors.register(AnchorsPreprocessor(md, stash), "vn_rawhtml_anchors", 20.5)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's entry point
    return RawHtmlExtension(**kwargs)
