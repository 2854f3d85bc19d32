"""The letter cache and the worker processes: same pages as processing everything in-process,
and only what changed is processed again."""
from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from generator import parallel, pipeline
from generator.config import Settings
from generator.report import format_report

REPO = Path(__file__).resolve().parents[1]
LETTERS = sorted((REPO / "content/letters").glob("*.txt"))


def content(tmp_path: Path, letters=LETTERS, knowledge: bool = True) -> Settings:
    root = tmp_path / "content"
    (root / "letters").mkdir(parents=True)
    for letter in letters:
        shutil.copy(letter, root / "letters")
        sidecar = letter.with_suffix(".yml")
        if sidecar.is_file():
            shutil.copy(sidecar, root / "letters")
    if knowledge:
        shutil.copytree(REPO / "content/knowledge", root / "knowledge")
    shutil.copytree(REPO / "content/pages", root / "pages")
    return Settings(content_dir=root, site_dir=tmp_path / "site", docs_dir=tmp_path / "docs",
                    mkdocs_yml=REPO / "mkdocs.yml")


def docs(settings: Settings) -> dict[str, bytes]:
    return {p.relative_to(settings.docs_dir).as_posix(): p.read_bytes()
            for p in sorted(settings.docs_dir.rglob("*")) if p.is_file()}


def square(x: int) -> int:
    if x == 13:
        raise ValueError("unlucky")
    return x * x + parallel.get("offset")


def test_ordered_map_keeps_order_on_two_processes():
    parallel.shared(offset=1)
    items = list(range(40))
    assert parallel.ordered_map(square, [i for i in items if i != 13], jobs=2, min_items=1) == \
        [i * i + 1 for i in items if i != 13]
    with pytest.raises(ValueError, match="unlucky"):
        parallel.ordered_map(square, items, jobs=2, min_items=1)


def test_jobs_from_the_environment(monkeypatch):
    monkeypatch.setenv(parallel.JOBS_ENV, "3")
    assert parallel.default_jobs() == 3
    monkeypatch.setenv(parallel.JOBS_ENV, "veel")
    with pytest.raises(ValueError, match="VN_BRIEVEN_JOBS"):
        parallel.default_jobs()


def test_workers_give_the_same_pages_as_one_process(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    pools = []

    class Counted(parallel.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(args)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Counted)
    one = content(tmp_path / "one")
    two = content(tmp_path / "two")
    pipeline.generate(Settings(**{**one.__dict__, "jobs": 1, "cache": False}))
    pipeline.generate(Settings(**{**two.__dict__, "jobs": 2, "cache": False}))
    assert len(pools) == 3                        # vocabulary, letters, letter pages: on two processes
    assert docs(one) == docs(two)
    assert len(docs(one)) > 100


def test_second_build_takes_every_letter_from_the_cache(tmp_path):
    settings = content(tmp_path)
    first = pipeline.generate(settings)
    pages = docs(settings)
    assert first.processed == len(LETTERS)
    assert settings.letter_cache.is_dir()
    second = pipeline.generate(settings)
    assert second.processed == 0
    assert docs(settings) == pages


def test_a_changed_letter_is_processed_again_and_only_that_one(tmp_path):
    settings = content(tmp_path)
    pipeline.generate(settings)
    letter = settings.content_dir / "letters" / LETTERS[0].name
    text = letter.read_text(encoding="utf-8")
    assert " Veiligheidsraad " in text
    letter.write_text(text.replace(" Veiligheidsraad ", " Veiligheidsraad (resolutie 2417) ", 1), encoding="utf-8")
    report = pipeline.generate(settings)
    assert report.processed == 1
    fresh = content(tmp_path / "fresh")
    shutil.copy(letter, fresh.content_dir / "letters" / letter.name)
    pipeline.generate(Settings(**{**fresh.__dict__, "cache": False}))
    assert docs(settings) == docs(fresh)          # the same as building from nothing


def test_changed_knowledge_reprocesses_every_letter(tmp_path):
    settings = content(tmp_path)
    pipeline.generate(settings)
    themes = settings.content_dir / "knowledge/themes.yml"
    text = themes.read_text(encoding="utf-8")
    assert "headings: [klimaat*, biodiversiteit, milieu]" in text
    themes.write_text(text.replace("headings: [klimaat*, biodiversiteit, milieu]",
                                   "headings: [klimaat*, biodiversiteit, milieu, hittegolf]"), encoding="utf-8")
    assert pipeline.generate(settings).processed == len(LETTERS)


def test_a_damaged_entry_is_made_again(tmp_path):
    settings = content(tmp_path)
    pipeline.generate(settings)
    pages = docs(settings)
    entries = sorted(settings.letter_cache.glob("*/*.pickle"))
    assert entries
    for entry in entries:
        entry.write_bytes(b"not a pickle")
    assert pipeline.generate(settings).processed == len(LETTERS)
    assert docs(settings) == pages


def test_no_cache_writes_no_cache(tmp_path):
    settings = Settings(**{**content(tmp_path).__dict__, "cache": False})
    assert pipeline.generate(settings).processed == len(LETTERS)
    assert settings.letter_cache is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "docs"]


def test_a_new_letter_that_changes_a_hyphen_decision_reprocesses_the_old_one(tmp_path):
    """A line-end hyphen is decided by how the corpus writes the word elsewhere: when a new letter
    writes it hyphenated more often than joined, the cached letter is not valid any more."""
    broken = ("Geachte voorzitter,\n\nDe Verenigde Naties steunen een oplossing voor de zee-\n"
              "landen in de regio. Dat is ook het standpunt van Nederland.\n")
    settings = content(tmp_path, letters=[], knowledge=False)
    (settings.content_dir / "letters/2020-brief-a.txt").write_text(broken, encoding="utf-8")
    pipeline.generate(settings)
    assert "zeelanden" in (settings.docs_dir / "brieven/2020-brief-a.md").read_text(encoding="utf-8")

    (settings.content_dir / "letters/2021-brief-b.txt").write_text(
        "Geachte voorzitter,\n\nDe zee-landen en nog eens de zee-landen werken samen.\n", encoding="utf-8")
    report = pipeline.generate(settings)
    assert report.processed == 2                  # the new letter, and the old one again
    assert "zee-landen" in (settings.docs_dir / "brieven/2020-brief-a.md").read_text(encoding="utf-8")


def test_entries_are_plain_pickles_of_processed_letters(tmp_path):
    settings = content(tmp_path, letters=LETTERS[:1])
    pipeline.generate(settings)
    values = [pickle.loads(p.read_bytes()) for p in settings.letter_cache.glob("*/*.pickle")]
    letters = [v.letter for v in values if hasattr(v, "letter")]
    assert [l.source.name for l in letters] == [LETTERS[0].name]
    assert letters[0].blocks and letters[0].mentions


def site(settings: Settings) -> dict[str, bytes]:
    return {p.relative_to(settings.site_dir).as_posix(): p.read_bytes()
            for p in sorted(settings.site_dir.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_rebuild_after_a_change_renders_only_changed_pages_and_equals_a_full_build(tmp_path):
    settings = content(tmp_path / "a", letters=LETTERS[1:3])
    first = pipeline.build(settings)
    assert not first.incremental
    letter = settings.content_dir / "letters" / LETTERS[1].name
    text = letter.read_text(encoding="utf-8")
    assert " Veiligheidsraad " in text
    letter.write_text(text.replace(" Veiligheidsraad ", " Veiligheidsraad (resolutie 2417) ", 1), encoding="utf-8")
    untouched = settings.site_dir / "over-deze-site/index.html"
    mtime = untouched.stat().st_mtime_ns

    second = pipeline.build(settings)
    assert second.incremental and second.processed == 1
    assert untouched.stat().st_mtime_ns == mtime                # not rendered again
    assert "resoluties/2417" in (settings.site_dir / f"brieven/{LETTERS[1].stem}/index.html").read_text()

    fresh = content(tmp_path / "b", letters=LETTERS[1:3])
    shutil.copy(letter, fresh.content_dir / "letters" / letter.name)
    assert not pipeline.build(Settings(**{**fresh.__dict__, "cache": False})).incremental
    assert site(settings) == site(fresh)

    # nothing changed at all: the site is left as it is (no MkDocs, no Pagefind)
    index = settings.site_dir / "index.html"
    before, mtime = site(settings), index.stat().st_mtime_ns
    third = pipeline.build(settings)
    assert third.site_unchanged and third.search is None
    assert "no MkDocs, no Pagefind" in format_report(third)
    assert site(settings) == before and index.stat().st_mtime_ns == mtime

    # a page that goes away, or a changed theme, means a full build again
    letter.unlink()
    letter.with_suffix(".yml").unlink(missing_ok=True)
    assert not pipeline.build(settings).incremental
    assert not (settings.site_dir / f"brieven/{LETTERS[1].stem}").exists()


# --- issue 15: checksums, --no-cache ------------------------------------------------------------------

def test_an_entry_carries_its_checksum_and_an_edited_one_is_missing(tmp_path):
    from generator.cache import CHECKSUM, LetterCache

    cache = LetterCache(tmp_path)
    cache.store("ab12", {"tekst": "Veiligheidsraad"})
    path = next(tmp_path.glob("*/*.pickle"))
    data = path.read_bytes()
    assert CHECKSUM in data and pickle.loads(data) == {"tekst": "Veiligheidsraad"}   # still a plain pickle
    assert cache.load("ab12") == {"tekst": "Veiligheidsraad"}
    path.write_bytes(data.replace(b"raad", b"rood"))                   # same length, still a valid pickle
    assert pickle.loads(path.read_bytes()) == {"tekst": "Veiligheidsrood"}
    assert cache.load("ab12") is None
    path.write_bytes(data[:-1])                                         # cut short
    assert cache.load("ab12") is None
    path.write_bytes(pickle.dumps({"tekst": "x"}))                      # an entry without a checksum
    assert cache.load("ab12") is None


def test_a_cache_that_is_not_read_still_stores_and_prunes(tmp_path):
    from generator.cache import LetterCache

    LetterCache(tmp_path).store("ab12", 1)
    LetterCache(tmp_path).store("cd34", 2)
    (tmp_path / "ab" / ".ab12.pickle.999-dead.tmp").write_bytes(b"half")      # of a killed build
    refresh = LetterCache(tmp_path, read=False)
    assert refresh.load("ab12") is None
    refresh.store("ab12", 3)
    assert refresh.prune() == 1                                          # cd34 was not used
    assert sorted(p.name for p in tmp_path.glob("*/*")) == ["ab12.pickle"]
    assert LetterCache(tmp_path).load("ab12") == 3


def test_no_cache_on_the_command_line_processes_everything_and_writes_the_cache(tmp_path, capsys, monkeypatch):
    from generator import site_build
    from generator.__main__ import main

    settings = content(tmp_path, letters=LETTERS[:1])
    args = ["serve", "--content", str(settings.content_dir), "--docs", str(settings.docs_dir),
            "--config", str(REPO / "mkdocs.yml")]
    monkeypatch.setattr(site_build, "serve_site", lambda *a, **k: None)          # generate only
    for extra, expected in (["--no-cache"], "(1 processed, 0 from the cache)"), ([], "(0 processed, 1 from the cache)"), \
            (["--no-cache"], "(1 processed, 0 from the cache)"):
        assert main([*args, *extra]) == 0
        assert expected in capsys.readouterr().out
    assert len(list(settings.letter_cache.glob("*/*.pickle"))) == 4        # the letter, its page, its tokens, the vocabulary


def test_key_covers_the_read_time_warnings(tmp_path):
    """A letter whose control characters were normalised at reading has the same text as one
    written without them; its warnings differ, so its cache entry must too."""
    from generator.cache import LetterCache
    from generator.model import Source

    cache = LetterCache(tmp_path, context="c")
    plain = Source(Path("/x/a.txt"), "Hierbij – informeer ik u.\n")
    normalised = Source(Path("/x/a.txt"), "Hierbij – informeer ik u.\n",
                        warnings=("a.txt:1: control characters in the line: U+0096 read as '–'",))
    assert cache.key(plain) != cache.key(normalised)
