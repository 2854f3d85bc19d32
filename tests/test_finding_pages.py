"""Issue 18, finding letters: what the generated pages tell Pagefind (filters, sort key, metadata),
the year pages, and the stable order of Pagefind's filter files. In the browser: tests/test_finding.py."""
from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import cbor2
import pytest
import yaml

from generator import search
from generator.errors import BuildError
from generator.model import Signatory
from generator.pages.finding import finding_facts, letter_reference, letter_when, sort_key
from generator.pages.home import render_home
from generator.pages.letter import render_letter
from test_render import _dated, _letter

THEMES = [("Klimaat", "klimaat"), ("Vrouwen, vrede en veiligheid", "vrouwen-vrede-veiligheid")]


# --- the facts of a letter ------------------------------------------------------------------------

def test_finding_facts_of_a_dated_letter_with_its_reference():
    letter = _letter(chamber="II", vergaderjaar="2020-2021", dossier="26 150", number="187",
                     kamerstuk="26 150, nr. 187")
    letter.meta.year = 2020
    letter.meta.signatories.append(Signatory("S.A. Blok", "nog eens"))      # named twice: once
    letter.meta.signatories.append(Signatory("S.A.M. Kaag", ""))
    facts = finding_facts(letter, THEMES)
    assert facts == {"jaar": "2020", "soort": "Inzetbrief", "thema": ["Klimaat", "Vrouwen, vrede en veiligheid"],
                     "ondertekenaar": ["S.A. Blok", "S.A.M. Kaag"], "sort": "2020-09-18",
                     "datum": "18 september 2020", "vindplaats": "Kamerstukken II 2020/21, 26 150, nr. 187"}


@pytest.mark.parametrize("date, year, when, key, jaar", [
    (dt.date(2019, 2, 15), 2019, "15 februari 2019", "2019-02-15", "2019"),
    (None, 2018, "2018, datum onbekend", "2018", "2018"),          # after the dated ones of 2018, newest first
    (None, None, "datum onbekend", "0000", "jaar onbekend"),
])
def test_date_text_sort_key_and_year_filter(date, year, when, key, jaar):
    letter = _letter()
    letter.meta.date, letter.meta.year = date, year
    assert letter_when(letter) == when and sort_key(letter) == key
    assert finding_facts(letter, [])["jaar"] == jaar
    assert sorted(["2018-09-18", "2018", "0000", "2019-02-15"], reverse=True) == ["2019-02-15", "2018-09-18", "2018", "0000"]


def test_reference_is_the_official_citation_else_the_kamerstuk_else_nothing():
    letter = _letter()
    assert letter_reference(letter) == ""
    letter.meta.kamerstuk = "26 150, nr. 171"
    assert letter_reference(letter) == "Kamerstuk 26 150, nr. 171"


def test_letter_front_matter_carries_the_facts_as_data():
    letter = _letter()
    letter.meta.year = 2020
    letter.meta.signatories = [Signatory('Mr. "X" <b>Y</b> & Z', "")]       # data, not markup
    front = yaml.safe_load(render_letter(letter).text.split("---\n")[1])
    assert front["vn_finding"] == {"jaar": "2020", "soort": "Inzetbrief", "thema": [], "sort": "2020-09-18",
                                   "ondertekenaar": ['Mr. "X" <b>Y</b> & Z'], "datum": "18 september 2020",
                                   "vindplaats": ""}


# --- year pages -----------------------------------------------------------------------------------

def test_year_page_says_datum_onbekend_not_the_year_and_shows_the_reference():
    undated = _dated("2020-zonder-datum", 2020)
    undated.meta.date = None
    dated = _dated("2020-met-datum", 2020)
    dated.meta.kamerstuk = "26 150, nr. 171"
    year = {p.path: p.text for p in render_home([undated, dated], "Welkom.")}["jaren/2020.md"]
    assert "| Datum | Brief | Vindplaats |" in year
    assert "| datum onbekend | [Een testbrief](../brieven/2020-zonder-datum.md) | — |" in year
    assert "| 18 september 2020 | [Een testbrief](../brieven/2020-met-datum.md) | Kamerstuk 26 150, nr. 171 |" in year
    assert "| 2020 |" not in year


# --- the built site -------------------------------------------------------------------------------

class _Finding(HTMLParser):
    """The hidden facts block of a page: [(attribute, name, text)]."""

    def __init__(self) -> None:
        super().__init__()
        self.facts, self._open, self.hidden = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "vn-finding" in (attrs.get("class") or ""):
            self.hidden = "hidden" in attrs and "data-pagefind-ignore" in attrs
        for kind in ("data-pagefind-filter", "data-pagefind-sort", "data-pagefind-meta"):
            if kind in attrs:
                self._open = [kind, attrs[kind], ""]

    def handle_data(self, data):
        if self._open:
            self._open[2] += data

    def handle_endtag(self, tag):
        if self._open and tag == "span":
            self.facts.append(tuple(self._open))
            self._open = None


def facts_of(html: str) -> _Finding:
    parser = _Finding()
    parser.feed(html)
    return parser


@pytest.mark.slow
def test_every_letter_page_has_its_filters_sort_key_and_meta(built_site):
    settings, _ = built_site
    records = json.loads((settings.site_dir / "data/letters.json").read_text(encoding="utf-8"))
    for record in records:
        found = facts_of((settings.site_dir / record["page_url"] / "index.html").read_text(encoding="utf-8"))
        assert found.hidden, record["id"]
        facts = found.facts
        filters = {}
        for kind, name, text in facts:
            if kind == "data-pagefind-filter":
                filters.setdefault(name, []).append(text)
        assert filters["type"] == ["brief"]
        assert filters["jaar"] == [str(record["year"])]
        assert filters.get("ondertekenaar", []) == list(dict.fromkeys(s["name"] for s in record["signatories"]))
        assert len(filters["soort"]) == 1 and filters["thema"]
        sort = [t for k, n, t in facts if k == "data-pagefind-sort"]
        assert sort == [record["date"] or str(record["year"])]
        meta = {n: t for k, n, t in facts if k == "data-pagefind-meta"}
        assert meta["soort"] == filters["soort"][0]
        assert meta["datum"].endswith(str(record["year"])) or meta["datum"].startswith(str(record["year"]))
        assert meta.get("vindplaats", "") == (record["citation"] or "")
        assert meta["brief"] == record["title"]


@pytest.mark.slow
@pytest.mark.parametrize("path, kind", [("landen/mali/", "Land"), ("themas/klimaat/", "Thema"),
                                        ("resoluties/2417/", "Resolutie"), ("brieven/", "Overzicht"),
                                        ("jaren/2020/", "Brieven per jaar"), ("", "Startpagina"),
                                        ("woordenlijst/", "Over de site")])
def test_other_pages_say_what_they_are_and_have_no_letter_filters(built_site, path, kind):
    settings, _ = built_site
    facts = facts_of((settings.site_dir / path / "index.html").read_text(encoding="utf-8")).facts
    assert facts == [("data-pagefind-meta", "soort", kind)]


@pytest.mark.slow
def test_pagefind_records_the_facts_and_an_entitys_first_page_with_its_quotes(built_site):
    from test_search import fragments

    settings, _ = built_site
    records = fragments(settings.site_dir)
    letter = records["/brieven/2017-avvn72-inzet/"]
    assert letter["filters"]["jaar"] == ["2017"] and letter["filters"]["soort"] == ["Inzetbrief"]
    assert "Vrede en veiligheid" in letter["filters"]["thema"]
    assert letter["meta"]["datum"] == "1 september 2017"
    assert letter["meta"]["vindplaats"] == "Kamerstukken II 2016/17, 26 150, nr. 163"
    assert "Inzetbrief" not in letter["content"][:200]          # the hidden block is not indexed text
    mali_html = (settings.site_dir / "landen/mali/index.html").read_text(encoding="utf-8")
    quote = re.search(r'<li>.*?<a href="\.\./\.\./brieven/[^"]+#p-\d+"[^>]*>[^<]+</a>', mali_html, re.S)
    assert quote, "no quote on the Mali page"
    words = re.sub(r"<[^>]+>", "", quote.group(0)).split()[:6]
    assert " ".join(words[1:5]) in records["/landen/mali/"]["content"]       # the quote is indexed
    for url, record in records.items():
        assert len(url.strip("/").split("/")) < 3 or url.startswith("/schriftelijk-overleg/"), url   # no page 2, 3, …


# --- Pagefind's filter files in a stable order ----------------------------------------------------

def _filter_bundle(folder: Path, order: list[int]) -> Path:
    """A bundle with one filter whose values are written in `order`, as Pagefind 1.5.2 does at random."""
    bundle = folder / "pagefind"
    (bundle / "filter").mkdir(parents=True)
    values = [["2017", [3]], ["2018", [1]], ["2020", [0, 2]]]
    data = search.SIGNATURE + cbor2.dumps(["jaar", [values[i] for i in order]])
    (bundle / "filter/nl_1234567.pf_filter").write_bytes(gzip.compress(data))
    meta = search.SIGNATURE + cbor2.dumps(
        ["1.5.2", [["nl_aaa", 10]], [["a", "b", "nl_bbb"]], [["soort", "nl_7654321"], ["jaar", "nl_1234567"]],
         [["datum", [3, 1, 0, 2]]], ["datum", "title"]])
    (bundle / "filter/nl_7654321.pf_filter").write_bytes(gzip.compress(
        search.SIGNATURE + cbor2.dumps(["soort", [["Inzetbrief", [0, 3]], ["Terugblik", [1, 2]]][::-1]])))
    (bundle / "pagefind.nl_0000000000.pf_meta").write_bytes(gzip.compress(meta))
    (bundle / "pagefind-entry.json").write_text(json.dumps(
        {"version": "1.5.2", "languages": {"nl": {"hash": "nl_0000000000", "wasm": "nl", "page_count": 4}},
         "include_characters": ["_", "‿"]}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return bundle


def test_filter_files_come_out_the_same_whatever_order_pagefind_wrote(tmp_path):
    trees = []
    for n, order in enumerate(([0, 1, 2], [2, 0, 1], [1, 2, 0])):
        bundle = _filter_bundle(tmp_path / str(n), order)
        search.stable_filters(bundle)
        trees.append({p.relative_to(bundle).as_posix(): p.read_bytes() for p in sorted(bundle.rglob("*"))
                      if p.is_file()})
    assert trees[0] == trees[1] == trees[2]
    entry = json.loads(trees[0]["pagefind-entry.json"])
    meta_name = f"pagefind.{entry['languages']['nl']['hash']}.pf_meta"
    assert meta_name in trees[0] and meta_name != "pagefind.nl_0000000000.pf_meta"
    meta = cbor2.loads(gzip.decompress(trees[0][meta_name])[len(search.SIGNATURE):])
    filters = meta[3]
    assert [name for name, _ in filters] == ["jaar", "soort"]                 # sorted by name
    for name, file_hash in filters:                                           # each names its file
        value = cbor2.loads(gzip.decompress(trees[0][f"filter/{file_hash}.pf_filter"])[len(search.SIGNATURE):])
        assert value[0] == name and [v for v, _ in value[1]] == sorted(v for v, _ in value[1])
    assert meta[4] == [["datum", [3, 1, 0, 2]]]                               # the rest as it was
    assert '"‿"' in trees[0]["pagefind-entry.json"].decode("utf-8")


def test_a_pagefind_file_that_does_not_encode_back_the_same_is_refused(tmp_path):
    """A float in CBOR's 2-byte form (cbor2 writes floats in 8 bytes): the rewrite would change
    more than the order, so the build stops with a message naming the file."""
    path = tmp_path / "nl_1.pf_filter"
    path.write_bytes(gzip.compress(search.SIGNATURE + b"\x82\x64jaar\xf9\x3c\x00"))
    with pytest.raises(BuildError, match="nl_1.pf_filter.*same bytes"):
        search._read(path)


@pytest.mark.slow
def test_the_built_bundle_has_stable_filters(built_site, tmp_path):
    """Pagefind run on the real site three times: the same filter and metadata files every time."""
    settings, _ = built_site
    names = []
    for n in range(3):
        copy = tmp_path / str(n)
        shutil.copytree(settings.site_dir, copy, ignore=shutil.ignore_patterns("pagefind"))
        search.index_site(copy)
        names.append(sorted(p.name for p in (copy / "pagefind").rglob("*.pf_*") if "fragment" not in p.parts))
    assert names[0] == names[1] == names[2] and any(n.endswith(".pf_filter") for n in names[0])
