"""Phone and keyboard in a real browser (issue 18), what axe-core does not measure: every page fits
a phone 390 px wide (tables and charts scroll in their own region, which the keyboard reaches and
scrolls), targets of at least 24 x 24 px with a visible focus ring of at least 2 px and 3:1
contrast (WCAG 2.2, 2.5.8 and 2.4.13), the skip link lands on the page title, the home page has a
real title, the Dutch 404 page works when the site is served under a sub-path. Screenshots of a
phone for a person to look at (build/screenshots/*-telefoon-*.png).

The phone is Chromium's device emulation (DevTools protocol): 390 x 844 CSS px, a mobile viewport,
touch (so `(hover: none)`: the ¶ and "citeer" are always shown, as on a phone). One browser
session for all tests (tests/conftest.py), the emulation is switched off after each test."""
from __future__ import annotations

import http.server
import io
import re
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import require_selenium, serve

from test_browser import open_page, wait

require_selenium()
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

pytestmark = pytest.mark.slow

PHONE = {"width": 390, "height": 844}
LETTER = "brieven/2020-avvn75-inzet/"
QA_LETTER = "brieven/2020-avvn75-schriftelijk-overleg/"

# Every page type of the site (tests/test_accessibility.py runs axe-core on the same list).
PAGES = [
    "",                                                              # home
    "brieven/",                                                      # the letters overview
    "jaren/2020/",                                                   # a year page
    LETTER,                                                          # a letter
    QA_LETTER,                                                       # the Q&A letter (h3/h4, 600 blocks)
    "schriftelijk-overleg/",                                         # the Q&A overview
    "schriftelijk-overleg/2020-avvn75-schriftelijk-overleg/vvd/",    # a Q&A fractie page
    "themas/",
    "themas/klimaat/",                                               # a theme
    "tijdlijn/",                                                     # SVG charts and tables
    "resoluties/",
    "resoluties/2417/",                                              # an entity
    "missies/",
    "missies/minusma/",
    "vn-organen/",
    "vn-organen/ecosoc/",
    "landen/",
    "landen/mali/",
    "kamerstukken/",
    "kamerstukken/26150-176/",
    "woordenlijst/",
    "over-deze-site/",
    "open-data/",
    "toegankelijkheid/",
    "404.html",                                                      # the page a server sends for a missing address
]


def emulate_phone(driver) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {**PHONE, "deviceScaleFactor": 1, "mobile": True})
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})


def emulate_desktop(driver) -> None:
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@contextmanager
def device(driver, name: str):
    """The browser as a phone ("phone") or as it starts, 1280 x 900 ("desktop"), for the block."""
    if name == "phone":
        emulate_phone(driver)
    try:
        yield driver
    finally:
        emulate_desktop(driver)


@pytest.fixture
def phone(browser):
    with device(browser, "phone"):
        yield browser


# --- phone: no page wider than the screen ----------------------------------------------------------

@pytest.mark.parametrize("path", PAGES)
def test_page_fits_a_phone_390_px_wide(phone, site_url, path):
    open_page(phone, site_url + path)
    size = phone.execute_script("""
        const wide = [...document.querySelectorAll('body *')].filter(e => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.right > window.innerWidth + 1 && !e.closest('.vn-scroll, .vn-chart');
        }).slice(0, 5).map(e => e.tagName + '.' + e.getAttribute('class'));
        return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth, wide: wide};
    """)
    assert size["inner"] == PHONE["width"]
    assert size["scroll"] <= PHONE["width"], f"/{path} is {size['scroll']} px wide on a phone: {size['wide']}"


def test_wide_tables_and_charts_scroll_in_their_own_region_by_keyboard(phone, site_url):
    """On the timeline the charts and the themes x years table are wider than a phone: each
    scrolls in a named region that Tab reaches and the arrow keys scroll; the page does not."""
    open_page(phone, site_url + "tijdlijn/")
    regions = phone.execute_script("""
        return [...document.querySelectorAll('article .vn-chart, article .vn-scroll')].map(r => ({
            label: r.getAttribute('aria-label'), role: r.getAttribute('role'), tab: r.tabIndex,
            overflows: r.scrollWidth > r.clientWidth + 1}));
    """)
    assert len(regions) == 4, regions                            # two charts, two tables
    assert all(r["role"] == "region" and r["tab"] == 0 and r["label"] for r in regions), regions
    assert [r["label"] for r in regions] == ["Grafiek: brieven per jaar", "Tabel: Brieven per jaar",
                                             "Grafiek: aandacht per thema per jaar",
                                             "Tabel: Aandacht per thema per jaar"], regions
    assert regions[2]["overflows"], regions                      # the heat map does not fit a phone
    # Tab from the page title to the first wide region, then scroll it with the arrow key
    target = next(i for i, r in enumerate(regions) if r["overflows"])
    phone.execute_script("document.getElementById('paginatitel').focus()")
    for _ in range(60):
        ActionChains(phone).send_keys(Keys.TAB).perform()
        if phone.execute_script("return document.activeElement === document.querySelectorAll("
                                "'article .vn-chart, article .vn-scroll')[arguments[0]]", target):
            break
    else:
        pytest.fail("Tab never reached the wide region")
    ActionChains(phone).send_keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT).perform()
    wait(phone, lambda d: d.execute_script("return document.activeElement.scrollLeft") > 0,
         "the arrow key did not scroll the focused region")
    assert phone.execute_script("return window.scrollX") == 0
    ring = focus_ring(phone)
    assert ring["width"] >= 2 and ring["style"] != "none", ring


def test_a_table_is_wrapped_in_one_scroll_region_only(browser, site_url):
    """Material's own wrapper (.md-typeset__scrollwrap) sits inside the region and does not scroll."""
    open_page(browser, site_url + "woordenlijst/")
    state = browser.execute_script("""
        const table = document.querySelector('article table');
        const scrollers = [];
        for (let e = table; e && e.tagName !== 'ARTICLE'; e = e.parentElement) {
            const o = getComputedStyle(e).overflowX;
            if (o === 'auto' || o === 'scroll') scrollers.push(e.className || e.tagName);
        }
        return scrollers;
    """)
    assert state == ["vn-scroll"], state


# --- targets and focus ---------------------------------------------------------------------------------

def luminance(rgb: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def parse_rgb(css: str) -> tuple[float, ...]:
    values = [float(v) for v in re.findall(r"[\d.]+", css)]
    return tuple(values[:3])


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(parse_rgb(a)), luminance(parse_rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def focus_ring(driver) -> dict:
    """The outline of the focused element, and the background it is drawn on: the backgrounds of
    its ancestors up to the first opaque one (the footer's, the page's), laid over each other."""
    ring = driver.execute_script(r"""
        const el = document.activeElement, s = getComputedStyle(el), layers = [];
        for (let e = el.parentElement; e; e = e.parentElement) {
            const bg = getComputedStyle(e).backgroundColor;
            layers.push(bg);
            const alpha = bg.startsWith('rgba') ? parseFloat(bg.split(',')[3]) : 1;
            if (alpha >= 1) break;
        }
        return {cls: el.className, style: s.outlineStyle, width: parseFloat(s.outlineWidth),
                color: s.outlineColor, layers: layers, visible: el.matches(':focus-visible')};
    """)
    page = (255.0, 255.0, 255.0)
    for layer in reversed(ring["layers"]):
        values = [float(v) for v in re.findall(r"[\d.]+", layer)]
        alpha = values[3] if len(values) > 3 else 1.0
        page = tuple(alpha * c + (1 - alpha) * p for c, p in zip(values[:3], page))
    ring["page"] = "rgb({:.0f}, {:.0f}, {:.0f})".format(*page)
    return ring


def tab_to(driver, element) -> dict:
    """Focus `element` as a keyboard user does (Tab from the focusable thing before it); its ring."""
    driver.execute_script("""
        const target = arguments[0];
        target.scrollIntoView({block: 'center'});
        const all = [...document.querySelectorAll('a[href], button, [tabindex="0"], abbr[tabindex]')]
            .filter(e => e.getClientRects().length);
        const before = all[all.indexOf(target) - 1];
        (before || document.body).focus();
    """, element)
    ActionChains(driver).send_keys(Keys.TAB).perform()
    assert driver.switch_to.active_element == element, (element.get_attribute("outerHTML")[:120],
                                                        focus_ring(driver))
    return focus_ring(driver)


def size(driver, element) -> dict:
    return driver.execute_script("const r = arguments[0].getBoundingClientRect(); "
                                 "return {w: r.width, h: r.height};", element)


TARGETS = [
    ("¶ of a paragraph", LETTER, "#p-12 a.vn-permalink"),
    ("citeer", LETTER, "#p-12 button.vn-cite-button"),
    ("kopieer", LETTER, "#citeer-p-12 button.vn-citation__copy"),
    ("¶ of a heading", LETTER, "article h2 a.headerlink"),
    ("theme chip", LETTER, "article a.md-tag"),
    ("¶ of an answer", QA_LETTER, "#antwoord-51 a.vn-permalink"),
    ("footer link", "", ".md-copyright a[href$='toegankelijkheid/']"),
]


@pytest.mark.parametrize("device_name", ["desktop", "phone"])
@pytest.mark.parametrize("scheme_name", ["default", "slate"])
def test_targets_are_24_px_with_a_visible_focus_ring(browser, site_url, device_name, scheme_name):
    with device(browser, device_name):
        measured = {}
        for name, path, selector in TARGETS:
            if browser.current_url != site_url + path:
                open_page(browser, site_url + path, scheme_name)
            if name == "kopieer":                                  # shown by "citeer"
                button = browser.find_element(By.CSS_SELECTOR, "#p-12 button.vn-cite-button")
                browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
                button.click()
            element = browser.find_element(By.CSS_SELECTOR, selector)
            ring = tab_to(browser, element)
            box = size(browser, element)
            measured[name] = (round(box["w"], 1), round(box["h"], 1), ring["width"], ring["style"],
                              round(contrast(ring["color"], ring["page"]), 2))
            assert box["w"] >= 24 and box["h"] >= 24, (name, measured[name])
            assert ring["visible"] and ring["style"] not in ("none", "hidden") and ring["width"] >= 2, (name, ring)
            assert contrast(ring["color"], ring["page"]) >= 3, (name, ring)
        print(device_name, scheme_name, measured)


# --- skip link -------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["", LETTER, "brieven/", "tijdlijn/"])
def test_skip_link_lands_on_the_page_title(browser, site_url, path):
    open_page(browser, site_url + path)
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    link = browser.switch_to.active_element
    assert "md-skip" in link.get_attribute("class").split()
    assert link.get_attribute("textContent").strip() == "Ga naar inhoud"
    assert link.get_attribute("href") == site_url + path + "#paginatitel"
    link.send_keys(Keys.ENTER)
    title = wait(browser, lambda d: d.execute_script(
        "const a = document.activeElement; return a.tagName === 'H1' && a.id === 'paginatitel' && a"),
        "the skip link did not put the focus on the page title")
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top", title)
    header = browser.execute_script("return document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header <= top < browser.execute_script("return window.innerHeight"), (top, header)
    # the metadata card (or the first text) comes after the title: the skip did not jump past it
    first = browser.execute_script("""
        const h1 = document.getElementById('paginatitel');
        return h1.nextElementSibling && h1.nextElementSibling.getBoundingClientRect().top""")
    assert first is None or first > top


def test_home_title_and_heading(browser, site_url):
    open_page(browser, site_url)
    h1 = browser.find_element(By.CSS_SELECTOR, "article h1").text
    assert h1 == "Het Koninkrijk in de VN: brieven aan de Tweede Kamer"
    assert browser.title == f"{h1} - VN-brieven"
    assert len(browser.find_elements(By.CSS_SELECTOR, "article h1")) == 1


# --- the 404 page under a sub-path ---------------------------------------------------------------------

class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """The site under /sub/ (as GitHub Pages serves a project site); anything else, and any missing
    file, gets site/404.html with status 404, as GitHub Pages and most static hosts do."""
    prefix = "/sub/"

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = self.path.split("?")[0].split("#")[0]
        if path.startswith(self.prefix):
            self.path = "/" + self.path[len(self.prefix):]
            local = Path(self.translate_path(self.path))
            if local.is_file() or (local / "index.html").is_file():
                return super().send_head()
        page = Path(self.directory) / "404.html"
        data = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)


@pytest.fixture(scope="module")
def sub_path_url(built_site):
    settings, _ = built_site
    yield from serve(settings.site_dir, _SubPathHandler, "/sub/")


@pytest.mark.parametrize("missing", ["bestaat-niet/", "brieven/2020-avvn75-inzet/bestaat/ook/niet"])
def test_dutch_404_page_works_under_a_sub_path(browser, sub_path_url, screenshot, missing):
    assert sub_path_url.endswith("/sub/")
    browser.get(sub_path_url + "index.html")                       # the site itself is there
    assert browser.find_element(By.CSS_SELECTOR, "article h1").text.startswith("Het Koninkrijk")
    open_page(browser, sub_path_url + missing)
    assert browser.execute_script("return document.documentElement.lang") == "nl"
    assert browser.find_element(By.CSS_SELECTOR, "article h1").text == "Pagina niet gevonden"
    assert browser.title == "Pagina niet gevonden - VN-brieven"
    state = browser.execute_script("""
        return {base: document.baseURI,
                sheets: [...document.styleSheets].filter(s => { try { return s.cssRules.length > 0 } catch (e) { return false } })
                        .map(s => s.href).filter(Boolean),
                header: getComputedStyle(document.querySelector('.md-header')).position,
                links: [...document.querySelectorAll('article a, .md-nav a, .md-copyright a')].map(a => a.href),
                logo: document.querySelector('.md-header__button.md-logo').href};
    """)
    assert state["base"] == sub_path_url, state["base"]
    assert state["header"] == "sticky", state                     # Material's stylesheet is loaded
    assert any(h.endswith("/sub/assets/stylesheets/vn-brieven.css") for h in state["sheets"]), state["sheets"]
    assert all(h.startswith(sub_path_url) or not h.startswith(sub_path_url[:-4]) for h in state["links"]), state
    assert sub_path_url + "brieven/" in state["links"] and sub_path_url + "toegankelijkheid/" in state["links"]
    if "/" in missing.rstrip("/"):
        screenshot(browser, "404-onder-submap")
    home = browser.find_element(By.LINK_TEXT, "Naar de startpagina")
    assert home.get_attribute("href") == sub_path_url
    home.click()
    wait(browser, lambda d: d.current_url == sub_path_url, "the link did not lead to the home page")
    assert browser.find_element(By.CSS_SELECTOR, "article h1").text.startswith("Het Koninkrijk")


# --- screenshots ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("scheme_name, suffix", [("default", "licht"), ("slate", "donker")])
def test_phone_screenshots_for_a_person_to_look_at(phone, site_url, screenshot, scheme_name, suffix):
    for name, path in (("home", ""), ("brieven", "brieven/"), ("letter", LETTER), ("tijdlijn", "tijdlijn/"),
                       ("toegankelijkheid", "toegankelijkheid/")):
        open_page(phone, site_url + path, scheme_name)
        assert screenshot(phone, f"{name}-telefoon-{suffix}").stat().st_size > 5_000
    open_page(phone, site_url + QA_LETTER + "#antwoord-51", scheme_name)
    phone.execute_script("document.querySelector('#antwoord-51 .vn-cite-button').click()")
    screenshot(phone, f"citeer-telefoon-{suffix}")
    open_page(phone, site_url + "tijdlijn/#aandacht", scheme_name)
    screenshot(phone, f"tijdlijn-aandacht-telefoon-{suffix}")
