"""write.py: docs folder mirrored with minimal writes, letters.json contract, atomic site swap."""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import re
from pathlib import Path

import pytest

from generator import pipeline, site_build, write
from generator.config import Settings
from generator.errors import BuildError, GeneratorError
from generator.model import Block, Furniture, Letter, Member, Meta, Signatory, Source, Span
from generator.model import OutputPage
from generator.pages.data import letters_json, qa_record

REPO = Path(__file__).resolve().parents[1]
JSON_FIELDS = ["id", "title", "kind", "date", "year", "sessions", "kamerstuk", "url", "source_file", "page_url",
               "paragraphs", "lines", "furniture_removed", "citation", "chamber", "vergaderjaar", "dossier",
               "number", "aanhangsel", "signatories", "askers", "provenance", "sources", "not_found",
               "official_page", "official_pdf", "downloads"]      # issue 18: the publication and the downloads


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def make_site(folder: Path) -> dict[str, bytes]:
    (folder / "sub").mkdir(parents=True)
    (folder / "index.html").write_text("<p>oud</p>")
    (folder / "sub" / "a.css").write_bytes(b"body{}")
    (folder / site_build.SITE_MARKER).touch()
    return snapshot(folder)


# --- atomic swap ------------------------------------------------------------------------------------

def test_failed_build_leaves_the_site_byte_identical(tmp_path):
    site = tmp_path / "site"
    before = make_site(site)
    with pytest.raises(RuntimeError):
        with site_build.staged_dir(site) as staging:
            (staging / "index.html").write_text("<p>nieuw</p>")
            raise RuntimeError("MkDocs failed")
    assert snapshot(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]           # no leftovers


def test_successful_build_replaces_the_site(tmp_path):
    site = tmp_path / "site"
    make_site(site)
    with site_build.staged_dir(site) as staging:
        (staging / "index.html").write_text("<p>nieuw</p>")
    assert set(snapshot(site)) == {"index.html", site_build.SITE_MARKER}
    assert (site / "index.html").read_text() == "<p>nieuw</p>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_folder_the_generator_did_not_make_is_not_replaced(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(BuildError, match="refusing"):
        with site_build.staged_dir(tmp_path):
            pass
    assert (tmp_path / "notes.txt").read_text() == "mine"


def small_content(tmp_path: Path) -> Settings:
    content = tmp_path / "content"
    (content / "letters").mkdir(parents=True)
    shutil.copy(REPO / "content/letters/2019-veiligheidsraad-2018-terugblik.txt", content / "letters")
    shutil.copytree(REPO / "content/pages", content / "pages")
    return Settings(content_dir=content, site_dir=tmp_path / "site", docs_dir=tmp_path / "docs",
                    mkdocs_yml=REPO / "mkdocs.yml")


def test_pipeline_failure_keeps_the_previous_site(tmp_path):
    settings = small_content(tmp_path)
    pipeline.build(settings)
    before = snapshot(settings.site_dir)
    assert "brieven/2019-veiligheidsraad-2018-terugblik/index.html" in before

    # a broken link in a page: MkDocs --strict fails after the Markdown is written
    about = settings.content_dir / "pages/over-deze-site.md"
    about.write_text(about.read_text() + "\n[weg](bestaat-niet.md)\n", encoding="utf-8")
    with pytest.raises(BuildError, match="bestaat-niet.md"):
        pipeline.build(settings)
    assert snapshot(settings.site_dir) == before

    # a letter that cannot be read: the build fails naming the file, the site stays
    (settings.content_dir / "letters/kapot.txt").write_bytes("tekst".encode("utf-16"))
    with pytest.raises(GeneratorError, match="kapot.txt"):
        pipeline.build(settings)
    assert snapshot(settings.site_dir) == before
    # nothing half-written beside them (docs.cache keeps the processed letters between builds)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "docs", "docs.cache", "site"]


# --- docs folder ------------------------------------------------------------------------------------

def test_unchanged_files_are_not_rewritten_and_stale_ones_go(tmp_path):
    docs = tmp_path / "docs"
    pages = [OutputPage("index.md", "# a\n"), OutputPage("brieven/x.md", "x\n"), OutputPage("brieven/y.md", "y\n")]
    assert write.write_docs(docs, pages) == write.WriteStats(written=3, unchanged=0, deleted=0)
    old = 1_000_000_000
    for p in docs.rglob("*.md"):
        os.utime(p, ns=(old, old))
    stats = write.write_docs(docs, [pages[0], OutputPage("brieven/x.md", "x2\n")])
    assert stats == write.WriteStats(written=1, unchanged=1, deleted=1)
    assert (docs / "index.md").stat().st_mtime_ns == old
    assert (docs / "brieven/x.md").read_text() == "x2\n"
    assert not (docs / "brieven/y.md").exists()
    write.write_docs(docs, [pages[0]])
    assert not (docs / "brieven").exists()                                   # empty folder removed


def test_docs_folder_with_foreign_files_is_refused(tmp_path):
    (tmp_path / "eigen.md").write_text("mijn tekst")
    with pytest.raises(BuildError, match="refusing"):
        write.write_docs(tmp_path, [OutputPage("index.md", "x")])
    assert (tmp_path / "eigen.md").read_text() == "mijn tekst"


# --- letters.json -----------------------------------------------------------------------------------

def _letter(letter_id: str, date: dt.date | None) -> Letter:
    blocks = [Block("paragraph", "a", Span(1, 1)), Block("heading", "b", Span(2, 2)),
              Block("bullet", "c", Span(3, 3)), Block("answer", "d", Span(4, 4), number="1")]
    return Letter(letter_id, Source(Path(f"/x/{letter_id}.txt"), "een\ntwee\ndrie\n"),
                  Meta(title=f"Brief {letter_id} – één", kind="inzetbrief", date=date,
                       year=date.year if date else None, sessions=[75, 74],
                       kamerstuk="26 150, nr. 187", url="https://zoek.officielebekendmakingen.nl/kst-26150-187",
                       chamber="II", vergaderjaar="2020-2021", dossier="26 150", number="187",
                       signatories=[Signatory("S.A. Blok", "Minister van Buitenlandse Zaken")],
                       askers=[Member("Van den Bergh", "PvdA")],
                       provenance={"number": "regel 3: «Nr. 187»", "dossier": "regel 2: «26 150»"}),
                  blocks, [], [Furniture(1, "Onze Referentie", "lopende kop")])


def test_letters_json_order_and_fields():
    letters = [_letter("c", dt.date(2020, 9, 1)), _letter("zonder", None), _letter("b", dt.date(2020, 9, 1)),
               _letter("a", dt.date(2018, 1, 2))]
    page = letters_json(letters)
    assert page.path == "data/letters.json"
    assert page.text.endswith("]\n") and "één" in page.text                  # UTF-8, not \u escapes
    records = json.loads(page.text)
    assert [r["id"] for r in records] == ["a", "b", "c", "zonder"]
    assert [list(r) for r in records] == [JSON_FIELDS] * 4
    assert records[0] == {
        "id": "a", "title": "Brief a – één", "kind": "inzetbrief", "date": "2018-01-02", "year": 2018,
        "sessions": [75, 74], "kamerstuk": "26 150, nr. 187",
        "url": "https://zoek.officielebekendmakingen.nl/kst-26150-187", "source_file": "a.txt",
        "page_url": "brieven/a/", "paragraphs": 3, "lines": 3, "furniture_removed": 1,
        "citation": "Kamerstukken II 2020/21, 26 150, nr. 187", "chamber": "II", "vergaderjaar": "2020-2021",
        "dossier": "26 150", "number": "187", "aanhangsel": "",
        "signatories": [{"name": "S.A. Blok", "role": "Minister van Buitenlandse Zaken"}],
        "askers": [{"name": "Van den Bergh", "party": "PvdA"}],
        "provenance": {"dossier": "regel 2: «26 150»", "number": "regel 3: «Nr. 187»"},
        "sources": {}, "not_found": [],
        "official_page": "https://zoek.officielebekendmakingen.nl/kst-26150-187.html",
        "official_pdf": "https://zoek.officielebekendmakingen.nl/kst-26150-187.pdf",
        "downloads": {"bibtex": "brieven/a/a.bib", "ris": "brieven/a/a.ris", "csl_json": "brieven/a/a.csl.json",
                      "text": "brieven/a/a.txt", "pdf": None}}
    assert records[3]["date"] is None and records[3]["year"] is None
    assert letters_json(list(reversed(letters))) == page                # input order does not matter


def test_two_letters_with_the_same_id_fail_naming_both_files(tmp_path):
    settings = small_content(tmp_path)
    letters = settings.content_dir / "letters"
    shutil.copy(letters / "2019-veiligheidsraad-2018-terugblik.txt", letters / "2019_Veiligheidsraad_2018_Terugblik.txt")
    with pytest.raises(GeneratorError) as failure:
        pipeline.build(settings)
    message = str(failure.value)
    assert "2019-veiligheidsraad-2018-terugblik.txt" in message and "2019_Veiligheidsraad_2018_Terugblik.txt" in message
    assert not settings.site_dir.exists() and not settings.docs_dir.exists()


def test_letters_that_fail_a_stage_are_all_reported_by_file(tmp_path, monkeypatch):
    settings = small_content(tmp_path)
    letters = settings.content_dir / "letters"
    shutil.copy(letters / "2019-veiligheidsraad-2018-terugblik.txt", letters / "tweede.txt")
    real_parse = pipeline.parse_letter

    def failing_parse(cleaned, **options):
        raise ValueError("parser gave up")

    monkeypatch.setattr(pipeline, "parse_letter", failing_parse)
    with pytest.raises(GeneratorError) as failure:
        pipeline.build(settings)
    message = str(failure.value)
    assert "2 problem(s)" in message and "parser gave up" in message
    assert "2019-veiligheidsraad-2018-terugblik.txt" in message and "tweede.txt" in message
    monkeypatch.setattr(pipeline, "parse_letter", real_parse)
    assert pipeline.build(settings).letters == 2


def test_every_open_data_field_is_documented_on_the_open_data_page():
    """The open-data contract: each field a record of letters.json or qa.json carries has a row in
    the table of content/pages/open-data.md (a field added without documenting it fails here)."""
    page = (REPO / "content" / "pages" / "open-data.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(\w+)` \|", page, re.MULTILINE))
    record = json.loads(letters_json([_letter("a", dt.date(2018, 1, 2))]).text)[0]
    assert set(record) <= documented, sorted(set(record) - documented)
    from generator.model import Item, Round
    answer = Block("answer", "Ja.", Span(2, 2), number="1", anchor="antwoord-1")
    letter = _letter("b", None)
    qa = Round(letter, [Item(1, "", "", answer, None, ())], [], {}, {}, [])
    assert set(qa_record(qa, qa.items[0])) <= documented



def test_every_mission_field_of_entities_json_is_named_on_the_open_data_page():
    """entities.json's records are described in prose: each field of a mission record is named
    there in backticks (the mission fields of issue 17 included)."""
    from generator.index import make_entity
    from generator.knowledge import build_knowledge
    from generator.pages.data import entity_record
    from generator.read import read_knowledge
    page = (REPO / "content" / "pages" / "open-data.md").read_text(encoding="utf-8")
    section = page.split("`data/entities.json`", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"`(\w+)`", section))
    knowledge = build_knowledge(read_knowledge(REPO / "content"))
    record = entity_record(make_entity("mission", "UNAVEM-II", knowledge))
    assert {"phases", "preceded_by", "followed_by", "ended", "name_nl"} <= set(record)
    assert set(record) <= named, sorted(set(record) - named)


# --- issue 15: temporary names, locks, leftovers, the site's manifest ---------------------------------

def test_docs_are_written_through_temporary_files_of_unique_names(tmp_path, monkeypatch):
    """Two builds writing the same docs folder used to share `.{name}.tmp` and crash each other."""
    names = []
    real = os.replace

    def record(src, dst):
        names.append(Path(src).name)
        real(src, dst)
    monkeypatch.setattr(os, "replace", record)
    write.write_docs(tmp_path, [OutputPage("index.md", "a\n")])
    write.write_docs(tmp_path, [OutputPage("index.md", "b\n")])
    assert len(names) == len(set(names)) == 2 and all(write.is_temporary(n) for n in names)
    assert sorted(p.name for p in tmp_path.iterdir()) == [write.DOCS_MARKER, "index.md"]


def test_a_stale_temporary_file_in_the_docs_is_removed_without_counting_as_a_deleted_page(tmp_path):
    write.write_docs(tmp_path, [OutputPage("index.md", "a\n")])
    (tmp_path / ".index.md.4242-abcd1234.tmp").write_text("hal")
    assert write.write_docs(tmp_path, [OutputPage("index.md", "a\n")]).deleted == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [write.DOCS_MARKER, "index.md"]


def test_a_folder_is_locked_once_and_the_lock_file_goes_with_the_lock(tmp_path):
    site = tmp_path / "site"
    with write.locked(site, None):
        lock = write.lock_path(site)
        assert lock.read_text().strip() == str(os.getpid())
        with write.locked(site):                               # the same process: no second lock
            pass
        assert lock.is_file()
        # another holder (here another open file, as another process has)
        import subprocess
        import sys
        other = subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; "
                                "from generator import write\nwith write.locked(Path(sys.argv[1])): pass", str(site)],
                               capture_output=True, text=True, cwd=REPO)
        assert other.returncode == 1 and f"another build is running (pid {os.getpid()})" in other.stderr
    assert not lock.exists()
    with write.locked(site):                                   # free again
        pass


def test_leftovers_of_killed_builds_are_removed_and_nothing_else(tmp_path):
    site = tmp_path / "site"
    make_site(site)
    for name in (".site.new-1234-abc", ".site.old-1234-abc", ".site2.new-1234-abc", "site.new-x"):
        (tmp_path / name / "sub").mkdir(parents=True)
    removed = site_build.remove_leftovers(site)
    assert [p.name for p in removed] == [".site.new-1234-abc", ".site.old-1234-abc"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site2.new-1234-abc", "site", "site.new-x"]


def test_a_seeded_staging_folder_is_writable_even_when_the_site_was_not(tmp_path):
    site = tmp_path / "site"
    make_site(site)
    (site / "sub").chmod(0o555)
    site.chmod(0o555)
    try:
        with pytest.raises(RuntimeError):
            with site_build.staged_dir(site, seed=True) as staging:
                assert os.stat(staging).st_mode & 0o700 == 0o700
                assert os.stat(staging / "sub").st_mode & 0o700 == 0o700
                raise RuntimeError("MkDocs failed")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    finally:
        site.chmod(0o755)
        (site / "sub").chmod(0o755)


def test_the_manifest_lists_files_with_size_and_time_but_no_dotfiles(tmp_path):
    site = tmp_path / "site"
    make_site(site)
    found = write.manifest(site)
    assert sorted(found) == ["index.html", "sub/a.css"]
    assert found["sub/a.css"][0] == 6
    assert write.manifest(tmp_path / "nergens") == {}


def test_a_disk_problem_is_one_message_with_what_to_do(tmp_path):
    import errno

    message = write.os_problem(OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "x")),
                               "write the site", tmp_path)
    assert message.startswith(f"cannot write the site: the disk is full: {tmp_path / 'x'}\n  hint: free some space")
    assert "permission denied" in write.os_problem(PermissionError(errno.EACCES, "Permission denied"), "x", tmp_path)
