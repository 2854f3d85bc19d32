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
    assert sorted(pages) == ["feeds/brieven.xml", "feeds/sitemap.xml", "feeds/themas/klimaat.xml",
                             "feeds/themas/migratie.xml", "feeds/themas/sitemap.xml", "feeds/themas/vrede.xml"]
    for folder in ("feeds", "feeds/themas"):                     # Material looks for one beside a feed
        sitemap = ET.fromstring(pages[f"{folder}/sitemap.xml"])
        assert sitemap.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset" and len(sitemap) == 0
    root = parse(pages["feeds/brieven.xml"])
    assert_valid_atom(root)
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == [
        "tag:vn-brieven,2020:brieven/2020-b", "tag:vn-brieven,2019:brieven/2019-c",
        "tag:vn-brieven,2017:brieven/2017-a"]
    assert [e.findtext(f"{ATOM}updated") for e in entries] == [
        "2020-09-18T00:00:00Z", "2019-01-01T00:00:00Z", "2017-09-01T00:00:00Z"]
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
    assert empty.findall(f"{ATOM}entry") == [] and empty.findtext(f"{ATOM}updated") == "1945-10-24T00:00:00Z"


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


def test_undated_letters_get_fixed_dates():
    index = sample_index()
    index.by_id["2017-a"].meta.date = index.by_id["2017-a"].meta.year = None
    root = parse(feeds.render_feeds(index)[0].text)
    last = root.findall(f"{ATOM}entry")[-1]
    assert last.findtext(f"{ATOM}id") == "tag:vn-brieven,2017:brieven/2017-a"
    assert last.findtext(f"{ATOM}updated") == "1945-10-24T00:00:00Z"


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
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), link.get("href")))
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
