"""Reliability, end to end through the command line: every kind of bad input fails the build with
a message naming the file (and line where known) and a hint, exit code 1, and the site built
before left byte for byte as it was. Plus: what must be accepted (cp1252, BOM, CRLF, a 5 MB line),
nothing lost, reproducible builds, stable anchors, broken links, and `generator check`.

Each test gets its own copy of a small project (one real letter with its sidecar, the hand-written
pages and the knowledge base) whose site was built once, successfully, by the same command.
"""
from __future__ import annotations

import collections
import contextlib
import io
import json
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest
import yaml

from generator import pipeline
from generator import pages as site_pages
from generator.pages.labels import mention_html
from generator.pages.markdown import page_title
from generator.__main__ import main
from generator.site_build import SITE_MARKER

REPO = Path(__file__).resolve().parents[1]
LETTER = "2019-veiligheidsraad-2018-terugblik"
PAGE = f"brieven/{LETTER}/index.html"
MIN_CONSERVE = 0.999                     # as tests/test_site.py
pytestmark = pytest.mark.slow


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(*argv: str) -> tuple[int, str, str]:
    """The command line, in-process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@dataclass
class Project:
    root: Path
    content: Path
    site: Path
    docs: Path
    before: dict[str, bytes]
    config: Path = REPO / "mkdocs.yml"

    @property
    def letters(self) -> Path:
        return self.content / "letters"

    def build(self, *extra: str) -> tuple[int, str, str]:
        return run("build", "--content", str(self.content), "--site", str(self.site), "--docs", str(self.docs),
                   "--config", str(self.config), *extra)

    def check(self) -> tuple[int, str, str]:
        return run("check", "--content", str(self.content), "--config", str(self.config))

    def assert_refused(self, code: int, err: str, *expected: str) -> None:
        """Exit 1, one 'error:' message without a traceback that says each of `expected` and how
        to fix it, the old site byte for byte as it was and no temporary folder left behind."""
        assert code == 1, err
        assert err.startswith("error: ") and "Traceback" not in err, err
        for text in expected:
            assert text in err, f"{text!r} not in:\n{err}"
        assert "hint: " in err, err
        assert snapshot(self.site) == self.before
        assert not [p.name for p in self.root.iterdir() if p.name.startswith(".site.")]   # no staging left


def make_content(root: Path) -> Path:
    content = root / "content"
    (content / "letters").mkdir(parents=True)
    for suffix in (".txt", ".yml"):
        shutil.copy(REPO / "content/letters" / f"{LETTER}{suffix}", content / "letters")
    shutil.copytree(REPO / "content/pages", content / "pages")
    shutil.copytree(REPO / "content/knowledge", content / "knowledge")
    return content


@pytest.fixture(scope="module")
def first_build(tmp_path_factory) -> Path:
    """The small project, built once by the command line: the 'previously built site'."""
    root = tmp_path_factory.mktemp("first")
    make_content(root)
    code, out, err = run("build", "--content", str(root / "content"), "--site", str(root / "site"),
                         "--docs", str(root / "docs"), "--config", str(REPO / "mkdocs.yml"))
    assert code == 0, err
    assert (root / "site" / PAGE).is_file() and (root / "site" / SITE_MARKER).is_file()
    return root


@pytest.fixture
def project(first_build, tmp_path) -> Project:
    for name in ("content", "site", "docs"):
        shutil.copytree(first_build / name, tmp_path / name)
    return Project(tmp_path, tmp_path / "content", tmp_path / "site", tmp_path / "docs",
                   snapshot(tmp_path / "site"))


def page_text(path: Path) -> str:
    """The visible text of a page's main content, whitespace collapsed."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts, self.depth = [], 0

        def handle_starttag(self, tag, attrs):
            if tag == "article" or self.depth:
                self.depth += 1

        def handle_endtag(self, tag):
            if self.depth:
                self.depth -= 1

        def handle_data(self, data):
            if self.depth:
                self.parts.append(data)

    parser = Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split())


OPENING = ("Geachte voorzitter,\n\nHierbij bied ik u het verslag aan van de 73e zitting van de Algemene\n"
           "Vergadering van de Verenigde Naties.\n")


# --- 1. bad input: one test each ---------------------------------------------------------------------

def test_empty_file(project):
    (project.letters / "leeg.txt").write_bytes(b"")
    project.assert_refused(*project.build()[::2], "letters/leeg.txt: the file is empty")


def test_the_process_itself_exits_non_zero(project):
    """The same through `python -m generator` in a process of its own, as CI runs it."""
    import subprocess
    import sys

    (project.letters / "leeg.txt").write_bytes(b"")
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--content", str(project.content),
                           "--site", str(project.site), "--docs", str(project.docs), "--config", str(project.config)],
                          capture_output=True, text=True, cwd=REPO, timeout=120)
    project.assert_refused(done.returncode, done.stderr, "letters/leeg.txt: the file is empty")
    assert done.stdout == ""


def test_whitespace_only_file(project):
    (project.letters / "leeg.txt").write_bytes(b"  \r\n\t\n\f\n")
    project.assert_refused(*project.build()[::2], "letters/leeg.txt: the file is empty")


def test_binary_file(project):
    (project.letters / "scan.txt").write_bytes(b"%PDF-1.4\n\x00\x01\x02\xff binary")
    project.assert_refused(*project.build()[::2], "letters/scan.txt:2: binary file (NUL byte at offset 9)")


def test_utf16_file(project):
    (project.letters / "word.txt").write_bytes(OPENING.encode("utf-16"))
    project.assert_refused(*project.build()[::2], "letters/word.txt: the file is UTF-16 encoded", "UTF-8")


def test_cp1252_file_is_decoded(project):
    """A letter saved as Windows-1252 (Latin-1 with curly quotes) is read as such: no mojibake."""
    text = OPENING + "\nDe minister van Curaçao, mevrouw Camelia-Römer, sprak over “hervorming” – kort.\n"
    (project.letters / "oud.txt").write_bytes(text.encode("cp1252"))
    code, out, err = project.build()
    assert code == 0, err
    shown = page_text(project.site / "brieven/oud/index.html")
    assert "De minister van Curaçao, mevrouw Camelia-Römer, sprak over “hervorming” – kort." in shown
    assert "Ã" not in shown


def test_latin1_file_with_bytes_cp1252_does_not_have(project):
    """0x81 is a control character in Latin-1 and undefined in cp1252: refuse, naming line and byte."""
    (project.letters / "kapot.txt").write_bytes(OPENING.encode() + b"Cura\x81ao\n")
    project.assert_refused(*project.build()[::2], "letters/kapot.txt:5: not valid UTF-8: byte 0x81 at offset 131")


def test_utf8_bom_and_crlf_are_accepted(project):
    text = "\ufeff" + OPENING.replace("\n", "\r\n") + "\r\nDe Minister van Buitenlandse Zaken\r\nbezocht New York.\r\n"
    (project.letters / "windows.txt").write_bytes(text.encode("utf-8"))
    code, out, err = project.build()
    assert code == 0, err
    html = (project.site / "brieven/windows/index.html").read_text(encoding="utf-8")
    assert "\ufeff" not in html and "\r" not in html and "&#13;" not in html
    # a link ends a text run: page_text puts a space between it and the full stop after it
    shown = re.sub(r" ([.,;:])", r"\1", page_text(project.site / "brieven/windows/index.html"))
    assert "Geachte voorzitter," in shown
    assert "Hierbij bied ik u het verslag aan van de 73e zitting van de Algemene Vergadering van de Verenigde Naties." in shown
    assert "De Minister van Buitenlandse Zaken bezocht New York." in shown
    record = next(r for r in json.loads((project.site / "data/letters.json").read_text()) if r["id"] == "windows")
    assert record["lines"] == 7


def test_invalid_yaml_sidecar(project):
    (project.letters / f"{LETTER}.yml").write_text("title: Terugblik\nkind: terugblik-veiligheidsraad\n  date: 2019-02-15\n")
    project.assert_refused(*project.build()[::2], f"letters/{LETTER}.yml:3: invalid YAML")


def test_sidecar_with_unknown_field(project):
    (project.letters / f"{LETTER}.yml").write_text("title: Terugblik\nsession: 73\n")
    project.assert_refused(*project.build()[::2], f"letters/{LETTER}.yml:2: unknown field 'session' "
                                                  "(did you mean 'sessions'?)", "allowed fields: title,")


def test_sidecar_field_of_wrong_type(project):
    (project.letters / f"{LETTER}.yml").write_text("title: Terugblik\nsessions: 73\n")
    project.assert_refused(*project.build()[::2], f"letters/{LETTER}.yml:2: field 'sessions' has a wrong value",
                           "sessions: [75, 74]")


def test_sidecar_with_impossible_date(project):
    (project.letters / f"{LETTER}.yml").write_text("title: Terugblik\ndate: 2019-02-30\n")
    project.assert_refused(*project.build()[::2], f"letters/{LETTER}.yml:2: a date that does not exist",
                           "YYYY-MM-DD")


def test_sidecar_without_its_text(project):
    (project.letters / "verdwaald.yml").write_text("kind: inzetbrief\n")
    project.assert_refused(*project.build()[::2], "letters/verdwaald.yml: sidecar without a letter: "
                                                  "no verdwaald.txt or verdwaald.pdf")


def test_two_letters_whose_slugs_collide(project):
    (project.letters / "Brief A.txt").write_text(OPENING, encoding="utf-8")
    (project.letters / "brief-a.txt").write_text(OPENING, encoding="utf-8")
    project.assert_refused(*project.build()[::2], "letters/brief-a.txt: letter id 'brief-a' is also the id of",
                           "Brief A.txt")


def test_a_letter_cannot_take_the_address_of_the_overview(project):
    (project.letters / "index.txt").write_text(OPENING, encoding="utf-8")
    project.assert_refused(*project.build()[::2], "letters/index.txt: letter id 'index' is the address of the "
                                                  "letters overview", "rename the file")


def test_same_letter_as_txt_and_pdf(project):
    shutil.copy(project.letters / f"{LETTER}.txt", project.letters / "dubbel.txt")
    (project.letters / "dubbel.pdf").write_bytes(b"%PDF-1.4\n")
    project.assert_refused(*project.build()[::2], "the same letter exists twice: dubbel.pdf and dubbel.txt")


def test_word_document(project):
    (project.letters / "brief.docx").write_bytes(b"PK\x03\x04")
    project.assert_refused(*project.build()[::2], "letters/brief.docx: cannot read .docx files")


def test_missing_content_folder(project):
    code, out, err = run("build", "--content", str(project.root / "nergens"), "--site", str(project.site),
                         "--docs", str(project.docs), "--config", str(REPO / "mkdocs.yml"))
    assert code == 1 and err.startswith("error: ") and "Traceback" not in err
    assert f"{project.root / 'nergens'}: content folder not found" in err and "--content" in err
    assert err.count("\n") == 2                    # one problem, not one per missing page too
    assert snapshot(project.site) == project.before


def test_missing_letters_folder(project):
    shutil.rmtree(project.letters)
    project.assert_refused(*project.build()[::2], "letters: letters folder not found")


def test_five_megabyte_single_line(project, capsys):
    """Accepted, in reasonable time: no stage may be quadratic in the length of a paragraph."""
    chunk = "Het Koninkrijk der Nederlanden was met een brede delegatie vertegenwoordigd. " * 650
    mention = "Nederland steunt resolutie 2417 over honger en conflict en de missie MINUSMA in Mali. "
    line = (mention.join([chunk] * 100))[:5_000_000]
    (project.letters / "groot.txt").write_text(line, encoding="utf-8")
    start = time.perf_counter()
    code, out, err = project.build()
    seconds = time.perf_counter() - start
    with capsys.disabled():
        print(f"\n5 MB single-line letter: built in {seconds:.1f} s")
    assert code == 0, err
    assert seconds < 90
    page = project.site / "brieven/groot/index.html"
    assert page.stat().st_size > 5_000_000
    assert "resolutie 2417" in (project.site / "resoluties/2417/index.html").read_text(encoding="utf-8")


def test_mention_excerpts_are_not_quadratic():
    """The 5 MB build above used to spend minutes here: each excerpt scanned the whole paragraph."""
    from generator.model import Block, Letter, Meta, Mention, Source, Span

    sentence = "De Veiligheidsraad sprak over Mali. "
    text = sentence * 60_000                      # 2 MB, one paragraph, 60 000 sentence breaks
    starts = [i * len(sentence) * 60 + 30 for i in range(1000)]
    letter = Letter("groot", Source(Path("groot.txt"), text), Meta(), [Block("paragraph", text, Span(1, 1))], [], [])
    mentions = [Mention("groot", "groot.txt", "country", "ML", True, 1, "p-1", "Mali", s, s + 4, 0) for s in starts]
    start = time.perf_counter()
    excerpts = [mention_html(m, {"groot": letter}) for m in mentions]
    assert time.perf_counter() - start < 2
    assert excerpts[500] == "De Veiligheidsraad sprak over <strong>Mali</strong>."


def _blank_pdf() -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_without_text_layer(project):
    (project.letters / "scan.pdf").write_bytes(_blank_pdf())
    project.assert_refused(*project.build()[::2], "letters/scan.pdf: the PDF has no text layer", "OCR")


def test_pdf_that_is_not_a_pdf(project):
    (project.letters / "kapot.pdf").write_bytes(b"%PDF-1.4\nthis is not a pdf")
    project.assert_refused(*project.build()[::2], "letters/kapot.pdf: cannot read the PDF")


@pytest.mark.parametrize("name, edit, expected", [
    ("missions.yml", lambda t: t.replace("MINUSMA:\n", "MINUSMA:\n  typo: x\n", 1),
     "knowledge/missions.yml:58: MINUSMA: unknown field 'typo' (did you mean 'type'?)"),
    ("missions.yml", lambda t: t.replace("type: peacekeeping", "type: vrede", 1), "knowledge/missions.yml:"),
    ("resolutions.yml", lambda t: t + "\n2417: [\n", "knowledge/resolutions.yml:"),
    ("countries.yml", lambda t: "aliases: Mali\n", "knowledge/countries.yml:1:"),
    ("countries.yml", None, "knowledge/countries.yml: knowledge file not found"),
], ids=["unknown-field", "wrong-value", "invalid-yaml", "wrong-type", "missing-file"])
def test_knowledge_base_file_with_an_error(project, name, edit, expected):
    path = project.content / "knowledge" / name
    if edit is None:
        path.unlink()
    else:
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    project.assert_refused(*project.build()[::2], expected)


def test_theme_override_with_an_error(project):
    """A broken template in overrides/ names the template and its line."""
    overrides = project.root / "overrides"
    shutil.copytree(REPO / "overrides", overrides)
    main_html = overrides / "main.html"
    main_html.write_text(main_html.read_text(encoding="utf-8").replace("{{ super() }}", "{{ super() }"),
                         encoding="utf-8")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(overrides)
    config["hooks"] = [str(REPO / h) for h in config.get("hooks", [])]
    project.config = project.root / "mkdocs.yml"
    project.config.write_text(yaml.safe_dump(config), encoding="utf-8")
    line = main_html.read_text(encoding="utf-8").split("\n").index("  {{ super() }") + 1
    project.assert_refused(*project.build()[::2], f"{main_html}:{line}: unexpected '}}'", "overrides/")


def test_a_stage_that_crashes_on_one_letter_fails_the_build_naming_it(project, monkeypatch):
    """A letter the parser cannot handle never just vanishes from the site."""
    (project.letters / "lastig.txt").write_text(OPENING + "\nEen alinea waarover de parser struikelt.\n")
    real = pipeline.parse_letter

    def parse(cleaned, **options):
        if any("struikelt" in line.text for line in cleaned.lines):
            raise IndexError("list index out of range")
        return real(cleaned, **options)
    monkeypatch.setattr(pipeline, "parse_letter", parse)
    code, out, err = project.build()
    project.assert_refused(code, err, "1 problem(s) in the content; nothing was built",
                           "letters/lastig.txt: cannot process this letter: IndexError: list index out of range")


# --- 3. nothing lost ------------------------------------------------------------------------------

def conserve(content: Path, site: Path, sitecheck) -> dict[str, float]:
    """Per source file in content/letters: the share of its words on its page (sitecheck's
    `conserve` measure, furniture included: the page lists it). A letter without a page scores 0."""
    records = {r["source_file"]: r for r in json.loads((site / "data/letters.json").read_text(encoding="utf-8"))}
    recalls = {}
    for source in sorted((content / "letters").glob("*.txt")):
        want = collections.Counter(sitecheck.words(source.read_text(encoding="utf-8")))
        record = records.get(source.name)
        page = site / record["page_url"] / "index.html" if record else None
        if page is None or not page.is_file():
            recalls[source.name] = 0.0
            continue
        got = collections.Counter(sitecheck.words(" ".join(sitecheck.parse(str(page)).text)))
        recalls[source.name] = 1 - sum((want - got).values()) / sum(want.values())
    return recalls


def test_every_letter_of_the_real_corpus_keeps_its_words(built_site, sitecheck):
    settings, _ = built_site
    recalls = conserve(settings.content_dir, settings.site_dir, sitecheck)
    assert len(recalls) == len(list((REPO / "content/letters").glob("*.txt"))) == 5
    assert min(recalls.values()) >= MIN_CONSERVE, recalls


def test_the_word_check_fails_when_a_stage_drops_a_paragraph(project, monkeypatch, sitecheck):
    assert min(conserve(project.content, project.site, sitecheck).values()) >= MIN_CONSERVE
    real = pipeline.parse_letter

    def drop_one_paragraph(cleaned, **options):
        parsed = real(cleaned, **options)
        paragraphs = [b for b in parsed.blocks if b.kind == "paragraph"]
        parsed.blocks.remove(max(paragraphs, key=lambda b: len(b.text)))
        return parsed
    monkeypatch.setattr(pipeline, "parse_letter", drop_one_paragraph)
    code, out, err = project.build()
    assert code == 0, err                       # the build itself cannot know; the check must
    recalls = conserve(project.content, project.site, sitecheck)
    assert recalls[f"{LETTER}.txt"] < MIN_CONSERVE, recalls


# --- 4. reproducible ------------------------------------------------------------------------------

def test_two_builds_give_byte_identical_sites(first_build, tmp_path, monkeypatch):
    """Everything: generated Markdown, data/*.json, every HTML page, the search index (Pagefind) and the
    sitemap (whose gzip header would carry the day of the build if the build date were not pinned)."""
    import datetime as dt

    import mkdocs.utils

    class OtherDay(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return dt.datetime(2031, 1, 2, 3, 4, 5, tzinfo=tz)

    trees = []
    for name in ("a", "b"):
        if name == "b":
            monkeypatch.setattr(mkdocs.utils, "datetime", OtherDay)    # as if built on another day
        code, out, err = run("build", "--content", str(first_build / "content"), "--site", str(tmp_path / name / "site"),
                             "--docs", str(tmp_path / name / "docs"), "--config", str(REPO / "mkdocs.yml"))
        assert code == 0, err
        trees.append({kind: snapshot(tmp_path / name / kind) for kind in ("docs", "site")})
    assert "sitemap.xml.gz" in trees[0]["site"] and "pagefind/pagefind-entry.json" in trees[0]["site"]
    assert trees[0]["docs"] == trees[1]["docs"]
    assert trees[0]["site"].keys() == trees[1]["site"].keys()
    assert [k for k in trees[0]["site"] if trees[0]["site"][k] != trees[1]["site"][k]] == []
    assert snapshot(first_build / "site") == trees[0]["site"]       # and the same as the first build


def _anchors(site: Path, letter_ids: list[str]) -> dict:
    """The anchors other pages and readers rely on, for the given letters."""
    ids = re.compile(r'\sid="([^"]+)"')
    letters = {lid: sorted(set(ids.findall((site / f"brieven/{lid}/index.html").read_text(encoding="utf-8"))))
               for lid in letter_ids}
    mentions = sorted((m["letter_id"], m["line"], m["kind"], m["key"], m["anchor"], m["url"])
                      for m in json.loads((site / "data/mentions.json").read_text(encoding="utf-8"))
                      if m["letter_id"] in letter_ids)
    entities = {(folder, e["key"]): e["page_url"]
                for folder, records in json.loads((site / "data/entities.json").read_text(encoding="utf-8")).items()
                for e in records}
    links = {}
    for page in sorted(site.glob("*/*/index.html")):
        if page.parent.parent.name in ("resoluties", "missies", "landen"):
            hrefs = re.findall(r'href="(\.\./\.\./brieven/([^/]+)/#[^"]+)"', page.read_text(encoding="utf-8"))
            links[page.parent.relative_to(site).as_posix()] = sorted(h for h, lid in hrefs if lid in letter_ids)
    return {"letters": letters, "mentions": mentions, "entities": entities, "links": links}


def test_anchors_do_not_change_when_an_unrelated_letter_is_added(tmp_path):
    real = REPO / "content"
    content = tmp_path / "content"
    shutil.copytree(real / "pages", content / "pages")
    shutil.copytree(real / "knowledge", content / "knowledge")
    (content / "letters").mkdir()
    added = "2020-avvn75-inzet"
    kept = sorted(p.stem for p in (real / "letters").glob("*.txt") if p.stem != added)
    for stem in kept:
        for path in (real / "letters").glob(f"{stem}.*"):
            shutil.copy(path, content / "letters")

    def build(name: str) -> dict:
        code, out, err = run("build", "--content", str(content), "--site", str(tmp_path / name),
                             "--docs", str(tmp_path / "docs"), "--config", str(REPO / "mkdocs.yml"))
        assert code == 0, err
        return _anchors(tmp_path / name, kept)

    before = build("site-before")
    for path in (real / "letters").glob(f"{added}.*"):
        shutil.copy(path, content / "letters")
    after = build("site-after")
    assert before["letters"] == after["letters"]
    assert before["mentions"] == after["mentions"] and len(before["mentions"]) > 100
    assert {k: after["entities"][k] for k in before["entities"]} == before["entities"]
    assert len(after["entities"]) > len(before["entities"])         # the new letter did add some
    assert {k: after["links"].get(k) for k in before["links"]} == before["links"]


# --- 5. links -------------------------------------------------------------------------------------

def test_broken_link_in_a_hand_written_page(project):
    about = project.content / "pages/over-deze-site.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[weg](bestaat-niet.md)\n", encoding="utf-8")
    project.assert_refused(*project.build()[::2], "over-deze-site.md", "bestaat-niet.md")


@pytest.mark.parametrize("link, expected", [
    ("[weg](../bestaat-niet.md)", "bestaat-niet.md"),
    ("[weg](#geen-anker)", "geen-anker"),
    (f"[weg](../resoluties/index.md#geen-anker)", "geen-anker"),
], ids=["missing-page", "missing-anchor-same-page", "missing-anchor-other-page"])
def test_broken_link_in_generated_markdown(project, monkeypatch, link, expected):
    real = site_pages.render_letter

    def with_broken_link(letter, index=None, glossary=None):
        page = real(letter, index, glossary)
        return site_pages.OutputPage(page.path, page.text + f"\n{link}\n")
    monkeypatch.setattr(site_pages, "render_letter", with_broken_link)
    project.assert_refused(*project.build()[::2], f"brieven/{LETTER}.md", expected)


# --- 6. check -------------------------------------------------------------------------------------

def test_check_validates_without_writing(project, monkeypatch):
    monkeypatch.chdir(project.root)
    shutil.rmtree(project.docs)
    code, out, err = project.check()
    assert code == 0, err
    assert "letters: 1" in out and "warnings: " in out
    assert sorted(p.name for p in project.root.iterdir()) == ["content", "site"]     # no docs, no build/
    assert snapshot(project.site) == project.before


def test_check_fails_on_a_bad_letter(project):
    (project.letters / "leeg.txt").write_bytes(b"")
    code, out, err = project.check()
    assert code == 1 and "letters/leeg.txt: the file is empty" in err and "hint: " in err


def test_check_fails_on_the_knowledge_base(project):
    path = project.content / "knowledge/resolutions.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\n2417: [\n", encoding="utf-8")
    code, out, err = project.check()
    assert code == 1 and "knowledge/resolutions.yml:" in err and "invalid YAML" in err


def test_check_reports_every_bad_letter_at_once(project):
    (project.letters / "leeg.txt").write_bytes(b"")
    (project.letters / "scan.txt").write_bytes(b"\x00")
    (project.letters / f"{LETTER}.yml").write_text("session: 73\n")
    code, out, err = project.check()
    assert code == 1 and "3 problem(s)" in err
    assert all(name in err for name in ("leeg.txt", "scan.txt", f"{LETTER}.yml"))


# --- 7. the build side of issue 15: state, search index, cache, locks, disk errors ------------------
# (items 3, 4, 7 and 8 of issue 15; each test failed before the fix)

def _page(project: Project, letter_id: str = LETTER) -> Path:
    return project.site / f"brieven/{letter_id}/index.html"


def _leftovers(root: Path) -> list[str]:
    """Temporary files and folders a build may have left anywhere under root."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                  if p.name.endswith((".tmp", ".lock")) or ".new-" in p.name or ".old-" in p.name)


def test_i3_a_build_after_serve_renders_the_pages_serve_generated(project, monkeypatch):
    """`generator serve` writes the docs but builds no site; the next build must not call the site
    unchanged (it used to exit 0 without the new letter, forever)."""
    from generator import site_build

    assert project.build()[0] == 0                          # a build that keeps its state in docs.cache
    (project.letters / "nieuw.txt").write_text(OPENING, encoding="utf-8")
    monkeypatch.setattr(site_build, "serve_site", lambda *args, **kwargs: None)      # Ctrl-C right away
    code, out, err = run("serve", "--content", str(project.content), "--docs", str(project.docs),
                         "--config", str(project.config))
    assert code == 0, err
    code, out, err = project.build()
    assert code == 0, err
    assert _page(project, "nieuw").is_file()
    assert "nieuw" in (project.site / "data/letters.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("stage", ["release_memory", "build_site"])
def test_i3_a_build_killed_after_writing_the_docs_is_not_taken_for_an_unchanged_site(project, monkeypatch, stage):
    """Killed right after the docs were written (simulated: the next stage raises as Ctrl-C would)."""
    from generator import site_build

    assert project.build()[0] == 0
    (project.letters / "nieuw.txt").write_text(OPENING, encoding="utf-8")

    def killed(*args, **kwargs):
        raise KeyboardInterrupt
    with monkeypatch.context() as patch:
        patch.setattr(pipeline if stage == "release_memory" else site_build, stage, killed)
        with pytest.raises(KeyboardInterrupt):
            project.build()
    assert (project.docs / "brieven/nieuw.md").is_file() and not _page(project, "nieuw").exists()
    code, out, err = project.build()
    assert code == 0, err
    assert _page(project, "nieuw").is_file()
    assert _leftovers(project.root) == []


def test_i3_a_page_deleted_from_the_site_by_hand_is_built_again(project):
    assert project.build()[0] == 0
    page = _page(project)
    page.unlink()
    code, out, err = project.build()
    assert code == 0, err
    assert page.is_file()
    assert "no MkDocs, no Pagefind" not in out
    # and with nothing changed since, the site is left as it is
    code, out, err = project.build()
    assert code == 0 and "no MkDocs, no Pagefind" in out, out


def test_i4_a_search_index_with_empty_files_fails_the_build_and_keeps_the_site(project, monkeypatch, tmp_path):
    """Pagefind exits 0 on a full disk, leaving zero-byte files: the index is checked before the swap."""
    import stat

    from generator import search

    real = search.executable()
    fake = tmp_path / "pagefind-full-disk"
    fake.write_text(f'#!/bin/sh\n"{real}" "$@" || exit $?\n'
                    'for f in "$2"/pagefind/fragment/*; do : > "$f"; break; done\n', encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(search, "executable", lambda: fake)
    project.assert_refused(*project.build("--no-cache")[::2], "search index", "pf_fragment", "is empty")


def _entries(project: Project) -> list[Path]:
    """The cache entries holding a processed letter (not the corpus vocabulary)."""
    return [p for p in (project.root / "docs.cache").glob("*/*.pickle") if b"generator.cache" in p.read_bytes()]


def test_i7_a_cache_entry_edited_on_disk_is_processed_again(project):
    assert project.build()[0] == 0
    [entry] = _entries(project)
    data = entry.read_bytes()
    assert b"Veiligheidsraad" in data
    entry.write_bytes(data.replace(b"Veiligheidsraad", b"Veiligheidsrood"))     # same length
    code, out, err = project.build()
    assert code == 0, err
    html = _page(project).read_text(encoding="utf-8")
    assert "Veiligheidsraad" in html and "Veiligheidsrood" not in html
    assert "(1 processed, 0 from the cache)" in out


def test_i7_no_cache_rewrites_the_cache(project):
    """An entry that passes every check but is wrong (a bug, an old edit) goes with --no-cache."""
    import pickle

    from generator.cache import LetterCache

    assert project.build()[0] == 0
    [entry] = _entries(project)
    wrong = pickle.loads(entry.read_bytes().replace(b"Veiligheidsraad", b"Veiligheidsrood"))
    LetterCache(entry.parent.parent).store(entry.stem, wrong)
    code, out, err = project.build("--no-cache")
    assert code == 0, err
    assert "Veiligheidsrood" not in _page(project).read_text(encoding="utf-8")
    code, out, err = project.build()
    assert code == 0, err
    assert "(0 processed, 1 from the cache)" in out
    assert "Veiligheidsrood" not in _page(project).read_text(encoding="utf-8")


def _os_error(number: int, path: Path) -> OSError:
    import os

    return OSError(number, os.strerror(number), str(path))


def test_i8_an_unwritable_site_parent_is_one_message_naming_the_folder(project, monkeypatch):
    import errno
    import tempfile

    def denied(*args, dir=None, **kwargs):
        raise _os_error(errno.EACCES, dir)
    monkeypatch.setattr(tempfile, "mkdtemp", denied)
    code, out, err = project.build("--no-cache")
    project.assert_refused(code, err, "permission denied", str(project.root))
    assert _leftovers(project.root) == []


@pytest.mark.parametrize("number, expected", [(28, "the disk is full"), (13, "permission denied")],
                         ids=["disk-full", "permission-denied"])
def test_i8_a_disk_error_while_mkdocs_writes_leaves_no_staging(project, monkeypatch, number, expected):
    from generator import site_build

    def half_written(mkdocs_yml, docs_dir, staging, *args, **kwargs):
        (Path(staging) / "brieven").mkdir()
        (Path(staging) / "brieven/half.html").write_text("<p>hal")
        raise _os_error(number, Path(staging) / "brieven/half.html")
    monkeypatch.setattr(site_build, "build_site", half_written)
    code, out, err = project.build("--no-cache")
    project.assert_refused(code, err, expected, "brieven/half.html")
    assert _leftovers(project.root) == []


def test_i8_disk_full_while_copying_the_previous_site(project, monkeypatch):
    """An incremental build starts from a copy of the site; the disk fills up while copying."""
    import errno

    assert project.build()[0] == 0
    project.before = snapshot(project.site)
    about = project.content / "pages/over-deze-site.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")

    def copy_until_full(src, dst, *args, **kwargs):
        Path(dst, "index.html").write_bytes(Path(src, "index.html").read_bytes()[:100])
        raise _os_error(errno.ENOSPC, Path(dst, "index.html"))
    monkeypatch.setattr(shutil, "copytree", copy_until_full)
    project.assert_refused(*project.build()[::2], "the disk is full", "free some space")
    assert _leftovers(project.root) == []


@pytest.mark.parametrize("where", ["cache", "docs"])
def test_i8_disk_full_while_writing_the_cache_or_the_docs(project, monkeypatch, where):
    import errno

    from generator import cache, write

    def write_until_full(f, data):
        f.write(data[:len(data) // 2])
        raise _os_error(errno.ENOSPC, Path(f.name))
    monkeypatch.setattr(cache if where == "cache" else write, "_write", write_until_full)
    (project.letters / "nieuw.txt").write_text(OPENING, encoding="utf-8")
    project.assert_refused(*project.build()[::2], "the disk is full", "free some space")
    assert _leftovers(project.root) == []


def test_i8_a_second_build_while_one_runs_fails_naming_its_pid(project):
    """The lock is held here as a build in another process would hold it; its staging folder is
    not touched."""
    import fcntl

    from generator import write

    running = project.root / ".site.new-running"
    running.mkdir()
    with open(write.lock_path(project.site), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        lock.write("4242\n")
        lock.flush()
        code, out, err = project.build()
        assert code == 1 and err.startswith("error: ") and "Traceback" not in err, err
        assert "another build is running (pid 4242)" in err and "hint: " in err
        assert running.is_dir() and snapshot(project.site) == project.before
    running.rmdir()
    # the lock of a build that is gone (its process died, the lock went with it) stops nothing
    write.lock_path(project.site).write_text("999999999\n")
    assert project.build()[0] == 0
    assert _leftovers(project.root) == []


def test_i8_leftovers_of_a_killed_build_are_removed_by_the_next(project):
    """kill -9 leaves staging folders and temporary files; the next build (holding the lock) removes them."""
    assert project.build()[0] == 0
    for name in (".site.new-k9x2ab", ".site.old-k9x2ab"):
        (project.root / name / "brieven").mkdir(parents=True)
        (project.root / name / "brieven/index.html").write_text("<p>half")
    (project.docs / ".index.md.tmp").write_text("half")
    (project.docs / "brieven/.x.md.123-abcd.tmp").write_text("half")
    stale_entry = next((project.root / "docs.cache").glob("*/")) / ".0123.pickle.99.tmp"
    stale_entry.write_bytes(b"half")
    (project.letters / "nieuw.txt").write_text(OPENING, encoding="utf-8")
    code, out, err = project.build()
    assert code == 0, err
    assert _leftovers(project.root) == []
    assert _page(project, "nieuw").is_file()


def test_i8_two_builds_started_together_never_crash(project):
    """Two real builds of the same project at once (2 of 6 such runs crashed on the shared
    `.{name}.tmp`): each succeeds or says another build is running; the site ends up complete."""
    import subprocess
    import sys

    (project.letters / "nieuw.txt").write_text(OPENING, encoding="utf-8")
    command = [sys.executable, "-m", "generator", "build", "--content", str(project.content), "--site",
               str(project.site), "--docs", str(project.docs), "--config", str(project.config)]
    runs = [subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    errors = [run.communicate(timeout=300)[1] for run in runs]
    results = [(run.returncode, err) for run, err in zip(runs, errors)]
    for code, err in results:
        assert code == 0 or (code == 1 and err.startswith("error: another build is running (pid ")
                             and "Traceback" not in err), err
    assert 0 in [code for code, _ in results]
    assert _page(project, "nieuw").is_file()
    assert _leftovers(project.root) == []


# --- 8. hostile or unlucky input (issue 15, the input side) ---------------------------------------

@pytest.mark.parametrize("link, target", [
    ("letters/lek.txt", "secret.txt"),
    (f"letters/{LETTER}.yml", "secret.yml"),
    ("knowledge/missions.yml", "secret.yml"),
    ("pages/lek.md", "secret.txt"),
    ("letters", "elders"),
], ids=["letter", "sidecar", "knowledge-file", "page", "letters-folder"])
def test_a_symbolic_link_out_of_the_content_folder_is_refused(project, link, target):
    """`ln -s /etc/passwd content/letters/leak.txt` used to publish the file (issue 15, 1)."""
    outside = project.root / target
    if link == "letters":
        shutil.copytree(project.letters, outside)
        shutil.rmtree(project.letters)
    elif target.endswith(".yml"):
        shutil.copy(project.content / link, outside)
        (project.content / link).unlink()
    else:
        outside.write_text(OPENING + "Geheim: root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (project.content / link).symlink_to(outside)
    project.assert_refused(*project.build()[::2], f"{link}: the ", "is a symbolic link to a ",
                           "outside the ", "copy the ")


def test_a_symbolic_link_inside_the_content_folder_is_followed(project):
    (project.content / "archief").mkdir()
    (project.content / "archief/kopie.txt").write_text(OPENING, encoding="utf-8")
    (project.letters / "kopie.txt").symlink_to(project.content / "archief/kopie.txt")
    code, out, err = project.build()
    assert code == 0, err
    assert (project.site / "brieven/kopie/index.html").is_file()


PHISH = "Hierbij\x7f informeer ik u over [klik](http://evil.example/phish) in Mali."


def _evil_html(site: Path) -> list[str]:
    return [p.relative_to(site).as_posix() for p in site.rglob("*.html")
            if re.search(r"<(?:a|img)\b[^>]*(?:href|src)=\"?http://evil", p.read_text(encoding="utf-8"))]


def test_control_characters_never_make_markdown_live(project):
    """A DEL or a C1 control in a letter's first sentence (its title) or in a sidecar title used to
    break the YAML front matter, which MkDocs then rendered as Markdown: a live link (issue 15, 2)."""
    (project.letters / "del.txt").write_text(PHISH + "\n\nDe Minister\x96 van Buitenlandse Zaken.\n", encoding="utf-8")
    (project.letters / "titel.txt").write_text(OPENING, encoding="utf-8")
    (project.letters / "titel.yml").write_text(
        'title: "Brief\x7f\x85 [x](http://evil.example) ![i](http://evil.example/i.png)"\n', encoding="utf-8")
    (project.letters / "escape.txt").write_text(OPENING, encoding="utf-8")
    (project.letters / "escape.yml").write_text('title: "Brief\\x7f\\x96 [x](http://evil.example)"\n', encoding="utf-8")
    code, out, err = project.build()
    assert code == 0, err
    assert _evil_html(project.site) == []
    assert "letters/del.txt:1: control characters in the line: U+007F removed" in out + err
    assert "letters/del.txt:3: control characters in the line: U+0096 read as '–'" in out + err
    assert "letters/titel.yml:1: control characters in the line: U+007F removed, U+0085 read as '…'" in out + err
    assert "letters/escape.yml:1: control characters in the value: U+007F removed, U+0096 read as '–'" in out + err
    shown = page_text(project.site / "brieven/del/index.html")
    assert "[klik](http://evil.example/phish)" in shown and "De Minister– van Buitenlandse Zaken." in shown
    title = (project.site / "brieven/titel/index.html").read_text(encoding="utf-8")
    assert "<h1" in title and "Brief… [x](http://evil.example) ![i](http://evil.example/i.png)" in title


@pytest.mark.parametrize("char", ["\x7f", "\x96", "\x85", "\u2028"])
def test_front_matter_titles_hold_any_character(char):
    """Whatever reaches a title, the front matter stays YAML that reads back as that title."""
    title = f"Hierbij{char} [klik](http://evil.example/phish) <b>"
    front = yaml.safe_load("title: " + page_title(title))
    assert front == {"title": title.replace("<", "&lt;").replace(">", "&gt;")}


@pytest.mark.parametrize("where", ["sidecar", "knowledge"])
def test_yaml_aliases_are_refused_at_once(project, where):
    """Nine levels of anchors used to take a minute and end in a MemoryError (issue 15, 5)."""
    bomb = ['a0: &a0 ["' + "lol" * 10 + '"]'] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]"
                                                   for i in range(1, 10)]
    if where == "sidecar":
        path, name = project.letters / f"{LETTER}.yml", f"letters/{LETTER}.yml:2:"
        path.write_text("notes:\n  " + "\n  ".join(bomb) + "\n", encoding="utf-8")
    else:
        path, name = project.content / "knowledge/missions.yml", "knowledge/missions.yml:"
        path.write_text(path.read_text(encoding="utf-8") + "\nBOMB:\n  " + "\n  ".join(bomb) + "\n", encoding="utf-8")
    start = time.perf_counter()
    code, out, err = project.build()
    assert time.perf_counter() - start < 20
    project.assert_refused(code, err, name, "through a YAML alias (*name)", "write the value out in full")
    assert len(err) < 1000


def test_a_huge_value_is_cut_short_in_the_message(project):
    (project.letters / f"{LETTER}.yml").write_text("notes: [" + ", ".join(["lang"] * 100_000) + "]\n", encoding="utf-8")
    code, out, err = project.build()
    project.assert_refused(code, err, f"letters/{LETTER}.yml:1: field 'notes' has a wrong value", "characters)")
    assert len(err) < 1000


def test_a_utf8_letter_with_one_stray_byte_is_not_read_as_cp1252(project):
    """It used to be decoded wholesale as cp1252: "Curaçao" became "CuraÃ§ao" everywhere (issue 15, 6)."""
    text = (OPENING + "De minister van Curaçao sprak in Genève over België.\n").encode("utf-8")
    broken = text.replace(b"sprak", b"spr\xe4k")
    (project.letters / "kapot.txt").write_bytes(broken)
    offset = broken.index(b"\xe4")
    project.assert_refused(*project.build()[::2], f"letters/kapot.txt:5: byte {offset} (line 5) "
                           "is not UTF-8: 0xe4", "'ç' at line 5", "save the file as UTF-8")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_called_utf16(project, codec):
    (project.letters / "word.txt").write_bytes((OPENING + "Curaçao\n").encode(codec))
    project.assert_refused(*project.build()[::2], "letters/word.txt: the file is UTF-16 encoded", "UTF-8")


def test_a_key_written_twice_in_a_sidecar_is_refused(project):
    """YAML would silently keep the last title (issue 15, 9)."""
    (project.letters / f"{LETTER}.yml").write_text("title: Eerste\ndate: 2019-02-15\ntitle: Tweede\n", encoding="utf-8")
    project.assert_refused(*project.build()[::2], f"letters/{LETTER}.yml:3: 'title' is written twice (lines 1 and 3)")


@pytest.mark.parametrize("name, expected", [
    (".verborgen.txt", "a hidden file (its name starts with '.') is not read"),
    ("brief.md", "a .md file is not read: letters are .txt or .pdf"),
    ("brief.text", "a .text file is not read"),
], ids=["hidden", "md", "text"])
def test_a_letter_that_would_not_be_read_is_refused(project, name, expected):
    (project.letters / name).write_text(OPENING, encoding="utf-8")
    project.assert_refused(*project.build()[::2], f"letters/{name}: {expected}", "rename it to ")


def test_editor_files_in_the_letters_folder_are_ignored(project):
    for name in (".DS_Store", "._brief.txt", ".#brief.txt", "README.md", "brief.txt~"):
        (project.letters / name).write_bytes(b"\x00\x01")
    code, out, err = project.build()
    assert code == 0, err


def test_an_empty_letters_folder_is_refused(project):
    for path in project.letters.iterdir():
        path.unlink()
    project.assert_refused(*project.build()[::2], "letters: no letters found in the letters folder")


def test_a_sidecar_url_the_page_cannot_link_is_refused(project):
    """It used to disappear from the letter's page without a word (issue 15, 9)."""
    path = project.letters / f"{LETTER}.yml"
    kept = [line for line in path.read_text(encoding="utf-8").splitlines(keepends=True) if not line.startswith("url:")]
    path.write_text("".join(kept) + 'url: "https://example.org/a<b>"\n', encoding="utf-8")
    project.assert_refused(*project.build()[::2], f"letters/{LETTER}.yml:", "field 'url' contains '<'", "%3C")


def _aes_pdf(monkeypatch) -> bytes:
    """A PDF with a text layer, AES-128 encrypted with an empty user password. pypdf encrypts AES
    only with `cryptography`; without it a stand-in does (the reader needs `cryptography` anyway)."""
    from reportlab.pdfgen import canvas
    import pypdf._encryption

    class StandIn:
        def __init__(self, key):
            pass

        def encrypt(self, data: bytes) -> bytes:
            return bytes(16) + data + bytes([16 - len(data) % 16]) * (16 - len(data) % 16)

    monkeypatch.setattr(pypdf._encryption, "CryptAES", StandIn)
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, "Hierbij bied ik u het verslag aan.")
    page.save()
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(out.getvalue())))
    writer.encrypt(user_password="", owner_password="eigenaar", algorithm="AES-128")
    encrypted = io.BytesIO()
    writer.write(encrypted)
    monkeypatch.undo()
    return encrypted.getvalue()


def test_an_aes_pdf_names_what_is_missing(project, monkeypatch):
    """It used to say "check that the file is a complete, unencrypted PDF" (issue 15, 9)."""
    pytest.importorskip("reportlab")
    try:
        import cryptography  # noqa: F401
        pytest.skip("cryptography is installed: pypdf reads AES PDFs")
    except ImportError:
        pass
    (project.letters / "aes.pdf").write_bytes(_aes_pdf(monkeypatch))
    project.assert_refused(*project.build()[::2], "letters/aes.pdf: the PDF is encrypted with AES",
                           "needs the Python package cryptography, which is not installed",
                           "pip install cryptography")
