"""Issue 18, themes, in a real browser (Chromium via Selenium; tests/conftest.py): a letter shows its
main themes as chips and the others under "Ook genoemd", its reading text has no theme lines, the
themes per passage are one click away (also without JavaScript), and a chip's name is not torn
apart by an abbreviation ("Duurzame ontwikkeling ( SDG 's)")."""
from __future__ import annotations

import pytest

from conftest import require_selenium

require_selenium()
from selenium.webdriver.common.by import By

from test_browser import console_errors, open_page, wait

pytestmark = pytest.mark.slow
LETTER = "brieven/2017-avvn72-inzet/"
SDG = "Duurzame ontwikkeling (SDG's)"


def test_chips_show_the_main_themes_above_the_card_and_ook_genoemd_below_them(browser, site_url, screenshot):
    open_page(browser, site_url + LETTER)
    chips = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "article .md-tags .md-tag")]
    assert chips == ["Vrede en veiligheid", "Klimaat", SDG, "Mensenrechten", "Internationale rechtsorde"]
    ook = browser.find_element(By.CSS_SELECTOR, "article .vn-ook-genoemd")
    assert ook.text.startswith("Ook genoemd: Vredesmissies, Humanitaire hulp, ") and ook.is_displayed()
    places = browser.execute_script("""
        const y = s => document.querySelector(s).getBoundingClientRect();
        return {chips: y('article .md-tags').bottom, ook: y('article .vn-ook-genoemd').top,
                card: y('article .vn-meta').top,
                ookSize: parseFloat(getComputedStyle(document.querySelector('article .vn-ook-genoemd')).fontSize),
                textSize: parseFloat(getComputedStyle(document.querySelector('article p[id^="p-"]')).fontSize)};""")
    assert places["chips"] <= places["ook"] < places["card"], places
    assert places["ookSize"] < places["textSize"], places                   # smaller than the letter text
    screenshot(browser, "thema-chips")
    assert console_errors(browser) == []


def test_the_abbreviation_in_a_chip_name_adds_no_gaps(browser, site_url):
    """The chip's name reads as written: on the screen (as wide as the same words in a plain line)
    and for a screen reader (the link's accessible name)."""
    open_page(browser, site_url + LETTER)
    chip = browser.find_element(By.CSS_SELECTOR, "article .md-tag[href$='/themas/duurzame-ontwikkeling/']")
    # the width of "(S" against those of "(" and "S" measured apart: a gap between them shows
    widths = browser.execute_script("""
        const walker = document.createTreeWalker(arguments[0], NodeFilter.SHOW_TEXT), chars = [];
        for (let node; (node = walker.nextNode());)
            for (let i = 0; i < node.data.length; i++) chars.push([node, i]);
        const at = chars.findIndex(([node, i]) => node.data[i] === '(');
        const width = (a, b) => { const r = document.createRange();
            r.setStart(...chars[a]); r.setEnd(chars[b - 1][0], chars[b - 1][1] + 1);
            return r.getBoundingClientRect().width; };
        return {together: width(at, at + 2), apart: width(at, at + 1) + width(at + 1, at + 2)};""", chip)
    assert abs(widths["together"] - widths["apart"]) < 1, widths
    names = [n["name"]["value"] for n in browser.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
             if n.get("role", {}).get("value") == "link" and "Duurzame ontwikkeling" in str(n.get("name", {}).get("value"))]
    assert SDG in names and not [n for n in names if "( " in n or " '" in n or " ’" in n], names


def test_no_theme_lines_in_the_reading_text_and_the_passages_one_click_away(browser, site_url):
    open_page(browser, site_url + LETTER)
    text = browser.execute_script("""
        const article = document.querySelector('article'), end = document.getElementById('vn-themas');
        const range = document.createRange();
        range.setStartBefore(article.querySelector('.vn-meta')); range.setEndBefore(end);
        return range.toString();""")
    assert "Vrede en veiligheid" in text and "trefwoorden" not in text and "Thema:" not in text
    details = browser.find_element(By.XPATH, "//details[summary[starts-with(., \"Thema's per passage\")]]")
    assert details.get_attribute("open") is None                            # collapsed
    browser.find_element(By.CSS_SELECTOR, "article .vn-ook-genoemd a[href='#vn-themas']").click()
    wait(browser, lambda d: d.execute_script("return location.hash") == "#vn-themas", "the link did not go there")
    summary = details.find_element(By.TAG_NAME, "summary")
    summary.click()
    wait(browser, lambda d: details.get_attribute("open") is not None, "the summary did not open the list")
    item = details.find_element(By.XPATH, ".//li[a[@href='#humanitaire-hulp']]")
    assert item.text == "Humanitaire hulp: Humanitaire hulp (kop)"
    item.find_element(By.TAG_NAME, "a").click()
    wait(browser, lambda d: d.execute_script("return location.hash") == "#humanitaire-hulp", "no jump to the passage")
    top = browser.execute_script("return document.getElementById('humanitaire-hulp').getBoundingClientRect().top")
    assert 0 <= top < browser.execute_script("return innerHeight") / 2


def test_the_passages_open_without_javascript(browser, site_url):
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(site_url + LETTER + "#vn-themas")
        details = browser.find_element(By.XPATH, "//details[summary[starts-with(., \"Thema's per passage\")]]")
        details.find_element(By.TAG_NAME, "summary").click()
        assert details.get_attribute("open") is not None
        assert details.find_element(By.XPATH, ".//li[a[@href='#p-1']]").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
