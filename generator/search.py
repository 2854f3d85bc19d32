"""Full-text search: Pagefind indexes the built site (the last step of site_build.update_site, before the swap).

Pagefind (https://pagefind.app, PyPI `pagefind[bin]`) reads the HTML MkDocs wrote and writes a
static search bundle into `<site>/pagefind/`: the index split into small compressed chunks per
word range, one compressed fragment per page (title, text for the snippet, headings), the
WebAssembly search code, and the search UI (`pagefind-component-ui.js/css`) that
overrides/partials/search.html puts in the header. A browser fetches only the chunks a query
needs, so the first search costs a few hundred KB however many letters there are, where
Material's search plugin sent the whole site text as one search_index.json.

What is indexed: only the article of each page (`data-pagefind-body` in overrides/main.html),
without the page furniture in it (EXCLUDE below); of an overview page (a theme, a country, the
list of letters, ...) only the title and introduction, not the letter passages it quotes, which
are found on the letters' own pages (and would make an overview's record grow with the corpus). Words are stemmed as Dutch, from the pages'
`<html lang="nl">`. The result title is the page's first <h1>: the letter title.

The binary is run as a program (`pagefind_bin` ships it for this platform), not through the
asynchronous Python API: one call, its exit code and its report, nothing to keep running. Its
output is deterministic: the same site gives byte-identical files (tests/test_search.py).

Pagefind exits 0 even when it could not write its files (a full disk leaves them empty), so the
bundle is checked before the site is swapped in (`check_index`): its entry file parses and
counts the pages Pagefind reported, there is a fragment per page, and every file is complete
(not empty; each compressed one decompresses, which checks its length and CRC).
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import zlib
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import cbor2

from .errors import BuildError

OUTPUT_SUBDIR = "pagefind"
# Page furniture inside the article, left out of the index (and so out of snippets). Pagefind
# takes CSS selectors without sibling combinators, so a section without an element of its own
# needs a class on its blocks: .vn-furniture (or Pagefind's own attribute data-pagefind-ignore).
EXCLUDE = (
    ".md-tags",             # the theme chips above the title (links to the theme pages)
    ".vn-meta",             # "Over deze brief": the same labels and citation help on every letter
    ".vn-qa-nav",           # the line that leads to the Q&A pages of a letter
    ".headerlink",          # ¶ after headings
    ".vn-permalink",        # ¶ after paragraphs, questions and answers
    ".vn-page",             # the printed page in the margin ("p. 7", read out as "pagina 7")
    ".footnote-backref",    # ↩ after footnotes
    "details",              # collapsed tables, e.g. "Weggelaten paginaopmaak" under Verantwoording
    "#vn-verwant",          # the headings "Verwante brieven" and "Verantwoording"
    "#vn-verantwoording",
    ".vn-furniture",        # any other block marked as furniture
    ".vn-overview li",      # the passages an overview quotes from the letters (overrides/main.html);
    ".vn-overview table",   # the letters' own pages hold them
)
TIMEOUT = 30 * 60           # seconds; 2,000 letters take well under a minute
_INDEXED = re.compile(r"Indexed (\d+) pages?")
_LANGUAGES = re.compile(r"Discovered \d+ languages?: ([^\n]+)")


@dataclass(frozen=True)
class SearchStats:
    pages: int              # pages in the index
    languages: tuple[str, ...]
    seconds: float


def executable() -> Path:
    """The Pagefind binary from the `pagefind_bin` package (a dependency: pagefind[bin])."""
    try:
        from pagefind_bin import get_executable
        return Path(get_executable())
    except (ImportError, FileNotFoundError) as exc:
        raise BuildError(f"Pagefind is not installed, so the site cannot get its search index ({exc})\n"
                         "  hint: pip install -e . (it installs pagefind[bin]; on an unusual platform "
                         "set up the pagefind binary yourself and install pagefind_bin for it)") from exc


def command(site_dir: Path, binary: Path) -> list[str]:
    args = [str(binary), "--site", str(site_dir), "--output-subdir", OUTPUT_SUBDIR]
    for selector in EXCLUDE:
        args += ["--exclude-selectors", selector]
    return args


def index_site(site_dir: Path, binary: Path | None = None) -> SearchStats:
    """Index the built site in site_dir into site_dir/pagefind/. Raises BuildError when Pagefind
    cannot run, fails, or indexes no page (then the build stops and the previous site stays)."""
    site_dir = Path(site_dir)
    binary = binary or executable()
    start = time.perf_counter()
    shutil.rmtree(site_dir / OUTPUT_SUBDIR, ignore_errors=True)   # a rebuild starts from the old site
    try:
        done = subprocess.run(command(site_dir, binary), capture_output=True, text=True,
                              timeout=TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        raise BuildError(f"Pagefind could not be run ({binary}): {exc}\n"
                         "  hint: reinstall it with pip install --force-reinstall 'pagefind[bin]'") from exc
    report = f"{done.stdout}\n{done.stderr}".strip()
    if done.returncode != 0:
        raise BuildError(f"Pagefind failed to index {site_dir} (exit code {done.returncode}):\n  "
                         + "\n  ".join(report.splitlines()[-20:])
                         + "\n  hint: the previous site is left as it was; fix what Pagefind names above, "
                           "or report it with this output")
    pages = [int(n) for n in _INDEXED.findall(done.stdout)]
    if not pages or pages[-1] == 0 or not (site_dir / OUTPUT_SUBDIR / "pagefind.js").is_file():
        raise BuildError(f"Pagefind indexed no page of {site_dir}:\n  " + "\n  ".join(report.splitlines()[-20:])
                         + "\n  hint: every page's article must carry data-pagefind-body "
                           "(overrides/main.html, block container)")
    stable_filters(site_dir / OUTPUT_SUBDIR)
    check_index(site_dir / OUTPUT_SUBDIR, pages[-1], report)
    languages = _LANGUAGES.search(done.stdout)
    return SearchStats(pages=pages[-1], languages=tuple(languages.group(1).split(", ")) if languages else (),
                       seconds=time.perf_counter() - start)


# --- filters in a stable order ------------------------------------------------------------------
# Pagefind 1.5.2 writes the values of a filter (filter/*.pf_filter) and the list of filters in its
# metadata file (pagefind.<hash>.pf_meta) in the order of a Rust HashMap, which changes from run to
# run (its maintainer on issue 638: "other files will still change, such as the filter/metadata
# indexes"); the letters' filters (overrides/partials/vn-finding.html) would make every build's
# bundle differ. stable_filters puts both in sorted order and names the files after their new
# content, as Pagefind names them after theirs. The files are CBOR (RFC 8949) after Pagefind's
# signature, gzip-compressed, read and written with cbor2.

SIGNATURE = b"pagefind_dcd"


def stable_filters(bundle: Path) -> None:
    """Rewrite the filter files and the metadata file of a Pagefind bundle in a stable order."""
    entry_path = bundle / "pagefind-entry.json"
    if not (bundle / "filter").is_dir() or not entry_path.is_file():
        return
    renamed = {}
    for path in sorted((bundle / "filter").glob("*.pf_filter")):
        name, values = _read(path)
        data = [name, sorted(values, key=lambda v: v[0])]
        new_hash = _write(bundle / "filter", path, data, ".pf_filter", 7)
        renamed[path.name[:-len(".pf_filter")]] = new_hash
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(meta_path)
        filters = next(i for i, item in enumerate(meta) if isinstance(item, list) and item
                       and all(isinstance(f, list) and len(f) == 2 and f[1] in renamed for f in item))
        meta[filters] = sorted([name, renamed[old]] for name, old in meta[filters])
        language["hash"] = _write(bundle, meta_path, meta, ".pf_meta", 10, prefix="pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _read(path: Path):
    """The CBOR value of a Pagefind file (cbor2). Its encoding must give back the very bytes
    Pagefind wrote, or a rewrite could change more than the order: then Pagefind's format has
    changed, and the build says so."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise BuildError(f"{path} is not a Pagefind file Pagefind 1.5 writes (no signature)")
    body = data[len(SIGNATURE):]
    try:
        value = cbor2.loads(body)
    except (cbor2.CBORDecodeError, ValueError) as exc:
        raise BuildError(f"{path} cannot be read as CBOR ({exc})") from exc
    if cbor2.dumps(value) != body:
        raise BuildError(f"{path}: its CBOR does not encode back to the same bytes, so its filters cannot "
                         "be put in a stable order\n  hint: Pagefind's file format changed; check "
                         "generator/search.py stable_filters against the installed Pagefind")
    return value


def _write(folder: Path, old: Path, value, suffix: str, digits: int, prefix: str = "") -> str:
    """Write value as a Pagefind file named after its content, remove `old`; return the new hash."""
    data = SIGNATURE + cbor2.dumps(value)
    language = old.name[len(prefix):].split("_", 1)[0]
    new_hash = f"{language}_{hashlib.sha256(data).hexdigest()[:digits]}"
    old.unlink()
    (folder / f"{prefix}{new_hash}{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return new_hash


COMPRESSED = (".pf_fragment", ".pf_index", ".pf_meta", ".pagefind")   # gzip files in the bundle


def check_index(bundle: Path, pages: int, report: str = "") -> None:
    """Raise BuildError unless `bundle` (site/pagefind/) is a complete index of `pages` pages."""
    problems = []
    files = sorted(p for p in bundle.rglob("*") if p.is_file())
    for path in files:
        rel = path.relative_to(bundle).as_posix()
        if path.stat().st_size == 0:
            problems.append(f"{rel} is empty")
        elif path.name.endswith(COMPRESSED):
            try:
                gzip.decompress(path.read_bytes())
            except (OSError, EOFError, zlib.error) as exc:
                problems.append(f"{rel} is incomplete ({exc})")
    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        counted = sum(language["page_count"] for language in entry["languages"].values())
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        problems.append(f"pagefind-entry.json cannot be read ({type(exc).__name__}: {exc})")
    else:
        if counted != pages:
            problems.append(f"pagefind-entry.json counts {counted} pages, Pagefind reported {pages}")
    fragments = sum(p.name.endswith(".pf_fragment") for p in files)
    if fragments != pages:
        problems.append(f"{fragments} page fragments (fragment/*.pf_fragment) for {pages} pages")
    if not any(p.name.endswith(".pf_index") for p in files):
        problems.append("no index chunk (index/*.pf_index)")
    if problems:
        shown = problems[:10] + ([f"... and {len(problems) - 10} more"] if len(problems) > 10 else [])
        output = "".join(f"\n    {line}" for line in report.splitlines()[-10:])
        raise BuildError(f"the search index Pagefind wrote in {bundle} is broken, though Pagefind reported "
                         f"success:\n  " + "\n  ".join(shown)
                         + (f"\n  Pagefind said:{output}" if output else "")
                         + "\n  hint: is the disk full? Free some space and build again; the previous site "
                           "is left as it was")
