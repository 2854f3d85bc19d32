"""tools/zensical_check.py: reading the two tools' output and comparing built pages."""
from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parents[1] / "tools" / "zensical_check.py"


@pytest.fixture(scope="module")
def zc():
    spec = importlib.util.spec_from_file_location("zensical_check", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules["zensical_check"] = module     # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


PAGE = """<html><head><title>{title}</title></head><body><a href="#__skip" class="md-skip">Naar inhoud</a>
<article class="md-content__inner md-typeset">
<h1 id="inzet">Inzet 2020<a class="headerlink" href="#inzet" title="Vaste link">¶</a></h1>
<div class="vn-paragraph" id="p-1"><p>Het Koninkrijk&nbsp;steunt <a href="../resoluties/2417/">resolutie 2417</a>.</p></div>
{extra}
<script>var x = "geen tekst";</script>
</article><footer><a href="https://{host}/">made with</a></footer></body></html>"""


def page(tmp_path: Path, name: str, title="Inzet", extra="", host="squidfunk.github.io") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(title=title, extra=extra, host=host), encoding="utf-8")
    return path


def test_read_page_takes_the_article_only(zc, tmp_path):
    read = zc.read_page(page(tmp_path, "a.html"))
    assert read.text == "Inzet 2020 Het Koninkrijk steunt resolutie 2417 ."
    assert read.ids == {"inzet", "p-1"}
    assert read.links == {"#inzet", "../resoluties/2417/"}
    assert read.title == "Inzet"


def test_compare_page_same_and_different(zc, tmp_path):
    a = zc.read_page(page(tmp_path, "a.html"))
    assert zc.compare_page("x", a, zc.read_page(page(tmp_path, "b.html"))) is None
    c = zc.read_page(page(tmp_path, "c.html", extra='<p id="p-2">Nog een alinea.</p>'))
    diff = zc.compare_page("x", a, c)
    assert diff.ids_only_zensical == ["p-2"] and diff.similarity < 1
    assert diff.text_diff == ["insert: mkdocs «» zensical «Nog een alinea.»"]


def test_compare_sites_reports_theme_differences_once(zc, tmp_path):
    for name in ("index.html", "brieven/index.html"):
        page(tmp_path / "m", name)
        page(tmp_path / "z", name, host="zensical.org")
    page(tmp_path / "m", "alleen-mkdocs/index.html")
    (tmp_path / "z" / "search.json").write_text("{}", encoding="utf-8")
    result = zc.compare_sites(tmp_path / "m", tmp_path / "z")
    assert result["pages"] == {"mkdocs": 3, "zensical": 2, "both": 2}
    assert result["pages_only_mkdocs"] == ["alleen-mkdocs/index.html"]
    assert result["other_files_only_zensical"] == ["search.json"]
    assert result["pages_with_differences"] == [] and result["text_identical_pages"] == 2
    assert result["external_hosts"]["zensical"] == {"zensical.org": 2}


def test_mkdocs_messages(zc):
    output = ("INFO    -  The following pages exist in the docs directory, but are not included:\n"
              "  - brieven/2017-avvn72-inzet.md\n"
              "\x1b[33m │  Material for MkDocs reaches end of life on May 5, 2027.\x1b[0m\n"
              "WARNING -  Doc file 'a.md' contains a link 'b.md', but the target is not found.\n"
              "Aborted with 1 warnings in strict mode!\n")
    warnings, notices = zc.mkdocs_messages(output)
    assert warnings == ["WARNING - Doc file 'a.md' contains a link 'b.md', but the target is not found."]
    assert notices == ["Material for MkDocs reaches end of life on May 5, 2027."]


def test_zensical_messages(zc):
    output = ("Build started\n\x1b[33mWarning:\x1b[0m anchor does not exist\n"
              "    ╭─[ over-deze-site.md:62:51 ]\n    │\n2 issues found\nBuild finished in 0.60s\n")
    assert zc.zensical_messages(output) == (["over-deze-site.md:62:51: Warning: anchor does not exist"], [])


@pytest.mark.skipif(shutil.which("zensical") is None and not (Path(sys.executable).parent / "zensical").is_file(),
                    reason="zensical is not installed (optional: pip install -e '.[zensical]')")
def test_whole_check_on_the_real_content(zc, tmp_path, capsys):
    assert zc.main(["--keep", str(tmp_path / "work")]) == 0
    report = capsys.readouterr().out
    assert "pages only mkdocs: 0" in report and "pages only zensical: 0" in report
