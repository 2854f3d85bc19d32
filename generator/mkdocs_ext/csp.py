"""Content-Security-Policy for the site: a MkDocs hook (mkdocs.yml `hooks:`), loaded by MkDocs.

The policy itself is a <meta> tag in overrides/main.html. It allows scripts only from the site
itself plus the few inline scripts Material writes into every page (reading the colour palette
from localStorage before the page is drawn, and so on). Those are allowed by their SHA-256 hash,
never with 'unsafe-inline', so a script that got into a page any other way would not run.

- `on_env` gives the templates the filter `csp_hashes`: main.html renders Material's inline-script
  partials for the page at hand and puts their hashes in the policy (one of them contains the
  page's relative base URL, so the hashes differ per folder depth).
- `on_post_page` checks every page as it will be written: each inline script must be allowed by
  the page's policy, there are no inline styles (Markdown tables align with `align=`, see
  mkdocs.yml), and no element carries an event-handler attribute or a javascript: URL.
  A page that breaks this fails the build (and the previous site stays), instead of a page whose
  scripts the browser would silently refuse, or one with markup that should never be there.

Under `mkdocs serve` (and `generator serve`) the policy allows inline scripts with 'unsafe-inline'
instead: the preview server injects its live-reload script, which changes with every response and
so cannot be hashed. Built sites never get that.

Only the standard library: MkDocs loads this file by path (mkdocs.yml `hooks:`), not as part of
the package; plain `mkdocs build` uses it as well.
"""
from __future__ import annotations

import base64
import bisect
import hashlib
import html.parser
import itertools
import re

CSP_META = "Content-Security-Policy"
_SCRIPT_BODY = re.compile(r"<script>(.*?)</script>", re.S)
_EXECUTABLE_TYPES = ("", "text/javascript", "module", "application/javascript")
_URL_ATTRS = ("href", "src", "action", "formaction", "xlink:href", "data")


def script_hash(source: str) -> str:
    """The CSP source expression allowing an inline script with exactly this text."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


_COMMAND = {"name": "build"}        # set by on_startup: "build", "gh-deploy" or "serve"


def csp_hashes(rendered: str) -> str:
    """Template filter: hash sources for every plain `<script>…</script>` in rendered HTML
    ('unsafe-inline' when serving, for the preview server's live-reload script)."""
    if _COMMAND["name"] == "serve":
        return "'unsafe-inline'"
    hashes = dict.fromkeys(script_hash(body) for body in _SCRIPT_BODY.findall(str(rendered)))
    return " ".join(hashes)


class _PageScan(html.parser.HTMLParser):
    """Inline scripts, the CSP meta tag and forbidden attributes of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.policy: str | None = None
        self.scripts: list[str] = []
        self.problems: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and a.get("http-equiv", "").lower() == CSP_META.lower():
            self.policy = a.get("content", "")
        if tag == "script" and "src" not in a and a.get("type", "").lower() in _EXECUTABLE_TYPES:
            self._script = []
        if tag == "style":
            self.problems.append("a <style> element (style-src 'self' allows only stylesheet files)")
        for name, value in a.items():
            if name == "style":
                self.problems.append(f"<{tag}> has a style attribute (style-src 'self' refuses it)")
            elif name.startswith("on"):
                self.problems.append(f"<{tag}> has an event handler attribute {name}=")
            elif name in _URL_ATTRS and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(
                    ("javascript:", "vbscript:")):
                self.problems.append(f"<{tag}> has a script URL in {name}=")

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None


# Every piece of a page that can carry markup: comments, whole <script>/<style> elements (their
# text is not markup), and start tags as html.parser itself delimits them (its own pattern, so a
# tag here ends where the parser's does). Text between these pieces holds no tag.
_PIECE = re.compile(
    r"<!--.*?-->"
    r"|<(?i:script)\b.*?</(?i:script)\s*>"       # a script ends at </script> only, as in the parser
    r"|<(?i:style)\b.*?</(?i:style)\s*>"
    r"|(?:" + html.parser.locatestarttagend_tolerant.pattern + r")(?:/?>)?",
    re.S | re.X)
# What a piece must contain (lower-cased) for _PageScan to find anything in it: an attribute
# starting with "on", a style, a script (element or URL), the CSP meta tag, or a character
# reference (which could spell "javascript:" in a URL).
_SUSPECT = re.compile(r"""[\s/"']on|style|script|&|<meta""")


def _suspect_pieces(output: str) -> list[str]:
    """The pieces of a page that _PageScan has to look at, in page order. Scanning only these
    finds the same problems as parsing the whole page (test_injection checks both ways agree)
    at a fraction of the cost: most tags of a page are plain <p>, <a href> and <span class>."""
    pieces = _PIECE.findall(output)
    joined = "\x00".join(pieces).lower()
    ends = [end + i for i, end in enumerate(itertools.accumulate(map(len, pieces)))]
    picked = sorted({bisect.bisect_right(ends, hit.start()) for hit in _SUSPECT.finditer(joined)})
    return [pieces[i] for i in picked]


def page_problems(output: str) -> list[str]:
    """What in a rendered page the site's CSP would refuse, or that should never be there."""
    scan = _PageScan()
    for piece in _suspect_pieces(output):
        # a piece is complete: close a tag the page left open, so nothing carries over
        scan.feed(piece if piece.endswith(">") else piece + ">")
    scan.close()
    if scan.policy is None:
        return [f"no <meta http-equiv=\"{CSP_META}\"> (overrides/main.html missing?)"]
    script_src = next((d.split()[1:] for d in scan.policy.split(";") if d.split()[:1] == ["script-src"]), [])
    problems = list(scan.problems)
    for body in scan.scripts if "'unsafe-inline'" not in script_src else ():
        if script_hash(body) not in script_src:
            problems.append(f"inline script not allowed by the CSP: {body[:80]!r}… "
                            "(a new Material script? add its partial to overrides/main.html)")
    return problems


# --- MkDocs hook events ----------------------------------------------------------------------------

def on_startup(command, dirty):
    _COMMAND["name"] = command


def on_env(env, config, files):
    env.filters["csp_hashes"] = csp_hashes
    return env


def on_post_page(output, page, config):
    problems = page_problems(output)
    if problems:
        from mkdocs.exceptions import PluginError

        raise PluginError(f"{page.file.src_uri}: " + "; ".join(problems))
    return output
