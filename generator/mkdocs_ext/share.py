"""A MkDocs plugin for the generator's own builds (generator/site_build.py): one process's share
of a parallel build, pages read late and let go of early, anchors recorded.

site_build adds it to the configuration it loads (`config.plugins`), so mkdocs.yml does not name
it: `mkdocs build`, `mkdocs serve` and Zensical build the same site without it (only slower and
in one process). It is also registered as the entry point `vn-brieven-share` (pyproject.toml), so
`plugins: [vn-brieven-share]` would load it too; its options `part` and `parts` are the share.

Everything goes through MkDocs' events, plus one thing no event offers: whether a file must be
written. MkDocs asks `File.is_modified()` in a dirty build (for every page before it is read and
before it is written, and for every static file); `on_files` gives each file of this build its
own `is_modified` (the class stays as it is). site_build therefore always runs MkDocs with
dirty=True and passes the real `dirty` to `on_startup`. tests/test_mkdocs_contract.py fails when
a new MkDocs no longer works this way.

- a file of another share counts as not modified, so this build neither renders nor copies it;
  without `dirty` every file of this share counts as modified;
- only share 0 writes the theme's own pages (404.html, sitemap.xml): `on_env` empties the theme's
  static templates of the other shares (the theme's files were listed before, so a template is
  not copied as a file instead);
- memory: MkDocs reads and converts every page first and keeps them all to the end, the whole
  site in memory. Here only the pages of the (short) navigation are read first, as other pages
  show their titles; a page outside the navigation counts as not modified while MkDocs reads, and
  is read and converted in `on_page_context`, right before it is written (such a page cannot
  choose its template with `template:`, which MkDocs picks before that event); after
  `on_post_page` every page lets go of its Markdown and HTML;
- the anchors of every page converted here, and its links to anchors on other pages, are kept
  in `anchors` and `links` for site_build's check across the shares.
"""
from __future__ import annotations

import zlib
from functools import partial

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin


def share_of(src_uri: str, parts: int) -> int:
    """Which of `parts` builds renders this file: by a checksum of its path, the same in every
    process and every run."""
    return zlib.crc32(src_uri.encode("utf-8")) % parts


class ShareConfig(Config):
    part = c.Type(int, default=0)
    parts = c.Type(int, default=1)


class SharePlugin(BasePlugin[ShareConfig]):
    NAME = "vn-brieven-share"

    def __init__(self) -> None:
        self.anchors: dict[str, set[str]] = {}                    # page -> its anchors
        self.links: dict[str, dict[str, dict[str, str]]] = {}     # page -> page -> anchor -> link
        self.dirty = False
        self._reading = True
        self._in_nav: set[str] = set()
        self._later: set[str] = set()
        self._files = None

    def on_startup(self, *, command, dirty: bool) -> None:
        self.dirty = dirty

    def on_files(self, files, *, config):
        for file in files:
            file.is_modified = partial(self._modified, file, file.is_modified)
        return files

    def on_nav(self, nav, *, config, files):
        self._in_nav = {page.file.src_uri for page in nav.pages}
        self._files = files
        return nav

    def _modified(self, file, is_modified) -> bool:
        parts = self.config.parts
        if parts > 1 and share_of(file.src_uri, parts) != self.config.part:
            return False
        modified = is_modified() if self.dirty else True
        if modified and self._reading and file.is_documentation_page() and file.src_uri not in self._in_nav:
            self._later.add(file.src_uri)           # read in on_page_context
            return False
        return modified

    def on_env(self, env, *, config, files):
        self._reading = False                       # MkDocs writes from here on
        if self.config.part != 0:
            config.theme.static_templates.clear()
        return env

    def on_page_context(self, context, *, page, config, nav):
        if page.file.src_uri in self._later:
            self._later.discard(page.file.src_uri)
            self._read(page, config)
        return context

    def _read(self, page, config) -> None:
        """What MkDocs does for each page before it writes any (its events included)."""
        files = self._files
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        if "template" in page.meta:
            raise PluginError(f"{page.file.src_uri}: a page outside the navigation cannot choose its "
                              "template (generator/mkdocs_ext/share.py); add it to the nav in mkdocs.yml")
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        page.render(config, files)
        page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)

    def on_page_content(self, html, *, page, config, files):
        src = page.file.src_uri
        self.anchors[src] = set(page.present_anchor_ids or ())
        if page.links_to_anchors:
            self.links[src] = {f.src_uri: dict(found) for f, found in page.links_to_anchors.items()}
        return html

    def on_post_page(self, output, *, page, config):
        page.markdown = page.content = None         # written next: the page's text is not needed again
        return output
