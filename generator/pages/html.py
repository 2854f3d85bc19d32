"""Letter text -> HTML that shows exactly that text, for the pages the generator renders itself
(a letter's page, letter.html.j2; the pages of an entity's mentions, entity.html.j2, and of a
theme's passages, theme.html.j2). The HTML counterpart of markdown.py. Pure.

Why: at 2,000 letters, Python-Markdown converting the letters' text (and the long lists of the
entity and theme pages) cost more CPU than the whole build may take (issue 19). The generator already knows every block, footnote, link and anchor, so
it writes the HTML that Python-Markdown and the site's extensions made from the Markdown — the
same elements, attributes and text — and MkDocs stashes it unread (mkdocs_ext/rawhtml.py).
Headings stay Markdown, so MkDocs' table of contents and Material's navigation are unchanged.

Letter text is data: every piece reaches the HTML through `text` (Jinja autoescape does the same
for template values): HTML specials escaped, control characters removed (Python-Markdown uses
STX/ETX to mark its stash). What this module writes for Python-Markdown to do otherwise:

- footnote references and the footnote list as the `footnotes` extension writes them
  (`footnote_ref`, `footnotes_html`);
- the ¶ after a paragraph, question or answer (`permalink`, as mkdocs_ext/permalinks.py);
- a table's scroll region (`scroll_region`, as mkdocs_ext/scrolltables.py);
- the abbreviations (`Abbreviations.mark`, as mkdocs_ext/abbr.py: one pass over the page);
- links with the address MkDocs would write for a page of the docs folder (`href`).
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache

from markupsafe import Markup, escape
from mkdocs.utils import get_relative_url

from ..glossary import Glossary
from ..mkdocs_ext.permalinks import label as permalink_label
from ..parse.footnotes import note_label

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
FOOTNOTE_BACKLINK_TITLE = "Terug naar voetnoot {} in de tekst"   # mkdocs.yml footnotes: BACKLINK_TITLE


def text(value) -> Markup:
    """Letter text -> HTML text: escaped, control characters removed."""
    value = str(value)
    return escape(_CONTROLS.sub("", value) if _CONTROLS.search(value) else value)


def lines_html(value: str) -> Markup:
    """Text of several lines as HTML text, each line stripped of surrounding whitespace (what
    Python-Markdown made of an escaped Markdown paragraph: the line breaks stay, as spaces)."""
    return Markup("\n").join(text(line.strip()) for line in str(value).split("\n"))


def paragraphs(html: str) -> list[Markup]:
    """Rendered text split where it has a blank line (Markdown's paragraphs), empty ones dropped."""
    return [Markup(p.strip()) for p in _BLANK_LINE.split(str(html)) if p.strip()]


# --- addresses ------------------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def page_url(path: str) -> str:
    """The address MkDocs gives a page of the docs folder (use_directory_urls, MkDocs' default):
    'brieven/x.md' -> 'brieven/x/', 'themas/index.md' -> 'themas/', 'index.md' -> ''; another
    file keeps its path."""
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


@lru_cache(maxsize=65536)
def href(from_page: str, to: str) -> str:
    """The link from the page `from_page` to `to` (both docs paths, `to` may end in '#anchor'),
    as MkDocs writes it into the page: relative to the page's address (MkDocs' own function)."""
    target, _, fragment = to.partition("#")
    if not target:
        return f"#{fragment}"
    rel = get_relative_url(page_url(target), page_url(from_page))
    return rel + (f"#{fragment}" if fragment else "")


def href_relative(from_page: str, relative: str) -> str:
    """A link written relative to the page's Markdown file (`../x.md#a`, as paging.Paged's hrefs)
    as MkDocs writes it into the page (`href`)."""
    target, _, fragment = relative.partition("#")
    if not target:
        return f"#{fragment}"
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(from_page), target))
    return href(from_page, resolved + (f"#{fragment}" if fragment else ""))


# --- inline text ------------------------------------------------------------------------------------

@dataclass
class Footnotes:
    """A page's footnotes as the `footnotes` extension numbers them: by order of definition (a
    label defined twice keeps its first place and its last text), each reference with its own id
    (fnref:1, then fnref2:1 for a second reference to the same note)."""
    texts: dict[str, str] = field(default_factory=dict)         # label -> text
    refs: dict[str, int] = field(default_factory=dict)          # label -> references so far

    @classmethod
    def of(cls, notes) -> "Footnotes":
        out = cls()
        for note in notes:
            out.texts[note_label(note.number)] = note.text
        return out

    def number(self, label: str) -> int:
        return list(self.texts).index(label) + 1

    def ref(self, label: str) -> Markup:
        """The superscript for the next reference to footnote `label`."""
        n = self.refs.get(label, 0) + 1
        self.refs[label] = n
        ref_id = f"fnref:{label}" if n == 1 else f"fnref{n}:{label}"
        return Markup(f'<sup id="{escape(ref_id)}"><a class="footnote-ref" href="#fn:{escape(label)}">'
                      f'{self.number(label)}</a></sup>')


def render_text(value: str, refs=(), notes: Footnotes | None = None, links=()) -> Markup:
    """Letter text -> HTML: escaped, a footnote reference at each of `refs`' offsets and each
    (start, end, url) of `links` a link whose visible text is exactly value[start:end]; the same
    rules as markdown.render_text (a reference to a footnote the letter lacks stays a plain
    number; an overlapping link is left out; a reference inside a link goes right after it).
    Surrounding whitespace is dropped, each line is stripped."""
    events = sorted([(min(max(r.offset, 0), len(value)), 1, r) for r in refs] +
                    [(start, 0, (start, end, url)) for start, end, url in links if 0 <= start < end <= len(value)],
                    key=lambda e: (e[0], e[1]))
    if not events:
        return lines_html(value.strip())
    parts: list[str] = []
    pos = 0
    for offset, is_ref, item in events:
        if is_ref:
            parts.append(text(value[pos:offset]) if offset > pos else "")
            pos = max(pos, offset)
            label = note_label(item.number)
            parts.append(notes.ref(label) if notes is not None and label in notes.texts else text(item.number))
        elif offset >= pos:
            start, end, url = item
            parts.append(text(value[pos:start]))
            parts.append(Markup('<a href="{}">{}</a>').format(url, text(value[start:end])))
            pos = end
    parts.append(text(value[pos:]))
    joined = "".join(parts).strip()
    return Markup("\n".join(line.strip() for line in joined.split("\n")))


def permalink(anchor: str, page: int = 0) -> Markup:
    """The ¶ after a paragraph, question or answer (mkdocs_ext/permalinks.py), or '' for a block
    whose anchor is no paragraph, question or answer."""
    label = permalink_label(anchor)
    if not label:
        return Markup("")
    page_attr = f' data-page="{int(page)}"' if page else ""
    return Markup(f' <a aria-label="Vaste link naar {label}" class="vn-permalink" data-label="{label}"{page_attr} '
                  f'href="#{escape(anchor)}" title="Vaste link naar {label}">¶</a>')


def scroll_region(name: str = "") -> Markup:
    """The opening of a table's scroll region (mkdocs_ext/scrolltables.py); `name`: the text of
    the heading the table stands under."""
    label = f"Tabel: {name}" if name else "Tabel"
    return Markup('<div aria-label="{}" class="vn-scroll" role="region" tabindex="0">').format(label)


def footnotes_html(notes: Footnotes, rendered: dict[str, str]) -> Markup:
    """The footnote list at the end of the text, as the `footnotes` extension writes it:
    `rendered` holds each footnote's text as HTML (render_text), by label."""
    if not notes.texts:
        return Markup("")
    out = ['<div class="footnote">', "<hr />", "<ol>"]
    for i, label in enumerate(notes.texts, start=1):
        title = FOOTNOTE_BACKLINK_TITLE.format(i)
        backlinks = "".join(
            f'<a class="footnote-backref" href="#{"fnref" if n == 1 else f"fnref{n}"}:{escape(label)}" '
            f'title="{title}">&#8617;</a>' for n in range(1, max(notes.refs.get(label, 0), 1) + 1))
        paras = paragraphs(rendered.get(label, "")) or [Markup("")]
        out.append(f'<li id="fn:{escape(label)}">')
        out += [f"<p>{p}</p>" for p in paras[:-1]]
        out.append(f"<p>{paras[-1]}&#160;{backlinks}</p>")
        out.append("</li>")
    out += ["</ol>", "</div>"]
    return Markup("\n".join(out))


# --- abbreviations --------------------------------------------------------------------------------

# a tag | a heading's attribute list (Markdown, markdown.attrs: `{ #id data-toc-label="…" }` at the
# end of its line; its values are no text) | text | a '<' or '{' that starts neither
_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|(\{ #[^\n]*\})(?=\n|\Z)|[^<{]+|[<{]")
CONTROLS = frozenset({"a", "button", "label", "summary", "select", "textarea"})
UNMARKED_CLASS = re.compile(r"""\bclass=["'][^"']*\bmd-tag\b""")


class Abbreviations:
    """The glossary's abbreviations marked on a page, as mkdocs_ext/abbr.py marks them:
    `<abbr title="expansion">AVVN</abbr>` wherever the key stands alone (not glued to a hyphen
    or a word character), not inside a theme chip (class md-tag); the first one of each key that
    is not inside a link or another control gets tabindex="0" (a keyboard reaches it)."""

    def __init__(self, glossary: Glossary) -> None:
        titles = {str(escape(a.key)): str(escape(a.title)) for a in glossary.abbreviations}
        self.titles = titles
        keys = sorted(titles, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, keys)) + r")(?![\w-])") if keys else None

    def mark(self, html: str) -> str:
        """`html` (the generator's own, well-formed: text escaped, no '<' in text or attribute
        values) with the abbreviations marked. Markdown heading lines in it are text here too,
        and their marks are raw inline HTML for Python-Markdown."""
        if self.pattern is None or not self.pattern.search(html):
            return html
        out: list[str] = []
        seen: set[str] = set()
        controls = chips = 0
        titles, pattern = self.titles, self.pattern

        def mark(m: re.Match) -> str:
            key = m.group(0)
            if controls or key in seen:
                return f'<abbr title="{titles[key]}">{key}</abbr>'
            seen.add(key)
            return f'<abbr tabindex="0" title="{titles[key]}">{key}</abbr>'

        for m in _TOKEN.finditer(html):
            tag = m.group(2)
            if m.group(4):                                  # an attribute list: as it is
                out.append(m.group(4))
                continue
            if tag is None:
                chunk = m.group(0)
                out.append(chunk if chips else pattern.sub(mark, chunk))
                continue
            out.append(m.group(0))
            tag = tag.lower()
            if m.group(1):                                  # a closing tag
                if tag in CONTROLS and controls:
                    controls -= 1
                    if tag == "a" and chips:
                        chips -= 1
            elif tag in CONTROLS and not m.group(3).rstrip().endswith("/"):
                controls += 1
                if tag == "a" and (chips or UNMARKED_CLASS.search(m.group(3))):
                    chips += 1
        return "".join(out)
