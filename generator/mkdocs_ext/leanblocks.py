"""Block parsing that skips a block processor's regular expression when the block lacks a string
every match contains.

Python-Markdown offers every block (a letter paragraph is one, of a thousand characters) to each
block processor in turn, and several search the whole block with a regular expression that can
only match where, say, a line starts with "!!!" or "#": an admonition, a heading. This extension
gives those processors the same expression behind a plain substring test (`in`, much faster than
the search), and the table processor a test for "|" in the block's first line before it splits that
line into cells. What a processor decides is unchanged, so the HTML is the same.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension


def anywhere(needle: str):
    return lambda text: needle in text


def line_start(needle: str):
    """The text has `needle` at the start of a line (or of the text)."""
    after_newline = "\n" + needle
    return lambda text: text.startswith(needle) or after_newline in text


def rule_line(text: str) -> bool:
    """A line starts with a space or a rule character: a horizontal rule is such a line."""
    return text[:1] in (" ", "-", "_", "*") or any(s in text for s in ("\n-", "\n_", "\n*", "\n "))


# Block processor name -> its attribute holding the expression, and what every text the
# expression matches has.
NEEDS = {
    "admonition": ("RE", line_start("!!!")),       # (?:^|\n)!!! ?…
    "details": ("START", line_start("???")),       # pymdownx.details: (?:^|\n)\?{3}…
    "hashheader": ("RE", line_start("#")),         # (?:^|\n)#{1,6}…
    "setextheader": ("RE", lambda text: "\n=" in text or "\n-" in text),  # ^.*?\n(?:=+|-+)…
    "hr": ("SEARCH_RE", rule_line),                # ^[ ]{0,3}(?=(-+[ ]{0,2}){3,}|…) (multiline)
    "quote": ("RE", anywhere(">")),                # (^|\n)[ ]{0,3}>…
    "footnote": ("RE", anywhere("[^")),            # ^[ ]{0,3}\[\^…\]: (multiline)
    "abbr": ("RE", line_start("*[")),              # ^[*]\[…\]: (multiline)
    "reference": ("RE", anywhere("]:")),           # ^[ ]{0,3}\[…\]: (multiline)
}


class NeedsFirst:
    """A compiled expression whose search and match first check `needs(text)`, a cheap test
    that every text it matches passes; anything else goes to the expression itself."""

    def __init__(self, regex: re.Pattern, needs):
        self.regex = regex
        self.needs = needs

    def search(self, text: str, *args):
        return self.regex.search(text, *args) if self.needs(text) else None

    def match(self, text: str, *args):
        return self.regex.match(text, *args) if self.needs(text) else None

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
        for name, (attr, needs) in NEEDS.items():
            if name in processors:
                processor = processors[name]
                regex = getattr(processor, attr, None)
                if isinstance(regex, re.Pattern):
                    setattr(processor, attr, NeedsFirst(regex, needs))
        if "table" in processors:
            table = processors["table"]
            if not getattr(table.test, "lean", False):
                table.test = table_test(table.test)
                table.test.lean = True


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's entry point
    return LeanBlocksExtension(**kwargs)
