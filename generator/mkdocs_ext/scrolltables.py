"""Every table of a page in a scroll area a keyboard can reach.

A table wider than a phone (the letters overview, the timeline's themes x years) scrolls sideways
inside its own box, never the page. A keyboard user can only scroll a box that can take the
focus, so each table is wrapped, in the page's HTML (no JavaScript needed), as

    <div class="vn-scroll" role="region" tabindex="0" aria-label="Tabel: Brieven per jaar">
      <table>…</table>
    </div>

the pattern of axe-core's rule scrollable-region-focusable and of A. Roselli's "Under-Engineered
Responsive Tables": a named region in the tab order. The name is the text of the heading the
table stands under ("Tabel" alone before the first heading). Material's script later puts its own
wrapper (.md-typeset__scrollwrap) inside this one; assets/stylesheets/vn-brieven.css keeps that
one from scrolling, so there is one scroll area per table.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
SKIP_CLASSES = {"headerlink", "vn-permalink"}      # the ¶ after a heading is not part of its name


def heading_text(el: etree.Element) -> str:
    parts: list[str] = [el.text or ""]
    for child in el:
        if not SKIP_CLASSES & set((child.get("class") or "").split()):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


class ScrollTableTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        if next(root.iter("table"), None) is None:          # most letter pages: nothing to do
            return
        heading = ""
        wraps: list[tuple[etree.Element, etree.Element, str]] = []
        parents = {child: parent for parent in root.iter() for child in parent}
        for el in root.iter():                               # document order
            if el.tag in HEADINGS:
                heading = heading_text(el)
            elif el.tag == "table" and el in parents:
                wraps.append((parents[el], el, heading))
        for parent, table, name in wraps:
            i = list(parent).index(table)
            box = etree.Element("div", {"class": "vn-scroll", "role": "region", "tabindex": "0",
                                        "aria-label": f"Tabel: {name}" if name else "Tabel"})
            parent.remove(table)
            box.append(table)
            box.tail, table.tail = table.tail, None
            parent.insert(i, box)


class ScrollTableExtension(Extension):
    def extendMarkdown(self, md) -> None:
        # after toc (5) and the permalinks (6): headings have their ¶ by then, and are named without it
        md.treeprocessors.register(ScrollTableTreeprocessor(md), "vn_scrolltables", 4)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's entry point
    return ScrollTableExtension(**kwargs)
