"""Letters of the whole archive, in every layout, against what a person read on each page.

Two sets of material, each page with a YAML file of expectations written by a person after reading
the page (not generated from the generator's output):

- tests/fixtures/sgd/<stem>.yml: the 42 real OCR pages of Staten-Generaal Digitaal (1946–1994) in
  ../shared/corpus/sgd/ (provenance in ../shared/corpus/SOURCES.md);
- tests/fixtures/layouts/<stem>.yml + <stem>.txt: modern layouts (Kamerstuk as published, the
  Aanhangsel van de Handelingen, ministry letters, artikel-100-brieven, moties) reproduced from
  published documents with text written for the fixture.

All pages are processed together with the bundled letters, as a maintainer would drop them into
content/letters/ without a sidecar. Per page the test checks the kind, title, date and reference
(each right, or a warning that says what is missing), the page furniture that must go, the text that
must stay, headings, askers, Q&A and footnotes. What the generator still gets wrong is listed in
KNOWN_GAPS (strict xfail: a gap that gets fixed fails the test until it is taken off the list).
"""
from __future__ import annotations

import collections
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator import pipeline
from generator.config import Settings

REPO = Path(__file__).resolve().parents[1]
SGD = REPO.parent / "shared" / "corpus" / "sgd"
FIXTURES = REPO / "tests" / "fixtures"
ASPECTS = ("kind", "title", "date", "reference", "furniture", "text", "headings", "askers", "qa", "footnotes",
           "hyphens")

# (page stem, aspect) -> why the generator still gets it wrong. Keep this list short and honest.
KNOWN_GAPS: dict[tuple[str, str], str] = {
    # page furniture that OCR glued into the running text, where no pattern can tell it from text
    ("1946_unesco-statuut-ek-nota", "furniture"):
        "the second half of the running head stands inside the text further down the page",
    ("1948_buza-begroting-verslag-vn-delegatie", "furniture"):
        "a second page head in mid-file ('4—5' / 'iweede Kamer' / '5 Rijksbegroting …') is not recognised",
    ("1950_ek-nieuw-guinea-uitvoerrecht-eindverslag", "furniture"):
        "the running head's second line stands inside the text further down the page",
    ("1957_tk-handelingen-opening-zitting-1957", "furniture"):
        "'Tijdelijke Voorzitter e. a.' is glued to the start of a text line",
    ("1971_tk-handelingen-delegatie-algemene-vergadering", "furniture"):
        "'EERSTE KAMER' is glued to the end of the last text line",
    ("1986_ek-handelingen-algemene-vergadering", "furniture"):
        "the page number '367' is glued to the end of a text line",
    # OCR hyphens inside a line that the corpus and the dictionary cannot confirm
    ("1955_tk-handelingen-gelijke-beloning", "hyphens"):
        "'Wyzi-ging': a capital before the hyphen is left alone (names, compounds such as 'Korvetten-leverantie')",
    ("1957_tk-handelingen-opening-zitting-1957", "hyphens"): "'Kerst-mis': capital before the hyphen",
    ("1958_brief-twaalfde-algemene-vergadering", "hyphens"): "'Secrc-tariaat': capital before the hyphen",
    ("1961_tk-handelingen-hammarskjold", "hyphens"): "'Tel-legen-Veldstra': a name",
    ("1974_tk-handelingen-boertien-vn", "hyphens"):
        "'Ministerraads-vergadering': capital before the hyphen and 'vergadering' is a word of its own",
    ("1984_oorspronkelijke-tekst-vrouwenverdrag", "hyphens"):
        "'genum-merd': a stray OCR token 'merd' elsewhere on the page counts as a word",
    ("1988_verslag-mo-ontwapeningszitting-vn", "hyphens"): "'Gualthé-rie': a name",
    ("1977_motie-oost-timor-vn-missie", "hyphens"):
        "the page is not recognised as OCR text ('hulpor-ganisaties' stays); 'Korvetten-leverantie' stands "
        "only in the dossier title, which the readers also list as furniture (the expectations conflict)",
    ("1969_voorlopig-verslag-rassendiscriminatieverdrag", "hyphens"):
        "'lid-staten' (the spelling of its time) is joined because the corpus writes 'lidstaten': the "
        "vocabulary does not know eras",
    ("1981_nota-buza-begroting-vn-contributies", "hyphens"): "'lid-staten': as in 1969",
    # footnotes numbered per Aanhangsel item
    ("1980_kamervragen-vn-mensenrechten-saoedi-arabie", "footnotes"):
        "the second item on the page numbers its footnotes from 1 again; footnotes are numbered per letter",
    # decisions that differ from a reader's expectation
    ("1970_kamervragen-cesi-vn", "headings"):
        "decided: the answer head of written questions is a heading, like the questions head",
    ("1971_kamervragen-papuas-vn", "title"):
        "decided: titles of written questions name the subject, not the askers (they are on the card); the "
        "layout fixtures expect the same",
    ("1992_kamervragen-juba-soedan-vn", "askers"):
        "the page prints 'Heemskerk Pillis-Duvekot'; names are not spell-corrected",
}


def _expectations() -> list[tuple[str, Path, dict]]:
    """(set, text file, expectations) for every expectations file."""
    out = []
    for path in sorted((FIXTURES / "sgd").glob("*.yml")):
        out.append(("sgd", SGD / f"{path.stem}.txt", yaml.safe_load(path.read_text(encoding="utf-8"))))
    for path in sorted((FIXTURES / "layouts").glob("*.yml")):
        out.append(("layouts", path.with_suffix(".txt"), yaml.safe_load(path.read_text(encoding="utf-8"))))
    return out


EXPECTATIONS = _expectations()


def test_every_sgd_page_has_expectations():
    if not SGD.is_dir():
        pytest.skip(f"{SGD} not found (CI puts shared/ beside the repository)")
    pages = {p.stem for p in SGD.glob("*.txt")}
    written = {p.stem for p in (FIXTURES / "sgd").glob("*.yml")}
    assert pages == written, (sorted(pages - written), sorted(written - pages))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Every page and the bundled letters processed as one content folder: file name -> Letter."""
    if not SGD.is_dir():
        pytest.skip(f"{SGD} not found (CI puts shared/ beside the repository)")
    content = tmp_path_factory.mktemp("corpus") / "content"
    shutil.copytree(REPO / "content", content)
    for _set, text, _exp in EXPECTATIONS:
        shutil.copy(text, content / "letters" / text.name)
    settings = Settings(content_dir=content, site_dir=content.parent / "site", docs_dir=content.parent / "docs",
                        mkdocs_yml=REPO / "mkdocs.yml", cache=False)
    letters = pipeline.load_letters(settings)
    return {letter.source.path.name: letter for letter in letters}


def _norm(text: str) -> str:
    """For comparing phrases with page text: case, whitespace, hyphens and quotes do not count."""
    text = text.replace("\u00ad", "").casefold()
    text = re.sub(r"[-‐‑–—]", "", text)
    return " ".join(text.split())


def _reading_text(letter) -> str:
    """The text a reader sees: the blocks (a numbered question or answer with its number, which the
    page shows as its label) and the footnotes."""
    def shown(b) -> str:
        return f"{b.number}. {b.text}" if b.kind in ("question", "answer") and b.number else b.text
    return "\n".join([shown(b) for b in letter.blocks] + [f.text for f in letter.footnotes])


def _warned(letter, *words: str) -> bool:
    return any(any(w in warning.casefold() for w in words) for warning in letter.warnings)


def _check(aspect: str, letter, exp: dict) -> list[str]:
    """What is wrong with `aspect` of the letter, as messages (empty: right)."""
    meta, problems = letter.meta, []
    text = _reading_text(letter)
    if aspect == "kind":
        if meta.kind != exp["kind"]:
            problems.append(f"kind {meta.kind!r}, expected {exp['kind']!r}")
    elif aspect == "title":
        title = exp.get("title") or {}
        got = _norm(meta.title)
        problems += [f"title {meta.title!r} lacks {w!r}" for w in title.get("contains") or [] if _norm(w) not in got]
        problems += [f"title {meta.title!r} has {w!r}" for w in title.get("not_contains") or [] if _norm(w) in got]
    elif aspect == "date":
        want = exp.get("date")
        want = dt.date.fromisoformat(want) if isinstance(want, str) else want
        if want is None and meta.date is not None:
            problems.append(f"date {meta.date}, but the page states none ({exp.get('date_why')})")
        elif want is not None and meta.date != want and not (meta.date is None and _warned(letter, "date", "datum")):
            problems.append(f"date {meta.date}, expected {want} ({exp.get('date_why')})")
    elif aspect == "reference":
        ref = exp.get("reference") or {}
        for name in ("chamber", "vergaderjaar", "dossier", "number", "aanhangsel"):
            want, got = ref.get(name), getattr(meta, name, "")
            if want is None:
                continue
            want = str(want)
            if str(got or "") != want and not (not got and _warned(letter, "reference", name)):
                problems.append(f"{name} {got!r}, expected {want!r}")
    elif aspect == "furniture":
        # a piece of furniture is listed as removed, and the text has it fewer times than the source
        # (the same words may also stand in the body: "… de Voorzitter van de Tweede Kamer der …")
        removed = _norm(" ".join(f.text for f in letter.furniture))
        body, source = _norm(text), _norm(letter.source.text)
        for piece in exp.get("furniture") or []:
            piece = _norm(str(piece))
            if len(piece) >= 8 and body.count(piece) >= source.count(piece):
                problems.append(f"furniture still in the text: {piece!r}")
            elif piece not in removed:
                problems.append(f"furniture not listed as removed: {piece!r}")
    elif aspect == "text":
        body = _norm(text)
        problems += [f"text lost: {p!r}" for p in exp.get("body_must_keep") or [] if _norm(str(p)) not in body]
    elif aspect == "headings":
        # a heading as printed may end in a footnote mark ("… GEWIJZIGD1"): the page shows it as a reference
        heads = {_norm(b.text + "".join(r.number for r in b.footnote_refs if r.offset >= len(b.text)))
                 for b in letter.blocks if b.kind == "heading"}
        heads |= {_norm(b.text) for b in letter.blocks if b.kind == "heading"}
        problems += [f"not a heading: {h!r}" for h in exp.get("headings") or [] if _norm(h) not in heads]
        problems += [f"wrongly a heading: {h!r}" for h in exp.get("not_headings") or [] if _norm(h) in heads]
    elif aspect == "askers":
        def party(name: str) -> str:                  # "P.v.d.A." is "PvdA"
            return _norm(name).replace(".", "").replace(" ", "")
        got = {(_norm(m.name), party(m.party)) for m in getattr(meta, "askers", [])}
        for m in exp.get("askers") or []:
            if (_norm(m["name"]), party(m.get("party") or "")) not in got:
                problems.append(f"asker {m} not found (found {getattr(meta, 'askers', [])})")
    elif aspect == "qa":
        qa = exp.get("qa") or {}
        counts = collections.Counter(b.kind for b in letter.blocks)
        for kind, name in (("question", "questions"), ("answer", "answers")):
            if qa.get(name) is not None and counts[kind] != qa[name]:
                problems.append(f"{counts[kind]} {name}, expected {qa[name]}")
    elif aspect == "footnotes":
        want = [str(n) for n in exp.get("footnotes") or []]
        got = [f.number for f in letter.footnotes]
        if sorted(want) != sorted(got):
            problems.append(f"footnotes {got}, expected {want}")
    elif aspect == "hyphens":
        plain = " ".join(text.split())
        for broken, joined in (exp.get("hyphen_joins") or {}).items():
            if joined not in plain:
                problems.append(f"{broken!r} should read {joined!r}")
        problems += [f"hyphen lost in {w!r}" for w in exp.get("keep_hyphens") or [] if w not in plain]
    return problems


CASES = [pytest.param(text.name, aspect, exp, id=f"{text.stem}-{aspect}",
                      marks=[pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[(text.stem, aspect)])]
                      if (text.stem, aspect) in KNOWN_GAPS else [])
         for _set, text, exp in EXPECTATIONS for aspect in ASPECTS]


@pytest.mark.parametrize("name, aspect, exp", CASES)
def test_page_reads_as_a_person_read_it(corpus, name, aspect, exp):
    letter = corpus[name]
    problems = _check(aspect, letter, exp)
    assert not problems, f"{name}: " + "; ".join(problems)


def test_known_gaps_name_real_cases():
    stems = {text.stem for _set, text, _exp in EXPECTATIONS}
    assert all(stem in stems and aspect in ASPECTS for stem, aspect in KNOWN_GAPS), KNOWN_GAPS


def test_check_catches_a_wrong_reading(corpus):
    """The checks themselves can fail: a letter read wrongly is reported on each aspect."""
    name, exp = next((t.name, e) for _s, t, e in EXPECTATIONS if e.get("date") and e.get("body_must_keep"))
    letter = corpus[name]
    wrong = dict(exp, kind="motie" if exp["kind"] != "motie" else "nota", date="1900-01-01",
                 body_must_keep=["een zin die op geen enkele pagina staat"])
    assert _check("kind", letter, wrong) and _check("date", letter, wrong) and _check("text", letter, wrong)


MIN_CORPUS_CONSERVE = 0.98     # OCR pages: a number glued to a word ("4Welke") becomes a label, so
                               # the word "4welke" is not on the page although nothing is lost


@pytest.mark.slow
def test_whole_corpus_builds_into_a_site_that_keeps_the_text(tmp_path, sitecheck):
    """Every page of the corpus and every layout fixture, with the bundled letters, builds into one
    site (MkDocs and Pagefind); its links resolve, it loads nothing from other hosts, and each page
    keeps its source's words."""
    if not SGD.is_dir():
        pytest.skip(f"{SGD} not found (CI puts shared/ beside the repository)")
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    for _set, text, _exp in EXPECTATIONS:
        shutil.copy(text, content / "letters" / text.name)
    settings = Settings(content_dir=content, site_dir=tmp_path / "site", docs_dir=tmp_path / "docs",
                        mkdocs_yml=REPO / "mkdocs.yml", cache=False)
    report = pipeline.build(settings)
    assert report.letters == len(list((content / "letters").glob("*.txt")))
    assert sitecheck.links(str(settings.site_dir))
    assert sitecheck.privacy(str(settings.site_dir))
    recalls = {}
    for row in report.rows:
        source = content / "letters" / row.file
        page = settings.site_dir / "brieven" / row.id / "index.html"
        want = collections.Counter(sitecheck.words(source.read_text(encoding="utf-8")))
        got = collections.Counter(sitecheck.words(" ".join(sitecheck.parse(str(page)).text)))
        recalls[row.id] = 1 - sum((want - got).values()) / sum(want.values())
    low = {k: round(v, 4) for k, v in recalls.items() if v < MIN_CORPUS_CONSERVE}
    assert not low, low
