"""WCAG 2.1 AA in a real browser: axe-core (from npm, in .cache/axe; .ci/run installs it) injected
into the built pages in Debian's Chromium, in the light and the dark scheme, on a desktop and a
phone. Every page must have 0 violations of the wcag2a/2aa/21a/21aa/22aa rules and of axe's best practices (heading order,
landmarks, one h1, ...). Skipped when Chromium or axe-core is missing here; in CI they fail."""
from __future__ import annotations

import pytest

from conftest import AXE_JS, unavailable
from test_browser import open_page
from test_phone_a11y import PAGES, device

pytestmark = pytest.mark.slow

# Every page type (the list is test_phone_a11y's), in the light and the dark scheme, on a desktop
# (1280 x 900) and on a phone (390 x 844, Chromium's device emulation with touch).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]   # 2.2: target-size


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_JS.is_file():
        unavailable(f"axe-core not found at {AXE_JS}: npm install --prefix .cache/axe axe-core@4.14.1 "
                    "(as .ci/run does), or set AXE_CORE_JS to an axe.min.js")
    return AXE_JS.read_text(encoding="utf-8")


def run_axe(driver, source: str) -> dict:
    """axe-core's violations on the page as it stands once every CSS transition and animation has
    ended: a tooltip fading in after the palette toggle is not measured halfway (on a busy machine
    it was, at contrast 1.02). Waits for the state, never retries."""
    if not driver.execute_script("return typeof window.axe !== 'undefined'"):
        driver.execute_script(source)
    return driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const settled = async () => {
            for (let round = 0; round < 20; round++) {          // an ended transition may start another
                const running = document.getAnimations().filter(a => a.playState === 'running');
                if (!running.length) return;
                await Promise.all(running.map(a => a.finished.catch(() => null)));
            }
        };
        settled()
           .then(() => axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']}))
           .then(r => done({version: axe.version, violations: r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary)}))}))
           .catch(e => done({error: String(e)}));
    """, TAGS)


def report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}, {v['count']}x): {v['help']}")
        lines += [f"    {n}".replace("\n", " ") for n in v["nodes"]]
    return "\n".join(lines)


@pytest.mark.parametrize("device_name", ["desktop", "phone"])
@pytest.mark.parametrize("scheme_name", ["default", "slate"])
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_axe_violations(browser, site_url, axe_source, path, scheme_name, device_name):
    with device(browser, device_name):
        open_page(browser, site_url + path, scheme_name)
        assert browser.execute_script("return document.documentElement.lang") == "nl"
        result = run_axe(browser, axe_source)
    assert "error" not in result, result
    assert result["violations"] == [], (f"axe-core {result['version']} on /{path} ({scheme_name}, {device_name}):\n"
                                        + report(result["violations"]))


def test_axe_finds_a_violation_when_there_is_one(browser, site_url, axe_source):
    """The check can fail: remove the page's language and make a link invisible."""
    open_page(browser, site_url)
    browser.execute_script("""
        document.documentElement.removeAttribute('lang');
        const a = document.querySelector('article p a');     // (not the title's hidden ¶)
        a.style.setProperty('color', '#bbbbbb');
    """)
    ids = {v["id"] for v in run_axe(browser, axe_source)["violations"]}
    assert {"html-has-lang", "color-contrast"} <= ids, ids


def test_axe_measures_the_page_after_its_transitions(browser, site_url, axe_source):
    """A link whose colour is still fading in from near-white when axe starts is measured at its
    final colour (the flaky tooltip of issue 15): the check waits for transitions to end."""
    open_page(browser, site_url)
    browser.execute_script("""
        const a = document.querySelector('article a');
        a.style.setProperty('transition', 'none', 'important');  // (the theme fades link colours)
        a.style.setProperty('color', '#fdfdfd', 'important');
        getComputedStyle(a).color;                               // the start of the transition
        a.style.setProperty('transition', 'color 4s linear', 'important');
        a.style.setProperty('color', '#000000', 'important');
    """)
    result = run_axe(browser, axe_source)
    assert "color-contrast" not in {v["id"] for v in result["violations"]}, report(result["violations"])
