"""The entity feeds in a real browser (Chromium, headless): an entity page announces its own Atom
feed in <head> and in a visible link, both lead to the same feed file in the served site, and the
feed links back to the page. Skipped without Chromium; in CI (CI=true) they fail instead."""
from __future__ import annotations

import pytest

from conftest import require_selenium

require_selenium()
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.slow

# (page, the feed's title, the visible link's text): a country, a resolution, a UN body, a mission, a Kamerstuk
ENTITY_PAGES = [
    ("landen/mali/", "VN-brieven: Mali", "Atom-feed van Mali"),
    ("resoluties/2417/", "VN-brieven: Resolutie 2417 (2018)", "Atom-feed van Resolutie 2417 (2018)"),
    ("missies/minusma/", "VN-brieven: MINUSMA", "Atom-feed van MINUSMA"),
    ("vn-organen/unsc/", "VN-brieven: Veiligheidsraad van de Verenigde Naties (UNSC)",
     "Atom-feed van Veiligheidsraad van de Verenigde Naties (UNSC)"),
    ("kamerstukken/26150-154/", "VN-brieven: Kamerstuk 26 150, nr. 154", "Atom-feed van Kamerstuk 26 150, nr. 154"),
]

FETCH = """
const [url, done] = arguments;
fetch(url).then(async r => done({status: r.status, type: r.headers.get('content-type'), text: await r.text()}))
          .catch(e => done({status: 0, type: '', text: String(e)}));
"""


def fetch(driver, url: str) -> dict:
    return driver.execute_async_script(FETCH, url)


@pytest.mark.parametrize("path,title,link_text", ENTITY_PAGES)
def test_entity_page_alternate_link_and_visible_link_lead_to_its_feed(browser, site_url, path, title, link_text):
    browser.get(site_url + path)
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    alternates = browser.execute_script(
        "return [...document.querySelectorAll('head link[rel=alternate][type=\"application/atom+xml\"]')]"
        ".map(l => [l.title, l.href])")
    own = [href for t, href in alternates if t == title]
    assert len(own) == 1, alternates
    href = own[0]
    # the visible link, in the article, shows the same feed
    link = browser.find_element(By.LINK_TEXT, link_text)
    assert link.is_displayed() and link.get_attribute("href") == href
    assert link.find_element(By.XPATH, "ancestor::article") is not None
    # the file is there in the built site, and is an Atom feed of this page
    answer = fetch(browser, href)
    assert answer["status"] == 200, (href, answer["status"])
    feed = browser.execute_script("""
        const doc = new DOMParser().parseFromString(arguments[0], 'application/xml');
        const root = doc.documentElement, ns = 'http://www.w3.org/2005/Atom';
        if (doc.querySelector('parsererror')) return {error: true};
        const alt = [...root.children].find(e => e.localName === 'link' && e.getAttribute('rel') === 'alternate');
        return {ns: root.namespaceURI, name: root.localName,
                title: [...root.children].find(e => e.localName === 'title').textContent,
                page: new URL(alt.getAttribute('href'), arguments[1]).href,
                entries: root.getElementsByTagNameNS(ns, 'entry').length};
    """, answer["text"], href)
    assert feed.get("name") == "feed" and feed["ns"] == "http://www.w3.org/2005/Atom", feed
    assert feed["title"] == title and feed["entries"] >= 1
    assert feed["page"] == site_url + path                                  # and it points back at the page
    # Material looks for a sitemap beside each alternate link: answered, so no 404 in the console
    assert fetch(browser, href.rsplit("/", 1)[0] + "/sitemap.xml")["status"] == 200
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
