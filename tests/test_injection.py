"""Nothing a letter says becomes markup: payloads in a letter's text and sidecar are built into a
real site, and the BUILT HTML (the letter page, the entity pages its mentions land on, the
overviews) and the search index are parsed to check that each payload is visible text and never an
element or attribute. Plus the Content-Security-Policy every page carries, and (when a Chromium
and its driver are installed) that the site works in a real browser under that policy.
"""
from __future__ import annotations

import contextlib
import functools
import html.parser
import http.server
import io
import json
import shutil
import threading
from pathlib import Path

import pytest

from generator.mkdocs_ext import csp
from generator.__main__ import main

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow

LETTER_ID = "2021-injectie"
# (payload, paragraph it stands in); each paragraph also mentions an entity, so its sentence is
# copied to that entity's page and into the search index.
PARAGRAPHS = [
    "Hierbij informeer ik u over de inzet in Mali <script>alert(1)</script> en de steun aan de bevolking.",
    "De tekst <img src=x onerror=alert(1)> staat in deze alinea over de situatie in Libanon.",
    "Zie [klik](javascript:alert(1)) en ![x](http://evil.example/x.png) over de oorlog in Syrië.",
    "In Jemen staat een opmerking <!-- verborgen --> midden in de tekst.",
    "Over Irak: sjablonen {{ config }} en {% raw %} en {%- endraw %} blijven gewoon tekst.",
    "Over Iran: letterlijk &lt; en &amp; en &#60; blijven als tekens staan.",
    "Resolutie 2417<b>vet</b> en MINUSMA**sterk** en Mali<script>x()</script> en <a href=\"javascript:y()\">Somalië</a> naast opmaak.",
]
# Lines that start with a character Markdown acts on, once inside a paragraph (the source line
# starts with it) and once as a paragraph of their own.
LINE_STARTS = ["# zoals een hekje", "> of een groter-dan-teken", "| of een verticale streep | met nog een |",
               "??? of vraagtekens", "!!! note of uitroeptekens", "*** of sterretjes", "1. of een nummer",
               "- of een streepje"]
OWN_PARAGRAPHS = ["# Een hekje aan het begin van een alinea.", "> Een groter-dan-teken aan het begin van een alinea.",
                  "| Een verticale streep | aan het begin van een alinea |",
                  "??? Vraagtekens aan het begin van een alinea.", "!!! note Uitroeptekens aan het begin van een alinea.",
                  "***", "=== Gelijktekens aan het begin van een alinea.", "+ Een plus aan het begin van een alinea."]
TITLE = 'Titel <img src=x onerror=alert(1)> <script>alert(2)</script> [link](javascript:alert(3)) {{ config }}'
NOTES = "Opmerking <script>alert(4)</script> ![x](http://evil.example/y.png)"
SIGNATORY = "S.A. <b onmouseover=alert(5)>Blok</b>"


def letter_text() -> str:
    mixed = ("Deze alinea over Mali loopt door over regels die beginnen met tekens die in Markdown iets betekenen,\n"
             + "\n".join(LINE_STARTS) + "\nen eindigt hier.")
    return "\n\n".join(["Geachte voorzitter,", *PARAGRAPHS, mixed, *OWN_PARAGRAPHS,
                        "De Minister van Buitenlandse Zaken,"]) + "\n"


def sidecar() -> str:
    return json.dumps({"title": TITLE, "kind": "inzetbrief", "date": "2021-09-01", "notes": NOTES,
                       "signatories": [{"name": SIGNATORY, "role": "Minister <i>van</i> {{ x }}"}]},
                      ensure_ascii=False)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("injection")
    content = root / "content"
    shutil.copytree(REPO / "content/pages", content / "pages")
    shutil.copytree(REPO / "content/knowledge", content / "knowledge")
    (content / "letters").mkdir()
    (content / "letters" / f"{LETTER_ID}.txt").write_text(letter_text(), encoding="utf-8")
    (content / "letters" / f"{LETTER_ID}.yml").write_text(sidecar(), encoding="utf-8")     # JSON is YAML
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["build", "--content", str(content), "--site", str(root / "site"), "--docs", str(root / "docs"),
                     "--config", str(REPO / "mkdocs.yml")])
    assert code == 0, err.getvalue()
    return root / "site"


class Page(html.parser.HTMLParser):
    """Elements, attributes, comments and visible text of an HTML document or fragment."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.article_elements: list[tuple[str, dict[str, str]]] = []
        self.comments: list[str] = []
        self.article: list[str] = []
        self.title = ""
        self._in_article = self._in_title = 0
        self._whole: list[str] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        if tag == "article" or self._in_article:
            self._in_article += 1
            self.article_elements.append(self.elements[-1])
        self._in_title += tag == "title"

    def handle_endtag(self, tag):
        if self._in_article:
            self._in_article -= 1
        self._in_title -= tag == "title" and self._in_title > 0

    def handle_data(self, data):
        self._whole.append(data)
        if self._in_article:
            self.article.append(data)
        if self._in_title:
            self.title += data

    def handle_comment(self, data):
        self.comments.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self._whole).split())

    @property
    def article_text(self) -> str:
        return " ".join("".join(self.article).split())


def assert_no_injected_markup(page: Page, where: str) -> None:
    for tag, attrs in page.elements:
        assert tag not in ("img", "iframe", "object", "embed", "base", "style"), (where, tag, attrs)
        assert not (tag == "script" and not attrs.get("src") and attrs.get("type") != "application/json"
                    and "alert" in str(attrs)), (where, attrs)
        for name, value in attrs.items():
            assert not name.startswith("on"), (where, tag, name)
            assert "javascript:" not in value.replace(" ", "").lower(), (where, tag, name, value)
            assert "evil.example" not in value, (where, tag, name, value)
    assert not any("verborgen" in c for c in page.comments), where


def inline_scripts(page_source: str) -> list[str]:
    scan = csp._PageScan()
    scan.feed(page_source)
    return scan.scripts


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# --- the letter page ------------------------------------------------------------------------------

def test_every_payload_is_visible_text_on_the_letter_page(site):
    source = (site / f"brieven/{LETTER_ID}/index.html").read_text(encoding="utf-8")
    page = Page(source)
    assert_no_injected_markup(page, "letter page")
    shown = page.article_text
    for payload in PARAGRAPHS + OWN_PARAGRAPHS[:-3]:
        assert payload in shown, payload
    assert "Deze alinea over Mali loopt door over regels die beginnen met tekens die in Markdown iets betekenen, " \
           + " ".join(LINE_STARTS[:-1]) in shown
    assert NOTES in shown and "S.A. <b onmouseover=alert(5)>Blok</b> (Minister <i>van</i> {{ x }})" in shown


def test_no_markup_from_the_letter_in_the_article(site):
    """None of the elements the payloads spell: a quote, a table, a rule, a numbered list, a details
    block, <b>, <i>, a script or an image. (Bold and italics made by Markdown would also have eaten
    the literal ** and _ that test_every_payload_is_visible_text_on_the_letter_page finds.)"""
    page = Page((site / f"brieven/{LETTER_ID}/index.html").read_text(encoding="utf-8"))
    article = page.article_elements
    tags = {t for t, _ in article}
    assert not tags & {"script", "img", "blockquote", "hr", "ol", "b", "i"}, tags
    # the page's own collapsed sections ("Gewicht per thema", "Thema's per passage", removed page
    # furniture: class "note"); a details block spelled by a payload would carry another class
    details = [a.get("class", "") for t, a in article if t == "details"]
    assert all(c.split() == ["note"] for c in details) and len(details) <= 3, details
    assert sum(t == "table" for t, _ in article) == 1                      # the metadata card only
    assert sum(t == "h1" for t, _ in article) == 1                         # the title only
    assert sum("admonition" in a.get("class", "").split() for _, a in article) == 1    # the card
    links = [a["href"] for t, a in article if t == "a" and a.get("href")]
    # anchors, site pages, and the letter's own downloads beside its page (issue 18)
    own = {f"{LETTER_ID}.{ext}" for ext in ("txt", "bib", "ris", "csl.json")}
    assert all(h.startswith(("#", "../../")) or h in own for h in links), links


def test_title_with_markup_is_text_everywhere(site):
    letter = Page((site / f"brieven/{LETTER_ID}/index.html").read_text(encoding="utf-8"))
    assert letter.title == f"{TITLE} - VN-brieven"
    assert TITLE in letter.article_text
    for path in (site / "index.html", site / "jaren/2021/index.html", site / "landen/mali/index.html",
                 site / "resoluties/2417/index.html"):
        page = Page(path.read_text(encoding="utf-8"))
        assert_no_injected_markup(page, str(path))
        assert TITLE in page.text, path


# --- where the text also ends up -----------------------------------------------------------------

@pytest.mark.parametrize("entity, payload", [
    ("landen/mali", PARAGRAPHS[0]), ("landen/libanon", PARAGRAPHS[1]), ("landen/syrie", PARAGRAPHS[2]),
    ("landen/jemen", PARAGRAPHS[3]), ("landen/irak", PARAGRAPHS[4]), ("landen/iran", PARAGRAPHS[5]),
    ("resoluties/2417", PARAGRAPHS[6]), ("missies/minusma", PARAGRAPHS[6]), ("landen/somalie", PARAGRAPHS[6]),
])
def test_payloads_are_text_on_the_entity_pages(site, entity, payload):
    page = Page((site / entity / "index.html").read_text(encoding="utf-8"))
    assert_no_injected_markup(page, entity)
    assert payload in page.article_text


def test_search_index_holds_the_payloads_as_plain_text_that_pagefind_escapes(site):
    """Pagefind's record of the letter holds its text as plain text (the payloads as they were
    written, not as markup); pagefind.js escapes < and > before it marks the hits and the UI
    puts the snippet in the page as HTML, and the title goes in as text. The browser test below
    checks what is shown."""
    import gzip

    records = [json.loads(gzip.decompress(p.read_bytes())[len(b"pagefind_dcd"):])
               for p in (site / "pagefind/fragment").glob("*.pf_fragment")]
    ours = next(r for r in records if r["url"] == f"/brieven/{LETTER_ID}/")
    assert all(payload in ours["content"] for payload in PARAGRAPHS), ours["content"][:2000]
    assert ours["meta"]["title"] == TITLE
    script = (site / "pagefind/pagefind.js").read_text(encoding="utf-8")
    assert 'fragment.content.replace(/</g,"&lt;").replace(/>/g,"&gt;")' in script


def test_no_page_of_the_site_has_injected_markup(site):
    for path in html_pages(site):
        assert_no_injected_markup(Page(path.read_text(encoding="utf-8")), str(path))


# --- Content-Security-Policy -----------------------------------------------------------------------

POLICY_START = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-"
POLICY_END = "; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'"


def test_every_page_has_the_policy_and_every_inline_script_is_allowed_by_hash(site):
    for path in html_pages(site):
        source = path.read_text(encoding="utf-8")
        scan = csp._PageScan()
        scan.feed(source)
        policy = scan.policy
        assert policy and policy.startswith(POLICY_START) and policy.endswith(POLICY_END), path
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy and "http" not in policy, path
        assert source.index('http-equiv="Content-Security-Policy"') < source.index("<script"), path
        assert csp.page_problems(source) == [], path
        scripts = inline_scripts(source)
        most = 5 if path == site / "404.html" else 3     # + the 404 page's two (overrides/404.html)
        assert 2 <= len(scripts) <= most and all("alert" not in s for s in scripts), path


def test_the_build_refuses_a_page_with_a_script_the_policy_does_not_allow():
    page = ('<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
            f"script-src 'self' {csp.script_hash('ok()')}\"></head><body><script>ok()</script>"
            '<script>evil()</script><script src="x.js"></script><script type="application/json">{}</script>'
            '<p onclick="x()">a</p><a href=" JavaScript:y()">b</a></body></html>')
    problems = csp.page_problems(page)
    assert len(problems) == 3, problems
    assert "inline script not allowed by the CSP: 'evil()'" in problems[2]
    assert csp.page_problems("<html><body></body></html>") == [
        'no <meta http-equiv="Content-Security-Policy"> (overrides/main.html missing?)']


TRICKY_MARKUP = [
    '<p title="a > b" onclick="x()">t</p>',                 # ">" inside a quoted value
    "<p title='it\'s' onmouseover=y()>t</p>",
    '<a href="jav&#x61;script:z()">t</a>',                   # a character reference spells the URL
    '<a href="javascri&#112;t:z()">t</a>',
    '<p &#111;nclick="x()" s&#116;yle="a">t</p>',
    '<a href=" java\nscript:z()">t</a>',
    '<div/onload="x()">t</div>',                              # "/" before the attribute name
    '<a b"c=">" onclick="x()">t</a>',                         # a quote inside an attribute name
    '<P STYLE="color:red">t</P><STYLE>p{}</STYLE>',
    '<!-- <p onclick="x()"> --><p>t</p>',                     # a comment is not markup
    '<script>var s = "<p onclick=x()>";</script><script type="module">m()</script>',
    '<SCRIPT>u()</SCRIPT><svg><a xlink:href="javascript:v()">t</a></svg>',
    '<script>var s = "</style>";</script><p onclick="x()">t</p>',   # a style end tag inside a script
    '<style>p{}</script></style><p style="a">t</p>',
    '<p title="unclosed onclick=x()>t</p>',
    '<input formaction="vbscript:w" data-on="1" one="2">',
]


def full_scan(source: str) -> tuple:
    scan = csp._PageScan()
    scan.feed(source)
    scan.close()
    return scan.policy, scan.scripts, scan.problems


def piece_scan(source: str) -> tuple:
    scan = csp._PageScan()
    for piece in csp._suspect_pieces(source):
        scan.feed(piece if piece.endswith(">") else piece + ">")
    scan.close()
    return scan.policy, scan.scripts, scan.problems


def test_the_fast_page_check_finds_what_parsing_the_whole_page_finds(site):
    """page_problems parses only the pieces of a page that can hold a problem; on every built page
    and on markup made to slip past a tag pattern it must see exactly what a full parse sees."""
    head = ('<html><head><meta http-equiv="Content-Security-Policy" content="script-src \'self\'">'
            "</head><body>")
    for markup in TRICKY_MARKUP:
        source = head + markup + "</body></html>"
        assert piece_scan(source) == full_scan(source), markup
    for path in html_pages(site):
        source = path.read_text(encoding="utf-8")
        assert piece_scan(source) == full_scan(source), path


def test_the_preview_server_allows_its_live_reload_script(monkeypatch):
    """`generator serve` injects a live-reload script that differs per response: no hash can allow
    it, so only while serving the policy says 'unsafe-inline' (and the page check accepts that)."""
    assert csp.csp_hashes("<script>a()</script>") == csp.script_hash("a()")
    monkeypatch.setitem(csp._COMMAND, "name", "serve")
    assert csp.csp_hashes("<script>a()</script>") == "'unsafe-inline'"
    page = ('<meta http-equiv="Content-Security-Policy" content="script-src \'self\' \'unsafe-inline\'">'
            "<script>a()</script>")
    assert csp.page_problems(page) == []


def test_script_hash_is_the_browser_s():
    # the hash Chromium 156 named when it refused the inline script document.body.dataset.ran="yes"
    assert csp.script_hash('document.body.dataset.ran="yes"') == "'sha256-V3Se5q4P62fcZVNHHMmHf4+DLM1EXkivVj5fYl3FArI='"


# --- in a real browser ---------------------------------------------------------------------------

CHROMIUM = next((p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
                 if Path(p).exists()), None)
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def browser(site):
    """Headless Chromium (Selenium) on the site served over HTTP; skips without a browser."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
    if not CHROMIUM or not CHROMEDRIVER:
        pytest.skip("Chromium and chromedriver not installed (apt-get install chromium chromium-driver; .ci/run does)")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    options = Options()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    try:
        yield driver, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        driver.quit()
        server.shutdown()


def _security_messages(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e.get("source") == "security"
            or "Content Security Policy" in e["message"]]


def test_browser_reports_csp_violations_at_all(browser, site):
    """The control: a page with an inline script and handler the policy does not allow is reported."""
    driver, base = browser
    (site / "csp-controle.html").write_text(
        '<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
        '</head><body><script>document.title="uitgevoerd"</script><p>x</p></body></html>', encoding="utf-8")
    try:
        driver.get(base + "csp-controle.html")
        assert driver.title != "uitgevoerd"
        assert any("Content Security Policy" in m for m in _security_messages(driver))
    finally:
        (site / "csp-controle.html").unlink()


def test_site_works_in_a_browser_under_its_policy(browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver, base = browser
    driver.get_log("browser")                                     # start clean
    for path in ("", "brieven/", f"brieven/{LETTER_ID}/", "landen/mali/", "resoluties/"):
        driver.get(base + path)
        WebDriverWait(driver, 10).until(lambda d: "js" in d.find_element(By.TAG_NAME, "html").get_attribute("class").split())
        assert driver.execute_script("return typeof __md_get") == "function", path    # Material's inline script ran
    # the injected payloads did not run: no alert is open and the title is the escaped text
    driver.get(base + f"brieven/{LETTER_ID}/")
    assert driver.title == f"{TITLE} - VN-brieven"
    assert driver.execute_script("return document.querySelectorAll('article img, article script').length") == 0
    # search: Pagefind's UI, its web worker, WebAssembly ('wasm-unsafe-eval') and index fetched
    # under connect-src 'self'; the payloads in the results are text
    driver.find_element(By.CSS_SELECTOR, ".vn-search pagefind-modal-trigger button").click()
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.CSS_SELECTOR, ".vn-search dialog input").is_displayed())
    driver.find_element(By.CSS_SELECTOR, ".vn-search dialog input").send_keys("verborgen")
    results = (By.CSS_SELECTOR, ".vn-search .pf-results")
    WebDriverWait(driver, 15).until(lambda d: "<!-- verborgen -->" in d.find_element(*results).text)
    assert driver.execute_script("return document.querySelectorAll('.vn-search .pf-results img, "
                                 ".vn-search .pf-results script').length") == 0
    # the colour palette: switched by the bundle, restored on the next page by Material's inline script
    driver.get(base + "brieven/")
    before = driver.find_element(By.TAG_NAME, "body").get_attribute("data-md-color-scheme")
    driver.find_element(By.CSS_SELECTOR, 'form[data-md-component="palette"] label').click()
    WebDriverWait(driver, 5).until(
        lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-md-color-scheme") != before)
    driver.get(base + "landen/")
    assert driver.find_element(By.TAG_NAME, "body").get_attribute("data-md-color-scheme") != before
    assert _security_messages(driver) == []
