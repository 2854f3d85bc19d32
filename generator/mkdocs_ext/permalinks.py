"""A permalink (¶) at the end of every paragraph, question and answer of a letter page.

Letter pages give these blocks stable ids (p-12, vraag-51, antwoord-51; see generator/parse). This
treeprocessor appends `<a class="vn-permalink" href="#p-12" data-label="alinea 12">¶</a>` (with
`data-page="3"` when the block carries the printed page it starts on) to the block's last paragraph, as the toc extension does for headings: a reader can copy the link to one
paragraph without any JavaScript. The site's script (overrides/assets/javascripts/vn-brieven.js)
adds a "citeer" button beside it that uses data-label. The Markdown source stays as rendered.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ANCHOR = re.compile(r"^(p|vraag|antwoord)-([0-9A-Za-z]+)$")
WORDS = {"p": "alinea", "vraag": "vraag", "antwoord": "antwoord"}
SKIP = ("vn-qa-label",)                     # the label of a question/answer


def label(anchor: str) -> str:
    """'p-12' -> 'alinea 12', 'antwoord-51' -> 'antwoord 51', anything else -> ''."""
    m = ANCHOR.match(anchor)
    return f"{WORDS[m.group(1)]} {m.group(2)}" if m else ""


class PermalinkTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for el in list(root.iter()):
            anchor = el.get("id", "")
            if el.tag in ("p", "li", "div") and (text := label(anchor)):
                append_link(target(el), anchor, text, el.get("data-page", ""))


def target(el: etree.Element) -> etree.Element:
    """Where the link goes: the block itself, or the last paragraph of a list item or answer
    (not its label or themes line)."""
    if el.tag == "p":
        return el
    paragraphs = [c for c in el if c.tag == "p" and not set((c.get("class") or "").split()) & set(SKIP)]
    if paragraphs:
        return paragraphs[-1]
    return el if el.tag == "li" else next((c for c in el if c.tag == "p"), el)


def append_link(parent: etree.Element, anchor: str, text: str, page: str = "") -> None:
    attrib = {"class": "vn-permalink", "href": f"#{anchor}", "data-label": text,
              "title": f"Vaste link naar {text}", "aria-label": f"Vaste link naar {text}"}
    if page.isdigit():
        attrib["data-page"] = page          # the printed page the block starts on: "citeer" names it
    link = etree.SubElement(parent, "a", attrib)
    link.text = "¶"
    before = list(parent)[-2] if len(parent) > 1 else None
    if before is not None:
        before.tail = (before.tail or "").rstrip() + " "
    else:
        parent.text = (parent.text or "").rstrip() + " "


class PermalinkExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(PermalinkTreeprocessor(md), "vn_permalinks", 6)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's entry point
    return PermalinkExtension(**kwargs)
