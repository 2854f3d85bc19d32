"""The site search: Pagefind's index of the built site (generator/search.py), what goes into it,
and what happens when Pagefind fails. In the browser: tests/test_browser.py."""
from __future__ import annotations

import gzip
import json
import re
import shutil
import stat
from pathlib import Path

import pytest

from generator import pipeline, search
from generator.config import Settings
from generator.errors import BuildError

REPO = Path(__file__).resolve().parents[1]
LETTER = "brieven/2020-avvn75-inzet/"
LETTER_TITLE = "Inzet van het Koninkrijk voor de 75e zitting van de Algemene Vergadering van de VN"


def fragments(site: Path) -> dict[str, dict]:
    """Pagefind's per-page records (url -> {content, meta, anchors, ...}): gzip, a signature, JSON."""
    pages = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd"), path
        record = json.loads(data[len(b"pagefind_dcd"):])
        pages[record["url"]] = record
    return pages


def fake_pagefind(tmp_path: Path, script: str) -> Path:
    path = tmp_path / "pagefind"
    path.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


# --- errors ----------------------------------------------------------------------------------------

def test_a_failing_pagefind_is_a_build_error_with_its_output_and_what_to_do(tmp_path):
    binary = fake_pagefind(tmp_path, 'echo "Error: could not parse something" >&2; exit 3')
    with pytest.raises(BuildError) as caught:
        search.index_site(tmp_path, binary)
    message = str(caught.value)
    assert "Pagefind failed to index" in message and "exit code 3" in message
    assert "could not parse something" in message
    assert "hint: the previous site is left as it was" in message


def test_pagefind_that_indexes_nothing_is_a_build_error(tmp_path):
    binary = fake_pagefind(tmp_path, 'echo "Indexed 0 pages"; exit 0')
    with pytest.raises(BuildError, match="(?s)indexed no page.*data-pagefind-body"):
        search.index_site(tmp_path, binary)


def test_a_pagefind_that_cannot_run_is_a_build_error(tmp_path):
    with pytest.raises(BuildError, match=r"(?s)could not be run.*\n  hint: reinstall it"):
        search.index_site(tmp_path, tmp_path / "no-such-pagefind")


def test_pagefind_not_installed_says_how_to_install_it(monkeypatch):
    import sys
    monkeypatch.setitem(sys.modules, "pagefind_bin", None)          # import fails
    with pytest.raises(BuildError, match=r"(?s)Pagefind is not installed.*\n  hint: pip install -e \."):
        search.executable()


def test_the_installed_pagefind_is_found():
    assert search.executable().is_file()


@pytest.mark.slow
def test_when_pagefind_fails_the_previous_site_stays(tmp_path, monkeypatch):
    settings = Settings(content_dir=REPO / "content", site_dir=tmp_path / "site", docs_dir=tmp_path / "docs",
                        mkdocs_yml=REPO / "mkdocs.yml")
    settings.site_dir.mkdir()
    (settings.site_dir / ".vn-brieven-site").touch()                   # a previous build
    (settings.site_dir / "index.html").write_text("vorige site", encoding="utf-8")
    monkeypatch.setattr(search, "executable", lambda: fake_pagefind(tmp_path, "exit 1"))
    with pytest.raises(BuildError, match="Pagefind failed"):
        pipeline.build(settings)
    assert (settings.site_dir / "index.html").read_text(encoding="utf-8") == "vorige site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "docs.cache", "pagefind", "site"]   # no staging left


# --- the index of the built site -------------------------------------------------------------------

@pytest.mark.slow
def test_the_site_has_pagefind_and_not_materials_search_index(built_site):
    settings, report = built_site
    site = settings.site_dir
    for name in ("pagefind.js", "pagefind-entry.json", "pagefind-component-ui.js", "pagefind-component-ui.css",
                 "wasm.nl.pagefind"):
        assert (site / "pagefind" / name).is_file(), name
    assert not (site / "search").exists()                              # Material's search_index.json
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["nl"]                           # Dutch stemming, from <html lang="nl">
    pages = [p for p in site.rglob("index.html")]
    assert report.search.pages == entry["languages"]["nl"]["page_count"] == len(pages)   # all but 404.html
    assert report.search.languages == ("nl",)


@pytest.mark.slow
def test_only_the_article_is_indexed_with_the_letter_title_and_without_furniture(built_site):
    settings, _ = built_site
    for page in settings.site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert html.count("data-pagefind-body") == (0 if page.name == "404.html" else 1), page
    records = fragments(settings.site_dir)
    letter = records["/" + LETTER]
    assert letter["meta"]["title"] == LETTER_TITLE                     # the H1, not "VN-brieven"
    text = letter["content"]
    assert text.startswith(LETTER_TITLE) and "Deze brief informeert u over de inzet" in text
    for furniture in ("Over deze brief", "Ondertekenaars", "¶", "↩", "Vredesmissies Vrouwen",  # card, links, tags
                      "trefwoorden", "Verwante brieven", "Navigatie", "Inhoudsopgave"):
        assert furniture not in text, furniture
    headings = {a["id"]: a["text"] for a in letter["anchors"] if a["element"] == "h2"}
    assert headings["75-jaar-vn"] == "75 jaar VN"                      # sub-results link to headings
    assert headings.get("vn-verantwoording", "") == headings.get("vn-verwant", "") == ""   # id kept, text not


def test_pagefind_output_is_deterministic(built_site, tmp_path):
    """The same site indexed twice (in another folder, at another time) gives the same bytes."""
    settings, _ = built_site
    trees = []
    for name in ("a", "b"):
        copy = tmp_path / name
        shutil.copytree(settings.site_dir, copy, ignore=shutil.ignore_patterns("pagefind"))
        search.index_site(copy)
        trees.append({p.relative_to(copy).as_posix(): p.read_bytes()
                      for p in sorted((copy / "pagefind").rglob("*")) if p.is_file()})
    assert trees[0].keys() == trees[1].keys() and len(trees[0]) > 10
    assert [k for k in trees[0] if trees[0][k] != trees[1][k]] == []
    original = {p.relative_to(settings.site_dir).as_posix(): p.read_bytes()
                for p in sorted((settings.site_dir / "pagefind").rglob("*")) if p.is_file()}
    assert original == trees[0]


# --- the theme --------------------------------------------------------------------------------------

def test_the_header_override_is_materials_header_with_only_the_search_replaced():
    """overrides/partials/header.html is a copy: a Material update that changes the header must be
    looked at (copy the new header.html and replace its search block again)."""
    import material

    theirs = (Path(material.__file__).parent / "templates/partials/header.html").read_text(encoding="utf-8")
    ours = (REPO / "overrides/partials/header.html").read_text(encoding="utf-8")
    comment = re.compile(r"\{#-.*?-#\}\n", re.S)
    search_block = re.compile(r'    \{% if "material/search" in config.plugins %\}.*?\n    \{% endif %\}\n', re.S)
    assert search_block.search(theirs), "Material's header no longer has its search block where it was"
    expected = search_block.sub('    {% include "partials/search.html" %}\n', comment.sub("", theirs, 1))
    assert comment.sub("", ours, 1) == expected


def test_mkdocs_yml_has_no_material_search():
    import yaml

    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]]
    assert "plugins" in config and "search" not in plugins      # without the key MkDocs adds search
    assert not [f for f in config["theme"]["features"] if f.startswith("search.")]


# --- issue 15: the index is checked before the swap (Pagefind exits 0 on a full disk) ----------------

def _bundle(folder: Path, pages: int = 2) -> Path:
    """A bundle shaped as Pagefind writes it: entry file, meta, index chunks, one fragment per page."""
    bundle = folder / "pagefind"
    (bundle / "fragment").mkdir(parents=True)
    (bundle / "index").mkdir()
    (bundle / "pagefind-entry.json").write_text(json.dumps(
        {"version": "1.5.2", "languages": {"nl": {"hash": "nl_1", "wasm": "nl", "page_count": pages}}}))
    (bundle / "pagefind.nl_1.pf_meta").write_bytes(gzip.compress(b"pagefind_dcd meta"))
    (bundle / "index/nl_1.pf_index").write_bytes(gzip.compress(b"pagefind_dcd index"))
    for n in range(pages):
        (bundle / f"fragment/nl_{n}.pf_fragment").write_bytes(gzip.compress(b"pagefind_dcd {}"))
    (bundle / "pagefind.js").write_text("// js")
    return bundle


def test_a_complete_bundle_passes_the_check(tmp_path):
    search.check_index(_bundle(tmp_path), 2)


@pytest.mark.parametrize("damage, expected", [
    (lambda b: (b / "fragment/nl_0.pf_fragment").write_bytes(b""), "fragment/nl_0.pf_fragment is empty"),
    (lambda b: (b / "index/nl_1.pf_index").write_bytes((b / "index/nl_1.pf_index").read_bytes()[:-6]),
     "index/nl_1.pf_index is incomplete"),
    (lambda b: (b / "pagefind-entry.json").write_text('{"version": "1.5'), "pagefind-entry.json cannot be read"),
    (lambda b: (b / "fragment/nl_1.pf_fragment").unlink(), "1 page fragments (fragment/*.pf_fragment) for 2 pages"),
    (lambda b: (b / "pagefind.js").write_bytes(b""), "pagefind.js is empty"),
], ids=["empty-fragment", "cut-short-index", "broken-entry", "missing-fragment", "empty-script"])
def test_a_damaged_bundle_is_a_build_error_saying_what(tmp_path, damage, expected):
    bundle = _bundle(tmp_path)
    damage(bundle)
    with pytest.raises(BuildError) as caught:
        search.check_index(bundle, 2, "Indexed 2 pages")
    message = str(caught.value)
    assert expected in message and "is broken" in message and "hint: is the disk full?" in message
    assert "Indexed 2 pages" in message


def test_pagefind_that_reports_more_pages_than_it_wrote_is_a_build_error(tmp_path):
    with pytest.raises(BuildError, match="counts 2 pages, Pagefind reported 3"):
        search.check_index(_bundle(tmp_path), 3)
