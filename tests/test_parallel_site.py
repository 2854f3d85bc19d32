"""MkDocs on two processes (site_build.build_site with jobs=2): the same site as one process, and a
link to a missing anchor on a page the other process rendered still fails the strict build."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator import pipeline, site_build
from generator.mkdocs_ext.share import share_of
from generator.config import Settings
from generator.errors import BuildError

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("parallel")
    pipeline.generate(Settings(content_dir=REPO / "content", docs_dir=root / "docs", mkdocs_yml=REPO / "mkdocs.yml",
                               cache=False))
    return root / "docs"


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_processes_build_the_same_site_as_one(docs, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert site_build.build_site(REPO / "mkdocs.yml", docs, one, jobs=1) == []
    assert site_build.build_site(REPO / "mkdocs.yml", docs, two, jobs=2) == []
    built = files(one)
    assert len(built) > 150
    assert files(two) == built
    pages = [p for p in built if p.endswith(".html")]
    assert {share_of(p, 2) for p in pages} == {0, 1}             # both processes had pages


def test_a_missing_anchor_on_a_page_of_the_other_process_fails_the_build(docs, tmp_path):
    broken = tmp_path / "docs"
    broken.mkdir()
    for rel, data in files(docs).items():
        (broken / rel).parent.mkdir(parents=True, exist_ok=True)
        (broken / rel).write_bytes(data)
    source, target = "over-deze-site.md", "tijdlijn.md"
    assert share_of(source, 2) != share_of(target, 2)       # rendered by different processes
    page = broken / source
    page.write_text(page.read_text(encoding="utf-8") + "\n[weg](tijdlijn.md#bestaat-niet)\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"over-deze-site\.md.*tijdlijn\.md#bestaat-niet"):
        site_build.build_site(REPO / "mkdocs.yml", broken, tmp_path / "site", jobs=2)
    # and an anchor that is there passes
    page.write_text(page.read_text(encoding="utf-8").replace("#bestaat-niet", ""), encoding="utf-8")
    assert site_build.build_site(REPO / "mkdocs.yml", broken, tmp_path / "site2", jobs=2) == []


def test_share_of_is_stable_and_spreads_the_pages():
    names = [f"brieven/synth-{i:05d}.md" for i in range(1000)]
    shares = [share_of(n, 2) for n in names]
    assert shares == [share_of(n, 2) for n in names]
    assert 400 < sum(shares) < 600


def test_further_pages_of_an_overview_are_not_in_the_search_index(docs, tmp_path):
    """landen/x/2.md repeats page 1's title and introduction: no data-pagefind-body, so Pagefind
    leaves it out; page 1 and the letters keep it."""
    extra = tmp_path / "docs"
    for rel, data in files(docs).items():
        (extra / rel).parent.mkdir(parents=True, exist_ok=True)
        (extra / rel).write_bytes(data)
    country = sorted((extra / "landen").glob("*.md"))[1]
    (country.with_suffix("") / "2.md").parent.mkdir(exist_ok=True)
    (country.with_suffix("") / "2.md").write_text("---\ntitle: Vervolg\n---\n\nMeer vermeldingen.\n", encoding="utf-8")
    site = tmp_path / "site"
    assert site_build.build_site(REPO / "mkdocs.yml", extra, site, jobs=1) == []
    body = 'data-pagefind-body'
    assert body not in (site / "landen" / country.stem / "2/index.html").read_text(encoding="utf-8")
    assert body in (site / "landen" / country.stem / "index.html").read_text(encoding="utf-8")
    letter = next((site / "brieven").glob("20*/index.html"))
    assert body in letter.read_text(encoding="utf-8")
