"""Citing a letter in the built site, in Chromium: the printed page in the margin, the official
publication and the downloads of the card (fetched and parsed as a reference manager would)."""
from __future__ import annotations

import json
import urllib.request

import pytest

from conftest import require_selenium
from test_browser import console_errors, open_page
from test_citations import bibtex_fields, ris_records

require_selenium()
from selenium.webdriver.common.by import By

pytestmark = pytest.mark.slow
SO = "brieven/2020-avvn75-schriftelijk-overleg/"


def test_the_page_stands_in_the_margin_and_is_read_as_pagina(browser, site_url):
    open_page(browser, site_url + SO + "#vraag-9")
    found = browser.execute_script("""
        const block = document.getElementById('vraag-9');
        const mark = block.querySelector('.vn-page');
        const seen = mark.querySelector('[aria-hidden="true"]'), heard = mark.querySelector('.vn-page__sr');
        const text = block.querySelector('p:not(.vn-qa-label)');
        const r = mark.getBoundingClientRect(), t = text.getBoundingClientRect(), h = heard.getBoundingClientRect();
        return {seen: seen.textContent, heard: heard.textContent, visible: r.width > 0 && r.height > 0,
                right: r.right, textRight: t.right, top: r.top, textTop: t.top, heardSize: [h.width, h.height],
                small: parseFloat(getComputedStyle(mark).fontSize) < parseFloat(getComputedStyle(text).fontSize),
                marks: document.querySelectorAll('article .vn-page').length};
    """)
    assert (found["seen"], found["heard"]) == ("p. 7", "pagina 7")
    assert found["visible"] and found["small"]
    assert abs(found["right"] - found["textRight"]) < 2 and abs(found["top"] - found["textTop"]) < 24   # right margin, first line
    assert found["heardSize"][0] <= 1 and found["heardSize"][1] <= 1   # for a screen reader only
    assert found["marks"] == 3                                         # p. 7, p. 16 and p. 56: where known
    open_page(browser, site_url + "brieven/2020-avvn75-inzet/")
    assert browser.find_elements(By.CSS_SELECTOR, "article .vn-page") == []   # no pages known, no mark
    assert console_errors(browser) == []


def test_the_card_links_the_official_publication_and_downloads_that_parse(browser, site_url):
    open_page(browser, site_url + SO)
    card = browser.find_element(By.CSS_SELECTOR, ".vn-meta")
    links = {a.text: a.get_attribute("href") for a in card.find_elements(By.TAG_NAME, "a")}
    assert links["officielebekendmakingen.nl"] == "https://zoek.officielebekendmakingen.nl/kst-26150-187.html"
    assert links["pdf"] == "https://zoek.officielebekendmakingen.nl/kst-26150-187.pdf"
    base = site_url + SO + "2020-avvn75-schriftelijk-overleg"
    assert [links[n] for n in ("brontekst", "BibTeX", "RIS", "CSL-JSON")] == [
        base + ".txt", base + ".bib", base + ".ris", base + ".csl.json"]

    def get(url: str) -> str:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    _, key, fields = bibtex_fields(get(links["BibTeX"]))
    assert key == "2020-avvn75-schriftelijk-overleg" and fields["howpublished"] == "Kamerstukken II 2020/21, 26 150"
    [record] = ris_records(get(links["RIS"]))
    assert dict(record)["T2"] == "Kamerstukken II 2020/21, 26 150" and dict(record)["IS"] == "187"
    [item] = json.loads(get(links["CSL-JSON"]))
    assert item["container-title"] == "Kamerstukken II 2020/21, 26 150" and item["language"] == "nl"
    assert get(links["brontekst"]).splitlines()[301] == "Tweede Kamer, vergaderjaar 2020–2021, 26 150, nr. 187 6"
