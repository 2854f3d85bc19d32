"""The generator's fast path (pipeline._generate_unless_unchanged): a build whose inputs and docs
folder are those of the last one loads no letter and renders no page; any change to a letter, a
knowledge file, a hand-written page, the settings or the docs folder means generating again."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import cache, pipeline
from generator.clean import token_counts
from generator.config import Settings
from generator.errors import GeneratorError
from generator.report import format_report

from test_cache import LETTERS, content, docs


def times(settings: Settings) -> dict[str, int]:
    return {p.relative_to(settings.docs_dir).as_posix(): p.stat().st_mtime_ns
            for p in settings.docs_dir.rglob("*") if p.is_file()}


@pytest.fixture
def built(tmp_path) -> Settings:
    settings = content(tmp_path, letters=LETTERS[:2])
    first = pipeline.generate(settings)
    assert not first.inputs_unchanged and first.processed == 2
    return settings


@pytest.fixture
def no_letters_loaded(monkeypatch):
    """Fails the test when a letter is loaded (the fast path loads none)."""
    def refuse(*args, **kwargs):
        raise AssertionError("letters loaded")
    monkeypatch.setattr(pipeline, "load_letters", refuse)


def test_nothing_changed_nothing_is_generated(built, no_letters_loaded):
    pages, mtimes = docs(built), times(built)
    first = cache.GenerateState.load(built.letter_cache).report
    report = pipeline.generate(built)
    assert report.inputs_unchanged
    assert (report.processed, report.written, report.deleted) == (0, 0, 0)
    assert (report.letters, report.pages, report.warnings, report.rows) == \
        (first.letters, first.pages, first.warnings, first.rows)
    assert docs(built) == pages and times(built) == mtimes            # not one page written
    assert "no letter was read and no page rendered" in format_report(report)


def test_a_changed_letter_is_generated_again(built):
    letter = built.content_dir / "letters" / LETTERS[0].name
    text = letter.read_text(encoding="utf-8")
    assert " Veiligheidsraad " in text
    letter.write_text(text.replace(" Veiligheidsraad ", " Veiligheidsraad (resolutie 2417) ", 1), encoding="utf-8")
    report = pipeline.generate(built)
    assert not report.inputs_unchanged and report.processed == 1 and report.written
    assert "(resolutie 2417)" in (built.docs_dir / f"brieven/{LETTERS[0].stem}.md").read_text(encoding="utf-8")
    assert pipeline.generate(built).inputs_unchanged                  # and then nothing again


def test_a_letter_changed_with_its_size_and_time_kept_is_generated_again(built):
    """The contents decide, not the file's time: an edit that keeps the size and the time
    (rsync -t, a restored backup) is seen too."""
    letter = built.content_dir / "letters" / LETTERS[0].name
    info = letter.stat()
    text = letter.read_text(encoding="utf-8")
    letter.write_text(text.replace(" Veiligheidsraad ", " Veiligheidsrood ", 1), encoding="utf-8")
    os.utime(letter, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert letter.stat().st_size == info.st_size
    report = pipeline.generate(built)
    assert not report.inputs_unchanged and report.processed == 1


def test_a_touched_letter_still_takes_the_fast_path(built, no_letters_loaded):
    letter = built.content_dir / "letters" / LETTERS[0].name
    os.utime(letter, ns=(1, 1))
    assert pipeline.generate(built).inputs_unchanged


def test_a_new_file_in_the_letters_folder_is_seen(built):
    """Also a file the build refuses: the build must say so, not skip it."""
    (built.content_dir / "letters" / "2021-brief.md").write_text("Geachte voorzitter,\n", encoding="utf-8")
    with pytest.raises(GeneratorError, match=r"2021-brief\.md"):
        pipeline.generate(built)


def test_a_changed_knowledge_file_is_generated_again(built):
    themes = built.content_dir / "knowledge/themes.yml"
    text = themes.read_text(encoding="utf-8")
    assert "headings: [klimaat*, biodiversiteit, milieu]" in text
    themes.write_text(text.replace("headings: [klimaat*, biodiversiteit, milieu]",
                                   "headings: [klimaat*, biodiversiteit, milieu, hittegolf]"), encoding="utf-8")
    report = pipeline.generate(built)
    assert not report.inputs_unchanged and report.processed == 2


def test_a_changed_hand_written_page_is_generated_again(built):
    page = built.pages / "over-deze-site.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEen nieuwe alinea.\n", encoding="utf-8")
    report = pipeline.generate(built)
    assert not report.inputs_unchanged and report.written == 1
    assert "\nEen nieuwe alinea.\n" in (built.docs_dir / "over-deze-site.md").read_text(encoding="utf-8")


def test_a_deleted_or_edited_docs_file_is_written_again(built):
    pages = docs(built)
    (built.docs_dir / "over-deze-site.md").unlink()
    report = pipeline.generate(built)
    assert not report.inputs_unchanged and report.written == 1 and docs(built) == pages
    letter_page = built.docs_dir / f"brieven/{LETTERS[1].stem}.md"
    letter_page.write_text("bewerkt", encoding="utf-8")
    assert not pipeline.generate(built).inputs_unchanged
    assert docs(built) == pages


def test_other_settings_are_generated_again(built, tmp_path):
    """Another docs folder (here: a new one beside it) is not the one the state describes."""
    other = Settings(**{**built.__dict__, "docs_dir": tmp_path / "docs2", "cache_dir": built.letter_cache})
    report = pipeline.generate(other)
    assert not report.inputs_unchanged and report.processed == 0
    assert docs(other) == docs(built)


def test_no_cache_never_takes_the_fast_path(built):
    report = pipeline.generate(built, refresh=True)
    assert not report.inputs_unchanged and report.processed == 2
    assert pipeline.generate(built).inputs_unchanged                  # its state is recorded


def test_a_failed_generation_removes_the_state(built, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(pipeline.write, "write_docs", broken)
    page = built.pages / "over-deze-site.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEen nieuwe alinea.\n", encoding="utf-8")
    with pytest.raises(GeneratorError, match="disk is full"):
        pipeline.generate(built)
    assert cache.GenerateState.load(built.letter_cache) is None


def test_the_generator_fingerprint_covers_templates(tmp_path, monkeypatch):
    """code_fingerprint("*") sees every file of the generator (templates too), the letter cache's
    code_fingerprint() its Python only."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "a.py").write_text("x = 1\n")
    (tmp_path / "templates/letter.md.j2").write_text("{{ letter }}\n")
    monkeypatch.setattr(cache, "CODE_DIR", tmp_path)
    code, everything = cache.code_fingerprint(), cache.code_fingerprint("*")
    (tmp_path / "templates/letter.md.j2").write_text("{{ letter.id }}\n")
    assert cache.code_fingerprint() == code and cache.code_fingerprint("*") != everything


def test_files_digest_sees_names_and_contents_but_not_times(tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "a.txt").write_text("een")
    first = cache.files_digest([folder])
    os.utime(folder / "a.txt", ns=(5, 5))
    assert cache.files_digest([folder]) == first
    (folder / "a.txt").write_text("twee")
    second = cache.files_digest([folder])
    assert second != first
    (folder / ".a.txt").write_text("verborgen")
    assert cache.files_digest([folder]) != second
    (folder / ".a.txt").unlink()
    (folder / "a.txt").rename(folder / "b.txt")
    assert cache.files_digest([folder]) not in (first, second)
    assert cache.files_digest([tmp_path / "missing"]) != cache.files_digest([tmp_path / "other"])
    (folder / "linked").symlink_to(tmp_path, target_is_directory=True)
    assert cache.files_digest([folder]) is None                       # not followed: no fast path


# --- rendered letter pages kept in the cache (pipeline.render_letters) ----------------------------

def retitle(settings: Settings, letter: Path, title: str) -> None:
    sidecar = settings.content_dir / "letters" / letter.with_suffix(".yml").name
    text = sidecar.read_text(encoding="utf-8")
    start = text.index("\ntitle: ") + 1
    end = text.index("\n", start)
    sidecar.write_text(text[:start] + f'title: "{title}"' + text[end:], encoding="utf-8")


def fresh_docs(settings: Settings, tmp_path: Path) -> dict[str, bytes]:
    """The docs folder built from the same content with no cache at all."""
    fresh = Settings(**{**settings.__dict__, "docs_dir": tmp_path / "fresh-docs", "cache": False})
    pipeline.generate(fresh)
    return docs(fresh)


def test_letter_pages_come_from_the_cache_when_only_a_page_changed(tmp_path):
    settings = content(tmp_path, letters=LETTERS[:3])
    assert pipeline.generate(settings).rendered == 3
    page = settings.pages / "over-deze-site.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEen nieuwe alinea.\n", encoding="utf-8")
    report = pipeline.generate(settings)
    assert (report.processed, report.rendered, report.written) == (0, 0, 1)
    assert "(1 changed, 0 letter pages rendered)" in format_report(report)
    assert docs(settings) == fresh_docs(settings, tmp_path)


def test_a_new_title_renders_the_letter_and_the_pages_that_list_it_as_related(tmp_path):
    from generator.index import build_index

    settings = content(tmp_path, letters=LETTERS[:4])
    pipeline.generate(settings)
    letters = pipeline.load_letters(settings)
    index = build_index(letters, pipeline.load_knowledge(settings), pipeline.load_taxonomy(settings))
    target = LETTERS[0].stem
    listing = {l.id for l in letters if any(r.letter.id == target for r in index.related.get(l.id, []))}
    assert listing                                         # some pages list it
    pipeline.generate(settings)                            # load_letters above pruned the rendered pages
    retitle(settings, LETTERS[0], "Een nieuwe titel voor de brief")
    report = pipeline.generate(settings)
    assert report.processed == 1 and report.rendered == 1 + len(listing)
    assert docs(settings) == fresh_docs(settings, tmp_path)
    for other in listing:
        assert "Een nieuwe titel voor de brief" in (settings.docs_dir / f"brieven/{other}.md").read_text(encoding="utf-8")


def test_a_damaged_rendered_page_is_rendered_again(tmp_path):
    settings = content(tmp_path, letters=LETTERS[:2])
    pipeline.generate(settings)
    pages = docs(settings)
    stored = sorted(settings.letter_cache.glob("pa/page-*.pickle"))
    assert len(stored) == 2
    stored[0].write_bytes(stored[0].read_bytes().replace(b"Koninkrijk", b"Keizerrijk"))
    (settings.docs_dir / "over-deze-site.md").unlink()    # not the fast path
    report = pipeline.generate(settings)
    assert report.rendered == 1 and docs(settings) == pages


def test_no_cache_renders_every_letter_page(built):
    report = pipeline.generate(built, refresh=True)
    assert report.rendered == 2


def test_only_a_changed_letter_is_counted_again_for_the_vocabulary(tmp_path, monkeypatch):
    """The corpus vocabulary is the sum of each letter's token counts, kept per letter text."""
    settings = Settings(**{**content(tmp_path, letters=LETTERS[:3]).__dict__, "jobs": 1})
    pipeline.generate(settings)
    counted = []

    def counting(texts):
        texts = list(texts)
        counted.extend(texts)
        return token_counts(texts)
    monkeypatch.setattr(pipeline, "token_counts", counting)
    letter = settings.content_dir / "letters" / LETTERS[1].name
    letter.write_text(letter.read_text(encoding="utf-8") + "\nDe zee-\nlanden werken samen.\n", encoding="utf-8")
    report = pipeline.generate(settings)
    assert report.processed >= 1 and len(counted) == 1 and counted[0].endswith("werken samen.\n")
    assert docs(settings) == fresh_docs(settings, tmp_path)
