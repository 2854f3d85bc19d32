#!/usr/bin/env python3
"""What a search costs a reader: the bytes the browser fetches for each query on a built site.

    .venv/bin/python tools/search_payload.py SITE_DIR klimaat "vredesmissies Mali" mensenrechten
    .venv/bin/python tools/search_payload.py SITE_DIR --page brieven/ --json payload.json klimaat

Serves SITE_DIR on a free port of 127.0.0.1 (http.server in a thread, which does not compress:
Pagefind's index and fragment files are compressed already, its scripts and WebAssembly are not,
so a server with gzip sends less than measured here), opens the page in Debian's headless Chromium
(Selenium and chromedriver, as the browser tests), opens the search, types the first query, waits
until the results are shown and the network is quiet, and adds up what was fetched since the
page had loaded; then the same for each later query (in the same page, so what is cached in
memory is not fetched again, as for a reader).

Bytes are counted where they are sent: the server logs every response with its size (headers
and body). The page's Resource Timing (transferSize) would miss most of it: Pagefind fetches its
WebAssembly, index chunks and page fragments inside a web worker, whose requests neither the
page's performance timeline nor chromedriver's network log list.

`measure(site_dir, queries)` returns one row per query: {query, first, requests, bytes, results,
files}; `results` is the count Pagefind reports, `files` the fetched paths with their bytes.
Used by tools/benchmark.py; not a test.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import re
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

CHROMIUM = Path(os.environ.get("VN_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("VN_CHROMEDRIVER", "/usr/bin/chromedriver"))
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--window-size=1280,900", "--lang=nl")
QUIET = 0.75            # seconds without a new network event: the query's fetches are done
TRIGGER = "pagefind-modal-trigger button"
INPUT = ".vn-search dialog input"
SUMMARY = ".vn-search .pf-summary"


class _Counting:
    """A response stream that counts the bytes written to it."""

    def __init__(self, stream) -> None:
        self.stream, self.count = stream, 0

    def write(self, data) -> int:
        self.count += len(data)
        return self.stream.write(data)

    def __getattr__(self, name):
        return getattr(self.stream, name)


class _LoggingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files and logs (time, path, bytes sent with headers) of every response."""
    log: list[tuple[float, str, int]]
    lock: threading.Lock

    def setup(self) -> None:
        super().setup()
        self.wfile = _Counting(self.wfile)

    def handle_one_request(self) -> None:
        before = self.wfile.count
        super().handle_one_request()
        if self.wfile.count > before:
            with self.lock:
                self.log.append((time.monotonic(), urlsplit(self.path).path, self.wfile.count - before))

    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(site_dir: Path) -> Iterator[tuple[str, list]]:
    """site_dir on http://127.0.0.1:<free port>/ for the duration of the block; yields the address
    and the server's response log, [(time, path, bytes)], which grows as the browser fetches."""
    log: list[tuple[float, str, int]] = []
    handler = type("Handler", (_LoggingHandler,), {"log": log, "lock": threading.Lock()})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, name="payload-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/", log
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not path.is_file():
            raise SystemExit(f"{path} not found: apt-get install {package} (or set VN_CHROMIUM / VN_CHROMEDRIVER)")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    with tempfile.TemporaryDirectory(prefix="payload-chromium-") as profile:
        for flag in FLAGS + (f"--user-data-dir={profile}",):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
        try:
            yield driver
        finally:
            driver.quit()


def settle(log: list, quiet: float = QUIET, timeout: float = 30) -> None:
    """Wait until the server has sent nothing for `quiet` seconds."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        last = log[-1][0] if log else 0.0
        if time.monotonic() - last >= quiet:
            return
        time.sleep(0.05)
    raise TimeoutError(f"the browser kept fetching for {timeout} s")


def _results(driver, query: str, timeout: float) -> int:
    """Wait until Pagefind shows the result count for `query`; return it (0 for none)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def shown(d):
        text = d.find_element(By.CSS_SELECTOR, SUMMARY).text.strip()
        if query.lower() not in text.lower() or text.lower().startswith("zoeken naar"):
            return False
        return text
    text = WebDriverWait(driver, timeout, poll_frequency=0.1).until(shown, f"no results shown for {query!r}")
    number = re.search(r"\d[\d.,\u202f\u00a0]*", text)        # "1.234 resultaten": Dutch thousands
    return int(re.sub(r"\D", "", number.group())) if number and not text.lower().startswith("geen") else 0


def measure(site_dir: Path, queries: list[str], page: str = "", timeout: float = 30) -> list[dict]:
    """Per query (the first on a freshly loaded page, then the later ones in the same page) what
    the search fetched: {query, first, requests, bytes, results, files}."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    site_dir = Path(site_dir)
    if not (site_dir / "pagefind" / "pagefind.js").is_file():
        raise SystemExit(f"{site_dir} has no pagefind/ bundle: build it with `python -m generator build`")
    rows = []
    with serve(site_dir) as (base, log), chromium() as driver:
        driver.get(base + page)
        WebDriverWait(driver, timeout).until(lambda d: d.execute_script("return document.readyState") == "complete")
        WebDriverWait(driver, timeout).until(lambda d: d.find_elements(By.CSS_SELECTOR, TRIGGER), "no search button")
        settle(log, timeout=timeout)                         # the page itself, with its stylesheets and scripts
        seen = len(log)
        driver.find_element(By.CSS_SELECTOR, TRIGGER).click()
        box = WebDriverWait(driver, timeout).until(lambda d: d.find_element(By.CSS_SELECTOR, INPUT))
        for i, query in enumerate(queries):
            box.send_keys(Keys.CONTROL, "a")
            box.send_keys(Keys.BACKSPACE)
            box.send_keys(query)
            results = _results(driver, query, timeout)
            settle(log, timeout=timeout)                     # the fragments of the shown results come last
            files = [(path, size) for _, path, size in log[seen:]]
            seen += len(files)
            rows.append({"query": query, "first": i == 0, "requests": len(files),
                         "bytes": sum(size for _, size in files), "results": results,
                         "files": sorted(files)})
    return rows


def format_rows(rows: list[dict]) -> str:
    lines = ["| query | first | requests | KB | results |", "|---|---|---:|---:|---:|"]
    lines += [f"| {r['query']} | {'yes' if r['first'] else 'no'} | {r['requests']} | {r['bytes'] / 1024:.1f} "
              f"| {r['results']} |" for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bytes fetched per search query on a built site.")
    parser.add_argument("site", type=Path, help="built site folder (with pagefind/)")
    parser.add_argument("queries", nargs="+", help="queries, typed one after the other")
    parser.add_argument("--page", default="", help="page to search from, relative to the site (default: home)")
    parser.add_argument("--json", type=Path, help="also write the rows (with the fetched files) to this file")
    parser.add_argument("--files", action="store_true", help="list the fetched files per query")
    args = parser.parse_args(argv)
    rows = measure(args.site, args.queries, page=args.page)
    print(format_rows(rows))
    if args.files:
        for r in rows:
            print(f"\n{r['query']}:")
            print("\n".join(f"  {size:>9}  {path}" for path, size in r["files"]))
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
