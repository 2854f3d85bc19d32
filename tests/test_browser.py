"""The built site in a real browser (Debian's Chromium, headless, via Selenium): pages open, search
finds words from the letters, deep links land on their paragraph, dark mode, keyboard, citeer,
abbreviations, screenshots. Skipped when Chromium is missing here; in CI (CI=true) they fail
instead (tests/conftest.py: chromium, site_url, browser)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import require_selenium

require_selenium()
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]

PAGES = {
    "home": ("", "Het Koninkrijk in de VN: brieven aan de Tweede Kamer"),
    "letter": ("brieven/2020-avvn75-inzet/",
               "Inzet van het Koninkrijk voor de 75e zitting van de Algemene Vergadering van de VN"),
    "entity": ("resoluties/2417/", "Resolutie 2417 (2018)"),
    "theme": ("themas/klimaat/", "Klimaat"),
}


def wait(driver, condition, message: str, timeout: float = 10):
    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda d: condition(d), message)


def scheme(driver) -> str:
    return driver.execute_script("return document.body.getAttribute('data-md-color-scheme')")


def toggle_scheme(driver) -> None:
    """Click the palette toggle in the header (the visible one of the two) like a reader, then move
    the pointer away, so the toggle's tooltip (fading in under a resting pointer) is gone."""
    before = scheme(driver)
    label = next(l for l in driver.find_elements(By.CSS_SELECTOR, "form[data-md-component=palette] label")
                 if l.is_displayed())
    label.click()
    wait(driver, lambda d: scheme(d) != before, "the palette toggle did not change data-md-color-scheme")
    bottom = driver.execute_script("return window.innerHeight") - 2           # below the sidebar: nothing
    driver.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": 2, "y": bottom})
    wait(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, ".md-tooltip--active, .md-tooltip2--active"),
         "a tooltip stayed open after the pointer left")


def open_page(driver, url: str, want_scheme: str = "default") -> None:
    driver.get(url)
    wait(driver, lambda d: d.execute_script("return document.readyState") == "complete", f"{url} did not load")
    if scheme(driver) != want_scheme:
        toggle_scheme(driver)
    assert scheme(driver) == want_scheme


def console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


@pytest.mark.parametrize("name", PAGES)
def test_page_opens_in_dutch_with_its_title_and_no_errors(browser, site_url, name):
    path, title = PAGES[name]
    open_page(browser, site_url + path)
    assert browser.execute_script("return document.documentElement.lang") == "nl"
    assert browser.find_element(By.CSS_SELECTOR, "article h1").text == title
    assert browser.title.endswith("VN-brieven") and (name == "home" or browser.title.startswith(title))
    assert browser.find_elements(By.CSS_SELECTOR, "script[src$='vn-brieven.js']")
    assert console_errors(browser) == []


def words_in_letters() -> str:
    return " ".join(p.read_text(encoding="utf-8") for p in (REPO / "content/letters").glob("*.txt")).lower()


def open_search(driver):
    """Open the search like a reader: the button in the header; returns the search field."""
    button = driver.find_element(By.CSS_SELECTOR, ".vn-search pagefind-modal-trigger button")
    button.click()
    box = wait(driver, lambda d: [e for e in d.find_elements(By.CSS_SELECTOR, ".vn-search dialog input")
                                  if e.is_displayed()], "the search dialog did not open")[0]
    assert driver.switch_to.active_element == box                       # the field has the focus
    return box


def search_results(driver, query: str) -> list[dict]:
    """Type `query` and wait for Pagefind's results: [{title, href, excerpt, marks, subs}]."""
    box = open_search(driver)
    box.send_keys(query)
    try:
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".vn-search .pf-result-link"), "no result", timeout=20)
    except TimeoutException:
        summary = driver.find_element(By.CSS_SELECTOR, ".vn-search .pf-summary").text
        pytest.fail(f"search for {query!r} showed no result ({summary!r})")
    # Pagefind loads a result when it scrolls into view: scroll through the first ones
    def loaded(d):
        return d.execute_script("""
            const all = [...document.querySelectorAll('.vn-search .pf-result')].slice(0, arguments[0]);
            const waiting = all.filter(r => !r.querySelector('.pf-result-link'));
            if (waiting.length) { waiting[0].scrollIntoView(); return false; }
            return true;""", 8)
    wait(driver, loaded, "the first results did not load", timeout=20)
    return driver.execute_script("""
        return [...document.querySelectorAll('.vn-search .pf-result')].filter(r => r.querySelector('.pf-result-link'))
          .map(r => ({title: r.querySelector('.pf-result-link').textContent.trim(),
                      href: r.querySelector('.pf-result-link').href,
                      excerpt: (r.querySelector('.pf-result-excerpt') || {textContent: ''}).textContent,
                      marks: [...r.querySelectorAll('.pf-result-excerpt mark')].map(m => m.textContent),
                      subs: [...r.querySelectorAll('.pf-heading-link')].map(a => a.href)}));
    """)


@pytest.fixture(scope="module")
def letter_titles(built_site) -> set[str]:
    settings, _ = built_site
    return {r["title"] for r in json.loads((settings.site_dir / "data/letters.json").read_text(encoding="utf-8"))}


@pytest.mark.parametrize("word", ["vredesmissies", "klimaatverandering", "mensenrechtenverdedigers"])
def test_search_finds_a_word_that_is_in_a_letter(browser, site_url, letter_titles, word):
    assert word in words_in_letters()                        # the premise: a letter has this word
    open_page(browser, site_url + PAGES["letter"][0])        # from a page two folders deep
    results = search_results(browser, word)
    letters = [r for r in results if "/brieven/" in r["href"]]
    assert letters, results
    first = letters[0]
    page = first["href"].split("?")[0].split("#")[0]         # issue 18: ?pagefind-highlight=…#p-N follow
    assert page.startswith(site_url + "brieven/") and page.endswith("/"), first
    assert first["title"] != "VN-brieven" and first["title"] in letter_titles, first
    assert any(word in m.lower() for m in first["marks"]), first     # the hit is marked in the snippet
    assert word in first["excerpt"].lower()
    assert console_errors(browser) == []


def test_search_shows_the_letter_title_snippet_and_headings_and_opens_the_letter(browser, site_url, screenshot):
    open_page(browser, site_url + "themas/klimaat/")
    results = search_results(browser, "klimaattoppen")
    letter = next(r for r in results if r["href"].split("?")[0] == site_url + PAGES["letter"][0])
    assert letter["title"] == PAGES["letter"][1]
    assert any(m.lower().startswith("klimaattop") for m in letter["marks"]), letter   # 'klimaattop,' in the text
    assert all(s.startswith(site_url + PAGES["letter"][0] + "?pagefind-highlight=klimaattoppen") and "#" in s
               for s in letter["subs"]), letter
    screenshot(browser, "zoeken-licht")
    link = next(a for a in browser.find_elements(By.CSS_SELECTOR, ".vn-search .pf-result-link")
                if a.get_attribute("href") == letter["href"])
    link.click()
    wait(browser, lambda d: d.current_url == letter["href"], "the result did not open the letter")
    assert browser.find_element(By.CSS_SELECTOR, "article h1").text == PAGES["letter"][1]


def test_search_stems_dutch_words(browser, site_url):
    """'vredesmissie' is in no letter, only 'vredesmissies': Dutch stemming finds the plural."""
    letters = words_in_letters()
    assert re.search(r"\bvredesmissies\b", letters) and not re.search(r"\bvredesmissie\b", letters)
    open_page(browser, site_url)
    results = search_results(browser, "vredesmissie")
    hits = [r for r in results if "/brieven/" in r["href"]]
    assert hits and any("vredesmissies" in m.lower() for r in hits for m in r["marks"]), results


def test_search_in_the_dark_scheme_uses_materials_colours(browser, site_url, screenshot):
    open_page(browser, site_url, "slate")
    search_results(browser, "mensenrechten")
    colours = browser.execute_script("""
        const card = document.querySelector('.vn-search .pf-result-card'), body = getComputedStyle(document.body);
        return {card: getComputedStyle(card).backgroundColor, page: body.backgroundColor,
                text: getComputedStyle(document.querySelector('.vn-search .pf-result-link')).color, fg: body.color};
    """)
    assert colours["card"] == colours["page"] and colours["text"] == colours["fg"], colours
    screenshot(browser, "zoeken-donker")
    assert console_errors(browser) == []


def test_search_dialog_keyboard_and_dutch(browser, site_url):
    open_page(browser, site_url)
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.CONTROL, "k")  # the shortcut opens it too
    box = wait(browser, lambda d: [e for e in d.find_elements(By.CSS_SELECTOR, ".vn-search dialog input")
                                   if e.is_displayed()], "Ctrl+K did not open the search")[0]
    dialog = browser.find_element(By.CSS_SELECTOR, ".vn-search dialog")
    assert dialog.get_attribute("aria-label") == "Zoeken" and box.get_attribute("placeholder") == "Zoeken"
    box.send_keys("klimaat")
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".vn-search .pf-result-link"), "no result", timeout=20)
    summary = browser.find_element(By.CSS_SELECTOR, ".vn-search .pf-summary").text
    assert re.fullmatch(r"\d+ resultaten voor klimaat", summary), summary     # Pagefind's Dutch strings
    box.send_keys(Keys.ARROW_DOWN)                                        # arrow keys go through the results
    assert "pf-result-link" in (browser.switch_to.active_element.get_attribute("class") or "") or \
        browser.find_elements(By.CSS_SELECTOR, ".vn-search [data-pf-selected]")
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait(browser, lambda d: not d.find_element(By.CSS_SELECTOR, ".vn-search dialog").is_displayed(),
         "Escape did not close the search")


def target_state(driver, anchor: str) -> dict:
    return driver.execute_script("""
        const el = document.getElementById(arguments[0]);
        const box = el.getBoundingClientRect();
        const header = document.querySelector('.md-header').getBoundingClientRect();
        const style = getComputedStyle(el);
        return {target: el.matches(':target'), top: box.top, bottom: box.bottom, header: header.bottom,
                height: window.innerHeight, outline: style.outlineStyle, background: style.backgroundColor};
    """, anchor)


@pytest.mark.parametrize("scheme_name", ["default", "slate"])
@pytest.mark.parametrize("path, anchor", [("brieven/2020-avvn75-inzet/", "p-12"),
                                          ("brieven/2020-avvn75-schriftelijk-overleg/", "antwoord-51")])
def test_deep_link_lands_on_its_paragraph_highlighted(browser, site_url, path, anchor, scheme_name):
    open_page(browser, site_url, scheme_name)                  # the scheme is kept for the next page
    browser.get(f"{site_url}{path}#{anchor}")

    def settled(d):
        first = target_state(d, anchor)
        return first if first["target"] and abs(target_state(d, anchor)["top"] - first["top"]) < 1 else False

    state = wait(browser, settled, f"#{anchor} is not the :target")
    assert state["header"] - 1 <= state["top"] < state["height"] / 2, state   # below the header, in view
    assert state["outline"] == "dashed" and state["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), state
    assert scheme(browser) == scheme_name


def test_dark_mode_toggle_changes_the_scheme_and_keeps_it(browser, site_url):
    open_page(browser, site_url + PAGES["letter"][0])
    assert scheme(browser) == "default"
    background = browser.execute_script("return getComputedStyle(document.body).backgroundColor")
    toggle_scheme(browser)
    assert scheme(browser) == "slate"
    assert browser.execute_script("return getComputedStyle(document.body).backgroundColor") != background
    browser.get(site_url + PAGES["entity"][0])
    assert scheme(browser) == "slate"                          # remembered on the next page
    toggle_scheme(browser)
    assert scheme(browser) == "default"


def active(driver) -> dict:
    return driver.execute_script("""
        const el = document.activeElement;
        return {tag: el.tagName, cls: el.className, text: (el.innerText || el.value || '').trim(),
                href: el.getAttribute('href') || '', inArticle: !!el.closest('article')};
    """)


def test_keyboard_alone_reaches_the_search_and_the_content(browser, site_url):
    open_page(browser, site_url + PAGES["letter"][0])
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    first = active(browser)
    assert "md-skip" in first["cls"].split() and first["text"] == "Ga naar inhoud", first
    seen = [first]
    for _ in range(40):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        seen.append(active(browser))
        if "pf-trigger-btn" in seen[-1]["cls"].split():
            break
    assert "pf-trigger-btn" in seen[-1]["cls"].split(), [s["cls"] or s["tag"] for s in seen]
    print(f"search reached with {len(seen)} presses of Tab")

    open_page(browser, site_url + PAGES["letter"][0])             # the skip link leads into the letter
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    browser.switch_to.active_element.send_keys(Keys.TAB)
    assert active(browser)["inArticle"], active(browser)


@pytest.mark.parametrize("path, anchor, expected", [
    ("brieven/2020-avvn75-inzet/", "p-12",
     'Inzetbrief "Inzet van het Koninkrijk voor de 75e zitting van de Algemene Vergadering van de VN", 2020, '
     "alinea 12, {url}"),
    ("brieven/2020-avvn75-schriftelijk-overleg/", "antwoord-51",     # its page is not known: none named
     "Kamerstukken II 2020/21, 26 150, nr. 187, antwoord 51, {url}"),
    ("brieven/2020-avvn75-schriftelijk-overleg/", "vraag-9",          # the first block after footer "… 6"
     "Kamerstukken II 2020/21, 26 150, nr. 187, p. 7, vraag 9, {url}"),
    ("brieven/2020-avvn75-schriftelijk-overleg/", "antwoord-100",     # the first block after footer "… 55"
     "Kamerstukken II 2020/21, 26 150, nr. 187, p. 56, antwoord 100, {url}"),
    ("brieven/2019-veiligheidsraad-2018-terugblik/", "p-3",
     "Kamerstukken II 2018/19, 26 150, nr. 180, alinea 3, {url}"),   # its Kamerstuk, from the sidecar
])
def test_citeer_gives_a_ready_citation(browser, site_url, path, anchor, expected):
    open_page(browser, site_url + path)
    block = browser.find_element(By.ID, anchor)
    permalink = block.find_element(By.CSS_SELECTOR, "a.vn-permalink")
    assert permalink.get_attribute("href") == f"{site_url}{path}#{anchor}"
    button = block.find_element(By.CSS_SELECTOR, "button.vn-cite-button")
    assert button.text == "citeer" and button.get_attribute("aria-expanded") == "false"
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    text = browser.find_element(By.CSS_SELECTOR, f"#citeer-{anchor} .vn-citation__text").text
    assert text == expected.format(url=f"{site_url}{path}#{anchor}")
    assert button.get_attribute("aria-expanded") == "true"
    assert browser.execute_script("return window.getSelection().toString()") == text    # ready to copy
    button.send_keys(Keys.ENTER)                                  # the keyboard closes it again
    assert button.get_attribute("aria-expanded") == "false"
    assert not browser.find_element(By.ID, f"citeer-{anchor}").is_displayed()
    assert console_errors(browser) == []


def test_every_permalinked_block_of_a_letter_has_a_citeer_button(browser, site_url):
    open_page(browser, site_url + "brieven/2020-avvn75-schriftelijk-overleg/")
    counts = browser.execute_script("""
        return [document.querySelectorAll('article a.vn-permalink').length,
                document.querySelectorAll('article .vn-permalink + .vn-cite-button').length,
                document.querySelectorAll('[id^="antwoord-"] .vn-permalink').length];
    """)
    assert counts[0] == counts[1] and counts[2] >= 100, counts


def test_an_abbreviation_expands_on_keyboard_focus(browser, site_url):
    open_page(browser, site_url + PAGES["letter"][0])
    abbr = browser.find_element(By.CSS_SELECTOR, "article abbr[tabindex='0']")
    assert abbr.text == "AVVN"
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", abbr)
    tip = wait(browser, lambda d: [t for t in d.find_elements(By.CSS_SELECTOR, ".md-tooltip2--active")
                                   if t.text.strip()], "no tooltip on focus")
    assert tip[0].text.strip() == "Algemene Vergadering van de Verenigde Naties (United Nations General Assembly)"


@pytest.mark.parametrize("scheme_name, suffix", [("default", "licht"), ("slate", "donker")])
def test_screenshots_for_a_person_to_look_at(browser, site_url, screenshot, scheme_name, suffix):
    for name in ("home", "letter", "entity"):
        open_page(browser, site_url + PAGES[name][0], scheme_name)
        screenshot(browser, f"{name}-{suffix}")
    open_page(browser, site_url + "brieven/2020-avvn75-schriftelijk-overleg/#antwoord-51", scheme_name)
    button = browser.find_element(By.CSS_SELECTOR, "#antwoord-51 .vn-cite-button")
    browser.execute_script("arguments[0].click()", button)
    path = screenshot(browser, f"citeer-{suffix}")
    assert path.stat().st_size > 10_000
