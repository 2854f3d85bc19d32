"""Inline processing that skips the inline patterns a page cannot use.

Python-Markdown tries every inline pattern (15 with this site's extensions) on every piece of
text of a page, and looks each one up in a sorted Registry on every try: most of MkDocs' time for
a page. Most patterns need a character the page does not have at all (an image needs "![", an
autolink "<", a code span "`", a line break a space before a newline), and the reference patterns
do nothing when the page defines no references ("[id]: url"). This extension replaces the
`inline` treeprocessor with one that, per page, leaves out exactly those patterns and walks a
plain list: the output is the same, only cheaper. Patterns it does not know are always kept.

The test is on the page's whole source after whitespace normalisation (a preprocessor records
it before the HTML blocks are stashed), so it also covers text inside `markdown="1"` blocks and
footnotes; text the parser makes from the source never has a character the source lacks.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import InlineProcessor

# Pattern name -> what a match needs: one of these alternatives, each a set of strings that must
# all be in the source (Python-Markdown's own patterns and footnotes'). A reference pattern also
# needs a reference definition.
NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "backtick": (("`",),),
    "escape": (("\\",),),
    "footnote": (("[^",),),
    "reference": (("[",),),
    "link": (("[",),),
    "image_link": (("![",),),
    "image_reference": (("![",),),
    "short_reference": (("[",),),
    "short_image_ref": (("![",),),
    "autolink": (("<", "://"),),            # <https://…>
    "automail": (("<", "@"),),              # <name@host>
    "linebreak": ((" \n",),),                # two spaces and a newline; one space is enough here
    "html": (("<",),),
    "entity": (("&",),),
    "em_strong": (("*",), ("_",)),
    "em_strong2": (("_",),),
    "not_strong": (("*",), ("_",)),
    "strong_em": (("*",), ("_",)),
}
REFERENCES = {"reference", "image_reference", "short_reference", "short_image_ref"}


class SourcePreprocessor(Preprocessor):
    """Keeps the page's source (after normalize_whitespace) for LeanInlineProcessor."""

    def __init__(self, md, inline: LeanInlineProcessor):
        super().__init__(md)
        self.inline = inline

    def run(self, lines: list[str]) -> list[str]:
        self.inline.source = "\n".join(lines)
        return lines


class LeanInlineProcessor(InlineProcessor):
    source: str | None = None

    def run(self, tree: etree.Element, ancestors: list[str] | None = None) -> etree.Element:
        self.inlinePatterns = self.patterns(self.source)
        try:
            return super().run(tree, ancestors)
        finally:
            # Used up: a later run that the preprocessor did not see (another document, or a
            # subtree an extension processes) tries every pattern.
            self.source = None
            self.inlinePatterns = self.md.inlinePatterns

    def patterns(self, source: str | None) -> list:
        """The inline patterns in their order, without those that cannot match `source`."""
        registry = self.md.inlinePatterns
        if source is None:                   # run without the preprocessor: keep them all
            return list(registry)
        registry._sort()                      # by priority, as iterating the registry would
        kept = []
        for item in registry._priority:        # (name, priority) pairs
            needs = NEEDS.get(item.name)
            if needs is not None:
                if not any(all(s in source for s in strings) for strings in needs):
                    continue
                if item.name in REFERENCES and not self.md.references:
                    continue
            kept.append(registry[item.name])
        return kept


class LeanInlineExtension(Extension):
    def extendMarkdown(self, md) -> None:
        inline = LeanInlineProcessor(md)
        md.treeprocessors.register(inline, "inline", 20)
        md.preprocessors.register(SourcePreprocessor(md, inline), "vn_source", 25)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's entry point
    return LeanInlineExtension(**kwargs)
