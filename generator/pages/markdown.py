"""Letter text -> Markdown that shows exactly that text: escaping, anchors and attribute lists,
safe URLs, front-matter titles. Pure. (A letter page's text is HTML: pages/html.py.)

Letter text is data. Every piece of it reaches the Markdown through `escape_md` (the template
filter `md`), so nothing a letter says can become markup, a link, HTML or a template tag.
Values the page modules build themselves (paths, anchors, validated URLs) are not letter text.
"""
from __future__ import annotations

import html
import json
import re

from ..model import Block
from ..parse.footnotes import note_label


# Python-Markdown treats a backslash before these as an escape (tables adds "|").
_ALWAYS = "\\`*_{}[]#|"
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "~": "&#126;"}
_REPLACE = {**{c: "\\" + c for c in _ALWAYS}, **_ENTITIES}
_IMAGE_BANG = re.compile(r"!(?=\\\[)")                    # "![" would start an image
_LINK_PAREN = re.compile(r"(?<=\\\])\(")                  # "](" would start a link target
_LIST_NUMBER = re.compile(r"^(\d+)\.(?=\s|$)")           # "1. " starts an ordered list
_SETEXT = re.compile(r"^=+\s*$")                          # "===" under a line makes it a heading
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'()\[\]\\|`{}]+$")
_ANCHOR_BAD = re.compile(r"[^A-Za-z0-9_:.-]+")
_TRANSLATE = str.maketrans({**_REPLACE, **{chr(c): None for c in [*range(0x00, 0x09), *range(0x0b, 0x20), 0x7f]}})
# Any character _TRANSLATE changes. Most letter text has none, and one search for them costs a
# fraction of str.translate, which looks up every character of the text in a dict.
_TRANSLATED = re.compile("[" + "".join(re.escape(chr(c)) for c in _TRANSLATE) + "]")


def escape_md(text: str, line_start: bool = True) -> str:
    """Letter text -> Markdown that renders as exactly that text.

    HTML specials become entities; Markdown specials get a backslash where they could act:
    always for \\ ` * _ { } [ ] # |, and at the start of a line for list, heading, quote,
    admonition and setext markers. Leading whitespace on a line (a code block) and trailing
    whitespace (a hard line break) are dropped; control characters are removed.
    `line_start=False` means the text continues a line (after a footnote marker).
    """
    # one pass: specials replaced, controls gone (only when there are any: most text has none)
    escaped = text.translate(_TRANSLATE) if _TRANSLATED.search(text) else text
    if "\\](" in escaped:
        escaped = _LINK_PAREN.sub(r"\\(", escaped)
    if "!\\[" in escaped:
        escaped = _IMAGE_BANG.sub(r"\\!", escaped)
    if "\n" not in escaped:                               # one line (most calls)
        return _escape_line_start(escaped.lstrip()) if line_start else escaped
    lines = escaped.split("\n")
    last = len(lines) - 1
    for i, line in enumerate(lines):
        if i < last:
            line = line.rstrip()
        if line_start or i:
            line = _escape_line_start(line.lstrip())
        lines[i] = line
    return "\n".join(lines)


def _escape_line_start(s: str) -> str:
    if not s:
        return s
    if s[0] in "-+!":
        return "\\" + s
    if s[0] == "?":                                       # "??? note" opens a details block
        return "&#63;" + s[1:]
    if _SETEXT.match(s):
        return "&#61;" + s[1:]
    return _LIST_NUMBER.sub(r"\1\\.", s)


def md(value) -> str:
    """Template filter: one letter-derived value, escaped, surrounding whitespace dropped."""
    return escape_md(str(value)).strip()


def anchor(value: str) -> str:
    """An element id usable in `{ #id }` and id="..." (parse makes these; this only guards)."""
    return _ANCHOR_BAD.sub("-", str(value)).strip("-")


def attrs(block: Block, cls: str = "", toc_label: str = "") -> str:
    """The attr_list for a block: `{ #p-12 data-regels="33-45" }` (+ `.cls`), or ''.
    `toc_label`: a heading's name in the table of contents (`data-toc-label`, the toc extension's),
    HTML-escaped, so without double quotes (letter.toc_label).

    `data-regels` is the block's line range in the source file, so a reader or a maintainer can
    check any paragraph against the text it came from; `data-page` the printed page it starts on,
    when known."""
    parts = [f"#{a}" for a in [anchor(block.anchor)] if a] + ([f".{cls}"] if cls else [])
    if parts:
        parts.append(f'data-regels="{block.span.start}-{block.span.end}"')
        if block.page:                  # the printed page it starts on (printed_pages.py): for "citeer"
            parts.append(f'data-page="{int(block.page)}"')
        if toc_label:
            parts.append(f'data-toc-label="{toc_label}"')
    return "{ " + " ".join(parts) + " }" if parts else ""


def safe_url(url: str) -> str:
    """An http(s) URL safe to put in a Markdown link target, else ''. Parentheses, which
    UN document symbols use (S/RES/2417(2018)), are percent-encoded so they cannot end the target."""
    url = (url or "").replace("(", "%28").replace(")", "%29")
    return url if _SAFE_URL.match(url) else ""


def page_title(title: str) -> str:
    """A title for YAML front matter. MkDocs/Material print it unescaped, so HTML-escape it.

    A JSON string is a YAML double-quoted scalar, but YAML allows fewer raw characters than JSON:
    DEL, C1 controls, surrogates, U+FFFE/U+FFFF and U+2028/U+2029 are written as \\u escapes. One raw
    DEL is enough to make MkDocs drop the whole front matter and render it as Markdown."""
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}",
                            json.dumps(html.escape(title, quote=True), ensure_ascii=False))


_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
