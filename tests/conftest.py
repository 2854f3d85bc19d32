"""Shared fixtures: the repository paths, Markdown as MkDocs renders it, the built site."""
from __future__ import annotations

import datetime as dt
import functools
import http.server
import importlib.util
import os
import threading
from pathlib import Path

import markdown
import pytest
import yaml

from generator.config import Settings
from generator.knowledge import Knowledge, Resolution

REPO = Path(__file__).resolve().parents[1]
SITECHECK = REPO.parent / "shared" / "tools" / "sitecheck.py"


def knowledge_2417() -> Knowledge:
    """A knowledge base with only resolution 2417 (the index and pagination tests' letters cite it)."""
    return Knowledge(missions={}, resolutions={"2417": Resolution("2417", 2018, dt.date(2018, 5, 24),
                                                                   "Conflict en honger",
                                                                   "https://undocs.org/S/RES/2417(2018)")},
                     country_aliases={}, excluded_countries=frozenset())


def markdown_from_mkdocs_yml(leave_out: str = "") -> markdown.Markdown:
    """A Python-Markdown instance with exactly the extensions configured in mkdocs.yml (but
    `leave_out`, if named)."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    names, options = [], {}
    for entry in config["markdown_extensions"]:
        name, opts = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name == leave_out:
            continue
        names.append(name)
        if opts:
            options[name] = opts
    return markdown.Markdown(extensions=names, extension_configs=options)


@pytest.fixture
def to_html():
    def convert(text: str) -> str:
        return markdown_from_mkdocs_yml().convert(text)
    return convert


def card_row(page: str, label: str) -> str | None:
    """The HTML of the value of the row `label` of a page's card ("Over deze brief", "Over dit
    land"…: the page as render_letter or render_entities writes it), None when it has no such row."""
    import re
    m = re.search(r"<tr>\n<td>" + re.escape(label) + r"</td>\n<td>(.*)</td>\n</tr>", page)
    return m.group(1) if m else None


@pytest.fixture(scope="session")
def sitecheck():
    """The shared site checker (../shared/tools/sitecheck.py), imported by path."""
    if not SITECHECK.is_file():
        pytest.skip(f"shared site checker not found at {SITECHECK} (CI puts shared/ beside the repo)")
    spec = importlib.util.spec_from_file_location("sitecheck", SITECHECK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def real_settings(tmp_path_factory) -> Settings:
    out = tmp_path_factory.mktemp("real")
    return Settings(content_dir=REPO / "content", site_dir=out / "site", docs_dir=out / "docs",
                    mkdocs_yml=REPO / "mkdocs.yml")


@pytest.fixture(scope="session")
def built_site(real_settings):
    """The real site, built once per test session from content/ with the real pipeline."""
    from generator import pipeline

    report = pipeline.build(real_settings)
    return real_settings, report


# --- the built site in a real browser (tests/test_browser.py, tests/test_accessibility.py) ---------

CHROMIUM = Path(os.environ.get("VN_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("VN_CHROMEDRIVER", "/usr/bin/chromedriver"))
AXE_JS = Path(os.environ.get("AXE_CORE_JS", REPO / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"))
SCREENSHOTS = Path(os.environ.get("VN_SCREENSHOTS", REPO / "build" / "screenshots"))
IN_CI = os.environ.get("CI", "").lower() == "true"


def require_selenium() -> None:
    """At the top of a browser test module, before it imports Selenium: skip the module when
    Selenium is missing here; in CI (CI=true) fail instead."""
    if importlib.util.find_spec("selenium") is None:
        if IN_CI:
            raise ImportError("selenium is not installed (CI=true: the browser tests must run here)")
        pytest.skip("selenium is not installed: pip install -e '.[test]'", allow_module_level=True)


def unavailable(reason: str) -> None:
    """Skip a browser test when a tool is missing here; in CI (CI=true) fail instead: there the
    browser tests must run (.ci/run installs chromium, chromium-driver and axe-core)."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: the browser tests must run here, not be skipped)", pytrace=False)
    pytest.skip(reason)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(directory: Path, handler=None, prefix: str = "/"):
    """A generator for a fixture: `directory` served on 127.0.0.1 on a free port (by `handler`, a
    SimpleHTTPRequestHandler class; default a quiet one); yields the address, `prefix` included."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler or _QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}{prefix}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site):
    """The real site (built once per session), served on 127.0.0.1 on a free port."""
    settings, _ = built_site
    yield from serve(settings.site_dir)


@pytest.fixture(scope="session")
def chromium(tmp_path_factory):
    """Debian's Chromium, headless, driven by Debian's chromedriver through Selenium."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        unavailable("selenium is not installed: pip install -e '.[test]'")
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not path.is_file():
            unavailable(f"{path} not found: apt-get install {package}")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-quic", "--no-first-run", "--window-size=1280,900", "--lang=nl",
                     f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture
def browser(chromium, site_url):
    """The session's browser on a clean start: the light scheme (nothing stored), no console log."""
    chromium.get(site_url)
    chromium.execute_script("window.localStorage.clear()")
    chromium.get_log("browser")
    return chromium


_screenshots: list[Path] = []


@pytest.fixture(scope="session")
def screenshot():
    """save(driver, name): a PNG of the browser window in build/screenshots/ (git-ignored; the
    folder is printed at the end of the run) for a person to look at."""
    def save(driver, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        assert driver.save_screenshot(str(path)), path
        _screenshots.append(path)
        return path
    return save


def pytest_terminal_summary(terminalreporter) -> None:
    if _screenshots:
        terminalreporter.write_line(f"screenshots: {len(_screenshots)} written to {SCREENSHOTS}")
