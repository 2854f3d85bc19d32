"""The real site, built from content/ with the real pipeline (once per session), checked end to end."""
from __future__ import annotations

import collections
import json
from pathlib import Path

import pytest

from generator import pipeline
from generator.__main__ import main
from generator.config import Settings
from generator.read import read_sidecar

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow
MIN_CONSERVE = 0.999


def test_every_internal_link_and_anchor_resolves(built_site, sitecheck):
    settings, _ = built_site
    assert sitecheck.links(str(settings.site_dir))


def test_nothing_is_loaded_from_another_host(built_site, sitecheck):
    settings, _ = built_site
    assert sitecheck.privacy(str(settings.site_dir))


def test_every_letter_keeps_its_words(built_site, sitecheck):
    """Share of each source's words on its page (sitecheck's conserve measure), lowest reported."""
    settings, _ = built_site
    recalls = {}
    for record in json.loads((settings.site_dir / "data/letters.json").read_text(encoding="utf-8")):
        source = settings.content_dir / "letters" / record["source_file"]
        page = settings.site_dir / record["page_url"] / "index.html"
        want = collections.Counter(sitecheck.words(source.read_text(encoding="utf-8")))
        got = collections.Counter(sitecheck.words(" ".join(sitecheck.parse(str(page)).text)))
        recalls[record["id"]] = 1 - sum((want - got).values()) / sum(want.values())
    lowest = min(recalls, key=recalls.get)
    print(f"lowest conserve: {lowest} {recalls[lowest]:.4f}")
    assert recalls[lowest] >= MIN_CONSERVE, recalls


def test_site_has_every_letter_and_every_anchor(built_site):
    settings, report = built_site
    letters = pipeline.load_letters(settings)
    records = json.loads((settings.site_dir / "data/letters.json").read_text(encoding="utf-8"))
    assert report.letters == len(letters) == len(records) == len(list((REPO / "content/letters").glob("*.txt")))
    by_id = {r["id"]: r for r in records}
    for letter in letters:
        html = (settings.site_dir / by_id[letter.id]["page_url"] / "index.html").read_text(encoding="utf-8")
        missing = [b.anchor for b in letter.paragraphs if f'id="{b.anchor}"' not in html]
        assert not missing, f"{letter.id}: paragraphs without their anchor: {missing[:5]}"
        assert by_id[letter.id]["furniture_removed"] == len(report.furniture[letter.id])
    overview = (settings.site_dir / "brieven/index.html").read_text(encoding="utf-8")
    for record in records:                       # every letter: overview -> its year page -> the letter
        assert f'href="../jaren/{record["year"]}/"' in overview, record["id"]
        year = (settings.site_dir / f'jaren/{record["year"]}/index.html').read_text(encoding="utf-8")
        assert f'href="../../{record["page_url"]}"' in year, record["id"]


def test_navigation_does_not_list_the_letters(built_site):
    """The sidebar is rendered into every page: it must not grow with the number of letters."""
    settings, _ = built_site
    page = next((settings.site_dir / "brieven").glob("*/index.html")).read_text(encoding="utf-8")
    start = page.index('<nav class="md-nav md-nav--primary"')
    nav = page[start:page.index("</nav>", start)]
    assert "brieven/2" not in nav and nav.count("md-nav__link") < 20


def test_generated_markdown_and_data_are_deterministic(real_settings, tmp_path):
    trees = []
    for name in ("a", "b"):
        settings = Settings(content_dir=real_settings.content_dir, site_dir=tmp_path / name / "site",
                            docs_dir=tmp_path / name / "docs", mkdocs_yml=real_settings.mkdocs_yml)
        pipeline.generate(settings)
        docs = settings.docs_dir
        trees.append({p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()})
    assert "data/letters.json" in trees[0] and len(trees[0]) > 5
    assert trees[0] == trees[1]


def test_cli_check_reports_and_cli_errors_have_no_traceback(tmp_path, capsys):
    assert main(["check", "--content", str(REPO / "content"), "--config", str(REPO / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    assert "letters: " in out and "furniture removed: " in out
    assert main(["build", "--content", str(tmp_path / "nergens"), "--config", str(REPO / "mkdocs.yml"),
                 "--site", str(tmp_path / "site"), "--docs", str(tmp_path / "docs")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "nergens" in err and "Traceback" not in err
    assert not (tmp_path / "site").exists()


def test_letter_without_sidecar_is_built_from_its_text(built_site):
    """content/letters/ keeps one letter whose sidecar sets no fact on purpose (it only lists the
    facts not found in the official publications): its metadata comes from the text."""
    settings, _ = built_site
    letters = settings.content_dir / "letters"
    bare = [p.stem for p in letters.glob("*.txt")
            if not p.with_suffix(".yml").exists() or set(read_sidecar(p.with_suffix(".yml"))) <= {"not_found"}]
    assert bare == ["2018-avvn73-verslag-ministeriele-week"]
    record = next(r for r in json.loads((settings.site_dir / "data/letters.json").read_text(encoding="utf-8"))
                  if r["id"] == bare[0])
    assert (record["kind"], record["sessions"], record["year"]) == ("verslag-ministeriele-week", [73, 74], 2018)
    html = (settings.site_dir / record["page_url"] / "index.html").read_text(encoding="utf-8")
    assert "Verslag ministeriële week 73e AVVN" in html and "S.A. Blok" in html
    # issue 17: its date, Kamerstuk and address were looked up and not found, and the page says so
    assert record["not_found"] == ["date", "kamerstuk", "url"] and record["sources"] == {}
    assert "Kamerstuk</td>\n<td>niet gevonden (gezocht op tweedekamer.nl en officielebekendmakingen.nl)" in html


def test_facts_from_the_official_publication_show_their_source(built_site):
    """Issue 17: the sidecar's facts from the official publication are on the page, in the citation,
    in the feed and in letters.json, each with the page it was found on."""
    settings, _ = built_site
    records = {r["id"]: r for r in json.loads((settings.site_dir / "data/letters.json").read_text(encoding="utf-8"))}
    inzet = records["2017-avvn72-inzet"]
    assert (inzet["date"], inzet["kamerstuk"], inzet["citation"]) == (
        "2017-09-01", "26 150, nr. 163", "Kamerstukken II 2016/17, 26 150, nr. 163")
    assert inzet["url"] == "https://zoek.officielebekendmakingen.nl/kst-26150-163"
    assert inzet["sources"]["kamerstuk"] == "https://zoek.officielebekendmakingen.nl/kst-26150-164"
    assert inzet["provenance"]["kamerstuk"] == "sidecar, bron: https://zoek.officielebekendmakingen.nl/kst-26150-164"
    html = (settings.site_dir / inzet["page_url"] / "index.html").read_text(encoding="utf-8")
    assert "Kamerstukken II 2016/17, 26 150, nr. 163" in html and "kst-26150-164" in html
    feed = (settings.site_dir / "feeds/brieven.xml").read_text(encoding="utf-8")
    assert "2017-09-01" in feed


def test_mentions_point_at_their_source_line_and_page_anchor(built_site):
    """mentions.json: every record's line holds (the start of) its surface text, and its anchor
    exists on the letter page, so a reader can go from any entity page to the exact paragraph."""
    settings, _ = built_site
    data = settings.site_dir / "data"
    mentions = json.loads((data / "mentions.json").read_text(encoding="utf-8"))
    letters = {r["id"]: r for r in json.loads((data / "letters.json").read_text(encoding="utf-8"))}
    assert {m["kind"] for m in mentions} == {"resolution", "mission", "body", "country", "kamerstuk"}
    pages, sources = {}, {}
    for m in mentions:
        assert list(m) == ["letter_id", "source_file", "kind", "key", "explicit", "line", "anchor", "surface", "url"]
        record = letters[m["letter_id"]]
        lines = sources.setdefault(m["source_file"], (settings.content_dir / "letters" / m["source_file"])
                                   .read_text(encoding="utf-8").split("\n"))
        start = m["surface"].split()[0][:4]      # a word may be hyphenated at the end of its line
        assert start in lines[m["line"] - 1], m
        html = pages.setdefault(record["id"], (settings.site_dir / record["page_url"] / "index.html")
                                .read_text(encoding="utf-8"))
        assert f'id="{m["anchor"]}"' in html, m
    resolution_2417 = [m for m in mentions if m["key"] == "2417"]
    assert {m["letter_id"] for m in resolution_2417} == {
        "2018-avvn73-verslag-ministeriele-week", "2020-avvn75-inzet", "2020-avvn75-schriftelijk-overleg"}
    split = next(m for m in resolution_2417 if m["letter_id"] == "2020-avvn75-inzet")
    assert split["line"] == 530                      # "VNVR-resolutie" / "2417": the number's line


def test_every_entity_has_a_page_reachable_from_its_overview(built_site):
    settings, _ = built_site
    entities = json.loads((settings.site_dir / "data/entities.json").read_text(encoding="utf-8"))
    assert [e["key"] for e in entities["resoluties"]] == sorted((e["key"] for e in entities["resoluties"]), key=int)
    for folder in ("resoluties", "missies", "landen"):
        overview = (settings.site_dir / folder / "index.html").read_text(encoding="utf-8")
        for e in entities[folder]:
            page = settings.site_dir / e["page_url"] / "index.html"
            assert page.is_file(), e
            assert f'href="{e["page_url"].split("/", 1)[1]}"' in overview, e
    minusma = next(e for e in entities["missies"] if e["key"] == "MINUSMA")
    assert (minusma["resolution"], minusma["start"], minusma["countries"]) == ("2100", "2013-04-25", ["ML"])
    inline = (settings.site_dir / "brieven/2020-avvn75-inzet/index.html").read_text(encoding="utf-8")
    assert 'href="../../resoluties/2417/"' in inline
    assert 'href="https://zoek.officielebekendmakingen.nl/kst-32735-287"' in inline


def test_themes_json_passages_point_at_anchors_on_the_letter_pages(built_site):
    settings, _ = built_site
    data = json.loads((settings.site_dir / "data/themes.json").read_text(encoding="utf-8"))
    letters = {r["id"]: r for r in json.loads((settings.site_dir / "data/letters.json").read_text(encoding="utf-8"))}
    assert [t["slug"] for t in data["themes"]][:2] == ["klimaat", "mensenrechten"]
    html = {i: (settings.site_dir / r["page_url"] / "index.html").read_text(encoding="utf-8") for i, r in letters.items()}
    for theme in data["themes"]:
        order = [list(letters).index(p["letter_id"]) for p in theme["passages"]]
        assert order == sorted(order), theme["slug"]             # letters oldest first
        for p in theme["passages"]:
            assert f'id="{p["anchor"]}"' in html[p["letter_id"]], (theme["slug"], p)
            assert p["reason"] in ("kop", "tekst") and p["lines"][0] <= p["lines"][1]
    assert data["general"] and all(g["anchor"] for g in data["general"] if g["kind"] != "closing")
    home = (settings.site_dir / "index.html").read_text(encoding="utf-8")
    assert 'href="themas/klimaat/"' in home
    letter_page = html["2020-avvn75-inzet"]
    # issue 18: the reasons moved out of the reading text into "Thema's van deze brief"; chips stay
    assert 'id="vn-themas"' in letter_page and 'class="vn-themes"' not in letter_page and "md-tag" in letter_page
