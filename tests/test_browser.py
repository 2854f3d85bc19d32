"""The built site in a real browser (Debian's Chromium, headless, via Selenium): pages open, search
finds words from the letters, deep links land on their paragraph, dark mode, keyboard, citeer,
abbreviations, screenshots. Skipped when Chromium is missing here; in CI (CI=true) they fail
instead (tests/conftest.py: chromium, site_url, browser)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import IN_CI

try:
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    if IN_CI:
        raise
    pytest.skip("selenium is not installed: pip install -e '.[test]'", allow_module_level=True)

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]

PAGES = {
    "home": ("", "Home"),
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


@pytest.mark.parametrize("word", ["vredesmissies", "klimaatverandering", "mensenrechtenverdedigers"])
def test_search_finds_a_word_that_is_in_a_letter(browser, site_url, word):
    assert word in words_in_letters()                        # the premise: a letter has this word
    open_page(browser, site_url)
    box = browser.find_element(By.CSS_SELECTOR, "input.md-search__input")
    box.click()
    box.send_keys(word)
    try:
        wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".md-search-result__item"),
             "no result", timeout=20)
    except TimeoutException:
        meta = browser.find_element(By.CSS_SELECTOR, ".md-search-result__meta").text
        pytest.fail(f"search for {word!r} returned nothing ({meta!r}), although a letter has this word")
    hrefs = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".md-search-result__item a")]
    assert any("/brieven/" in h for h in hrefs), hrefs
    assert console_errors(browser) == []


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
        if "md-search__input" in seen[-1]["cls"].split():
            break
    assert "md-search__input" in seen[-1]["cls"].split(), [s["cls"] or s["tag"] for s in seen]
    print(f"search reached with {len(seen)} presses of Tab")

    open_page(browser, site_url + PAGES["letter"][0])             # the skip link leads into the letter
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    browser.switch_to.active_element.send_keys(Keys.TAB)
    assert active(browser)["inArticle"], active(browser)


@pytest.mark.parametrize("path, anchor, expected", [
    ("brieven/2020-avvn75-inzet/", "p-12",
     'Kamerbrief "Inzet van het Koninkrijk voor de 75e zitting van de Algemene Vergadering van de VN", 2020, '
     "alinea 12, {url}"),
    ("brieven/2020-avvn75-schriftelijk-overleg/", "antwoord-51",
     'Kamerbrief "Schriftelijk overleg over de inzet voor de 75e zitting van de AVVN", 2020, '
     "antwoord 51 (Kamerstuk 26 150, nr. 187), {url}"),
    ("brieven/2019-veiligheidsraad-2018-terugblik/", "p-3",
     'Kamerbrief "Koninkrijk der Nederlanden als lid van de VN-Veiligheidsraad 2018", 15 februari 2019, '
     "alinea 3, {url}"),
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
