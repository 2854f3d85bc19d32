#!/usr/bin/env python3
"""Compare two built sites page by page: what a reader gets, not the bytes.

    python3 tools/compare_sites.py OLD_SITE NEW_SITE            # visible text of every page
    python3 tools/compare_sites.py OLD_SITE NEW_SITE --markup   # also elements and attributes

For every HTML page in either site it compares the page's article (<article>…</article>; the whole
<body> when a page has none):

- visible text: the text a reader sees (not inside <script>, <style> or <template>), whitespace
  collapsed to single spaces;
- with --markup, the elements too: each start tag with its attributes in sorted order (attribute
  order and the spelling of character references do not matter to a browser), so a lost class,
  id, link or abbreviation shows.

Prints a unified diff per page that differs, then a summary line; exits 1 if any page differs or
exists in one site only. Used to check that rendering letters as HTML (issue 19) lost nothing:
run it on the site of the previous commit and of the new one, built from the same content.
"""
from __future__ import annotations

import argparse
import difflib
import sys
from html.parser import HTMLParser
from pathlib import Path

HIDDEN = {"script", "style", "template"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Article(HTMLParser):
    """The article of a page as tokens: ('text', words) and, when `markup`, ('tag', …)."""

    def __init__(self, markup: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.markup = markup
        self.tokens: list[str] = []
        self.body_tokens: list[str] = []
        self.depth = 0          # inside <article>
        self.in_body = False
        self.hidden = 0
        self.text: list[str] = []

    def _flush(self) -> None:
        words = " ".join("".join(self.text).split())
        self.text = []
        if words:
            self._emit(words)

    def _emit(self, token: str) -> None:
        if self.depth:
            self.tokens.append(token)
        if self.in_body:
            self.body_tokens.append(token)

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "body":
            self.in_body = True
        self._flush()
        if tag == "article":
            self.depth += 1
        if tag in HIDDEN:
            self.hidden += 1
        if self.markup and not self.hidden:
            self._emit("<" + tag + "".join(f' {k}="{v}"' for k, v in sorted(attrs, key=lambda kv: kv[0])) + ">")
        if tag in VOID and tag in HIDDEN:
            self.hidden -= 1

    def handle_startendtag(self, tag, attrs) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag) -> None:
        self._flush()
        if tag in HIDDEN and self.hidden:
            self.hidden -= 1
        elif self.markup and not self.hidden and tag not in VOID:
            self._emit(f"</{tag}>")
        if tag == "article" and self.depth:
            self.depth -= 1
        if tag == "body":
            self.in_body = False

    def handle_data(self, data) -> None:
        if not self.hidden:
            self.text.append(data)


def page_tokens(path: Path, markup: bool = False) -> list[str]:
    parser = _Article(markup)
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    parser._flush()
    return parser.tokens or parser.body_tokens


def compare(old: Path, new: Path, markup: bool = False, out=sys.stdout) -> int:
    """Print the differences; return the number of pages that differ or exist in one site only."""
    old_pages = {p.relative_to(old).as_posix() for p in old.rglob("*.html")}
    new_pages = {p.relative_to(new).as_posix() for p in new.rglob("*.html")}
    problems = 0
    for page in sorted(old_pages ^ new_pages):
        print(f"only in {'the old' if page in old_pages else 'the new'} site: {page}", file=out)
        problems += 1
    same = 0
    for page in sorted(old_pages & new_pages):
        a, b = page_tokens(old / page, markup), page_tokens(new / page, markup)
        if a == b:
            same += 1
            continue
        problems += 1
        print(f"--- {page}", file=out)
        for line in list(difflib.unified_diff(a, b, "old", "new", n=2, lineterm=""))[2:60]:
            print(line[:300], file=out)
    print(f"{same} pages the same, {problems} different or missing ({'text and markup' if markup else 'visible text'})",
          file=out)
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--markup", action="store_true", help="compare elements and attributes too")
    args = parser.parse_args()
    sys.exit(1 if compare(args.old, args.new, args.markup) else 0)


if __name__ == "__main__":
    main()
