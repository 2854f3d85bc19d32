"""What generator/mkdocs_ext/share.py relies on in MkDocs beyond its documented events. When a new
MkDocs changes any of it, this fails here, by name, instead of as a different or half-built site.

The plugin gives each File its own `is_modified` (on_files) and runs MkDocs with dirty=True: a
page outside the navigation counts as not modified while MkDocs reads pages, and is read in
on_page_context instead; a file of another share counts as not modified, so it is neither
written nor copied; the theme's static templates of other shares are emptied in on_env.
"""
from __future__ import annotations

import inspect

from mkdocs.commands import build as mk
from mkdocs.plugins import EVENTS
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.mkdocs_ext.share import SharePlugin


def source(function) -> str:
    return " ".join(inspect.getsource(function).split())


def test_the_events_the_plugin_uses_exist():
    used = {name[3:] for name in vars(SharePlugin) if name.startswith("on_")}
    assert used <= set(EVENTS), used - set(EVENTS)


def test_a_file_is_asked_whether_it_is_modified_with_no_arguments():
    assert list(inspect.signature(File.is_modified).parameters) == ["self"]
    assert "__slots__" not in vars(File)                    # a File can hold its own is_modified


def test_a_dirty_build_asks_each_page_before_reading_and_before_writing_it():
    assert "if dirty and not page.file.is_modified(): return" in source(mk._populate_page)
    assert "if dirty and not page.file.is_modified(): return" in source(mk._build_page)
    assert "file.copy_file(dirty)" in source(Files.copy_static_files)
    assert "if dirty and not self.is_modified():" in source(File.copy_file)


def test_the_build_runs_the_events_in_the_order_the_plugin_needs():
    build = source(mk.build)
    order = ["plugins.on_files(", "get_navigation(", "plugins.on_nav(", "_populate_page(",
             "plugins.on_env(", "files.copy_static_files(", "config.theme.static_templates",
             "_build_page(", "validate_anchor_links("]
    positions = [build.find(step) for step in order]
    assert -1 not in positions, [s for s, p in zip(order, positions) if p == -1]
    assert positions == sorted(positions), order


def test_the_page_is_rendered_in_a_way_the_plugin_can_repeat():
    populate = source(mk._populate_page)
    for step in ("on_pre_page(", "page.read_source(config)", "on_page_markdown(", "page.render(config, files)",
                 "on_page_content("):
        assert step in populate, step
    assert "present_anchor_ids" in source(Page.render) and "links_to_anchors" in source(Page.render)
    build_page = source(mk._build_page)
    assert build_page.index("on_page_context(") < build_page.index("template.render(")
