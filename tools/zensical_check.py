"""Build the generated docs once with MkDocs and once with Zensical, and report the differences.

Material for MkDocs announces its end of life for 2027-05-05 and names Zensical, which reads
mkdocs.yml, as its successor. This check shows how far the site already builds with it:

    pip install -e '.[zensical]'
    python tools/zensical_check.py [--content content] [--config mkdocs.yml] [--keep DIR] [--json FILE]

Steps: the generator writes the Markdown (as `generator build` does) into a temporary project
folder, next to a copy of mkdocs.yml and the theme overrides (Zensical wants docs_dir inside the
folder of its configuration file); then `mkdocs build --strict` and `zensical build` each build
that project into a folder of their own. Reported: the time of each build, their warnings, the
pages only one of them made, and per page the differences in the article text, the anchors (ids)
and the links. The exit code is 0 when both builds succeed (differences are reported, not
judged), 1 when a build fails, 2 when zensical is not installed.

Only this tool and the [zensical] extra know about Zensical; the generator does not.
"""
from __future__ import annotations

import argparse
import difflib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

ANSI = re.compile(r"\x1b\[[0-9;]*m")
END_OF_LIFE = "end of life"


def mkdocs_messages(output: str) -> tuple[list[str], list[str]]:
    """(warnings, notices) from MkDocs' log: WARNING/ERROR records, and the text that is no log
    record at all (Material's end-of-life banner); INFO records and their indented lines are left out."""
    warnings, notices, in_info = [], [], False
    for line in ANSI.sub("", output).splitlines():
        if re.match(r"^(WARNING|ERROR)\s+-", line):
            warnings.append(re.sub(r"\s+", " ", line).strip())
            in_info = False
        elif re.match(r"^(INFO|DEBUG)\s+-", line):
            in_info = True
        elif "│" in line:                         # a boxed banner, not a log record
            notices.append(line.strip(" │"))
        elif line.startswith(" ") and in_info or not line.strip() or line.startswith("Aborted with"):
            continue
        else:
            in_info = False
            notices.append(line.strip(" │"))
    banner = [n for n in notices if END_OF_LIFE in n.lower()]
    return warnings, banner or [n for n in notices if n]


def zensical_messages(output: str) -> tuple[list[str], list[str]]:
    """(warnings, notices) from Zensical's output: each 'Warning: …' with the [ file:line:col ] after it."""
    warnings, notices = [], []
    lines = [l.strip() for l in ANSI.sub("", output).splitlines()]
    for i, line in enumerate(lines):
        if line.startswith(("Warning:", "Error:")):
            where = next((m.group(1) for l in lines[i + 1:i + 3] if (m := re.search(r"\[\s*(\S+:\d+:\d+)\s*\]", l))), "")
            warnings.append(f"{where}: {line}" if where else line)
        elif re.match(r"^(Build started|Build finished in|No issues found|\d+ issues? found)", line):
            continue
    return warnings, notices


# --- reading a built page ------------------------------------------------------------------------

class _Article(HTMLParser):
    """The text, ids and links inside <article class="md-content__inner …"> of a Material page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0            # nesting depth inside the article; 0 = outside
        self.skip = 0             # inside <script>/<style>/permalink anchors
        self.text: list[str] = []
        self.ids: set[str] = set()
        self.links: set[str] = set()
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._in_title = True
        if self.depth == 0 and tag == "article" and "md-content__inner" in (attrs.get("class") or ""):
            self.depth = 1
            return
        if self.depth:
            if tag not in ("br", "img", "hr", "input", "meta", "link", "wbr", "source"):
                self.depth += 1
            if attrs.get("id"):
                self.ids.add(attrs["id"])
            if tag == "a" and attrs.get("href"):
                self.links.add(attrs["href"])
            if tag in ("script", "style") or "headerlink" in (attrs.get("class") or ""):
                self.skip += 1

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if self.depth:
            if tag in ("script", "style") or (tag == "a" and self.skip):
                self.skip = max(0, self.skip - 1)
            self.depth -= 1

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self.depth and not self.skip:
            self.text.append(data)


@dataclass
class Page:
    title: str
    text: str
    ids: set[str]
    links: set[str]


def read_page(path: Path) -> Page:
    parser = _Article()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    text = re.sub(r"\s+", " ", html.unescape(" ".join(parser.text))).strip()
    return Page(parser.title.strip(), text, parser.ids, parser.links)


def html_pages(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}


# --- the two builds ------------------------------------------------------------------------------

@dataclass
class Build:
    tool: str
    ok: bool
    seconds: float
    warnings: list[str]
    notices: list[str]
    output: str


def run_build(tool: str, args: list[str], cwd: Path, messages) -> Build:
    start = time.perf_counter()
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    output = (result.stdout + result.stderr).strip()
    warnings, notices = messages(output)
    return Build(tool, result.returncode == 0, round(seconds, 2), warnings, notices, output)


def prepare_project(work: Path, content: Path, config: Path) -> Path:
    """A folder with mkdocs.yml (docs_dir: docs), the generated docs/ and the theme overrides."""
    from generator import pipeline
    from generator.config import Settings

    project = work / "project"
    project.mkdir()
    settings = Settings(content_dir=content, docs_dir=project / "docs", site_dir=work / "unused-site",
                        mkdocs_yml=config)
    pipeline.generate(settings)
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    custom_dir = (data.get("theme") or {}).get("custom_dir")
    if custom_dir:
        shutil.copytree(config.parent / custom_dir, project / custom_dir)
    data["docs_dir"], data["site_dir"] = "docs", "site"
    (project / "mkdocs.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                        encoding="utf-8")
    return project


# --- comparing -----------------------------------------------------------------------------------

@dataclass
class PageDifference:
    page: str
    similarity: float                       # difflib ratio of the article texts, 1.0 = same
    text_diff: list[str] = field(default_factory=list)   # a few differing word runs
    ids_only_mkdocs: list[str] = field(default_factory=list)
    ids_only_zensical: list[str] = field(default_factory=list)
    links_only_mkdocs: list[str] = field(default_factory=list)
    links_only_zensical: list[str] = field(default_factory=list)
    title: tuple[str, str] | None = None


def compare_page(name: str, a: Page, b: Page, max_runs: int = 5) -> PageDifference | None:
    words_a, words_b = a.text.split(), b.text.split()
    matcher = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False)
    runs = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal" and len(runs) < max_runs:
            runs.append(f"{op}: mkdocs «{' '.join(words_a[i1:i2])[:120]}» "
                        f"zensical «{' '.join(words_b[j1:j2])[:120]}»")
    diff = PageDifference(name, round(matcher.ratio(), 4), runs,
                          sorted(a.ids - b.ids), sorted(b.ids - a.ids),
                          sorted(a.links - b.links), sorted(b.links - a.links),
                          (a.title, b.title) if a.title != b.title else None)
    same = (not runs and not diff.ids_only_mkdocs and not diff.ids_only_zensical
            and not diff.links_only_mkdocs and not diff.links_only_zensical and diff.title is None)
    return None if same else diff


DIFF_KEYS = ("ids_only_mkdocs", "ids_only_zensical", "links_only_mkdocs", "links_only_zensical")
EXTERNAL = re.compile(r"""(?:src|href)=["']https?://([^/"'#?]+)""")


def compare_sites(mkdocs_site: Path, zensical_site: Path) -> dict:
    a, b = html_pages(mkdocs_site), html_pages(zensical_site)
    both = sorted(a.keys() & b.keys())
    diffs = {name: compare_page(name, read_page(a[name]), read_page(b[name])) for name in both}
    # what differs on every page is the theme, not the content: report it once
    theme = {key: sorted(set.intersection(*(set(getattr(d, key)) if d else set() for d in diffs.values())))
             for key in DIFF_KEYS} if diffs else {key: [] for key in DIFF_KEYS}
    differences = []
    for d in diffs.values():
        if d is None:
            continue
        for key in DIFF_KEYS:
            setattr(d, key, [x for x in getattr(d, key) if x not in theme[key]])
        if d.text_diff or d.title or any(getattr(d, key) for key in DIFF_KEYS):
            differences.append(d)
    files_a = {p.relative_to(mkdocs_site).as_posix() for p in mkdocs_site.rglob("*") if p.is_file()}
    files_b = {p.relative_to(zensical_site).as_posix() for p in zensical_site.rglob("*") if p.is_file()}
    return {
        "pages": {"mkdocs": len(a), "zensical": len(b), "both": len(both)},
        "pages_only_mkdocs": sorted(a.keys() - b.keys()),
        "pages_only_zensical": sorted(b.keys() - a.keys()),
        "other_files_only_mkdocs": sorted(f for f in files_a - files_b if not f.endswith(".html")),
        "other_files_only_zensical": sorted(f for f in files_b - files_a if not f.endswith(".html")),
        "theme_differences_on_every_page": {k: v for k, v in theme.items() if v},
        "external_hosts": {"mkdocs": external_hosts(a.values()), "zensical": external_hosts(b.values())},
        "pages_with_differences": [asdict(d) for d in differences],
        "text_identical_pages": len(both) - sum(1 for d in differences if d.text_diff),
    }


def external_hosts(pages) -> dict[str, int]:
    """Hosts linked or loaded from anywhere in the pages (theme included), with how many pages."""
    counts: dict[str, int] = {}
    for page in pages:
        for host in set(EXTERNAL.findall(page.read_text(encoding="utf-8", errors="replace"))):
            counts[host] = counts.get(host, 0) + 1
    return dict(sorted(counts.items()))


# --- report --------------------------------------------------------------------------------------

def format_report(builds: list[Build], comparison: dict | None, versions: dict[str, str]) -> str:
    out = ["Zensical check: the generated docs built with MkDocs and with Zensical", ""]
    out += [f"versions: {', '.join(f'{k} {v}' for k, v in versions.items())}"]
    for b in builds:
        state = "ok" if b.ok else "FAILED"
        out.append(f"{b.tool:9} {state:6} {b.seconds:6.2f} s   warnings: {len(b.warnings)}")
        out += [f"    {w}" for w in b.warnings[:20]]
        if len(b.warnings) > 20:
            out.append(f"    … {len(b.warnings) - 20} more")
        out += [f"    notice: {n}" for n in b.notices[:5]]
    if comparison is None:
        return "\n".join(out)
    pages = comparison["pages"]
    out += ["", f"pages: mkdocs {pages['mkdocs']}, zensical {pages['zensical']}, in both {pages['both']}",
            f"pages with the same article text: {comparison['text_identical_pages']} of {pages['both']}"]
    for key in ("pages_only_mkdocs", "pages_only_zensical", "other_files_only_mkdocs", "other_files_only_zensical"):
        items = comparison[key]
        out.append(f"{key.replace('_', ' ')}: {len(items)}")
        out += [f"    {i}" for i in items[:15]] + ([f"    … {len(items) - 15} more"] if len(items) > 15 else [])
    for key, items in comparison["theme_differences_on_every_page"].items():
        out.append(f"theme, on every page: {key.replace('_', ' ')}: {', '.join(items)}")
    hosts = comparison["external_hosts"]
    for tool, other in (("mkdocs", "zensical"), ("zensical", "mkdocs")):
        only = sorted(set(hosts[tool]) - set(hosts[other]))
        if only:
            out.append(f"external hosts only in {tool}: " + ", ".join(f"{h} ({hosts[tool][h]} pages)" for h in only))
    diffs = comparison["pages_with_differences"]
    out.append(f"pages with differences (text, anchors, links or title): {len(diffs)}")
    for d in diffs[:30]:
        out.append(f"  {d['page']}  similarity {d['similarity']:.4f}")
        out += [f"      {r}" for r in d["text_diff"]]
        for key in ("ids_only_mkdocs", "ids_only_zensical", "links_only_mkdocs", "links_only_zensical"):
            if d[key]:
                shown = ", ".join(d[key][:6]) + (f", … ({len(d[key])})" if len(d[key]) > 6 else "")
                out.append(f"      {key.replace('_', ' ')}: {shown}")
        if d["title"]:
            out.append(f"      title: mkdocs «{d['title'][0]}» zensical «{d['title'][1]}»")
    return "\n".join(out)


def versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version
    found = {}
    for name in ("mkdocs", "mkdocs-material", "zensical"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


def zensical_command() -> list[str] | None:
    exe = Path(sys.executable).parent / "zensical"
    if exe.is_file():
        return [str(exe)]
    found = shutil.which("zensical")
    return [found] if found else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, default=REPO / "content")
    parser.add_argument("--config", type=Path, default=REPO / "mkdocs.yml")
    parser.add_argument("--keep", type=Path, help="keep the project and both sites in this (new) folder")
    parser.add_argument("--json", type=Path, help="also write the comparison as JSON to this file")
    args = parser.parse_args(argv)
    zensical = zensical_command()
    if zensical is None:
        print("zensical is not installed: pip install -e '.[zensical]'", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="zensical-check-")) if args.keep is None else args.keep
    work.mkdir(parents=True, exist_ok=True)
    try:
        project = prepare_project(work, args.content.resolve(), args.config.resolve())
        mkdocs_site, zensical_site = work / "site-mkdocs", work / "site-zensical"
        builds = [
            run_build("mkdocs", [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml",
                                 "-d", str(mkdocs_site)], project, mkdocs_messages),
            run_build("zensical", [*zensical, "build", "-f", "mkdocs.yml"], project, zensical_messages),
        ]
        if (project / "site").is_dir():
            (project / "site").rename(zensical_site)
        comparison = compare_sites(mkdocs_site, zensical_site) if all(b.ok for b in builds) else None
        print(format_report(builds, comparison, versions()))
        if args.json:
            args.json.write_text(json.dumps({"versions": versions(), "builds": [asdict(b) for b in builds],
                                             "comparison": comparison}, indent=2, ensure_ascii=False),
                                 encoding="utf-8")
        for b in builds:
            if not b.ok:
                print(f"\n{b.tool} output:\n{b.output}", file=sys.stderr)
        return 0 if all(b.ok for b in builds) else 1
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
