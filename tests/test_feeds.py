"""Atom feeds: valid, newest first, stable ids, escaped, linked from the pages."""
from __future__ import annotations

import datetime as dt
import posixpath
import re
import xml.etree.ElementTree as ET

from generator.pages import feeds
from generator.index import build_index
from generator.knowledge import Knowledge
from generator.model import Signatory
from test_related import TAXONOMY, letter

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def parse(text: str) -> ET.Element:
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    return root


def assert_valid_atom(root: ET.Element) -> None:
    """RFC 4287's required elements: feed id, title, updated, author (here on the feed); per entry
    id, title, updated, a link or content; ids unique; dates as RFC 3339."""
    for name in ("id", "title", "updated", "author/" + ATOM + "name"):
        assert (root.findtext(ATOM + name) or "").strip(), name
    assert RFC3339.match(root.findtext(f"{ATOM}updated"))
    assert root.find(f"{ATOM}link[@rel='self']") is not None
    ids = []
    for entry in root.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert (entry.findtext(ATOM + name) or "").strip(), name
        assert RFC3339.match(entry.findtext(f"{ATOM}updated"))
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        ids.append(entry.findtext(f"{ATOM}id"))
    assert len(ids) == len(set(ids))


def sample_index():
    a = letter("2017-a", dt.date(2017, 9, 1), [("country", "ML")], ("klimaat",))
    b = letter("2020-b", dt.date(2020, 9, 18), [("country", "ML")], ("klimaat", "vrede"))
    c = letter("2019-c", dt.date(2019, 2, 15), [("country", "SY")], ("vrede",))
    c.meta.date = None                                         # only the year is known
    b.meta.signatories = [Signatory("S.A. Blok", "Minister")]
    return build_index([a, b, c], Knowledge(), TAXONOMY)


def test_letters_feed_is_valid_atom_newest_first_with_stable_ids():
    pages = {p.path: p.text for p in feeds.render_feeds(sample_index())}
    assert sorted(pages) == ["feeds/brieven.xml", "feeds/landen/mali.xml", "feeds/landen/sitemap.xml",
                             "feeds/landen/syrie.xml", "feeds/sitemap.xml", "feeds/themas/klimaat.xml",
                             "feeds/themas/migratie.xml", "feeds/themas/sitemap.xml", "feeds/themas/vrede.xml"]
    for folder in ("feeds", "feeds/themas", "feeds/landen"):     # Material looks for one beside a feed
        sitemap = ET.fromstring(pages[f"{folder}/sitemap.xml"])
        assert sitemap.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset" and len(sitemap) == 0
    root = parse(pages["feeds/brieven.xml"])
    assert_valid_atom(root)
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == [
        "tag:vn-brieven,2020:brieven/2020-b", "tag:vn-brieven,2019:brieven/2019-c",
        "tag:vn-brieven,2017:brieven/2017-a"]
    # 2019-c has only a year: no date of its own, so the build's fixed date (the newest letter's), said so
    assert [e.findtext(f"{ATOM}updated") for e in entries] == [
        "2020-09-18T00:00:00Z", "2020-09-18T00:00:00Z", "2017-09-01T00:00:00Z"]
    assert [e.findtext(f"{ATOM}published") for e in entries] == ["2020-09-18T00:00:00Z", None, "2017-09-01T00:00:00Z"]
    assert entries[1].findtext(f"{ATOM}title") == "2019-c (datum onbekend)"
    assert root.findtext(f"{ATOM}updated") == "2020-09-18T00:00:00Z"          # the newest letter, no build time
    assert entries[0].find(f"{ATOM}link").get("href") == "../brieven/2020-b/"
    assert entries[0].findtext(f"{ATOM}author/{ATOM}name") == "S.A. Blok"
    assert [c.get("term") for c in entries[0].findall(f"{ATOM}category")] == ["klimaat", "vrede"]
    assert root.find(f"{ATOM}link[@rel='alternate']").get("href") == "../"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"


def test_theme_feed_has_only_the_letters_with_that_theme():
    pages = {p.path: p.text for p in feeds.render_feeds(sample_index())}
    root = parse(pages["feeds/themas/vrede.xml"])
    assert_valid_atom(root)
    assert [e.findtext(f"{ATOM}id").rsplit("/", 1)[1] for e in root.findall(f"{ATOM}entry")] == ["2020-b", "2019-c"]
    assert root.find(f"{ATOM}link[@rel='alternate']").get("href") == "../../themas/vrede/"
    assert root.findall(f"{ATOM}entry")[0].find(f"{ATOM}link").get("href") == "../../brieven/2020-b/"
    assert "1 passage over Vrede: x" == root.findall(f"{ATOM}entry")[0].findtext(f"{ATOM}summary")
    empty = parse(pages["feeds/themas/migratie.xml"])
    assert_valid_atom(empty)
    # a feed without entries: the build's fixed date, the newest letter's
    assert empty.findall(f"{ATOM}entry") == [] and empty.findtext(f"{ATOM}updated") == "2020-09-18T00:00:00Z"


def test_any_text_is_escaped_and_control_characters_go():
    index = sample_index()
    evil = 'A & B <script>x</script> "q" \x02\x0b ]]> {{ t }}'
    index.by_id["2020-b"].meta.title = evil
    index.by_id["2020-b"].blocks[0].text = evil
    text = feeds.render_feeds(index)[0].text
    root = parse(text)
    entry = root.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == 'A & B <script>x</script> "q"  ]]> {{ t }}'
    assert "<script>" not in text


def test_undated_letters_carry_the_builds_fixed_date_and_say_so():
    """No invented date: a letter without a date (a year alone is none) is neither 1 January of
    its year nor 1945-10-24, but the newest letter's date, without <published>, and says so in
    its title, its summary and the feed's subtitle. The same in the letters, theme and entity feeds."""
    index = sample_index()
    index.by_id["2017-a"].meta.date = index.by_id["2017-a"].meta.year = None
    pages = {p.path: p.text for p in feeds.render_feeds(index)}
    for path in ("feeds/brieven.xml", "feeds/themas/klimaat.xml", "feeds/landen/mali.xml"):
        root = parse(pages[path])
        assert_valid_atom(root)
        undated = [e for e in root.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}id").endswith("/2017-a")]
        assert len(undated) == 1, path
        entry = undated[0]
        assert entry.findtext(f"{ATOM}id") == "tag:vn-brieven,2017:brieven/2017-a"        # the id never changes
        assert entry.findtext(f"{ATOM}updated") == "2020-09-18T00:00:00Z", path
        assert entry.find(f"{ATOM}published") is None
        assert entry.findtext(f"{ATOM}title") == "2017-a (datum onbekend)"
        assert entry.findtext(f"{ATOM}summary").startswith(
            "Datum onbekend; de feed geeft de vaste datum van deze bouw (18 september 2020, de nieuwste brief). ")
        assert "zonder bekende datum" in root.findtext(f"{ATOM}subtitle")
        assert "1945-10-24" not in pages[path] and "-01-01T" not in pages[path]
    # a feed with only dated letters says nothing about undated ones
    mali = next(p.text for p in feeds.render_feeds(sample_index()) if p.path == "feeds/landen/mali.xml")
    assert "zonder bekende datum" not in parse(mali).findtext(f"{ATOM}subtitle")


def test_the_fixed_date_is_the_newest_letters_date_whatever_the_order():
    index = sample_index()
    assert feeds.FeedContext.of(index).fixed == dt.date(2020, 9, 18)
    index.by_id["2020-b"].meta.date = None                    # now 2017-a's is the newest date
    assert feeds.FeedContext.of(index).fixed == dt.date(2017, 9, 1)
    index.by_id["2017-a"].meta.date = None                    # no letter with a date at all: NO_DATE, said so
    assert feeds.FeedContext.of(index).fixed == feeds.NO_DATE
    root = parse(feeds.render_feeds(index)[0].text)
    assert {e.findtext(f"{ATOM}updated") for e in root.findall(f"{ATOM}entry")} == {"1945-10-24T00:00:00Z"}
    assert all(e.findtext(f"{ATOM}summary").startswith("Datum onbekend (jaar ") and "geen brief heeft een datum"
               in e.findtext(f"{ATOM}summary") for e in root.findall(f"{ATOM}entry"))


def test_real_feeds_are_valid_and_their_links_resolve(built_site):
    settings, _ = built_site
    site = settings.site_dir
    paths = sorted(p for p in (site / "feeds").rglob("*.xml") if p.name != "sitemap.xml")
    assert site / "feeds/brieven.xml" in paths and site / "feeds/themas/klimaat.xml" in paths
    for path in paths:
        root = parse(path.read_text(encoding="utf-8"))
        assert_valid_atom(root)
        rel = path.relative_to(site).as_posix()
        for link in root.iter(f"{ATOM}link"):
            href = link.get("href").partition("#")[0]                 # an entity feed's links go to a paragraph
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), href))
            found = site / target
            assert found.is_file() or (found / "index.html").is_file(), (rel, link.get("href"))
    letters = parse((site / "feeds/brieven.xml").read_text(encoding="utf-8")).findall(f"{ATOM}entry")
    assert len(letters) == len(list((settings.content_dir / "letters").glob("*.txt")))
    dates = [e.findtext(f"{ATOM}updated") for e in letters]
    assert dates == sorted(dates, reverse=True)


def test_pages_point_at_their_feeds(built_site):
    settings, _ = built_site
    site = settings.site_dir
    home = (site / "index.html").read_text(encoding="utf-8")
    assert ('<link rel="alternate" type="application/atom+xml" title="VN-brieven: brieven" '
            'href="feeds/brieven.xml">') in home
    assert '<a href="feeds/brieven.xml">Atom-feed</a>' in home
    theme = (site / "themas/klimaat/index.html").read_text(encoding="utf-8")
    assert ('type="application/atom+xml" title="VN-brieven: thema Klimaat" '
            'href="../../feeds/themas/klimaat.xml"') in theme
    assert 'href="../../feeds/themas/klimaat.xml">Atom-feed van Klimaat</a>' in theme
    letter = (site / "brieven/2020-avvn75-inzet/index.html").read_text(encoding="utf-8")
    assert 'href="../../feeds/brieven.xml"' in letter


# --- a feed per entity ------------------------------------------------------------------------------

from generator.model import Block, Mention, Span                              # noqa: E402
from generator.pages import addresses, entities                             # noqa: E402

TEXTS = ("Eerst iets anders.",
         "Resolutie 2417 gaat over honger. MINUSMA werkt in Mali. De UNSC sprak erover. Zie 26150-168.")
KEYS = {"resolution": "2417", "mission": "MINUSMA", "body": "UNSC", "country": "ML", "kamerstuk": "26150-168"}
SURFACE = {"resolution": "2417", "mission": "MINUSMA", "body": "UNSC", "country": "Mali", "kamerstuk": "26150-168"}


def quoting(letter_id: str, date: dt.date | None, year: int, kinds=tuple(KEYS), text: str = TEXTS[1]):
    """A letter of two paragraphs whose second one mentions an entity of each kind in `kinds`."""
    result = letter(letter_id, dt.date(year, 1, 1), [])
    result.meta.date, result.meta.year = date, year
    result.blocks = [Block("paragraph", TEXTS[0], Span(1, 1), anchor="p-1"),
                     Block("paragraph", text, Span(3, 3), anchor="p-2")]
    result.analysis.mentions = [
        Mention(letter_id, f"{letter_id}.txt", kind, KEYS[kind], True, 3, "p-2", SURFACE[kind],
                text.index(SURFACE[kind]), text.index(SURFACE[kind]) + len(SURFACE[kind]), 1) for kind in kinds]
    return result


def entity_index():
    return build_index([quoting("2020-x", dt.date(2020, 9, 18), 2020), quoting("2018-y", dt.date(2018, 5, 1), 2018),
                        quoting("2019-z", None, 2019, ("country",))], Knowledge(), TAXONOMY)


def test_every_entity_kind_gets_a_valid_feed_of_true_dates_linked_to_the_passage():
    index = entity_index()
    pages = {p.path: p.text for p in feeds.render_feeds(index)}
    docs = {p.path: p.text for p in entities.render_entities(index)}
    kinds = set()
    for entity in index.entities.values():
        kinds.add(entity.kind)
        path = addresses.entity_feed(entity)
        assert path == f"feeds/{addresses.ENTITY_DIRS[entity.kind]}/{entity.slug}.xml"
        root = parse(pages[path])
        assert_valid_atom(root)
        assert root.findtext(f"{ATOM}title") == f"VN-brieven: {entity.title}"
        assert root.find(f"{ATOM}link[@rel='self']").get("href") == f"{entity.slug}.xml"
        page = root.find(f"{ATOM}link[@rel='alternate']").get("href")
        assert page == f"../../{addresses.ENTITY_DIRS[entity.kind]}/{entity.slug}/"
        assert addresses.entity_path(entity) in docs                          # the page it points at exists
        entries = root.findall(f"{ATOM}entry")
        want = ["2020-x", "2019-z", "2018-y"] if entity.kind == "country" else ["2020-x", "2018-y"]
        assert [e.findtext(f"{ATOM}id").rsplit("/", 1)[1] for e in entries] == want
        for e in entries:
            letter_ = index.by_id[e.findtext(f"{ATOM}id").rsplit("/", 1)[1]]
            if letter_.meta.date:                                               # a true date, both times
                assert e.findtext(f"{ATOM}updated") == f"{letter_.meta.date.isoformat()}T00:00:00Z"
                assert e.findtext(f"{ATOM}published") == e.findtext(f"{ATOM}updated")
            else:                                                               # the fixed date, said so
                assert e.findtext(f"{ATOM}updated") == "2020-09-18T00:00:00Z"
                assert e.find(f"{ATOM}published") is None and "(datum onbekend)" in e.findtext(f"{ATOM}title")
            # the deep link: the paragraph of the first mention, not the letter's top
            assert e.find(f"{ATOM}link").get("href") == f"../../brieven/{letter_.id}/#p-2"
            sentence = next(s for s in TEXTS[1].split(". ") if SURFACE[entity.kind] in s)
            summary = e.findtext(f"{ATOM}summary")
            assert summary.startswith("Datum onbekend (jaar 2019); " if not letter_.meta.date else "1 keer")
            assert "1 keer genoemd: alinea 2: “" in summary and sentence in summary
        assert root.findtext(f"{ATOM}updated") == "2020-09-18T00:00:00Z"
    assert kinds == set(addresses.ENTITY_DIRS)


def test_entity_pages_announce_their_feed_on_page_one_only():
    index = entity_index()
    mali = index.entities[("country", "ML")]
    pages = {p.path: p.text for p in entities.render_entities(index, limit=1)}
    first = pages[addresses.entity_path(mali)]
    assert '\nfeed: "feeds/landen/mali.xml"\nfeed_title: "VN-brieven: Mali"\n---' in first
    assert 'Volg nieuwe brieven die Mali noemen: <a href="../../feeds/landen/mali.xml">Atom-feed van Mali</a>.' in first
    continued = pages["landen/mali/2.md"]                                     # page 2 has no feed of its own
    assert "feed:" not in continued and "Atom-feed" not in continued


def test_an_entity_feed_is_bounded_and_keeps_the_newest_letters():
    letters = [quoting(f"l{i:03}", dt.date(1950, 1, 1) + dt.timedelta(days=200 * i), 1950, ("country",))
               for i in range(feeds.MAX_ENTRIES + 7)]
    for l in letters:
        l.meta.year = l.meta.date.year
    index = build_index(letters, Knowledge(), TAXONOMY)
    root = parse(next(p.text for p in feeds.render_feeds(index) if p.path == "feeds/landen/mali.xml"))
    ids = [e.findtext(f"{ATOM}id").rsplit("/", 1)[1] for e in root.findall(f"{ATOM}entry")]
    assert ids == [f"l{i:03}" for i in range(feeds.MAX_ENTRIES + 6, 6, -1)]


def test_an_entity_feed_quotes_many_mentions_within_bounds():
    text = " ".join(f"Zin {i} over Mali." for i in range(200))
    one = quoting("2020-x", dt.date(2020, 9, 18), 2020, (), text)
    one.analysis.mentions = [Mention("2020-x", "2020-x.txt", "country", "ML", True, 3, "p-2", "Mali", m.start(),
                                     m.end(), 1) for m in re.finditer("Mali", text)]
    index = build_index([one], Knowledge(), TAXONOMY)
    root = parse(next(p.text for p in feeds.render_feeds(index) if p.path == "feeds/landen/mali.xml"))
    summary = root.find(f"{ATOM}entry").findtext(f"{ATOM}summary")
    assert summary.startswith("200 keer genoemd: alinea 2: “Zin 0 over Mali.” “Zin 1 over Mali.”")
    assert summary.endswith(" keer") and "en nog" in summary
    assert len(summary) <= feeds.QUOTE_CHARS + 60


def test_hostile_text_in_an_entity_feed_is_escaped():
    evil = 'Mali <script>alert(1)</script> & "q" ]]> \x02 <![CDATA[x]]> {{ t }}.'
    index = build_index([quoting("2020-x", dt.date(2020, 9, 18), 2020, ("country",), evil)], Knowledge(), TAXONOMY)
    index.by_id["2020-x"].meta.title = "<b>titel</b> & co"
    text = next(p.text for p in feeds.render_feeds(index) if p.path == "feeds/landen/mali.xml")
    root = parse(text)
    entry = root.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "<b>titel</b> & co"
    assert 'Mali <script>alert(1)</script> & "q" ]]>  <![CDATA[x]]> {{ t }}.' in entry.findtext(f"{ATOM}summary")
    assert "<script>" not in text and "<b>" not in text and "\x02" not in text


ALTERNATE = re.compile(r'<link rel="alternate" type="application/atom\+xml" title="([^"]*)" href="([^"]*)">')


def test_every_entity_page_links_to_its_feed_and_every_feed_date_is_true(built_site):
    """In the built site: each entity page (page 1) names its own feed in <head> and in a visible
    link, the feed is there (MkDocs copied it) and points back at the page; every entry is dated
    at its letter's own date, or, for a letter without one, at the build's fixed date and says so."""
    import html
    import json

    settings, _ = built_site
    site = settings.site_dir
    letters = {l["id"]: l for l in json.loads((site / "data/letters.json").read_text(encoding="utf-8"))}
    fixed = max(l["date"] for l in letters.values() if l["date"])
    seen = {}
    for kind, folder in addresses.ENTITY_DIRS.items():
        pages = sorted((site / folder).glob("*/index.html"))
        assert pages, folder
        for page in pages:
            text = page.read_text(encoding="utf-8")
            own = [(t, h) for t, h in ALTERNATE.findall(text) if not h.endswith("feeds/brieven.xml")]
            assert len(own) == 1, page
            title, href = own[0]
            assert href == f"../../feeds/{folder}/{page.parent.name}.xml"
            assert f'<a href="{href}">Atom-feed van ' in text                  # the visible link, same feed
            feed = (page.parent / href).resolve()
            assert feed.is_file(), href
            root = parse(feed.read_text(encoding="utf-8"))
            assert_valid_atom(root)
            assert root.findtext(f"{ATOM}title") == html.unescape(title)
            back = root.find(f"{ATOM}link[@rel='alternate']").get("href")
            assert (feed.parent / back / "index.html").resolve() == page.resolve()
            assert (feed.parent / "sitemap.xml").is_file()                     # Material asks for it
            for entry in root.findall(f"{ATOM}entry"):
                letter_id = entry.findtext(f"{ATOM}id").rsplit("/", 1)[1]
                date = letters[letter_id]["date"]
                updated = entry.findtext(f"{ATOM}updated")[:10]
                if date:
                    assert updated == date and entry.findtext(f"{ATOM}published")[:10] == date
                else:
                    assert updated == fixed and entry.findtext(f"{ATOM}title").endswith(" (datum onbekend)")
                    assert entry.findtext(f"{ATOM}summary").startswith("Datum onbekend")
                link = entry.find(f"{ATOM}link").get("href")
                target, _, anchor = link.partition("#")
                assert (feed.parent / target / "index.html").is_file() and anchor
                assert f'id="{anchor}"' in (feed.parent / target / "index.html").read_text(encoding="utf-8")
            seen[kind] = seen.get(kind, 0) + 1
    assert set(seen) == set(addresses.ENTITY_DIRS)


def test_the_about_page_states_the_feeds_rule_and_bound():
    """content/pages/over-deze-site.md tells the reader what the module does (feeds.py docstring)."""
    from conftest import REPO

    text = " ".join((REPO / "content/pages/over-deze-site.md").read_text(encoding="utf-8").split())
    assert f"hoogstens de {feeds.MAX_ENTRIES} nieuwste brieven" in text
    assert "de datum van de nieuwste brief met een datum" in text and '"(datum onbekend)" achter de titel' in text
    for kind in ("resolutie", "missie", "VN-orgaan", "land en Kamerstuk"):
        assert kind in text
