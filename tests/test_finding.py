"""Issue 18 in a real browser (Chromium, the fixtures of tests/conftest.py): the list of letters on
brieven/ filtered by year, kind, theme and signatory and sorted by date (Pagefind's filters); search
results with kind and date, letters first, landing on the paragraph with the words marked; an
entity page's quote found. The attributes behind it: tests/test_finding_pages.py."""
from __future__ import annotations

import json

import pytest

from conftest import require_selenium

from test_accessibility import axe_source, report, run_axe  # noqa: F401  (axe_source: a fixture)
from test_browser import console_errors, open_page, search_results, wait
from test_finding_pages import facts_of

require_selenium()
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def letters(built_site) -> list[dict]:
    """The letters as the open data lists them, each with its kind label and themes as its page
    states them (the hidden facts block)."""
    settings, _ = built_site
    records = json.loads((settings.site_dir / "data/letters.json").read_text(encoding="utf-8"))
    for record in records:
        facts = facts_of((settings.site_dir / record["page_url"] / "index.html").read_text(encoding="utf-8")).facts
        record["soort"] = next(t for k, n, t in facts if (k, n) == ("data-pagefind-meta", "soort"))
        record["themas"] = [t for k, n, t in facts if (k, n) == ("data-pagefind-filter", "thema")]
    return records


def open_list(driver, url: str) -> None:
    open_page(driver, url)
    wait(driver, lambda d: d.find_element(By.ID, "vn-lijst").is_displayed()
         and d.find_element(By.ID, "vn-lijst-status").text.endswith("."), "the list of letters did not load",
         timeout=20)


def shown(driver) -> list[dict]:
    return driver.execute_script("""
        return [...document.querySelectorAll('#vn-lijst-brieven li')].map(li => ({
            title: li.querySelector('a').textContent, href: li.querySelector('a').href,
            facts: li.querySelector('.vn-lijst__gegevens').textContent}));""")


def choose(driver, name: str, value: str) -> None:
    before = driver.find_element(By.ID, "vn-lijst-status").text
    driver.execute_script("document.getElementById('vn-lijst-status').textContent = ''")
    Select(driver.find_element(By.ID, f"vn-lijst-{name}")).select_by_value(value)
    wait(driver, lambda d: d.find_element(By.ID, "vn-lijst-status").text.endswith("."),
         f"choosing {name}={value} changed nothing (was {before!r})", timeout=20)


def newest_first(records: list[dict]) -> list[str]:
    return [r["title"] for r in sorted(records, key=lambda r: (r["date"] or str(r["year"])), reverse=True)]


def test_brieven_lists_every_letter_newest_first_with_date_kind_and_reference(browser, site_url, letters,
                                                                               screenshot):
    open_list(browser, site_url + "brieven/")
    rows = shown(browser)
    assert [r["title"] for r in rows] == newest_first(letters)
    by_title = {r["title"]: r for r in letters}
    for row in rows:
        record = by_title[row["title"]]
        assert row["href"] == site_url + record["page_url"]
        assert record["soort"] in row["facts"] and str(record["year"]) in row["facts"]
        if record["citation"]:
            assert record["citation"] in row["facts"]
        if not record["date"]:
            assert f'{record["year"]}, datum onbekend' in row["facts"]
    assert browser.find_element(By.ID, "vn-lijst-status").text == f"{len(letters)} brieven."
    screenshot(browser, "brieven-lijst")
    assert console_errors(browser) == []


@pytest.mark.parametrize("name", ["jaar", "soort", "thema", "ondertekenaar"])
def test_filtering_brieven_shows_exactly_the_matching_letters(browser, site_url, letters, name):
    values = {"jaar": lambda r: [str(r["year"])], "soort": lambda r: [r["soort"]], "thema": lambda r: r["themas"],
              "ondertekenaar": lambda r: [s["name"] for s in r["signatories"]]}[name]
    counts = {}
    for record in letters:
        for value in values(record):
            counts[value] = counts.get(value, 0) + 1
    # a value some letters have and others not (for a theme: one with a comma, if any)
    value = sorted((v for v, n in counts.items() if 0 < n < len(letters)), key=lambda v: ("," not in v, v))[0]
    open_list(browser, site_url + "brieven/")
    choose(browser, name, value)
    expected = newest_first([r for r in letters if value in values(r)])
    assert [r["title"] for r in shown(browser)] == expected, (name, value)
    assert browser.find_element(By.ID, "vn-lijst-status").text.startswith(str(len(expected)))
    assert f"{name}=" in browser.current_url                          # the choice can be linked to
    assert console_errors(browser) == []


def test_filters_combine_sort_oldest_first_and_survive_a_reload(browser, site_url, letters):
    open_list(browser, site_url + "brieven/")
    choose(browser, "soort", "Inzetbrief")
    choose(browser, "volgorde", "asc")
    expected = newest_first([r for r in letters if r["soort"] == "Inzetbrief"])[::-1]
    assert len(expected) > 1 and [r["title"] for r in shown(browser)] == expected
    year = str(letters[0]["year"])
    choose(browser, "jaar", year)
    both = [r["title"] for r in shown(browser)]
    assert both == [t for t in expected if any(r["title"] == t and str(r["year"]) == year for r in letters)]
    url = browser.current_url
    open_list(browser, url)                                               # a link to this choice
    assert [r["title"] for r in shown(browser)] == both
    assert Select(browser.find_element(By.ID, "vn-lijst-jaar")).first_selected_option.get_attribute("value") == year
    browser.find_element(By.CSS_SELECTOR, "#vn-lijst-form button[type=reset]").click()
    wait(browser, lambda d: len(shown(d)) == len(letters), "Wis de filters did not show every letter again")


def test_the_list_comes_a_page_at_a_time_and_the_keyboard_pages_through_it(browser, site_url, letters):
    open_list(browser, site_url + "brieven/?per=2")
    titles = newest_first(letters)
    assert [r["title"] for r in shown(browser)] == titles[:2]
    assert browser.find_element(By.ID, "vn-lijst-pagina").text == f"pagina 1 van {(len(letters) + 1) // 2}"
    following = browser.find_element(By.ID, "vn-lijst-volgende")
    assert browser.find_element(By.ID, "vn-lijst-vorige").get_attribute("disabled")
    size = following.size
    assert size["width"] >= 24 and size["height"] >= 24, size
    browser.execute_script("arguments[0].focus()", following)
    following.send_keys(Keys.ENTER)
    wait(browser, lambda d: [r["title"] for r in shown(d)] == titles[2:4], "Volgende did not show the next letters")
    focused = browser.switch_to.active_element
    assert focused.text == titles[2]                                      # focus on the first new letter
    assert "pagina=2" in browser.current_url
    assert browser.execute_script("return document.getElementById('vn-lijst-brieven').start") == 3


def test_brieven_list_is_usable_on_a_phone(browser, site_url, letters, screenshot):
    browser.set_window_size(390, 844)
    try:
        open_list(browser, site_url + "brieven/")
        overflow = browser.execute_script("""
            const wide = [...document.querySelectorAll('#vn-lijst, #vn-lijst *')].filter(e => {
                const r = e.getBoundingClientRect(); return r.width && (r.right > innerWidth + 1 || r.left < -1); });
            return wide.map(e => e.tagName + '#' + e.id + '.' + e.className);""")
        assert overflow == []
        for select in browser.find_elements(By.CSS_SELECTOR, "#vn-lijst select"):
            assert select.size["height"] >= 24 and select.size["width"] >= 24
            label = browser.find_element(By.CSS_SELECTOR, f"label[for='{select.get_attribute('id')}']")
            assert label.is_displayed() and label.text
        screenshot(browser, "brieven-lijst-telefoon")
    finally:
        browser.set_window_size(1280, 900)


@pytest.mark.parametrize("scheme_name, width", [("default", 1280), ("slate", 390)])
def test_the_filled_list_is_axe_clean(browser, site_url, axe_source, scheme_name, width):

    browser.set_window_size(width, 900)
    try:
        open_list(browser, site_url + "brieven/?per=2")
        open_page(browser, browser.current_url, scheme_name)
        wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#vn-lijst-brieven li"), "no letters", timeout=20)
        result = run_axe(browser, axe_source)
        assert "error" not in result, result
        assert result["violations"] == [], report(result["violations"])
    finally:
        browser.set_window_size(1280, 900)


# --- search ---------------------------------------------------------------------------------------

def test_a_search_result_shows_kind_and_date(browser, site_url):
    open_page(browser, site_url + "woordenlijst/")
    results = search_results(browser, "ministeriële week")
    kinds = browser.execute_script("""
        return [...document.querySelectorAll('.vn-search .pf-result')].filter(r => r.querySelector('.pf-result-link'))
            .map(r => (r.querySelector('.vn-result__soort') || {textContent: ''}).textContent);""")
    assert results[0]["title"] == "Verslag ministeriële week 73e AVVN"
    assert kinds[0] == "Verslag ministeriële week · 2018, datum onbekend"
    assert all(kinds), list(zip([r["title"] for r in results], kinds))   # every result says what it is
    assert "Brieven per jaar" in kinds or "Land" in kinds


@pytest.mark.parametrize("query, letter", [
    ("schriftelijk overleg", "brieven/2020-avvn75-schriftelijk-overleg/"),   # Q&A pages share the title
    ("Veiligheidsraad 2018", "brieven/2019-veiligheidsraad-2018-terugblik/"),
    ("72ste zitting", "brieven/2017-avvn72-inzet/"),
])
def test_a_query_matching_a_letter_title_lists_the_letter_first(browser, site_url, query, letter):
    open_page(browser, site_url)
    results = search_results(browser, query)
    assert results[0]["href"].split("?")[0] == site_url + letter, [r["href"] for r in results[:4]]


def test_a_result_lands_on_the_paragraph_with_the_words_marked(browser, site_url, screenshot):
    open_page(browser, site_url + "woordenlijst/")
    results = search_results(browser, "klimaattoppen")
    letter = next(r for r in results if "/brieven/2020-avvn75-inzet/" in r["href"])
    assert "?pagefind-highlight=klimaattoppen&" in letter["href"] and "#p-" in letter["href"], letter
    assert "pagefind-highlight=klimaattop&" in letter["href"] + "&"   # the word as the letter has it
    anchor = letter["href"].rsplit("#", 1)[1]
    link = next(a for a in browser.find_elements(By.CSS_SELECTOR, ".vn-search .pf-result-link")
                if a.get_attribute("href") == letter["href"])
    link.click()
    wait(browser, lambda d: d.current_url == letter["href"], "the result did not open the letter")
    marks = wait(browser, lambda d: d.execute_script("""
        return [...document.querySelectorAll('mark.pagefind-highlight')].map(m => ({
            text: m.textContent, in_target: !!m.closest('#' + arguments[0]),
            top: m.getBoundingClientRect().top, bottom: m.getBoundingClientRect().bottom,
            bg: getComputedStyle(m).backgroundColor}));""", anchor), "no word was marked", timeout=15)
    target = [m for m in marks if m["in_target"]]
    assert target and target[0]["text"].lower().startswith("klimaattop"), marks
    height = browser.execute_script("return innerHeight")
    assert 0 <= target[0]["top"] and target[0]["bottom"] <= height, target[0]   # in view on arrival
    assert target[0]["bg"] not in ("rgba(0, 0, 0, 0)", "transparent")
    screenshot(browser, "zoeken-aankomst")
    assert console_errors(browser) == []                    # no CSP violation (inline style or script)


def test_an_entity_pages_quote_is_found(browser, site_url, built_site):
    settings, _ = built_site
    assert "mensenrechtenverdedigers" in (settings.site_dir / "landen/armenie/index.html").read_text(encoding="utf-8")
    open_page(browser, site_url)
    results = search_results(browser, "mensenrechtenverdedigers")
    entity = [r for r in results if "/landen/armenie/" in r["href"]]
    assert entity and any("mensenrechtenverdedigers" in m.lower() for m in entity[0]["marks"]), results
