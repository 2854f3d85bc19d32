"""Abbreviations: Python-Markdown's `abbr` extension with two changes for this site.

- An abbreviation glued to a hyphen or a word character is left alone: "AVVN-zitting" and
  "VN-missie" stay one word (of the page's text, and of sitecheck's word count), while "AVVN",
  "(AVVN)" and "SDG's" are marked.
- A theme chip (`{ .md-tag }`, the themes at the top of a letter) is left alone. Material lays a
  chip out as a flex box with a gap between its items (`.md-tag { display: inline-flex; gap: .5em }`):
  an <abbr> inside would be an item of its own, and "Duurzame ontwikkeling (SDG's)" would read
  "Duurzame ontwikkeling ( SDG 's)" on the screen and in the link's accessible name.
- The first <abbr> of each abbreviation on a page gets tabindex="0", so a keyboard user can reach
  it and Material's tooltip (feature content.tooltips) shows the expansion on focus as it does
  on hover; the later ones keep the title (hover) without adding tab stops. One inside a link is
  not counted: it would be a second tab stop within the link.

The definitions (`*[AVVN]: ...`) come from content/knowledge/glossary.yml; the generator appends
them to every page (generator/glossary.py).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor
from markdown.util import AtomicString

CONTROLS = ("a", "button", "label", "summary", "select", "textarea")
UNMARKED = "md-tag"             # the class of an element whose text gets no <abbr> (a flex box)


class SiteAbbrTreeprocessor(AbbrTreeprocessor):
    def run(self, root: etree.Element) -> None:
        if not self.abbrs:
            return
        keys = sorted(self.abbrs, key=len, reverse=True)
        self.RE = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, keys)) + r")(?![\w-])")
        self.mark(root)
        seen: set[str] = set()
        for el in _outside_controls(root):
            if el.tag == "abbr" and el.text not in seen:
                seen.add(el.text)
                el.set("tabindex", "0")

    def mark(self, root: etree.Element) -> None:
        """What the upstream `iter_element` does, without its recursion and without looking up
        each element's position in its parent: every text and tail (not the root's tail) gets an
        <abbr> per abbreviation with a title; the new elements are not visited again. The text
        inside a chip (UNMARKED) is left as it is; a chip's tail is outside it and is marked."""
        split, search = self.split, self.RE.search
        unmarked = {id(e) for chip in root.iter() if (c := chip.get("class")) and UNMARKED in c.split()
                    for e in chip.iter()}
        for el in list(root.iter()):
            if unmarked and id(el) in unmarked:             # its text and its children's tails
                continue
            children = list(el)
            for i in range(len(children) - 1, -1, -1):      # backwards: indices stay valid
                child = children[i]
                tail = child.tail
                if tail and search(tail) and not isinstance(tail, AtomicString) and (found := split(tail)):
                    child.tail, abbrs = found
                    el[i + 1:i + 1] = abbrs
            text = el.text
            if text and search(text) and not isinstance(text, AtomicString) and (found := split(text)):
                el.text, abbrs = found
                el[0:0] = abbrs

    def split(self, text: str) -> tuple[str, list[etree.Element]] | None:
        """`text` -> (the text before the first abbreviation, its <abbr> elements with the text
        after each as tail), or None if it has none."""
        titles = self.abbrs
        matches = [m for m in self.RE.finditer(text) if titles[m.group(0)]]
        if not matches:
            return None
        ends = [m.start() for m in matches[1:]] + [len(text)]
        return text[:matches[0].start()], [
            self.create_element(titles[m.group(0)], m.group(0), text[m.end():end])
            for m, end in zip(matches, ends)]


def _outside_controls(el: etree.Element):
    """The elements in document order, leaving out what is inside a link or another control:
    an abbreviation there is reached with that control, not as a tab stop of its own."""
    for child in el:
        yield child
        if child.tag not in CONTROLS:
            yield from _outside_controls(child)


class SiteAbbrExtension(AbbrExtension):
    def extendMarkdown(self, md) -> None:
        super().extendMarkdown(md)
        md.treeprocessors.register(SiteAbbrTreeprocessor(md, self.abbrs), "abbr", 7)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's entry point
    return SiteAbbrExtension(**kwargs)
