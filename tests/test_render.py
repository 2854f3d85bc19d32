"""pages/markdown.py and pages/letter.py: letter text is data (escape_md), and a letter renders to the expected Markdown."""
from __future__ import annotations

import datetime as dt
import html.parser
import re
from pathlib import Path

import pytest
import yaml
from conftest import card_row

from generator.model import Block, Footnote, FootnoteRef, Furniture, Letter, Meta, Signatory, Source, Span
from generator.pages import render_site
from generator.pages.home import LATEST_LETTERS, render_home
from generator.pages.labels import EXCERPT_CHARS, _normalized_start, passage_start
from generator.pages.letter import render_letter
from generator.pages.markdown import escape_md, md, safe_url
from generator.pages.paging import paged
from generator.parse.footnotes import dangling_refs

INJECTIONS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[klik](javascript:alert(1))",
    "![plaatje](http://example.com/x.png)",
    "<!-- verborgen -->",
    "{{ config.site_name }} {% if x %}ja{% endif %}",
    "# geen kop",
    "## geen kop ##",
    "> geen citaat",
    "- geen lijst",
    "+ geen lijst",
    "* geen lijst",
    "1. geen genummerde lijst",
    "| a | b |\n|---|---|\n| c | d |",
    "**vet** _schuin_ `code` ~~doorgehaald~~",
    "[^1] en [^1]: geen voetnoot",
    "tekst\n{: #kaping .klasse }",
    "tekst { #kaping }",
    '!!! danger "geen waarschuwing"\n    inhoud',
    '??? note "geen uitklapblok"',
    "    geen codeblok",
    "regel\n===",
    "regel\n---",
    "<http://example.com>",
    '<div markdown="1">*x*</div>',
    "\\*backslash\\* \\",
    "[TOC]",
    "harde  \nregelafbreking",
    "&copy; &amp; &#60;",
    "\x02klzzwxh:0\x03 stx",
    "a < b > c & d",
    "[ref]: http://example.com\n[ref]",
    "*[HTML]: afkorting",
]


class _Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.tags.append(("!--", {}))


def _read(out: str) -> _Text:
    parser = _Text()
    parser.feed(out)
    return parser


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("payload", INJECTIONS)
def test_escape_md_shows_letter_text_literally(payload, to_html):
    out = to_html(escape_md(payload))
    page = _read(out)
    assert {tag for tag, _ in page.tags} <= {"p"}, out
    expected = _words(re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", payload))
    assert _words("".join(page.text)) == expected, out


@pytest.mark.parametrize("payload", INJECTIONS)
def test_escape_md_inside_a_line_and_a_list_item(payload, to_html):
    """The same payloads after other text (line_start=False) and as a bullet item."""
    out = to_html("Tekst " + escape_md(payload, line_start=False) + "\n\n- " + md(payload))
    tags = {tag for tag, _ in _read(out).tags}
    assert tags <= {"p", "ul", "li"}, out


def test_escape_md_html_escapes_every_angle_bracket_and_ampersand():
    assert escape_md("<b>&c") == "&lt;b&gt;&amp;c"


def test_escape_md_adds_little_noise():
    plain = "De 75e zitting van de AVVN (2020) - zie ook Kamerstuk 26 150, nr. 187."
    assert escape_md(plain) == plain


def _letter(**meta) -> Letter:
    text = "regel\n" * 9
    blocks = [
        Block("heading", "1. Vrede en veiligheid", Span(1, 1), level=2, number="1", anchor="vrede"),
        Block("paragraph", "Het Koninkrijk zet zich in.", Span(2, 2), anchor="p-1",
              footnote_refs=[FootnoteRef(14, "1")]),
        Block("bullet", "eerste punt", Span(3, 3), anchor="p-2"),
        Block("bullet", "tweede punt", Span(4, 4), anchor="p-3"),
        Block("question", "Wat doet het kabinet?", Span(5, 5), number="51", anchor="vraag-51"),
        Block("answer", "Eerste alinea.\n\nTweede alinea.", Span(6, 7), number="51",
              label="51. Antwoord van het kabinet:", anchor="antwoord-51"),
        Block("signature", "De Minister,\nS.A. Blok", Span(8, 9), lines=["De Minister,", "S.A. Blok"],
              anchor="ondertekening"),
    ]
    return Letter(
        id="2020-test", source=Source(Path("2020-test.txt"), text),
        meta=Meta(title="Een testbrief", kind="inzetbrief", date=dt.date(2020, 9, 18), sessions=[75],
                  signatories=[Signatory("S.A. Blok", "Minister van Buitenlandse Zaken")], **meta),
        blocks=blocks, footnotes=[Footnote("1", "Zie www.tweedekamer.nl", Span(10, 10))],
        furniture=[Furniture(9, "Onze Referentie", "lopende kop")])


def test_letter_page_has_anchors_footnotes_and_card(to_html):
    page = render_letter(_letter())
    text = page.text
    assert page.path == "brieven/2020-test.md"
    front = yaml.safe_load(text.split("---\n")[1])
    assert front.pop("title") == "Een testbrief" and list(front) == ["vn_finding"]   # issue 18: search facts
    assert '## 1\\. Vrede en veiligheid { #vrede data-regels="1-1" }' in text
    # the rest is HTML the generator writes (pages/html.py), as Python-Markdown wrote it before
    assert ('<p data-regels="2-2" id="p-1">Het Koninkrijk<sup id="fnref:1"><a class="footnote-ref" '
            'href="#fn:1">1</a></sup> zet zich in. <a ') in text                   # marker at offset 14
    assert re.search(r'<ul>\n<li data-regels="3-3" id="p-2">eerste punt <a [^\n]*</li>\n'
                     r'<li data-regels="4-4" id="p-3">tweede punt <a [^\n]*</li>\n</ul>', text)   # one list
    assert ('<li id="fn:1">\n<p>Zie www.tweedekamer.nl&#160;<a class="footnote-backref" href="#fnref:1" '
            'title="Terug naar voetnoot 1 in de tekst">&#8617;</a></p>\n</li>') in text
    assert card_row(text, "Datum") == "18 september 2020"
    out = to_html(text.split("---\n", 2)[2])
    ids = {a.get("id") for _, a in _read(out).tags}
    assert {"vrede", "p-1", "p-2", "p-3", "vraag-51", "antwoord-51", "ondertekening", "fn:1",
            "vn-verantwoording"} <= ids
    assert out.count("<ul>") == 1
    assert '<p data-regels="2-2" id="p-1">' in out                           # source lines kept
    assert 'data-regels="6-7" id="antwoord-51"' in out
    assert "<strong>51. Antwoord van het kabinet:</strong>" in out
    assert "<p>Eerste alinea.</p>" in out and "<p>Tweede alinea. <a " in out   # the permalink goes last
    assert "Onze Referentie" in out and "lopende kop" in out                  # removed lines listed


def test_answer_without_label_shows_its_number():
    letter = _letter()
    letter.blocks[5].label = ""
    assert '<p class="vn-qa-label"><a href="#antwoord-51"><strong>Antwoord 51</strong></a></p>' in render_letter(letter).text


def test_empty_blocks_are_skipped_but_a_bare_answer_label_is_kept(to_html):
    letter = _letter()
    letter.blocks[1].text, letter.blocks[1].footnote_refs = "  ", []
    letter.blocks[5].text = ""
    out = to_html(render_letter(letter).text.split("---\n", 2)[2])
    assert 'id="p-1"' not in out and "{ #p-1 }" not in out
    assert 'id="antwoord-51"' in out and "51. Antwoord van het kabinet:" in out


def test_rendering_is_deterministic():
    assert render_letter(_letter()).text == render_letter(_letter()).text
    letters = [_letter()]
    assert render_site(letters, "Intro.") == render_site(letters, "Intro.")


def test_every_letter_field_is_escaped(to_html):
    evil = "<script>x()</script> [a](javascript:b) ![i](c) {{ d }}"
    letter = _letter(kamerstuk=evil, url="javascript:alert(1)")
    letter.meta.title = letter.meta.kind = evil
    letter.meta.signatories = [Signatory(evil, evil)]
    for b in letter.blocks:
        b.text, b.label, b.lines = evil, evil, [evil, evil]
        b.footnote_refs = []
    letter.footnotes = [Footnote("1", evil, Span(1, 1))]
    letter.furniture = [Furniture(1, evil, evil)]
    text = render_letter(letter).text
    front, body = text.split("---\n", 2)[1:]
    assert "<" not in yaml.safe_load(front)["title"]                     # MkDocs prints it raw
    out = to_html(body)
    tags = _read(out).tags
    assert not [t for t, _ in tags if t in ("script", "img")]
    assert not [a for t, a in tags if t == "a" and "javascript" in a.get("href", "")]
    assert "{{ d }}" in "".join(_read(out).text)


def test_dangling_footnote_reference_is_reported_and_kept_as_text():
    letter = _letter()
    letter.footnotes = []
    assert dangling_refs(letter) == ["2020-test.txt:2: reference to footnote 1, which the letter does not have"]
    assert "Het Koninkrijk1 zet zich in." in render_letter(letter).text


def _dated(letter_id: str, year: int | None, kind: str = "inzetbrief") -> Letter:
    letter = _letter()
    letter.id, letter.meta.kind, letter.meta.year = letter_id, kind, year
    letter.meta.date = dt.date(year, 9, 18) if year else None
    letter.meta.sessions = [year - 1945] if year else []
    return letter


def test_overview_counts_per_year_and_kind_and_year_pages_list_the_letters():
    old, new, undated = _dated("2018-oud", 2018), _dated("2020-nieuw", 2020, "schriftelijk-overleg"), _dated("zonder", None)
    pages = {p.path: p.text for p in render_home([old, undated, new], "Welkom.")}
    assert list(pages) == ["index.md", "brieven/index.md", "jaren/2020.md", "jaren/2018.md", "jaren/onbekend.md"]
    overview = pages["brieven/index.md"]
    assert "2018-oud" not in overview                                    # no letter list: counts only
    assert "| [2020](../jaren/2020.md) | 1 |  | [1](../jaren/2020.md#schriftelijk-overleg) | 75e |" in overview
    assert "| [2018](../jaren/2018.md) | 1 | [1](../jaren/2018.md#inzetbrief) |  | 73e |" in overview
    year = pages["jaren/2018.md"]
    assert "## Inzetbrief (1) { #inzetbrief }" in year
    assert "| 18 september 2018 | [Een testbrief](../brieven/2018-oud.md) |" in year
    assert "[2020](../jaren/2020.md)" in year and "[alle jaren](../brieven/index.md)" in year   # newer year
    assert "2020-nieuw" not in year and "2018-oud" not in pages["jaren/2020.md"]
    home = pages["index.md"]
    positions = [home.index(f"(brieven/{i}.md)") for i in ("2020-nieuw", "2018-oud", "zonder")]
    assert positions == sorted(positions) and "Welkom." in home             # newest first, undated last
    assert "[2020](jaren/2020.md) (1) · [2018](jaren/2018.md) (1) · [Jaar onbekend](jaren/onbekend.md) (1)" in home


def test_home_page_lists_only_the_newest_letters():
    letters = [_dated(f"brief-{i:03d}", 2000 + i % 20) for i in range(LATEST_LETTERS + 15)]
    home = render_home(letters, "Welkom.")[0].text
    assert home.count("](brieven/brief-") == LATEST_LETTERS


@pytest.mark.parametrize("letter_id", ["2020", "jaren", "jaar-2020", "onbekend", "brief-2020"])
def test_year_pages_and_anchors_cannot_take_a_letter_address(letter_id):
    """Letter ids are plain slugs: whatever a file is called, its page is brieven/<id>.md and the year
    pages live in jaren/; on the list pages a letter's anchor is brief-<id>, a year's jaar-<year>."""
    letters = [_dated(letter_id, 2020), _dated("2019-ander", 2019)]
    paths = [p.path for p in render_home(letters, "Welkom.")]
    assert f"brieven/{letter_id}.md" not in paths and len(paths) == len(set(paths))
    assert all(p.startswith("jaren/") for p in paths[2:])
    pages = paged("landen/mali.md", [(l, [l.id]) for l in letters], 1)
    anchors = [s.anchor for p in pages for s in p.sections]
    assert all(a.startswith("jaar-") and a != f"brief-{letter_id}" for a in anchors)


def test_safe_url_encodes_parentheses_and_refuses_scripts():
    assert safe_url("https://undocs.org/S/RES/2417(2018)") == "https://undocs.org/S/RES/2417%282018%29"
    assert safe_url("javascript:alert(1)") == ""
    assert safe_url("https://x.org/a b") == ""


def test_mentions_become_links_without_changing_the_visible_text(to_html):
    from generator.index import build_index
    from generator.knowledge import Knowledge
    from generator.model import Analysis, Mention
    letter = _letter()
    text = "Steun voor resolutie 2417 en [Kamerstuk 26 150, nr. 168] <b>."
    letter.blocks[1] = Block("paragraph", text, Span(2, 2), anchor="p-1", line_starts=[(0, 2)])
    letter.analysis = Analysis(mentions=[
        Mention(letter.id, "2020-test.txt", "resolution", "2417", True, 2, "p-1", "2417", 21, 25, 1),
        Mention(letter.id, "2020-test.txt", "kamerstuk", "26150-168", True, 2, "p-1",
                "Kamerstuk 26 150, nr. 168", 30, 55, 1),
    ])
    index = build_index([letter], Knowledge(missions={}, resolutions={}, country_aliases={},
                                            excluded_countries=frozenset()))
    md_text = render_letter(letter, index).text
    assert ('resolutie <a href="../../resoluties/2417/">2417</a> en [<a href="https://zoek.officielebekendmakingen.nl/'
            'kst-26150-168">Kamerstuk 26 150, nr. 168</a>] &lt;b&gt;.') in md_text
    out = to_html(md_text.split("---\n", 2)[2])
    assert '<a href="../../resoluties/2417/">2417</a>' in out
    assert "[<a href=\"https://zoek.officielebekendmakingen.nl/kst-26150-168\">Kamerstuk 26 150, nr. 168</a>] &lt;b&gt;." in out


def _naive_passage_excerpt(texts: list[str]) -> str:
    text = " ".join(" ".join(texts).split())
    if len(text) > EXCERPT_CHARS:
        text = text[:text.rfind(" ", 0, EXCERPT_CHARS)] + " …"
    return text


@pytest.mark.parametrize("seed", range(30))
def test_passage_excerpt_reads_only_the_start_but_is_the_same_as_from_the_whole_text(seed):
    import random

    from generator.model import Passage
    rng = random.Random(seed)
    words = ["vrede", "veiligheid", "x" * rng.choice([5, 230, 900]), " " * rng.choice([1, 50, 2000]), "\n\n", "\t"]
    texts = ["".join(rng.choice(words) + rng.choice(["", " "]) for _ in range(rng.randrange(0, 120)))
             for _ in range(rng.randrange(0, 6))]
    blocks = [Block("heading", "Kop " * 100, Span(1, 1))] + [Block("paragraph", t, Span(1, 1)) for t in texts]
    letter = Letter("a", Source(Path("a.txt"), ""), Meta(), blocks, [], [])
    passage = Passage("a", "section", "p-1", "Kop", list(range(len(blocks))), Span(1, 1), 1)
    assert passage_start(letter, passage) == _naive_passage_excerpt(texts)
    full = " ".join(" ".join(texts).split())
    for need in (1, 7, 221, 5000):
        start = _normalized_start(texts, need)
        assert start == full if len(full) < need else (full.startswith(start) and len(start) >= need)


def test_normalized_start_goes_on_after_a_start_of_only_whitespace():
    # the first text fills the first start taken (4 × need characters) exactly, with spaces only
    assert _normalized_start([" " * 40, "abcdefghijklmnop qrs"], 10) == "abcdefghijklmnop qrs"


def test_historical_country_has_its_own_page_with_end_successors_and_source():
    """Issue 17: a state that no longer exists (ISO 3166-3 key) gets a country page saying so,
    linking its successors that have pages; entities.json carries historical, end, successors."""
    import json

    from generator.index import build_index
    from generator.knowledge import Knowledge
    from generator.knowledge.base import HistoricalCountry
    from generator.model import Analysis, Mention
    from generator.pages.data import entities_json
    from generator.pages.entities import render_entities
    letter = _letter()
    text = "De situatie in Joegoslavië en Servië."
    letter.blocks[1] = Block("paragraph", text, Span(2, 2), anchor="p-1", line_starts=[(0, 2)])
    letter.analysis = Analysis(mentions=[
        Mention(letter.id, "2020-test.txt", "country", "YUCS", True, 2, "p-1", "Joegoslavië", 15, 26, 1),
        Mention(letter.id, "2020-test.txt", "country", "RS", True, 2, "p-1", "Servië", 30, 36, 1),
    ])
    yu = HistoricalCountry("YUCS", "Joegoslavië", ("Joegoslavische",), 1992, ("RS", "SI"),
                           "https://www.un.org/en/about-us/member-states")
    index = build_index([letter], Knowledge(historical_countries={"YUCS": yu}))
    pages = {p.path: p.text for p in render_entities(index)}
    page = pages["landen/joegoslavie.md"]
    assert card_row(page, "Landcode") == "YUCS (ISO 3166-3, een staat die niet meer bestaat)"
    assert card_row(page, "Staat") == 'historische staat, tot 1992; opgevolgd door <a href="../servie/">Servië</a>, Slovenië'
    assert card_row(page, "Bron") == ('<a href="https://www.un.org/en/about-us/member-states">'
                                      'https://www.un.org/en/about-us/member-states</a>')
    assert "ISO 3166-1" in pages["landen/servie.md"] and "historische staat" not in pages["landen/servie.md"]
    records = {r["key"]: r for r in json.loads(entities_json(index).text)["landen"]}
    assert records["YUCS"]["historical"] is True and records["YUCS"]["end"] == 1992
    assert records["YUCS"]["successors"] == ["RS", "SI"] and records["YUCS"]["title"] == "Joegoslavië"
    assert records["RS"]["historical"] is False and records["RS"]["successors"] == []
