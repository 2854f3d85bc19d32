"""Block parsing that skips a block processor's regular expression when the block lacks a string
every match contains.

Python-Markdown offers every block (a letter paragraph is one, of a thousand characters) to each
block processor in turn, and several search the whole block with a regular expression that can
only match where, say, "!!!" or "#" is: an admonition, a heading, a quote. This extension gives
those processors the same expression behind a plain substring test (`in`, much faster than the
search), and the table processor a test for "|" in the block's first line before it splits that
line into cells. What a processor decides is unchanged, so the HTML is the same.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension

# Block processor name -> its attribute holding the expression, and strings of which every match
# contains at least one.
NEEDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "admonition": ("RE", ("!!!",)),              # (?:^|\n)!!! ?…
    "details": ("START", ("???",)),              # pymdownx.details: (?:^|\n)\?{3}…
    "hashheader": ("RE", ("#",)),                # (?:^|\n)#{1,6}…
    "setextheader": ("RE", ("\n=", "\n-")),      # ^.*?\n(?:=+|-+)…  (`.` stops at a newline)
    "quote": ("RE", (">",)),                     # (^|\n)[ ]{0,3}>…
    "footnote": ("RE", ("[^",)),                 # ^[ ]{0,3}\[\^…\]:
    "abbr": ("RE", ("*[",)),                     # ^[*]\[…\]:
    "reference": ("RE", ("]:",)),                # ^[ ]{0,3}\[…\]:
}


class NeedsFirst:
    """A compiled expression whose search and match first check that the text has one of
    `needles`; anything else goes to the expression itself."""

    def __init__(self, regex: re.Pattern, needles: tuple[str, ...]):
        self.regex = regex
        self.needles = needles

    def search(self, text: str, *args):
        return self.regex.search(text, *args) if any(n in text for n in self.needles) else None

    def match(self, text: str, *args):
        return self.regex.match(text, *args) if any(n in text for n in self.needles) else None

    def __getattr__(self, name: str):
        return getattr(self.regex, name)


def table_test(test):
    """The table processor's test, answering False at once when the first line has no "|":
    that line is then one cell without a border, never a table header."""
    def quick(parent: etree.Element, block: str) -> bool:
        return "|" in block.partition("\n")[0] and test(parent, block)
    return quick


class LeanBlocksExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.registerExtension(self)
        self.md = md

    def reset(self) -> None:
        """Wraps the processors once all extensions have registered theirs (reset runs at the
        end of Markdown's setup), and leaves wrapped ones as they are."""
        processors = self.md.parser.blockprocessors
        for name, (attr, needles) in NEEDS.items():
            if name in processors:
                processor = processors[name]
                regex = getattr(processor, attr, None)
                if isinstance(regex, re.Pattern):
                    setattr(processor, attr, NeedsFirst(regex, needles))
        if "table" in processors:
            table = processors["table"]
            if not getattr(table.test, "lean", False):
                table.test = table_test(table.test)
                table.test.lean = True


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's entry point
    return LeanBlocksExtension(**kwargs)
